/* Completion candidates from the database (see store/complete.h). A
 * prefix is a range of an index: from the prefix to the prefix followed
 * by a byte no UTF-8 text holds. Uses base/text.h, store/db.h. */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/text.h"
#include "store/complete.h"
#include "store/db.h"

#define PAST "x'F4908080'"

/* Steps stmt, pushing column 0 (and column 1 after a tab when there is
 * one) of each row; finalizes it. */
static enum store_status collect(struct store *st, sqlite3_stmt *stmt,
                                 struct strlist *out)
{
    if (!stmt)
        return STORE_FAILED;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *value = (const char *)sqlite3_column_text(stmt, 0);
        const char *about = sqlite3_column_count(stmt) > 1
                                ? (const char *)sqlite3_column_text(stmt, 1) : NULL;
        int pushed = about ? strlist_pushf(out, "%s\t%s", value ? value : "", about)
                           : strlist_push(out, value ? value : "");
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

enum store_status store_complete_contacts(struct store *st, const char *prefix,
                                          size_t limit, struct strlist *out)
{
    char *key = text_fold(prefix ? prefix : "");
    if (!key)
        return db_no_memory(st);
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT c.name, o.name FROM contact c LEFT JOIN organisation o ON o.id = c.org_id "
        "WHERE c.name_key >= ?1 AND c.name_key < ?1 || " PAST " AND c.archived = 0 "
        "ORDER BY c.name_key, c.id LIMIT ?2");
    if (stmt) {
        db_bind_text(stmt, 1, key);
        sqlite3_bind_int64(stmt, 2, (sqlite3_int64)limit);
    }
    free(key);
    return collect(st, stmt, out);
}

enum store_status store_complete_orgs(struct store *st, const char *prefix,
                                      size_t limit, struct strlist *out)
{
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT name FROM organisation WHERE name >= ?1 AND name < ?1 || " PAST
        " ORDER BY name LIMIT ?2");
    if (stmt) {
        db_bind_text(stmt, 1, prefix ? prefix : "");
        sqlite3_bind_int64(stmt, 2, (sqlite3_int64)limit);
    }
    return collect(st, stmt, out);
}

enum store_status store_complete_tags(struct store *st, const char *prefix,
                                      size_t limit, struct strlist *out)
{
    /* One step of the tag index per distinct tag: a tag thousands of
     * contacts carry is read once, not thousands of times. The first
     * step may find the prefix itself, the next ones what follows. */
    const char *from = prefix ? prefix : "";
    char *last = NULL;
    enum store_status rc = STORE_OK;
    while (rc == STORE_OK && out->len < limit) {
        sqlite3_stmt *stmt = db_prepare(st, last
            ? "SELECT tag FROM contact_tag WHERE tag > ?1 AND tag < ?2 || " PAST
              " ORDER BY tag LIMIT 1"
            : "SELECT tag FROM contact_tag WHERE tag >= ?1 AND tag < ?2 || " PAST
              " ORDER BY tag LIMIT 1");
        if (!stmt) {
            rc = STORE_FAILED;
            break;
        }
        db_bind_text(stmt, 1, last ? last : from);
        db_bind_text(stmt, 2, from);
        int step = sqlite3_step(stmt);
        char *tag = step == SQLITE_ROW ? db_column_text(stmt, 0) : NULL;
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            rc = db_fail(st);
        else if (step == SQLITE_ROW && (!tag || strlist_push(out, tag) != 0))
            rc = db_no_memory(st);
        db_finish(st, stmt);
        free(last);
        last = tag;
        if (!tag)
            break;
    }
    free(last);
    return rc;
}

/* The ids whose decimal digits begin with digits: digits itself, then
 * every id of one more digit, two more, ...: a range of the row ids
 * each, read in turn until limit rows are found. */
static enum store_status by_id_prefix(struct store *st, const char *sql,
                                      const char *digits, size_t limit,
                                      struct strlist *out)
{
    char *end;
    long long base = digits && *digits ? strtoll(digits, &end, 10) : 0;
    if (digits && *digits && (*end || base <= 0))
        return STORE_OK;
    long long lo = base, hi = base;
    if (!digits || !*digits) {
        lo = 1;
        hi = INT64_MAX;
    }
    enum store_status rc = STORE_OK;
    for (int width = 0; rc == STORE_OK && width < 19 && out->len < limit; width++) {
        sqlite3_stmt *stmt = db_prepare(st, sql);
        if (!stmt)
            return STORE_FAILED;
        sqlite3_bind_int64(stmt, 1, lo);
        sqlite3_bind_int64(stmt, 2, hi);
        sqlite3_bind_int64(stmt, 3, (sqlite3_int64)(limit - out->len));
        rc = collect(st, stmt, out);
        if (hi == INT64_MAX || lo > INT64_MAX / 10)
            break;
        lo = lo * 10;
        hi = hi > (INT64_MAX - 9) / 10 ? INT64_MAX : hi * 10 + 9;
    }
    return rc;
}

enum store_status store_complete_followups(struct store *st, const char *prefix,
                                           size_t limit, struct strlist *out)
{
    const char *digits = prefix && (*prefix == 'f' || *prefix == 'F' || *prefix == '#')
                             ? prefix + 1 : prefix;
    return by_id_prefix(st,
        "SELECT 'f' || f.id, f.text || ' (' || c.name || ')' FROM followup f "
        "JOIN contact c ON c.id = f.contact_id "
        "WHERE f.id BETWEEN ?1 AND ?2 AND f.state = 0 ORDER BY f.id LIMIT ?3",
        digits, limit, out);
}

enum store_status store_complete_messages(struct store *st, const char *prefix,
                                          size_t limit, struct strlist *out)
{
    const char *digits = prefix && (*prefix == 'm' || *prefix == 'M') ? prefix + 1 : prefix;
    return by_id_prefix(st,
        "SELECT 'm' || id, coalesce(name, email) || ': ' || coalesce(subject, '') "
        "FROM mail_review WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3",
        digits, limit, out);
}
