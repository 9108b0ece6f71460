/* Address completion for mail programs (`rapport query`). The words
 * typed are prefixes looked up in the full-text index's name,
 * organisation and address columns, so "zoe", "odeg" and "zoe.odegard@"
 * all find Zoë Ødegård; the index's own order is read, which stops after
 * limit rows however common the prefix, and only that window is sorted
 * by name. What looks like an address ("zoe.odegard@uni") is first
 * looked up as the beginning of one in the address index: as words, its
 * domain would be a phrase every contact of that domain holds.
 * Uses base/text.h, store/db.h, store/query.h. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/text.h"
#include "store/db.h"
#include "store/query.h"

/* Reads the addresses of h with stmt, which is reset for the next. */
static enum store_status read_emails(struct store *st, sqlite3_stmt *stmt,
                                     struct query_hit *h)
{
    sqlite3_bind_int64(stmt, 1, h->contact_id);
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const unsigned char *email = sqlite3_column_text(stmt, 0);
        if (email && *email && strlist_push(&h->emails, (const char *)email) != 0) {
            rc = db_no_memory(st);
            break;
        }
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    sqlite3_reset(stmt);
    return rc;
}

static int by_name(const void *a, const void *b)
{
    const struct query_hit *x = a, *y = b;
    int c = strcmp(x->name_key ? x->name_key : "", y->name_key ? y->name_key : "");
    if (c)
        return c;
    return (x->contact_id > y->contact_id) - (x->contact_id < y->contact_id);
}

/* Reads the window of contacts stmt gives (id, name, name key,
 * organisation, stage), at most limit, and finalizes it. */
static enum store_status read_hits(struct store *st, sqlite3_stmt *stmt,
                                   size_t limit, struct query_hit_list *out)
{
    enum store_status rc = STORE_OK;
    size_t cap = 0;
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
        struct query_hit *h = &out->items[out->len++];
        memset(h, 0, sizeof *h);
        h->contact_id = sqlite3_column_int64(stmt, 0);
        h->name = db_column_text(stmt, 1);
        h->name_key = db_column_text(stmt, 2);
        h->org = db_column_text(stmt, 3);
        h->stage = (enum stage)sqlite3_column_int(stmt, 4);
        if (!h->name || !h->name_key
            || (sqlite3_column_type(stmt, 3) != SQLITE_NULL && !h->org)) {
            rc = db_no_memory(st);
            break;
        }
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}

#define HIT_COLUMNS "SELECT c.id, c.name, c.name_key, o.name, c.stage "
#define HIT_ORG "LEFT JOIN organisation o ON o.id = c.org_id "
#define HIT_ACTIVE "c.archived = 0 " \
    "AND EXISTS (SELECT 1 FROM contact_email e WHERE e.contact_id = c.id) "

/* Contacts with an address that begins with text (case aside). The
 * upper bound, a byte no UTF-8 text holds after the prefix, keeps the
 * range on the address index whatever the last character typed. */
static enum store_status by_address(struct store *st, const char *text,
                                    size_t limit, struct query_hit_list *out)
{
    char *prefix = strdup(text);
    if (!prefix)
        return db_no_memory(st);
    text_trim(prefix);
    sqlite3_stmt *stmt = db_prepare(st, HIT_COLUMNS "FROM contact c " HIT_ORG
        "WHERE c.id IN (SELECT contact_id FROM contact_email "
        "WHERE email >= ?1 AND email < ?1 || x'F4908080') AND " HIT_ACTIVE
        "LIMIT ?2");
    enum store_status rc = STORE_FAILED;
    if (stmt) {
        db_bind_text(stmt, 1, prefix);
        sqlite3_bind_int64(stmt, 2, (sqlite3_int64)limit + 1);
        rc = read_hits(st, stmt, limit, out);
    }
    free(prefix);
    return rc;
}

/* Contacts with words in their name, organisation or addresses that
 * begin with the words of text; nothing when text has none. */
static enum store_status by_words(struct store *st, const char *text,
                                  size_t limit, struct query_hit_list *out)
{
    bool oom;
    char *q = db_fts_query(text, "{name name_key org emails}", &oom);
    if (oom)
        return db_no_memory(st);
    if (!q)
        return STORE_OK;
    sqlite3_stmt *stmt = db_prepare(st, HIT_COLUMNS
        "FROM contact_fts f CROSS JOIN contact c ON c.id = f.rowid " HIT_ORG
        "WHERE contact_fts MATCH ?1 AND " HIT_ACTIVE "LIMIT ?2");
    enum store_status rc = STORE_FAILED;
    if (stmt) {
        db_bind_text(stmt, 1, q);
        sqlite3_bind_int64(stmt, 2, (sqlite3_int64)limit + 1);
        rc = read_hits(st, stmt, limit, out);
    }
    free(q);
    return rc;
}

enum store_status store_query_addresses(struct store *st, const char *text,
                                        size_t limit, struct query_hit_list *out)
{
    memset(out, 0, sizeof *out);
    if (!text || limit == 0)
        return STORE_OK;
    enum store_status rc = STORE_OK;
    if (strchr(text, '@') && !strpbrk(text, " \t"))
        rc = by_address(st, text, limit, out);
    if (rc == STORE_OK && out->len == 0) {
        query_hit_list_clear(out);
        rc = by_words(st, text, limit, out);
    }
    if (rc == STORE_OK && out->len > 0) {
        sqlite3_stmt *stmt = db_prepare(st, "SELECT email FROM contact_email "
                                            "WHERE contact_id = ? ORDER BY position, id");
        if (!stmt)
            rc = STORE_FAILED;
        for (size_t i = 0; rc == STORE_OK && i < out->len; i++)
            rc = read_emails(st, stmt, &out->items[i]);
        db_finish(st, stmt);
    }
    if (rc != STORE_OK) {
        query_hit_list_clear(out);
        return rc;
    }
    if (out->len > 1)
        qsort(out->items, out->len, sizeof *out->items, by_name);
    return STORE_OK;
}
