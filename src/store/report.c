/* Reports: the counts behind the funnel, promotions, days per stage,
 * NPS and the workload, as they are; the domain (core/report.c) takes
 * the periods and applies the NPS rule. Uses store/db.h, store/quiet.h. */
#include <config.h>

#include <stdio.h>
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
        rc = store_quiet_count(st, stage_cadence, NULL, now, &out->quiet);
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

enum store_status store_demotions_since(struct store *st, time_t since,
                                        int64_t *count)
{
    *count = 0;
    return db_query_int(st,
        "SELECT count(*) FROM stage_change WHERE at >= ? "
        "AND from_stage IS NOT NULL AND to_stage < from_stage",
        (int64_t)since, count);
}

/* Reads (name, count) rows into tallies, at most REPORT_TALLIES. */
static enum store_status read_tallies(struct store *st, sqlite3_stmt *stmt,
                                      struct report_tally *t, size_t *len)
{
    *len = 0;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW && *len < REPORT_TALLIES) {
        const unsigned char *name = sqlite3_column_text(stmt, 0);
        snprintf(t[*len].name, sizeof t[*len].name, "%s",
                 name ? (const char *)name : "");
        t[*len].count = sqlite3_column_int64(stmt, 1);
        (*len)++;
    }
    enum store_status rc = step == SQLITE_ROW || step == SQLITE_DONE
                               ? STORE_OK : db_fail(st);
    db_finish(st, stmt);
    return rc;
}

enum store_status store_report_period(struct store *st, time_t from,
                                      time_t to,
                                      struct report_period_counts *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT kind, count(*) FROM note WHERE at >= :from AND at < :to "
        "GROUP BY kind ORDER BY 2 DESC, 1");
    if (!stmt)
        return STORE_FAILED;
    db_bind_named_int(stmt, ":from", (int64_t)from);
    db_bind_named_int(stmt, ":to", (int64_t)to);
    enum store_status rc = read_tallies(st, stmt, out->kinds, &out->kind_len);
    if (rc != STORE_OK)
        return rc;
    /* Counted per contact first, from note_by_time alone: each contact
     * is then looked up once, not once per note. */
    stmt = db_prepare(st,
        "SELECT coalesce(o.name, ''), sum(x.n) FROM "
        "(SELECT contact_id, count(*) AS n FROM note "
        "WHERE at >= :from AND at < :to GROUP BY contact_id) x "
        "JOIN contact c ON c.id = x.contact_id "
        "LEFT JOIN organisation o ON o.id = c.org_id "
        "GROUP BY c.org_id ORDER BY 2 DESC, 1");
    if (!stmt)
        return STORE_FAILED;
    db_bind_named_int(stmt, ":from", (int64_t)from);
    db_bind_named_int(stmt, ":to", (int64_t)to);
    rc = read_tallies(st, stmt, out->orgs, &out->org_len);
    for (size_t i = 0; i < out->kind_len; i++)
        out->total += out->kinds[i].count;
    return rc;
}
