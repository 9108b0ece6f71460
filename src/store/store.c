/* The storage: the only file with SQL.
 *
 * It owns the database file (checks before opening, pragmas, schema
 * migrations), every statement, the columns derived from the history
 * (stage, last touch, next follow-up, note count: rewritten in the
 * transaction of every write and every undo, and indexed, so lists never
 * recompute them), the full-text index (FTS5, kept in step by triggers),
 * and the undo journal (filled by triggers while a write is recording). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "store/store.h"
#include "base/text.h"

/* How many changes the undo journal keeps. */
#define JOURNAL_KEEP 200
/* next_due of a contact without open follow-ups: sorts after every date,
 * so "soonest first, none last" is one index scan. */
#define NO_DUE "9999-12-31"
#define BUSY_TIMEOUT_MS 5000
/* Tells our file from another program's SQLite database ("rapp"). */
#define APPLICATION_ID 0x72617070

/* Statements of every write, prepared once per connection. */
#define KEPT_MAX 24

struct store {
    sqlite3 *db;
    char *path;
    char *shown_path;     /* path made safe for messages */
    char *error;
    bool read_only;
    int depth;            /* nesting of write transactions (store_batch) */
    bool unjournaled;     /* the running batch cannot be undone */
    /* Marks the journal entries written through this connection, so the
     * TUI undoes its own changes without asking. Random: entry ids are
     * reused once the newest entry is undone. */
    int64_t origin;
    bool wipe_pending;    /* a forget's old copies are still in the file */
    struct {
        const char *sql;  /* a static string: looked up by address */
        sqlite3_stmt *stmt;
    } kept[KEPT_MAX];
    size_t nkept;
    fts5_tokenizer word_api;  /* see split_words() */
    Fts5Tokenizer *words;
};

/* ---- messages ------------------------------------------------------------ */

static char *vformat(const char *fmt, va_list ap)
{
    char *text = NULL;
    if (vasprintf(&text, fmt, ap) < 0)
        return NULL;
    return text;
}

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = vformat(fmt, ap);
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
    char *text = vformat(fmt, ap);
    va_end(ap);
    free(st->error);
    st->error = text;
    return status;
}

const char *store_error(const struct store *st)
{
    return st && st->error ? st->error : "";
}

/* Turns SQLite's last error into a status and a message that says what
 * to do about it. */
static enum store_status db_fail(struct store *st)
{
    int code = sqlite3_extended_errcode(st->db);
    const char *detail = sqlite3_errmsg(st->db);
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
        return store_fail(st, STORE_FAILED,
                          _("the database %s is damaged (%s); run \"rapport check\" and restore a backup"),
                          st->shown_path, detail);
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

static enum store_status no_memory(struct store *st)
{
    return store_fail(st, STORE_FAILED, _("out of memory"));
}

/* ---- statements ---------------------------------------------------------- */

static sqlite3_stmt *prepare(struct store *st, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        db_fail(st);
        sqlite3_finalize(stmt);
        return NULL;
    }
    return stmt;
}

/* Like prepare() for a static SQL string run by every write: the
 * statement is kept, and finish() only resets it. */
static sqlite3_stmt *prepare_kept(struct store *st, const char *sql)
{
    for (size_t i = 0; i < st->nkept; i++)
        if (st->kept[i].sql == sql)
            return st->kept[i].stmt;
    if (st->nkept == KEPT_MAX)
        return prepare(st, sql);
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt,
                           NULL) != SQLITE_OK) {
        db_fail(st);
        sqlite3_finalize(stmt);
        return NULL;
    }
    st->kept[st->nkept].sql = sql;
    st->kept[st->nkept].stmt = stmt;
    st->nkept++;
    return stmt;
}

/* Ends the use of a statement: resets a kept one, finalizes others. */
static void finish(struct store *st, sqlite3_stmt *stmt)
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
    sqlite3_finalize(stmt);
}

static int bind_text(sqlite3_stmt *stmt, int i, const char *text)
{
    return text ? sqlite3_bind_text(stmt, i, text, -1, SQLITE_TRANSIENT)
                : sqlite3_bind_null(stmt, i);
}

/* Binds a named parameter when the statement has it. */
static void bind_named_text(sqlite3_stmt *stmt, const char *name,
                            const char *text)
{
    int i = sqlite3_bind_parameter_index(stmt, name);
    if (i > 0)
        bind_text(stmt, i, text);
}

static void bind_named_int(sqlite3_stmt *stmt, const char *name, int64_t v)
{
    int i = sqlite3_bind_parameter_index(stmt, name);
    if (i > 0)
        sqlite3_bind_int64(stmt, i, v);
}

static char *column_text(sqlite3_stmt *stmt, int i)
{
    const unsigned char *text = sqlite3_column_text(stmt, i);
    return text ? strdup((const char *)text) : NULL;
}

static struct date column_date(sqlite3_stmt *stmt, int i)
{
    struct date d = { 0 };
    const unsigned char *text = sqlite3_column_text(stmt, i);
    if (text && strcmp((const char *)text, NO_DUE) != 0)
        date_parse_iso((const char *)text, &d);
    return d;
}

static void bind_date(sqlite3_stmt *stmt, int i, struct date d)
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
static enum store_status run(struct store *st, sqlite3_stmt *stmt)
{
    if (!stmt)
        return STORE_FAILED;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        ;
    enum store_status status = rc == SQLITE_DONE ? STORE_OK : db_fail(st);
    finish(st, stmt);
    return status;
}

static enum store_status exec(struct store *st, const char *sql)
{
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(st);
    return STORE_OK;
}

/* One static statement of every write. */
static enum store_status exec_kept(struct store *st, const char *sql)
{
    return run(st, prepare_kept(st, sql));
}

/* One integer from a query with one bound integer (bind < 0: none). */
static enum store_status query_int(struct store *st, const char *sql,
                                   int64_t bind, int64_t *out)
{
    sqlite3_stmt *stmt = prepare(st, sql);
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
    finish(st, stmt);
    return status;
}

/* Steps a prepared statement that yields one integer (a count), and
 * ends it; NULL (a failed prepare) stays a failure. */
static enum store_status step_int(struct store *st, sqlite3_stmt *stmt, int64_t *out)
{
    if (!stmt)
        return STORE_FAILED;
    enum store_status rc = STORE_OK;
    if (sqlite3_step(stmt) == SQLITE_ROW)
        *out = sqlite3_column_int64(stmt, 0);
    else
        rc = db_fail(st);
    finish(st, stmt);
    return rc;
}

/* Grows a list's array for one more item. */
static int reserve(void **items, size_t len, size_t *cap, size_t size)
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

/* A text built from fixed fragments of SQL (never from user input). A
 * fragment that does not fit marks it too long, and prepare_text()
 * refuses it: a statement cut short could still be valid SQL. */
struct sql_text {
    char buf[16384];
    size_t len;
    bool overflow;
};

static void sql_add(struct sql_text *s, const char *part)
{
    size_t n = strlen(part);
    if (s->len + n < sizeof s->buf) {
        memcpy(s->buf + s->len, part, n + 1);
        s->len += n;
    } else {
        s->overflow = true;
    }
}

static void sql_addf(struct sql_text *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void sql_addf(struct sql_text *s, const char *fmt, ...)
{
    char part[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(part, sizeof part, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof part)
        s->overflow = true;
    else
        sql_add(s, part);
}

static sqlite3_stmt *prepare_text(struct store *st, const struct sql_text *sql)
{
    if (sql->overflow) {
        store_fail(st, STORE_FAILED, _("database error: %s"),
                   _("the query is too long"));
        return NULL;
    }
    return prepare(st, sql->buf);
}

/* ---- search words ---------------------------------------------------------- */

/* Search as you type reads two tables of words (field_word, note_word),
 * which triggers fill from the contacts and their notes. The words are
 * FTS5's own: the text is folded as names are (ø is o), then split by
 * the unicode61 tokenizer, so they are the words `rapport search` knows.
 * A word longer than this is kept by its beginning. */
#define WORD_MAX 48

static int word_taken(void *ctx, int flags, const char *token, int len,
                      int start, int end)
{
    (void)start;
    (void)end;
    struct strlist *words = ctx;
    if ((flags & FTS5_TOKEN_COLOCATED) || len <= 0)
        return SQLITE_OK;
    size_t n = (size_t)len;
    if (n > WORD_MAX) {
        n = WORD_MAX;
        while (n > 0 && ((unsigned char)token[n] & 0xC0) == 0x80)
            n--;
    }
    char word[WORD_MAX + 1];
    memcpy(word, token, n);
    word[n] = '\0';
    return strlist_push(words, word) == 0 ? SQLITE_OK : SQLITE_NOMEM;
}

static int word_order(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The distinct words of text, sorted; SQLITE_OK or an SQLite error. */
static int split_words(struct store *st, const char *text, struct strlist *out)
{
    memset(out, 0, sizeof *out);
    if (!text || !*text)
        return SQLITE_OK;
    if (!st->words)
        return SQLITE_ERROR;
    char *folded = text_fold(text);
    if (!folded)
        return SQLITE_NOMEM;
    int rc = st->word_api.xTokenize(st->words, out, FTS5_TOKENIZE_DOCUMENT,
                                    folded, (int)strlen(folded), word_taken);
    free(folded);
    if (rc != SQLITE_OK) {
        strlist_clear(out);
        return rc;
    }
    qsort(out->items, out->len, sizeof *out->items, word_order);
    size_t kept = 0;
    for (size_t i = 0; i < out->len; i++) {
        if (kept > 0 && strcmp(out->items[kept - 1], out->items[i]) == 0)
            free(out->items[i]);
        else
            out->items[kept++] = out->items[i];
    }
    out->len = kept;
    return SQLITE_OK;
}

/* rapport_words(TEXT): the words of TEXT as a JSON array, for the
 * triggers to read with json_each. */
static void sql_words(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct store *st = sqlite3_user_data(ctx);
    struct strlist words;
    int rc = split_words(st, (const char *)sqlite3_value_text(argv[0]), &words);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    size_t cap = 3;
    for (size_t i = 0; i < words.len; i++)
        cap += strlen(words.items[i]) * 6 + 3;
    char *json = malloc(cap);
    if (!json) {
        strlist_clear(&words);
        sqlite3_result_error_nomem(ctx);
        return;
    }
    size_t len = 0;
    json[len++] = '[';
    for (size_t i = 0; i < words.len; i++) {
        if (i)
            json[len++] = ',';
        json[len++] = '"';
        for (const unsigned char *c = (const unsigned char *)words.items[i]; *c; c++) {
            if (*c == '"' || *c == '\\') {
                json[len++] = '\\';
                json[len++] = (char)*c;
            } else if (*c < 0x20) {
                len += (size_t)snprintf(json + len, cap - len, "\\u%04x", *c);
            } else {
                json[len++] = (char)*c;
            }
        }
        json[len++] = '"';
    }
    json[len++] = ']';
    strlist_clear(&words);
    /* The 64-bit call: a text past SQLite's length limit is an error,
     * never a length cut by a cast to int. */
    sqlite3_result_text64(ctx, json, (sqlite3_uint64)len, free, SQLITE_UTF8);
}

/* Takes FTS5's unicode61 tokenizer and makes rapport_words(): the
 * triggers of version 5 on need it, so a connection without it (the
 * sqlite3 shell) can read the database but not write contacts or notes. */
static enum store_status words_open(struct store *st)
{
    fts5_api *api = NULL;
    sqlite3_stmt *stmt = prepare(st, "SELECT fts5(?1)");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(stmt);
    finish(st, stmt);
    void *user = NULL;
    const char *args[] = { "remove_diacritics", "2" };
    if (!api || api->iVersion < 2
        || api->xFindTokenizer(api, "unicode61", &user, &st->word_api) != SQLITE_OK
        || st->word_api.xCreate(user, args, 2, &st->words) != SQLITE_OK) {
        st->words = NULL;
        return store_fail(st, STORE_FAILED, _("database error: %s"),
                          _("SQLite has no FTS5 tokenizer"));
    }
    if (sqlite3_create_function(st->db, "rapport_words", 1,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                st, sql_words, NULL, NULL) != SQLITE_OK)
        return db_fail(st);
    return STORE_OK;
}

/* ---- the schema ------------------------------------------------------------ */

/* Version 1: the data. Keep identical to tests/data/schema-v1.sql. */
static const char schema_v1[] =
    "PRAGMA application_id = 1918988400;\n"
    "CREATE TABLE organisation (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    name TEXT NOT NULL UNIQUE COLLATE NOCASE,\n"
    "    notes TEXT\n"
    ");\n"
    "CREATE TABLE contact (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    name TEXT NOT NULL,\n"
    "    name_key TEXT NOT NULL,\n"
    "    org_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,\n"
    "    title TEXT,\n"
    "    roles INTEGER NOT NULL DEFAULT 1,\n"
    "    projects TEXT,\n"
    "    goals TEXT,\n"
    "    channel TEXT,\n"
    "    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days >= 0),\n"
    "    uid TEXT UNIQUE,\n"
    "    created INTEGER NOT NULL,\n"
    "    updated INTEGER NOT NULL,\n"
    "    archived INTEGER NOT NULL DEFAULT 0,\n"
    "    version INTEGER NOT NULL DEFAULT 1,\n"
    "    stage INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 2),\n"
    "    stage_since INTEGER NOT NULL,\n"
    "    last_touch INTEGER NOT NULL,\n"
    "    next_due TEXT NOT NULL DEFAULT '9999-12-31'\n"
    ");\n"
    "CREATE INDEX contact_by_name ON contact(name_key, id);\n"
    "CREATE INDEX contact_by_stage ON contact(stage DESC, name_key, id);\n"
    "CREATE INDEX contact_by_stage_touch ON contact(stage, last_touch, id);\n"
    "CREATE INDEX contact_by_touch ON contact(last_touch, id);\n"
    "CREATE INDEX contact_by_due ON contact(next_due, id);\n"
    "CREATE INDEX contact_by_org ON contact(org_id, stage);\n"
    "CREATE TABLE contact_email (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    email TEXT NOT NULL COLLATE NOCASE,\n"
    "    position INTEGER NOT NULL\n"
    ");\n"
    "CREATE INDEX contact_email_by_contact ON contact_email(contact_id, position);\n"
    "CREATE INDEX contact_email_by_email ON contact_email(email);\n"
    "CREATE TABLE contact_phone (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    phone TEXT NOT NULL,\n"
    "    position INTEGER NOT NULL\n"
    ");\n"
    "CREATE INDEX contact_phone_by_contact ON contact_phone(contact_id, position);\n"
    "CREATE TABLE contact_tag (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    tag TEXT NOT NULL COLLATE NOCASE\n"
    ");\n"
    "CREATE INDEX contact_tag_by_contact ON contact_tag(contact_id);\n"
    "CREATE INDEX contact_tag_by_tag ON contact_tag(tag, contact_id);\n"
    "CREATE TABLE stage_change (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    from_stage INTEGER,\n"
    "    to_stage INTEGER NOT NULL CHECK (to_stage BETWEEN 0 AND 2),\n"
    "    at INTEGER NOT NULL,\n"
    "    reason TEXT\n"
    ");\n"
    "CREATE INDEX stage_change_by_contact ON stage_change(contact_id, at, id);\n"
    "CREATE INDEX stage_change_by_time ON stage_change(at);\n"
    "CREATE TABLE note (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    at INTEGER NOT NULL,\n"
    "    kind TEXT NOT NULL DEFAULT 'note',\n"
    "    body TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX note_by_contact ON note(contact_id, at, id);\n"
    "CREATE TABLE followup (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    due TEXT NOT NULL,\n"
    "    due_minutes INTEGER NOT NULL DEFAULT -1,\n"
    "    snoozed_until TEXT,\n"
    "    effective TEXT NOT NULL,\n"
    "    text TEXT NOT NULL,\n"
    "    every_count INTEGER NOT NULL DEFAULT 0,\n"
    "    every_unit TEXT,\n"
    "    state INTEGER NOT NULL DEFAULT 0,\n"
    "    done_at INTEGER,\n"
    "    created INTEGER NOT NULL\n"
    ");\n"
    "CREATE INDEX followup_by_state ON followup(state, effective, due_minutes, id);\n"
    "CREATE INDEX followup_by_effective ON followup(effective, due_minutes, id);\n"
    "CREATE INDEX followup_by_contact ON followup(contact_id, state, effective);\n"
    "CREATE TABLE score (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    at INTEGER NOT NULL,\n"
    "    value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),\n"
    "    comment TEXT\n"
    ");\n"
    "CREATE INDEX score_by_contact ON score(contact_id, at, id);\n";

/* What the full-text row of contact X holds; X is spliced in by the
 * triggers below. */
#define CONTACT_FTS_INSERT \
    "INSERT INTO contact_fts(rowid, name, name_key, org, emails, tags, details) " \
    "SELECT c.id, c.name, c.name_key, o.name, " \
    "(SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), " \
    "(SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), " \
    "coalesce(c.title, '') || ' ' || coalesce(c.projects, '') || ' ' || " \
    "coalesce(c.goals, '') || ' ' || coalesce(c.channel, '') " \
    "FROM contact c LEFT JOIN organisation o ON o.id = c.org_id "
#define CONTACT_FTS_REFRESH(x) \
    "DELETE FROM contact_fts WHERE rowid = " x "; " \
    CONTACT_FTS_INSERT "WHERE c.id = " x "; "

/* A note's full-text row: the contact's id in the high 32 bits, the
 * note's in the low ones. Search-as-you-type maps matching notes to
 * their contacts from the index alone (rowid >> 32), without reading a
 * million note rows for a common word. */
#define NOTE_FTS_ROWID(row) "((" row ".contact_id << 32) | " row ".id)"

/* The full-text index: made by the version 2 migration, made again by
 * store_rebuild_search(). */
#define SEARCH_INDEX_FILL \
    "CREATE VIRTUAL TABLE contact_fts USING fts5(name, name_key, org, emails, tags, details, " \
    "prefix = '1 2', tokenize = 'unicode61 remove_diacritics 2');\n" \
    "CREATE VIRTUAL TABLE note_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');\n" \
    CONTACT_FTS_INSERT ";\n" \
    "INSERT INTO note_fts(rowid, body) SELECT " NOTE_FTS_ROWID("note") ", body FROM note;\n"

/* Version 2: the undo journal, full-text search, the note count. */
static const char schema_v2[] =
    "ALTER TABLE contact ADD COLUMN note_count INTEGER NOT NULL DEFAULT 0;\n"
    "UPDATE contact SET note_count = (SELECT count(*) FROM note WHERE note.contact_id = contact.id);\n"
    /* The contact's archived flag, copied, so the agenda counts open
     * follow-ups of active contacts from one index. */
    "ALTER TABLE followup ADD COLUMN contact_archived INTEGER NOT NULL DEFAULT 0;\n"
    "UPDATE followup SET contact_archived = (SELECT archived FROM contact WHERE contact.id = followup.contact_id);\n"
    "CREATE INDEX followup_open ON followup(state, contact_archived, effective, due_minutes, id);\n"
    /* Gone quiet, read through two partial indexes: see quiet_stage(). */
    "ALTER TABLE contact ADD COLUMN own_due INTEGER;\n"
    "UPDATE contact SET own_due = CASE WHEN cadence_days > 0 "
    "THEN last_touch + 86400 * cadence_days END;\n"
    "CREATE INDEX contact_quiet_default ON contact(stage, last_touch, id) "
    "WHERE cadence_days IS NULL AND archived = 0;\n"
    "CREATE INDEX contact_quiet_own ON contact(stage, own_due, id) "
    "WHERE own_due IS NOT NULL AND archived = 0;\n"
    /* Counts of active contacts per stage (pipeline headers, funnel). */
    "CREATE INDEX contact_active ON contact(stage) WHERE archived = 0;\n"
    "CREATE TABLE journal (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    at INTEGER NOT NULL,\n"
    "    what TEXT NOT NULL DEFAULT ''\n"
    ");\n"
    "CREATE TABLE journal_row (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    journal_id INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,\n"
    "    op TEXT NOT NULL,\n"
    "    tbl TEXT NOT NULL,\n"
    "    row_id INTEGER NOT NULL,\n"
    "    contact_id INTEGER,\n"
    "    old_json TEXT\n"
    ");\n"
    "CREATE INDEX journal_row_by_entry ON journal_row(journal_id, id);\n"
    "CREATE INDEX journal_row_by_contact ON journal_row(contact_id);\n"
    /* The triggers live in the main schema, so the flag must too. */
    "CREATE TABLE journal_state (\n"
    "    id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "    recording INTEGER\n"
    ");\n"
    "INSERT INTO journal_state VALUES (1, NULL);\n"
    /* Prefix indexes make the first letters typed into a search cheap. */
    SEARCH_INDEX_FILL
    "CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact BEGIN "
    CONTACT_FTS_REFRESH("NEW.id") "END;\n"
    "CREATE TRIGGER contact_fts_update AFTER UPDATE OF name, name_key, org_id, title, "
    "projects, goals, channel ON contact BEGIN "
    CONTACT_FTS_REFRESH("NEW.id") "END;\n"
    "CREATE TRIGGER contact_fts_delete AFTER DELETE ON contact BEGIN "
    "DELETE FROM contact_fts WHERE rowid = OLD.id; END;\n"
    "CREATE TRIGGER organisation_fts_update AFTER UPDATE OF name ON organisation BEGIN "
    "DELETE FROM contact_fts WHERE rowid IN (SELECT id FROM contact WHERE org_id = NEW.id); "
    CONTACT_FTS_INSERT "WHERE c.org_id = NEW.id; END;\n"
    "CREATE TRIGGER contact_email_fts_insert AFTER INSERT ON contact_email BEGIN "
    CONTACT_FTS_REFRESH("NEW.contact_id") "END;\n"
    "CREATE TRIGGER contact_email_fts_delete AFTER DELETE ON contact_email BEGIN "
    CONTACT_FTS_REFRESH("OLD.contact_id") "END;\n"
    "CREATE TRIGGER contact_tag_fts_insert AFTER INSERT ON contact_tag BEGIN "
    CONTACT_FTS_REFRESH("NEW.contact_id") "END;\n"
    "CREATE TRIGGER contact_tag_fts_delete AFTER DELETE ON contact_tag BEGIN "
    CONTACT_FTS_REFRESH("OLD.contact_id") "END;\n"
    "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN "
    "INSERT INTO note_fts(rowid, body) VALUES (" NOTE_FTS_ROWID("NEW") ", NEW.body); END;\n"
    "CREATE TRIGGER note_fts_update AFTER UPDATE OF body, contact_id ON note BEGIN "
    "DELETE FROM note_fts WHERE rowid = " NOTE_FTS_ROWID("OLD") "; "
    "INSERT INTO note_fts(rowid, body) VALUES (" NOTE_FTS_ROWID("NEW") ", NEW.body); END;\n"
    "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN "
    "DELETE FROM note_fts WHERE rowid = " NOTE_FTS_ROWID("OLD") "; END;\n";

/* Version 3: which connection wrote each journal entry, and entries
 * that only mark a change that cannot be undone (a forget). */
static const char schema_v3[] =
    "ALTER TABLE journal ADD COLUMN origin INTEGER;\n"
    "ALTER TABLE journal ADD COLUMN undoable INTEGER NOT NULL DEFAULT 1;\n";

/* The full-text row of contact X from version 4 on: the department
 * joins the details. The macros above stay what version 2 ran. */
#define CONTACT_FTS_INSERT_V4 \
    "INSERT INTO contact_fts(rowid, name, name_key, org, emails, tags, details) " \
    "SELECT c.id, c.name, c.name_key, o.name, " \
    "(SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), " \
    "(SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), " \
    "coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || " \
    "coalesce(c.projects, '') || ' ' || " \
    "coalesce(c.goals, '') || ' ' || coalesce(c.channel, '') " \
    "FROM contact c LEFT JOIN organisation o ON o.id = c.org_id "
#define CONTACT_FTS_REFRESH_V4(x) \
    "DELETE FROM contact_fts WHERE rowid = " x "; " \
    CONTACT_FTS_INSERT_V4 "WHERE c.id = " x "; "
/* What store_rebuild_search() makes: the index as it is now. */
#define SEARCH_INDEX_FILL_V4 \
    "CREATE VIRTUAL TABLE contact_fts USING fts5(name, name_key, org, emails, tags, details, " \
    "prefix = '1 2', tokenize = 'unicode61 remove_diacritics 2');\n" \
    "CREATE VIRTUAL TABLE note_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');\n" \
    CONTACT_FTS_INSERT_V4 ";\n" \
    "INSERT INTO note_fts(rowid, body) SELECT " NOTE_FTS_ROWID("note") ", body FROM note;\n"

/* Version 4: a contact's department (vCard's ORG has one, and so do
 * Google's and Outlook's files), a phone number's kind (so an address
 * book keeps a mobile and a work number apart), and the UID a calendar
 * item came with (so importing that calendar again finds it). Every
 * trigger that writes a contact's full-text row is made again, with the
 * department; so are the journal triggers of the three tables, by
 * migrate_v4_triggers. The full-text rows need no rewrite: no contact
 * has a department yet. */
static const char schema_v4[] =
    "ALTER TABLE contact ADD COLUMN department TEXT;\n"
    "ALTER TABLE contact_phone ADD COLUMN kind TEXT;\n"
    "ALTER TABLE followup ADD COLUMN uid TEXT;\n"
    "CREATE INDEX followup_by_uid ON followup(uid) WHERE uid IS NOT NULL;\n"
    "DROP TRIGGER contact_fts_insert;\n"
    "DROP TRIGGER contact_fts_update;\n"
    "DROP TRIGGER organisation_fts_update;\n"
    "DROP TRIGGER contact_email_fts_insert;\n"
    "DROP TRIGGER contact_email_fts_delete;\n"
    "DROP TRIGGER contact_tag_fts_insert;\n"
    "DROP TRIGGER contact_tag_fts_delete;\n"
    "CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact BEGIN "
    CONTACT_FTS_REFRESH_V4("NEW.id") "END;\n"
    "CREATE TRIGGER contact_fts_update AFTER UPDATE OF name, name_key, org_id, title, "
    "department, projects, goals, channel ON contact BEGIN "
    CONTACT_FTS_REFRESH_V4("NEW.id") "END;\n"
    "CREATE TRIGGER organisation_fts_update AFTER UPDATE OF name ON organisation BEGIN "
    "DELETE FROM contact_fts WHERE rowid IN (SELECT id FROM contact WHERE org_id = NEW.id); "
    CONTACT_FTS_INSERT_V4 "WHERE c.org_id = NEW.id; END;\n"
    "CREATE TRIGGER contact_email_fts_insert AFTER INSERT ON contact_email BEGIN "
    CONTACT_FTS_REFRESH_V4("NEW.contact_id") "END;\n"
    "CREATE TRIGGER contact_email_fts_delete AFTER DELETE ON contact_email BEGIN "
    CONTACT_FTS_REFRESH_V4("OLD.contact_id") "END;\n"
    "CREATE TRIGGER contact_tag_fts_insert AFTER INSERT ON contact_tag BEGIN "
    CONTACT_FTS_REFRESH_V4("NEW.contact_id") "END;\n"
    "CREATE TRIGGER contact_tag_fts_delete AFTER DELETE ON contact_tag BEGIN "
    CONTACT_FTS_REFRESH_V4("OLD.contact_id") "END;\n"
    "DROP TRIGGER contact_journal_i;\n"
    "DROP TRIGGER contact_journal_u;\n"
    "DROP TRIGGER contact_journal_d;\n"
    "DROP TRIGGER contact_phone_journal_i;\n"
    "DROP TRIGGER contact_phone_journal_u;\n"
    "DROP TRIGGER contact_phone_journal_d;\n"
    "DROP TRIGGER followup_journal_i;\n"
    "DROP TRIGGER followup_journal_u;\n"
    "DROP TRIGGER followup_journal_d;\n";

/* Version 5: the words search as you type reads, a row per contact and
 * word in (term, name_key, contact_id) order. A prefix typed is a range
 * of terms, and one term's contacts come in the order of the name list,
 * so the first window of a common prefix is read without sorting its
 * thousands of matches. Each row has its contact's archived flag, so
 * the list's usual filter needs no contact row to count the matches.
 * note_word counts the notes that hold the word, so deleting one note
 * keeps the words the others hold. */
#define FIELD_WORD_INSERT \
    "INSERT INTO field_word(term, name_key, contact_id, archived) " FIELD_WORD_SELECT
#define FIELD_WORD_SELECT \
    "SELECT j.value, c.name_key, c.id, c.archived FROM contact c " \
    "LEFT JOIN organisation o ON o.id = c.org_id, json_each(" FIELD_WORDS ") j "
/* The words of contact c (with its organisation o), as rapport_words()
 * gives them. */
#define FIELD_WORDS \
    "rapport_words(" \
    "c.name || ' ' || coalesce(o.name, '') || ' ' || " \
    "coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || " \
    "coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || " \
    "coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || " \
    "coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || " \
    "coalesce(c.channel, ''))"
#define FIELD_WORD_REFRESH(x) \
    "DELETE FROM field_word WHERE contact_id = " x "; " \
    FIELD_WORD_INSERT "WHERE c.id = " x "; "
#define NOTE_WORD_ADD(row) \
    "INSERT INTO note_word(term, name_key, contact_id, archived, notes) " \
    "SELECT j.value, c.name_key, c.id, c.archived, 1 FROM contact c, " \
    "json_each(rapport_words(" row ".body)) j WHERE c.id = " row ".contact_id " \
    "ON CONFLICT (term, name_key, contact_id) DO UPDATE SET notes = notes + 1; "
#define NOTE_WORD_DROP(row) \
    "UPDATE note_word SET notes = notes - 1 WHERE contact_id = " row ".contact_id " \
    "AND term IN (SELECT value FROM json_each(rapport_words(" row ".body))); " \
    "DELETE FROM note_word WHERE contact_id = " row ".contact_id AND notes <= 0 " \
    "AND term IN (SELECT value FROM json_each(rapport_words(" row ".body))); "
/* Both tables from the contacts and notes, in the order of their keys. */
#define SEARCH_WORDS_FILL \
    FIELD_WORD_INSERT ";\n" \
    "INSERT INTO note_word(term, name_key, contact_id, archived, notes) " NOTE_WORD_SELECT ";\n"
#define NOTE_WORD_SELECT \
    "SELECT j.value, c.name_key, c.id, c.archived, count(*) FROM note n " \
    "JOIN contact c ON c.id = n.contact_id, json_each(rapport_words(n.body)) j " \
    "GROUP BY j.value, c.name_key, c.id"

static const char schema_v5[] =
    "CREATE TABLE field_word (term TEXT NOT NULL, name_key TEXT NOT NULL, "
    "contact_id INTEGER NOT NULL, archived INTEGER NOT NULL, "
    "PRIMARY KEY (term, name_key, contact_id)) WITHOUT ROWID;\n"
    "CREATE TABLE note_word (term TEXT NOT NULL, name_key TEXT NOT NULL, "
    "contact_id INTEGER NOT NULL, archived INTEGER NOT NULL, notes INTEGER NOT NULL, "
    "PRIMARY KEY (term, name_key, contact_id)) WITHOUT ROWID;\n"
    SEARCH_WORDS_FILL
    "CREATE INDEX field_word_by_contact ON field_word(contact_id, term);\n"
    "CREATE INDEX note_word_by_contact ON note_word(contact_id, term);\n"
    "CREATE TRIGGER field_word_contact_insert AFTER INSERT ON contact BEGIN "
    FIELD_WORD_REFRESH("NEW.id") "END;\n"
    "CREATE TRIGGER field_word_contact_update AFTER UPDATE OF name, name_key, org_id, "
    "title, department, projects, goals, channel ON contact BEGIN "
    FIELD_WORD_REFRESH("NEW.id") "END;\n"
    "CREATE TRIGGER note_word_contact_rename AFTER UPDATE OF name_key ON contact "
    "WHEN NEW.name_key IS NOT OLD.name_key BEGIN "
    "UPDATE note_word SET name_key = NEW.name_key WHERE contact_id = NEW.id; END;\n"
    "CREATE TRIGGER search_word_contact_archive AFTER UPDATE OF archived ON contact "
    "WHEN NEW.archived IS NOT OLD.archived BEGIN "
    "UPDATE field_word SET archived = NEW.archived WHERE contact_id = NEW.id; "
    "UPDATE note_word SET archived = NEW.archived WHERE contact_id = NEW.id; END;\n"
    "CREATE TRIGGER search_word_contact_delete AFTER DELETE ON contact BEGIN "
    "DELETE FROM field_word WHERE contact_id = OLD.id; "
    "DELETE FROM note_word WHERE contact_id = OLD.id; END;\n"
    "CREATE TRIGGER field_word_organisation_update AFTER UPDATE OF name ON organisation BEGIN "
    "DELETE FROM field_word WHERE contact_id IN (SELECT id FROM contact WHERE org_id = NEW.id); "
    FIELD_WORD_INSERT "WHERE c.org_id = NEW.id; END;\n"
    "CREATE TRIGGER field_word_email_insert AFTER INSERT ON contact_email BEGIN "
    FIELD_WORD_REFRESH("NEW.contact_id") "END;\n"
    "CREATE TRIGGER field_word_email_update AFTER UPDATE OF email, contact_id ON contact_email BEGIN "
    FIELD_WORD_REFRESH("OLD.contact_id") FIELD_WORD_REFRESH("NEW.contact_id") "END;\n"
    "CREATE TRIGGER field_word_email_delete AFTER DELETE ON contact_email BEGIN "
    FIELD_WORD_REFRESH("OLD.contact_id") "END;\n"
    "CREATE TRIGGER field_word_tag_insert AFTER INSERT ON contact_tag BEGIN "
    FIELD_WORD_REFRESH("NEW.contact_id") "END;\n"
    "CREATE TRIGGER field_word_tag_update AFTER UPDATE OF tag, contact_id ON contact_tag BEGIN "
    FIELD_WORD_REFRESH("OLD.contact_id") FIELD_WORD_REFRESH("NEW.contact_id") "END;\n"
    "CREATE TRIGGER field_word_tag_delete AFTER DELETE ON contact_tag BEGIN "
    FIELD_WORD_REFRESH("OLD.contact_id") "END;\n"
    "CREATE TRIGGER note_word_insert AFTER INSERT ON note BEGIN "
    NOTE_WORD_ADD("NEW") "END;\n"
    "CREATE TRIGGER note_word_update AFTER UPDATE OF body, contact_id ON note BEGIN "
    NOTE_WORD_DROP("OLD") NOTE_WORD_ADD("NEW") "END;\n"
    "CREATE TRIGGER note_word_delete AFTER DELETE ON note BEGIN "
    NOTE_WORD_DROP("OLD") "END;\n";

/* The tables the undo journal records, with the columns it saves and
 * restores. The contact's derived columns are left out: they are
 * recomputed after an undo, and rewriting them records nothing. A
 * migration makes a table's triggers with the columns it has by then
 * (journal_triggers), so a column added later is listed here and its
 * migration makes the triggers of its table again. */
struct journaled {
    const char *table;
    const char *contact;      /* the column naming the contact, or NULL */
    const char *columns[20];  /* without id */
};

static const struct journaled journaled[] = {
    { "organisation", NULL, { "name", "notes" } },
    { "contact", "id",
      { "name", "name_key", "org_id", "title", "roles", "projects", "goals",
        "channel", "cadence_days", "uid", "created", "updated", "archived",
        "version", "department" } },
    { "contact_email", "contact_id", { "contact_id", "email", "position" } },
    { "contact_phone", "contact_id",
      { "contact_id", "phone", "position", "kind" } },
    { "contact_tag", "contact_id", { "contact_id", "tag" } },
    { "stage_change", "contact_id",
      { "contact_id", "from_stage", "to_stage", "at", "reason" } },
    { "note", "contact_id", { "contact_id", "at", "kind", "body" } },
    { "followup", "contact_id",
      { "contact_id", "due", "due_minutes", "snoozed_until", "effective",
        "text", "every_count", "every_unit", "state", "done_at",
        "created", "uid" } },
    { "score", "contact_id", { "contact_id", "at", "value", "comment" } },
};
#define JOURNALED_COUNT (sizeof journaled / sizeof journaled[0])

static const struct journaled *journaled_find(const char *table)
{
    for (size_t i = 0; i < JOURNALED_COUNT; i++)
        if (strcmp(journaled[i].table, table) == 0)
            return &journaled[i];
    return NULL;
}

/* Whether table has column now: during a migration, a column of
 * journaled[] may come with a later version. */
static enum store_status has_column(struct store *st, const char *table,
                                    const char *column, bool *has)
{
    *has = false;
    sqlite3_stmt *stmt = prepare(st,
        "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2");
    if (!stmt)
        return STORE_FAILED;
    bind_text(stmt, 1, table);
    bind_text(stmt, 2, column);
    int64_t n = 0;
    enum store_status rc = step_int(st, stmt, &n);
    *has = n > 0;
    return rc;
}

/* Creates the three journal triggers of one table, saving the columns
 * of j that the table has. */
static enum store_status journal_triggers(struct store *st,
                                          const struct journaled *j)
{
    static const char *const ops[] = { "INSERT", "UPDATE", "DELETE" };
    const char *columns[sizeof j->columns / sizeof j->columns[0] + 1] = { 0 };
    for (int c = 0, n = 0; j->columns[c]; c++) {
        bool has = false;
        enum store_status rc = has_column(st, j->table, j->columns[c], &has);
        if (rc != STORE_OK)
            return rc;
        if (has)
            columns[n++] = j->columns[c];
    }
    for (int op = 0; op < 3; op++) {
        const char *row = op == 0 ? "NEW" : "OLD";
        char json[1024] = "NULL";
        if (op > 0) {
            size_t len = (size_t)snprintf(json, sizeof json, "json_object(");
            for (int c = 0; columns[c]; c++)
                len += (size_t)snprintf(json + len, sizeof json - len,
                                        "%s'%s', OLD.%s", c ? ", " : "",
                                        columns[c], columns[c]);
            snprintf(json + len, sizeof json - len, ")");
        }
        char of[512] = "";
        if (op == 1) {
            size_t len = (size_t)snprintf(of, sizeof of, " OF ");
            for (int c = 0; columns[c]; c++)
                len += (size_t)snprintf(of + len, sizeof of - len, "%s%s",
                                        c ? ", " : "", columns[c]);
        }
        char contact[64] = "NULL";
        if (j->contact)
            snprintf(contact, sizeof contact, "%s.%s", row, j->contact);
        char sql[2048];
        snprintf(sql, sizeof sql,
                 "CREATE TRIGGER %s_journal_%c AFTER %s%s ON %s "
                 "WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL "
                 "BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) "
                 "VALUES ((SELECT recording FROM journal_state WHERE id = 1), '%c', '%s', "
                 "%s.id, %s, %s); END;",
                 j->table, "iud"[op], ops[op], of, j->table, "IUD"[op],
                 j->table, row, contact, json);
        enum store_status rc = exec(st, sql);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

static enum store_status migrate_v2_triggers(struct store *st)
{
    for (size_t i = 0; i < JOURNALED_COUNT; i++) {
        enum store_status rc = journal_triggers(st, &journaled[i]);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

/* The journal triggers schema_v4 dropped, made again with the new
 * columns. */
static enum store_status migrate_v4_triggers(struct store *st)
{
    static const char *const tables[] = { "contact", "contact_phone", "followup" };
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        enum store_status rc = journal_triggers(st, journaled_find(tables[i]));
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

/* From this many notes on, an upgrade to version 5 says it is running. */
#define UPGRADE_NOTICE_NOTES 20000

/* Migration i takes the schema from version i to i + 1. */
static const struct migration {
    const char *sql;
    enum store_status (*then)(struct store *st);
} migrations[] = {
    { schema_v1, NULL },
    { schema_v2, migrate_v2_triggers },
    { schema_v3, NULL },
    { schema_v4, migrate_v4_triggers },
    { schema_v5, NULL },
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

int store_schema_version(void)
{
    return SCHEMA_VERSION;
}

static enum store_status migrate(struct store *st)
{
    int64_t version = 0, tables = 0;
    enum store_status rc = query_int(st, "PRAGMA user_version", -1, &version);
    if (rc == STORE_OK)
        rc = query_int(st, "SELECT count(*) FROM sqlite_schema", -1, &tables);
    if (rc != STORE_OK)
        return rc;
    if (version > SCHEMA_VERSION)
        return store_fail(st, STORE_FAILED,
                          _("%s was written by a newer rapport (schema %lld; this one knows %d); install the newer rapport to use it"),
                          st->shown_path, (long long)version, SCHEMA_VERSION);
    if (version == 0 && tables > 0)
        return store_fail(st, STORE_FAILED,
                          _("%s is an SQLite database of another program, not rapport's; choose another file with --db"),
                          st->shown_path);
    if (version == SCHEMA_VERSION)
        return STORE_OK;
    if (st->read_only)
        return store_fail(st, STORE_READ_ONLY,
                          _("%s needs an upgrade of its schema (version %lld to %d); open it once without --read-only"),
                          st->shown_path, (long long)version, SCHEMA_VERSION);
    /* Version 5 splits every note into words: on a long history that
     * takes a minute, which must not look like a hang. Said before the
     * screen is drawn. */
    int64_t notes = 0;
    if (version >= 1 && version < 5
        && query_int(st, "SELECT count(*) FROM note", -1, &notes) == STORE_OK
        && notes >= UPGRADE_NOTICE_NOTES)
        fprintf(stderr, _("rapport: upgrading %s to schema version %d for %lld notes; this is done once and takes a while…\n"),
                st->shown_path, SCHEMA_VERSION, (long long)notes);
    for (int v = (int)version; v < SCHEMA_VERSION; v++) {
        rc = exec(st, "BEGIN IMMEDIATE");
        if (rc != STORE_OK)
            return rc;
        rc = exec(st, migrations[v].sql);
        if (rc == STORE_OK && migrations[v].then)
            rc = migrations[v].then(st);
        if (rc == STORE_OK) {
            char sql[64];
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
            rc = exec(st, sql);
        }
        if (rc == STORE_OK)
            rc = exec(st, "COMMIT");
        if (rc != STORE_OK) {
            char *why = strdup(store_error(st));
            sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
            store_fail(st, STORE_FAILED,
                       _("upgrading %s to schema version %d failed: %s"),
                       st->shown_path, v + 1, why ? why : "");
            free(why);
            return STORE_FAILED;
        }
    }
    return STORE_OK;
}

/* ---- opening ------------------------------------------------------------- */

#define NFS_MAGIC 0x6969
#define SMB_MAGIC 0x517B
#define CIFS_MAGIC 0xFF534D42u
#define SMB2_MAGIC 0xFE534D42u

static void warn(struct strlist *warnings, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void warn(struct strlist *warnings, const char *fmt, ...)
{
    if (!warnings)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *text = vformat(fmt, ap);
    va_end(ap);
    if (text) {
        strlist_push(warnings, text);
        free(text);
    }
}

/* Creates the file and its folder privately: 0600 in 0700. */
static char *create_file(const char *path, const char *shown)
{
    if (paths_make_parent(path) != 0)
        return format(_("cannot create the folder of %s: %s"), shown,
                      strerror(errno));
    mode_t old = umask(077);
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                  0600);
    int saved = errno;
    umask(old);
    if (fd < 0 && saved != EEXIST)
        return format(_("cannot create %s: %s"), shown, strerror(saved));
    if (fd >= 0)
        close(fd);
    return NULL;
}

/* Checks what the file is and who may touch it before SQLite reads it. */
/* Who may write a database file (or its -wal and -shm): refused when
 * others can, warned when others can read it. */
static char *check_owner_and_mode(const struct stat *sb, const char *shown, bool shared,
                                  struct strlist *warnings)
{
    if (!shared && sb->st_uid != geteuid())
        return format(_("%s belongs to another user; rapport only opens your own database (or one named a shared team database in the config)"),
                      shown);
    if (sb->st_mode & S_IWOTH)
        return format(_("%s can be written by every user; make it private with: chmod 600 %s"),
                      shown, shown);
    if (!shared && (sb->st_mode & S_IWGRP))
        return format(_("%s can be written by its group; make it private with: chmod 600 %s (or name it a shared team database in the config)"),
                      shown, shown);
    if (shared ? (sb->st_mode & S_IROTH) : (sb->st_mode & (S_IRGRP | S_IROTH)))
        warn(warnings, _("%s can be read by other users; make it private with: chmod 600 %s"),
             shown, shown);
    return NULL;
}

/* Whoever can write the folder can swap the database for another file.
 * A sticky folder (/tmp) stops that for files that exist, so it is only
 * a warning there. */
static char *check_folder(const char *path, bool shared, struct strlist *warnings)
{
    char *copy = strdup(path);
    if (!copy)
        return NULL;
    char *slash = strrchr(copy, '/');
    const char *folder = ".";
    if (slash == copy)
        folder = "/";
    else if (slash) {
        *slash = '\0';
        folder = copy;
    }
    struct stat sb;
    char *refused = NULL;
    mode_t others = shared ? S_IWOTH : (S_IWGRP | S_IWOTH);
    if (stat(folder, &sb) == 0 && (sb.st_mode & others)) {
        char *shown = text_sanitize(folder, false);
        if (sb.st_mode & S_ISVTX)
            warn(warnings, _("the folder %s can be written by other users; keep the database in a private folder (chmod 700)"),
                 shown ? shown : "");
        else
            refused = format(_("the folder %s can be written by other users, who could replace the database; make it private with: chmod 700 %s"),
                             shown ? shown : "", shown ? shown : "");
        free(shown);
    }
    free(copy);
    return refused;
}

static char *check_file(const char *path, const char *shown, unsigned flags,
                        bool *writable, struct strlist *warnings)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        if (errno == ENOENT)
            return format(_("there is no database at %s; run rapport once without --read-only to create it, or name another with --db"),
                          shown);
        return format(_("cannot read %s: %s"), shown, strerror(errno));
    }
    if (!S_ISREG(sb.st_mode))
        return format(_("%s is not a regular file; name the database file with --db"),
                      shown);
    bool shared = flags & STORE_OPEN_SHARED;
    char *refused = check_owner_and_mode(&sb, shown, shared, warnings);
    if (refused)
        return refused;
    /* The write-ahead log and its index are the database too: whoever
     * can write them can write it. */
    static const char *const companions[] = { "-wal", "-shm" };
    for (size_t i = 0; i < sizeof companions / sizeof companions[0]; i++) {
        char *companion = format("%s%s", path, companions[i]);
        struct stat csb;
        if (companion && stat(companion, &csb) == 0) {
            char *cshown = text_sanitize(companion, false);
            refused = check_owner_and_mode(&csb, cshown ? cshown : "", shared, warnings);
            free(cshown);
        }
        free(companion);
        if (refused)
            return refused;
    }
    refused = check_folder(path, shared, warnings);
    if (refused)
        return refused;
    struct statfs fs;
    if (statfs(path, &fs) == 0) {
        unsigned long type = (unsigned long)fs.f_type & 0xffffffffu;
        if (type == NFS_MAGIC || type == SMB_MAGIC || type == CIFS_MAGIC
            || type == SMB2_MAGIC)
            warn(warnings, _("%s is on a network file system, where SQLite's locking is unsafe; keep the database on a local disk"),
                 shown);
    }
    *writable = access(path, W_OK) == 0;
    return NULL;
}

static enum store_status set_pragmas(struct store *st)
{
    sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
    /* The first read tells a damaged file or a foreign one at once. */
    int64_t n = 0;
    enum store_status rc = query_int(st, "SELECT count(*) FROM sqlite_schema", -1, &n);
    if (rc != STORE_OK) {
        char *detail = strdup(sqlite3_errmsg(st->db));
        store_fail(st, STORE_FAILED,
                   _("%s is not a rapport database or it is damaged (%s); restore a backup, or name another file with --db"),
                   st->shown_path, detail ? detail : "");
        free(detail);
        return STORE_FAILED;
    }
    if (!st->read_only) {
        sqlite3_stmt *stmt = prepare(st, "PRAGMA journal_mode = WAL");
        if (!stmt)
            return STORE_FAILED;
        int step = sqlite3_step(stmt);
        const unsigned char *mode = step == SQLITE_ROW ? sqlite3_column_text(stmt, 0) : NULL;
        bool wal = mode && strcmp((const char *)mode, "wal") == 0;
        finish(st, stmt);
        if (step != SQLITE_ROW)
            return db_fail(st);
        if (!wal)
            return store_fail(st, STORE_FAILED,
                              _("%s cannot use write-ahead logging; keep the database on a local disk"),
                              st->shown_path);
    }
    if ((rc = exec(st, "PRAGMA synchronous = FULL")) != STORE_OK
        || (rc = exec(st, "PRAGMA foreign_keys = ON")) != STORE_OK
        || (rc = exec(st, "PRAGMA secure_delete = ON")) != STORE_OK)
        return rc;
    return STORE_OK;
}

enum store_status store_open(const char *path, unsigned flags,
                             struct store **out, char **error,
                             struct strlist *warnings)
{
    *out = NULL;
    if (error)
        *error = NULL;
    char *message = NULL;
    enum store_status status = STORE_FAILED;
    bool read_only = flags & STORE_OPEN_READ_ONLY, writable = true;

    char *shown = text_sanitize(path, false);
    if ((flags & STORE_OPEN_CREATE) && !read_only && access(path, F_OK) != 0)
        message = create_file(path, shown);
    if (!message)
        message = check_file(path, shown, flags, &writable, warnings);
    if (!message && !writable && !read_only) {
        warn(warnings, _("%s is not writable: it is opened read-only"), shown);
        read_only = true;
    }
    struct store *st = message ? NULL : calloc(1, sizeof *st);
    if (st) {
        st->shown_path = shown;
        shown = NULL;
    }
    free(shown);
    if (message)
        goto fail;
    if (!st || !(st->path = strdup(path))) {
        store_close(st);
        message = strdup(_("out of memory"));
        goto fail;
    }
    st->read_only = read_only;
    int open_flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (sqlite3_open_v2(path, &st->db, open_flags, NULL) != SQLITE_OK) {
        message = format(_("cannot open %s: %s"), st->shown_path,
                         st->db ? sqlite3_errmsg(st->db) : _("out of memory"));
        store_close(st);
        goto fail;
    }
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_randomness(sizeof st->origin, &st->origin);
    status = set_pragmas(st);
    if (status == STORE_OK)
        status = words_open(st);
    if (status == STORE_OK)
        status = migrate(st);
    if (status != STORE_OK) {
        message = strdup(store_error(st));
        store_close(st);
        goto fail;
    }
    *out = st;
    return STORE_OK;
fail:
    if (status == STORE_OK)
        status = STORE_FAILED;
    if (error)
        *error = message;
    else
        free(message);
    return status;
}

void store_close(struct store *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->nkept; i++)
        sqlite3_finalize(st->kept[i].stmt);
    if (st->words)
        st->word_api.xDelete(st->words);
    sqlite3_close_v2(st->db);
    free(st->path);
    free(st->shown_path);
    free(st->error);
    free(st);
}

const char *store_path(const struct store *st)
{
    return st->path;
}

bool store_read_only(const struct store *st)
{
    return st->read_only;
}

int64_t store_data_version(struct store *st)
{
    int64_t v = 0;
    query_int(st, "PRAGMA data_version", -1, &v);
    return v;
}

/* ---- write transactions -------------------------------------------------- */

/* Rolls the open transaction back, keeping the message of what failed,
 * which a failing ROLLBACK would otherwise replace. */
static void rollback_keeping(struct store *st, enum store_status rc)
{
    char *why = strdup(store_error(st));
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    if (why)
        store_fail(st, rc, "%s", why);
    free(why);
}

/* Starts a write: BEGIN IMMEDIATE and a new journal entry that the
 * triggers record into; inside a batch, a savepoint that joins it. */
static enum store_status write_begin(struct store *st, time_t now)
{
    if (st->read_only)
        return store_fail(st, STORE_READ_ONLY,
                          _("the database is open read-only; the change was not saved"));
    if (st->depth > 0) {
        enum store_status rc = exec_kept(st, "SAVEPOINT store_write");
        if (rc == STORE_OK)
            st->depth++;
        return rc;
    }
    enum store_status rc = exec_kept(st, "BEGIN IMMEDIATE");
    if (rc != STORE_OK)
        return rc;
    sqlite3_stmt *stmt = prepare_kept(st, "INSERT INTO journal(at, what, origin) VALUES (?, '', ?)");
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, (int64_t)now);
        sqlite3_bind_int64(stmt, 2, st->origin);
    }
    rc = run(st, stmt);
    if (rc == STORE_OK) {
        stmt = prepare_kept(st, "UPDATE journal_state SET recording = ? WHERE id = 1");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, sqlite3_last_insert_rowid(st->db));
        rc = run(st, stmt);
    }
    if (rc != STORE_OK) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    st->depth = 1;
    return STORE_OK;
}

/* Ends a write: commits when rc is STORE_OK (naming the change `what`,
 * which it frees), else rolls back and keeps the message. */
static enum store_status write_end(struct store *st, enum store_status rc,
                                   char *what)
{
    if (st->depth > 1) {
        st->depth--;
        free(what);
        if (rc == STORE_OK)
            return exec_kept(st, "RELEASE store_write");
        sqlite3_exec(st->db, "ROLLBACK TO store_write; RELEASE store_write",
                     NULL, NULL, NULL);
        return rc;
    }
    st->depth = 0;
    if (rc == STORE_OK && !what)
        rc = no_memory(st);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = prepare_kept(st,
            "UPDATE journal SET what = ? WHERE id = (SELECT recording FROM journal_state WHERE id = 1)");
        if (stmt)
            bind_text(stmt, 1, what);
        rc = run(st, stmt);
    }
    if (rc == STORE_OK && st->unjournaled)
        rc = exec_kept(st, "DELETE FROM journal WHERE id = "
                           "(SELECT recording FROM journal_state WHERE id = 1)");
    /* A write that changed no row (an import of what is already there)
     * is no step to undo. */
    if (rc == STORE_OK)
        rc = exec_kept(st, "DELETE FROM journal WHERE id = "
                           "(SELECT recording FROM journal_state WHERE id = 1) "
                           "AND NOT EXISTS (SELECT 1 FROM journal_row WHERE journal_id = journal.id)");
    if (rc == STORE_OK)
        rc = exec_kept(st, "UPDATE journal_state SET recording = NULL WHERE id = 1");
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = prepare_kept(st,
            "DELETE FROM journal WHERE id <= (SELECT max(id) FROM journal) - ?");
        if (stmt)
            sqlite3_bind_int(stmt, 1, JOURNAL_KEEP);
        rc = run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = exec_kept(st, "COMMIT");
    free(what);
    if (rc != STORE_OK) {
        rollback_keeping(st, rc);
    }
    return rc;
}

enum store_status store_batch(struct store *st, const char *what,
                              enum store_status (*fn)(struct store *, void *),
                              void *arg)
{
    bool outermost = st->depth == 0;
    enum store_status rc = write_begin(st, time(NULL));
    if (rc != STORE_OK)
        return rc;
    if (outermost)
        st->unjournaled = what == NULL;
    rc = fn(st, arg);
    rc = write_end(st, rc, strdup(what ? what : ""));
    if (outermost)
        st->unjournaled = false;
    return rc;
}

/* Rewrites a contact's derived columns from its history. Recomputed,
 * never incremented, so a write, an undo and a repair all agree. */
static enum store_status refresh_contact(struct store *st, int64_t id)
{
    sqlite3_stmt *stmt = prepare_kept(st,
        "UPDATE contact SET "
        "stage = coalesce((SELECT to_stage FROM stage_change WHERE contact_id = ?1 "
        "  ORDER BY at DESC, id DESC LIMIT 1), stage), "
        "stage_since = coalesce((SELECT at FROM stage_change WHERE contact_id = ?1 "
        "  ORDER BY at DESC, id DESC LIMIT 1), created), "
        "last_touch = max(created, "
        "  coalesce((SELECT max(at) FROM note WHERE contact_id = ?1), 0), "
        "  coalesce((SELECT max(done_at) FROM followup WHERE contact_id = ?1 AND state = 1), 0), "
        "  coalesce((SELECT max(at) FROM score WHERE contact_id = ?1), 0), "
        "  coalesce((SELECT max(at) FROM stage_change WHERE contact_id = ?1 "
        "    AND from_stage IS NOT NULL), 0)), "
        "next_due = coalesce((SELECT min(effective) FROM followup "
        "  WHERE contact_id = ?1 AND state = 0), '" NO_DUE "'), "
        "note_count = (SELECT count(*) FROM note WHERE contact_id = ?1) "
        "WHERE id = ?1");
    if (stmt)
        sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = run(st, stmt);
    if (rc != STORE_OK)
        return rc;
    /* After the update above: it reads the new last_touch. */
    stmt = prepare_kept(st,
        "UPDATE contact SET own_due = CASE WHEN cadence_days > 0 "
        "THEN last_touch + 86400 * cadence_days END WHERE id = ?1");
    if (stmt)
        sqlite3_bind_int64(stmt, 1, id);
    rc = run(st, stmt);
    if (rc != STORE_OK)
        return rc;
    stmt = prepare_kept(st,
        "UPDATE followup SET contact_archived = (SELECT archived FROM contact WHERE id = ?1) "
        "WHERE contact_id = ?1 AND contact_archived IS NOT "
        "(SELECT archived FROM contact WHERE id = ?1)");
    if (stmt)
        sqlite3_bind_int64(stmt, 1, id);
    return run(st, stmt);
}

/* The contact's name made safe for a terminal, for messages and the
 * journal; NOT_FOUND with a message when there is no such contact. */
static enum store_status contact_name(struct store *st, int64_t id, char **name)
{
    *name = NULL;
    sqlite3_stmt *stmt = prepare_kept(st, "SELECT name FROM contact WHERE id = ?");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = STORE_OK;
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW) {
        *name = text_sanitize((const char *)sqlite3_column_text(stmt, 0), false);
    } else if (step == SQLITE_DONE) {
        rc = store_fail(st, STORE_NOT_FOUND, _("no contact #%lld"), (long long)id);
    } else {
        rc = db_fail(st);
    }
    finish(st, stmt);
    return rc;
}

/* ---- reading contacts ---------------------------------------------------- */

#define CONTACT_COLUMNS \
    "c.id, c.name, o.name, c.title, c.roles, c.stage, c.stage_since, " \
    "c.projects, c.goals, c.channel, c.cadence_days, c.created, c.updated, " \
    "c.last_touch, c.next_due, c.note_count, c.archived, c.version, " \
    "c.department"
#define CONTACT_COLUMN_COUNT 19
#define CONTACT_FROM " FROM contact c LEFT JOIN organisation o ON o.id = c.org_id "

static enum store_status load_strings(struct store *st, const char *sql,
                                      int64_t id, struct strlist *out)
{
    sqlite3_stmt *stmt = prepare(st, sql);
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const unsigned char *text = sqlite3_column_text(stmt, 0);
        if (strlist_push(out, text ? (const char *)text : "") != 0) {
            rc = no_memory(st);
            break;
        }
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    finish(st, stmt);
    return rc;
}

static enum store_status load_phones(struct store *st, int64_t id,
                                     struct phone_list *out)
{
    sqlite3_stmt *stmt = prepare(st,
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
            rc = no_memory(st);
            break;
        }
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    finish(st, stmt);
    return rc;
}

/* Reads a contact from CONTACT_COLUMNS starting at column `at`, and its
 * emails, phones and tags. */
static enum store_status read_contact(struct store *st, sqlite3_stmt *stmt,
                                      int at, struct contact *c)
{
    memset(c, 0, sizeof *c);
    c->id = sqlite3_column_int64(stmt, at + 0);
    c->name = column_text(stmt, at + 1);
    c->org = column_text(stmt, at + 2);
    c->title = column_text(stmt, at + 3);
    c->roles = (unsigned)sqlite3_column_int(stmt, at + 4);
    c->stage = (enum stage)sqlite3_column_int(stmt, at + 5);
    c->stage_since = (time_t)sqlite3_column_int64(stmt, at + 6);
    c->projects = column_text(stmt, at + 7);
    c->goals = column_text(stmt, at + 8);
    c->channel = column_text(stmt, at + 9);
    c->cadence_days = sqlite3_column_type(stmt, at + 10) == SQLITE_NULL
                          ? -1 : sqlite3_column_int(stmt, at + 10);
    c->created = (time_t)sqlite3_column_int64(stmt, at + 11);
    c->updated = (time_t)sqlite3_column_int64(stmt, at + 12);
    c->last_touch = (time_t)sqlite3_column_int64(stmt, at + 13);
    c->next_due = column_date(stmt, at + 14);
    c->note_count = sqlite3_column_int(stmt, at + 15);
    c->archived = sqlite3_column_int(stmt, at + 16) != 0;
    c->version = sqlite3_column_int64(stmt, at + 17);
    c->department = column_text(stmt, at + 18);
    if (!c->name)
        return no_memory(st);
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
static enum store_status append_contact(struct store *st, sqlite3_stmt *stmt, int at,
                                        struct contact_list *out, size_t *cap)
{
    if (reserve((void **)&out->items, out->len, cap, sizeof *out->items))
        return no_memory(st);
    return read_contact(st, stmt, at, &out->items[out->len++]);
}

static enum store_status collect_contacts(struct store *st, sqlite3_stmt *stmt,
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
        if ((rc = append_contact(st, stmt, 0, out, &cap)) != STORE_OK)
            break;
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    finish(st, stmt);
    if (rc != STORE_OK)
        store_contact_list_clear(out);
    return rc;
}

static enum store_status one_contact(struct store *st, sqlite3_stmt *stmt,
                                     struct contact *out)
{
    struct contact_list list;
    enum store_status rc = collect_contacts(st, stmt, 1, &list);
    if (rc != STORE_OK)
        return rc;
    if (list.len == 0) {
        store_contact_list_clear(&list);
        return STORE_NOT_FOUND;
    }
    *out = list.items[0];
    free(list.items);
    return STORE_OK;
}

enum store_status store_contact_get(struct store *st, int64_t id,
                                    struct contact *out)
{
    sqlite3_stmt *stmt = prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM "WHERE c.id = ?");
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
    sqlite3_stmt *stmt = prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM
        "WHERE c.id = (SELECT contact_id FROM contact_email WHERE email = ? "
        "ORDER BY contact_id LIMIT 1)");
    if (stmt)
        bind_text(stmt, 1, email);
    return one_contact(st, stmt, out);
}

enum store_status store_contact_by_uid(struct store *st, const char *uid,
                                       struct contact *out)
{
    sqlite3_stmt *stmt = prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM
                                     "WHERE c.uid = ?");
    if (stmt)
        bind_text(stmt, 1, uid);
    return one_contact(st, stmt, out);
}

enum store_status store_contact_get_uid(struct store *st, int64_t id, char **uid)
{
    *uid = NULL;
    sqlite3_stmt *stmt = prepare(st, "SELECT uid FROM contact WHERE id = ?");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = STORE_OK;
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW)
        *uid = column_text(stmt, 0);
    else if (step == SQLITE_DONE)
        rc = store_fail(st, STORE_NOT_FOUND, _("no contact #%lld"), (long long)id);
    else
        rc = db_fail(st);
    finish(st, stmt);
    return rc;
}

/* ---- full-text queries ---------------------------------------------------- */

static bool has_word_char(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z')
            || (ch >= 'A' && ch <= 'Z'))
            return true;
    }
    return false;
}

static size_t utf8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Makes room for need more bytes at *len in the growing *buf. */
static bool text_reserve(char **buf, size_t *cap, size_t len, size_t need)
{
    if (need <= *cap - len)
        return true;
    size_t want = *cap;
    while (need > want - len) {
        if (want > SIZE_MAX / 2)
            return false;
        want *= 2;
    }
    char *grown = realloc(*buf, want);
    if (!grown)
        return false;
    *buf = grown;
    *cap = want;
    return true;
}

/* Turns what a person typed into an FTS5 query: every word a quoted
 * prefix ("zoe"* "ode"*), so no character of theirs is FTS syntax. The
 * text is folded first, matching the folded name column for letters the
 * tokenizer keeps (ø, ł). NULL when there is no word; sets *oom.
 * The query grows as it is written: a word of one letter takes five
 * bytes ("a"* and a space) and every '"' two, so no fixed multiple of
 * the text's length is safe to size it by. */
static char *fts_query(const char *text, bool names_only, bool *oom)
{
    *oom = false;
    if (!text)
        return NULL;
    char *folded = text_fold(text);
    if (!folded) {
        *oom = true;
        return NULL;
    }
    size_t cap = 64;
    char *q = malloc(cap);
    if (!q) {
        free(folded);
        *oom = true;
        return NULL;
    }
    size_t len = 0;
    int words = 0;
    if (names_only)
        len += (size_t)snprintf(q, cap, "{name name_key} : (");
    const char *p = folded;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
        if (p == start || !has_word_char(start, (size_t)(p - start)))
            continue;
        /* A space, the word with each '"' doubled, '"', '"', '*', and
         * room for the closing ')' and the NUL. */
        if (!text_reserve(&q, &cap, len, 2 * (size_t)(p - start) + 6)) {
            free(folded);
            free(q);
            *oom = true;
            return NULL;
        }
        if (words++)
            q[len++] = ' ';
        q[len++] = '"';
        for (const char *c = start; c < p; c++) {
            if (*c == '"')
                q[len++] = '"';
            q[len++] = *c;
        }
        q[len++] = '"';
        q[len++] = '*';
    }
    free(folded);
    if (!words) {
        free(q);
        return NULL;
    }
    if (names_only)
        q[len++] = ')';
    q[len] = '\0';
    return q;
}

enum store_status store_contact_match(struct store *st, const char *needle,
                                      bool include_archived, size_t limit,
                                      struct contact_list *out)
{
    memset(out, 0, sizeof *out);
    bool oom;
    char *q = fts_query(needle, true, &oom);
    if (oom)
        return no_memory(st);
    enum store_status rc = STORE_OK;
    if (q) {
        sqlite3_stmt *stmt = prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM
            "WHERE c.id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH :q) "
            "AND (:all OR c.archived = 0) ORDER BY c.name_key, c.id LIMIT :limit");
        if (stmt) {
            bind_named_text(stmt, ":q", q);
            bind_named_int(stmt, ":all", include_archived);
            bind_named_int(stmt, ":limit", (int64_t)limit + 1);
        }
        rc = collect_contacts(st, stmt, limit, out);
        free(q);
        if (rc != STORE_OK || out->len > 0)
            return rc;
    }
    /* Any part of the name: slower, but only for resolving a name. */
    char *key = text_fold(needle ? needle : "");
    if (!key)
        return no_memory(st);
    text_trim(key);
    if (!*key) {
        free(key);
        return STORE_OK;
    }
    sqlite3_stmt *stmt = prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM
        "WHERE instr(c.name_key, :key) > 0 AND (:all OR c.archived = 0) "
        "ORDER BY c.name_key, c.id LIMIT :limit");
    if (stmt) {
        bind_named_text(stmt, ":key", key);
        bind_named_int(stmt, ":all", include_archived);
        bind_named_int(stmt, ":limit", (int64_t)limit + 1);
    }
    free(key);
    store_contact_list_clear(out);
    return collect_contacts(st, stmt, limit, out);
}

/* ---- contact lists ---------------------------------------------------------- */

/* Notes join a search-as-you-type from a word's third letter on: a
 * shorter prefix matches most of a large history, and the names it
 * should find would drown in it. The contacts' own fields match from
 * the first letter. */
#define NOTE_WORD_MIN 3
/* A word typed that fewer rows hold than this is read whole and sorted,
 * which is quick in any sort order; so are the first contacts of a merge
 * when there are no more than this many. */
#define SEARCH_SPARSE 2000
/* A common word is read in name order from its terms' rows when it has
 * at most this many (one merge each). */
#define SEARCH_BRANCHES 8
/* Words typed beyond this many are left out (the list holds more). */
#define SEARCH_TOKENS 16
/* Rows read per round of a name-order merge, at most. */
#define SEARCH_CHUNK_MAX 4096

/* One word typed: the terms it begins, [lo, hi). */
struct search_token {
    char *lo, *hi;
    bool fields_only;          /* shorter than NOTE_WORD_MIN */
    int64_t estimate;          /* its rows, counted up to SEARCH_SPARSE */
    int branches;              /* its distinct terms; > SEARCH_BRANCHES: many */
    struct strlist field_terms, note_terms;
};

struct search {
    struct search_token tokens[SEARCH_TOKENS];
    size_t len;
};

static void search_clear(struct search *s)
{
    for (size_t i = 0; i < s->len; i++) {
        free(s->tokens[i].lo);
        free(s->tokens[i].hi);
        strlist_clear(&s->tokens[i].field_terms);
        strlist_clear(&s->tokens[i].note_terms);
    }
    s->len = 0;
}

/* Rows of table (field_word or note_word) in token's range, counted up
 * to SEARCH_SPARSE. */
static enum store_status token_rows(struct store *st, const char *sql,
                                    const struct search_token *t, int64_t *rows)
{
    sqlite3_stmt *stmt = prepare_kept(st, sql);
    if (!stmt)
        return STORE_FAILED;
    bind_text(stmt, 1, t->lo);
    bind_text(stmt, 2, t->hi);
    sqlite3_bind_int(stmt, 3, SEARCH_SPARSE);
    int64_t n = 0;
    enum store_status rc = step_int(st, stmt, &n);
    *rows += n;
    return rc;
}

static const char field_rows_sql[] =
    "SELECT count(*) FROM (SELECT 1 FROM field_word WHERE term >= ?1 AND term < ?2 LIMIT ?3)";
static const char note_rows_sql[] =
    "SELECT count(*) FROM (SELECT 1 FROM note_word WHERE term >= ?1 AND term < ?2 LIMIT ?3)";
static const char field_next_sql[] =
    "SELECT term FROM field_word WHERE term >= ?1 AND term < ?2 ORDER BY term LIMIT 1";
static const char note_next_sql[] =
    "SELECT term FROM note_word WHERE term >= ?1 AND term < ?2 ORDER BY term LIMIT 1";

/* The distinct terms of token's range in one table, one seek each,
 * until there are more than SEARCH_BRANCHES in all. */
static enum store_status token_terms(struct store *st, const char *sql,
                                     struct search_token *t, struct strlist *out)
{
    sqlite3_stmt *stmt = prepare_kept(st, sql);
    if (!stmt)
        return STORE_FAILED;
    char *from = strdup(t->lo);
    enum store_status rc = from ? STORE_OK : no_memory(st);
    while (rc == STORE_OK && t->branches <= SEARCH_BRANCHES) {
        bind_text(stmt, 1, from);
        bind_text(stmt, 2, t->hi);
        int step = sqlite3_step(stmt);
        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW) {
            rc = db_fail(st);
            break;
        }
        const char *term = (const char *)sqlite3_column_text(stmt, 0);
        /* The least text after term: term itself followed by U+0001. */
        char *next = term ? format("%s\x01", term) : NULL;
        if (!next || strlist_push(out, term) != 0) {
            free(next);
            rc = no_memory(st);
            break;
        }
        free(from);
        from = next;
        t->branches++;
        sqlite3_reset(stmt);
    }
    free(from);
    finish(st, stmt);
    return rc;
}

/* The words of text as tokens, each with its rows estimated. No words
 * (only punctuation typed): s->len is 0. */
static enum store_status search_prepare(struct store *st, const char *text,
                                        struct search *s)
{
    memset(s, 0, sizeof *s);
    struct strlist words;
    int split = split_words(st, text, &words);
    if (split == SQLITE_NOMEM)
        return no_memory(st);
    if (split != SQLITE_OK)
        return store_fail(st, STORE_FAILED, _("database error: %s"), sqlite3_errstr(split));
    enum store_status rc = STORE_OK;
    for (size_t i = 0; i < words.len && s->len < SEARCH_TOKENS; i++) {
        struct search_token *t = &s->tokens[s->len++];
        size_t n = strlen(words.items[i]);
        t->lo = words.items[i];
        words.items[i] = NULL;
        /* Every text that begins with lo sorts before lo with its last
         * byte one higher (no UTF-8 byte is 0xFF). */
        t->hi = strdup(t->lo);
        if (!t->hi) {
            rc = no_memory(st);
            break;
        }
        t->hi[n - 1] = (char)((unsigned char)t->hi[n - 1] + 1);
        t->fields_only = utf8_chars(t->lo, n) < NOTE_WORD_MIN;
        rc = token_rows(st, field_rows_sql, t, &t->estimate);
        if (rc == STORE_OK && !t->fields_only)
            rc = token_rows(st, note_rows_sql, t, &t->estimate);
        if (rc != STORE_OK)
            break;
    }
    strlist_clear(&words);
    if (rc != STORE_OK)
        search_clear(s);
    return rc;
}

/* Which contacts a filter takes by their archived flag: 0 the active
 * ones (the usual list), 1 the archived ones, -1 both. */
static int filter_archived(const struct contact_filter *f)
{
    if (!f)
        return 0;
    return f->only_archived ? 1 : f->include_archived ? -1 : 0;
}

/* Whether a filter needs the contact row beyond its archived flag. */
static bool filter_reads_contact(const struct contact_filter *f)
{
    return f && (f->stage != STAGE_NONE || f->tag || f->org || f->role);
}

/* The conditions of a filter but its text, each " AND ..."; the archived
 * flag too unless the word rows already hold it to. */
static void filter_conditions(const struct contact_filter *f, bool archived_done,
                              struct sql_text *sql)
{
    int archived = filter_archived(f);
    if (!archived_done && archived >= 0)
        sql_addf(sql, " AND c.archived = %d", archived);
    if (!f)
        return;
    if (f->stage != STAGE_NONE)
        sql_add(sql, " AND c.stage = :stage");
    if (f->tag)
        sql_add(sql, " AND EXISTS (SELECT 1 FROM contact_tag t "
                     "WHERE t.contact_id = c.id AND t.tag = :tag)");
    if (f->org)
        sql_add(sql, " AND c.org_id = (SELECT id FROM organisation WHERE name = :org)");
    if (f->role)
        sql_add(sql, " AND (c.roles & :role) = :role");
}

/* " AND" the contact whose id is `id` (c.id, m.contact_id) holds a word
 * that token i begins. */
static void token_probe(const struct search *s, size_t i, const char *id,
                        struct sql_text *sql)
{
    sql_addf(sql, " AND (EXISTS (SELECT 1 FROM field_word w WHERE w.contact_id = %s "
                  "AND w.term >= :lo%zu AND w.term < :hi%zu)", id, i, i);
    if (!s->tokens[i].fields_only)
        sql_addf(sql, " OR EXISTS (SELECT 1 FROM note_word w WHERE w.contact_id = %s "
                      "AND w.term >= :lo%zu AND w.term < :hi%zu)", id, i, i);
    sql_add(sql, ")");
}

static void filter_bind(sqlite3_stmt *stmt, const struct contact_filter *f,
                        const struct search *s)
{
    for (size_t i = 0; s && i < s->len; i++) {
        char name[32];
        snprintf(name, sizeof name, ":lo%zu", i);
        bind_named_text(stmt, name, s->tokens[i].lo);
        snprintf(name, sizeof name, ":hi%zu", i);
        bind_named_text(stmt, name, s->tokens[i].hi);
    }
    if (!f)
        return;
    bind_named_int(stmt, ":stage", f->stage);
    bind_named_text(stmt, ":tag", f->tag);
    bind_named_text(stmt, ":org", f->org);
    bind_named_int(stmt, ":role", f->role);
}

/* Keyset windows: the condition "after the cursor" and the order, each
 * way. Backward reads in reverse and the rows are turned round. */
static const struct {
    const char *after, *before, *order, *reverse;
} contact_sorts[] = {
    [CONTACT_SORT_NAME] = {
        "(c.name_key, c.id) > (:key, :id)", "(c.name_key, c.id) < (:key, :id)",
        "c.name_key, c.id", "c.name_key DESC, c.id DESC" },
    [CONTACT_SORT_STAGE] = {
        "(c.stage < :stage_at OR (c.stage = :stage_at AND (c.name_key, c.id) > (:key, :id)))",
        "(c.stage > :stage_at OR (c.stage = :stage_at AND (c.name_key, c.id) < (:key, :id)))",
        "c.stage DESC, c.name_key, c.id", "c.stage, c.name_key DESC, c.id DESC" },
    [CONTACT_SORT_LAST_TOUCH] = {
        "(c.last_touch, c.id) > (:touch, :id)", "(c.last_touch, c.id) < (:touch, :id)",
        "c.last_touch, c.id", "c.last_touch DESC, c.id DESC" },
    [CONTACT_SORT_NEXT_DUE] = {
        "(c.next_due, c.id) > (:due, :id)", "(c.next_due, c.id) < (:due, :id)",
        "c.next_due, c.id", "c.next_due DESC, c.id DESC" },
};

static void reverse_contacts(struct contact_list *l)
{
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        struct contact t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

/* Where a window starts and which way it reads. */
struct window {
    enum contact_sort sort;
    const struct contact *after;
    char *key;                 /* after's name, folded */
    bool backward;
    size_t limit;
};

static void window_bind(sqlite3_stmt *stmt, const struct window *w)
{
    if (w->after) {
        bind_named_text(stmt, ":key", w->key);
        bind_named_int(stmt, ":id", w->after->id);
        bind_named_int(stmt, ":stage_at", w->after->stage);
        bind_named_int(stmt, ":touch", (int64_t)w->after->last_touch);
        char due[11] = NO_DUE;
        if (date_is_set(w->after->next_due))
            date_format_iso(w->after->next_due, due);
        bind_named_text(stmt, ":due", due);
    }
    bind_named_int(stmt, ":limit", (int64_t)w->limit + 1);
}

/* Counts the rows of a statement, up to limit + 1. */
static enum store_status count_rows(struct store *st, sqlite3_stmt *stmt,
                                    int64_t *counted)
{
    *counted = 0;
    if (!stmt)
        return STORE_FAILED;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW)
        (*counted)++;
    enum store_status rc = step == SQLITE_DONE ? STORE_OK : db_fail(st);
    finish(st, stmt);
    return rc;
}

/* What a window is read from: every contact, the contacts one token's
 * rows name, or a list of contacts that the covered tokens match. */
struct driver {
    int token;                 /* < 0: none */
    const char *ids;           /* a JSON array of contact ids, or NULL */
    const bool *covered;       /* with ids */
};

/* The window read from the contact table in sort order: from a driver,
 * its contacts are read and sorted, and the other tokens looked up for
 * each; else the sort order is walked. Without out, the matches are
 * counted instead (up to the window's limit + 1), in no order: from a
 * driver token's word rows alone when the filter needs no more than
 * their archived flag. */
static enum store_status page_sorted(struct store *st, const struct contact_filter *f,
                                     const struct search *s, const struct driver *d,
                                     const struct window *w, struct contact_list *out,
                                     int64_t *counted)
{
    struct sql_text sql = { .len = 0 };
    const char *id = "c.id";
    bool words_only = !out && !w->after && d && d->token >= 0 && !filter_reads_contact(f);
    int archived = filter_archived(f);
    if (d && d->token >= 0) {
        char flag[32] = "";
        if (words_only && archived >= 0)
            snprintf(flag, sizeof flag, " AND archived = %d", archived);
        sql_addf(&sql, "%s FROM (SELECT contact_id FROM field_word "
                       "WHERE term >= :lo%d AND term < :hi%d%s",
                 words_only ? "SELECT m.contact_id" : out ? "SELECT " CONTACT_COLUMNS : "SELECT c.id",
                 d->token, d->token, flag);
        if (!s->tokens[d->token].fields_only)
            sql_addf(&sql, " UNION SELECT contact_id FROM note_word "
                           "WHERE term >= :lo%d AND term < :hi%d%s", d->token, d->token, flag);
        if (words_only) {
            sql_add(&sql, ") m WHERE 1");
            id = "m.contact_id";
        } else {
            sql_add(&sql, ") m CROSS JOIN contact c ON c.id = m.contact_id "
                          "LEFT JOIN organisation o ON o.id = c.org_id WHERE 1");
        }
    } else if (d && d->ids) {
        sql_add(&sql, out ? "SELECT " CONTACT_COLUMNS : "SELECT c.id");
        sql_add(&sql, " FROM json_each(:ids) m CROSS JOIN contact c ON c.id = m.value "
                      "LEFT JOIN organisation o ON o.id = c.org_id WHERE 1");
    } else {
        sql_add(&sql, out ? "SELECT " CONTACT_COLUMNS : "SELECT c.id");
        sql_add(&sql, CONTACT_FROM "WHERE 1");
    }
    filter_conditions(f, words_only, &sql);
    for (size_t i = 0; s && i < s->len; i++)
        if (!d || (d->token != (int)i && !(d->ids && d->covered[i])))
            token_probe(s, i, id, &sql);
    if (w->after) {
        sql_add(&sql, " AND ");
        sql_add(&sql, w->backward ? contact_sorts[w->sort].before
                                  : contact_sorts[w->sort].after);
    }
    if (out) {
        sql_add(&sql, " ORDER BY ");
        sql_add(&sql, w->backward ? contact_sorts[w->sort].reverse
                                  : contact_sorts[w->sort].order);
    }
    sql_add(&sql, " LIMIT :limit");
    sqlite3_stmt *stmt = prepare_text(st, &sql);
    if (stmt) {
        filter_bind(stmt, f, s);
        window_bind(stmt, w);
        if (d && d->ids)
            bind_named_text(stmt, ":ids", d->ids);
    }
    if (!out)
        return count_rows(st, stmt, counted);
    return collect_contacts(st, stmt, w->limit, out);
}

/* The branches of a name-order merge: SELECT name_key, contact_id of one
 * term each, from the cursor on, of the contacts archived or not as
 * archived says (< 0: both). */
static void merge_branches(struct sql_text *sql, const char *table,
                           const struct strlist *terms, const char *op,
                           bool backward, int archived, int *n)
{
    for (size_t i = 0; i < terms->len; i++) {
        if (*n > 0)
            sql_add(sql, op);
        sql_addf(sql, "SELECT name_key, contact_id FROM %s WHERE term = :t%d "
                      "AND (name_key, contact_id) %s (:mkey, :mid)",
                 table, *n, backward ? "<" : ">");
        if (archived >= 0)
            sql_addf(sql, " AND archived = %d", archived);
        (*n)++;
    }
}

/* The merge of the streamed tokens' terms, LIMIT :chunk. */
static void merge_compound(struct sql_text *sql, const struct search *s,
                           const bool *streamed, bool intersect, bool backward,
                           int archived)
{
    int n = 0;
    const char *op = intersect ? " INTERSECT " : " UNION ";
    for (size_t i = 0; i < s->len; i++) {
        if (streamed[i]) {
            merge_branches(sql, "field_word", &s->tokens[i].field_terms, op, backward,
                           archived, &n);
            merge_branches(sql, "note_word", &s->tokens[i].note_terms, op, backward,
                           archived, &n);
        }
    }
    sql_add(sql, backward ? " ORDER BY 1 DESC, 2 DESC" : " ORDER BY 1, 2");
    sql_add(sql, " LIMIT :chunk");
}

/* Binds the merge's terms and its cursor (key NULL: from the start). */
static void merge_bind(sqlite3_stmt *stmt, const struct search *s, const bool *streamed,
                       bool backward, const char *key, int64_t id, int64_t chunk)
{
    int n = 0;
    for (size_t i = 0; i < s->len; i++) {
        if (!streamed[i])
            continue;
        const struct strlist *lists[] = { &s->tokens[i].field_terms,
                                          &s->tokens[i].note_terms };
        for (size_t l = 0; l < 2; l++) {
            for (size_t t = 0; t < lists[l]->len; t++) {
                char name[32];
                snprintf(name, sizeof name, ":t%d", n++);
                bind_named_text(stmt, name, lists[l]->items[t]);
            }
        }
    }
    int kx = sqlite3_bind_parameter_index(stmt, ":mkey");
    if (key)
        sqlite3_bind_text(stmt, kx, key, -1, SQLITE_TRANSIENT);
    else if (backward)
        sqlite3_bind_blob(stmt, kx, "", 0, SQLITE_STATIC);   /* after all text */
    else
        sqlite3_bind_text(stmt, kx, "", 0, SQLITE_STATIC);
    bind_named_int(stmt, ":mid", key ? id : (backward ? INT64_MAX : INT64_MIN));
    bind_named_int(stmt, ":chunk", chunk);
}

/* The first contacts of the merge, up to max + 1, as a JSON array; *n
 * says how many. Only the word rows are read. */
static enum store_status merged_ids(struct store *st, const struct search *s,
                                    const bool *streamed, bool intersect, int archived,
                                    int64_t max, char **json, int64_t *n)
{
    *json = NULL;
    *n = 0;
    struct sql_text sql = { .len = 0 };
    sql_add(&sql, "SELECT contact_id FROM (");
    merge_compound(&sql, s, streamed, intersect, false, archived);
    sql_add(&sql, ")");
    sqlite3_stmt *stmt = prepare_text(st, &sql);
    if (!stmt)
        return STORE_FAILED;
    merge_bind(stmt, s, streamed, false, NULL, 0, max + 1);
    size_t cap = (size_t)(max + 1) * 21 + 3, len = 0;
    char *text = malloc(cap);
    enum store_status rc = text ? STORE_OK : no_memory(st);
    int step = SQLITE_DONE;
    if (text)
        text[len++] = '[';
    while (rc == STORE_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        /* The text is sized for max + 1 ids, as the LIMIT promises. */
        if (*n > max) {
            step = SQLITE_DONE;
            break;
        }
        len += (size_t)snprintf(text + len, cap - len, "%s%lld", (*n)++ ? "," : "",
                                (long long)sqlite3_column_int64(stmt, 0));
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    finish(st, stmt);
    if (rc != STORE_OK) {
        free(text);
        return rc;
    }
    snprintf(text + len, cap - len, "]");
    *json = text;
    return STORE_OK;
}

/* The window in name order, read from the word rows of the streamed
 * tokens' terms: one term's rows are in name order, so SQLite merges
 * them (UNION for the terms of one token, INTERSECT for several tokens
 * of one term each) and stops after a round of rows. The contacts
 * those name are then filtered, and the other tokens looked up; when a
 * round leaves the window short, the next round starts after it. */
static enum store_status page_merged(struct store *st, const struct contact_filter *f,
                                     const struct search *s, const bool *streamed,
                                     bool intersect, const struct window *w,
                                     struct contact_list *out, int64_t *counted)
{
    struct contact_list counting = { 0 };
    if (!out)
        out = &counting;
    memset(out, 0, sizeof *out);
    /* Counting the usual list reads the word rows alone; a window reads
     * its contacts, and a filter on more than the archived flag looks
     * at every contact of the merge. Columns: whether the row is kept,
     * the merge's cursor, then the contact. */
    bool contacts = out != &counting || filter_reads_contact(f);
    struct sql_text sql = { .len = 0 };
    sql_add(&sql, "SELECT (1");
    filter_conditions(f, true, &sql);
    for (size_t i = 0; i < s->len; i++)
        if (!streamed[i])
            token_probe(s, i, "m.contact_id", &sql);
    sql_add(&sql, "), m.name_key, m.contact_id");
    if (contacts)
        sql_add(&sql, ", " CONTACT_COLUMNS);
    sql_add(&sql, " FROM (");
    merge_compound(&sql, s, streamed, intersect, w->backward, filter_archived(f));
    sql_add(&sql, ") m");
    if (contacts)
        sql_add(&sql, " CROSS JOIN contact c ON c.id = m.contact_id "
                      "LEFT JOIN organisation o ON o.id = c.org_id");
    sql_add(&sql, " ORDER BY ");
    sql_add(&sql, w->backward ? "m.name_key DESC, m.contact_id DESC"
                              : "m.name_key, m.contact_id");
    sqlite3_stmt *stmt = prepare_text(st, &sql);
    if (!stmt)
        return STORE_FAILED;
    filter_bind(stmt, f, s);

    char *key = w->after && w->key ? strdup(w->key) : NULL;
    int64_t id = w->after ? w->after->id : 0;
    if (w->after && !key) {
        finish(st, stmt);
        return no_memory(st);
    }
    size_t cap = 0;
    int64_t chunk = (int64_t)w->limit + 1;
    enum store_status rc = STORE_OK;
    for (bool done = false; rc == STORE_OK && !done;) {
        merge_bind(stmt, s, streamed, w->backward, key, id, chunk);
        int64_t rows = 0;
        int step;
        while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
            rows++;
            const char *k = (const char *)sqlite3_column_text(stmt, 1);
            char *copy = strdup(k ? k : "");
            if (!copy) {
                rc = no_memory(st);
                break;
            }
            free(key);
            key = copy;
            id = sqlite3_column_int64(stmt, 2);
            if (!sqlite3_column_int(stmt, 0))
                continue;
            if (out->len == w->limit) {
                out->more = true;
                done = true;
                break;
            }
            if (out == &counting)
                out->len++;
            else if ((rc = append_contact(st, stmt, 3, out, &cap)) != STORE_OK)
                break;
        }
        if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
            rc = db_fail(st);
        sqlite3_reset(stmt);
        if (rows < chunk)
            done = true;
        if (chunk < SEARCH_CHUNK_MAX)
            chunk *= 4;
    }
    free(key);
    finish(st, stmt);
    if (out == &counting) {
        *counted = (int64_t)out->len + out->more;
        return rc;
    }
    if (rc != STORE_OK)
        store_contact_list_clear(out);
    return rc;
}

/* The window of a filter with words typed. When few rows hold the
 * rarest word, they are read whole and sorted. Else the words with few
 * terms are merged in name order: the name list reads its window from
 * the merge; another order sorts the merge's contacts when they are few,
 * and walks its own order when many match (so a window fills quickly). */
static enum store_status page_searched(struct store *st, const struct contact_filter *f,
                                       struct search *s, const struct window *w,
                                       struct contact_list *out, int64_t *counted)
{
    int rarest = 0;
    for (size_t i = 1; i < s->len; i++)
        if (s->tokens[i].estimate < s->tokens[rarest].estimate)
            rarest = (int)i;
    if (s->tokens[rarest].estimate < SEARCH_SPARSE) {
        struct driver d = { rarest, NULL, NULL };
        return page_sorted(st, f, s, &d, w, out, counted);
    }
    enum store_status rc = STORE_OK;
    for (size_t i = 0; i < s->len && rc == STORE_OK; i++) {
        struct search_token *t = &s->tokens[i];
        if (t->branches > 0)
            continue;
        rc = token_terms(st, field_next_sql, t, &t->field_terms);
        if (rc == STORE_OK && !t->fields_only)
            rc = token_terms(st, note_next_sql, t, &t->note_terms);
    }
    if (rc != STORE_OK)
        return rc;
    /* The words of one term each are intersected; else the rarest word
     * of few terms is merged alone. The other words are looked up. */
    bool streamed[SEARCH_TOKENS] = { false };
    bool intersect = false;
    for (size_t i = 0; i < s->len; i++) {
        if (s->tokens[i].branches == 1)
            streamed[i] = intersect = true;
    }
    if (!intersect) {
        int best = -1;
        for (size_t i = 0; i < s->len; i++)
            if (s->tokens[i].branches <= SEARCH_BRANCHES
                && (best < 0 || s->tokens[i].estimate < s->tokens[best].estimate))
                best = (int)i;
        if (best < 0)
            return page_sorted(st, f, s, NULL, w, out, counted);
        streamed[best] = true;
    }
    if (w->sort == CONTACT_SORT_NAME)
        return page_merged(st, f, s, streamed, intersect, w, out, counted);
    char *ids = NULL;
    int64_t n = 0;
    rc = merged_ids(st, s, streamed, intersect, filter_archived(f), SEARCH_SPARSE, &ids, &n);
    if (rc == STORE_OK) {
        struct driver d = { -1, ids, streamed };
        rc = page_sorted(st, f, s, n <= SEARCH_SPARSE ? &d : NULL, w, out, counted);
    }
    free(ids);
    return rc;
}

enum store_status store_contact_page(struct store *st,
                                     const struct contact_filter *filter,
                                     enum contact_sort sort,
                                     const struct contact *after,
                                     bool backward, size_t limit,
                                     struct contact_list *out)
{
    memset(out, 0, sizeof *out);
    if ((unsigned)sort > CONTACT_SORT_NEXT_DUE)
        sort = CONTACT_SORT_NAME;
    struct window w = { sort, after, NULL, backward, limit };
    if (after && !(w.key = text_fold(after->name ? after->name : "")))
        return no_memory(st);
    struct search s = { .len = 0 };
    enum store_status rc = STORE_OK;
    if (filter && filter->text && *filter->text)
        rc = search_prepare(st, filter->text, &s);
    if (rc == STORE_OK) {
        if (s.len > 0)
            rc = page_searched(st, filter, &s, &w, out, NULL);
        else
            rc = page_sorted(st, filter, NULL, NULL, &w, out, NULL);
    }
    search_clear(&s);
    free(w.key);
    if (rc == STORE_OK && backward)
        reverse_contacts(out);
    return rc;
}

enum store_status store_contact_count(struct store *st,
                                      const struct contact_filter *filter,
                                      int64_t limit, int64_t *count)
{
    *count = 0;
    struct search s = { .len = 0 };
    enum store_status rc = STORE_OK;
    if (filter && filter->text && *filter->text)
        rc = search_prepare(st, filter->text, &s);
    if (rc != STORE_OK)
        return rc;
    if (s.len > 0 && limit > 0) {
        /* Counted as the window is read, which a search makes quick. */
        struct window w = { CONTACT_SORT_NAME, NULL, NULL, false, (size_t)limit };
        rc = page_searched(st, filter, &s, &w, NULL, count);
        search_clear(&s);
        return rc;
    }
    struct sql_text sql = { .len = 0 };
    sql_add(&sql, "SELECT count(*) FROM (SELECT 1 FROM contact c WHERE 1");
    filter_conditions(filter, false, &sql);
    for (size_t i = 0; i < s.len; i++)
        token_probe(&s, i, "c.id", &sql);
    sql_add(&sql, limit > 0 ? " LIMIT :limit)" : ")");
    sqlite3_stmt *stmt = prepare_text(st, &sql);
    if (stmt) {
        filter_bind(stmt, filter, &s);
        bind_named_int(stmt, ":limit", limit + 1);
    }
    rc = step_int(st, stmt, count);
    search_clear(&s);
    return rc;
}

/* ---- writing contacts ------------------------------------------------------ */

/* The organisation's id by name, created when missing; 0 for none. */
static enum store_status org_id_for(struct store *st, const char *name,
                                    int64_t *id)
{
    *id = 0;
    if (!name || !*name)
        return STORE_OK;
    sqlite3_stmt *stmt = prepare_kept(st, "SELECT id FROM organisation WHERE name = ?");
    if (!stmt)
        return STORE_FAILED;
    bind_text(stmt, 1, name);
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW)
        *id = sqlite3_column_int64(stmt, 0);
    finish(st, stmt);
    if (step == SQLITE_ROW)
        return STORE_OK;
    if (step != SQLITE_DONE)
        return db_fail(st);
    stmt = prepare(st, "INSERT INTO organisation(name) VALUES (?)");
    if (stmt)
        bind_text(stmt, 1, name);
    enum store_status rc = run(st, stmt);
    if (rc == STORE_OK)
        *id = sqlite3_last_insert_rowid(st->db);
    return rc;
}

static enum store_status insert_strings(struct store *st, const char *sql,
                                        int64_t id, const struct strlist *list)
{
    for (size_t i = 0; i < list->len; i++) {
        sqlite3_stmt *stmt = prepare_kept(st, sql);
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, id);
            bind_text(stmt, 2, list->items[i]);
            sqlite3_bind_int64(stmt, 3, (int64_t)i);
        }
        enum store_status rc = run(st, stmt);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

static enum store_status write_phones(struct store *st, const struct contact *c)
{
    enum store_status rc = STORE_OK;
    for (size_t i = 0; rc == STORE_OK && i < c->phones.len; i++) {
        sqlite3_stmt *stmt = prepare_kept(st,
            "INSERT INTO contact_phone(contact_id, phone, position, kind) VALUES (?, ?, ?, ?)");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, c->id);
            bind_text(stmt, 2, c->phones.items[i].number);
            sqlite3_bind_int64(stmt, 3, (int64_t)i);
            bind_text(stmt, 4, c->phones.items[i].kind);
        }
        rc = run(st, stmt);
    }
    return rc;
}

#define EMAIL_INSERT \
    "INSERT INTO contact_email(contact_id, email, position) VALUES (?, ?, ?)"
#define TAG_INSERT "INSERT INTO contact_tag(contact_id, tag) VALUES (?, ?)"

static enum store_status write_lists(struct store *st, const struct contact *c)
{
    enum store_status rc = insert_strings(st, EMAIL_INSERT, c->id, &c->emails);
    if (rc == STORE_OK)
        rc = write_phones(st, c);
    if (rc == STORE_OK)
        rc = insert_strings(st, TAG_INSERT, c->id, &c->tags);
    return rc;
}

/* One list of a contact as stored, to be made what the edit says. */
static const struct stored_list {
    const char *select;    /* id, value, position of contact ?1, in order */
    const char *position;  /* sets row ?2's position to ?1; NULL: none */
    const char *delete;    /* removes row ?1 */
    const char *insert;
} stored_emails = {
    "SELECT id, email, position FROM contact_email WHERE contact_id = ?1 "
    "ORDER BY position, id",
    "UPDATE contact_email SET position = ?1 WHERE id = ?2",
    "DELETE FROM contact_email WHERE id = ?1",
    EMAIL_INSERT,
}, stored_tags = {
    "SELECT id, tag, 0 FROM contact_tag WHERE contact_id = ?1 ORDER BY id",
    NULL,
    "DELETE FROM contact_tag WHERE id = ?1",
    TAG_INSERT,
};

/* Writes one list from its first item that differs from what is
 * stored: every email or tag row written re-indexes all of its
 * contact's words through the triggers, so an edit that leaves a list
 * alone writes no row of it, and one that adds an item writes one. */
static enum store_status rewrite_list(struct store *st, const struct stored_list *l,
                                      int64_t id, const struct strlist *list)
{
    sqlite3_stmt *stmt = prepare(st, l->select);
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    /* The stored rows' ids, and how many lead the list unchanged. */
    int64_t *rows = NULL;
    size_t len = 0, cap = 0, same = 0;
    bool moved = false;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (reserve((void **)&rows, len, &cap, sizeof *rows)) {
            rc = no_memory(st);
            break;
        }
        const char *value = (const char *)sqlite3_column_text(stmt, 1);
        if (same == len && same < list->len && value
            && strcmp(value, list->items[same]) == 0) {
            moved |= sqlite3_column_int64(stmt, 2) != (int64_t)same;
            same++;
        }
        rows[len++] = sqlite3_column_int64(stmt, 0);
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    finish(st, stmt);
    /* Positions change no word, and so cost no re-indexing. */
    for (size_t i = 0; rc == STORE_OK && moved && l->position && i < same; i++) {
        stmt = prepare_kept(st, l->position);
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, (int64_t)i);
            sqlite3_bind_int64(stmt, 2, rows[i]);
        }
        rc = run(st, stmt);
    }
    for (size_t i = same; rc == STORE_OK && i < len; i++) {
        stmt = prepare_kept(st, l->delete);
        if (stmt)
            sqlite3_bind_int64(stmt, 1, rows[i]);
        rc = run(st, stmt);
    }
    free(rows);
    for (size_t i = same; rc == STORE_OK && i < list->len; i++) {
        stmt = prepare_kept(st, l->insert);
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, id);
            bind_text(stmt, 2, list->items[i]);
            if (l->position)
                sqlite3_bind_int64(stmt, 3, (int64_t)i);
        }
        rc = run(st, stmt);
    }
    return rc;
}

/* Binds the editable fields shared by insert and update (:name ...). */
static enum store_status bind_fields(struct store *st, sqlite3_stmt *stmt,
                                     const struct contact *c, int64_t org_id)
{
    char *key = text_fold(c->name);
    if (!key)
        return no_memory(st);
    bind_named_text(stmt, ":name", c->name);
    bind_named_text(stmt, ":key", key);
    free(key);
    if (org_id)
        bind_named_int(stmt, ":org", org_id);
    bind_named_text(stmt, ":department", c->department);
    bind_named_text(stmt, ":title", c->title);
    bind_named_int(stmt, ":roles", c->roles);
    bind_named_text(stmt, ":projects", c->projects);
    bind_named_text(stmt, ":goals", c->goals);
    bind_named_text(stmt, ":channel", c->channel);
    if (c->cadence_days >= 0)
        bind_named_int(stmt, ":cadence", c->cadence_days);
    return STORE_OK;
}

enum store_status store_contact_add(struct store *st, struct contact *c,
                                    time_t now)
{
    if (!c->name || !*c->name)
        return store_fail(st, STORE_INVALID, _("name: must not be empty"));
    if ((unsigned)c->stage >= STAGE_COUNT)
        return store_fail(st, STORE_INVALID, _("stage: unknown stage"));
    enum store_status rc = write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    int64_t org_id = 0;
    rc = org_id_for(st, c->org, &org_id);
    /* The lists go in before the contact row, under deferred foreign
     * keys: their rows' triggers find no contact to index yet, and the
     * contact's own insert trigger then indexes its words once, with
     * every email and tag, instead of once per row (which made a card
     * of thousands of emails take minutes). The id is the one SQLite
     * would give the row. */
    int64_t id = 0, deferred = 0;
    bool deferring = false;
    if (rc == STORE_OK)
        rc = query_int(st, "SELECT coalesce(max(id), 0) + 1 FROM contact", -1, &id);
    if (rc == STORE_OK)
        rc = query_int(st, "PRAGMA defer_foreign_keys", -1, &deferred);
    if (rc == STORE_OK && !deferred) {
        rc = exec_kept(st, "PRAGMA defer_foreign_keys = ON");
        deferring = rc == STORE_OK;
    }
    if (rc == STORE_OK) {
        c->id = id;
        rc = write_lists(st, c);
    }
    sqlite3_stmt *stmt = NULL;
    if (rc == STORE_OK) {
        stmt = prepare(st,
            "INSERT INTO contact(id, name, name_key, org_id, department, title, roles, "
            "projects, goals, channel, cadence_days, created, updated, archived, "
            "version, stage, stage_since, last_touch) VALUES (:id, :name, :key, :org, "
            ":department, :title, :roles, :projects, :goals, :channel, :cadence, "
            ":now, :now, 0, 1, :stage, :now, :now)");
        rc = stmt ? bind_fields(st, stmt, c, org_id) : STORE_FAILED;
    }
    if (rc == STORE_OK) {
        bind_named_int(stmt, ":id", id);
        bind_named_int(stmt, ":now", (int64_t)now);
        bind_named_int(stmt, ":stage", c->stage);
        rc = run(st, stmt);
        stmt = NULL;
    }
    finish(st, stmt);
    /* Off again whatever happened: it would last to the end of a batch. */
    if (deferring) {
        enum store_status off = exec_kept(st, "PRAGMA defer_foreign_keys = OFF");
        if (rc == STORE_OK)
            rc = off;
    }
    if (rc == STORE_OK) {
        stmt = prepare(st, "INSERT INTO stage_change(contact_id, from_stage, to_stage, at) "
                           "VALUES (?, NULL, ?, ?)");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, c->id);
            sqlite3_bind_int(stmt, 2, c->stage);
            sqlite3_bind_int64(stmt, 3, (int64_t)now);
        }
        rc = run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = refresh_contact(st, c->id);
    char *name = text_sanitize(c->name, false);
    rc = write_end(st, rc, rc == STORE_OK
        ? format(_("added contact #%lld %s"), (long long)c->id, name) : NULL);
    free(name);
    if (rc == STORE_OK) {
        c->created = c->updated = c->stage_since = c->last_touch = now;
        c->version = 1;
        c->note_count = 0;
        c->archived = false;
        c->next_due = (struct date){ 0 };
    } else {
        c->id = 0;
    }
    return rc;
}

enum store_status store_contact_update(struct store *st, struct contact *c,
                                       time_t now)
{
    if (!c->name || !*c->name)
        return store_fail(st, STORE_INVALID, _("name: must not be empty"));
    enum store_status rc = write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    int64_t version = 0;
    rc = query_int(st, "SELECT version FROM contact WHERE id = ?", c->id, &version);
    if (rc == STORE_NOT_FOUND)
        store_fail(st, rc, _("no contact #%lld"), (long long)c->id);
    char *name = text_sanitize(c->name, false);
    if (rc == STORE_OK && version != c->version)
        rc = store_fail(st, STORE_CONFLICT,
                        _("%s was changed by someone else since you opened it; reload it and make your change again"),
                        name);
    int64_t org_id = 0;
    if (rc == STORE_OK)
        rc = org_id_for(st, c->org, &org_id);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = prepare(st,
            "UPDATE contact SET name = :name, name_key = :key, org_id = :org, "
            "department = :department, title = :title, roles = :roles, "
            "projects = :projects, goals = :goals, "
            "channel = :channel, cadence_days = :cadence, updated = :now, "
            "version = version + 1 WHERE id = :id");
        rc = stmt ? bind_fields(st, stmt, c, org_id) : STORE_FAILED;
        if (rc == STORE_OK) {
            bind_named_int(stmt, ":now", (int64_t)now);
            bind_named_int(stmt, ":id", c->id);
            rc = run(st, stmt);
        } else {
            finish(st, stmt);
        }
    }
    if (rc == STORE_OK)
        rc = rewrite_list(st, &stored_emails, c->id, &c->emails);
    if (rc == STORE_OK) {
        /* Phones are no words: written again whole, as they cost little. */
        sqlite3_stmt *stmt = prepare(st, "DELETE FROM contact_phone WHERE contact_id = ?");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, c->id);
        rc = run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = write_phones(st, c);
    if (rc == STORE_OK)
        rc = rewrite_list(st, &stored_tags, c->id, &c->tags);
    if (rc == STORE_OK)
        rc = refresh_contact(st, c->id);
    rc = write_end(st, rc, rc == STORE_OK ? format(_("edited %s"), name) : NULL);
    free(name);
    if (rc == STORE_OK) {
        c->version = version + 1;
        c->updated = now;
    }
    return rc;
}

enum store_status store_contact_set_uid(struct store *st, int64_t id,
                                        const char *uid)
{
    enum store_status rc = write_begin(st, time(NULL));
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = contact_name(st, id, &name);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = prepare(st, "UPDATE contact SET uid = ? WHERE id = ?");
        if (stmt) {
            bind_text(stmt, 1, uid);
            sqlite3_bind_int64(stmt, 2, id);
        }
        rc = run(st, stmt);
    }
    rc = write_end(st, rc, rc == STORE_OK ? format(_("set the UID of %s"), name) : NULL);
    free(name);
    return rc;
}

enum store_status store_contact_set_archived(struct store *st, int64_t id,
                                             bool archived, time_t now)
{
    enum store_status rc = write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = contact_name(st, id, &name);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = prepare(st,
            "UPDATE contact SET archived = ?, updated = ?, version = version + 1 WHERE id = ?");
        if (stmt) {
            sqlite3_bind_int(stmt, 1, archived);
            sqlite3_bind_int64(stmt, 2, (int64_t)now);
            sqlite3_bind_int64(stmt, 3, id);
        }
        rc = run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = refresh_contact(st, id);
    char *what = NULL;
    if (rc == STORE_OK)
        what = archived ? format(_("archived %s"), name)
                        : format(_("brought %s back from the archive"), name);
    rc = write_end(st, rc, what);
    free(name);
    return rc;
}

enum store_status store_contact_forget(struct store *st, int64_t id)
{
    if (st->read_only)
        return store_fail(st, STORE_READ_ONLY,
                          _("the database is open read-only; the change was not saved"));
    if (st->depth > 0)
        return store_fail(st, STORE_INVALID,
                          _("a contact cannot be forgotten inside another change"));
    enum store_status rc = exec(st, "BEGIN IMMEDIATE");
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = contact_name(st, id, &name);
    free(name);
    /* Whole journal entries go: their descriptions name the person. */
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = prepare(st,
            "DELETE FROM journal WHERE id IN "
            "(SELECT journal_id FROM journal_row WHERE contact_id = ?)");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, id);
        rc = run(st, stmt);
    }
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = prepare(st, "DELETE FROM contact WHERE id = ?");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, id);
        rc = run(st, stmt);
    }
    /* A mark in the journal, naming no one, so that undo says the last
     * change cannot be undone instead of reverting an older one. */
    if (rc == STORE_OK) {
        char *what = format(_("erased contact #%lld"), (long long)id);
        sqlite3_stmt *stmt = what ? prepare(st,
            "INSERT INTO journal(at, what, origin, undoable) VALUES (?, ?, ?, 0)") : NULL;
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, (int64_t)time(NULL));
            bind_text(stmt, 2, what);
            sqlite3_bind_int64(stmt, 3, st->origin);
        }
        rc = what ? run(st, stmt) : no_memory(st);
        free(what);
    }
    if (rc == STORE_OK)
        rc = exec(st, "COMMIT");
    if (rc != STORE_OK) {
        rollback_keeping(st, rc);
        return rc;
    }
    /* FTS5 keeps a deleted row's terms in its segments until they are
     * merged; the merge rewrites them, secure_delete zeroes the freed
     * pages, and the checkpoint empties the WAL that held old copies. */
    rc = exec(st, "INSERT INTO contact_fts(contact_fts) VALUES ('optimize')");
    if (rc == STORE_OK)
        rc = exec(st, "INSERT INTO note_fts(note_fts) VALUES ('optimize')");
    /* A reader holding an old snapshot keeps the checkpoint from
     * finishing; the caller must be told, not assured. */
    st->wipe_pending = false;
    if (rc == STORE_OK) {
        int frames = -1, copied = -1;
        int ck = sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE,
                                           &frames, &copied);
        if (ck == SQLITE_BUSY || (ck == SQLITE_OK && frames != 0))
            st->wipe_pending = true;
        else if (ck != SQLITE_OK)
            rc = db_fail(st);
    }
    return rc;
}

bool store_wipe_pending(const struct store *st)
{
    return st->wipe_pending;
}

/* ---- stages ------------------------------------------------------------------ */

static const char *const stage_keys[STAGE_COUNT] = {
    [STAGE_END_USER] = "end-user",
    [STAGE_CUSTOMER] = "customer",
    [STAGE_CLIENT] = "client",
};

const char *store_stage_key(enum stage s)
{
    return (unsigned)s < STAGE_COUNT ? stage_keys[s] : "?";
}

int store_stage_from_key(const char *key)
{
    for (int s = 0; key && s < STAGE_COUNT; s++)
        if (strcmp(key, stage_keys[s]) == 0)
            return s;
    return STAGE_NONE;
}

enum store_status store_stage_change(struct store *st, int64_t contact_id,
                                     enum stage to, const char *reason,
                                     time_t now)
{
    if ((unsigned)to >= STAGE_COUNT)
        return store_fail(st, STORE_INVALID, _("stage: unknown stage"));
    enum store_status rc = write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    int64_t from = 0;
    rc = contact_name(st, contact_id, &name);
    if (rc == STORE_OK)
        rc = query_int(st, "SELECT stage FROM contact WHERE id = ?", contact_id, &from);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = prepare(st,
            "INSERT INTO stage_change(contact_id, from_stage, to_stage, at, reason) "
            "VALUES (?, ?, ?, ?, ?)");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, contact_id);
            sqlite3_bind_int64(stmt, 2, from);
            sqlite3_bind_int(stmt, 3, to);
            sqlite3_bind_int64(stmt, 4, (int64_t)now);
            bind_text(stmt, 5, reason);
        }
        rc = run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = refresh_contact(st, contact_id);
    rc = write_end(st, rc, rc == STORE_OK
        ? format(_("stage of %s: %s → %s"), name,
                 store_stage_key((enum stage)from), store_stage_key(to))
        : NULL);
    free(name);
    return rc;
}

enum store_status store_stage_history(struct store *st, int64_t contact_id,
                                      struct stage_change_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = prepare(st,
        "SELECT id, contact_id, from_stage, to_stage, at, reason FROM stage_change "
        "WHERE contact_id = ? ORDER BY at DESC, id DESC");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, contact_id);
    size_t cap = 0;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (reserve((void **)&out->items, out->len, &cap, sizeof *out->items)) {
            rc = no_memory(st);
            break;
        }
        struct stage_change *s = &out->items[out->len++];
        s->id = sqlite3_column_int64(stmt, 0);
        s->contact_id = sqlite3_column_int64(stmt, 1);
        s->from = sqlite3_column_type(stmt, 2) == SQLITE_NULL
                      ? STAGE_NONE : sqlite3_column_int(stmt, 2);
        s->to = (enum stage)sqlite3_column_int(stmt, 3);
        s->at = (time_t)sqlite3_column_int64(stmt, 4);
        s->reason = column_text(stmt, 5);
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    finish(st, stmt);
    if (rc != STORE_OK)
        store_stage_change_list_clear(out);
    return rc;
}

/* ---- notes ---------------------------------------------------------------------- */

static enum store_status insert_note(struct store *st, struct note *n,
                                     time_t now)
{
    if (!n->at)
        n->at = now;
    if (!n->kind[0])
        snprintf(n->kind, sizeof n->kind, "%s", "note");
    sqlite3_stmt *stmt = prepare_kept(st,
        "INSERT INTO note(contact_id, at, kind, body) VALUES (?, ?, ?, ?)");
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, n->contact_id);
        sqlite3_bind_int64(stmt, 2, (int64_t)n->at);
        bind_text(stmt, 3, n->kind);
        bind_text(stmt, 4, n->body ? n->body : "");
    }
    enum store_status rc = run(st, stmt);
    if (rc == STORE_OK)
        n->id = sqlite3_last_insert_rowid(st->db);
    return rc;
}

enum store_status store_note_add(struct store *st, struct note *n, time_t now)
{
    if (!n->body || !*n->body)
        return store_fail(st, STORE_INVALID, _("the note is empty"));
    enum store_status rc = write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = contact_name(st, n->contact_id, &name);
    if (rc == STORE_OK)
        rc = insert_note(st, n, now);
    if (rc == STORE_OK)
        rc = refresh_contact(st, n->contact_id);
    rc = write_end(st, rc, rc == STORE_OK
        ? format(_("note #%lld on %s"), (long long)n->id, name) : NULL);
    free(name);
    return rc;
}

enum store_status store_note_page(struct store *st, int64_t contact_id,
                                  const struct note *after, size_t limit,
                                  struct note_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = prepare(st, after
        ? "SELECT id, contact_id, at, kind, body FROM note WHERE contact_id = :c "
          "AND (at, id) < (:at, :id) ORDER BY at DESC, id DESC LIMIT :limit"
        : "SELECT id, contact_id, at, kind, body FROM note WHERE contact_id = :c "
          "ORDER BY at DESC, id DESC LIMIT :limit");
    if (!stmt)
        return STORE_FAILED;
    bind_named_int(stmt, ":c", contact_id);
    if (after) {
        bind_named_int(stmt, ":at", (int64_t)after->at);
        bind_named_int(stmt, ":id", after->id);
    }
    bind_named_int(stmt, ":limit", (int64_t)limit + 1);
    size_t cap = 0;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out->len == limit) {
            out->more = true;
            break;
        }
        if (reserve((void **)&out->items, out->len, &cap, sizeof *out->items)) {
            rc = no_memory(st);
            break;
        }
        struct note *n = &out->items[out->len++];
        n->id = sqlite3_column_int64(stmt, 0);
        n->contact_id = sqlite3_column_int64(stmt, 1);
        n->at = (time_t)sqlite3_column_int64(stmt, 2);
        const unsigned char *kind = sqlite3_column_text(stmt, 3);
        snprintf(n->kind, sizeof n->kind, "%s", kind ? (const char *)kind : "note");
        n->body = column_text(stmt, 4);
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    finish(st, stmt);
    if (rc != STORE_OK)
        store_note_list_clear(out);
    return rc;
}

/* ---- follow-ups ------------------------------------------------------------------ */

#define FOLLOWUP_COLUMNS \
    "f.id, f.contact_id, c.name, c.stage, f.due, f.due_minutes, f.snoozed_until, " \
    "f.text, f.every_count, f.every_unit, f.state, f.done_at, f.created, " \
    "f.effective, f.uid"
#define FOLLOWUP_FROM " FROM followup f JOIN contact c ON c.id = f.contact_id "

static void read_followup(sqlite3_stmt *stmt, struct followup *f)
{
    memset(f, 0, sizeof *f);
    f->id = sqlite3_column_int64(stmt, 0);
    f->contact_id = sqlite3_column_int64(stmt, 1);
    f->contact_name = column_text(stmt, 2);
    f->contact_stage = (enum stage)sqlite3_column_int(stmt, 3);
    f->due = column_date(stmt, 4);
    f->due_minutes = sqlite3_column_int(stmt, 5);
    f->snoozed_until = column_date(stmt, 6);
    f->text = column_text(stmt, 7);
    f->every.count = sqlite3_column_int(stmt, 8);
    const unsigned char *unit = sqlite3_column_text(stmt, 9);
    f->every.unit = unit && *unit ? (char)unit[0] : 0;
    f->state = sqlite3_column_int(stmt, 10) ? FOLLOWUP_DONE : FOLLOWUP_OPEN;
    f->done_at = (time_t)sqlite3_column_int64(stmt, 11);
    f->created = (time_t)sqlite3_column_int64(stmt, 12);
    f->uid = column_text(stmt, 14);
}

/* Reads the one follow-up stmt selects and finishes stmt;
 * STORE_NOT_FOUND, without a message, when there is none. */
static enum store_status step_followup(struct store *st, sqlite3_stmt *stmt,
                                       struct followup *out)
{
    enum store_status rc = STORE_OK;
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW)
        read_followup(stmt, out);
    else if (step == SQLITE_DONE)
        rc = STORE_NOT_FOUND;
    else
        rc = db_fail(st);
    finish(st, stmt);
    return rc;
}

enum store_status store_followup_get(struct store *st, int64_t id,
                                     struct followup *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = prepare(st, "SELECT " FOLLOWUP_COLUMNS FOLLOWUP_FROM
                                     "WHERE f.id = ?");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = step_followup(st, stmt, out);
    if (rc == STORE_NOT_FOUND)
        rc = store_fail(st, STORE_NOT_FOUND, _("no follow-up #%lld"), (long long)id);
    return rc;
}

enum store_status store_followup_by_uid(struct store *st, const char *uid,
                                        struct followup *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = prepare(st, "SELECT " FOLLOWUP_COLUMNS FOLLOWUP_FROM
                                     "WHERE f.uid = ? ORDER BY f.state, f.id DESC LIMIT 1");
    if (!stmt)
        return STORE_FAILED;
    bind_text(stmt, 1, uid);
    return step_followup(st, stmt, out);
}

enum store_status store_followup_set_uid(struct store *st, int64_t id,
                                         const char *uid, time_t now)
{
    enum store_status rc = write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    sqlite3_stmt *stmt = prepare(st,
        "UPDATE followup SET uid = ? WHERE id = ? AND uid IS NULL");
    if (stmt) {
        bind_text(stmt, 1, uid);
        sqlite3_bind_int64(stmt, 2, id);
    }
    rc = run(st, stmt);
    return write_end(st, rc, rc == STORE_OK
        ? format(_("set the UID of follow-up #%lld"), (long long)id) : NULL);
}

static enum store_status insert_followup(struct store *st, struct followup *f,
                                         time_t now)
{
    if (!date_is_valid(f->due))
        return store_fail(st, STORE_INVALID, _("date: not a valid date"));
    sqlite3_stmt *stmt = prepare_kept(st,
        "INSERT INTO followup(contact_id, due, due_minutes, snoozed_until, effective, "
        "text, every_count, every_unit, state, done_at, created, contact_archived, uid) "
        "VALUES (?1, ?2, ?3, ?4, coalesce(?4, ?2), ?5, ?6, ?7, ?8, ?9, ?10, "
        "(SELECT archived FROM contact WHERE id = ?1), ?11)");
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, f->contact_id);
        bind_date(stmt, 2, f->due);
        sqlite3_bind_int(stmt, 3, f->due_minutes);
        bind_date(stmt, 4, f->snoozed_until);
        bind_text(stmt, 5, f->text ? f->text : "");
        sqlite3_bind_int(stmt, 6, f->every.count);
        char unit[2] = { f->every.unit, '\0' };
        bind_text(stmt, 7, f->every.count ? unit : NULL);
        sqlite3_bind_int(stmt, 8, f->state == FOLLOWUP_DONE);
        if (f->state == FOLLOWUP_DONE)
            sqlite3_bind_int64(stmt, 9, (int64_t)(f->done_at ? f->done_at : now));
        sqlite3_bind_int64(stmt, 10, (int64_t)now);
        bind_text(stmt, 11, f->uid && *f->uid ? f->uid : NULL);
    }
    enum store_status rc = run(st, stmt);
    if (rc == STORE_OK) {
        f->id = sqlite3_last_insert_rowid(st->db);
        f->created = now;
    }
    return rc;
}

enum store_status store_followup_add(struct store *st, struct followup *f,
                                     time_t now)
{
    enum store_status rc = write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = contact_name(st, f->contact_id, &name);
    if (rc == STORE_OK)
        rc = insert_followup(st, f, now);
    if (rc == STORE_OK)
        rc = refresh_contact(st, f->contact_id);
    rc = write_end(st, rc, rc == STORE_OK
        ? format(_("follow-up #%lld for %s"), (long long)f->id, name) : NULL);
    free(name);
    return rc;
}

enum store_status store_followup_done(struct store *st, int64_t id,
                                      struct followup *next, struct note *log,
                                      time_t now)
{
    enum store_status rc = write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    struct followup f = { 0 };
    rc = store_followup_get(st, id, &f);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = prepare(st,
            "UPDATE followup SET state = 1, done_at = ? WHERE id = ?");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, (int64_t)now);
            sqlite3_bind_int64(stmt, 2, id);
        }
        rc = run(st, stmt);
    }
    if (rc == STORE_OK && next) {
        if (!next->contact_id)
            next->contact_id = f.contact_id;
        next->state = FOLLOWUP_OPEN;
        rc = insert_followup(st, next, now);
    }
    if (rc == STORE_OK && log) {
        if (!log->contact_id)
            log->contact_id = f.contact_id;
        rc = insert_note(st, log, now);
        if (rc == STORE_OK && log->contact_id != f.contact_id)
            rc = refresh_contact(st, log->contact_id);
    }
    if (rc == STORE_OK)
        rc = refresh_contact(st, f.contact_id);
    rc = write_end(st, rc, rc == STORE_OK
        ? format(_("follow-up #%lld done"), (long long)id) : NULL);
    store_followup_clear(&f);
    return rc;
}

enum store_status store_followup_snooze(struct store *st, int64_t id,
                                        struct date until, time_t now)
{
    if (!date_is_valid(until))
        return store_fail(st, STORE_INVALID, _("date: not a valid date"));
    enum store_status rc = write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    struct followup f = { 0 };
    rc = store_followup_get(st, id, &f);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = prepare(st,
            "UPDATE followup SET snoozed_until = ?1, effective = ?1 WHERE id = ?2");
        if (stmt) {
            bind_date(stmt, 1, until);
            sqlite3_bind_int64(stmt, 2, id);
        }
        rc = run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = refresh_contact(st, f.contact_id);
    char day[11];
    date_format_iso(until, day);
    rc = write_end(st, rc, rc == STORE_OK
        ? format(_("follow-up #%lld snoozed until %s"), (long long)id, day) : NULL);
    store_followup_clear(&f);
    return rc;
}

static void followup_where(const struct followup_filter *filter,
                           struct sql_text *sql)
{
    sql_add(sql, " WHERE 1");
    if (!filter)
        return;
    if (filter->contact_id)
        sql_add(sql, " AND f.contact_id = :contact");
    if (filter->open_only)
        sql_add(sql, " AND f.state = 0");
    if (date_is_set(filter->from))
        sql_add(sql, " AND f.effective >= :from");
    if (date_is_set(filter->to))
        sql_add(sql, " AND f.effective <= :to");
    if (!filter->include_archived)
        sql_add(sql, " AND f.contact_archived = 0");
}

static void followup_bind(sqlite3_stmt *stmt, const struct followup_filter *filter)
{
    if (!filter)
        return;
    bind_named_int(stmt, ":contact", filter->contact_id);
    int i = sqlite3_bind_parameter_index(stmt, ":from");
    if (i > 0)
        bind_date(stmt, i, filter->from);
    i = sqlite3_bind_parameter_index(stmt, ":to");
    if (i > 0)
        bind_date(stmt, i, filter->to);
}

static void reverse_followups(struct followup_list *l)
{
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        struct followup t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

/* Backwards reads the rows just before `at` (NULL: the end) in reverse
 * order and turns them round, so the caller always gets list order. */
static enum store_status followup_window(struct store *st,
                                         const struct followup_filter *filter,
                                         const struct followup *at,
                                         bool backward, size_t limit,
                                         struct followup_list *out)
{
    memset(out, 0, sizeof *out);
    struct sql_text sql = { .len = 0 };
    sql_add(&sql, "SELECT " FOLLOWUP_COLUMNS FOLLOWUP_FROM);
    followup_where(filter, &sql);
    if (at)
        sql_add(&sql, backward
            ? " AND (f.effective, f.due_minutes, f.id) < (:eff, :min, :id)"
            : " AND (f.effective, f.due_minutes, f.id) > (:eff, :min, :id)");
    sql_add(&sql, backward
        ? " ORDER BY f.effective DESC, f.due_minutes DESC, f.id DESC LIMIT :limit"
        : " ORDER BY f.effective, f.due_minutes, f.id LIMIT :limit");
    sqlite3_stmt *stmt = prepare_text(st, &sql);
    if (!stmt)
        return STORE_FAILED;
    followup_bind(stmt, filter);
    if (at) {
        struct date eff = date_is_set(at->snoozed_until) ? at->snoozed_until
                                                         : at->due;
        bind_date(stmt, sqlite3_bind_parameter_index(stmt, ":eff"), eff);
        bind_named_int(stmt, ":min", at->due_minutes);
        bind_named_int(stmt, ":id", at->id);
    }
    bind_named_int(stmt, ":limit", (int64_t)limit + 1);
    size_t cap = 0;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out->len == limit) {
            out->more = true;
            break;
        }
        if (reserve((void **)&out->items, out->len, &cap, sizeof *out->items)) {
            rc = no_memory(st);
            break;
        }
        read_followup(stmt, &out->items[out->len++]);
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    finish(st, stmt);
    if (rc != STORE_OK)
        store_followup_list_clear(out);
    else if (backward)
        reverse_followups(out);
    return rc;
}

struct followup store_followup_key(const struct followup *f)
{
    return (struct followup){ .id = f->id, .due = f->due,
                              .snoozed_until = f->snoozed_until,
                              .due_minutes = f->due_minutes };
}

enum store_status store_followup_page(struct store *st,
                                      const struct followup_filter *filter,
                                      const struct followup *after,
                                      size_t limit, struct followup_list *out)
{
    return followup_window(st, filter, after, false, limit, out);
}

enum store_status store_followup_page_before(struct store *st,
                                             const struct followup_filter *filter,
                                             const struct followup *before,
                                             size_t limit,
                                             struct followup_list *out)
{
    return followup_window(st, filter, before, true, limit, out);
}

enum store_status store_followup_count(struct store *st,
                                       const struct followup_filter *filter,
                                       int64_t *count)
{
    *count = 0;
    struct sql_text sql = { .len = 0 };
    sql_add(&sql, "SELECT count(*) FROM followup f");
    followup_where(filter, &sql);
    sqlite3_stmt *stmt = prepare_text(st, &sql);
    if (!stmt)
        return STORE_FAILED;
    followup_bind(stmt, filter);
    return step_int(st, stmt, count);
}

/* ---- gone quiet ------------------------------------------------------------ */

/* Gone quiet is read stage by stage (clients first), each stage from two
 * partial indexes in due order: contacts on their stage's cadence by
 * last touch, contacts with their own cadence by own_due (last touch +
 * cadence, a derived column). The two are merged here, so a window
 * costs its own rows, never the whole list. */

static const char quiet_default_sql[] =
    "SELECT id, last_touch + :k FROM contact WHERE stage = :s AND cadence_days IS NULL "
    "AND archived = 0 AND last_touch < :cut AND (last_touch, id) > (:lt, :id) "
    "ORDER BY last_touch, id LIMIT :n";
static const char quiet_own_sql[] =
    "SELECT id, own_due FROM contact WHERE stage = :s AND own_due IS NOT NULL "
    "AND archived = 0 AND own_due < :now AND (own_due, id) > (:due, :id) "
    "ORDER BY own_due, id LIMIT :n";
/* The same two, read backwards from the end of a stage. */
static const char quiet_default_back_sql[] =
    "SELECT id, last_touch + :k FROM contact WHERE stage = :s AND cadence_days IS NULL "
    "AND archived = 0 AND last_touch < :cut AND (last_touch, id) < (:lt, :id) "
    "ORDER BY last_touch DESC, id DESC LIMIT :n";
static const char quiet_own_back_sql[] =
    "SELECT id, own_due FROM contact WHERE stage = :s AND own_due IS NOT NULL "
    "AND archived = 0 AND own_due < :now AND (own_due, id) < (:due, :id) "
    "ORDER BY own_due DESC, id DESC LIMIT :n";

static int stage_cadence_days(const int stage_cadence[STAGE_COUNT], int stage)
{
    return stage_cadence[stage] > 0 ? stage_cadence[stage] : 0;
}

/* Appends to ids the next rows of one stage after (due, id) — or,
 * backward, the rows before it, nearest first — at most n. */
static enum store_status quiet_stage(struct store *st, int stage, int days,
                                     time_t now, int64_t due, int64_t id,
                                     bool backward, size_t n, int64_t *ids,
                                     size_t *len)
{
    sqlite3_stmt *a = NULL, *b = prepare(st, backward ? quiet_own_back_sql
                                                      : quiet_own_sql);
    if (!b)
        return STORE_FAILED;
    bind_named_int(b, ":s", stage);
    bind_named_int(b, ":now", (int64_t)now);
    bind_named_int(b, ":due", due);
    bind_named_int(b, ":id", id);
    bind_named_int(b, ":n", (int64_t)n);
    if (days > 0) {
        int64_t k = (int64_t)days * 86400;
        a = prepare(st, backward ? quiet_default_back_sql : quiet_default_sql);
        if (!a) {
            finish(st, b);
            return STORE_FAILED;
        }
        bind_named_int(a, ":s", stage);
        bind_named_int(a, ":k", k);
        bind_named_int(a, ":cut", (int64_t)now - k);
        bind_named_int(a, ":lt", due == INT64_MIN || due == INT64_MAX ? due : due - k);
        bind_named_int(a, ":id", id);
        bind_named_int(a, ":n", (int64_t)n);
    }
    int ra = a ? sqlite3_step(a) : SQLITE_DONE, rb = sqlite3_step(b);
    size_t taken = 0;
    while (taken < n && (ra == SQLITE_ROW || rb == SQLITE_ROW)) {
        bool from_a = ra == SQLITE_ROW;
        if (from_a && rb == SQLITE_ROW) {
            int64_t da = sqlite3_column_int64(a, 1), db = sqlite3_column_int64(b, 1);
            int64_t ia = sqlite3_column_int64(a, 0), ib = sqlite3_column_int64(b, 0);
            bool a_first = da < db || (da == db && ia < ib);
            from_a = backward ? !a_first : a_first;
        }
        sqlite3_stmt *from = from_a ? a : b;
        ids[(*len)++] = sqlite3_column_int64(from, 0);
        taken++;
        if (from_a)
            ra = sqlite3_step(a);
        else
            rb = sqlite3_step(b);
    }
    enum store_status rc = STORE_OK;
    if ((ra != SQLITE_ROW && ra != SQLITE_DONE) || (rb != SQLITE_ROW && rb != SQLITE_DONE))
        rc = db_fail(st);
    finish(st, a);
    finish(st, b);
    return rc;
}

/* Stages are read clients first; backwards, end users first, each
 * from its end, and the ids are turned round at the end. */
static enum store_status quiet_window(struct store *st,
                                      const int stage_cadence[STAGE_COUNT],
                                      time_t now, const struct contact *at,
                                      bool backward, size_t limit,
                                      struct contact_list *out)
{
    memset(out, 0, sizeof *out);
    int64_t *ids = calloc(limit + 1, sizeof *ids);
    if (!ids)
        return no_memory(st);
    size_t len = 0;
    enum store_status rc = STORE_OK;
    for (int i = 0; i < STAGE_COUNT && len <= limit && rc == STORE_OK; i++) {
        int stage = backward ? i : STAGE_COUNT - 1 - i;
        int64_t due = backward ? INT64_MAX : INT64_MIN;
        int64_t id = due;
        if (at && (backward ? (int)at->stage > stage : (int)at->stage < stage))
            continue;
        if (at && (int)at->stage == stage) {
            int days = at->cadence_days >= 0 ? at->cadence_days
                                             : stage_cadence_days(stage_cadence, stage);
            due = (int64_t)at->last_touch + 86400 * (int64_t)days;
            id = at->id;
        }
        rc = quiet_stage(st, stage, stage_cadence_days(stage_cadence, stage), now,
                         due, id, backward, limit + 1 - len, ids, &len);
    }
    out->more = len > limit;
    if (len > limit)
        len = limit;
    if (backward) {
        for (size_t i = 0, j = len; i + 1 < j; i++, j--) {
            int64_t t = ids[i];
            ids[i] = ids[j - 1];
            ids[j - 1] = t;
        }
    }
    size_t cap = 0;
    for (size_t i = 0; i < len && rc == STORE_OK; i++) {
        if (reserve((void **)&out->items, out->len, &cap, sizeof *out->items)) {
            rc = no_memory(st);
            break;
        }
        rc = store_contact_get(st, ids[i], &out->items[out->len]);
        if (rc == STORE_OK)
            out->len++;
    }
    free(ids);
    if (rc != STORE_OK)
        store_contact_list_clear(out);
    return rc;
}

enum store_status store_quiet_page(struct store *st,
                                   const int stage_cadence[STAGE_COUNT],
                                   time_t now, const struct contact *after,
                                   size_t limit, struct contact_list *out)
{
    return quiet_window(st, stage_cadence, now, after, false, limit, out);
}

enum store_status store_quiet_page_before(struct store *st,
                                          const int stage_cadence[STAGE_COUNT],
                                          time_t now,
                                          const struct contact *before,
                                          size_t limit,
                                          struct contact_list *out)
{
    return quiet_window(st, stage_cadence, now, before, true, limit, out);
}

enum store_status store_quiet_count(struct store *st,
                                    const int stage_cadence[STAGE_COUNT],
                                    time_t now, int64_t *count)
{
    *count = 0;
    for (int stage = 0; stage < STAGE_COUNT; stage++) {
        int days = stage_cadence_days(stage_cadence, stage);
        sqlite3_stmt *stmt = prepare(st,
            "SELECT (SELECT count(*) FROM contact WHERE stage = :s AND cadence_days IS NULL "
            "AND archived = 0 AND last_touch < :cut AND :on) + "
            "(SELECT count(*) FROM contact WHERE stage = :s AND own_due IS NOT NULL "
            "AND archived = 0 AND own_due < :now)");
        if (!stmt)
            return STORE_FAILED;
        bind_named_int(stmt, ":s", stage);
        bind_named_int(stmt, ":cut", (int64_t)now - (int64_t)days * 86400);
        bind_named_int(stmt, ":on", days > 0);
        bind_named_int(stmt, ":now", (int64_t)now);
        int64_t n = 0;
        enum store_status rc = step_int(st, stmt, &n);
        if (rc != STORE_OK)
            return rc;
        *count += n;
    }
    return STORE_OK;
}

/* ---- scores ---------------------------------------------------------------------- */

enum store_status store_score_add(struct store *st, struct score *s, time_t now)
{
    if (s->value < 0 || s->value > 10)
        return store_fail(st, STORE_INVALID,
                          _("score: expected a whole number from 0 to 10"));
    enum store_status rc = write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = contact_name(st, s->contact_id, &name);
    if (!s->at)
        s->at = now;
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = prepare(st,
            "INSERT INTO score(contact_id, at, value, comment) VALUES (?, ?, ?, ?)");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, s->contact_id);
            sqlite3_bind_int64(stmt, 2, (int64_t)s->at);
            sqlite3_bind_int(stmt, 3, s->value);
            bind_text(stmt, 4, s->comment);
        }
        rc = run(st, stmt);
    }
    if (rc == STORE_OK) {
        s->id = sqlite3_last_insert_rowid(st->db);
        rc = refresh_contact(st, s->contact_id);
    }
    rc = write_end(st, rc, rc == STORE_OK
        ? format(_("score %d for %s"), s->value, name) : NULL);
    free(name);
    return rc;
}

enum store_status store_score_list(struct store *st, int64_t contact_id,
                                   struct score_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = prepare(st,
        "SELECT id, contact_id, at, value, comment FROM score WHERE contact_id = ? "
        "ORDER BY at DESC, id DESC");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, contact_id);
    size_t cap = 0;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (reserve((void **)&out->items, out->len, &cap, sizeof *out->items)) {
            rc = no_memory(st);
            break;
        }
        struct score *s = &out->items[out->len++];
        s->id = sqlite3_column_int64(stmt, 0);
        s->contact_id = sqlite3_column_int64(stmt, 1);
        s->at = (time_t)sqlite3_column_int64(stmt, 2);
        s->value = sqlite3_column_int(stmt, 3);
        s->comment = column_text(stmt, 4);
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    finish(st, stmt);
    if (rc != STORE_OK)
        store_score_list_clear(out);
    return rc;
}

/* ---- organisations ------------------------------------------------------------ */

#define ORG_COLUMNS \
    "o.id, o.name, o.notes, " \
    "(SELECT count(*) FROM contact WHERE org_id = o.id AND stage = 0 AND archived = 0), " \
    "(SELECT count(*) FROM contact WHERE org_id = o.id AND stage = 1 AND archived = 0), " \
    "(SELECT count(*) FROM contact WHERE org_id = o.id AND stage = 2 AND archived = 0)"

static void read_org(sqlite3_stmt *stmt, struct org *o)
{
    memset(o, 0, sizeof *o);
    o->id = sqlite3_column_int64(stmt, 0);
    o->name = column_text(stmt, 1);
    o->notes = column_text(stmt, 2);
    for (int s = 0; s < STAGE_COUNT; s++)
        o->stage_counts[s] = sqlite3_column_int(stmt, 3 + s);
}

enum store_status store_org_page(struct store *st, const struct org *after,
                                 size_t limit, struct org_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = prepare(st, after
        ? "SELECT " ORG_COLUMNS " FROM organisation o WHERE (o.name, o.id) > (:name, :id) "
          "ORDER BY o.name, o.id LIMIT :limit"
        : "SELECT " ORG_COLUMNS " FROM organisation o ORDER BY o.name, o.id LIMIT :limit");
    if (!stmt)
        return STORE_FAILED;
    if (after) {
        bind_named_text(stmt, ":name", after->name ? after->name : "");
        bind_named_int(stmt, ":id", after->id);
    }
    bind_named_int(stmt, ":limit", (int64_t)limit + 1);
    size_t cap = 0;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out->len == limit) {
            out->more = true;
            break;
        }
        if (reserve((void **)&out->items, out->len, &cap, sizeof *out->items)) {
            rc = no_memory(st);
            break;
        }
        read_org(stmt, &out->items[out->len++]);
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    finish(st, stmt);
    if (rc != STORE_OK)
        store_org_list_clear(out);
    return rc;
}

enum store_status store_org_get(struct store *st, const char *name,
                                int64_t id, struct org *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = prepare(st, name
        ? "SELECT " ORG_COLUMNS " FROM organisation o WHERE o.name = ?"
        : "SELECT " ORG_COLUMNS " FROM organisation o WHERE o.id = ?");
    if (!stmt)
        return STORE_FAILED;
    if (name)
        bind_text(stmt, 1, name);
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
    finish(st, stmt);
    return rc;
}

/* ---- reports ------------------------------------------------------------------------ */

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median days in each stage: every stay, from its stage change to the
 * next one (or now for the current stage). */
static enum store_status report_medians(struct store *st, time_t now,
                                        struct report *out)
{
    double *days[STAGE_COUNT] = { NULL };
    size_t len[STAGE_COUNT] = { 0 }, cap[STAGE_COUNT] = { 0 };
    sqlite3_stmt *stmt = prepare(st,
        "SELECT to_stage, coalesce(lead(at) OVER (PARTITION BY contact_id "
        "ORDER BY at, id), :now) - at FROM stage_change");
    if (!stmt)
        return STORE_FAILED;
    bind_named_int(stmt, ":now", (int64_t)now);
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        int s = sqlite3_column_int(stmt, 0);
        if (s < 0 || s >= STAGE_COUNT)
            continue;
        if (reserve((void **)&days[s], len[s], &cap[s], sizeof *days[s])) {
            rc = no_memory(st);
            break;
        }
        double secs = (double)sqlite3_column_int64(stmt, 1);
        days[s][len[s]++] = secs > 0 ? secs / 86400.0 : 0.0;
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    finish(st, stmt);
    for (int s = 0; s < STAGE_COUNT; s++) {
        out->median_days[s] = -1;
        if (len[s]) {
            qsort(days[s], len[s], sizeof *days[s], compare_double);
            out->median_days[s] = len[s] % 2 ? days[s][len[s] / 2]
                : (days[s][len[s] / 2 - 1] + days[s][len[s] / 2]) / 2;
        }
        free(days[s]);
    }
    return rc;
}

static void nps_count(struct nps *n, int value)
{
    n->answered++;
    if (value >= 9)
        n->promoters++;
    else if (value <= 6)
        n->detractors++;
}

static enum store_status report_nps(struct store *st, struct report *out)
{
    sqlite3_stmt *stmt = prepare(st,
        "SELECT c.stage, c.roles, s.value FROM score s JOIN contact c ON c.id = s.contact_id "
        "WHERE c.archived = 0 AND s.id = (SELECT id FROM score l "
        "WHERE l.contact_id = s.contact_id ORDER BY l.at DESC, l.id DESC LIMIT 1)");
    if (!stmt)
        return STORE_FAILED;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        int stage = sqlite3_column_int(stmt, 0);
        unsigned roles = (unsigned)sqlite3_column_int(stmt, 1);
        int value = sqlite3_column_int(stmt, 2);
        if (stage >= 0 && stage < STAGE_COUNT)
            nps_count(&out->nps_stage[stage], value);
        if (roles & ROLE_USER)
            nps_count(&out->nps_user, value);
        if (roles & ROLE_DECISION_MAKER)
            nps_count(&out->nps_decision_maker, value);
        nps_count(&out->nps_all, value);
    }
    enum store_status rc = step == SQLITE_DONE ? STORE_OK : db_fail(st);
    finish(st, stmt);
    return rc;
}

enum store_status store_report(struct store *st,
                               const int stage_cadence[STAGE_COUNT],
                               time_t now, struct report *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = prepare(st,
        "SELECT stage, count(*) FROM contact WHERE archived = 0 GROUP BY stage");
    if (!stmt)
        return STORE_FAILED;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        int s = sqlite3_column_int(stmt, 0);
        if (s >= 0 && s < STAGE_COUNT)
            out->stage_counts[s] = sqlite3_column_int64(stmt, 1);
    }
    finish(st, stmt);

    struct date today = date_from_time(now);
    struct date month = { today.year, today.month, 1 };
    struct date quarter = { today.year, (today.month - 1) / 3 * 3 + 1, 1 };
    static const char promotions[] =
        "SELECT count(*) FROM stage_change WHERE at >= ? "
        "AND from_stage IS NOT NULL AND to_stage > from_stage";
    enum store_status rc = query_int(st, promotions,
                                     (int64_t)date_to_time(month),
                                     &out->promotions_month);
    if (rc == STORE_OK)
        rc = query_int(st, promotions, (int64_t)date_to_time(quarter),
                       &out->promotions_quarter);
    if (rc == STORE_OK)
        rc = report_medians(st, now, out);
    if (rc == STORE_OK)
        rc = report_nps(st, out);
    if (rc == STORE_OK) {
        stmt = prepare(st, "SELECT count(*) FROM followup f "
                           "WHERE f.state = 0 AND f.contact_archived = 0 AND f.effective < ?");
        if (!stmt)
            return STORE_FAILED;
        bind_date(stmt, 1, today);
        rc = step_int(st, stmt, &out->overdue);
    }
    if (rc == STORE_OK)
        rc = store_quiet_count(st, stage_cadence, now, &out->quiet);
    return rc;
}

/* ---- search ------------------------------------------------------------------------ */

enum store_status store_search(struct store *st, const char *query,
                               size_t limit, struct search_hit_list *out)
{
    memset(out, 0, sizeof *out);
    bool oom;
    char *q = fts_query(query, false, &oom);
    if (oom)
        return no_memory(st);
    if (!q)
        return STORE_OK;
    struct contact_list contacts;
    sqlite3_stmt *stmt = prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM
        "JOIN contact_fts ON contact_fts.rowid = c.id WHERE contact_fts MATCH ? "
        "ORDER BY c.archived, rank LIMIT ?");
    if (stmt) {
        bind_text(stmt, 1, q);
        sqlite3_bind_int64(stmt, 2, (int64_t)limit + 1);
    }
    enum store_status rc = collect_contacts(st, stmt, limit, &contacts);
    if (rc != STORE_OK) {
        free(q);
        return rc;
    }
    size_t cap = contacts.len;
    out->items = contacts.len ? calloc(contacts.len, sizeof *out->items) : NULL;
    if (contacts.len && !out->items) {
        store_contact_list_clear(&contacts);
        free(q);
        return no_memory(st);
    }
    for (size_t i = 0; i < contacts.len; i++)
        out->items[out->len++].contact = contacts.items[i];
    free(contacts.items);
    out->more = contacts.more;
    if (out->len < limit && !out->more) {
        stmt = prepare(st, "SELECT " CONTACT_COLUMNS ", n.id, "
            "snippet(note_fts, 0, '', '', '…', 12) "
            /* The index leads (its row id holds the note's id) in its own
             * order: ranking every note with a common word would cost
             * more than the few rows shown are worth. */
            "FROM note_fts CROSS JOIN note n ON n.id = (note_fts.rowid & 4294967295) "
            "CROSS JOIN contact c ON c.id = n.contact_id "
            "LEFT JOIN organisation o ON o.id = c.org_id "
            "WHERE note_fts MATCH ? LIMIT ?");
        if (!stmt)
            rc = STORE_FAILED;
        else {
            bind_text(stmt, 1, q);
            sqlite3_bind_int64(stmt, 2, (int64_t)(limit - out->len) + 1);
        }
        int step = SQLITE_DONE;
        while (stmt && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
            if (out->len == limit) {
                out->more = true;
                break;
            }
            if (reserve((void **)&out->items, out->len, &cap, sizeof *out->items)) {
                rc = no_memory(st);
                break;
            }
            struct search_hit *h = &out->items[out->len++];
            rc = read_contact(st, stmt, 0, &h->contact);
            h->note_id = sqlite3_column_int64(stmt, CONTACT_COLUMN_COUNT);
            h->snippet = column_text(stmt, CONTACT_COLUMN_COUNT + 1);
            if (rc != STORE_OK)
                break;
        }
        if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
            rc = db_fail(st);
        finish(st, stmt);
    }
    free(q);
    if (rc != STORE_OK)
        store_search_hit_list_clear(out);
    return rc;
}

/* ---- undo ------------------------------------------------------------------------ */

/* Puts one recorded row back: an insert is deleted, an update or a
 * delete is restored from the saved columns. */
static enum store_status undo_row(struct store *st, const char *op,
                                  const char *table, int64_t row_id,
                                  const char *old_json)
{
    const struct journaled *j = journaled_find(table);
    if (!j)
        return store_fail(st, STORE_FAILED, _("the undo journal names an unknown table %s"),
                          table);
    struct sql_text sql = { .len = 0 };
    if (*op == 'I') {
        sql_add(&sql, "DELETE FROM ");
        sql_add(&sql, j->table);
        sql_add(&sql, " WHERE id = ?1");
    } else if (*op == 'U') {
        sql_add(&sql, "UPDATE ");
        sql_add(&sql, j->table);
        sql_add(&sql, " SET ");
        /* A column the entry did not save (it was written before a
         * migration added the column) keeps its value. */
        for (int c = 0; j->columns[c]; c++) {
            char part[192];
            snprintf(part, sizeof part,
                     "%s%s = CASE WHEN json_type(?2, '$.%s') IS NULL THEN %s "
                     "ELSE json_extract(?2, '$.%s') END",
                     c ? ", " : "", j->columns[c], j->columns[c], j->columns[c],
                     j->columns[c]);
            sql_add(&sql, part);
        }
        sql_add(&sql, " WHERE id = ?1");
    } else {
        sql_add(&sql, "INSERT INTO ");
        sql_add(&sql, j->table);
        sql_add(&sql, "(id");
        for (int c = 0; j->columns[c]; c++) {
            sql_add(&sql, ", ");
            sql_add(&sql, j->columns[c]);
        }
        /* A contact's derived columns start from its creation and are
         * recomputed afterwards. */
        bool contact = strcmp(j->table, "contact") == 0;
        if (contact)
            sql_add(&sql, ", stage_since, last_touch");
        sql_add(&sql, ") VALUES (?1");
        for (int c = 0; j->columns[c]; c++) {
            char part[128];
            snprintf(part, sizeof part, ", json_extract(?2, '$.%s')", j->columns[c]);
            sql_add(&sql, part);
        }
        if (contact)
            sql_add(&sql, ", json_extract(?2, '$.created'), json_extract(?2, '$.created')");
        sql_add(&sql, ")");
    }
    sqlite3_stmt *stmt = prepare_text(st, &sql);
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, row_id);
        if (*op != 'I')
            bind_text(stmt, 2, old_json);
    }
    return run(st, stmt);
}

enum store_status store_undo(struct store *st, struct journal_entry *undone)
{
    return store_undo_entry(st, 0, undone);
}

enum store_status store_undo_entry(struct store *st, int64_t expected,
                                   struct journal_entry *undone)
{
    memset(undone, 0, sizeof *undone);
    if (st->read_only)
        return store_fail(st, STORE_READ_ONLY,
                          _("the database is open read-only; nothing was undone"));
    if (st->depth > 0)
        return store_fail(st, STORE_INVALID, _("nothing can be undone inside another change"));
    enum store_status rc = exec(st, "BEGIN IMMEDIATE");
    if (rc != STORE_OK)
        return rc;
    sqlite3_stmt *stmt = prepare(st, "SELECT id, at, what, undoable FROM journal "
                                      "ORDER BY id DESC LIMIT 1");
    int step = stmt ? sqlite3_step(stmt) : SQLITE_ERROR;
    bool undoable = true;
    if (step == SQLITE_ROW) {
        undone->id = sqlite3_column_int64(stmt, 0);
        undone->at = (time_t)sqlite3_column_int64(stmt, 1);
        undone->what = column_text(stmt, 2);
        undoable = sqlite3_column_int(stmt, 3) != 0;
    } else if (step == SQLITE_DONE) {
        rc = store_fail(st, STORE_NOT_FOUND, _("nothing to undo"));
    } else if (stmt) {
        rc = db_fail(st);
    } else {
        rc = STORE_FAILED;
    }
    finish(st, stmt);
    if (rc == STORE_OK && expected > 0 && undone->id != expected)
        rc = store_fail(st, STORE_CONFLICT,
                        _("another change was made meanwhile; nothing was undone"));
    if (rc == STORE_OK && !undoable) {
        /* The mark goes, so the next undo reaches the change before it. */
        stmt = prepare(st, "DELETE FROM journal WHERE id = ?");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, undone->id);
        rc = run(st, stmt);
        if (rc == STORE_OK)
            rc = exec(st, "COMMIT");
        if (rc == STORE_OK) {
            char *what = text_sanitize(undone->what, false);
            store_journal_entry_clear(undone);
            rc = store_fail(st, STORE_INVALID,
                            _("the last change (%s) cannot be undone; undo again to revert the one before it"),
                            what ? what : "");
            free(what);
            return rc;
        }
    }
    /* Rows come back in any order within the entry; the foreign keys are
     * checked at commit. */
    if (rc == STORE_OK)
        rc = exec(st, "PRAGMA defer_foreign_keys = ON");
    int64_t *contacts = NULL;
    size_t ncontacts = 0, cap = 0;
    if (rc == STORE_OK) {
        stmt = prepare(st, "SELECT op, tbl, row_id, contact_id, old_json FROM journal_row "
                           "WHERE journal_id = ? ORDER BY id DESC");
        if (!stmt)
            rc = STORE_FAILED;
        else
            sqlite3_bind_int64(stmt, 1, undone->id);
        while (rc == STORE_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
            char *op = column_text(stmt, 0), *tbl = column_text(stmt, 1);
            char *old = column_text(stmt, 4);
            if (!op || !tbl)
                rc = no_memory(st);
            else
                rc = undo_row(st, op, tbl, sqlite3_column_int64(stmt, 2), old);
            if (rc == STORE_OK && sqlite3_column_type(stmt, 3) != SQLITE_NULL) {
                int64_t cid = sqlite3_column_int64(stmt, 3);
                bool seen = false;
                for (size_t i = 0; i < ncontacts && !seen; i++)
                    seen = contacts[i] == cid;
                if (!seen) {
                    if (reserve((void **)&contacts, ncontacts, &cap, sizeof *contacts))
                        rc = no_memory(st);
                    else
                        contacts[ncontacts++] = cid;
                }
            }
            free(op);
            free(tbl);
            free(old);
        }
        if (rc == STORE_OK && step != SQLITE_DONE)
            rc = db_fail(st);
        finish(st, stmt);
    }
    for (size_t i = 0; i < ncontacts && rc == STORE_OK; i++)
        rc = refresh_contact(st, contacts[i]);
    free(contacts);
    if (rc == STORE_OK) {
        stmt = prepare(st, "DELETE FROM journal WHERE id = ?");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, undone->id);
        rc = run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = exec(st, "COMMIT");
    if (rc != STORE_OK) {
        rollback_keeping(st, rc);
        store_journal_entry_clear(undone);
    }
    return rc;
}

enum store_status store_journal_recent(struct store *st, size_t limit,
                                       struct journal_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = prepare(st, "SELECT id, at, what, origin IS ? FROM journal "
                                      "ORDER BY id DESC LIMIT ?");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, st->origin);
    sqlite3_bind_int64(stmt, 2, (int64_t)limit + 1);
    size_t cap = 0;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out->len == limit) {
            out->more = true;
            break;
        }
        if (reserve((void **)&out->items, out->len, &cap, sizeof *out->items)) {
            rc = no_memory(st);
            break;
        }
        struct journal_entry *e = &out->items[out->len++];
        e->id = sqlite3_column_int64(stmt, 0);
        e->at = (time_t)sqlite3_column_int64(stmt, 1);
        e->what = column_text(stmt, 2);
        e->own = sqlite3_column_int(stmt, 3) != 0;
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    finish(st, stmt);
    if (rc != STORE_OK)
        store_journal_list_clear(out);
    return rc;
}

/* ---- the whole file ------------------------------------------------------------ */

enum store_status store_backup(struct store *st, const char *path)
{
    char *shown = text_sanitize(path, false);
    mode_t old = umask(077);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    int saved = errno;
    umask(old);
    enum store_status rc = STORE_OK;
    if (fd < 0) {
        if (saved == EEXIST)
            rc = store_fail(st, STORE_FAILED,
                            _("%s already exists; name a new file for the backup"),
                            shown);
        else
            rc = store_fail(st, STORE_FAILED, _("cannot create the backup %s: %s"),
                            shown, strerror(saved));
        free(shown);
        return rc;
    }
    close(fd);
    sqlite3 *dest = NULL;
    if (sqlite3_open_v2(path, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        rc = store_fail(st, STORE_FAILED, _("cannot open the backup %s: %s"), shown,
                        dest ? sqlite3_errmsg(dest) : _("out of memory"));
    } else {
        sqlite3_backup *b = sqlite3_backup_init(dest, "main", st->db, "main");
        if (!b) {
            rc = store_fail(st, STORE_FAILED, _("the backup to %s failed: %s"), shown,
                            sqlite3_errmsg(dest));
        } else {
            /* All at once: the source is read in one consistent snapshot. */
            int step = sqlite3_backup_step(b, -1);
            sqlite3_backup_finish(b);
            if (step != SQLITE_DONE)
                rc = store_fail(st, STORE_FAILED, _("the backup to %s failed: %s"),
                                shown, sqlite3_errstr(step));
        }
    }
    sqlite3_close_v2(dest);
    if (rc != STORE_OK)
        unlink(path);
    free(shown);
    return rc;
}

/* The full-text index is not covered by integrity_check: FTS5 checks its
 * own structure, and it must hold one row per source row. */
static const struct search_index {
    const char *name, *table;
    const char *check, *count_table, *count_index;
} search_indexes[] = {
    { "contact_fts", "contact",
      "INSERT INTO contact_fts(contact_fts) VALUES ('integrity-check')",
      "SELECT count(*) FROM contact", "SELECT count(*) FROM contact_fts" },
    { "note_fts", "note",
      "INSERT INTO note_fts(note_fts) VALUES ('integrity-check')",
      "SELECT count(*) FROM note", "SELECT count(*) FROM note_fts" },
};

static enum store_status fts_check(struct store *st, const struct search_index *ix,
                                   struct strlist *problems)
{
    enum store_status rc = STORE_OK;
    if (!st->read_only && sqlite3_exec(st->db, ix->check, NULL, NULL, NULL) != SQLITE_OK) {
        if (problems)
            strlist_pushf(problems, _("the search index %s is damaged (%s); rebuild it with: rapport check --rebuild-index"),
                          ix->name, sqlite3_errmsg(st->db));
        rc = STORE_FAILED;
    }
    int64_t rows = 0, indexed = 0;
    enum store_status counted = query_int(st, ix->count_table, -1, &rows);
    if (counted == STORE_OK)
        counted = query_int(st, ix->count_index, -1, &indexed);
    if (counted != STORE_OK || rows != indexed) {
        if (problems)
            strlist_pushf(problems, _("the search index %s holds %lld rows for %lld in %s"),
                          ix->name, (long long)indexed, (long long)rows, ix->table);
        rc = STORE_FAILED;
    }
    return rc;
}

/* The search words must be the words of what they come from: each
 * contact's terms are compared with the words of its fields and of its
 * notes (in the order both are sorted in), every row with its contact's
 * name, and the notes' counts in all with the words of every note. */
static const struct word_check {
    const char *name, *differ;
} word_checks[] = {
    { "field_word",
      "SELECT (SELECT count(*) FROM contact c LEFT JOIN organisation o ON o.id = c.org_id "
      "WHERE " FIELD_WORDS " IS NOT (SELECT json_group_array(term) FROM "
      "(SELECT term FROM field_word WHERE contact_id = c.id ORDER BY term))) "
      "+ (SELECT count(*) FROM field_word) "
      "- (SELECT count(*) FROM contact c CROSS JOIN field_word x ON x.contact_id = c.id "
      "WHERE x.name_key = c.name_key AND x.archived = c.archived)" },
    { "note_word",
      "SELECT (SELECT count(*) FROM contact c WHERE "
      "(SELECT json_group_array(term) FROM (SELECT DISTINCT j.value AS term FROM note n, "
      "json_each(rapport_words(n.body)) j WHERE n.contact_id = c.id ORDER BY 1)) "
      "IS NOT (SELECT json_group_array(term) FROM "
      "(SELECT term FROM note_word WHERE contact_id = c.id ORDER BY term))) "
      "+ (SELECT count(*) FROM note_word) "
      "- (SELECT count(*) FROM contact c CROSS JOIN note_word x ON x.contact_id = c.id "
      "WHERE x.name_key = c.name_key AND x.archived = c.archived) "
      "+ abs((SELECT coalesce(sum(json_array_length(rapport_words(body))), 0) FROM note) "
      "- (SELECT coalesce(sum(notes), 0) FROM note_word)) "
      "+ (SELECT count(*) FROM note_word WHERE notes <= 0)" },
};

static enum store_status words_check(struct store *st, const struct word_check *wc,
                                     struct strlist *problems)
{
    int64_t differ = 0;
    enum store_status rc = query_int(st, wc->differ, -1, &differ);
    if (rc != STORE_OK) {
        if (problems)
            strlist_pushf(problems, _("the search index %s cannot be checked (%s); rebuild it with: rapport check --rebuild-index"),
                          wc->name, store_error(st));
        return STORE_FAILED;
    }
    if (differ > 0) {
        if (problems)
            strlist_pushf(problems, _("the search index %s does not agree with the contacts and notes (%lld differences); rebuild it with: rapport check --rebuild-index"),
                          wc->name, (long long)differ);
        return STORE_FAILED;
    }
    return STORE_OK;
}

enum store_status store_rebuild_search(struct store *st)
{
    if (st->read_only)
        return store_fail(st, STORE_READ_ONLY,
                          _("the database is open read-only; the change was not saved"));
    if (st->depth > 0)
        return store_fail(st, STORE_INVALID,
                          _("the search index cannot be rebuilt inside another change"));
    /* Dropped, not emptied: a damaged index may not even delete. The
     * triggers name the tables and find the new ones. */
    enum store_status rc = exec(st, "BEGIN IMMEDIATE");
    if (rc == STORE_OK)
        rc = exec(st, "DROP TABLE IF EXISTS contact_fts; DROP TABLE IF EXISTS note_fts;\n"
                      SEARCH_INDEX_FILL_V4
                      "DELETE FROM field_word; DELETE FROM note_word;\n"
                      SEARCH_WORDS_FILL);
    if (rc == STORE_OK)
        rc = exec(st, "COMMIT");
    if (rc != STORE_OK) {
        rollback_keeping(st, rc);
    }
    return rc;
}

enum store_status store_check(struct store *st, struct strlist *problems)
{
    enum store_status rc = STORE_OK;
    sqlite3_stmt *stmt = prepare(st, "PRAGMA integrity_check");
    if (!stmt)
        return STORE_FAILED;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(stmt, 0);
        if (text && strcmp(text, "ok") != 0) {
            rc = STORE_FAILED;
            /* One row may hold several problems, a line each, under a
             * "*** in database main ***" heading. */
            while (problems && *text) {
                size_t len = strcspn(text, "\n");
                if (len > 0 && strncmp(text, "*** ", 4) != 0)
                    strlist_pushf(problems, "%.*s", (int)len, text);
                text += len;
                if (*text == '\n')
                    text++;
            }
        }
    }
    if (step != SQLITE_DONE) {
        if (problems)
            strlist_push(problems, sqlite3_errmsg(st->db));
        rc = STORE_FAILED;
    }
    finish(st, stmt);
    stmt = prepare(st, "PRAGMA foreign_key_check");
    if (!stmt)
        return STORE_FAILED;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (problems)
            strlist_pushf(problems, _("%s row %lld refers to a missing %s"),
                          (const char *)sqlite3_column_text(stmt, 0),
                          (long long)sqlite3_column_int64(stmt, 1),
                          (const char *)sqlite3_column_text(stmt, 2));
        rc = STORE_FAILED;
    }
    finish(st, stmt);
    for (size_t i = 0; i < sizeof search_indexes / sizeof search_indexes[0]; i++)
        if (fts_check(st, &search_indexes[i], problems) != STORE_OK)
            rc = STORE_FAILED;
    for (size_t i = 0; i < sizeof word_checks / sizeof word_checks[0]; i++)
        if (words_check(st, &word_checks[i], problems) != STORE_OK)
            rc = STORE_FAILED;
    if (rc != STORE_OK)
        store_fail(st, rc, _("%s has problems: see the list"), st->shown_path);
    return rc;
}
