/* Reading contacts: the columns of a contact row, with its emails,
 * phones and tags, and the reads of one contact (by id, email, UID).
 * Uses base/i18n.h, store/contact.h, store/db.h. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "store/contact.h"
#include "store/db.h"

static enum store_status load_strings(struct store *st, const char *sql,
                                      int64_t id, struct strlist *out)
{
    sqlite3_stmt *stmt = db_prepare(st, sql);
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const unsigned char *text = sqlite3_column_text(stmt, 0);
        if (strlist_push(out, text ? (const char *)text : "") != 0) {
            rc = db_no_memory(st);
            break;
        }
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}

static enum store_status load_phones(struct store *st, int64_t id,
                                     struct phone_list *out)
{
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT phone, kind FROM contact_phone WHERE contact_id = ? ORDER BY position, id");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const unsigned char *number = sqlite3_column_text(stmt, 0);
        const unsigned char *kind = sqlite3_column_text(stmt, 1);
        if (phone_list_push(out, number ? (const char *)number : "",
                            (const char *)kind) != 0) {
            rc = db_no_memory(st);
            break;
        }
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}

/* Reads a contact from CONTACT_COLUMNS starting at column `at`, and its
 * emails, phones and tags. */
enum store_status db_read_contact(struct store *st, sqlite3_stmt *stmt,
                                  int at, struct contact *c)
{
    memset(c, 0, sizeof *c);
    c->id = sqlite3_column_int64(stmt, at + 0);
    c->name = db_column_text(stmt, at + 1);
    c->org = db_column_text(stmt, at + 2);
    c->title = db_column_text(stmt, at + 3);
    c->roles = (unsigned)sqlite3_column_int(stmt, at + 4);
    c->stage = (enum stage)sqlite3_column_int(stmt, at + 5);
    c->stage_since = (time_t)sqlite3_column_int64(stmt, at + 6);
    c->projects = db_column_text(stmt, at + 7);
    c->goals = db_column_text(stmt, at + 8);
    c->channel = db_column_text(stmt, at + 9);
    c->cadence_days = sqlite3_column_type(stmt, at + 10) == SQLITE_NULL
                          ? -1 : sqlite3_column_int(stmt, at + 10);
    c->created = (time_t)sqlite3_column_int64(stmt, at + 11);
    c->updated = (time_t)sqlite3_column_int64(stmt, at + 12);
    c->last_touch = (time_t)sqlite3_column_int64(stmt, at + 13);
    c->next_due = db_column_date(stmt, at + 14);
    c->note_count = sqlite3_column_int(stmt, at + 15);
    c->archived = sqlite3_column_int(stmt, at + 16) != 0;
    c->version = sqlite3_column_int64(stmt, at + 17);
    c->department = db_column_text(stmt, at + 18);
    c->owner = db_column_text(stmt, at + 19);
    if (!c->name)
        return db_no_memory(st);
    enum store_status rc = load_strings(st,
        "SELECT email FROM contact_email WHERE contact_id = ? ORDER BY position, id",
        c->id, &c->emails);
    if (rc == STORE_OK)
        rc = load_phones(st, c->id, &c->phones);
    if (rc == STORE_OK)
        rc = load_strings(st,
            "SELECT tag FROM contact_tag WHERE contact_id = ? ORDER BY id",
            c->id, &c->tags);
    return rc;
}

/* Steps stmt and collects contacts (CONTACT_COLUMNS first) up to limit;
 * sets more when one more row was there. Finalizes stmt. */
/* Appends the contact of the statement's row, from column at, to out
 * (cap: its room). */
enum store_status db_append_contact(struct store *st, sqlite3_stmt *stmt, int at,
                                    struct contact_list *out, size_t *cap)
{
    if (db_reserve((void **)&out->items, out->len, cap, sizeof *out->items))
        return db_no_memory(st);
    return db_read_contact(st, stmt, at, &out->items[out->len++]);
}

enum store_status db_collect_contacts(struct store *st, sqlite3_stmt *stmt,
                                      size_t limit, struct contact_list *out)
{
    memset(out, 0, sizeof *out);
    if (!stmt)
        return STORE_FAILED;
    size_t cap = 0;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out->len == limit) {
            out->more = true;
            break;
        }
        if ((rc = db_append_contact(st, stmt, 0, out, &cap)) != STORE_OK)
            break;
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    if (rc != STORE_OK)
        contact_list_clear(out);
    return rc;
}

static enum store_status one_contact(struct store *st, sqlite3_stmt *stmt,
                                     struct contact *out)
{
    struct contact_list list;
    enum store_status rc = db_collect_contacts(st, stmt, 1, &list);
    if (rc != STORE_OK)
        return rc;
    if (list.len == 0) {
        contact_list_clear(&list);
        return STORE_NOT_FOUND;
    }
    *out = list.items[0];
    free(list.items);
    rc = store_contact_read_details(st, out);
    if (rc != STORE_OK)
        contact_clear(out);
    return rc;
}

enum store_status store_contact_get(struct store *st, int64_t id,
                                    struct contact *out)
{
    sqlite3_stmt *stmt = db_prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM "WHERE c.id = ?");
    if (stmt)
        sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = one_contact(st, stmt, out);
    if (rc == STORE_NOT_FOUND)
        store_fail(st, rc, _("no contact #%lld"), (long long)id);
    return rc;
}

enum store_status store_contact_by_email(struct store *st, const char *email,
                                         struct contact *out)
{
    sqlite3_stmt *stmt = db_prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM
        "WHERE c.id = (SELECT contact_id FROM contact_email WHERE email = ? "
        "ORDER BY contact_id LIMIT 1)");
    if (stmt)
        db_bind_text(stmt, 1, email);
    return one_contact(st, stmt, out);
}

enum store_status store_contact_by_uid(struct store *st, const char *uid,
                                       struct contact *out)
{
    sqlite3_stmt *stmt = db_prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM
                                        "WHERE c.uid = ?");
    if (stmt)
        db_bind_text(stmt, 1, uid);
    return one_contact(st, stmt, out);
}

enum store_status store_contact_get_uid(struct store *st, int64_t id, char **uid)
{
    *uid = NULL;
    sqlite3_stmt *stmt = db_prepare(st, "SELECT uid FROM contact WHERE id = ?");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = STORE_OK;
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW)
        *uid = db_column_text(stmt, 0);
    else if (step == SQLITE_DONE)
        rc = store_fail(st, STORE_NOT_FOUND, _("no contact #%lld"), (long long)id);
    else
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}
