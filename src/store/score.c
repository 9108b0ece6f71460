/* Satisfaction scores: adding one, and a contact's scores. Uses
 * base/i18n.h, store/db.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "store/db.h"
#include "store/score.h"

enum store_status store_score_add(struct store *st, struct score *s, time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = db_contact_name(st, s->contact_id, &name);
    if (!s->at)
        s->at = now;
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st,
            "INSERT INTO score(contact_id, at, value, comment, author) VALUES (?, ?, ?, ?, ?)");
        snprintf(s->author, sizeof s->author, "%s", st->author);
        if (stmt) {
            db_bind_text(stmt, 5, s->author);
            sqlite3_bind_int64(stmt, 1, s->contact_id);
            sqlite3_bind_int64(stmt, 2, (int64_t)s->at);
            sqlite3_bind_int(stmt, 3, s->value);
            db_bind_text(stmt, 4, s->comment);
        }
        rc = db_run(st, stmt);
    }
    if (rc == STORE_OK) {
        s->id = sqlite3_last_insert_rowid(st->db);
        rc = db_refresh_contact(st, s->contact_id);
    }
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("score %d for %s"), s->value, name) : NULL);
    free(name);
    return rc;
}

enum store_status store_score_list(struct store *st, int64_t contact_id,
                                   struct score_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT id, contact_id, at, value, comment, author FROM score WHERE contact_id = ? "
        "ORDER BY at DESC, id DESC");
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
        struct score *s = &out->items[out->len++];
        s->id = sqlite3_column_int64(stmt, 0);
        s->contact_id = sqlite3_column_int64(stmt, 1);
        s->at = (time_t)sqlite3_column_int64(stmt, 2);
        s->value = sqlite3_column_int(stmt, 3);
        s->comment = db_column_text(stmt, 4);
        const unsigned char *author = sqlite3_column_text(stmt, 5);
        snprintf(s->author, sizeof s->author, "%s", author ? (const char *)author : "");
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    if (rc != STORE_OK)
        score_list_clear(out);
    return rc;
}

enum store_status store_score_latest(struct store *st, int64_t contact_id,
                                     int *value)
{
    int64_t v = -1;
    enum store_status rc = db_query_int(st,
        "SELECT coalesce((SELECT value FROM score WHERE contact_id = ?1 "
        "ORDER BY at DESC, id DESC LIMIT 1), -1)", contact_id, &v);
    *value = (int)v;
    return rc;
}
