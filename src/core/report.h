/* Reports: the funnel, promotions, days per stage, NPS, workload.
 * Uses store/ and below. */
#ifndef RAPPORT_REPORT_H
#define RAPPORT_REPORT_H

#include <stdint.h>
#include <time.h>

#include "core/score.h"
#include "model/stage.h"
#include "store/store.h"

struct report {
    int64_t stage_counts[STAGE_COUNT];
    int64_t promotions_month;      /* stage changes forward since the 1st */
    int64_t promotions_quarter;    /* since the quarter's first day */
    double median_days[STAGE_COUNT];  /* median days spent in each stage
                                         (finished stays and current ones);
                                         -1 when no data */
    struct nps nps_stage[STAGE_COUNT];
    struct nps nps_user;           /* contacts with the user role */
    struct nps nps_decision_maker;
    struct nps nps_all;
    int64_t overdue;               /* open follow-ups before today */
    int64_t quiet;                 /* gone quiet contacts */
};

enum store_status report_build(struct store *st,
                               const int stage_cadence[STAGE_COUNT],
                               time_t now, struct report *out);

#endif
