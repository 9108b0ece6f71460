/* Checking the whole file (integrity, foreign keys, the full-text index,
 * the search words, a contact's details, mail) and making the search
 * index again. Uses base/i18n.h, store/db.h, store/schema.h. */
#include <config.h>

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "store/check.h"
#include "store/db.h"
#include "store/schema.h"

static void problem_clear(struct check_problem *p)
{
    free(p->text);
    memset(p, 0, sizeof *p);
}

LIST_CLEAR(store_check_problems_clear, check_problem_list, problem_clear)

/* Adds a problem to the list (when there is one; out of memory, the
 * status still says the file has problems). */
static void problem(struct check_problem_list *l, enum store_advice advice,
                    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void problem(struct check_problem_list *l, enum store_advice advice,
                    const char *fmt, ...)
{
    if (!l)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *text = db_vformat(fmt, ap);
    va_end(ap);
    /* A check finds a few problems: the list grows by one each. */
    struct check_problem *grown = text ? realloc(l->items, (l->len + 1) * sizeof *grown) : NULL;
    if (!grown) {
        free(text);
        return;
    }
    l->items = grown;
    l->items[l->len++] = (struct check_problem){ text, advice };
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
      /* Its rows are read from note: the sizes it keeps are its own. */
      "SELECT count(*) FROM note", "SELECT count(*) FROM note_fts_docsize" },
};

static enum store_status fts_check(struct store *st, const struct search_index *ix,
                                   struct check_problem_list *problems)
{
    enum store_status rc = STORE_OK;
    if (!st->read_only && sqlite3_exec(st->db, ix->check, NULL, NULL, NULL) != SQLITE_OK) {
        problem(problems, STORE_ADVICE_REBUILD_INDEX, _("the search index %s is damaged (%s)"),
                ix->name, sqlite3_errmsg(st->db));
        rc = STORE_FAILED;
    }
    int64_t rows = 0, indexed = 0;
    enum store_status counted = db_query_int(st, ix->count_table, -1, &rows);
    if (counted == STORE_OK)
        counted = db_query_int(st, ix->count_index, -1, &indexed);
    if (counted != STORE_OK || rows != indexed) {
        problem(problems, STORE_ADVICE_NONE, _("the search index %s holds %lld rows for %lld in %s"),
                ix->name, (long long)indexed, (long long)rows, ix->table);
        rc = STORE_FAILED;
    }
    return rc;
}

/* The search words must be the words of what they come from. Each
 * side is summed in one pass as hashes of (contact, term)
 * (rapport_words_hash, rapport_hash_sum, store/words.c): the words of every contact's
 * fields with its field_word rows, the words of every note with the
 * note_word rows, each weighed by how many notes hold it; the terms by
 * contact (the _by_contact tables) with the rows' own. Every row must
 * have its contact's name key and archived flag. A sum that differs
 * counts as one difference. */
#define WORD_SUMS_DIFFER(a, b) "((" a ") IS NOT (" b "))"
#define BY_CONTACT_AGREE(t) \
    "+ abs((SELECT count(*) FROM " t ") - (SELECT count(*) FROM " t "_by_contact)) " \
    "+ " WORD_SUMS_DIFFER("SELECT rapport_hash_sum(rapport_word_hash(contact_id, term)) FROM " t, \
                          "SELECT rapport_hash_sum(rapport_word_hash(contact_id, term)) FROM " t "_by_contact") " " \
    "+ (SELECT count(*) FROM " t ") " \
    "- (SELECT count(*) FROM " t " x CROSS JOIN contact c ON c.id = x.contact_id " \
    "WHERE x.name_key = c.name_key AND x.archived = c.archived)"
static const struct word_check {
    const char *name, *differ;
} word_checks[] = {
    { "field_word",
      "SELECT " WORD_SUMS_DIFFER("SELECT rapport_hash_sum(rapport_words_hash(c.id, " FIELD_TEXT_V7 ")) "
                                 "FROM contact c LEFT JOIN organisation o ON o.id = c.org_id",
                                 "SELECT rapport_hash_sum(rapport_word_hash(contact_id, term)) FROM field_word") " "
      BY_CONTACT_AGREE("field_word") },
    { "note_word",
      "SELECT " WORD_SUMS_DIFFER("SELECT rapport_hash_sum(rapport_words_hash(contact_id, body)) FROM note",
                                 "SELECT rapport_hash_sum(rapport_word_hash(contact_id, term, notes)) FROM note_word") " "
      BY_CONTACT_AGREE("note_word") " "
      "+ (SELECT count(*) FROM note_word WHERE notes <= 0)" },
};

static enum store_status words_check(struct store *st, const struct word_check *wc,
                                     struct check_problem_list *problems)
{
    int64_t differ = 0;
    enum store_status rc = db_query_int(st, wc->differ, -1, &differ);
    if (rc != STORE_OK) {
        problem(problems, STORE_ADVICE_REBUILD_INDEX, _("the search index %s cannot be checked (%s)"),
                wc->name, store_error(st));
        return STORE_FAILED;
    }
    if (differ > 0) {
        problem(problems, STORE_ADVICE_REBUILD_INDEX,
                _("the search index %s does not agree with the contacts and notes (%lld differences)"),
                wc->name, (long long)differ);
        return STORE_FAILED;
    }
    return STORE_OK;
}

/* The figures kept per organisation (schema version 7) agree with its
 * contacts and their scores. */
static enum store_status org_figures_check(struct store *st,
                                           struct check_problem_list *problems)
{
    int64_t differ = 0;
    enum store_status rc = db_query_int(st, ORG_FIGURES_DIFFER, -1, &differ);
    if (rc != STORE_OK) {
        problem(problems, STORE_ADVICE_REBUILD_INDEX,
                _("the organisations' figures cannot be checked (%s)"), store_error(st));
        return STORE_FAILED;
    }
    if (differ > 0) {
        problem(problems, STORE_ADVICE_REBUILD_INDEX,
                _("the organisations' figures do not agree with their contacts (%lld differences)"),
                (long long)differ);
        return STORE_FAILED;
    }
    return STORE_OK;
}

/* Counts the rows `sql` finds breaking a rule into *bad; a query that
 * fails is a problem of its own. */
static enum store_status count_bad(struct store *st, struct check_problem_list *problems,
                                   const char *sql, int64_t *bad)
{
    *bad = 0;
    enum store_status rc = db_query_int(st, sql, -1, bad);
    if (rc != STORE_OK)
        problem(problems, STORE_ADVICE_NONE, "%s", store_error(st));
    return rc;
}

/* What each contact keeps of its history (db_refresh_contact): stage,
 * since when, last interaction, next follow-up, note count, own due
 * date; what every list sorts and filters by. */
static enum store_status contact_derived_check(struct store *st,
                                               struct check_problem_list *problems)
{
    int64_t differ;
    enum store_status rc = count_bad(st, problems,
        "SELECT count(*) FROM contact c WHERE " CONTACT_DERIVED_WRONG("c.id", "c.")
        " OR " CONTACT_OWN_DUE_WRONG("c."), &differ);
    if (rc != STORE_OK || differ == 0)
        return rc;
    problem(problems, STORE_ADVICE_REBUILD_INDEX,
            ngettext("%lld contact's stage, last interaction, next follow-up or note count "
                     "does not agree with its history",
                     "%lld contacts' stages, last interactions, next follow-ups or note "
                     "counts do not agree with their history",
                     (unsigned long)differ),
            (long long)differ);
    return STORE_FAILED;
}

/* What each follow-up keeps of its contact (db_refresh_contact): whether
 * it is archived (version 4) and its owner (version 8), which the
 * follow-up lists read without the contact. */
static enum store_status followup_contact_check(struct store *st,
                                                struct check_problem_list *problems)
{
    int64_t differ;
    enum store_status rc = count_bad(st, problems,
        "SELECT count(*) FROM followup f JOIN contact c ON c.id = f.contact_id "
        "WHERE " FOLLOWUP_CONTACT_WRONG("f", "c"), &differ);
    if (rc != STORE_OK || differ == 0)
        return rc;
    problem(problems, STORE_ADVICE_REBUILD_INDEX,
            ngettext("%lld follow-up does not agree with its contact's archive or owner",
                     "%lld follow-ups do not agree with their contact's archive or owner",
                     (unsigned long)differ),
            (long long)differ);
    return STORE_FAILED;
}

/* Mail: a message is either logged on contacts or waits for review,
 * never both (rapport mail checks the Message-ID before either). */
static enum store_status mail_check(struct store *st, struct check_problem_list *problems)
{
    int64_t both;
    enum store_status rc = count_bad(st, problems,
        "SELECT count(*) FROM mail_review m WHERE EXISTS "
        "(SELECT 1 FROM note n WHERE n.message_id = m.message_id)", &both);
    if (rc != STORE_OK || both == 0)
        return rc;
    problem(problems, STORE_ADVICE_NONE,
            ngettext("%lld message waits for review though it was logged on a contact",
                     "%lld messages wait for review though they were logged on a contact",
                     (unsigned long)both),
            (long long)both);
    return STORE_FAILED;
}

/* The undo journal's runs of inserted rows (version 9): a run is of
 * inserts, ends after it begins, and spans no more contacts than it has
 * rows (each contact of the span has one). */
static enum store_status journal_check(struct store *st, struct check_problem_list *problems)
{
    int64_t bad;
    enum store_status rc = count_bad(st, problems,
        "SELECT count(*) FROM journal_row WHERE "
        "(row_last IS NOT NULL OR contact_last IS NOT NULL) AND "
        "(op <> 'I' OR row_last IS NULL OR row_last <= row_id "
        "OR contact_id IS NULL OR contact_last IS NULL OR contact_last < contact_id "
        "OR contact_last - contact_id > row_last - row_id)", &bad);
    if (rc != STORE_OK || bad == 0)
        return rc;
    problem(problems, STORE_ADVICE_NONE,
            ngettext("the undo journal has %lld run of rows that breaks its rules",
                     "the undo journal has %lld runs of rows that break its rules",
                     (unsigned long)bad),
            (long long)bad);
    return STORE_FAILED;
}

/* A contact's addresses, web pages and other properties as the domain
 * writes them (core/contact.c validates them): each table's rows that
 * break its rules, counted. 100 is CONTACT_LIST_MAX. */
static const struct detail_check {
    const char *table, *bad;
} detail_checks[] = {
    { "contact_address",
      "SELECT count(*) FROM contact_address WHERE "
      "(kind IS NOT NULL AND kind NOT IN ('home', 'work')) "
      "OR coalesce(pobox, extended, street, locality, region, code, country) IS NULL "
      "OR contact_id IN (SELECT contact_id FROM contact_address "
      "GROUP BY contact_id HAVING count(*) > 100)" },
    { "contact_url",
      "SELECT count(*) FROM contact_url WHERE url = '' "
      "OR (kind IS NOT NULL AND kind NOT IN ('home', 'work')) "
      "OR instr(url, char(10)) OR instr(url, char(13)) "
      "OR contact_id IN (SELECT contact_id FROM contact_url "
      "GROUP BY contact_id HAVING count(*) > 100)" },
    { "contact_extra",
      "SELECT count(*) FROM contact_extra WHERE instr(line, ':') < 2 "
      "OR instr(line, char(10)) OR instr(line, char(13)) "
      "OR contact_id IN (SELECT contact_id FROM contact_extra "
      "GROUP BY contact_id HAVING count(*) > 100)" },
};

static enum store_status details_check(struct store *st, const struct detail_check *dc,
                                       struct check_problem_list *problems)
{
    int64_t bad = 0;
    if (db_query_int(st, dc->bad, -1, &bad) != STORE_OK) {
        problem(problems, STORE_ADVICE_NONE, "%s: %s", dc->table, store_error(st));
        return STORE_FAILED;
    }
    if (bad > 0) {
        problem(problems, STORE_ADVICE_NONE,
                ngettext("%s: %lld row breaks the rules a contact's details are written by",
                         "%s: %lld rows break the rules a contact's details are written by",
                         (unsigned long)bad),
                dc->table, (long long)bad);
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
    enum store_status rc = db_exec(st, "BEGIN IMMEDIATE");
    if (rc == STORE_OK)
        rc = db_exec(st, "DROP TABLE IF EXISTS contact_fts; DROP TABLE IF EXISTS note_fts;\n"
                      SEARCH_INDEX_FILL_V7
                      "DELETE FROM field_word; DELETE FROM note_word;\n"
                      "DELETE FROM field_word_by_contact; DELETE FROM note_word_by_contact;\n"
                      SEARCH_WORDS_FILL_V7
                      "DELETE FROM search_pending; DELETE FROM search_pending_note;\n"
                      "DELETE FROM search_state;\n"
                      "INSERT INTO search_state VALUES (1, NULL);\n"
                      "UPDATE contact SET latest_score = (SELECT value FROM score s "
                      "WHERE s.contact_id = contact.id ORDER BY at DESC, id DESC LIMIT 1);\n"
                      "UPDATE contact SET " CONTACT_DERIVED_COLUMNS("") " = "
                      CONTACT_DERIVED("contact.id", "") " WHERE "
                      CONTACT_DERIVED_WRONG("contact.id", "") ";\n"
                      "UPDATE contact SET own_due = " CONTACT_OWN_DUE("") " WHERE "
                      CONTACT_OWN_DUE_WRONG("") ";\n"
                      "UPDATE followup SET contact_archived = c.archived, contact_owner = c.owner "
                      "FROM contact c WHERE c.id = followup.contact_id AND "
                      FOLLOWUP_CONTACT_WRONG("followup", "c") ";\n"
                      ORG_FIGURES_FILL);
    if (rc == STORE_OK)
        rc = db_exec(st, "COMMIT");
    if (rc != STORE_OK) {
        db_rollback_keeping(st, rc);
    }
    return rc;
}

/* The check reads every page of the file, some of them many times:
 * mapped into memory they cost no read() each (on the database of SPEC
 * §9, half of the integrity check's time went to the kernel). Not for
 * a team database, whose file another member could shorten under the
 * mapping (SIGBUS). */
#define CHECK_MMAP "PRAGMA mmap_size = 4294967296"

/* SQLite's own check of every page, row and index entry, its problems
 * added to the list: the longest part (8 s of 15 on the database of
 * SPEC §9). */
static enum store_status pages_check(sqlite3 *db, struct check_problem_list *problems)
{
    enum store_status rc = STORE_OK;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK) {
        problem(problems, STORE_ADVICE_NONE, "%s", sqlite3_errmsg(db));
        return STORE_FAILED;
    }
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
                    problem(problems, STORE_ADVICE_NONE, "%.*s", (int)len, text);
                text += len;
                if (*text == '\n')
                    text++;
            }
        }
    }
    if (step != SQLITE_DONE) {
        problem(problems, STORE_ADVICE_NONE, "%s", sqlite3_errmsg(db));
        rc = STORE_FAILED;
    }
    sqlite3_finalize(stmt);
    return rc;
}

/* The pages are checked on a connection of their own, on the other
 * core, while this one checks the rest: the check takes the longer of
 * the two instead of both. */
struct pages_run {
    sqlite3 *db;
    struct check_problem_list problems;
    enum store_status rc;
};

static void *pages_thread(void *arg)
{
    struct pages_run *run = arg;
    run->rc = pages_check(run->db, &run->problems);
    return NULL;
}

/* A second, read-only connection to the file this one opened (the
 * folder is the user's or the team's, checked then), never through a
 * link; NULL when it cannot be had, and the pages are checked here. */
static sqlite3 *second_connection(struct store *st)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(st->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW,
                        NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 5000);
    if (!st->shared)
        sqlite3_exec(db, CHECK_MMAP, NULL, NULL, NULL);
    return db;
}

static enum store_status checks(struct store *st, struct check_problem_list *problems);

enum store_status store_check(struct store *st, struct check_problem_list *problems)
{
    if (!st->shared)
        db_exec(st, CHECK_MMAP);
    struct pages_run run = { .db = second_connection(st) };
    pthread_t thread;
    bool apart = run.db && pthread_create(&thread, NULL, pages_thread, &run) == 0;
    if (!apart)
        run.rc = pages_check(st->db, &run.problems);
    struct check_problem_list rest = { 0 };
    enum store_status rc = checks(st, &rest);
    if (apart)
        pthread_join(thread, NULL);
    sqlite3_close(run.db);
    if (!st->shared)
        db_exec(st, "PRAGMA mmap_size = 0");
    /* The pages' problems first, as they were found first before. */
    for (size_t i = 0; problems && i < run.problems.len; i++)
        problem(problems, run.problems.items[i].advice, "%s", run.problems.items[i].text);
    for (size_t i = 0; problems && i < rest.len; i++)
        problem(problems, rest.items[i].advice, "%s", rest.items[i].text);
    store_check_problems_clear(&run.problems);
    store_check_problems_clear(&rest);
    if (run.rc != STORE_OK && rc == STORE_OK)
        rc = store_fail(st, run.rc, _("%s has problems: see the list"), st->shown_path);
    return rc;
}

static enum store_status checks(struct store *st, struct check_problem_list *problems)
{
    enum store_status rc = STORE_OK;
    int step;
    sqlite3_stmt *stmt;
    stmt = db_prepare(st, "PRAGMA foreign_key_check");
    if (!stmt)
        return STORE_FAILED;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        problem(problems, STORE_ADVICE_NONE, _("%s row %lld refers to a missing %s"),
                (const char *)sqlite3_column_text(stmt, 0),
                (long long)sqlite3_column_int64(stmt, 1),
                (const char *)sqlite3_column_text(stmt, 2));
        rc = STORE_FAILED;
    }
    db_finish(st, stmt);
    for (size_t i = 0; i < sizeof search_indexes / sizeof search_indexes[0]; i++)
        if (fts_check(st, &search_indexes[i], problems) != STORE_OK)
            rc = STORE_FAILED;
    for (size_t i = 0; i < sizeof word_checks / sizeof word_checks[0]; i++)
        if (words_check(st, &word_checks[i], problems) != STORE_OK)
            rc = STORE_FAILED;
    if (org_figures_check(st, problems) != STORE_OK)
        rc = STORE_FAILED;
    if (mail_check(st, problems) != STORE_OK)
        rc = STORE_FAILED;
    if (journal_check(st, problems) != STORE_OK)
        rc = STORE_FAILED;
    if (followup_contact_check(st, problems) != STORE_OK)
        rc = STORE_FAILED;
    if (contact_derived_check(st, problems) != STORE_OK)
        rc = STORE_FAILED;
    for (size_t i = 0; i < sizeof detail_checks / sizeof detail_checks[0]; i++)
        if (details_check(st, &detail_checks[i], problems) != STORE_OK)
            rc = STORE_FAILED;
    /* An import indexes its words before it commits (search_later.c):
     * nothing may be left waiting, and indexing must be on. */
    int64_t waiting = 0;
    if (db_query_int(st, "SELECT (SELECT count(*) FROM search_pending) "
                         "+ (SELECT count(*) FROM search_pending_note) "
                         "+ (SELECT count(*) FROM search_state WHERE deferring IS NOT NULL) "
                         "+ abs(1 - (SELECT count(*) FROM search_state))", -1, &waiting) != STORE_OK
        || waiting > 0) {
        problem(problems, STORE_ADVICE_REBUILD_INDEX,
                _("the search index has words waiting to be written (%lld)"),
                (long long)waiting);
        rc = STORE_FAILED;
    }
    if (rc != STORE_OK)
        store_fail(st, rc, _("%s has problems: see the list"), st->shown_path);
    return rc;
}
