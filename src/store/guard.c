/* What the schema may run: an authorizer that lets the triggers and
 * views of a database call only what SQLite's untrusted-schema rule
 * allows, with rapport's own full-text tables. Uses base/strlist.h,
 * store/db.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sqlite3.h>

#include "base/strlist.h"
#include "store/db.h"

/* The schema is code: its triggers run in every process that writes the
 * file, and in a team database any member can add one. SQLite's own
 * rule for an untrusted schema (trusted_schema = OFF) lets a trigger or
 * a view call only built-in and innocuous functions and use only
 * innocuous virtual tables; but FTS5 is not marked innocuous (SQLite
 * 3.40), and rapport's own triggers keep its FTS5 index, so that rule
 * would refuse every write. This authorizer applies it instead, with
 * rapport's own full-text tables allowed: a function that is neither
 * built in nor innocuous (fts5(), fts3_tokenizer(), an extension's) or
 * that is direct-only, an eponymous virtual table (sqlite_stmt,
 * sqlite_dbpage, dbstat, pragma_*) but json_each and json_tree, used
 * from a trigger or a view, fails the statement. SQL rapport itself
 * prepares (no trigger or view: inner is NULL) is not limited. */
static int name_order(const void *a, const void *b)
{
    return strcasecmp(*(char *const *)a, *(char *const *)b);
}

static bool name_listed(const struct strlist *list, const char *name)
{
    return name && list->len
           && bsearch(&name, list->items, list->len, sizeof *list->items,
                      name_order) != NULL;
}

static int schema_guard(void *ctx, int action, const char *a, const char *b,
                        const char *db, const char *inner)
{
    (void)db;
    struct store *st = ctx;
    if (!inner)
        return SQLITE_OK;
    const char *used = NULL;
    if (action == SQLITE_FUNCTION && !name_listed(&st->safe_functions, b))
        used = b;
    else if ((action == SQLITE_READ || action == SQLITE_INSERT
              || action == SQLITE_UPDATE || action == SQLITE_DELETE)
             && a && strcasecmp(a, "json_each") != 0 && strcasecmp(a, "json_tree") != 0
             && (strncasecmp(a, "pragma_", 7) == 0 || name_listed(&st->modules, a)))
        used = a;
    if (!used)
        return SQLITE_OK;
    snprintf(st->refused_by, sizeof st->refused_by, "%s", inner);
    snprintf(st->refused_use, sizeof st->refused_use, "%s", used);
    return SQLITE_DENY;
}

/* Reads the names one query gives into a sorted list. */
static enum store_status read_names(struct store *st, sqlite3_stmt *stmt,
                                    struct strlist *out)
{
    if (!stmt)
        return STORE_FAILED;
    int step;
    enum store_status rc = STORE_OK;
    while (rc == STORE_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const unsigned char *name = sqlite3_column_text(stmt, 0);
        if (name && strlist_push(out, (const char *)name) != 0)
            rc = db_no_memory(st);
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    if (out->len)
        qsort(out->items, out->len, sizeof *out->items, name_order);
    return rc;
}

/* After every function is registered (rapport_words() among them). */
enum store_status db_guard_open(struct store *st)
{
    /* SQLite's own rule (see above); trusted_schema stays on, whatever
     * SQLite was built with, so that the rule is this one. */
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT name FROM pragma_function_list GROUP BY name "
        "HAVING max((builtin = 0 AND (flags & ?1) = 0) OR (flags & ?2) != 0) = 0");
    if (stmt) {
        sqlite3_bind_int(stmt, 1, SQLITE_INNOCUOUS);
        sqlite3_bind_int(stmt, 2, SQLITE_DIRECTONLY);
    }
    enum store_status rc = read_names(st, stmt, &st->safe_functions);
    if (rc == STORE_OK)
        rc = read_names(st, db_prepare(st, "SELECT name FROM pragma_module_list"),
                        &st->modules);
    if (rc == STORE_OK
        && (sqlite3_db_config(st->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, (int *)0) != SQLITE_OK
            || sqlite3_set_authorizer(st->db, schema_guard, st) != SQLITE_OK))
        rc = db_fail(st);
    return rc;
}
