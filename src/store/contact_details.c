/* A contact's details, read and written apart from its row: postal
 * addresses, web pages and the other properties of the card it came
 * from. A list's window reads none of them (they are shown on the
 * contact's own page and exported), so a contact read alone has them
 * and an update writes them only then. Uses store/contact.h, store/db.h. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/contact.h"
#include "store/db.h"

static enum store_status read_addresses(struct store *st, int64_t id,
                                        struct address_list *out)
{
    sqlite3_stmt *stmt = db_prepare_kept(st,
        "SELECT kind, pobox, extended, street, locality, region, code, country "
        "FROM contact_address WHERE contact_id = ? ORDER BY position, id");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct address a = { 0 };
        a.kind = db_column_text(stmt, 0);
        for (int i = 0; i < ADDRESS_PARTS; i++)
            a.part[i] = db_column_text(stmt, 1 + i);
        int pushed = address_list_push(out, &a);
        address_clear(&a);
        if (pushed != 0) {
            rc = db_no_memory(st);
            break;
        }
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}

static enum store_status read_urls(struct store *st, int64_t id,
                                   struct url_list *out)
{
    sqlite3_stmt *stmt = db_prepare_kept(st,
        "SELECT url, kind FROM contact_url WHERE contact_id = ? ORDER BY position, id");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *url = (const char *)sqlite3_column_text(stmt, 0);
        if (url_list_push(out, url ? url : "",
                          (const char *)sqlite3_column_text(stmt, 1)) != 0) {
            rc = db_no_memory(st);
            break;
        }
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}

static enum store_status read_extras(struct store *st, int64_t id,
                                     struct strlist *out)
{
    sqlite3_stmt *stmt = db_prepare_kept(st,
        "SELECT line FROM contact_extra WHERE contact_id = ? ORDER BY position, id");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *line = (const char *)sqlite3_column_text(stmt, 0);
        if (strlist_push(out, line ? line : "") != 0) {
            rc = db_no_memory(st);
            break;
        }
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}

static enum store_status read_all(struct store *st, int64_t id,
                                  struct contact *into)
{
    enum store_status rc = read_addresses(st, id, &into->addresses);
    if (rc == STORE_OK)
        rc = read_urls(st, id, &into->urls);
    if (rc == STORE_OK)
        rc = read_extras(st, id, &into->extras);
    return rc;
}

enum store_status store_contact_read_details(struct store *st,
                                             struct contact *c)
{
    address_list_clear(&c->addresses);
    url_list_clear(&c->urls);
    strlist_clear(&c->extras);
    enum store_status rc = read_all(st, c->id, c);
    c->details = rc == STORE_OK;
    return rc;
}

static bool same_strings(const struct strlist *a, const struct strlist *b)
{
    if (a->len != b->len)
        return false;
    for (size_t i = 0; i < a->len; i++)
        if (strcmp(a->items[i], b->items[i]) != 0)
            return false;
    return true;
}

static enum store_status delete_rows(struct store *st, const char *sql,
                                     int64_t id)
{
    sqlite3_stmt *stmt = db_prepare_kept(st, sql);
    if (stmt)
        sqlite3_bind_int64(stmt, 1, id);
    return db_run(st, stmt);
}

static enum store_status write_addresses(struct store *st, const struct contact *c)
{
    enum store_status rc = delete_rows(st,
        "DELETE FROM contact_address WHERE contact_id = ?", c->id);
    for (size_t i = 0; rc == STORE_OK && i < c->addresses.len; i++) {
        const struct address *a = &c->addresses.items[i];
        sqlite3_stmt *stmt = db_prepare_kept(st,
            "INSERT INTO contact_address(contact_id, position, kind, pobox, extended, "
            "street, locality, region, code, country) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, c->id);
            sqlite3_bind_int64(stmt, 2, (int64_t)i);
            db_bind_text(stmt, 3, a->kind);
            for (int k = 0; k < ADDRESS_PARTS; k++)
                db_bind_text(stmt, 4 + k, a->part[k]);
        }
        rc = db_run(st, stmt);
    }
    return rc;
}

static enum store_status write_urls(struct store *st, const struct contact *c)
{
    enum store_status rc = delete_rows(st,
        "DELETE FROM contact_url WHERE contact_id = ?", c->id);
    for (size_t i = 0; rc == STORE_OK && i < c->urls.len; i++) {
        sqlite3_stmt *stmt = db_prepare_kept(st,
            "INSERT INTO contact_url(contact_id, position, url, kind) VALUES (?, ?, ?, ?)");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, c->id);
            sqlite3_bind_int64(stmt, 2, (int64_t)i);
            db_bind_text(stmt, 3, c->urls.items[i].url);
            db_bind_text(stmt, 4, c->urls.items[i].kind);
        }
        rc = db_run(st, stmt);
    }
    return rc;
}

static enum store_status write_extras(struct store *st, const struct contact *c)
{
    enum store_status rc = delete_rows(st,
        "DELETE FROM contact_extra WHERE contact_id = ?", c->id);
    for (size_t i = 0; rc == STORE_OK && i < c->extras.len; i++) {
        sqlite3_stmt *stmt = db_prepare_kept(st,
            "INSERT INTO contact_extra(contact_id, position, line) VALUES (?, ?, ?)");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, c->id);
            sqlite3_bind_int64(stmt, 2, (int64_t)i);
            db_bind_text(stmt, 3, c->extras.items[i]);
        }
        rc = db_run(st, stmt);
    }
    return rc;
}

/* Inside the write transaction of an add or update: each list that
 * differs from what is stored is written again whole (none of them
 * feeds the search words, so a rewrite costs little), and a list left
 * alone writes no row, and so no step of undo. */
enum store_status db_write_details(struct store *st, const struct contact *c,
                                   bool fresh)
{
    if (fresh) {
        enum store_status rc = STORE_OK;
        if (c->addresses.len)
            rc = write_addresses(st, c);
        if (rc == STORE_OK && c->urls.len)
            rc = write_urls(st, c);
        if (rc == STORE_OK && c->extras.len)
            rc = write_extras(st, c);
        return rc;
    }
    if (!c->details)
        return STORE_OK;
    struct contact stored = { 0 };
    enum store_status rc = read_all(st, c->id, &stored);
    if (rc == STORE_OK && !address_list_same(&stored.addresses, &c->addresses))
        rc = write_addresses(st, c);
    if (rc == STORE_OK && !url_list_same(&stored.urls, &c->urls))
        rc = write_urls(st, c);
    if (rc == STORE_OK && !same_strings(&stored.extras, &c->extras))
        rc = write_extras(st, c);
    contact_clear(&stored);
    return rc;
}
