/* Organisations as the Organisations screen lists them (see
 * store/org_stats.h). The sorts and the filter read the figures kept
 * per organisation (org_figures, org_score: schema version 7), never
 * its contacts; only the window's rows are counted in full. Uses
 * base/text.h and store/db.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/text.h"
#include "store/db.h"
#include "store/org_stats.h"

void org_summary_clear(struct org_summary *s)
{
    org_clear(&s->org);
}

LIST_CLEAR(org_summary_list_clear, org_summary_list, org_summary_clear)

/* The window's rows are picked first; each one's figures are then
 * counted in one pass over its contacts (read_figures). */
#define SUMMARY_COLUMNS "o.id, o.name, o.notes, o.budget_date"

/* The sort keys, smallest first: most contacts, latest interaction and
 * best NPS first; no answers at all sort after every score. */
static const char *const sort_keys[ORG_SORT_COUNT] = {
    [ORG_SORT_NAME] = "0",
    [ORG_SORT_CONTACTS] = "-coalesce(f.contacts, 0)",
    [ORG_SORT_LAST_TOUCH] = "-coalesce(f.last_touch, 0)",
    [ORG_SORT_NPS] =
        "coalesce((SELECT -100.0 * (sum(CASE WHEN s.value >= :promoter THEN s.n ELSE 0 END) "
        "- sum(CASE WHEN s.value <= :detractor THEN s.n ELSE 0 END)) / nullif(sum(s.n), 0) "
        "FROM org_score s WHERE s.org_id = o.id), 1000)",
};

static enum store_status read_scores(struct store *st, struct org_summary *s)
{
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT roles, value, n FROM org_score WHERE org_id = ? AND n > 0");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, s->org.id);
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        int roles = sqlite3_column_int(stmt, 0);
        int v = sqlite3_column_int(stmt, 1);
        int64_t n = sqlite3_column_int64(stmt, 2);
        if (v < 0 || v >= ORG_SCORE_VALUES)
            continue;
        if (roles & 1)
            s->user_scores[v] += n;
        if (roles & 2)
            s->decision_maker_scores[v] += n;
    }
    enum store_status rc = step == SQLITE_DONE ? STORE_OK : db_fail(st);
    db_finish(st, stmt);
    return rc;
}

static void read_summary(sqlite3_stmt *stmt, struct org_summary *s)
{
    memset(s, 0, sizeof *s);
    s->org.id = sqlite3_column_int64(stmt, 0);
    s->org.name = db_column_text(stmt, 1);
    s->org.notes = db_column_text(stmt, 2);
    const unsigned char *budget = sqlite3_column_text(stmt, 3);
    snprintf(s->org.budget_date, sizeof s->org.budget_date, "%s",
             budget ? (const char *)budget : "");
    s->key = sqlite3_column_double(stmt, 4);
}

/* An organisation's active contacts per stage and role, its latest
 * interaction and its open follow-ups, as kept. */
static enum store_status read_figures(struct store *st, struct org_summary *s)
{
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT end_users, customers, clients, decision_makers, users, "
        "last_touch, open_followups FROM org_figures WHERE org_id = ?");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, s->org.id);
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW) {
        for (int i = 0; i < STAGE_COUNT; i++)
            s->org.stage_counts[i] = sqlite3_column_int(stmt, i);
        s->decision_makers = sqlite3_column_int64(stmt, 3);
        s->users = sqlite3_column_int64(stmt, 4);
        s->last_touch = (time_t)sqlite3_column_int64(stmt, 5);
        s->open_followups = sqlite3_column_int64(stmt, 6);
    }
    enum store_status rc = step == SQLITE_ROW || step == SQLITE_DONE
                               ? STORE_OK : db_fail(st);
    db_finish(st, stmt);
    return rc;
}

static sqlite3_stmt *prepare_page(struct store *st, const struct org_query *q,
                                  bool after, bool backward)
{
    enum org_sort sort = q->sort < ORG_SORT_COUNT ? q->sort : ORG_SORT_NAME;
    const char *dir = backward ? "DESC" : "ASC";
    char *sql = sqlite3_mprintf(
        "SELECT * FROM (SELECT " SUMMARY_COLUMNS ", %s AS k FROM organisation o "
        "LEFT JOIN org_figures f ON f.org_id = o.id "
        "WHERE (:text IS NULL OR instr(rapport_fold(o.name), :text) > 0) "
        "AND (:only = 0 OR o.id = :only)) "
        "WHERE %s ORDER BY k %s, name %s, id %s LIMIT :limit",
        sort_keys[sort],
        after ? (backward ? "(k, name, id) < (:k, :name, :id)"
                          : "(k, name, id) > (:k, :name, :id)")
              : "1",
        dir, dir, dir);
    if (!sql)
        return NULL;
    sqlite3_stmt *stmt = db_prepare(st, sql);
    sqlite3_free(sql);
    return stmt;
}

enum store_status store_org_summary_page(struct store *st,
                                         const struct org_query *q,
                                         const struct org_summary *after,
                                         bool backward, size_t limit,
                                         struct org_summary_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = prepare_page(st, q, after != NULL, backward);
    if (!stmt)
        return STORE_FAILED;
    if (q->text && *q->text) {
        /* Folded as the kept key is: accents and case do not matter. */
        char *key = text_fold(q->text);
        if (!key) {
            db_finish(st, stmt);
            return db_no_memory(st);
        }
        db_bind_named_text(stmt, ":text", key);
        free(key);
    }
    if (q->sort == ORG_SORT_NPS) {
        db_bind_named_int(stmt, ":promoter", q->promoter_min);
        db_bind_named_int(stmt, ":detractor", q->detractor_max);
    }
    if (after) {
        int i = sqlite3_bind_parameter_index(stmt, ":k");
        if (i)
            sqlite3_bind_double(stmt, i, after->key);
        db_bind_named_text(stmt, ":name", after->org.name ? after->org.name : "");
        db_bind_named_int(stmt, ":id", after->org.id);
    }
    db_bind_named_int(stmt, ":only", q->only_id);
    db_bind_named_int(stmt, ":limit", (int64_t)limit + 1);
    size_t cap = 0;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out->len == limit) {
            out->more = true;
            break;
        }
        if (db_reserve((void **)&out->items, out->len, &cap, sizeof *out->items)) {
            rc = db_no_memory(st);
            break;
        }
        read_summary(stmt, &out->items[out->len++]);
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    for (size_t i = 0; rc == STORE_OK && i < out->len; i++) {
        rc = read_figures(st, &out->items[i]);
        if (rc == STORE_OK)
            rc = read_scores(st, &out->items[i]);
    }
    if (rc == STORE_OK && backward)
        for (size_t i = 0, j = out->len; i + 1 < j; i++, j--) {
            struct org_summary t = out->items[i];
            out->items[i] = out->items[j - 1];
            out->items[j - 1] = t;
        }
    if (rc != STORE_OK)
        org_summary_list_clear(out);
    return rc;
}
