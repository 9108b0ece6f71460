/* Tests of the undo journal's runs (schema version 9): the rows one
 * change inserts one after another into a table are one journal row,
 * and undo, redo, forget, "changed by" and check read them as the rows
 * they stand for. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "model/contact.h"
#include "model/journal.h"
#include "model/note.h"
#include "model/stage.h"
#include "store/check.h"
#include "store/contact.h"
#include "store/forget.h"
#include "store/journal.h"
#include "store/note.h"
#include "store/store.h"
#include "store/team.h"
#include "../lib/tap.h"

#define NOW 1790000000

static char dir[256];

/* The first column of the first row, as a number (-1 for none). */
static int64_t raw_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    int64_t n = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
        && sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    else
        printf("# %s: %s\n", sql, db ? sqlite3_errmsg(db) : "?");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
}

static bool raw_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    char *msg = NULL;
    bool fine = sqlite3_open(path, &db) == SQLITE_OK
                && sqlite3_busy_timeout(db, 5000) == SQLITE_OK
                && sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK;
    if (!fine)
        printf("# %s: %s\n", path, msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    sqlite3_close(db);
    return fine;
}

static struct store *open_new(const char *name, char *path, size_t size)
{
    snprintf(path, size, "%s/%s", dir, name);
    struct store *st = NULL;
    char *error = NULL;
    if (store_open(path, STORE_OPEN_CREATE, &st, &error, NULL) != STORE_OK) {
        printf("# %s: %s\n", path, error ? error : "?");
        st = NULL;
    }
    free(error);
    return st;
}

static int64_t add(struct store *st, const char *name, const char *email)
{
    struct contact c = { .stage = STAGE_END_USER, .cadence_days = -1,
                         .roles = ROLE_USER };
    c.name = strdup(name);
    if (email)
        strlist_push(&c.emails, email);
    if (store_contact_add(st, &c, NOW) != STORE_OK)
        printf("# add %s: %s\n", name, store_error(st));
    int64_t id = c.id;
    contact_clear(&c);
    return id;
}

static enum store_status add_note(struct store *st, int64_t contact, const char *body,
                                  time_t at)
{
    struct note n = { .contact_id = contact, .at = at };
    strcpy(n.kind, "note");
    n.body = strdup(body);
    enum store_status rc = n.body ? store_note_add(st, &n, at) : STORE_FAILED;
    free(n.body);
    return rc;
}

static int64_t count_contacts(struct store *st)
{
    struct contact_filter all = { .stage = STAGE_NONE, .include_archived = true };
    int64_t n = -1;
    if (store_contact_count(st, &all, 0, &n) != STORE_OK)
        printf("# count: %s\n", store_error(st));
    return n;
}

static bool undo(struct store *st)
{
    struct journal_entry e = { 0 };
    bool fine = store_undo(st, &e) == STORE_OK;
    if (!fine)
        printf("# undo: %s\n", store_error(st));
    journal_entry_clear(&e);
    return fine;
}

static bool redo(struct store *st)
{
    struct journal_entry e = { 0 };
    bool fine = store_redo_entry(st, 0, &e) == STORE_OK;
    if (!fine)
        printf("# redo: %s\n", store_error(st));
    journal_entry_clear(&e);
    return fine;
}

static bool check_sound(struct store *st)
{
    struct check_problem_list problems = { 0 };
    bool fine = store_check(st, &problems) == STORE_OK;
    for (size_t i = 0; i < problems.len; i++)
        printf("# %s\n", problems.items[i].text);
    store_check_problems_clear(&problems);
    return fine;
}

/* An import's shape: contacts with an address, a uid set after the
 * insert, and a note each. */
struct people { int from, to; };

static enum store_status add_people(struct store *st, void *arg)
{
    const struct people *p = arg;
    for (int i = p->from; i < p->to; i++) {
        char name[64], email[64], uid[64];
        snprintf(name, sizeof name, "Person %d", i);
        snprintf(email, sizeof email, "person%d@example.org", i);
        snprintf(uid, sizeof uid, "uid-%d", i);
        int64_t id = add(st, name, email);
        if (id <= 0)
            return STORE_FAILED;
        enum store_status rc = store_contact_set_uid(st, id, uid);
        if (rc == STORE_OK)
            rc = add_note(st, id, "met at the reading room", NOW + i);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

static void test_import_is_runs(void)
{
    char path[400];
    struct store *st = open_new("runs.db", path, sizeof path);
    ok(st != NULL, "a new database");
    if (!st)
        return;
    struct people p = { 0, 50 };
    ok(store_batch(st, "import", add_people, &p) == STORE_OK, "50 people added in one change");
    /* One row each for the contacts, their addresses, notes and stage
     * changes: the uid set after each insert is not recorded again. */
    is_int(raw_int(path, "SELECT count(*) FROM journal_row"),
           raw_int(path, "SELECT count(DISTINCT tbl) FROM journal_row"),
           "the change is one journal row per table");
    is_int(raw_int(path, "SELECT row_last - row_id + 1 FROM journal_row WHERE tbl = 'contact'"),
           50, "the contacts' run holds the 50 contacts");
    is_int(raw_int(path, "SELECT contact_last - contact_id + 1 FROM journal_row "
                         "WHERE tbl = 'note'"), 50, "the notes' run spans the 50 contacts");
    is_int(raw_int(path, "SELECT count(*) FROM journal_row WHERE op <> 'I'"), 0,
           "no update of a row the change inserted is recorded");
    ok(check_sound(st), "check finds the runs sound");

    ok(undo(st), "the change is undone");
    is_int(count_contacts(st), 0, "no contact is left");
    is_int(raw_int(path, "SELECT count(*) FROM note") + raw_int(path, "SELECT count(*) "
           "FROM contact_email"), 0, "nor a note or an address");
    ok(redo(st), "and redone");
    is_int(count_contacts(st), 50, "the 50 contacts are back");
    /* The redo puts the rows back newest first: downward runs. */
    is_int(raw_int(path, "SELECT count(*) FROM journal_row WHERE journal_id = "
                         "(SELECT max(id) FROM journal WHERE undone = 0)"),
           raw_int(path, "SELECT count(DISTINCT tbl) FROM journal_row WHERE journal_id = "
                         "(SELECT max(id) FROM journal WHERE undone = 0)"),
           "the redone change is one journal row per table too");
    struct contact c = { 0 };
    ok(store_contact_by_uid(st, "uid-25", &c) == STORE_OK && c.note_count == 1
       && c.emails.len == 1 && strcmp(c.emails.items[0], "person25@example.org") == 0,
       "with their uid, address and note");
    contact_clear(&c);
    ok(undo(st), "the redone change is undone again");
    is_int(count_contacts(st), 0, "and nothing is left");
    ok(check_sound(st), "check finds the file sound");
    store_close(st);
}

/* A run ends when the change records something else of its table: an
 * update of a contact it did not insert comes between two runs. */
static enum store_status add_edit_add(struct store *st, void *arg)
{
    int64_t *old = arg;
    if (add(st, "New One", NULL) <= 0)
        return STORE_FAILED;
    struct contact c = { 0 };
    enum store_status rc = store_contact_get(st, *old, &c);
    if (rc == STORE_OK) {
        free(c.title);
        c.title = strdup("Head of Collections");
        rc = store_contact_update(st, &c, NOW + 10);
    }
    contact_clear(&c);
    if (rc == STORE_OK && add(st, "New Two", NULL) <= 0)
        rc = STORE_FAILED;
    return rc;
}

static void test_runs_end(void)
{
    char path[400];
    struct store *st = open_new("ends.db", path, sizeof path);
    if (!st) {
        ok(false, "a new database");
        return;
    }
    int64_t old = add(st, "Old Friend", NULL);
    ok(store_batch(st, "mixed", add_edit_add, &old) == STORE_OK,
       "an insert, an edit of an older contact, an insert: one change");
    is_int(raw_int(path, "SELECT count(*) FROM journal_row WHERE tbl = 'contact' "
                         "AND journal_id = (SELECT max(id) FROM journal)"), 3,
           "the edit ends the first run: three rows for the contacts");
    ok(undo(st), "the change is undone");
    struct contact c = { 0 };
    ok(store_contact_get(st, old, &c) == STORE_OK && c.title == NULL,
       "the older contact has its title back");
    contact_clear(&c);
    is_int(count_contacts(st), 1, "and the two new ones are gone");
    ok(redo(st) && count_contacts(st) == 3, "redo brings all of it back");
    ok(store_contact_get(st, old, &c) == STORE_OK && c.title
       && strcmp(c.title, "Head of Collections") == 0, "the edit too");
    contact_clear(&c);
    store_close(st);
}

/* Replacing a contact's addresses deletes its rows and inserts new ones
 * that may take the same ids: undo and redo give each state back. */
static enum store_status replace_emails(struct store *st, void *arg)
{
    int64_t *id = arg;
    struct contact c = { 0 };
    enum store_status rc = store_contact_get(st, *id, &c);
    if (rc == STORE_OK) {
        strlist_clear(&c.emails);
        strlist_push(&c.emails, "new@example.org");
        strlist_push(&c.emails, "newer@example.org");
        rc = store_contact_update(st, &c, NOW + 20);
    }
    contact_clear(&c);
    return rc;
}

static char *emails_of(struct store *st, int64_t id)
{
    struct contact c = { 0 };
    char buf[256] = "";
    if (store_contact_get(st, id, &c) == STORE_OK)
        for (size_t i = 0; i < c.emails.len; i++)
            snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? " " : "",
                     c.emails.items[i]);
    contact_clear(&c);
    return strdup(buf);
}

static void test_ids_taken_again(void)
{
    char path[400];
    struct store *st = open_new("again.db", path, sizeof path);
    if (!st) {
        ok(false, "a new database");
        return;
    }
    struct contact c = { .stage = STAGE_END_USER, .cadence_days = -1, .roles = ROLE_USER };
    c.name = strdup("Ines Two-Addresses");
    strlist_push(&c.emails, "first@example.org");
    strlist_push(&c.emails, "second@example.org");
    ok(store_contact_add(st, &c, NOW) == STORE_OK, "a contact with two addresses");
    int64_t id = c.id;
    contact_clear(&c);
    ok(store_batch(st, "replace", replace_emails, &id) == STORE_OK,
       "both replaced by two new ones in one change");
    char *e = emails_of(st, id);
    is_str(e, "new@example.org newer@example.org", "the new addresses are kept");
    free(e);
    for (int round = 0; round < 2; round++) {
        ok(undo(st), "the change is undone");
        e = emails_of(st, id);
        is_str(e, "first@example.org second@example.org", "the old addresses are back");
        free(e);
        ok(redo(st), "and redone");
        e = emails_of(st, id);
        is_str(e, "new@example.org newer@example.org", "the new ones are back");
        free(e);
    }
    ok(check_sound(st), "check finds the file sound");
    store_close(st);
}

/* Notes added to two existing contacts in one change: a run spanning
 * both, whose undo gives each its note count back. */
static enum store_status notes_for_two(struct store *st, void *arg)
{
    const int64_t *ids = arg;
    enum store_status rc = add_note(st, ids[0], "first", NOW + 100);
    if (rc == STORE_OK)
        rc = add_note(st, ids[0], "second", NOW + 101);
    if (rc == STORE_OK)
        rc = add_note(st, ids[1], "third", NOW + 102);
    return rc;
}

static void test_span_refresh_forget_author(void)
{
    char path[400];
    struct store *st = open_new("span.db", path, sizeof path);
    if (!st) {
        ok(false, "a new database");
        return;
    }
    int64_t ids[3] = { add(st, "Ada Span", NULL), add(st, "Ben Span", NULL),
                       add(st, "Cy Span", NULL) };
    ok(store_batch(st, "notes", notes_for_two, ids) == STORE_OK, "three notes on two contacts");
    is_int(raw_int(path, "SELECT count(*) FROM journal_row WHERE tbl = 'note'"), 1,
           "they are one run");
    struct contact c = { 0 };
    ok(store_contact_get(st, ids[0], &c) == STORE_OK && c.note_count == 2, "Ada has two notes");
    contact_clear(&c);
    ok(undo(st), "the notes are undone");
    ok(store_contact_get(st, ids[0], &c) == STORE_OK && c.note_count == 0,
       "Ada's note count follows");
    contact_clear(&c);
    ok(store_contact_get(st, ids[1], &c) == STORE_OK && c.note_count == 0,
       "and Ben's, the run's last contact");
    contact_clear(&c);
    ok(redo(st), "the notes are redone");

    /* The three contacts were added one change each; one more change
     * adds two people, a run from the fourth contact to the fifth. */
    struct people p = { 100, 103 };
    ok(store_batch(st, "import", add_people, &p) == STORE_OK, "three people in one change");
    int64_t middle = raw_int(path, "SELECT id FROM contact WHERE name = 'Person 101'");
    char who[64] = "";
    ok(store_contact_changed_by(st, middle, who, sizeof who) && who[0],
       "the contact in the middle of the run knows who changed it last");
    int64_t entries = raw_int(path, "SELECT count(*) FROM journal");
    ok(store_contact_forget(st, middle) == STORE_OK, "it is forgotten");
    is_int(raw_int(path, "SELECT count(*) FROM journal WHERE what = 'import'"), 0,
           "the change whose run spanned it goes with it");
    is_int(raw_int(path, "SELECT count(*) FROM journal"), entries,
           "the others stay (and the mark of the forget is one more)");
    ok(check_sound(st), "check finds the file sound");
    store_close(st);
}

/* check names a run that breaks its rules. */
static void test_check_finds_a_broken_run(void)
{
    char path[400];
    struct store *st = open_new("broken.db", path, sizeof path);
    if (!st) {
        ok(false, "a new database");
        return;
    }
    struct people p = { 0, 3 };
    ok(store_batch(st, "import", add_people, &p) == STORE_OK, "three people in one change");
    ok(check_sound(st), "the file is sound");
    ok(raw_exec(path, "UPDATE journal_row SET contact_last = contact_id + 5 "
                      "WHERE tbl = 'contact'"), "a run made to span more contacts than rows");
    struct check_problem_list problems = { 0 };
    ok(store_check(st, &problems) != STORE_OK, "check fails");
    bool named = false;
    for (size_t i = 0; i < problems.len; i++)
        named = named || strstr(problems.items[i].text, "undo journal") != NULL;
    ok(named, "and says the undo journal is wrong");
    store_check_problems_clear(&problems);
    struct journal_entry e = { 0 };
    ok(store_undo(st, &e) != STORE_OK && strstr(store_error(st), "damaged"),
       "undo refuses the damaged change");
    journal_entry_clear(&e);
    is_int(count_contacts(st), 3, "and leaves everything as it was");
    ok(raw_exec(path, "UPDATE journal_row SET contact_last = 9223372036854775807, "
                      "contact_id = -9223372036854775807 WHERE tbl = 'contact'"),
       "a span as wide as the numbers go");
    ok(store_undo(st, &e) != STORE_OK && strstr(store_error(st), "damaged"),
       "is refused too");
    journal_entry_clear(&e);
    store_close(st);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    umask(077);
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/rapport-journal.XXXXXX", tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_import_is_runs();
    test_runs_end();
    test_ids_taken_again();
    test_span_refresh_forget_author();
    test_check_finds_a_broken_run();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
    return tap_done();
}
