/* What the files of store/ share, and nothing above store/ includes:
 * the connection, its messages and statements (db.c), and, named by the
 * file that defines them, the few functions several files use. Uses
 * base/date.h, base/strlist.h, model/contact.h, model/note.h,
 * store/store.h. */
#ifndef RAPPORT_STORE_DB_H
#define RAPPORT_STORE_DB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include <sqlite3.h>

#include "base/date.h"
#include "base/strlist.h"
#include "model/contact.h"
#include "model/note.h"
#include "store/store.h"

/* next_due of a contact without open follow-ups: sorts after every date,
 * so "soonest first, none last" is one index scan. */
#define NO_DUE "9999-12-31"

/* A contact's derived columns as its history makes them (SPEC §9: kept
 * when written, never recomputed when read), for the contact whose id
 * is the SQL `id` and whose own columns are read through `row` ("" or
 * "c."): one text for the refresh after each write (contact_write.c),
 * and for the check that compares and the rebuild that mends (check.c).
 * The last interaction, and so what touches a contact (SPEC §2,
 * cadence): a note, a follow-up done, a score, a stage change but the
 * first; one never touched counts from when it was added. Every list,
 * gone quiet and the contact's page read last_touch. */
#define CONTACT_STAGE(id, row) \
    "coalesce((SELECT to_stage FROM stage_change WHERE contact_id = " id \
    " ORDER BY at DESC, id DESC LIMIT 1), " row "stage)"
#define CONTACT_STAGE_SINCE(id, row) \
    "coalesce((SELECT at FROM stage_change WHERE contact_id = " id \
    " ORDER BY at DESC, id DESC LIMIT 1), " row "created)"
#define CONTACT_LAST_TOUCH(id, row) \
    "max(" row "created, " \
    "coalesce((SELECT max(at) FROM note WHERE contact_id = " id "), 0), " \
    "coalesce((SELECT max(done_at) FROM followup WHERE contact_id = " id \
    " AND state = 1), 0), " \
    "coalesce((SELECT max(at) FROM score WHERE contact_id = " id "), 0), " \
    "coalesce((SELECT max(at) FROM stage_change WHERE contact_id = " id \
    " AND from_stage IS NOT NULL), 0))"
#define CONTACT_NEXT_DUE(id) \
    "coalesce((SELECT min(effective) FROM followup WHERE contact_id = " id \
    " AND state = 0), '" NO_DUE "')"
#define CONTACT_NOTE_COUNT(id) "(SELECT count(*) FROM note WHERE contact_id = " id ")"
/* From the last_touch the row holds. */
#define CONTACT_OWN_DUE(row) \
    "CASE WHEN " row "cadence_days > 0 THEN " row "last_touch + 86400 * " \
    row "cadence_days END"
#define CONTACT_DERIVED_COLUMNS(row) \
    "(" row "stage, " row "stage_since, " row "last_touch, " row "next_due, " \
    row "note_count)"
#define CONTACT_DERIVED(id, row) \
    "(" CONTACT_STAGE(id, row) ", " CONTACT_STAGE_SINCE(id, row) ", " \
    CONTACT_LAST_TOUCH(id, row) ", " CONTACT_NEXT_DUE(id) ", " CONTACT_NOTE_COUNT(id) ")"
/* The derived columns of the contact (id, row) that differ from its
 * history; the own due date from the last_touch it holds. */
#define CONTACT_DERIVED_WRONG(id, row) \
    CONTACT_DERIVED_COLUMNS(row) " IS NOT " CONTACT_DERIVED(id, row)
#define CONTACT_OWN_DUE_WRONG(row) row "own_due IS NOT " CONTACT_OWN_DUE(row)
/* What follow-up f keeps of its contact c (archived, owner) is not c's. */
#define FOLLOWUP_CONTACT_WRONG(f, c) \
    "(" f ".contact_archived IS NOT " c ".archived OR " f ".contact_owner IS NOT " \
    c ".owner)"
/* Journal row r is a run whose span of contacts holds contact x (the
 * contact_id of a single row is matched apart, by its index). */
#define JOURNAL_RUN_SPANS(r, x) \
    "(" r "contact_last IS NOT NULL AND " r "contact_last >= " x " AND " \
    r "contact_id <= " x ")"

/* Statements of every write, prepared once per connection. */
#define KEPT_MAX 24
/* Other statements kept once prepared, the most recently used ones. */
#define CACHED_MAX 64

struct store {
    sqlite3 *db;
    char *path;
    char *shown_path;     /* path made safe for messages */
    char *error;
    enum store_advice advice;    /* what goes with error */
    /* While store_open_with runs: whom to tell of a long upgrade. */
    const struct store_opening *opening;
    bool read_only;
    bool shared;          /* a team database (STORE_OPEN_SHARED) */
    /* The login of the real user, recorded as the author of every
     * write (team.c); the file owner's, which the rows from before
     * authors were recorded are given by the migration. */
    char author[64];
    char file_owner[64];
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
    /* Preparing a statement compiles every trigger it fires (a contact's
     * insert fires a dozen), which cost an import more than its writes;
     * db_prepare() hands out a finished statement of the same text again. */
    struct {
        sqlite3_stmt *stmt;
        uint32_t hash;    /* of its text */
        bool busy;        /* handed out, not yet finished */
        uint64_t used;    /* when last handed out */
    } cached[CACHED_MAX];
    size_t ncached;
    uint64_t ticks;
    fts5_tokenizer word_api;  /* see db_split_words() */
    Fts5Tokenizer *words;
    /* What a trigger or a view may use: see schema_guard(). */
    struct strlist safe_functions;   /* sorted, case-insensitive */
    struct strlist modules;          /* virtual table modules, sorted */
    /* What schema_guard() last refused, for db_fail(): SQLite's own
     * message does not name the trigger. */
    char refused_by[64], refused_use[64];
};

/* ---- db.c: messages ------------------------------------------------------ */

char *db_vformat(const char *fmt, va_list ap);
char *db_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Turns SQLite's last error into a status and a message that says what
 * to do about it. */
enum store_status db_fail(struct store *st);
enum store_status db_no_memory(struct store *st);
/* Gives the failure just made (rc, its message from store_fail) the
 * advice that goes with it; returns rc. */
enum store_status db_advise(struct store *st, enum store_status rc,
                            enum store_advice advice);

/* ---- db.c: statements ---------------------------------------------------- */

/* A statement for sql: a finished one of the same text again when the
 * cache has one; db_finish() ends its use. */
sqlite3_stmt *db_prepare(struct store *st, const char *sql);
/* Like db_prepare() for a static SQL string run by every write: the
 * statement is kept, and db_finish() only resets it. */
sqlite3_stmt *db_prepare_kept(struct store *st, const char *sql);
/* Ends the use of a statement: resets a kept or cached one, finalizes
 * others. */
void db_finish(struct store *st, sqlite3_stmt *stmt);
int db_bind_text(sqlite3_stmt *stmt, int i, const char *text);
/* Binds a named parameter when the statement has it. */
void db_bind_named_text(sqlite3_stmt *stmt, const char *name, const char *text);
void db_bind_named_int(sqlite3_stmt *stmt, const char *name, int64_t v);
char *db_column_text(sqlite3_stmt *stmt, int i);
struct date db_column_date(sqlite3_stmt *stmt, int i);
void db_bind_date(sqlite3_stmt *stmt, int i, struct date d);
/* Runs a statement that returns no rows (or whose rows do not matter). */
enum store_status db_run(struct store *st, sqlite3_stmt *stmt);
enum store_status db_exec(struct store *st, const char *sql);
/* One static statement of every write. */
enum store_status db_exec_kept(struct store *st, const char *sql);
/* One integer from a query with one bound integer (bind < 0: none). */
enum store_status db_query_int(struct store *st, const char *sql, int64_t bind,
                               int64_t *out);
/* Steps a prepared statement that yields one integer (a count), and
 * ends it; NULL (a failed prepare) stays a failure. */
enum store_status db_step_int(struct store *st, sqlite3_stmt *stmt, int64_t *out);
/* Grows a list's array for one more item. */
int db_reserve(void **items, size_t len, size_t *cap, size_t size);

/* A text built from fixed fragments of SQL (never from user input). A
 * fragment that does not fit marks it too long, and db_prepare_text()
 * refuses it: a statement cut short could still be valid SQL. */
struct sql_text {
    char buf[16384];
    size_t len;
    bool overflow;
};

void db_sql_add(struct sql_text *s, const char *part);
void db_sql_addf(struct sql_text *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
sqlite3_stmt *db_prepare_text(struct store *st, const struct sql_text *sql);

/* ---- words.c ------------------------------------------------------------- */

/* The distinct words of text, sorted; SQLITE_OK or an SQLite error. */
int db_split_words(struct store *st, const char *text, struct strlist *out);
/* Takes FTS5's tokenizer and makes rapport_words() for the triggers. */
enum store_status db_words_open(struct store *st);

/* ---- guard.c ------------------------------------------------------------- */

/* Limits what the schema's triggers and views may run; after every
 * function is registered (rapport_words() among them). */
enum store_status db_guard_open(struct store *st);

/* ---- migrate.c and journal.c --------------------------------------------- */

/* A team database's folder and files as it is opened (team.c): the
 * warnings of a folder without setgid and of a file of another group,
 * the group's write access given back to the member's own -wal and
 * -shm, a colleague's that shut the team out refused (a message). */
char *db_team_check_folder(int dir, const char *folder,
                           struct strlist *warnings);
char *db_team_check_file(int dir, const char *name, const char *shown,
                         mode_t db_mode, struct strlist *warnings);

/* Who writes through this connection, and rapport_file_owner() for the
 * migration to version 7 (team.c). */
enum store_status db_team_open(struct store *st);

/* The login of whoever made the last journaled change of a contact,
 * into buf; false when none is known. */
bool db_team_last_author(struct store *st, int64_t contact_id, char *buf,
                         size_t size);

/* Takes the schema to the version this build writes. */
enum store_status db_migrate(struct store *st);
/* The journal triggers each migration makes again. */
enum store_status db_migrate_v2_triggers(struct store *st);
enum store_status db_migrate_v4_triggers(struct store *st);
enum store_status db_migrate_v6_triggers(struct store *st);
enum store_status db_migrate_v7_triggers(struct store *st);
enum store_status db_migrate_v9_triggers(struct store *st);
/* Puts one row the journal recorded back: an insert (a run of them,
 * row_id to row_last) is deleted, an update or a delete restored from
 * the saved columns (journal.c). */
enum store_status db_journal_revert_row(struct store *st, const char *op,
                                        const char *table, int64_t row_id,
                                        int64_t row_last, const char *old_json);

/* Starts a write: BEGIN IMMEDIATE and a new journal entry that the
 * triggers record into; inside a batch, a savepoint that joins it. */
enum store_status db_write_begin(struct store *st, time_t now);
/* Ends a write: commits when rc is STORE_OK (naming the change `what`,
 * which it frees), else rolls back and keeps the message. */
enum store_status db_write_end(struct store *st, enum store_status rc, char *what);
/* Rolls the open transaction back, keeping the message of what failed. */
void db_rollback_keeping(struct store *st, enum store_status rc);

/* ---- contact_read.c and contact_write.c ---------------------------------- */

#define CONTACT_COLUMNS \
    "c.id, c.name, o.name, c.title, c.roles, c.stage, c.stage_since, " \
    "c.projects, c.goals, c.channel, c.cadence_days, c.created, c.updated, " \
    "c.last_touch, c.next_due, c.note_count, c.archived, c.version, " \
    "c.department, c.owner"
#define CONTACT_COLUMN_COUNT 20
#define CONTACT_FROM " FROM contact c LEFT JOIN organisation o ON o.id = c.org_id "

/* Reads a contact from CONTACT_COLUMNS starting at column `at`, and its
 * emails, phones and tags. */
enum store_status db_read_contact(struct store *st, sqlite3_stmt *stmt, int at,
                                  struct contact *c);
/* Appends the contact of the statement's row, from column at, to out
 * (cap: its room). */
enum store_status db_append_contact(struct store *st, sqlite3_stmt *stmt, int at,
                                    struct contact_list *out, size_t *cap);
/* Steps stmt and collects contacts (CONTACT_COLUMNS first) up to limit;
 * sets more when one more row was there. Finalizes stmt. */
enum store_status db_collect_contacts(struct store *st, sqlite3_stmt *stmt,
                                      size_t limit, struct contact_list *out);

/* Writes c's addresses, web pages and other properties (contact_details.c)
 * inside an add (fresh: nothing is stored yet) or an update (only when
 * c->details, and only the lists that differ from what is stored). */
enum store_status db_write_details(struct store *st, const struct contact *c,
                                   bool fresh);

/* Rewrites a contact's derived columns from its history. */
enum store_status db_refresh_contact(struct store *st, int64_t id);
/* The contact's name made safe for a terminal, for messages and the
 * journal; NOT_FOUND with a message when there is no such contact. */
enum store_status db_contact_name(struct store *st, int64_t id, char **name);

/* ---- note.c and search.c ------------------------------------------------- */

/* Inserts a note inside a write (at 0: now; kind "": note). */
enum store_status db_insert_note(struct store *st, struct note *n, time_t now);
/* What a person typed made into an FTS5 query of prefixes, within
 * columns ("{name org}") unless NULL; NULL without a word (sets *oom
 * when out of memory). Free it. */
char *db_fts_query(const char *text, const char *columns, bool *oom);
/* The characters of s's first len bytes (UTF-8). */
size_t db_utf8_chars(const char *s, size_t len);

#endif
