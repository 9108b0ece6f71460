/* The connection's plumbing: messages (store_fail, and SQLite's errors
 * turned into a status and advice), statements (prepared, kept for
 * every write, bound, stepped, finished) and the SQL text built from
 * fixed fragments. Every other file of store/ works through these; see
 * store/db.h. Uses base/i18n.h, base/text.h. */
#include <config.h>

#include <errno.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "base/text.h"
#include "store/db.h"

char *db_vformat(const char *fmt, va_list ap)
{
    char *text = NULL;
    if (vasprintf(&text, fmt, ap) < 0)
        return NULL;
    return text;
}

char *db_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = db_vformat(fmt, ap);
    va_end(ap);
    return text;
}

enum store_status store_fail(struct store *st, enum store_status status,
                             const char *fmt, ...)
{
    if (!st)
        return status;
    va_list ap;
    va_start(ap, fmt);
    char *text = db_vformat(fmt, ap);
    va_end(ap);
    /* Every message is for a terminal, and many carry text that came
     * from the database (a trigger's RAISE, which anyone who can write
     * a team database can add), from SQLite or from the command line:
     * sanitised here, where each is made (SPEC §8). */
    free(st->error);
    st->error = text ? text_sanitize(text, false) : NULL;
    free(text);
    st->advice = STORE_ADVICE_NONE;
    return status;
}

enum store_status db_advise(struct store *st, enum store_status rc,
                            enum store_advice advice)
{
    if (st)
        st->advice = advice;
    return rc;
}

const char *store_error(const struct store *st)
{
    return st && st->error ? st->error : "";
}

enum store_advice store_advice(const struct store *st)
{
    return st ? st->advice : STORE_ADVICE_NONE;
}

/* Turns SQLite's last error into a status and a message that says what
 * to do about it (with the advice the front ends word). */
enum store_status db_fail(struct store *st)
{
    int code = sqlite3_extended_errcode(st->db);
    const char *detail = sqlite3_errmsg(st->db);
    char by[sizeof st->refused_by];
    memcpy(by, st->refused_by, sizeof by);
    st->refused_by[0] = '\0';
    /* A statement the authorizer refused fails with one of these. */
    if (by[0] && ((code & 0xff) == SQLITE_AUTH || (code & 0xff) == SQLITE_ERROR)) {
        return store_fail(st, STORE_FAILED,
                          _("the trigger or view \"%s\" in %s uses %s, which rapport does not let a database run; nothing was changed; whoever added it should drop it"),
                          by, st->shown_path, st->refused_use);
    }
    /* A full disk often comes back as an I/O error (the -shm or -wal
     * could not grow); errno tells. */
    int sys = sqlite3_system_errno(st->db);
    if ((code & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT))
        code = SQLITE_FULL;
    switch (code & 0xff) {
    case SQLITE_FULL:
        return store_fail(st, STORE_FAILED,
                          _("the disk is full: the change was not saved; free some space and try again"));
    case SQLITE_READONLY:
        return store_fail(st, STORE_READ_ONLY,
                          _("%s cannot be written (read-only file or folder); the change was not saved"),
                          st->shown_path);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return db_advise(st, store_fail(st, STORE_FAILED, _("the database %s is damaged (%s)"),
                                        st->shown_path, detail),
                         STORE_ADVICE_CHECK);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return store_fail(st, STORE_FAILED,
                          _("the database is busy: another rapport held it for too long; try again"));
    case SQLITE_IOERR:
        return store_fail(st, STORE_FAILED, _("reading or writing %s failed (%s)"),
                          st->shown_path, detail);
    case SQLITE_CONSTRAINT:
        return store_fail(st, STORE_INVALID,
                          _("the change breaks a rule of the database (%s)"), detail);
    case SQLITE_NOMEM:
        return store_fail(st, STORE_FAILED, _("out of memory"));
    default:
        return store_fail(st, STORE_FAILED, _("database error: %s"), detail);
    }
}

enum store_status db_no_memory(struct store *st)
{
    return store_fail(st, STORE_FAILED, _("out of memory"));
}

/* ---- statements ---------------------------------------------------------- */

static uint32_t sql_hash(const char *sql)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *c = (const unsigned char *)sql; *c; c++)
        h = (h ^ *c) * 16777619u;
    return h;
}

static sqlite3_stmt *prepare_new(struct store *st, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt,
                           NULL) != SQLITE_OK) {
        db_fail(st);
        sqlite3_finalize(stmt);
        return NULL;
    }
    return stmt;
}

sqlite3_stmt *db_prepare(struct store *st, const char *sql)
{
    uint32_t hash = sql_hash(sql);
    size_t free_slot = st->ncached, oldest = st->ncached;
    for (size_t i = 0; i < st->ncached; i++) {
        if (st->cached[i].busy)
            continue;
        if (st->cached[i].hash == hash
            && strcmp(sqlite3_sql(st->cached[i].stmt), sql) == 0) {
            st->cached[i].busy = true;
            st->cached[i].used = ++st->ticks;
            return st->cached[i].stmt;
        }
        if (oldest == st->ncached || st->cached[i].used < st->cached[oldest].used)
            oldest = i;
    }
    sqlite3_stmt *stmt = prepare_new(st, sql);
    if (!stmt)
        return NULL;
    /* A text of several statements is not kept: sqlite3_sql() holds only
     * the first, and the next lookup must not take it for the whole. */
    if (strcmp(sqlite3_sql(stmt), sql) != 0)
        return stmt;
    if (st->ncached < CACHED_MAX)
        free_slot = st->ncached++;
    else if (oldest < st->ncached) {
        sqlite3_finalize(st->cached[oldest].stmt);
        free_slot = oldest;
    } else {
        return stmt;     /* every one in use: this one is finalized after */
    }
    st->cached[free_slot].stmt = stmt;
    st->cached[free_slot].hash = hash;
    st->cached[free_slot].busy = true;
    st->cached[free_slot].used = ++st->ticks;
    return stmt;
}

/* Like db_prepare() for a static SQL string run by every write: the
 * statement is kept, and db_finish() only resets it. */
sqlite3_stmt *db_prepare_kept(struct store *st, const char *sql)
{
    for (size_t i = 0; i < st->nkept; i++)
        if (st->kept[i].sql == sql)
            return st->kept[i].stmt;
    if (st->nkept == KEPT_MAX)
        return db_prepare(st, sql);
    sqlite3_stmt *stmt = prepare_new(st, sql);
    if (!stmt)
        return NULL;
    st->kept[st->nkept].sql = sql;
    st->kept[st->nkept].stmt = stmt;
    st->nkept++;
    return stmt;
}

/* Ends the use of a statement: resets a kept one, finalizes others. */
void db_finish(struct store *st, sqlite3_stmt *stmt)
{
    if (!stmt)
        return;
    for (size_t i = 0; i < st->nkept; i++) {
        if (st->kept[i].stmt == stmt) {
            sqlite3_reset(stmt);
            sqlite3_clear_bindings(stmt);
            return;
        }
    }
    for (size_t i = 0; i < st->ncached; i++) {
        if (st->cached[i].stmt == stmt) {
            sqlite3_reset(stmt);
            sqlite3_clear_bindings(stmt);
            st->cached[i].busy = false;
            return;
        }
    }
    sqlite3_finalize(stmt);
}

int db_bind_text(sqlite3_stmt *stmt, int i, const char *text)
{
    return text ? sqlite3_bind_text(stmt, i, text, -1, SQLITE_TRANSIENT)
                : sqlite3_bind_null(stmt, i);
}

/* Binds a named parameter when the statement has it. */
void db_bind_named_text(sqlite3_stmt *stmt, const char *name,
                        const char *text)
{
    int i = sqlite3_bind_parameter_index(stmt, name);
    if (i > 0)
        db_bind_text(stmt, i, text);
}

void db_bind_named_int(sqlite3_stmt *stmt, const char *name, int64_t v)
{
    int i = sqlite3_bind_parameter_index(stmt, name);
    if (i > 0)
        sqlite3_bind_int64(stmt, i, v);
}

char *db_column_text(sqlite3_stmt *stmt, int i)
{
    const unsigned char *text = sqlite3_column_text(stmt, i);
    return text ? strdup((const char *)text) : NULL;
}

struct date db_column_date(sqlite3_stmt *stmt, int i)
{
    struct date d = { 0 };
    const unsigned char *text = sqlite3_column_text(stmt, i);
    if (text && strcmp((const char *)text, NO_DUE) != 0)
        date_parse_iso((const char *)text, &d);
    return d;
}

void db_bind_date(sqlite3_stmt *stmt, int i, struct date d)
{
    if (!date_is_set(d)) {
        sqlite3_bind_null(stmt, i);
        return;
    }
    char buf[11];
    date_format_iso(d, buf);
    sqlite3_bind_text(stmt, i, buf, -1, SQLITE_TRANSIENT);
}

/* Runs a statement that returns no rows (or whose rows do not matter). */
enum store_status db_run(struct store *st, sqlite3_stmt *stmt)
{
    if (!stmt)
        return STORE_FAILED;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        ;
    enum store_status status = rc == SQLITE_DONE ? STORE_OK : db_fail(st);
    db_finish(st, stmt);
    return status;
}

enum store_status db_exec(struct store *st, const char *sql)
{
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(st);
    return STORE_OK;
}

/* One static statement of every write. */
enum store_status db_exec_kept(struct store *st, const char *sql)
{
    return db_run(st, db_prepare_kept(st, sql));
}

/* One integer from a query with one bound integer (bind < 0: none). */
enum store_status db_query_int(struct store *st, const char *sql,
                               int64_t bind, int64_t *out)
{
    sqlite3_stmt *stmt = db_prepare(st, sql);
    if (!stmt)
        return STORE_FAILED;
    if (bind >= 0 && sqlite3_bind_parameter_count(stmt) > 0)
        sqlite3_bind_int64(stmt, 1, bind);
    enum store_status status = STORE_OK;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(stmt, 0);
    else if (rc == SQLITE_DONE)
        status = STORE_NOT_FOUND;
    else
        status = db_fail(st);
    db_finish(st, stmt);
    return status;
}

/* Steps a prepared statement that yields one integer (a count), and
 * ends it; NULL (a failed prepare) stays a failure. */
enum store_status db_step_int(struct store *st, sqlite3_stmt *stmt, int64_t *out)
{
    if (!stmt)
        return STORE_FAILED;
    enum store_status rc = STORE_OK;
    if (sqlite3_step(stmt) == SQLITE_ROW)
        *out = sqlite3_column_int64(stmt, 0);
    else
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}

/* Grows a list's array for one more item. */
int db_reserve(void **items, size_t len, size_t *cap, size_t size)
{
    if (len < *cap)
        return 0;
    size_t n = *cap ? *cap * 2 : 8;
    void *grown = realloc(*items, n * size);
    if (!grown)
        return -1;
    memset((char *)grown + *cap * size, 0, (n - *cap) * size);
    *items = grown;
    *cap = n;
    return 0;
}

void db_sql_add(struct sql_text *s, const char *part)
{
    size_t n = strlen(part);
    if (s->len + n < sizeof s->buf) {
        memcpy(s->buf + s->len, part, n + 1);
        s->len += n;
    } else {
        s->overflow = true;
    }
}

void db_sql_addf(struct sql_text *s, const char *fmt, ...)
{
    char part[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(part, sizeof part, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof part)
        s->overflow = true;
    else
        db_sql_add(s, part);
}

sqlite3_stmt *db_prepare_text(struct store *st, const struct sql_text *sql)
{
    if (sql->overflow) {
        store_fail(st, STORE_FAILED, _("database error: %s"),
                   _("the query is too long"));
        return NULL;
    }
    return db_prepare(st, sql->buf);
}
