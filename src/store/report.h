/* The counts behind a report, raw: no period and no NPS rule, which are
 * the domain's (core/report.c, core/score.c). Uses model/contact.h,
 * model/stage.h, store/store.h. */
#ifndef RAPPORT_STORE_REPORT_H
#define RAPPORT_STORE_REPORT_H

#include <stdint.h>
#include <time.h>

#include "model/contact.h"
#include "model/stage.h"
#include "store/store.h"

/* Every combination of enum role's bits, and every score (0..10). */
#define REPORT_ROLE_SETS ((ROLE_USER | ROLE_DECISION_MAKER) + 1)
#define REPORT_SCORE_VALUES 11

struct report_counts {
    int64_t stage_counts[STAGE_COUNT];   /* active contacts per stage */
    /* Active contacts with a score, by stage, roles (enum role bits)
     * and the value of their latest score. */
    int64_t latest_scores[STAGE_COUNT][REPORT_ROLE_SETS][REPORT_SCORE_VALUES];
    double median_days[STAGE_COUNT];  /* median days spent in each stage
                                         (finished stays and current ones);
                                         -1 when no data */
    int64_t overdue;                  /* open follow-ups before today */
    int64_t quiet;                    /* gone quiet contacts */
};
enum store_status store_report_counts(struct store *st,
                                      const int stage_cadence[STAGE_COUNT],
                                      time_t now, struct report_counts *out);
/* Stage changes forward (promotions) at or after `since`. */
enum store_status store_promotions_since(struct store *st, time_t since,
                                         int64_t *count);
/* Stage changes backward (demotions) at or after `since`. */
enum store_status store_demotions_since(struct store *st, time_t since,
                                        int64_t *count);

/* How many notes of one kind, or of one organisation's contacts. */
struct report_tally {
    char name[64];     /* the kind, or the organisation ("" for none) */
    int64_t count;
};
#define REPORT_TALLIES 12
/* Notes written in [from, to): by kind (every kind, most first) and by
 * organisation (the REPORT_TALLIES busiest), and their total. */
struct report_period_counts {
    struct report_tally kinds[REPORT_TALLIES];
    size_t kind_len;
    struct report_tally orgs[REPORT_TALLIES];
    size_t org_len;
    int64_t total;
};
enum store_status store_report_period(struct store *st, time_t from,
                                      time_t to,
                                      struct report_period_counts *out);

#endif
