/* Reports: the numbers behind the funnel, NPS and workload. The storage
 * counts with indexed queries (store/report.c); the periods a report
 * covers and the NPS rule are the domain's, here and in core/score.c.
 * Uses store/ and below. */
#include <config.h>

#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "core/report.h"
#include "store/report.h"

/* The first moment of the month and of the quarter that `now` is in. */
static time_t month_start(struct date today)
{
    return date_to_time((struct date){ today.year, today.month, 1 });
}

static time_t year_start(struct date today)
{
    return date_to_time((struct date){ today.year, 1, 1 });
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

void report_period(enum report_span span, time_t now, int step,
                   time_t *from, time_t *to)
{
    struct date today = date_from_time(now);
    if (span == REPORT_ALL) {
        *from = 0;
        *to = date_to_time(date_add_days(today, 1));
        return;
    }
    int months = span == REPORT_MONTH ? 1 : span == REPORT_QUARTER ? 3 : 12;
    struct date first = { today.year, 1, 1 };
    if (span != REPORT_YEAR)
        first.month = (today.month - 1) / months * months + 1;
    first = date_add_months(first, step * months);
    *from = date_to_time(first);
    *to = date_to_time(date_add_months(first, months));
}

const char *report_span_key(enum report_span span)
{
    static const char *const keys[] = { "month", "quarter", "year", "all" };
    return span < REPORT_SPANS ? keys[span] : "all";
}

const char *report_span_label(enum report_span span)
{
    static const char *const labels[] = {
        N_("month"), N_("quarter"), N_("year"), N_("all time"),
    };
    return _(labels[span < REPORT_SPANS ? span : REPORT_ALL]);
}

/* Promotions and demotions since the month's, quarter's and year's
 * first day. */
static enum store_status report_moves(struct store *st, struct date today,
                                      struct report *out)
{
    const time_t since[3] = {
        month_start(today), quarter_start(today), year_start(today),
    };
    int64_t *up[3] = { &out->promotions_month, &out->promotions_quarter,
                       &out->promotions_year };
    int64_t *down[3] = { &out->demotions_month, &out->demotions_quarter,
                         &out->demotions_year };
    enum store_status rc = STORE_OK;
    for (int i = 0; i < 3 && rc == STORE_OK; i++) {
        rc = store_promotions_since(st, since[i], up[i]);
        if (rc == STORE_OK)
            rc = store_demotions_since(st, since[i], down[i]);
    }
    return rc;
}

enum store_status report_build(struct store *st,
                               const int stage_cadence[STAGE_COUNT],
                               time_t now, time_t from, time_t to,
                               struct report *out)
{
    memset(out, 0, sizeof *out);
    out->from = from;
    out->to = to;
    enum store_status rc = report_moves(st, date_from_time(now), out);
    if (rc == STORE_OK)
        rc = store_report_period(st, from, to, &out->interactions);
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
