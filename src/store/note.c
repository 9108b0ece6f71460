/* Notes: adding, reading, changing and deleting one, and a contact's
 * notes a window at a time. Uses
 * base/i18n.h, store/db.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "store/db.h"
#include "store/note.h"

enum store_status db_insert_note(struct store *st, struct note *n,
                                 time_t now)
{
    if (!n->at)
        n->at = now;
    if (!n->kind[0])
        snprintf(n->kind, sizeof n->kind, "%s", "note");
    sqlite3_stmt *stmt = db_prepare_kept(st,
        "INSERT INTO note(contact_id, at, kind, body, author) VALUES (?, ?, ?, ?, ?)");
    /* Whoever runs rapport wrote it, whatever the record said. */
    snprintf(n->author, sizeof n->author, "%s", st->author);
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, n->contact_id);
        sqlite3_bind_int64(stmt, 2, (int64_t)n->at);
        db_bind_text(stmt, 3, n->kind);
        db_bind_text(stmt, 4, n->body ? n->body : "");
        db_bind_text(stmt, 5, n->author);
    }
    enum store_status rc = db_run(st, stmt);
    if (rc == STORE_OK)
        n->id = sqlite3_last_insert_rowid(st->db);
    return rc;
}

enum store_status store_note_add(struct store *st, struct note *n, time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = db_contact_name(st, n->contact_id, &name);
    if (rc == STORE_OK)
        rc = db_insert_note(st, n, now);
    if (rc == STORE_OK)
        rc = db_refresh_contact(st, n->contact_id);
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("note #%lld on %s"), (long long)n->id, name) : NULL);
    free(name);
    return rc;
}

enum store_status store_note_page(struct store *st, int64_t contact_id,
                                  const struct note *after, size_t limit,
                                  struct note_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st, after
        ? "SELECT id, contact_id, at, kind, body, author FROM note WHERE contact_id = :c "
          "AND (at, id) < (:at, :id) ORDER BY at DESC, id DESC LIMIT :limit"
        : "SELECT id, contact_id, at, kind, body, author FROM note WHERE contact_id = :c "
          "ORDER BY at DESC, id DESC LIMIT :limit");
    if (!stmt)
        return STORE_FAILED;
    db_bind_named_int(stmt, ":c", contact_id);
    if (after) {
        db_bind_named_int(stmt, ":at", (int64_t)after->at);
        db_bind_named_int(stmt, ":id", after->id);
    }
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
        struct note *n = &out->items[out->len++];
        n->id = sqlite3_column_int64(stmt, 0);
        n->contact_id = sqlite3_column_int64(stmt, 1);
        n->at = (time_t)sqlite3_column_int64(stmt, 2);
        const unsigned char *kind = sqlite3_column_text(stmt, 3);
        snprintf(n->kind, sizeof n->kind, "%s", kind ? (const char *)kind : "note");
        n->body = db_column_text(stmt, 4);
        const unsigned char *author = sqlite3_column_text(stmt, 5);
        snprintf(n->author, sizeof n->author, "%s", author ? (const char *)author : "");
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    if (rc != STORE_OK)
        note_list_clear(out);
    return rc;
}

enum store_status store_note_get(struct store *st, int64_t id, struct note *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st, "SELECT id, contact_id, at, kind, body "
                                      "FROM note WHERE id = ?");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = STORE_OK;
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW) {
        out->id = sqlite3_column_int64(stmt, 0);
        out->contact_id = sqlite3_column_int64(stmt, 1);
        out->at = (time_t)sqlite3_column_int64(stmt, 2);
        const unsigned char *kind = sqlite3_column_text(stmt, 3);
        snprintf(out->kind, sizeof out->kind, "%s", kind ? (const char *)kind : "note");
        out->body = db_column_text(stmt, 4);
        if (!out->body)
            rc = db_no_memory(st);
    } else if (step == SQLITE_DONE) {
        rc = store_fail(st, STORE_NOT_FOUND, _("no note #%lld"), (long long)id);
    } else {
        rc = db_fail(st);
    }
    db_finish(st, stmt);
    return rc;
}

/* The contact a note is about, with its name for the journal. */
static enum store_status note_owner(struct store *st, int64_t id, int64_t *contact_id,
                                    char **name)
{
    *name = NULL;
    enum store_status rc = db_query_int(st, "SELECT contact_id FROM note WHERE id = ?",
                                        id, contact_id);
    if (rc == STORE_NOT_FOUND)
        return store_fail(st, rc, _("no note #%lld"), (long long)id);
    if (rc == STORE_OK)
        rc = db_contact_name(st, *contact_id, name);
    return rc;
}

enum store_status store_note_update(struct store *st, const struct note *n, time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    int64_t contact_id = 0;
    char *name = NULL;
    rc = note_owner(st, n->id, &contact_id, &name);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st, "UPDATE note SET kind = ?, body = ? WHERE id = ?");
        if (stmt) {
            db_bind_text(stmt, 1, n->kind[0] ? n->kind : "note");
            db_bind_text(stmt, 2, n->body ? n->body : "");
            sqlite3_bind_int64(stmt, 3, n->id);
        }
        rc = db_run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = db_refresh_contact(st, contact_id);
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("edited note #%lld on %s"), (long long)n->id, name) : NULL);
    free(name);
    return rc;
}

enum store_status store_note_delete(struct store *st, int64_t id, time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    int64_t contact_id = 0;
    char *name = NULL;
    rc = note_owner(st, id, &contact_id, &name);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st, "DELETE FROM note WHERE id = ?");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, id);
        rc = db_run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = db_refresh_contact(st, contact_id);
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("deleted note #%lld on %s"), (long long)id, name) : NULL);
    free(name);
    return rc;
}
