/* Reports: the counts behind the funnel, promotions, days per stage,
 * NPS and the workload, as they are; the domain (core/report.c) takes
 * the periods and applies the NPS rule. Uses store/db.h, store/quiet.h. */
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
                                        struct report_counts *out)
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

/* The latest score of every active contact, counted by the contact's
 * stage and roles and the score's value. */
static enum store_status report_scores(struct store *st, struct report_counts *out)
{
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT c.stage, c.roles, s.value, count(*) FROM score s "
        "JOIN contact c ON c.id = s.contact_id "
        "WHERE c.archived = 0 AND s.id = (SELECT id FROM score l "
        "WHERE l.contact_id = s.contact_id ORDER BY l.at DESC, l.id DESC LIMIT 1) "
        "GROUP BY 1, 2, 3");
    if (!stmt)
        return STORE_FAILED;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        int stage = sqlite3_column_int(stmt, 0);
        unsigned roles = (unsigned)sqlite3_column_int(stmt, 1) & (REPORT_ROLE_SETS - 1);
        int value = sqlite3_column_int(stmt, 2);
        if (stage >= 0 && stage < STAGE_COUNT && value >= 0 && value < REPORT_SCORE_VALUES)
            out->latest_scores[stage][roles][value] += sqlite3_column_int64(stmt, 3);
    }
    enum store_status rc = step == SQLITE_DONE ? STORE_OK : db_fail(st);
    db_finish(st, stmt);
    return rc;
}

enum store_status store_report_counts(struct store *st,
                                      const int stage_cadence[STAGE_COUNT],
                                      time_t now, struct report_counts *out)
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

    enum store_status rc = report_medians(st, now, out);
    if (rc == STORE_OK)
        rc = report_scores(st, out);
    if (rc == STORE_OK) {
        stmt = db_prepare(st, "SELECT count(*) FROM followup f "
                              "WHERE f.state = 0 AND f.contact_archived = 0 AND f.effective < ?");
        if (!stmt)
            return STORE_FAILED;
        db_bind_date(stmt, 1, date_from_time(now));
        rc = db_step_int(st, stmt, &out->overdue);
    }
    if (rc == STORE_OK)
        rc = store_quiet_count(st, stage_cadence, now, &out->quiet);
    return rc;
}

enum store_status store_promotions_since(struct store *st, time_t since,
                                         int64_t *count)
{
    *count = 0;
    return db_query_int(st,
        "SELECT count(*) FROM stage_change WHERE at >= ? "
        "AND from_stage IS NOT NULL AND to_stage > from_stage",
        (int64_t)since, count);
}
