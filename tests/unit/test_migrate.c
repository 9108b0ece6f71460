/* Tests of the schema migrations: a database written by an older
 * rapport (built here from tests/data/schema-v1.sql with rows in it)
 * opens, keeps its data and reaches the current version; a newer one,
 * or another program's database, is refused. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "store.h"
#include "../lib/tap.h"

static char dir[256];

static char *read_fixture(const char *name)
{
    const char *top = getenv("top_srcdir");
    char path[512];
    snprintf(path, sizeof path, "%s/tests/data/%s", top ? top : ".", name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("# cannot read %s\n", path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = size >= 0 ? calloc(1, (size_t)size + 1) : NULL;
    if (text && fread(text, 1, (size_t)size, f) != (size_t)size) {
        free(text);
        text = NULL;
    }
    fclose(f);
    return text;
}

static bool raw_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    char *msg = NULL;
    bool fine = sqlite3_open(path, &db) == SQLITE_OK
                && sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK;
    if (!fine)
        printf("# %s: %s\n", path, msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    sqlite3_close(db);
    return fine;
}

static int raw_user_version(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    int v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
        && sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW)
        v = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return v;
}

/* A client since 2026-02-01 with two emails, a tag, two notes, an open
 * follow-up and a score, as version 1 stored them. */
static const char v1_rows[] =
    "INSERT INTO organisation(id, name, notes) VALUES (1, 'Old Library', 'since 1850');\n"
    "INSERT INTO contact(id, name, name_key, org_id, title, roles, projects, goals, "
    "channel, cadence_days, uid, created, updated, archived, version, stage, "
    "stage_since, last_touch, next_due) VALUES (7, 'Greta Migrated', 'greta migrated', "
    "1, 'Archivist', 3, 'maps of 1820', 'a digital atlas', 'phone', 14, 'uid-7', "
    "1767268800, 1767268800, 0, 4, 2, 1769947200, 1770552000, '2026-03-01');\n"
    "INSERT INTO contact_email(contact_id, email, position) VALUES "
    "(7, 'greta@old.example', 0), (7, 'g@home.example', 1);\n"
    "INSERT INTO contact_phone(contact_id, phone, position) VALUES (7, '+49 30 1234', 0);\n"
    "INSERT INTO contact_tag(contact_id, tag) VALUES (7, 'cartography');\n"
    "INSERT INTO stage_change(contact_id, from_stage, to_stage, at, reason) VALUES "
    "(7, NULL, 0, 1767268800, NULL), (7, 0, 2, 1769947200, 'atlas partnership');\n"
    "INSERT INTO note(contact_id, at, kind, body) VALUES "
    "(7, 1769000000, 'meeting', 'Looked at the lithographs together.'), "
    "(7, 1770552000, 'call', 'Asked for the gazetteer scans.');\n"
    "INSERT INTO followup(contact_id, due, due_minutes, effective, text, created) "
    "VALUES (7, '2026-03-01', 600, '2026-03-01', 'send the scans', 1770552000);\n"
    "INSERT INTO score(contact_id, at, value, comment) VALUES (7, 1770000000, 9, 'great');\n";

static void test_from_v1(const char *fixture)
{
    char db[400];
    snprintf(db, sizeof db, "%s/v1.db", dir);
    ok(raw_exec(db, fixture), "build a version 1 database from the fixture");
    ok(raw_exec(db, v1_rows), "with rows in it");
    ok(raw_exec(db, "PRAGMA user_version = 1"), "marked as version 1");
    chmod(db, 0600);

    struct store *st = NULL;
    char *error = NULL;
    ok(store_open(db, 0, &st, &error, NULL) == STORE_OK && st,
       "rapport opens a version 1 database");
    if (!st) {
        printf("# %s\n", error ? error : "?");
        free(error);
        return;
    }
    is_int(raw_user_version(db), store_schema_version(),
           "it is migrated to the current version");

    struct contact c = { 0 };
    ok(store_contact_get(st, 7, &c) == STORE_OK, "the contact survived");
    is_str(c.name, "Greta Migrated", "its name");
    is_str(c.org, "Old Library", "its organisation");
    is_int(c.stage, STAGE_CLIENT, "its stage");
    is_int(c.emails.len, 2, "its emails");
    is_str(c.tags.len ? c.tags.items[0] : NULL, "cartography", "its tag");
    is_int(c.cadence_days, 14, "its cadence");
    is_int(c.version, 4, "its version");
    is_int(c.note_count, 2, "the note count added by the migration is filled in");
    ok(c.next_due.year == 2026 && c.next_due.month == 3 && c.next_due.day == 1,
       "its next follow-up");
    store_contact_clear(&c);

    struct stage_change_list history = { 0 };
    store_stage_history(st, 7, &history);
    ok(history.len == 2 && history.items[0].reason
       && strcmp(history.items[0].reason, "atlas partnership") == 0,
       "the stage history survived");
    store_stage_change_list_clear(&history);
    struct score_list scores = { 0 };
    store_score_list(st, 7, &scores);
    ok(scores.len == 1 && scores.items[0].value == 9, "the score survived");
    store_score_list_clear(&scores);

    struct contact_filter f = { .stage = STAGE_NONE, .text = "gazetteer" };
    int64_t n = 0;
    store_contact_count(st, &f, &n);
    is_int(n, 1, "old notes are in the new full-text index");
    f.text = "cartog";
    store_contact_count(st, &f, &n);
    is_int(n, 1, "old contacts are in the new full-text index");

    struct note note = { .contact_id = 7, .at = 1771000000 };
    snprintf(note.kind, sizeof note.kind, "note");
    note.body = strdup("After the upgrade.");
    ok(store_note_add(st, &note, 1771000000) == STORE_OK, "write after the upgrade");
    free(note.body);
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK, "and undo it through the new journal");
    store_journal_entry_clear(&undone);
    ok(store_undo(st, &undone) == STORE_NOT_FOUND,
       "the old rows have no journal to undo");
    struct strlist problems = { 0 };
    ok(store_check(st, &problems) == STORE_OK, "the migrated file passes the check");
    strlist_clear(&problems);
    store_close(st);

    st = NULL;
    ok(store_open(db, 0, &st, NULL, NULL) == STORE_OK,
       "opening it again migrates nothing more");
    store_close(st);
}

/* A version 2 file: today's schema without what version 3 added. Its
 * journal entries have no origin, so no connection claims them. */
static void test_from_v2(void)
{
    char db[400];
    snprintf(db, sizeof db, "%s/v2.db", dir);
    struct store *st = NULL;
    ok(store_open(db, STORE_OPEN_CREATE, &st, NULL, NULL) == STORE_OK, "a new database");
    if (!st)
        return;
    struct contact c = { .stage = STAGE_CUSTOMER, .cadence_days = -1, .roles = ROLE_USER };
    c.name = strdup("Vera Second");
    ok(store_contact_add(st, &c, 1771000000) == STORE_OK, "with a contact");
    int64_t id = c.id;
    store_contact_clear(&c);
    store_close(st);
    ok(raw_exec(db, "ALTER TABLE journal DROP COLUMN origin; ALTER TABLE journal DROP COLUMN undoable; "
                    "PRAGMA user_version = 2"),
       "taken back to version 2");

    st = NULL;
    ok(store_open(db, 0, &st, NULL, NULL) == STORE_OK && st,
       "rapport opens a version 2 database");
    if (!st)
        return;
    is_int(raw_user_version(db), store_schema_version(),
           "it is migrated to the current version");
    ok(store_contact_get(st, id, &c) == STORE_OK && strcmp(c.name, "Vera Second") == 0,
       "the contact survived");
    store_contact_clear(&c);
    struct journal_list recent = { 0 };
    ok(store_journal_recent(st, 1, &recent) == STORE_OK && recent.len == 1
       && !recent.items[0].own, "its old journal entry is kept, made by nobody here");
    store_journal_list_clear(&recent);
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "Vera Second"),
       "and can still be undone");
    store_journal_entry_clear(&undone);
    ok(store_contact_get(st, id, &c) == STORE_NOT_FOUND, "the contact is gone again");
    c = (struct contact){ .stage = STAGE_CLIENT, .cadence_days = -1, .roles = ROLE_USER };
    c.name = strdup("Walt Third");
    store_contact_add(st, &c, 1771000000);
    store_contact_clear(&c);
    ok(store_journal_recent(st, 1, &recent) == STORE_OK && recent.len == 1
       && recent.items[0].own, "a new change is marked as this connection's");
    store_journal_list_clear(&recent);
    store_close(st);
}

static void test_refused(void)
{
    char db[400];
    snprintf(db, sizeof db, "%s/newer.db", dir);
    raw_exec(db, "CREATE TABLE future(x); PRAGMA user_version = 99");
    chmod(db, 0600);
    struct store *st = NULL;
    char *error = NULL;
    ok(store_open(db, 0, &st, &error, NULL) != STORE_OK && !st,
       "a database from a newer rapport is refused");
    ok(error && strstr(error, "newer"), "the message says it is newer");
    free(error);
    is_int(raw_user_version(db), 99, "and the file is left as it was");

    snprintf(db, sizeof db, "%s/foreign.db", dir);
    raw_exec(db, "CREATE TABLE recipes(name)");
    chmod(db, 0600);
    error = NULL;
    ok(store_open(db, 0, &st, &error, NULL) != STORE_OK && !st,
       "another program's SQLite database is refused");
    ok(error && strstr(error, "another program"), "with a message saying so");
    free(error);

    snprintf(db, sizeof db, "%s/v1-ro.db", dir);
    char *fixture = read_fixture("schema-v1.sql");
    if (fixture) {
        raw_exec(db, fixture);
        raw_exec(db, "PRAGMA user_version = 1");
        chmod(db, 0600);
        error = NULL;
        ok(store_open(db, STORE_OPEN_READ_ONLY, &st, &error, NULL) == STORE_READ_ONLY,
           "an old database opened read-only is not upgraded");
        ok(error && strstr(error, "read-only"), "the message says how to upgrade it");
        free(error);
        is_int(raw_user_version(db), 1, "it stays at version 1");
        free(fixture);
    }
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    umask(077);
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/rapport-migrate.XXXXXX", tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char *fixture = read_fixture("schema-v1.sql");
    ok(fixture != NULL, "the version 1 schema fixture is there");
    if (fixture)
        test_from_v1(fixture);
    free(fixture);
    test_from_v2();
    test_refused();

    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
    return tap_done();
}
