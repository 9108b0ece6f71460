/* Organisations: a window of them by name and one by name or id, each
 * with its active contacts counted per stage. Uses base/i18n.h,
 * base/text.h, store/db.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "base/text.h"
#include "store/db.h"
#include "store/org.h"

#define ORG_COLUMNS \
    "o.id, o.name, o.notes, " \
    "(SELECT count(*) FROM contact WHERE org_id = o.id AND stage = 0 AND archived = 0), " \
    "(SELECT count(*) FROM contact WHERE org_id = o.id AND stage = 1 AND archived = 0), " \
    "(SELECT count(*) FROM contact WHERE org_id = o.id AND stage = 2 AND archived = 0), " \
    "o.budget_date"

static void read_org(sqlite3_stmt *stmt, struct org *o)
{
    memset(o, 0, sizeof *o);
    o->id = sqlite3_column_int64(stmt, 0);
    o->name = db_column_text(stmt, 1);
    o->notes = db_column_text(stmt, 2);
    for (int s = 0; s < STAGE_COUNT; s++)
        o->stage_counts[s] = sqlite3_column_int(stmt, 3 + s);
    const unsigned char *budget = sqlite3_column_text(stmt, 3 + STAGE_COUNT);
    snprintf(o->budget_date, sizeof o->budget_date, "%s",
             budget ? (const char *)budget : "");
}

enum store_status store_org_page(struct store *st, const struct org *after,
                                 size_t limit, struct org_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st, after
        ? "SELECT " ORG_COLUMNS " FROM organisation o WHERE (o.name, o.id) > (:name, :id) "
          "ORDER BY o.name, o.id LIMIT :limit"
        : "SELECT " ORG_COLUMNS " FROM organisation o ORDER BY o.name, o.id LIMIT :limit");
    if (!stmt)
        return STORE_FAILED;
    if (after) {
        db_bind_named_text(stmt, ":name", after->name ? after->name : "");
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
        read_org(stmt, &out->items[out->len++]);
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    if (rc != STORE_OK)
        org_list_clear(out);
    return rc;
}

enum store_status store_org_names(struct store *st, const char *prefix,
                                  size_t limit, struct strlist *out)
{
    /* Folded as the Organisations filter folds, so that "ost" finds
     * Östergård: the name index is walked in order and the walk stops
     * once the window is full. */
    char *folded = text_fold(prefix ? prefix : "");
    if (!folded)
        return db_no_memory(st);
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT name FROM organisation "
        "WHERE substr(rapport_fold(name), 1, length(:prefix)) = :prefix "
        "ORDER BY name LIMIT :limit");
    if (!stmt) {
        free(folded);
        return STORE_FAILED;
    }
    db_bind_named_text(stmt, ":prefix", folded);
    free(folded);
    db_bind_named_int(stmt, ":limit", (int64_t)limit);
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW)
        if (strlist_push(out, (const char *)sqlite3_column_text(stmt, 0)) < 0) {
            rc = db_no_memory(st);
            break;
        }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}

enum store_status store_org_get(struct store *st, const char *name,
                                int64_t id, struct org *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st, name
        ? "SELECT " ORG_COLUMNS " FROM organisation o WHERE o.name = ?"
        : "SELECT " ORG_COLUMNS " FROM organisation o WHERE o.id = ?");
    if (!stmt)
        return STORE_FAILED;
    if (name)
        db_bind_text(stmt, 1, name);
    else
        sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = STORE_OK;
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW)
        read_org(stmt, out);
    else if (step == SQLITE_DONE && name) {
        char *shown = text_sanitize(name, false);
        rc = store_fail(st, STORE_NOT_FOUND, _("no organisation \"%s\""), shown);
        free(shown);
    } else if (step == SQLITE_DONE)
        rc = store_fail(st, STORE_NOT_FOUND, _("no organisation #%lld"), (long long)id);
    else
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}
