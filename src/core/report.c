/* Reports: the numbers behind the funnel, NPS and workload. The storage
 * counts with indexed queries (store/report.c); the periods a report
 * covers and the NPS rule are the domain's, here and in core/score.c.
 * Uses store/ and below. */
#include <config.h>

#include <string.h>

#include "base/date.h"
#include "core/report.h"
#include "store/report.h"

/* The first moment of the month and of the quarter that `now` is in. */
static time_t month_start(struct date today)
{
    return date_to_time((struct date){ today.year, today.month, 1 });
}

static time_t quarter_start(struct date today)
{
    return date_to_time((struct date){ today.year, (today.month - 1) / 3 * 3 + 1, 1 });
}

/* Each group's NPS from the latest scores by stage and roles. */
static void report_nps(const struct report_counts *counts, struct report *out)
{
    for (int s = 0; s < STAGE_COUNT; s++) {
        for (unsigned roles = 0; roles < REPORT_ROLE_SETS; roles++) {
            for (int value = 0; value < REPORT_SCORE_VALUES; value++) {
                int64_t n = counts->latest_scores[s][roles][value];
                if (n == 0)
                    continue;
                score_nps_count(&out->nps_stage[s], value, n);
                if (roles & ROLE_USER)
                    score_nps_count(&out->nps_user, value, n);
                if (roles & ROLE_DECISION_MAKER)
                    score_nps_count(&out->nps_decision_maker, value, n);
                score_nps_count(&out->nps_all, value, n);
            }
        }
    }
}

enum store_status report_build(struct store *st,
                               const int stage_cadence[STAGE_COUNT],
                               time_t now, struct report *out)
{
    memset(out, 0, sizeof *out);
    struct date today = date_from_time(now);
    enum store_status rc = store_promotions_since(st, month_start(today),
                                                  &out->promotions_month);
    if (rc == STORE_OK)
        rc = store_promotions_since(st, quarter_start(today),
                                    &out->promotions_quarter);
    struct report_counts counts;
    if (rc == STORE_OK)
        rc = store_report_counts(st, stage_cadence, now, &counts);
    if (rc != STORE_OK)
        return rc;
    memcpy(out->stage_counts, counts.stage_counts, sizeof out->stage_counts);
    memcpy(out->median_days, counts.median_days, sizeof out->median_days);
    report_nps(&counts, out);
    out->overdue = counts.overdue;
    out->quiet = counts.quiet;
    return STORE_OK;
}
