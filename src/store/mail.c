/* Mail in the store (see store/mail.h): a note's Message-ID in
 * note.message_id, the queue in mail_review, both indexed by it (schema
 * version 7). Uses base/i18n.h, store/db.h, store/mail.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "store/db.h"
#include "store/mail.h"

enum store_status store_mail_known(struct store *st, const char *message_id,
                                   bool *known)
{
    *known = false;
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT EXISTS (SELECT 1 FROM note WHERE message_id = ?1) "
        "OR EXISTS (SELECT 1 FROM mail_review WHERE message_id = ?1)");
    if (!stmt)
        return STORE_FAILED;
    db_bind_text(stmt, 1, message_id);
    int64_t n = 0;
    enum store_status rc = db_step_int(st, stmt, &n);
    *known = n != 0;
    return rc;
}

enum store_status store_mail_contacts(struct store *st, const char *email,
                                      struct contact_list *out)
{
    sqlite3_stmt *stmt = db_prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM
        "WHERE c.id IN (SELECT contact_id FROM contact_email WHERE email = ?) "
        "AND c.archived = 0 ORDER BY c.id LIMIT 100");
    if (stmt)
        db_bind_text(stmt, 1, email);
    return db_collect_contacts(st, stmt, 100, out);
}

/* Inside a write: STORE_CONFLICT when the message was taken meanwhile
 * (two deliveries of it at once, a filter's and a key's), so it is
 * still recorded once. */
static enum store_status still_new(struct store *st, const char *message_id)
{
    bool known = false;
    enum store_status rc = store_mail_known(st, message_id, &known);
    if (rc == STORE_OK && known)
        rc = store_fail(st, STORE_CONFLICT, _("this message was logged before"));
    return rc;
}

/* Inserts one note of the message on contact_id, inside a write. */
static enum store_status insert_note(struct store *st, const struct mail_note *note,
                                     int64_t contact_id, int64_t *note_id)
{
    sqlite3_stmt *stmt = db_prepare_kept(st,
        "INSERT INTO note(contact_id, at, kind, body, message_id) VALUES (?, ?, ?, ?, ?)");
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, contact_id);
        sqlite3_bind_int64(stmt, 2, (int64_t)note->at);
        db_bind_text(stmt, 3, note->kind);
        db_bind_text(stmt, 4, note->body);
        db_bind_text(stmt, 5, note->message_id);
    }
    enum store_status rc = db_run(st, stmt);
    if (rc == STORE_OK) {
        *note_id = sqlite3_last_insert_rowid(st->db);
        rc = db_refresh_contact(st, contact_id);
    }
    return rc;
}

enum store_status store_mail_record(struct store *st, const struct mail_note *note,
                                    const int64_t *contact_ids, size_t n,
                                    int64_t *note_ids, time_t now, const char *what)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    rc = still_new(st, note->message_id);
    for (size_t i = 0; rc == STORE_OK && i < n; i++)
        rc = insert_note(st, note, contact_ids[i], &note_ids[i]);
    return db_write_end(st, rc, rc == STORE_OK ? strdup(what) : NULL);
}

enum store_status store_mail_queue(struct store *st, struct mail_review *r,
                                   time_t now, const char *what)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    r->received = now;
    rc = still_new(st, r->message_id);
    sqlite3_stmt *stmt = rc != STORE_OK ? NULL : db_prepare(st,
        "INSERT INTO mail_review(message_id, at, received, name, email, subject, body, kind) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (stmt) {
        db_bind_text(stmt, 1, r->message_id);
        sqlite3_bind_int64(stmt, 2, (int64_t)r->at);
        sqlite3_bind_int64(stmt, 3, (int64_t)r->received);
        db_bind_text(stmt, 4, r->name);
        db_bind_text(stmt, 5, r->email);
        db_bind_text(stmt, 6, r->subject);
        db_bind_text(stmt, 7, r->body);
        db_bind_text(stmt, 8, r->kind);
    }
    if (rc == STORE_OK)
        rc = db_run(st, stmt);
    if (rc == STORE_OK)
        r->id = sqlite3_last_insert_rowid(st->db);
    return db_write_end(st, rc, rc == STORE_OK ? strdup(what) : NULL);
}

#define REVIEW_COLUMNS \
    "SELECT id, message_id, at, received, name, email, subject, body, kind FROM mail_review "

static enum store_status read_review(struct store *st, sqlite3_stmt *stmt,
                                     struct mail_review *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(stmt, 0);
    r->message_id = db_column_text(stmt, 1);
    r->at = (time_t)sqlite3_column_int64(stmt, 2);
    r->received = (time_t)sqlite3_column_int64(stmt, 3);
    r->name = db_column_text(stmt, 4);
    r->email = db_column_text(stmt, 5);
    r->subject = db_column_text(stmt, 6);
    r->body = db_column_text(stmt, 7);
    const unsigned char *kind = sqlite3_column_text(stmt, 8);
    snprintf(r->kind, sizeof r->kind, "%s", kind ? (const char *)kind : "email");
    if (!r->message_id || !r->email || !r->body) {
        mail_review_clear(r);
        return db_no_memory(st);
    }
    return STORE_OK;
}

enum store_status store_mail_review_page(struct store *st,
                                         const struct mail_review *after,
                                         bool backward, size_t limit,
                                         struct mail_review_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st, !after
        ? (backward ? REVIEW_COLUMNS "ORDER BY at, id LIMIT :limit"
                    : REVIEW_COLUMNS "ORDER BY at DESC, id DESC LIMIT :limit")
        : backward
        ? REVIEW_COLUMNS "WHERE (at, id) > (:at, :id) ORDER BY at, id LIMIT :limit"
        : REVIEW_COLUMNS "WHERE (at, id) < (:at, :id) ORDER BY at DESC, id DESC LIMIT :limit");
    if (!stmt)
        return STORE_FAILED;
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
        if ((rc = read_review(st, stmt, &out->items[out->len])) != STORE_OK)
            break;
        out->len++;
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    if (rc != STORE_OK) {
        mail_review_list_clear(out);
        return rc;
    }
    /* Read oldest first going back; handed over newest first. */
    for (size_t i = 0; backward && i < out->len / 2; i++) {
        struct mail_review t = out->items[i];
        out->items[i] = out->items[out->len - 1 - i];
        out->items[out->len - 1 - i] = t;
    }
    return STORE_OK;
}

enum store_status store_mail_review_count(struct store *st, int64_t *count)
{
    return db_query_int(st, "SELECT count(*) FROM mail_review", -1, count);
}

enum store_status store_mail_review_get(struct store *st, int64_t id,
                                        struct mail_review *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st, REVIEW_COLUMNS "WHERE id = ?");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    int step = sqlite3_step(stmt);
    enum store_status rc;
    if (step == SQLITE_ROW)
        rc = read_review(st, stmt, out);
    else if (step == SQLITE_DONE)
        rc = store_fail(st, STORE_NOT_FOUND, _("no message m%lld waits for review"),
                        (long long)id);
    else
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}

/* Takes message id out of the queue, inside a write; NOT_FOUND when it
 * is not there (another session took it meanwhile). */
static enum store_status unqueue(struct store *st, int64_t id)
{
    sqlite3_stmt *stmt = db_prepare(st, "DELETE FROM mail_review WHERE id = ?");
    if (stmt)
        sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = db_run(st, stmt);
    if (rc == STORE_OK && sqlite3_changes(st->db) == 0)
        rc = store_fail(st, STORE_NOT_FOUND, _("no message m%lld waits for review"),
                        (long long)id);
    return rc;
}

enum store_status store_mail_review_attach(struct store *st, int64_t id,
                                           int64_t contact_id,
                                           const struct mail_note *note,
                                           int64_t *note_id, time_t now,
                                           const char *what)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = db_contact_name(st, contact_id, &name);
    free(name);
    if (rc == STORE_OK)
        rc = unqueue(st, id);
    if (rc == STORE_OK)
        rc = insert_note(st, note, contact_id, note_id);
    return db_write_end(st, rc, rc == STORE_OK ? strdup(what) : NULL);
}

enum store_status store_mail_review_discard(struct store *st, int64_t id,
                                            time_t now, const char *what)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    rc = unqueue(st, id);
    return db_write_end(st, rc, rc == STORE_OK ? strdup(what) : NULL);
}
