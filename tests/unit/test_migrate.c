/* Tests of the schema migrations: a database written by an older
 * rapport (built here from tests/data/schema-vN.sql, the schema each
 * version made, with rows in it) opens, keeps its data, reaches the
 * current version, passes the check, and takes what the new version
 * added; a newer one, or another program's database, is refused. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "core/contact.h"
#include "core/followup.h"
#include "model/journal.h"
#include "model/note.h"
#include "model/pause.h"
#include "model/score.h"
#include "store/check.h"
#include "store/contact.h"
#include "store/followup.h"
#include "store/journal.h"
#include "store/mail.h"
#include "store/note.h"
#include "store/org.h"
#include "store/pause.h"
#include "store/search.h"
#include "store/season.h"
#include "store/score.h"
#include "store/stage.h"
#include "store/store.h"
#include "base/user.h"
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

/* A stand-in for rapport's rapport_words() and rapport_phone_words(),
 * which the word triggers of versions 5 and 7 call: the raw connection
 * has no words of its own, so rows written through it get none; the
 * tests rebuild them. */
static void no_words(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sqlite3_result_text(ctx, "[]", -1, SQLITE_STATIC);
}

static bool raw_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    char *msg = NULL;
    bool fine = sqlite3_open(path, &db) == SQLITE_OK
                && sqlite3_create_function(db, "rapport_words", 1, SQLITE_UTF8, NULL,
                                           no_words, NULL, NULL) == SQLITE_OK
                && sqlite3_create_function(db, "rapport_phone_words", 1, SQLITE_UTF8,
                                           NULL, no_words, NULL, NULL) == SQLITE_OK
                && sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK;
    if (!fine)
        printf("# %s: %s\n", path, msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    sqlite3_close(db);
    return fine;
}

/* The first column of the first row, as text ("" for none); free it. */
static char *raw_text(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    char *text = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
        && sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        text = strdup((const char *)sqlite3_column_text(stmt, 0));
    else
        printf("# %s: %s\n", sql, db ? sqlite3_errmsg(db) : "?");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return text ? text : strdup("");
}

/* Builds path as version `version` made it, from its fixture and rows. */
static bool build_old(const char *path, const char *fixture_name,
                      const char *rows, int version)
{
    char *fixture = read_fixture(fixture_name);
    char mark[64];
    snprintf(mark, sizeof mark, "PRAGMA user_version = %d", version);
    bool fine = fixture && raw_exec(path, fixture) && raw_exec(path, rows)
                && raw_exec(path, mark);
    free(fixture);
    chmod(path, 0600);
    return fine;
}

static struct store *open_migrated(const char *path, const char *what)
{
    struct store *st = NULL;
    char *error = NULL;
    char name[128];
    snprintf(name, sizeof name, "rapport opens a %s database", what);
    ok(store_open(path, 0, &st, &error, NULL) == STORE_OK && st, name);
    if (!st)
        printf("# %s\n", error ? error : "?");
    free(error);
    return st;
}

/* Every table, index and trigger with its SQL, by name. */
static char *schema_of(const char *path)
{
    return raw_text(path, "SELECT group_concat(type || ' ' || name || ' ' || "
                          "coalesce(sql, ''), char(10)) FROM "
                          "(SELECT * FROM sqlite_schema ORDER BY name)");
}

/* A migrated file has the schema of a new one, triggers included. */
static void same_schema_as_new(const char *path, const char *what)
{
    char fresh[400], name[128];
    snprintf(fresh, sizeof fresh, "%s/fresh.db", dir);
    struct store *st = NULL;
    if (store_open(fresh, STORE_OPEN_CREATE, &st, NULL, NULL) == STORE_OK)
        store_close(st);
    char *want = schema_of(fresh), *got = schema_of(path);
    snprintf(name, sizeof name, "migrated from %s, it has the schema of a new database", what);
    ok(*want && strcmp(got, want) == 0, name);
    if (strcmp(got, want) != 0) {
        /* The first line that differs. */
        const char *g = got, *w = want;
        while (*g && *g == *w) {
            g++;
            w++;
        }
        while (g > got && g[-1] != '\n') {
            g--;
            w--;
        }
        printf("#   got:  %.200s\n#   want: %.200s\n", g, w);
    }
    free(want);
    free(got);
}

static void check_passes(struct store *st, const char *what)
{
    struct check_problem_list problems = { 0 };
    char name[128];
    snprintf(name, sizeof name, "the file migrated from %s passes the check", what);
    ok(store_check(st, &problems) == STORE_OK, name);
    for (size_t i = 0; i < problems.len; i++)
        printf("# %s\n", problems.items[i].text);
    store_check_problems_clear(&problems);
}

/* What version 4 added works on a migrated file: a department (stored,
 * searchable, undone), phone kinds, a follow-up's UID carried to the
 * next occurrence. */
static void check_v4_columns(struct store *st, const char *db, int64_t id,
                             const char *what)
{
    char name[160];
    struct contact c = { 0 };
    ok(store_contact_get(st, id, &c) == STORE_OK, "the contact can be read");
    ok(c.department == NULL, "an old contact has no department");
    for (size_t i = 0; i < c.phones.len; i++)
        ok(c.phones.items[i].kind == NULL, "an old number has no kind");
    free(c.department);
    c.department = strdup("Zymurgy Department");
    phone_list_push(&c.phones, "+47 999 00 111", "cell");
    snprintf(name, sizeof name, "%s: a department and a mobile number are saved", what);
    ok(contact_update(st, &c, 1772000000) == STORE_OK, name);
    contact_clear(&c);
    char *got = raw_text(db, "SELECT department FROM contact WHERE department IS NOT NULL");
    is_str(got, "Zymurgy Department", "the department is stored");
    free(got);
    got = raw_text(db, "SELECT kind FROM contact_phone WHERE phone = '+47 999 00 111'");
    is_str(got, "cell", "the kind is stored");
    free(got);
    struct contact_filter f = { .stage = STAGE_NONE, .text = "zymurgy" };
    int64_t n = 0;
    store_contact_count(st, &f, 0, &n);
    ok(n >= 1, "the department is in the full-text index");
    got = raw_text(db, "SELECT count(*) FROM journal_row WHERE tbl = 'contact' "
                       "AND json_type(old_json, '$.department') IS NOT NULL");
    ok(strcmp(got, "0") != 0, "the journal saves the department");
    free(got);
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK, "the edit is undone");
    journal_entry_clear(&undone);
    ok(store_contact_get(st, id, &c) == STORE_OK && c.department == NULL,
       "undo takes the department away again");
    long at = phone_list_find(&c.phones, "+47 999 00 111");
    ok(at < 0, "and the new number");
    contact_clear(&c);
    f.text = "zymurgy";
    store_contact_count(st, &f, 0, &n);
    is_int(n, 0, "and the index forgets the department");

    int64_t fid = 0;
    struct interval weekly = { 1, 'w' };
    struct date due = { 2026, 4, 1 };
    ok(followup_add_uid(st, id, due, -1, "weekly call from the calendar", weekly,
                        "event-17@calendar.example", 1772000000, &fid) == STORE_OK,
       "a follow-up with a UID is stored");
    struct followup fu = { 0 };
    ok(store_followup_by_uid(st, "event-17@calendar.example", &fu) == STORE_OK
       && fu.id == fid, "and found by its UID");
    followup_clear(&fu);
    struct followup next = { 0 };
    ok(followup_done(st, fid, NULL, 1772100000, &next) == STORE_OK && next.id > 0,
       "done, the next occurrence is scheduled");
    is_str(next.uid, "event-17@calendar.example", "and carries the UID");
    followup_clear(&next);
    ok(store_followup_by_uid(st, "event-17@calendar.example", &fu) == STORE_OK
       && fu.state == FOLLOWUP_OPEN, "the UID finds the open occurrence");
    followup_clear(&fu);
    ok(store_undo(st, &undone) == STORE_OK, "undo the completion");
    journal_entry_clear(&undone);
    got = raw_text(db, "SELECT count(*) || ' ' || sum(state) FROM followup WHERE uid = 'event-17@calendar.example'");
    is_str(got, "1 0", "one open follow-up with the UID again");
    free(got);
    ok(store_undo(st, &undone) == STORE_OK, "undo the follow-up");
    journal_entry_clear(&undone);
}

/* Version 7's team part on an upgraded file: every old row names the
 * file's owner (who wrote them all), a new note its writer, and a
 * contact's owner is journaled (undo gives it back). */
static void check_v7_team(struct store *st, const char *db, int64_t id,
                          const char *what)
{
    char name[160];
    char *me = user_login();
    char *nameless = raw_text(db,
        "SELECT (SELECT count(*) FROM stage_change WHERE author IS NULL) "
        "+ (SELECT count(*) FROM note WHERE author IS NULL) "
        "+ (SELECT count(*) FROM score WHERE author IS NULL) "
        "+ (SELECT count(*) FROM followup WHERE created_by IS NULL OR assigned_to IS NULL) "
        "+ (SELECT count(*) FROM journal WHERE author IS NULL)");
    snprintf(name, sizeof name, "%s: every old row names an author", what);
    is_str(nameless, "0", name);
    free(nameless);
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT count(*) > 0 FROM stage_change WHERE author = '%s'", me);
    char *got = raw_text(db, sql);
    snprintf(name, sizeof name, "%s: the file owner's login", what);
    is_str(got, "1", name);
    free(got);
    struct note n = { .contact_id = id, .at = 1771000500 };
    n.body = strdup("after the upgrade");
    enum store_status rc = store_note_add(st, &n, 1771000500);
    free(n.body);
    snprintf(sql, sizeof sql, "SELECT author FROM note WHERE id = %lld", (long long)n.id);
    got = raw_text(db, sql);
    snprintf(name, sizeof name, "%s: a new note names its writer", what);
    ok(rc == STORE_OK && got && strcmp(got, me) == 0, name);
    free(got);
    struct journal_entry undone = { 0 };
    store_undo(st, &undone);
    journal_entry_clear(&undone);
    struct contact c = { 0 };
    rc = store_contact_get(st, id, &c);
    if (rc == STORE_OK) {
        free(c.owner);
        c.owner = strdup("someone");
        rc = store_contact_update(st, &c, 1771000600);
    }
    contact_clear(&c);
    snprintf(sql, sizeof sql, "SELECT coalesce(owner, 'none') FROM contact WHERE id = %lld",
             (long long)id);
    got = raw_text(db, sql);
    snprintf(name, sizeof name, "%s: a contact's owner is stored", what);
    ok(rc == STORE_OK && got && strcmp(got, "someone") == 0, name);
    free(got);
    rc = store_undo(st, &undone);
    journal_entry_clear(&undone);
    got = raw_text(db, sql);
    snprintf(name, sizeof name, "%s: and undone", what);
    ok(rc == STORE_OK && got && strcmp(got, "none") == 0, name);
    free(got);
    free(me);
}

/* What version 6 added works on a migrated file: an organisation's
 * budget date is stored and undone, and so is a dismissed suggestion
 * of contact id. */
static void check_v6_columns(struct store *st, const char *db, int64_t id,
                             const char *what)
{
    char name[160];
    raw_exec(db, "INSERT OR IGNORE INTO organisation(name) VALUES ('Budget Office')");
    struct org o = { 0 };
    enum store_status rc = store_org_get(st, "Budget Office", 0, &o);
    snprintf(o.budget_date, sizeof o.budget_date, "%s", "09-01");
    if (rc == STORE_OK)
        rc = store_org_edit(st, &o, 1771000300);
    org_clear(&o);
    char *got = raw_text(db, "SELECT budget_date FROM organisation WHERE name = 'Budget Office'");
    snprintf(name, sizeof name, "%s: a budget date is stored", what);
    ok(rc == STORE_OK && strcmp(got, "09-01") == 0, name);
    free(got);
    struct journal_entry undone = { 0 };
    rc = store_undo(st, &undone);
    journal_entry_clear(&undone);
    got = raw_text(db, "SELECT coalesce(budget_date, 'none') FROM organisation "
                       "WHERE name = 'Budget Office'");
    snprintf(name, sizeof name, "%s: and undone", what);
    ok(rc == STORE_OK && strcmp(got, "none") == 0, name);
    free(got);
    rc = store_suggestion_dismiss(st, id, 1, 1771000400);
    got = raw_text(db, "SELECT count(*) FROM suggestion_dismissed");
    snprintf(name, sizeof name, "%s: a dismissed suggestion is stored", what);
    ok(rc == STORE_OK && strcmp(got, "1") == 0, name);
    free(got);
    rc = store_undo(st, &undone);
    journal_entry_clear(&undone);
    got = raw_text(db, "SELECT count(*) FROM suggestion_dismissed");
    snprintf(name, sizeof name, "%s: and undone", what);
    ok(rc == STORE_OK && strcmp(got, "0") == 0, name);
    free(got);
}

/* Version 7's mail part on an upgraded file: a message waits, is
 * attached with its Message-ID, and each step is undone. */
static void check_v7_mail(struct store *st, const char *db, int64_t id,
                          const char *what)
{
    char name[160];
    char message_id[] = "v7-mail@example.org", email[] = "someone@example.org",
         body[] = "Hello";
    struct mail_review r = { .at = 1771000500, .message_id = message_id,
                             .email = email, .body = body };
    snprintf(r.kind, sizeof r.kind, "email");
    enum store_status rc = store_mail_queue(st, &r, 1771000600, "kept");
    snprintf(name, sizeof name, "%s: a message waits for review", what);
    ok(rc == STORE_OK && r.id > 0, name);
    struct mail_note note = { .message_id = r.message_id, .at = r.at,
                              .kind = "email", .body = "Hello" };
    int64_t note_id = 0;
    rc = store_mail_review_attach(st, r.id, id, &note, &note_id, 1771000700, "attached");
    char *got = raw_text(db, "SELECT count(*) || ' ' || (SELECT count(*) FROM mail_review) "
                             "FROM note WHERE message_id = 'v7-mail@example.org'");
    snprintf(name, sizeof name, "%s: attached, it is a note with its Message-ID", what);
    ok(rc == STORE_OK && strcmp(got, "1 0") == 0, name);
    free(got);
    bool known = false;
    rc = store_mail_known(st, "v7-mail@example.org", &known);
    snprintf(name, sizeof name, "%s: and the message is known", what);
    ok(rc == STORE_OK && known, name);
    struct journal_entry undone = { 0 };
    rc = store_undo(st, &undone);
    journal_entry_clear(&undone);
    got = raw_text(db, "SELECT count(*) || ' ' || (SELECT count(*) FROM mail_review) "
                       "FROM note WHERE message_id = 'v7-mail@example.org'");
    snprintf(name, sizeof name, "%s: undone, it waits again", what);
    ok(rc == STORE_OK && strcmp(got, "0 1") == 0, name);
    free(got);
    rc = store_undo(st, &undone);
    journal_entry_clear(&undone);
    got = raw_text(db, "SELECT count(*) FROM mail_review");
    snprintf(name, sizeof name, "%s: and its arrival is undone too", what);
    ok(rc == STORE_OK && strcmp(got, "0") == 0, name);
    free(got);
}

/* Version 7's contact details (fields17): a contact upgraded from an
 * older file takes addresses, web pages and other properties, reads
 * them back, and an undo takes them away again; the check passes. */
static void check_v7_fields(struct store *st, const char *db, int64_t id,
                            const char *what)
{
    char name[160];
    struct contact c = { 0 };
    enum store_status rc = store_contact_get(st, id, &c);
    snprintf(name, sizeof name, "%s: a contact is read with its (no) details", what);
    ok(rc == STORE_OK && c.details && c.addresses.len == 0, name);
    struct address a = { 0 };
    address_parse("work:1 Main St; Springfield; IL; 62701; USA", &a);
    if (rc == STORE_OK) {
        address_list_push(&c.addresses, &a);
        url_list_push(&c.urls, "https://example.org/", "home");
        strlist_push(&c.extras, "BDAY:1980-04-02");
        rc = contact_update(st, &c, 1771000500);
    }
    address_clear(&a);
    contact_clear(&c);
    char *got = raw_text(db, "SELECT (SELECT kind || ' ' || street || ' ' || country FROM contact_address) "
                             "|| ' / ' || (SELECT kind || ' ' || url FROM contact_url) "
                             "|| ' / ' || (SELECT line FROM contact_extra)");
    snprintf(name, sizeof name, "%s: an address, a web page and a property are stored", what);
    ok(rc == STORE_OK && got
       && strcmp(got, "work 1 Main St USA / home https://example.org/ / BDAY:1980-04-02") == 0, name);
    free(got);
    rc = store_contact_get(st, id, &c);
    snprintf(name, sizeof name, "%s: and read back", what);
    ok(rc == STORE_OK && c.addresses.len == 1 && c.urls.len == 1 && c.extras.len == 1
       && strcmp(c.addresses.items[0].part[ADDRESS_LOCALITY], "Springfield") == 0, name);
    contact_clear(&c);
    check_passes(st, what);
    struct journal_entry undone = { 0 };
    rc = store_undo(st, &undone);
    journal_entry_clear(&undone);
    got = raw_text(db, "SELECT (SELECT count(*) FROM contact_address) + "
                       "(SELECT count(*) FROM contact_url) + (SELECT count(*) FROM contact_extra)");
    snprintf(name, sizeof name, "%s: and undone", what);
    ok(rc == STORE_OK && got && strcmp(got, "0") == 0, name);
    free(got);
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
    contact_clear(&c);

    struct stage_change_list history = { 0 };
    store_stage_history(st, 7, &history);
    ok(history.len == 2 && history.items[0].reason
       && strcmp(history.items[0].reason, "atlas partnership") == 0,
       "the stage history survived");
    stage_change_list_clear(&history);
    struct score_list scores = { 0 };
    store_score_list(st, 7, &scores);
    ok(scores.len == 1 && scores.items[0].value == 9, "the score survived");
    score_list_clear(&scores);

    struct contact_filter f = { .stage = STAGE_NONE, .text = "gazetteer" };
    int64_t n = 0;
    store_contact_count(st, &f, 0, &n);
    is_int(n, 1, "old notes are in the new full-text index");
    f.text = "cartog";
    store_contact_count(st, &f, 0, &n);
    is_int(n, 1, "old contacts are in the new full-text index");

    struct note note = { .contact_id = 7, .at = 1771000000 };
    snprintf(note.kind, sizeof note.kind, "note");
    note.body = strdup("After the upgrade.");
    ok(store_note_add(st, &note, 1771000000) == STORE_OK, "write after the upgrade");
    free(note.body);
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK, "and undo it through the new journal");
    journal_entry_clear(&undone);
    ok(store_undo(st, &undone) == STORE_NOT_FOUND,
       "the old rows have no journal to undo");
    check_passes(st, "version 1");
    same_schema_as_new(db, "version 1");
    check_v4_columns(st, db, 7, "from version 1");
    check_v6_columns(st, db, 7, "from version 1");
    check_v7_team(st, db, 7, "from version 1");
    check_passes(st, "version 1, written to since,");
    store_close(st);

    st = NULL;
    ok(store_open(db, 0, &st, NULL, NULL) == STORE_OK,
       "opening it again migrates nothing more");
    store_close(st);
}

/* Rows written by version 2 or 3, with a step to undo that they
 * recorded themselves (their triggers, through journal_state): Vera is
 * added, then her title is changed. */
#define OLD_ROWS(journal_columns, journal_values)                              \
    "INSERT INTO journal(id, at, what" journal_columns ") VALUES "             \
    "(1, 1771000000, 'added contact #1 Vera Second'" journal_values "), "     \
    "(2, 1771000100, 'edited Vera Second'" journal_values ");\n"              \
    "UPDATE journal_state SET recording = 1;\n"                               \
    "INSERT INTO contact(id, name, name_key, title, roles, created, updated, "  \
    "stage, stage_since, last_touch) VALUES (1, 'Vera Second', 'vera second', " \
    "'Curator', 1, 1771000000, 1771000000, 1, 1771000000, 1771000000);\n"      \
    "INSERT INTO contact_phone(contact_id, phone, position) VALUES (1, '+47 1', 0);\n" \
    "INSERT INTO stage_change(contact_id, from_stage, to_stage, at) "            \
    "VALUES (1, NULL, 1, 1771000000);\n"                                       \
    "UPDATE journal_state SET recording = 2;\n"                               \
    "UPDATE contact SET title = 'Head Curator', version = 2 WHERE id = 1;\n"  \
    "UPDATE journal_state SET recording = NULL;\n"                            \
    "INSERT INTO followup(contact_id, due, effective, text, created) "         \
    "VALUES (1, '2026-03-01', '2026-03-01', 'send the scans', 1771000000);\n"  \
    "UPDATE contact SET next_due = '2026-03-01' WHERE id = 1;\n"

/* Sets contact 1's department without a journal entry, as a demo fill
 * writes. Through the store: its triggers call rapport's own functions. */
static enum store_status department_set(struct store *st, void *arg)
{
    struct contact c = { 0 };
    enum store_status rc = store_contact_get(st, 1, &c);
    if (rc == STORE_OK) {
        free(c.department);
        c.department = arg ? strdup(arg) : NULL;
        rc = store_contact_update(st, &c, 1771000000);
    }
    contact_clear(&c);
    return rc;
}

/* A version 2 file: its journal entries have no origin, so no
 * connection claims them. */
static void test_from_v2(void)
{
    char db[400];
    snprintf(db, sizeof db, "%s/v2.db", dir);
    ok(build_old(db, "schema-v2.sql", OLD_ROWS("", ""), 2),
       "build a version 2 database from the fixture, with rows");
    struct store *st = open_migrated(db, "version 2");
    if (!st) {
        ok(false, "the database opens: st");   /* a dropped group is seen */
        return;
    }
    is_int(raw_user_version(db), store_schema_version(),
           "it is migrated to the current version");
    struct contact c = { 0 };
    ok(store_contact_get(st, 1, &c) == STORE_OK && strcmp(c.name, "Vera Second") == 0
       && c.title && strcmp(c.title, "Head Curator") == 0,
       "the contact survived");
    ok(c.phones.len == 1 && strcmp(c.phones.items[0].number, "+47 1") == 0,
       "with its phone");
    contact_clear(&c);
    check_passes(st, "version 2");
    same_schema_as_new(db, "version 2");
    struct journal_list recent = { 0 };
    ok(store_journal_recent(st, 1, &recent) == STORE_OK && recent.len == 1
       && !recent.items[0].own, "its old journal entry is kept, made by nobody here");
    journal_list_clear(&recent);
    /* A department set without a journal entry (as a demo fill writes)
     * survives undoing an entry saved before the column existed. */
    char prints[] = "Prints";
    ok(store_batch(st, NULL, department_set, prints) == STORE_OK,
       "a department set without a journal entry");
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "edited Vera Second"),
       "an old edit can still be undone");
    journal_entry_clear(&undone);
    ok(store_contact_get(st, 1, &c) == STORE_OK && c.title
       && strcmp(c.title, "Curator") == 0, "the title is as it was");
    is_str(c.department, "Prints", "a column the old entry did not save keeps its value");
    contact_clear(&c);
    store_batch(st, NULL, department_set, NULL);
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "Vera Second"),
       "and so can the old addition");
    journal_entry_clear(&undone);
    ok(store_contact_get(st, 1, &c) == STORE_NOT_FOUND, "the contact is gone again");
    c = (struct contact){ .stage = STAGE_CLIENT, .cadence_days = -1, .roles = ROLE_USER };
    c.name = strdup("Walt Third");
    store_contact_add(st, &c, 1771000000);
    int64_t id = c.id;
    contact_clear(&c);
    ok(store_journal_recent(st, 1, &recent) == STORE_OK && recent.len == 1
       && recent.items[0].own, "a new change is marked as this connection's");
    journal_list_clear(&recent);
    check_v4_columns(st, db, id, "from version 2");
    check_v6_columns(st, db, id, "from version 2");
    check_v7_team(st, db, id, "from version 2");
    check_passes(st, "version 2, written to since,");
    store_close(st);
}

/* A version 3 file: no department, no phone kinds, no follow-up UIDs. */
static void test_from_v3(void)
{
    char db[400];
    snprintf(db, sizeof db, "%s/v3.db", dir);
    ok(build_old(db, "schema-v3.sql", OLD_ROWS(", origin, undoable", ", 42, 1"), 3),
       "build a version 3 database from the fixture, with rows");
    struct store *st = open_migrated(db, "version 3");
    if (!st) {
        ok(false, "the database opens: st");   /* a dropped group is seen */
        return;
    }
    is_int(raw_user_version(db), store_schema_version(),
           "it is migrated to the current version");
    struct contact c = { 0 };
    ok(store_contact_get(st, 1, &c) == STORE_OK && strcmp(c.name, "Vera Second") == 0,
       "the contact survived");
    ok(c.phones.len == 1 && strcmp(c.phones.items[0].number, "+47 1") == 0
       && c.phones.items[0].kind == NULL, "with its phone, of no kind");
    /* Her one follow-up's date, as version 3 kept it: none made up. */
    ok(date_is_set(c.next_due) && c.next_due.year == 2026 && c.next_due.month == 3
       && c.next_due.day == 1, "its columns read: her follow-up is due on its date");
    contact_clear(&c);
    struct followup_filter ff = { .contact_id = 1, .include_archived = true };
    struct followup_list fl = { 0 };
    ok(store_followup_page(st, &ff, NULL, 10, &fl) == STORE_OK && fl.len == 1
       && strcmp(fl.items[0].text, "send the scans") == 0 && fl.items[0].uid == NULL,
       "its follow-up survived, without a UID");
    followup_list_clear(&fl);
    struct contact_filter f = { .stage = STAGE_NONE, .text = "curator" };
    int64_t n = 0;
    store_contact_count(st, &f, 0, &n);
    is_int(n, 1, "its full-text row is there");
    check_passes(st, "version 3");
    same_schema_as_new(db, "version 3");
    check_v4_columns(st, db, 1, "from version 3");
    check_v6_columns(st, db, 1, "from version 3");
    check_v7_team(st, db, 1, "from version 3");
    /* The journal's phone rows of version 3 had no kind; undoing them
     * after the upgrade still works. */
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "edited Vera Second"),
       "the old edit is undone");
    journal_entry_clear(&undone);
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "added contact #1"),
       "and the old addition, with its phone");
    journal_entry_clear(&undone);
    char *got = raw_text(db, "SELECT count(*) FROM contact_phone");
    is_str(got, "0", "the phone went with it");
    free(got);
    check_passes(st, "version 3, written to since,");
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
        /* How to upgrade it is the front end's to word (the store names
         * no option): the advice says which, tests/cli/basics.sh the
         * words. */
        struct store_opening how = { 0 };
        ok(store_open_with(db, STORE_OPEN_READ_ONLY, &how, &st) == STORE_READ_ONLY,
           "an old database opened read-only is not upgraded");
        ok(how.error && strstr(how.error, "upgrade") && how.advice == STORE_ADVICE_UPGRADE,
           "the message says how to upgrade it");
        free(how.error);
        is_int(raw_user_version(db), 1, "it stays at version 1");
        free(fixture);
    }
}

/* Whether a search typed in the Contacts list shows contact 1. */
static bool found(struct store *st, const char *typed)
{
    struct contact_filter f = { .stage = STAGE_NONE, .text = typed };
    struct contact_list l = { 0 };
    bool yes = store_contact_page(st, &f, CONTACT_SORT_NAME, NULL, false, 5, &l) == STORE_OK
               && l.len == 1 && l.items[0].id == 1;
    contact_list_clear(&l);
    return yes;
}

/* A version 4 file: its notes and fields have no search words yet; the
 * upgrade fills them. */
static void test_from_v4(void)
{
    char db[400];
    snprintf(db, sizeof db, "%s/v4.db", dir);
    ok(build_old(db, "schema-v4.sql",
                 OLD_ROWS(", origin, undoable", ", 42, 1")
                 "UPDATE contact SET department = 'Prints' WHERE id = 1;\n"
                 "INSERT INTO note(contact_id, at, kind, body) "
                 "VALUES (1, 1771000200, 'note', 'Asked about the Ødegård herbarium');\n"
                 "UPDATE contact SET note_count = 1, last_touch = 1771000200 WHERE id = 1;\n", 4),
       "build a version 4 database from the fixture, with rows and a note");
    struct store *st = open_migrated(db, "version 4");
    if (!st) {
        ok(false, "the database opens: st");   /* a dropped group is seen */
        return;
    }
    is_int(raw_user_version(db), store_schema_version(),
           "it is migrated to the current version");
    ok(found(st, "vera"), "the upgrade gives search the name's words");
    ok(found(st, "prin"), "and the department's");
    ok(found(st, "herb"), "and the note's");
    ok(found(st, "odeg"), "folded as names are");
    ok(!found(st, "as") && found(st, "ask"), "a note's word is found from its third letter, not before");
    check_passes(st, "version 4");
    same_schema_as_new(db, "version 4");
    check_v6_columns(st, db, 1, "from version 4");
    check_v7_team(st, db, 1, "from version 4");
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "edited Vera Second"),
       "the old edit is undone");
    journal_entry_clear(&undone);
    ok(found(st, "vera curator") && !found(st, "head"),
       "and search follows the title it gave back");
    check_passes(st, "version 4, written to since,");
    store_close(st);
}

/* A version 5 file: no budget dates, no dismissed suggestions. */
static void test_from_v5(void)
{
    char db[400];
    snprintf(db, sizeof db, "%s/v5.db", dir);
    ok(build_old(db, "schema-v5.sql", OLD_ROWS(", origin, undoable", ", 42, 1"), 5),
       "build a version 5 database from the fixture, with rows");
    struct store *st = open_migrated(db, "version 5");
    if (!st)
        return;
    is_int(raw_user_version(db), store_schema_version(),
           "it is migrated to the current version");
    /* The rows came in without their words (no_words): give them the
     * words a version 5 rapport would have written. */
    ok(store_rebuild_search(st) == STORE_OK, "its words are made");
    ok(found(st, "vera"), "its contact is found");
    check_passes(st, "version 5");
    same_schema_as_new(db, "version 5");
    check_v6_columns(st, db, 1, "from version 5");
    check_v7_team(st, db, 1, "from version 5");
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "edited Vera Second"),
       "the old edit is undone");
    journal_entry_clear(&undone);
    check_passes(st, "version 5, written to since,");
    store_close(st);
}

struct deferred_add {
    struct contact c;
    struct note n;
};

static enum store_status add_deferred(struct store *st, void *arg)
{
    struct deferred_add *d = arg;
    enum store_status rc = store_search_defer(st);
    if (rc == STORE_OK)
        rc = contact_add(st, &d->c, 1772000000);
    d->n.contact_id = d->c.id;
    if (rc == STORE_OK)
        rc = store_note_add(st, &d->n, 1772000000);
    return rc == STORE_OK ? store_search_catch_up(st, true) : rc;
}

/* Version 7's search part on a migrated file: indexing is on, nothing
 * waits; a contact and a note written while indexing is deferred (as an
 * import does) are found once caught up, and the check agrees. */
static void check_v7_search(struct store *st, const char *db, const char *what)
{
    char name[160];
    char *got = raw_text(db, "SELECT count(*) || ' ' || count(deferring) FROM search_state");
    snprintf(name, sizeof name, "%s: one search state, indexing as rows are written", what);
    is_str(got, "1 0", name);
    free(got);
    struct deferred_add d = { .c = { .name = NULL } };
    contact_init(&d.c);
    d.c.name = strdup("Quillon Deferred");
    strlist_push(&d.c.emails, "quillon@example.org");
    char body[] = "talked about palimpsests";
    d.n.body = body;
    strcpy(d.n.kind, "note");
    snprintf(name, sizeof name, "%s: a contact and a note added with indexing deferred", what);
    ok(store_batch(st, "deferred", add_deferred, &d) == STORE_OK, name);
    contact_clear(&d.c);
    struct contact_filter f = { .stage = STAGE_NONE, .text = "quill" };
    int64_t n = 0;
    store_contact_count(st, &f, 0, &n);
    is_int(n, 1, "the deferred contact is found by its name");
    f.text = "palimp";
    n = 0;
    store_contact_count(st, &f, 0, &n);
    is_int(n, 1, "and by its note's word");
    got = raw_text(db, "SELECT (SELECT count(*) FROM search_pending) || ' ' || "
                       "(SELECT count(*) FROM search_pending_note) || ' ' || "
                       "(SELECT count(deferring) FROM search_state)");
    is_str(got, "0 0 0", "nothing is left waiting, and indexing is on again");
    free(got);
    check_passes(st, what);
}

/* A version 6 file. Each part of version 7 checks what it added to the
 * upgraded file from here. */
/* Version 7's figures per organisation are filled from what a version
 * 6 file holds: two active contacts and an archived one of "Fylke
 * Archive", the latest score of each, its latest interaction. */
#define V7_ORG_ROWS                                                           \
    "INSERT INTO organisation(id, name) VALUES (5, 'Fylke Archive');\n"       \
    "UPDATE contact SET org_id = 5 WHERE id = 1;\n"                           \
    "INSERT INTO contact(id, name, name_key, org_id, roles, created, updated, " \
    "stage, stage_since, last_touch, archived) VALUES "                       \
    "(2, 'Kari Nord', 'kari nord', 5, 2, 1771000000, 1771000000, 0, "          \
    "1771000000, 1771000500, 0), "                                            \
    "(3, 'Old Gone', 'old gone', 5, 1, 1771000000, 1771000000, 0, "            \
    "1771000000, 1771000900, 1);\n"                                           \
    "INSERT INTO score(contact_id, at, value) VALUES (1, 1771000000, 4), "     \
    "(1, 1771000200, 9), (2, 1771000100, 6), (3, 1771000100, 0);\n"           \
    "INSERT INTO note(contact_id, at, kind, body) VALUES "                     \
    "(2, 1771000500, 'call', 'budget'), (3, 1771000900, 'call', 'moving');\n" \
    "UPDATE contact SET note_count = 1 WHERE id IN (2, 3);\n"                 \
    "UPDATE contact SET last_touch = 1771000200 WHERE id = 1;\n"

static void check_v7_orgs(const char *db)
{
    char *got = raw_text(db, "SELECT contacts || ' ' || last_touch || ' ' || end_users || ' ' "
                             "|| customers || ' ' || users || ' ' || decision_makers || ' ' "
                             "|| open_followups FROM org_figures WHERE org_id = 5");
    is_str(got, "2 1771000500 1 1 1 1 1",
           "from version 6: an organisation's active contacts, latest interaction, "
           "stages, roles and open follow-ups are kept");
    free(got);
    got = raw_text(db, "SELECT group_concat(value || 'x' || n, ',') FROM "
                       "(SELECT value, sum(n) AS n FROM org_score WHERE org_id = 5 GROUP BY value ORDER BY value)");
    is_str(got, "6x1,9x1", "from version 6: the latest score of each active contact is counted");
    free(got);
    got = raw_text(db, "SELECT group_concat(coalesce(latest_score, '-'), ',') FROM "
                       "(SELECT latest_score FROM contact ORDER BY id)");
    is_str(got, "9,6,0", "from version 6: each contact keeps its latest score");
    free(got);
    got = raw_text(db, "SELECT sql FROM sqlite_master WHERE name = 'note_by_time'");
    is_str(got, "CREATE INDEX note_by_time ON note(at, kind, contact_id)",
           "from version 6: a period's notes are indexed by their time");
    free(got);
    got = raw_text(db, "SELECT sql FROM sqlite_master WHERE name = 'contact_deciders_by_org'");
    is_str(got, "CREATE INDEX contact_deciders_by_org ON contact(org_id, last_touch) "
                "WHERE archived = 0 AND (roles & 2) != 0",
           "from version 6: an organisation's decision-makers are indexed by their last interaction");
    free(got);
}

/* Version 7's contact page part on an upgraded file: the entries the
 * old journal holds can be undone and redone, and a contact's cadence
 * paused, journaled like the rest. Called after the old edit was
 * undone. */
static void check_v7_contact_page(struct store *st, const char *db, int64_t id,
                                  const char *what)
{
    char name[160];
    struct journal_list redoable = { 0 };
    snprintf(name, sizeof name, "%s: the old edit, undone, is kept to redo", what);
    ok(store_journal_redoable(st, 1, &redoable) == STORE_OK && redoable.len == 1
       && strstr(redoable.items[0].what, "edited Vera Second"), name);
    journal_list_clear(&redoable);
    char *n = NULL;
    struct journal_entry e = { 0 };
    snprintf(name, sizeof name, "%s: the old edit is redone", what);
    ok(store_redo_entry(st, 0, &e) == STORE_OK && e.what
       && strstr(e.what, "edited Vera Second"), name);
    journal_entry_clear(&e);
    char reason[] = "on sabbatical";
    struct pause p = { .contact_id = id, .until = { 2099, 3, 1 }, .reason = reason };
    snprintf(name, sizeof name, "%s: a cadence is paused", what);
    ok(store_pause_set(st, &p, time(NULL)) == STORE_OK, name);
    n = raw_text(db, "SELECT count(*) FROM journal_row WHERE tbl = 'contact_pause'");
    snprintf(name, sizeof name, "%s: the pause is journaled", what);
    ok(n && strcmp(n, "1") == 0, name);
    free(n);
    snprintf(name, sizeof name, "%s: a new change leaves nothing to redo", what);
    n = raw_text(db, "SELECT count(*) FROM journal WHERE undone = 1");
    ok(n && strcmp(n, "0") == 0, name);
    free(n);
    snprintf(name, sizeof name, "%s: the pause is undone", what);
    ok(store_undo(st, &e) == STORE_OK && e.what && strstr(e.what, "paused"), name);
    journal_entry_clear(&e);
    n = raw_text(db, "SELECT count(*) FROM contact_pause");
    snprintf(name, sizeof name, "%s: and gone", what);
    ok(n && strcmp(n, "0") == 0, name);
    free(n);
    snprintf(name, sizeof name, "%s: and redone", what);
    ok(store_redo_entry(st, 0, &e) == STORE_OK, name);
    journal_entry_clear(&e);
    n = raw_text(db, "SELECT until || ':' || reason FROM contact_pause");
    snprintf(name, sizeof name, "%s: the pause is back as it was", what);
    ok(n && strcmp(n, "2099-03-01:on sabbatical") == 0, name);
    free(n);
}

static void test_from_v6(void)
{
    char db[400];
    snprintf(db, sizeof db, "%s/v6.db", dir);
    ok(build_old(db, "schema-v6.sql",
                 OLD_ROWS(", origin, undoable", ", 42, 1")
                 "UPDATE organisation SET budget_date = '09-01';\n"
                 V7_ORG_ROWS, 6),
       "build a version 6 database from the fixture, with rows");
    struct store *st = open_migrated(db, "version 6");
    if (!st) {
        ok(false, "the version 6 database opens");
        return;
    }
    is_int(raw_user_version(db), store_schema_version(),
           "it is migrated to the current version");
    ok(store_rebuild_search(st) == STORE_OK, "its words are made");
    ok(found(st, "vera"), "its contact is found");
    check_v7_orgs(db);
    check_passes(st, "version 6");
    same_schema_as_new(db, "version 6");
    check_v6_columns(st, db, 1, "from version 6");
    check_v7_team(st, db, 1, "from version 6");
    check_v7_mail(st, db, 1, "from version 6");
    check_v7_fields(st, db, 1, "from version 6");
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "edited Vera Second"),
       "the old edit is undone");
    journal_entry_clear(&undone);
    check_v7_contact_page(st, db, 1, "from version 6");
    check_passes(st, "version 6, written to since,");
    check_v7_search(st, db, "from version 6");
    store_close(st);
}

/* The open follow-ups of `mine` (for them, or on a contact they own),
 * counted and read a window of two at a time, forward and back. */
static void check_mine(struct store *st, const char *login, int64_t want,
                       const char *what)
{
    struct followup_filter mine = { .open_only = true, .mine = login };
    int64_t n = -1;
    char name[160];
    snprintf(name, sizeof name, "%s: %s has %lld open follow-ups", what, login,
             (long long)want);
    ok(store_followup_count(st, &mine, &n) == STORE_OK && n == want, name);
    if (n != want)
        printf("#   counted %lld\n", (long long)n);
    int64_t read = 0, back = 0;
    struct followup at = { 0 };
    bool first = true, fine = true;
    for (;;) {
        struct followup_list l = { 0 };
        if (store_followup_page(st, &mine, first ? NULL : &at, 2, &l) != STORE_OK) {
            fine = false;
            break;
        }
        read += (int64_t)l.len;
        bool more = l.more;
        if (l.len)
            at = store_followup_key(&l.items[l.len - 1]);
        followup_list_clear(&l);
        first = false;
        if (!more)
            break;
    }
    struct followup_list last = { 0 };
    fine = fine && store_followup_page_before(st, &mine, NULL, (size_t)want + 1,
                                              &last) == STORE_OK;
    back = (int64_t)last.len;
    for (size_t i = 1; i < last.len; i++)
        fine = fine && (date_compare(last.items[i - 1].due, last.items[i].due) <= 0);
    followup_list_clear(&last);
    snprintf(name, sizeof name, "%s: and reads them a window at a time, both ways", what);
    ok(fine && read == want && back == want, name);
}

/* A version 7 file: its follow-ups learn their contact's owner. */
static void test_from_v7(void)
{
    char db[400];
    snprintf(db, sizeof db, "%s/v7.db", dir);
    ok(build_old(db, "schema-v7.sql",
                 OLD_ROWS(", origin, undoable, author", ", 42, 1, 'ann'")
                 V7_ORG_ROWS
                 "UPDATE contact SET owner = 'ann' WHERE id = 1;\n"
                 "UPDATE followup SET created_by = 'ann';\n"
                 "INSERT INTO followup(contact_id, due, effective, text, created, "
                 "created_by, assigned_to) VALUES "
                 "(1, '2026-03-02', '2026-03-02', 'for bob', 1771000000, 'ann', 'bob'), "
                 "(2, '2026-03-03', '2026-03-03', 'for ann', 1771000000, 'bob', 'ann'), "
                 "(2, '2026-03-04', '2026-03-04', 'for bob too', 1771000000, 'bob', 'bob');\n", 7),
       "build a version 7 database from the fixture, with rows");
    struct store *st = open_migrated(db, "version 7");
    if (!st) {
        ok(false, "the version 7 database opens");
        return;
    }
    is_int(raw_user_version(db), store_schema_version(),
           "it is migrated to the current version");
    ok(store_rebuild_search(st) == STORE_OK, "its words are made");
    char *n = raw_text(db, "SELECT group_concat(coalesce(contact_owner, '-'), ' ') "
                           "FROM (SELECT contact_owner FROM followup ORDER BY id)");
    ok(n && strcmp(n, "ann ann - -") == 0, "each follow-up knows its contact's owner");
    if (n && strcmp(n, "ann ann - -") != 0)
        printf("#   got %s\n", n);
    free(n);
    check_mine(st, "ann", 3, "from version 7");
    check_mine(st, "bob", 2, "from version 7");
    /* The owner changes: the follow-ups follow. */
    struct contact c = { 0 };
    ok(store_contact_get(st, 1, &c) == STORE_OK, "the owned contact is read");
    free(c.owner);
    c.owner = strdup("bob");
    ok(store_contact_update(st, &c, 1771000600) == STORE_OK, "and handed to bob");
    contact_clear(&c);
    check_mine(st, "ann", 1, "after the hand-over");
    check_mine(st, "bob", 3, "after the hand-over");
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK, "the hand-over is undone");
    journal_entry_clear(&undone);
    check_mine(st, "ann", 3, "after its undo");
    check_passes(st, "version 7");
    same_schema_as_new(db, "version 7");
    store_close(st);
}

static enum store_status add_two(struct store *st, void *arg)
{
    (void)arg;
    static const char *const names[] = { "Runa One", "Runa Two" };
    for (int i = 0; i < 2; i++) {
        struct contact c = { .stage = STAGE_END_USER, .cadence_days = -1,
                             .roles = ROLE_USER };
        c.name = strdup(names[i]);
        enum store_status rc = store_contact_add(st, &c, 1771000900);
        contact_clear(&c);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

/* A version 8 file: its journal of a row per change of a row still
 * undoes, and new changes record runs. */
static void test_from_v8(void)
{
    char db[400];
    snprintf(db, sizeof db, "%s/v8.db", dir);
    ok(build_old(db, "schema-v8.sql",
                 OLD_ROWS(", origin, undoable, author", ", 42, 1, 'ann'"), 8),
       "build a version 8 database from the fixture, with rows");
    struct store *st = open_migrated(db, "version 8");
    if (!st) {
        ok(false, "the version 8 database opens");
        return;
    }
    is_int(raw_user_version(db), store_schema_version(),
           "it is migrated to the current version");
    ok(store_rebuild_search(st) == STORE_OK, "its words are made");
    char *n = raw_text(db, "SELECT count(*) FROM journal_row WHERE row_last IS NULL");
    ok(n && strcmp(n, "4") == 0, "its journal keeps its four rows of one row each");
    free(n);
    check_passes(st, "version 8 with its old journal");
    ok(store_batch(st, "two", add_two, NULL) == STORE_OK, "two contacts added in one change");
    n = raw_text(db, "SELECT group_concat(row_last - row_id + 1) FROM journal_row "
                     "WHERE tbl = 'contact' AND journal_id = (SELECT max(id) FROM journal)");
    ok(n && strcmp(n, "2") == 0, "they are one run of two rows");
    free(n);
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK, "the new change is undone");
    journal_entry_clear(&undone);
    ok(store_undo(st, &undone) == STORE_OK && undone.what
       && strcmp(undone.what, "edited Vera Second") == 0, "so is the old edit");
    journal_entry_clear(&undone);
    struct contact c = { 0 };
    ok(store_contact_get(st, 1, &c) == STORE_OK && c.title && strcmp(c.title, "Curator") == 0,
       "the old title is back");
    contact_clear(&c);
    ok(store_undo(st, &undone) == STORE_OK, "and the old addition");
    journal_entry_clear(&undone);
    ok(store_contact_get(st, 1, &c) == STORE_NOT_FOUND, "the contact it added is gone");
    contact_clear(&c);
    check_passes(st, "version 8");
    same_schema_as_new(db, "version 8");
    store_close(st);
}

static void count_notice(void *arg, const char *path, int version, int64_t notes)
{
    (void)path;
    (void)version;
    *(int64_t *)arg = notes;
}

/* An upgrade that splits a long history's notes into words (to
 * versions 5 and 7) says so before it runs; a short one, and one of a
 * version past those, says nothing. */
static void test_upgrade_notice(void)
{
    static const struct { const char *fixture; int version; int64_t notes; bool told; } cases[] = {
        { "schema-v6.sql", 6, 20000, true },
        { "schema-v6.sql", 6, 19999, false },
        { "schema-v7.sql", 7, 20000, false },
        { "schema-v8.sql", 8, 20000, false },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char db[400], rows[400], name[160];
        snprintf(db, sizeof db, "%s/notice-%zu.db", dir, i);
        snprintf(rows, sizeof rows,
                 "INSERT INTO contact(id, name, name_key, roles, created, updated, stage, "
                 "stage_since, last_touch) VALUES (1, 'Vera', 'vera', 1, 1771000000, "
                 "1771000000, 0, 1771000000, 1771000000);\n"
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                 "WHERE i < %lld) INSERT INTO note(contact_id, at, kind, body) "
                 "SELECT 1, 1771000000 + i, 'note', 'a' FROM n;\n",
                 (long long)cases[i].notes);
        snprintf(name, sizeof name, "a version %d file with %lld notes", cases[i].version,
                 (long long)cases[i].notes);
        ok(build_old(db, cases[i].fixture, rows, cases[i].version), name);
        int64_t told = 0;
        struct store_opening how = { .upgrading = count_notice, .arg = &told };
        struct store *st = NULL;
        enum store_status rc = store_open_with(db, 0, &how, &st);
        free(how.error);
        snprintf(name, sizeof name, "version %d, %lld notes: the upgrade %s", cases[i].version,
                 (long long)cases[i].notes, cases[i].told ? "says it is running" : "says nothing");
        ok(rc == STORE_OK && told == (cases[i].told ? cases[i].notes : 0), name);
        if (st)
            store_close(st);
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
    test_from_v3();
    test_from_v4();
    test_from_v5();
    test_from_v6();
    test_from_v7();
    test_from_v8();
    test_upgrade_notice();
    test_refused();

    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
    return tap_done();
}
