/* Reports: the counts behind the funnel, promotions, days per stage,
 * NPS and the workload. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/quiet.h"
#include "store/report.h"

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median days in each stage: every stay, from its stage change to the
 * next one (or now for the current stage). */
static enum store_status report_medians(struct store *st, time_t now,
                                        struct report *out)
{
    double *days[STAGE_COUNT] = { NULL };
    size_t len[STAGE_COUNT] = { 0 }, cap[STAGE_COUNT] = { 0 };
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT to_stage, coalesce(lead(at) OVER (PARTITION BY contact_id "
        "ORDER BY at, id), :now) - at FROM stage_change");
    if (!stmt)
        return STORE_FAILED;
    db_bind_named_int(stmt, ":now", (int64_t)now);
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        int s = sqlite3_column_int(stmt, 0);
        if (s < 0 || s >= STAGE_COUNT)
            continue;
        if (db_reserve((void **)&days[s], len[s], &cap[s], sizeof *days[s])) {
            rc = db_no_memory(st);
            break;
        }
        double secs = (double)sqlite3_column_int64(stmt, 1);
        days[s][len[s]++] = secs > 0 ? secs / 86400.0 : 0.0;
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    for (int s = 0; s < STAGE_COUNT; s++) {
        out->median_days[s] = -1;
        if (len[s]) {
            qsort(days[s], len[s], sizeof *days[s], compare_double);
            out->median_days[s] = len[s] % 2 ? days[s][len[s] / 2]
                : (days[s][len[s] / 2 - 1] + days[s][len[s] / 2]) / 2;
        }
        free(days[s]);
    }
    return rc;
}

static void nps_count(struct nps *n, int value)
{
    n->answered++;
    if (value >= 9)
        n->promoters++;
    else if (value <= 6)
        n->detractors++;
}

static enum store_status report_nps(struct store *st, struct report *out)
{
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT c.stage, c.roles, s.value FROM score s JOIN contact c ON c.id = s.contact_id "
        "WHERE c.archived = 0 AND s.id = (SELECT id FROM score l "
        "WHERE l.contact_id = s.contact_id ORDER BY l.at DESC, l.id DESC LIMIT 1)");
    if (!stmt)
        return STORE_FAILED;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        int stage = sqlite3_column_int(stmt, 0);
        unsigned roles = (unsigned)sqlite3_column_int(stmt, 1);
        int value = sqlite3_column_int(stmt, 2);
        if (stage >= 0 && stage < STAGE_COUNT)
            nps_count(&out->nps_stage[stage], value);
        if (roles & ROLE_USER)
            nps_count(&out->nps_user, value);
        if (roles & ROLE_DECISION_MAKER)
            nps_count(&out->nps_decision_maker, value);
        nps_count(&out->nps_all, value);
    }
    enum store_status rc = step == SQLITE_DONE ? STORE_OK : db_fail(st);
    db_finish(st, stmt);
    return rc;
}

enum store_status store_report(struct store *st,
                               const int stage_cadence[STAGE_COUNT],
                               time_t now, struct report *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT stage, count(*) FROM contact WHERE archived = 0 GROUP BY stage");
    if (!stmt)
        return STORE_FAILED;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        int s = sqlite3_column_int(stmt, 0);
        if (s >= 0 && s < STAGE_COUNT)
            out->stage_counts[s] = sqlite3_column_int64(stmt, 1);
    }
    db_finish(st, stmt);

    struct date today = date_from_time(now);
    struct date month = { today.year, today.month, 1 };
    struct date quarter = { today.year, (today.month - 1) / 3 * 3 + 1, 1 };
    static const char promotions[] =
        "SELECT count(*) FROM stage_change WHERE at >= ? "
        "AND from_stage IS NOT NULL AND to_stage > from_stage";
    enum store_status rc = db_query_int(st, promotions,
                                        (int64_t)date_to_time(month),
                                        &out->promotions_month);
    if (rc == STORE_OK)
        rc = db_query_int(st, promotions, (int64_t)date_to_time(quarter),
                          &out->promotions_quarter);
    if (rc == STORE_OK)
        rc = report_medians(st, now, out);
    if (rc == STORE_OK)
        rc = report_nps(st, out);
    if (rc == STORE_OK) {
        stmt = db_prepare(st, "SELECT count(*) FROM followup f "
                              "WHERE f.state = 0 AND f.contact_archived = 0 AND f.effective < ?");
        if (!stmt)
            return STORE_FAILED;
        db_bind_date(stmt, 1, today);
        rc = db_step_int(st, stmt, &out->overdue);
    }
    if (rc == STORE_OK)
        rc = store_quiet_count(st, stage_cadence, now, &out->quiet);
    return rc;
}
