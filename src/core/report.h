/* Reports: the funnel, promotions, days per stage, NPS, workload.
 * Uses store/ and below. */
#ifndef RAPPORT_REPORT_H
#define RAPPORT_REPORT_H

#include <stdint.h>
#include <time.h>

#include "core/score.h"
#include "model/stage.h"
#include "store/report.h"
#include "store/store.h"

struct report {
    int64_t stage_counts[STAGE_COUNT];
    int64_t promotions_month;      /* stage changes forward since the 1st */
    int64_t promotions_quarter;    /* since the quarter's first day */
    int64_t promotions_year;       /* since the 1st of January */
    int64_t demotions_month;       /* stage changes backward, likewise */
    int64_t demotions_quarter;
    int64_t demotions_year;
    double median_days[STAGE_COUNT];  /* median days spent in each stage
                                         (finished stays and current ones);
                                         -1 when no data */
    struct nps nps_stage[STAGE_COUNT];
    struct nps nps_user;           /* contacts with the user role */
    struct nps nps_decision_maker;
    struct nps nps_all;
    int64_t overdue;               /* open follow-ups before today */
    int64_t quiet;                 /* gone quiet contacts */
    /* The period the interactions were counted over, [from, to); for
     * all time from is 0 and to is the day after today. */
    time_t from, to;
    struct report_period_counts interactions;
};

/* A period a report covers: a calendar month, quarter or year, or all
 * time. */
enum report_span { REPORT_MONTH, REPORT_QUARTER, REPORT_YEAR, REPORT_ALL,
                   REPORT_SPANS };
/* The span that holds `now`, moved `step` spans back (negative) or
 * forward: its first moment and the first moment after it. */
void report_period(enum report_span span, time_t now, int step,
                   time_t *from, time_t *to);
/* The stable name of a span ("month"), and its translated label. */
const char *report_span_key(enum report_span span);
const char *report_span_label(enum report_span span);

/* Every figure of a report; the interactions are those of [from, to). */
enum store_status report_build(struct store *st,
                               const int stage_cadence[STAGE_COUNT],
                               time_t now, time_t from, time_t to,
                               struct report *out);

#endif
