/* Stages: a change of a contact's stage, and the history of changes.
 * Uses base/i18n.h, store/db.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "store/db.h"
#include "store/stage.h"

enum store_status store_stage_change(struct store *st, int64_t contact_id,
                                     enum stage to, const char *reason,
                                     time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    int64_t from = 0;
    rc = db_contact_name(st, contact_id, &name);
    if (rc == STORE_OK)
        rc = db_query_int(st, "SELECT stage FROM contact WHERE id = ?", contact_id, &from);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st,
            "INSERT INTO stage_change(contact_id, from_stage, to_stage, at, reason, author) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, contact_id);
            sqlite3_bind_int64(stmt, 2, from);
            sqlite3_bind_int(stmt, 3, to);
            sqlite3_bind_int64(stmt, 4, (int64_t)now);
            db_bind_text(stmt, 5, reason);
            db_bind_text(stmt, 6, st->author);
        }
        rc = db_run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = db_refresh_contact(st, contact_id);
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("stage of %s: %s → %s"), name,
                    stage_key((enum stage)from), stage_key(to))
        : NULL);
    free(name);
    return rc;
}

enum store_status store_stage_history(struct store *st, int64_t contact_id,
                                      struct stage_change_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT id, contact_id, from_stage, to_stage, at, reason, author FROM stage_change "
        "WHERE contact_id = ? ORDER BY at DESC, id DESC");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, contact_id);
    size_t cap = 0;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (db_reserve((void **)&out->items, out->len, &cap, sizeof *out->items)) {
            rc = db_no_memory(st);
            break;
        }
        struct stage_change *s = &out->items[out->len++];
        s->id = sqlite3_column_int64(stmt, 0);
        s->contact_id = sqlite3_column_int64(stmt, 1);
        s->from = sqlite3_column_type(stmt, 2) == SQLITE_NULL
                      ? STAGE_NONE : sqlite3_column_int(stmt, 2);
        s->to = (enum stage)sqlite3_column_int(stmt, 3);
        s->at = (time_t)sqlite3_column_int64(stmt, 4);
        s->reason = db_column_text(stmt, 5);
        const unsigned char *author = sqlite3_column_text(stmt, 6);
        snprintf(s->author, sizeof s->author, "%s", author ? (const char *)author : "");
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    if (rc != STORE_OK)
        stage_change_list_clear(out);
    return rc;
}
