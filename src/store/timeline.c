/* A contact's history: notes and follow-ups done merged newest first
 * (a follow-up done before the note logged with it at the same moment).
 * Each half reads at most a window from its own index, in order, so a
 * page costs its own rows, never the whole history. Uses store/db.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/timeline.h"

static const char timeline_sql[] =
    "SELECT k, id, at, kind, body, due, who FROM ("
    "SELECT * FROM (SELECT 0 AS k, id, at, kind, body, NULL AS due, author AS who FROM note "
    "WHERE contact_id = :c AND (:first OR (at, 0, id) < (:at, :k, :id)) "
    "ORDER BY at DESC, id DESC LIMIT :n) "
    "UNION ALL "
    "SELECT * FROM (SELECT 1 AS k, id, done_at AS at, NULL, text, due, done_by FROM followup "
    "WHERE contact_id = :c AND state = 1 AND done_at IS NOT NULL "
    "AND (:first OR (done_at, 1, id) < (:at, :k, :id)) "
    "ORDER BY done_at DESC, id DESC LIMIT :n)) "
    "ORDER BY at DESC, k DESC, id DESC LIMIT :n";

enum store_status store_timeline_page(struct store *st, int64_t contact_id,
                                      const struct timeline_entry *after,
                                      size_t limit, struct timeline_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st, timeline_sql);
    if (!stmt)
        return STORE_FAILED;
    db_bind_named_int(stmt, ":c", contact_id);
    db_bind_named_int(stmt, ":first", after == NULL);
    db_bind_named_int(stmt, ":at", after ? (int64_t)after->at : 0);
    db_bind_named_int(stmt, ":k", after ? (int64_t)after->kind : 0);
    db_bind_named_int(stmt, ":id", after ? after->id : 0);
    db_bind_named_int(stmt, ":n", (int64_t)limit + 1);
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
        struct timeline_entry *e = &out->items[out->len++];
        memset(e, 0, sizeof *e);
        e->kind = sqlite3_column_int(stmt, 0) ? TIMELINE_DONE : TIMELINE_NOTE;
        e->id = sqlite3_column_int64(stmt, 1);
        e->at = (time_t)sqlite3_column_int64(stmt, 2);
        const unsigned char *kind = sqlite3_column_text(stmt, 3);
        snprintf(e->note_kind, sizeof e->note_kind, "%s",
                 kind ? (const char *)kind : "note");
        e->text = db_column_text(stmt, 4);
        e->due = db_column_date(stmt, 5);
        const unsigned char *who = sqlite3_column_text(stmt, 6);
        snprintf(e->author, sizeof e->author, "%s", who ? (const char *)who : "");
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    if (rc != STORE_OK)
        timeline_list_clear(out);
    return rc;
}

enum store_status store_timeline_done_count(struct store *st, int64_t contact_id,
                                            int64_t *count)
{
    *count = 0;
    return db_query_int(st, "SELECT count(*) FROM followup WHERE contact_id = ? "
                            "AND state = 1 AND done_at IS NOT NULL", contact_id, count);
}
