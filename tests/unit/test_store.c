/* Tests of the storage: opening and file checks, every write and read,
 * windows, search, derived columns, undo, forget, conflicts, gone
 * quiet, reports, backup and check, read-only. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/report.h"
#include "model/contact.h"
#include "model/followup.h"
#include "model/journal.h"
#include "model/note.h"
#include "model/org.h"
#include "model/score.h"
#include "model/search.h"
#include "model/stage.h"
#include "store/backup.h"
#include "store/check.h"
#include "store/contact.h"
/* Private to store/: only to read back the PRAGMAs of rapport's own
 * connection (SPEC §2), which are per connection and not in the file. */
#include "store/db.h"
#include "store/followup.h"
#include "store/forget.h"
#include "store/journal.h"
#include "store/note.h"
#include "store/org.h"
#include "store/quiet.h"
#include "store/score.h"
#include "store/search.h"
#include "store/stage.h"
#include "store/store.h"
#include "../lib/tap.h"

#define DAY 86400

static char dir[256];

static char *path_in(const char *name)
{
    static char paths[8][400];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, sizeof paths[0], "%s/%s", dir, name);
    return p;
}

static time_t noon(int y, int m, int d)
{
    return date_to_time((struct date){ y, m, d }) + 12 * 3600;
}

static struct store *open_db(const char *path, unsigned flags)
{
    struct store *st = NULL;
    char *error = NULL;
    if (store_open(path, flags, &st, &error, NULL) != STORE_OK)
        printf("# open %s: %s\n", path, error ? error : "?");
    free(error);
    return st;
}

static int64_t add(struct store *st, const char *name, const char *org,
                   const char *email, const char *tag, enum stage stage,
                   time_t now)
{
    struct contact c = { .stage = stage, .cadence_days = -1, .roles = ROLE_USER };
    c.name = strdup(name);
    c.org = org ? strdup(org) : NULL;
    if (email)
        strlist_push(&c.emails, email);
    if (tag)
        strlist_push(&c.tags, tag);
    if (store_contact_add(st, &c, now) != STORE_OK)
        printf("# add %s: %s\n", name, store_error(st));
    int64_t id = c.id;
    contact_clear(&c);
    return id;
}

static int64_t add_note(struct store *st, int64_t contact, const char *body,
                        time_t now)
{
    struct note n = { .contact_id = contact, .at = now };
    snprintf(n.kind, sizeof n.kind, "call");
    n.body = strdup(body);
    if (store_note_add(st, &n, now) != STORE_OK)
        printf("# note: %s\n", store_error(st));
    free(n.body);
    return n.id;
}

static int64_t add_followup(struct store *st, int64_t contact, struct date due,
                            const char *text, time_t now)
{
    struct followup f = { .contact_id = contact, .due = due, .due_minutes = -1 };
    f.text = strdup(text);
    if (store_followup_add(st, &f, now) != STORE_OK)
        printf("# follow-up: %s\n", store_error(st));
    free(f.text);
    return f.id;
}

static void ascii_lower(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'A' && s[i] <= 'Z')
            s[i] = (char)(s[i] - 'A' + 'a');
}

/* Case aside (ASCII): the search word tables hold folded, lower-case
 * words, so an exact-case look would miss a leftover "xylophagous". */
static bool file_contains(const char *path, const char *needle)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    bool found = false;
    char *low = strdup(needle);
    if (size > 0 && low) {
        ascii_lower(low, strlen(low));
        char *buf = malloc((size_t)size);
        if (buf && fread(buf, 1, (size_t)size, f) == (size_t)size) {
            ascii_lower(buf, (size_t)size);
            found = memmem(buf, (size_t)size, low, strlen(low)) != NULL;
        }
        free(buf);
    }
    free(low);
    fclose(f);
    return found;
}

/* Every text value of every table (the word tables included), read
 * through SQLite, so what the raw bytes could hide is seen too. */
static bool rows_contain(const char *db, const char *needle)
{
    sqlite3 *raw = NULL;
    bool found = false;
    if (sqlite3_open_v2(db, &raw, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(raw);
        return true;   /* unreadable counts as "not shown clean" */
    }
    sqlite3_stmt *tables = NULL;
    sqlite3_prepare_v2(raw, "SELECT name FROM sqlite_schema WHERE type = 'table'",
                       -1, &tables, NULL);
    while (!found && tables && sqlite3_step(tables) == SQLITE_ROW) {
        char sql[256];
        snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"",
                 (const char *)sqlite3_column_text(tables, 0));
        sqlite3_stmt *rows = NULL;
        if (sqlite3_prepare_v2(raw, sql, -1, &rows, NULL) != SQLITE_OK)
            continue;
        while (!found && sqlite3_step(rows) == SQLITE_ROW)
            for (int i = 0; i < sqlite3_column_count(rows) && !found; i++) {
                const unsigned char *v = sqlite3_column_text(rows, i);
                if (!v)
                    continue;
                char *low = strdup((const char *)v), *want = strdup(needle);
                if (low && want) {
                    ascii_lower(low, strlen(low));
                    ascii_lower(want, strlen(want));
                    found = strstr(low, want) != NULL;
                }
                free(low);
                free(want);
            }
        sqlite3_finalize(rows);
    }
    sqlite3_finalize(tables);
    sqlite3_close(raw);
    return found;
}

/* The file, its -wal and -journal, raw (every table, index and freed
 * page), and every row read back. */
static bool db_contains(const char *db, const char *needle)
{
    char side[512];
    snprintf(side, sizeof side, "%s-wal", db);
    bool found = file_contains(db, needle) || file_contains(side, needle);
    snprintf(side, sizeof side, "%s-journal", db);
    return found || file_contains(side, needle) || rows_contain(db, needle);
}

static void test_open(void)
{
    const char *db = path_in("new/deeper/rapport.db");
    struct store *st = NULL;
    char *error = NULL;
    ok(store_open(db, 0, &st, &error, NULL) != STORE_OK && !st,
       "a missing database is not created without STORE_OPEN_CREATE");
    ok(error && strstr(error, db), "the message names the file");
    free(error);

    st = open_db(db, STORE_OPEN_CREATE);
    ok(st != NULL, "STORE_OPEN_CREATE creates the file and its folders");
    struct stat sb;
    ok(stat(db, &sb) == 0 && (sb.st_mode & 0777) == 0600, "the file is 0600");
    ok(stat(path_in("new/deeper"), &sb) == 0 && (sb.st_mode & 0777) == 0700,
       "its folder is 0700");
    is_str(store_path(st), db, "store_path");
    ok(!store_read_only(st), "opened for writing");
    store_close(st);

    sqlite3 *raw = NULL;
    sqlite3_open_v2(db, &raw, SQLITE_OPEN_READONLY, NULL);
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &stmt, NULL);
    sqlite3_step(stmt);
    is_str((const char *)sqlite3_column_text(stmt, 0), "wal", "the journal is a WAL");
    sqlite3_finalize(stmt);
    sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &stmt, NULL);
    sqlite3_step(stmt);
    is_int(sqlite3_column_int(stmt, 0), store_schema_version(),
           "a new database is at the current schema version");
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
    ok(store_schema_version() >= 2, "the schema has migrations past version 1");

    chmod(db, 0620);
    error = NULL;
    ok(store_open(db, 0, &st, &error, NULL) != STORE_OK,
       "a group-writable database is refused");
    ok(error && strstr(error, "chmod 600"), "the message says how to fix it");
    free(error);
    st = open_db(db, STORE_OPEN_SHARED);
    ok(st != NULL, "a shared team database may be group-writable");
    store_close(st);
    chmod(db, 0606);
    error = NULL;
    ok(store_open(db, STORE_OPEN_SHARED, &st, &error, NULL) != STORE_OK,
       "a database every user can write is refused even when shared");
    free(error);

    /* Only root can hand a file to another user; elsewhere this check
     * cannot be set up and is left out. */
    if (chown(db, 65534, (gid_t)-1) == 0) {
        error = NULL;
        ok(store_open(db, 0, &st, &error, NULL) != STORE_OK && !st,
           "a database owned by another user is refused");
        ok(error && strstr(error, "another user"), "the message says whose it is");
        free(error);
        if (chown(db, geteuid(), (gid_t)-1) != 0)
            printf("# cannot give %s back\n", db);
    }

    chmod(db, 0644);
    struct strlist warnings = { 0 };
    error = NULL;
    ok(store_open(db, 0, &st, &error, &warnings) == STORE_OK,
       "a database others can read opens");
    ok(warnings.len == 1 && strstr(warnings.items[0], "chmod 600"),
       "with a warning that says how to make it private");
    strlist_clear(&warnings);
    store_close(st);
    chmod(db, 0600);

    char wal[400];
    snprintf(wal, sizeof wal, "%s-wal", db);
    FILE *w = fopen(wal, "w");
    if (w)
        fclose(w);
    chmod(wal, 0666);
    error = NULL;
    ok(store_open(db, 0, &st, &error, NULL) != STORE_OK && !st,
       "a write-ahead log every user can write is refused");
    ok(error && strstr(error, "-wal") && strstr(error, "chmod 600"),
       "the message names the log and the fix");
    free(error);
    unlink(wal);

    chmod(path_in("new/deeper"), 0777);
    error = NULL;
    ok(store_open(db, 0, &st, &error, NULL) != STORE_OK && !st,
       "a database in a folder every user can write is refused");
    ok(error && strstr(error, "chmod 700"), "the message says how to fix the folder");
    free(error);
    /* Sticky (like /tmp) keeps others from replacing the file, not from
     * planting its -wal before SQLite makes it (issue 21). */
    chmod(path_in("new/deeper"), 01777);
    error = NULL;
    ok(store_open(db, 0, &st, &error, &warnings) != STORE_OK && !st,
       "a database in a sticky folder every user can write is refused");
    ok(error && strstr(error, "-wal") && strstr(error, "chmod 700"),
       "the message says why and how to fix the folder");
    free(error);
    strlist_clear(&warnings);
    chmod(path_in("new/deeper"), 0770);
    error = NULL;
    ok(store_open(db, 0, &st, &error, NULL) != STORE_OK && !st,
       "a database in a folder its group can write is refused");
    free(error);
    error = NULL;
    ok(store_open(db, STORE_OPEN_SHARED, &st, &error, NULL) == STORE_OK,
       "unless it is a team database");
    store_close(st);
    free(error);
    chmod(path_in("new/deeper"), 02777);
    error = NULL;
    ok(store_open(db, STORE_OPEN_SHARED, &st, &error, NULL) != STORE_OK && !st,
       "a team folder users outside the group can write is refused");
    ok(error && strstr(error, "chmod o-w"), "the message says how to close it");
    free(error);
    chmod(path_in("new/deeper"), 0700);

    const char *junk = path_in("junk.db");
    FILE *f = fopen(junk, "w");
    for (int i = 0; i < 400; i++)
        fputs("this is not a database at all; ", f);
    fclose(f);
    chmod(junk, 0600);
    error = NULL;
    ok(store_open(junk, 0, &st, &error, NULL) == STORE_FAILED && !st,
       "a file that is no database is refused");
    ok(error && strstr(error, "damaged"), "the message says it may be damaged");
    free(error);

    error = NULL;
    ok(store_open(dir, 0, &st, &error, NULL) != STORE_OK,
       "a folder is refused");
    ok(error && strstr(error, "regular file"), "because it is no regular file");
    free(error);
}

static void test_contacts(struct store *st, struct store *other)
{
    time_t t = noon(2026, 3, 1);
    struct contact c = { .stage = STAGE_CUSTOMER, .cadence_days = 10,
                         .roles = ROLE_USER | ROLE_DECISION_MAKER };
    c.name = strdup("Ann Lee");
    c.org = strdup("Physics Dept");
    c.title = strdup("Professor");
    c.projects = strdup("dark matter survey");
    c.goals = strdup("open data");
    c.channel = strdup("email");
    strlist_push(&c.emails, "ann@uni.example");
    strlist_push(&c.emails, "a.lee@home.example");
    phone_list_push(&c.phones, "+44 1234", "cell");
    strlist_push(&c.tags, "astro");
    ok(store_contact_add(st, &c, t) == STORE_OK && c.id > 0, "add a contact");
    is_int(c.version, 1, "a new contact is version 1");
    int64_t id = c.id;
    contact_clear(&c);

    struct contact got = { 0 };
    ok(store_contact_get(st, id, &got) == STORE_OK, "read it back");
    is_str(got.name, "Ann Lee", "name");
    is_str(got.org, "Physics Dept", "organisation");
    is_str(got.title, "Professor", "title");
    is_str(got.projects, "dark matter survey", "projects");
    is_str(got.goals, "open data", "goals");
    is_str(got.channel, "email", "channel");
    is_int(got.roles, ROLE_USER | ROLE_DECISION_MAKER, "roles");
    is_int(got.stage, STAGE_CUSTOMER, "stage");
    is_int(got.stage_since, t, "stage since");
    is_int(got.cadence_days, 10, "own cadence");
    is_int(got.emails.len, 2, "two emails");
    is_str(got.emails.items[1], "a.lee@home.example", "emails keep their order");
    is_str(got.phones.items[0].number, "+44 1234", "phone");
    is_str(got.phones.items[0].kind, "cell", "and its kind");
    is_str(got.tags.items[0], "astro", "tag");
    is_int(got.created, t, "created");
    is_int(got.last_touch, t, "a new contact counts as touched when added");
    ok(!date_is_set(got.next_due), "no follow-up yet");
    ok(store_contact_get(st, 9999, &c) == STORE_NOT_FOUND, "a missing id is not found");
    ok(strstr(store_error(st), "#9999") != NULL, "the message names the id");

    int64_t bob = add(st, "Bob Stone", "physics dept", NULL, NULL, STAGE_END_USER, t);
    struct org o = { 0 };
    ok(store_org_get(st, "PHYSICS DEPT", 0, &o) == STORE_OK,
       "organisations match without regard to case");
    is_int(o.stage_counts[STAGE_END_USER], 1, "the organisation counts its end users");
    is_int(o.stage_counts[STAGE_CUSTOMER], 1, "and its customers");
    org_clear(&o);
    struct org_list orgs = { 0 };
    ok(store_org_page(st, NULL, 10, &orgs) == STORE_OK && orgs.len == 1,
       "one organisation, not two");
    org_list_clear(&orgs);

    /* Editing replaces the lists, and a stale copy is refused. */
    struct contact mine = { 0 }, theirs = { 0 };
    store_contact_get(st, id, &mine);
    store_contact_get(other, id, &theirs);
    free(mine.title);
    mine.title = strdup("Dean");
    strlist_clear(&mine.emails);
    strlist_push(&mine.emails, "dean@uni.example");
    free(mine.org);
    mine.org = strdup("Rectorate");
    ok(store_contact_update(st, &mine, t + 60) == STORE_OK, "edit a contact");
    is_int(mine.version, 2, "the edit bumps the version");
    free(theirs.title);
    theirs.title = strdup("Lecturer");
    ok(store_contact_update(other, &theirs, t + 120) == STORE_CONFLICT,
       "an edit from another session on a stale copy is a conflict");
    ok(strstr(store_error(other), "Ann Lee") != NULL, "the conflict names the contact");
    contact_clear(&got);
    store_contact_get(other, id, &got);
    is_str(got.title, "Dean", "the first edit is kept");
    is_int(got.emails.len, 1, "the emails were replaced");
    is_str(got.emails.items[0], "dean@uni.example", "by the new one");
    is_str(got.org, "Rectorate", "a new organisation is created on edit");
    contact_clear(&got);
    contact_clear(&mine);
    contact_clear(&theirs);

    ok(store_contact_by_email(st, "DEAN@uni.example", &got) == STORE_OK
       && got.id == id, "find a contact by email, any case");
    contact_clear(&got);
    ok(store_contact_by_email(st, "ann@uni.example", &got) == STORE_NOT_FOUND,
       "an email that was replaced no longer finds it");
    ok(store_contact_set_uid(st, bob, "uid-bob-1") == STORE_OK, "set a UID");
    char *uid = NULL;
    ok(store_contact_get_uid(st, bob, &uid) == STORE_OK && uid
       && strcmp(uid, "uid-bob-1") == 0, "read the UID");
    free(uid);
    ok(store_contact_by_uid(st, "uid-bob-1", &got) == STORE_OK && got.id == bob,
       "find a contact by UID");
    contact_clear(&got);

    ok(store_contact_set_archived(st, bob, true, t + 200) == STORE_OK, "archive");
    store_contact_get(st, bob, &got);
    ok(got.archived, "the contact is archived");
    contact_clear(&got);
    struct contact_filter active = { .stage = STAGE_NONE };
    int64_t n = -1;
    n = (int64_t)-1;   /* no figure left by the call before */
    ok(store_contact_count(st, &active, 0, &n) == STORE_OK, "the count reads");
    is_int(n, 1, "archived contacts are not counted");
    struct contact_filter archived = { .stage = STAGE_NONE, .only_archived = true };
    n = (int64_t)-1;   /* no figure left by the call before */
    ok(store_contact_count(st, &archived, 0, &n) == STORE_OK, "the count reads");
    is_int(n, 1, "unless asked for");

    struct contact copy = { 0 };
    store_contact_get(st, id, &got);
    ok(contact_copy(&copy, &got) == 0 && copy.name != got.name
       && strcmp(copy.name, got.name) == 0 && copy.emails.len == got.emails.len,
       "a contact copies deeply");
    contact_clear(&copy);
    contact_clear(&got);

    struct stage_change_list history = { 0 };
    ok(store_stage_change(st, id, STAGE_CLIENT, "long partnership", t + 300) == STORE_OK,
       "change a stage");
    store_stage_history(st, id, &history);
    ok(history.len == 2 && history.items[0].to == STAGE_CLIENT
       && history.items[0].from == STAGE_CUSTOMER
       && history.items[1].from == STAGE_NONE, "the history is kept, newest first");
    if (history.len)
        is_str(history.items[0].reason, "long partnership", "with the reason");
    stage_change_list_clear(&history);
    is_int(stage_from_key("customer"), STAGE_CUSTOMER, "stage keys");
    is_str(stage_key(STAGE_END_USER), "end-user", "stage key of end users");
}

/* Names sort as their folded keys: "Person 00" .. "Person 24". */
static void test_windows(struct store *st)
{
    time_t t = noon(2026, 4, 1);
    int64_t ids[25];
    for (int i = 0; i < 25; i++) {
        char name[32];
        snprintf(name, sizeof name, "Person %02d", i);
        ids[i] = add(st, name, "Windows Org", NULL, i % 2 ? "odd" : "even",
                     (enum stage)(i % 3), t - (time_t)(25 - i) * DAY);
    }
    struct contact_filter f = { .stage = STAGE_NONE, .org = "windows org" };
    struct contact_list a = { 0 }, b = { 0 }, c = { 0 }, back = { 0 };
    ok(store_contact_page(st, &f, CONTACT_SORT_NAME, NULL, false, 10, &a) == STORE_OK
       && a.len == 10 && a.more, "a first window of 10, more to come");
    ok(a.len && a.items[0].id == ids[0] && a.items[9].id == ids[9], "in name order");
    store_contact_page(st, &f, CONTACT_SORT_NAME, &a.items[9], false, 10, &b);
    ok(b.len == 10 && b.more && b.items[0].id == ids[10], "the next window");
    store_contact_page(st, &f, CONTACT_SORT_NAME, &b.items[9], false, 10, &c);
    ok(c.len == 5 && !c.more && c.items[4].id == ids[24], "the last window has no more");
    store_contact_page(st, &f, CONTACT_SORT_NAME, &c.items[0], true, 10, &back);
    ok(back.len == 10 && back.more && back.items[0].id == ids[10]
       && back.items[9].id == ids[19], "backward: the window before, in sort order");
    contact_list_clear(&back);
    store_contact_page(st, &f, CONTACT_SORT_NAME, &a.items[3], true, 10, &back);
    ok(back.len == 3 && !back.more && back.items[0].id == ids[0],
       "backward near the start stops there");
    contact_list_clear(&back);
    contact_list_clear(&a);
    contact_list_clear(&b);
    contact_list_clear(&c);

    /* Clients first, then by name, across windows. */
    struct contact_list all = { 0 };
    size_t total = 0;
    bool ordered = true;
    int last_stage = STAGE_CLIENT;
    const struct contact *cursor = NULL;
    struct contact keep = { 0 };
    for (;;) {
        store_contact_page(st, &f, CONTACT_SORT_STAGE, cursor, false, 4, &all);
        for (size_t i = 0; i < all.len; i++) {
            if ((int)all.items[i].stage > last_stage)
                ordered = false;
            last_stage = all.items[i].stage;
        }
        total += all.len;
        bool more = all.more;
        contact_clear(&keep);
        if (all.len)
            contact_copy(&keep, &all.items[all.len - 1]);
        contact_list_clear(&all);
        if (!more)
            break;
        cursor = &keep;
    }
    contact_clear(&keep);
    is_int(total, 25, "stage order reaches every contact window by window");
    ok(ordered, "clients first, end users last");
    struct contact_list back2 = { 0 };
    store_contact_page(st, &f, CONTACT_SORT_STAGE, NULL, false, 25, &all);
    store_contact_page(st, &f, CONTACT_SORT_STAGE, &all.items[12], true, 5, &back2);
    ok(back2.len == 5 && back2.items[0].id == all.items[7].id
       && back2.items[4].id == all.items[11].id, "stage order backward");
    contact_list_clear(&back2);
    contact_list_clear(&all);

    store_contact_page(st, &f, CONTACT_SORT_LAST_TOUCH, NULL, false, 3, &all);
    ok(all.len == 3 && all.items[0].id == ids[0] && all.items[2].id == ids[2],
       "longest untouched first");
    contact_list_clear(&all);

    add_followup(st, ids[20], (struct date){ 2026, 5, 2 }, "call back", t);
    add_followup(st, ids[5], (struct date){ 2026, 4, 20 }, "send list", t);
    store_contact_page(st, &f, CONTACT_SORT_NEXT_DUE, NULL, false, 2, &all);
    ok(all.len == 2 && all.items[0].id == ids[5] && all.items[1].id == ids[20],
       "soonest follow-up first");
    struct contact_list rest = { 0 };
    if (all.len == 2)
        store_contact_page(st, &f, CONTACT_SORT_NEXT_DUE, &all.items[1], false, 50, &rest);
    ok(rest.len == 23 && !date_is_set(rest.items[0].next_due),
       "contacts without follow-ups come last");
    contact_list_clear(&rest);
    contact_list_clear(&all);

    struct contact_filter odd = { .stage = STAGE_CLIENT, .tag = "ODD", .org = "Windows Org" };
    int64_t n = 0;
    n = (int64_t)-1;   /* no figure left by the call before */
    ok(store_contact_count(st, &odd, 0, &n) == STORE_OK, "the count reads");
    is_int(n, 4, "filter by stage and tag (any case)");
    struct contact_filter dm = { .stage = STAGE_NONE, .role = ROLE_DECISION_MAKER,
                                 .org = "Windows Org" };
    n = (int64_t)-1;   /* no figure left by the call before */
    ok(store_contact_count(st, &dm, 0, &n) == STORE_OK, "the count reads");
    is_int(n, 0, "filter by role");
}

static void test_search(struct store *st)
{
    time_t t = noon(2026, 5, 1);
    int64_t zoe = add(st, "Zoë Ødegård", "Bergen Library", "zoe@bergen.example",
                      "manuscripts", STAGE_CLIENT, t);
    int64_t li = add(st, "李小龙", NULL, NULL, NULL, STAGE_END_USER, t);
    int64_t other = add(st, "Carl Odell", NULL, NULL, NULL, STAGE_END_USER, t);
    add_note(st, other, "Talked about the palimpsest digitisation project.", t);

    struct contact_filter f = { .stage = STAGE_NONE, .text = "zoe ode" };
    struct contact_list l = { 0 };
    ok(store_contact_page(st, &f, CONTACT_SORT_NAME, NULL, false, 10, &l) == STORE_OK
       && l.len == 1 && l.items[0].id == zoe, "\"zoe ode\" finds Zoë Ødegård");
    contact_list_clear(&l);
    f.text = "ZOË";
    store_contact_page(st, &f, CONTACT_SORT_NAME, NULL, false, 10, &l);
    ok(l.len == 1 && l.items[0].id == zoe, "case and accents do not matter");
    contact_list_clear(&l);
    f.text = "odegard";
    store_contact_page(st, &f, CONTACT_SORT_NAME, NULL, false, 10, &l);
    ok(l.len == 1 && l.items[0].id == zoe, "a letter with a stroke folds (ø → o)");
    contact_list_clear(&l);
    f.text = "李小龙";
    store_contact_page(st, &f, CONTACT_SORT_NAME, NULL, false, 10, &l);
    ok(l.len == 1 && l.items[0].id == li, "a name in Chinese is found");
    contact_list_clear(&l);
    f.text = "李";
    store_contact_page(st, &f, CONTACT_SORT_NAME, NULL, false, 10, &l);
    ok(l.len == 1 && l.items[0].id == li, "and by its first character");
    contact_list_clear(&l);
    f.text = "bergen manu";
    store_contact_page(st, &f, CONTACT_SORT_NAME, NULL, false, 10, &l);
    ok(l.len == 1 && l.items[0].id == zoe, "organisation and tag words are searched");
    contact_list_clear(&l);
    f.text = "zoe@bergen";
    store_contact_page(st, &f, CONTACT_SORT_NAME, NULL, false, 10, &l);
    ok(l.len == 1 && l.items[0].id == zoe, "email addresses are searched");
    contact_list_clear(&l);
    f.text = "palim";
    store_contact_page(st, &f, CONTACT_SORT_NAME, NULL, false, 10, &l);
    ok(l.len == 1 && l.items[0].id == other, "a word of a note finds its contact");
    contact_list_clear(&l);
    int64_t n = 0;
    n = (int64_t)-1;   /* no figure left by the call before */
    ok(store_contact_count(st, &f, 0, &n) == STORE_OK, "the count reads");
    is_int(n, 1, "counts honour the search");
    f.text = "\"AND (OR* NEAR( -";
    ok(store_contact_page(st, &f, CONTACT_SORT_NAME, NULL, false, 10, &l) == STORE_OK,
       "search syntax typed by a person is only text");
    contact_list_clear(&l);

    struct search_hit_list hits = { 0 };
    ok(store_search(st, "palimpsest", 10, &hits) == STORE_OK && hits.len == 1,
       "search finds the note");
    if (hits.len) {
        ok(hits.items[0].note_id > 0 && hits.items[0].contact.id == other,
           "the hit names the note and its contact");
        ok(hits.items[0].snippet && strstr(hits.items[0].snippet, "palimpsest"),
           "with a snippet");
    }
    search_hit_list_clear(&hits);
    ok(store_search(st, "Odell", 10, &hits) == STORE_OK && hits.len == 1
       && hits.items[0].note_id == 0, "a contact hit has no note");
    search_hit_list_clear(&hits);

    struct contact_list m = { 0 };
    ok(store_contact_match(st, "zo", false, 5, &m) == STORE_OK && m.len == 1
       && m.items[0].id == zoe, "match a name by a word's start");
    contact_list_clear(&m);
    ok(store_contact_match(st, "dell", false, 5, &m) == STORE_OK && m.len == 1
       && m.items[0].id == other, "or by any part of it when no word starts so");
    contact_list_clear(&m);
    ok(store_contact_match(st, "palimpsest", false, 5, &m) == STORE_OK && m.len == 0,
       "matching a name does not look at notes");
    contact_list_clear(&m);
}

static void test_derived_and_undo(struct store *st)
{
    time_t t = noon(2026, 6, 1);
    int64_t id = add(st, "Dora Derived", NULL, NULL, NULL, STAGE_END_USER, t);
    struct contact c = { 0 };
    struct journal_entry undone = { 0 };

    add_note(st, id, "first call", t + DAY);
    store_contact_get(st, id, &c);
    is_int(c.note_count, 1, "a note counts");
    is_int(c.last_touch, t + DAY, "a note touches the contact");
    contact_clear(&c);

    int64_t fu = add_followup(st, id, (struct date){ 2026, 6, 20 }, "send report", t + DAY);
    store_contact_get(st, id, &c);
    ok(date_compare(c.next_due, (struct date){ 2026, 6, 20 }) == 0, "next_due is the follow-up's");
    contact_clear(&c);
    ok(store_followup_snooze(st, fu, (struct date){ 2026, 6, 25 }, t + 2 * DAY) == STORE_OK,
       "snooze");
    store_contact_get(st, id, &c);
    ok(date_compare(c.next_due, (struct date){ 2026, 6, 25 }) == 0, "next_due follows the snooze");
    contact_clear(&c);
    struct followup f = { 0 };
    store_followup_get(st, fu, &f);
    ok(date_compare(f.due, (struct date){ 2026, 6, 20 }) == 0
       && date_compare(f.snoozed_until, (struct date){ 2026, 6, 25 }) == 0,
       "the due date stays, the snooze is kept");
    is_str(f.contact_name, "Dora Derived", "a follow-up names its contact");
    followup_clear(&f);

    ok(store_undo(st, &undone) == STORE_OK && undone.what
       && strstr(undone.what, "snoozed"), "undo the snooze");
    journal_entry_clear(&undone);
    store_contact_get(st, id, &c);
    ok(date_compare(c.next_due, (struct date){ 2026, 6, 20 }) == 0, "next_due is back");
    contact_clear(&c);

    struct followup next = { .due = { 2026, 7, 20 }, .due_minutes = -1 };
    next.text = strdup("send report");
    next.every = (struct interval){ 1, 'm' };
    struct note log = { 0 };
    snprintf(log.kind, sizeof log.kind, "note");
    log.body = strdup("report sent");
    ok(store_followup_done(st, fu, &next, &log, t + 3 * DAY) == STORE_OK
       && next.id > 0 && log.id > 0, "complete with a next occurrence and a note");
    store_contact_get(st, id, &c);
    is_int(c.last_touch, t + 3 * DAY, "completing touches the contact");
    is_int(c.note_count, 2, "the log note counts");
    ok(date_compare(c.next_due, (struct date){ 2026, 7, 20 }) == 0, "next_due is the next occurrence");
    contact_clear(&c);
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "done"),
       "undo the completion");
    journal_entry_clear(&undone);
    store_followup_get(st, fu, &f);
    is_int(f.state, FOLLOWUP_OPEN, "the follow-up is open again");
    followup_clear(&f);
    ok(store_followup_get(st, next.id, &f) == STORE_NOT_FOUND, "the next occurrence is gone");
    store_contact_get(st, id, &c);
    is_int(c.note_count, 1, "the log note is gone");
    is_int(c.last_touch, t + DAY, "last touch is back");
    contact_clear(&c);
    free(next.text);
    free(log.body);

    struct score s = { .contact_id = id, .value = 9 };
    ok(store_score_add(st, &s, t + 4 * DAY) == STORE_OK && s.id > 0, "add a score");
    store_contact_get(st, id, &c);
    is_int(c.last_touch, t + 4 * DAY, "a score touches the contact");
    contact_clear(&c);
    struct score_list scores = { 0 };
    store_score_list(st, id, &scores);
    ok(scores.len == 1 && scores.items[0].value == 9, "list the scores");
    score_list_clear(&scores);
    s.value = 11;
    ok(store_score_add(st, &s, t) == STORE_INVALID, "a score above 10 is refused");
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "score"), "undo the score");
    journal_entry_clear(&undone);
    store_score_list(st, id, &scores);
    is_int(scores.len, 0, "the score is gone");
    score_list_clear(&scores);

    store_stage_change(st, id, STAGE_CUSTOMER, NULL, t + 5 * DAY);
    store_contact_get(st, id, &c);
    ok(c.stage == STAGE_CUSTOMER && c.stage_since == t + 5 * DAY
       && c.last_touch == t + 5 * DAY, "a stage change sets stage, since and touch");
    contact_clear(&c);
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "end-user → customer"),
       "undo the stage change");
    journal_entry_clear(&undone);
    store_contact_get(st, id, &c);
    ok(c.stage == STAGE_END_USER && c.stage_since == t && c.last_touch == t + DAY,
       "stage, since and touch are back");
    contact_clear(&c);

    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "follow-up"),
       "undo adding the follow-up");
    journal_entry_clear(&undone);
    store_contact_get(st, id, &c);
    ok(!date_is_set(c.next_due), "no next follow-up after undo");
    contact_clear(&c);
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "note"), "undo the note");
    journal_entry_clear(&undone);
    store_contact_get(st, id, &c);
    ok(c.note_count == 0 && c.last_touch == t, "note count and touch are back");
    int64_t version = c.version;
    free(c.title);
    c.title = strdup("Curator");
    strlist_push(&c.tags, "temp");
    store_contact_update(st, &c, t + 6 * DAY);
    contact_clear(&c);
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "Dora"), "undo the edit");
    journal_entry_clear(&undone);
    store_contact_get(st, id, &c);
    ok(c.title == NULL && c.tags.len == 0 && c.version == version, "the edit is reverted");
    contact_clear(&c);
    struct contact_filter f2 = { .stage = STAGE_NONE, .text = "curator" };
    int64_t n = -1;
    n = (int64_t)-1;   /* no figure left by the call before */
    ok(store_contact_count(st, &f2, 0, &n) == STORE_OK, "the count reads");
    is_int(n, 0, "the search index follows the undo");

    ok(store_contact_set_archived(st, id, true, t) == STORE_OK, "archived");
    ok(store_undo(st, &undone) == STORE_OK, "undone");
    journal_entry_clear(&undone);
    store_contact_get(st, id, &c);
    ok(!c.archived, "undo an archive");
    contact_clear(&c);

    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "added contact"),
       "undo adding the contact");
    journal_entry_clear(&undone);
    ok(store_contact_get(st, id, &c) == STORE_NOT_FOUND, "the contact is gone");

    struct journal_list recent = { 0 };
    ok(store_journal_recent(st, 3, &recent) == STORE_OK && recent.len == 3 && recent.more,
       "the journal lists recent changes");
    journal_list_clear(&recent);
}

static enum store_status batch_two(struct store *st, void *arg)
{
    int64_t *ids = arg;
    ids[0] = add(st, "Batch One", NULL, NULL, NULL, STAGE_END_USER, noon(2026, 6, 2));
    ids[1] = add(st, "Batch Two", NULL, NULL, NULL, STAGE_END_USER, noon(2026, 6, 2));
    return ids[0] && ids[1] ? STORE_OK : STORE_FAILED;
}

static enum store_status batch_fail(struct store *st, void *arg)
{
    int64_t *ids = arg;
    ids[0] = add(st, "Batch Three", NULL, NULL, NULL, STAGE_END_USER, noon(2026, 6, 2));
    return store_fail(st, STORE_INVALID, "line 2: no name");
}

static void test_batch(struct store *st)
{
    int64_t ids[2] = { 0, 0 };
    struct contact c = { 0 };
    ok(store_batch(st, "import of 2 contacts", batch_two, ids) == STORE_OK, "a batch");
    ok(store_contact_get(st, ids[1], &c) == STORE_OK, "its writes are kept");
    contact_clear(&c);
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK, "undo the batch");
    is_str(undone.what, "import of 2 contacts", "as one change");
    journal_entry_clear(&undone);
    ok(store_contact_get(st, ids[0], &c) == STORE_NOT_FOUND
       && store_contact_get(st, ids[1], &c) == STORE_NOT_FOUND, "both contacts are gone");
    ok(store_batch(st, "bad import", batch_fail, ids) == STORE_INVALID,
       "a failing batch fails");
    is_str(store_error(st), "line 2: no name", "with its message");
    ok(store_contact_get(st, ids[0], &c) == STORE_NOT_FOUND, "and nothing of it is kept");
}

static enum store_status batch_nothing(struct store *st, void *arg)
{
    (void)st;
    (void)arg;
    return STORE_OK;
}

static enum store_status batch_one(struct store *st, void *arg)
{
    int64_t *id = arg;
    *id = add(st, "Demo Person", NULL, NULL, NULL, STAGE_CLIENT, noon(2026, 7, 1));
    return *id > 0 ? STORE_OK : STORE_FAILED;
}

/* Each connection knows its own journal entries; an undo aimed at one
 * entry refuses when another change came after it. */
static void test_undo_owner(struct store *st, struct store *other)
{
    time_t t = noon(2026, 7, 2);
    struct journal_list recent = { 0 };
    int64_t mine = add(st, "Mine Person", NULL, NULL, NULL, STAGE_END_USER, t);
    ok(store_journal_recent(st, 1, &recent) == STORE_OK && recent.len == 1
       && recent.items[0].own, "the change belongs to the connection that made it");
    journal_list_clear(&recent);
    ok(store_journal_recent(other, 1, &recent) == STORE_OK && recent.len == 1
       && !recent.items[0].own, "and not to another");
    int64_t my_entry = recent.len ? recent.items[0].id : 0;
    journal_list_clear(&recent);
    int64_t theirs = add(other, "Theirs Person", NULL, NULL, NULL, STAGE_END_USER, t);
    struct journal_entry undone = { 0 };
    ok(store_undo_entry(st, my_entry, &undone) == STORE_CONFLICT,
       "undoing it after a newer change elsewhere is refused");
    struct contact c = { 0 };
    ok(store_contact_get(st, mine, &c) == STORE_OK, "and the change stays");
    contact_clear(&c);
    ok(store_journal_recent(st, 1, &recent) == STORE_OK && recent.len == 1
       && !recent.items[0].own, "the newest is the other's");
    int64_t their_entry = recent.len ? recent.items[0].id : 0;
    journal_list_clear(&recent);
    ok(store_undo_entry(st, their_entry, &undone) == STORE_OK
       && strstr(undone.what, "Theirs Person"), "asked for by id, it is undone");
    journal_entry_clear(&undone);
    ok(store_contact_get(st, theirs, &c) == STORE_NOT_FOUND, "their contact is gone");
    ok(store_undo_entry(st, my_entry, &undone) == STORE_OK, "then mine");
    journal_entry_clear(&undone);

    int64_t before = 0, demo = 0;
    ok(store_journal_recent(st, 1, &recent) == STORE_OK, "the journal reads");
    before = recent.len ? recent.items[0].id : 0;
    journal_list_clear(&recent);
    ok(store_batch(st, NULL, batch_one, &demo) == STORE_OK && demo > 0,
       "a batch without a name");
    ok(store_journal_recent(st, 1, &recent) == STORE_OK
       && (recent.len ? recent.items[0].id : 0) == before,
       "leaves nothing in the journal");
    journal_list_clear(&recent);
    ok(store_contact_get(st, demo, &c) == STORE_OK, "but its writes are kept");
    contact_clear(&c);
    ok(store_journal_recent(st, 1, &recent) == STORE_OK, "the journal reads again");
    before = recent.len ? recent.items[0].id : 0;
    journal_list_clear(&recent);
    ok(store_batch(st, "import", batch_nothing, NULL) == STORE_OK, "a batch that changes nothing");
    ok(store_journal_recent(st, 1, &recent) == STORE_OK
       && (recent.len ? recent.items[0].id : 0) == before,
       "is no step to undo");
    journal_list_clear(&recent);
}

static void test_forget(struct store *st, const char *db)
{
    time_t t = noon(2026, 7, 1);
    int64_t keep = add(st, "Kept Person", NULL, NULL, NULL, STAGE_END_USER, t);
    int64_t id = add(st, "Quentin Xylophagous", "Forget Org", "qx.unique@example.org",
                     "forgettag", STAGE_CUSTOMER, t);
    add_note(st, id, "He asked about zyzzogeton beetles.", t);
    add_note(st, keep, "an ordinary note", t);
    add_followup(st, id, (struct date){ 2026, 7, 9 }, "mail the zyzzogeton list", t);
    struct score s = { .contact_id = id, .value = 3 };
    s.comment = strdup("grumpy_kwyjibo");
    store_score_add(st, &s, t);
    free(s.comment);
    store_stage_change(st, id, STAGE_CLIENT, "reason_wibblequx", t);
    struct contact c = { 0 };
    store_contact_get(st, id, &c);
    free(c.title);
    c.title = strdup("Xylo");
    store_contact_update(st, &c, t);
    contact_clear(&c);

    static const char *const words[] = {
        "Xylophagous", "xylophagous", "quentin", "qx.unique@example.org",
        "zyzzogeton", "grumpy_kwyjibo", "reason_wibblequx", "forgettag",
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        char name[96];
        snprintf(name, sizeof name, "before forget \"%s\" is in the file (the check can fail)",
                 words[i]);
        ok(db_contains(db, words[i]), name);
    }
    ok(store_contact_forget(st, id) == STORE_OK, "forget a contact");
    ok(store_contact_get(st, id, &c) == STORE_NOT_FOUND, "the contact is gone");
    ok(store_contact_get(st, keep, &c) == STORE_OK && c.note_count == 1,
       "others are untouched");
    contact_clear(&c);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        char name[96];
        snprintf(name, sizeof name, "\"%s\" is nowhere in the file", words[i]);
        ok(!db_contains(db, words[i]), name);
    }
    struct stat sb;
    char wal[512];
    snprintf(wal, sizeof wal, "%s-wal", db);
    ok(stat(wal, &sb) != 0 || sb.st_size == 0, "the WAL is emptied");
    struct search_hit_list hits = { 0 };
    store_search(st, "zyzzogeton", 10, &hits);
    is_int(hits.len, 0, "search no longer finds the person");
    search_hit_list_clear(&hits);
    struct journal_list recent = { 0 };
    store_journal_recent(st, 200, &recent);
    bool named = false;
    for (size_t i = 0; i < recent.len; i++)
        if (strstr(recent.items[i].what, "Quentin"))
            named = true;
    ok(!named, "the journal no longer names the person");
    journal_list_clear(&recent);
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_INVALID
       && strstr(store_error(st), "cannot be undone")
       && strstr(store_error(st), "erased contact #"),
       "undo right after a forget says that it cannot be undone");
    ok(store_undo(st, &undone) == STORE_OK && strstr(undone.what, "note"),
       "undo again skips past the forgotten person's changes");
    journal_entry_clear(&undone);
    ok(!store_wipe_pending(st), "no reader kept the old copies");
    /* A reader holding a snapshot keeps the old copies in the WAL. */
    int64_t other = add(st, "Rosalind Reader", NULL, NULL, NULL, STAGE_CLIENT, t);
    struct store *reader = open_db(db, 0);
    sqlite3 *raw = NULL;
    sqlite3_open(db, &raw);
    sqlite3_exec(raw, "BEGIN; SELECT count(*) FROM contact;", NULL, NULL, NULL);
    ok(store_contact_forget(st, other) == STORE_OK, "forget with a reader open");
    ok(store_wipe_pending(st), "says the wipe is not finished");
    sqlite3_exec(raw, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(raw);
    store_close(reader);
    ok(store_undo(st, &undone) == STORE_INVALID, "undo after the second forget refuses too");
    journal_entry_clear(&undone);
    ok(store_contact_get(st, id, &c) == STORE_NOT_FOUND, "forget cannot be undone");
    ok(store_contact_forget(st, id) == STORE_NOT_FOUND, "forgetting twice is not found");
}

static void test_quiet(const char *db)
{
    struct store *st = open_db(db, STORE_OPEN_CREATE);
    if (!st) {
        ok(false, "the database opens: st");   /* a dropped group is seen */
        return;
    }
    time_t now = noon(2026, 8, 1);
    int cadence[STAGE_COUNT] = { 0, 45, 21 };
    int64_t a = add(st, "Client A", NULL, NULL, NULL, STAGE_CLIENT, now - 30 * DAY);
    int64_t b = add(st, "Client B", NULL, NULL, NULL, STAGE_CLIENT, now - 25 * DAY);
    add(st, "Client fresh", NULL, NULL, NULL, STAGE_CLIENT, now - 5 * DAY);
    int64_t c = add(st, "Customer C", NULL, NULL, NULL, STAGE_CUSTOMER, now - 100 * DAY);
    add(st, "Customer D", NULL, NULL, NULL, STAGE_CUSTOMER, now - 10 * DAY);
    add(st, "End user E", NULL, NULL, NULL, STAGE_END_USER, now - 400 * DAY);
    struct contact own = { .stage = STAGE_CUSTOMER, .cadence_days = 5 };
    own.name = strdup("Customer F");
    store_contact_add(st, &own, now - 10 * DAY);
    int64_t f = own.id;
    contact_clear(&own);
    struct contact never = { .stage = STAGE_CLIENT, .cadence_days = 0 };
    never.name = strdup("Client never");
    store_contact_add(st, &never, now - 300 * DAY);
    contact_clear(&never);
    int64_t g = add(st, "Client touched", NULL, NULL, NULL, STAGE_CLIENT, now - 60 * DAY);
    add_note(st, g, "still in touch", now - 2 * DAY);

    int64_t n = 0;
    ok(store_quiet_count(st, cadence, NULL, now, &n) == STORE_OK, "count quiet contacts");
    is_int(n, 4, "four have gone quiet");
    struct contact_list l = { 0 }, rest = { 0 };
    store_quiet_page(st, cadence, NULL, now, NULL, 2, &l);
    ok(l.len == 2 && l.more && l.items[0].id == a && l.items[1].id == b,
       "clients first, the most overdue first");
    if (l.len == 2)
        store_quiet_page(st, cadence, NULL, now, &l.items[1], 10, &rest);
    ok(rest.len == 2 && !rest.more && rest.items[0].id == c && rest.items[1].id == f,
       "then customers, a contact's own cadence counting");
    contact_list_clear(&l);
    contact_list_clear(&rest);
    store_quiet_page(st, cadence, NULL, now, NULL, 3, &l);
    if (l.len == 3)
        store_quiet_page(st, cadence, NULL, now, &l.items[2], 3, &rest);
    ok(l.len == 3 && l.items[2].id == c && rest.len == 1 && rest.items[0].id == f,
       "a window may end between the two cadences of a stage");
    contact_list_clear(&l);
    contact_list_clear(&rest);
    store_quiet_page_before(st, cadence, NULL, now, NULL, 3, &l);
    ok(l.len == 3 && l.more && l.items[0].id == b && l.items[1].id == c
       && l.items[2].id == f, "read backwards, the last rows come in list order");
    if (l.len == 3)
        store_quiet_page_before(st, cadence, NULL, now, &l.items[0], 3, &rest);
    ok(rest.len == 1 && !rest.more && rest.items[0].id == a,
       "and the rows before them, across a stage");
    contact_list_clear(&l);
    contact_list_clear(&rest);

    struct contact d = { 0 };
    struct contact_list found = { 0 };
    store_contact_match(st, "Customer D", false, 2, &found);
    if (found.len == 1) {
        contact_copy(&d, &found.items[0]);
        d.cadence_days = 7;
        store_contact_update(st, &d, now - 9 * DAY);
        contact_clear(&d);
    }
    contact_list_clear(&found);
    n = (int64_t)-1;   /* no figure left by the call before */
    ok(store_quiet_count(st, cadence, NULL, now, &n) == STORE_OK, "the count reads");
    is_int(n, 5, "a contact's own cadence, once set, counts");
    ok(store_contact_set_archived(st, a, true, now) == STORE_OK, "archived");
    n = (int64_t)-1;   /* no figure left by the call before */
    ok(store_quiet_count(st, cadence, NULL, now, &n) == STORE_OK, "the count reads");
    is_int(n, 4, "archived contacts are never quiet");
    store_quiet_page(st, cadence, NULL, now, NULL, 1, &l);
    ok(l.len == 1 && l.items[0].id == b, "nor listed");
    contact_list_clear(&l);
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK, "undone");
    journal_entry_clear(&undone);

    struct report r;
    ok(report_build(st, cadence, now, 0, now + 86400, &r) == STORE_OK, "a report");
    is_int(r.quiet, 5, "the report counts the quiet");
    is_int(r.stage_counts[STAGE_CLIENT], 5, "clients counted");
    store_close(st);
}

static void test_report(const char *db)
{
    struct store *st = open_db(db, STORE_OPEN_CREATE);
    if (!st) {
        ok(false, "the database opens: st");   /* a dropped group is seen */
        return;
    }
    int cadence[STAGE_COUNT] = { 0, 45, 21 };
    time_t now = noon(2026, 5, 15);
    /* Three contacts added on 2026-01-01; u promoted to customer on
     * 2026-01-11 (10 days) and to client on 2026-05-05; d promoted to
     * customer on 2026-04-01 (90 days), e stays. */
    time_t start = noon(2026, 1, 1);
    int64_t u = add(st, "U", NULL, NULL, NULL, STAGE_END_USER, start);
    int64_t d = add(st, "D", NULL, NULL, NULL, STAGE_END_USER, start);
    int64_t e = add(st, "E", NULL, NULL, NULL, STAGE_END_USER, start);
    store_stage_change(st, u, STAGE_CUSTOMER, NULL, start + 10 * DAY);
    store_stage_change(st, d, STAGE_CUSTOMER, NULL, noon(2026, 4, 1));
    store_stage_change(st, u, STAGE_CLIENT, NULL, noon(2026, 5, 5));
    struct contact c = { 0 };
    store_contact_get(st, d, &c);
    c.roles = ROLE_DECISION_MAKER;
    store_contact_update(st, &c, now);
    contact_clear(&c);
    struct score s1 = { .contact_id = u, .value = 3, .at = noon(2026, 2, 1) };
    struct score s2 = { .contact_id = u, .value = 10, .at = noon(2026, 3, 1) };
    struct score s3 = { .contact_id = d, .value = 5 };
    struct score s4 = { .contact_id = e, .value = 8 };
    store_score_add(st, &s1, now);
    store_score_add(st, &s2, now);
    store_score_add(st, &s3, now);
    store_score_add(st, &s4, now);
    add_followup(st, e, (struct date){ 2026, 5, 10 }, "overdue one", now);
    add_followup(st, e, (struct date){ 2026, 5, 15 }, "due today", now);

    struct report r;
    ok(report_build(st, cadence, now, 0, now + 86400, &r) == STORE_OK, "build the report");
    is_int(r.stage_counts[STAGE_END_USER], 1, "one end user");
    is_int(r.stage_counts[STAGE_CUSTOMER], 1, "one customer");
    is_int(r.stage_counts[STAGE_CLIENT], 1, "one client");
    is_int(r.promotions_month, 1, "one promotion this month");
    is_int(r.promotions_quarter, 2, "two this quarter");
    /* End-user stays: 10, 90, 134 days (E until now) -> median 90. */
    ok(r.median_days[STAGE_END_USER] > 89.9 && r.median_days[STAGE_END_USER] < 90.1,
       "median days as an end user");
    /* Customer stays: u 2026-01-11..05-05 (114 days), d 04-01..now (44):
     * median 79. */
    ok(r.median_days[STAGE_CUSTOMER] > 78.9 && r.median_days[STAGE_CUSTOMER] < 79.1,
       "median days as a customer");
    ok(r.median_days[STAGE_CLIENT] > 9.9 && r.median_days[STAGE_CLIENT] < 10.1,
       "median days as a client (the current stay)");
    is_int(r.nps_all.answered, 3, "three answered");
    is_int(r.nps_all.promoters, 1, "the latest score counts: one promoter");
    is_int(r.nps_all.detractors, 1, "one detractor");
    is_int(r.nps_stage[STAGE_CLIENT].promoters, 1, "NPS per stage");
    is_int(r.nps_decision_maker.answered, 1, "NPS of decision-makers");
    is_int(r.nps_decision_maker.detractors, 1, "their detractor");
    is_int(r.nps_user.answered, 2, "NPS of users");
    is_int(r.overdue, 1, "one follow-up overdue");

    struct followup_list fl = { 0 };
    struct followup_filter ff = { .contact_id = e, .open_only = true,
                                  .to = { 2026, 5, 12 } };
    ok(store_followup_page(st, &ff, NULL, 10, &fl) == STORE_OK && fl.len == 1,
       "follow-ups up to a date");
    followup_list_clear(&fl);
    ff.to = (struct date){ 0 };
    store_followup_page(st, &ff, NULL, 1, &fl);
    ok(fl.len == 1 && fl.more, "a window of follow-ups");
    struct followup_list fl2 = { 0 };
    if (fl.len)
        store_followup_page(st, &ff, &fl.items[0], 1, &fl2);
    ok(fl2.len == 1 && !fl2.more && strcmp(fl2.items[0].text, "due today") == 0,
       "the next window of follow-ups");
    followup_list_clear(&fl);
    followup_list_clear(&fl2);
    store_followup_page_before(st, &ff, NULL, 1, &fl);
    ok(fl.len == 1 && fl.more && strcmp(fl.items[0].text, "due today") == 0,
       "the last follow-up, read backwards");
    if (fl.len)
        store_followup_page_before(st, &ff, &fl.items[0], 5, &fl2);
    ok(fl2.len == 1 && !fl2.more && strcmp(fl2.items[0].text, "due today") != 0,
       "and the one before it");
    followup_list_clear(&fl);
    followup_list_clear(&fl2);
    int64_t n = 0;
    n = (int64_t)-1;   /* no figure left by the call before */
    ok(store_followup_count(st, &ff, &n) == STORE_OK, "the count reads");
    is_int(n, 2, "count follow-ups");
    ok(store_contact_set_archived(st, e, true, now) == STORE_OK, "archived");
    struct followup_filter open = { .open_only = true };
    n = (int64_t)-1;   /* no figure left by the call before */
    ok(store_followup_count(st, &open, &n) == STORE_OK, "the count reads");
    is_int(n, 0, "an archived contact's follow-ups are left out");
    open.include_archived = true;
    n = (int64_t)-1;   /* no figure left by the call before */
    ok(store_followup_count(st, &open, &n) == STORE_OK, "the count reads");
    is_int(n, 2, "unless asked for");
    struct report hidden;
    report_build(st, cadence, now, 0, now + 86400, &hidden);
    is_int(hidden.overdue, 0, "and the report does not count them");
    struct journal_entry back = { 0 };
    ok(store_undo(st, &back) == STORE_OK, "undone");
    journal_entry_clear(&back);
    open.include_archived = false;
    n = (int64_t)-1;   /* no figure left by the call before */
    ok(store_followup_count(st, &open, &n) == STORE_OK, "the count reads");
    is_int(n, 2, "undoing the archive brings them back");
    struct note_list notes = { 0 };
    for (int i = 0; i < 5; i++)
        add_note(st, e, "n", now + i);
    store_note_page(st, e, NULL, 3, &notes);
    ok(notes.len == 3 && notes.more && notes.items[0].at == now + 4, "notes newest first");
    struct note_list notes2 = { 0 };
    if (notes.len)
        store_note_page(st, e, &notes.items[2], 3, &notes2);
    ok(notes2.len == 2 && !notes2.more && notes2.items[1].at == now,
       "the next window of notes");
    if (notes2.len)
        is_str(notes2.items[0].kind, "call", "the kind is kept");
    note_list_clear(&notes);
    note_list_clear(&notes2);

    /* Backup and check. */
    const char *copy = path_in("backup.db");
    ok(store_backup(st, copy) == STORE_OK, "back up");
    struct stat sb;
    ok(stat(copy, &sb) == 0 && (sb.st_mode & 0777) == 0600, "the backup is 0600");
    ok(store_backup(st, copy) != STORE_OK, "a backup never overwrites a file");
    struct store *b = open_db(copy, 0);
    ok(b && store_contact_get(b, u, &c) == STORE_OK, "the backup holds the data");
    contact_clear(&c);
    struct check_problem_list problems = { 0 };
    ok(b && store_check(b, &problems) == STORE_OK && problems.len == 0,
       "the backup passes the check");
    store_check_problems_clear(&problems);
    store_close(b);
    ok(store_check(st, &problems) == STORE_OK, "the database passes the check");
    store_check_problems_clear(&problems);

    /* A damaged copy: pages past the schema overwritten. */
    const char *broken = path_in("broken.db");
    store_backup(st, broken);
    FILE *f = fopen(broken, "r+b");
    if (f) {
        char junk[4096 * 4];
        memset(junk, 0x5a, sizeof junk);
        fseek(f, 4096 * 3, SEEK_SET);
        fwrite(junk, 1, sizeof junk, f);
        fclose(f);
    }
    char *error = NULL;
    b = NULL;
    enum store_status opened = store_open(broken, 0, &b, &error, NULL);
    if (opened == STORE_OK) {
        ok(store_check(b, &problems) == STORE_FAILED && problems.len > 0,
           "the check finds the damage and lists it");
    } else {
        ok(error && strstr(error, "damaged"), "a damaged file is refused as damaged");
    }
    free(error);
    store_check_problems_clear(&problems);
    store_close(b);

    /* An index that misses its table's rows: the file opens, and the
     * check (which reads the pages on a second connection) lists it,
     * first, and says the file has problems. */
    const char *unindexed = path_in("unindexed.db");
    store_backup(st, unindexed);
    sqlite3 *raw = NULL;
    char *msg = NULL;
    sqlite3_open(unindexed, &raw);
    bool swapped = sqlite3_exec(raw, "CREATE TABLE spare(a, b); CREATE INDEX spare_ab ON spare(a, b);",
                                NULL, NULL, &msg) == SQLITE_OK;
    int64_t root_name = 0, root_spare = 0;
    sqlite3_stmt *roots = NULL;
    if (swapped && sqlite3_prepare_v2(raw, "SELECT (SELECT rootpage FROM sqlite_schema WHERE "
                                           "name = 'contact_by_name'), (SELECT rootpage FROM "
                                           "sqlite_schema WHERE name = 'spare_ab')", -1, &roots,
                                      NULL) == SQLITE_OK
        && sqlite3_step(roots) == SQLITE_ROW) {
        root_name = sqlite3_column_int64(roots, 0);
        root_spare = sqlite3_column_int64(roots, 1);
    }
    sqlite3_finalize(roots);
    char swap[512];
    snprintf(swap, sizeof swap, "PRAGMA writable_schema = ON;"
             "UPDATE sqlite_schema SET rootpage = %lld WHERE name = 'contact_by_name';"
             "UPDATE sqlite_schema SET rootpage = %lld WHERE name = 'spare_ab';",
             (long long)root_spare, (long long)root_name);
    swapped = swapped && root_name > 0 && root_spare > 0
              && sqlite3_exec(raw, swap, NULL, NULL, &msg) == SQLITE_OK;
    ok(swapped, "a copy whose name index is swapped with an empty one");
    if (msg)
        printf("# %s\n", msg);
    sqlite3_free(msg);
    sqlite3_close(raw);
    b = open_db(unindexed, 0);
    ok(b && store_check(b, &problems) == STORE_FAILED, "the check fails");
    bool named = false;
    for (size_t i = 0; i < problems.len; i++)
        named = named || strstr(problems.items[i].text, "contact_by_name") != NULL;
    ok(named && strstr(problems.items[0].text, "index"),
       "and lists what SQLite found in the indexes, first");
    if (problems.len)
        printf("#   first: %s\n", problems.items[0].text);
    ok(b && strstr(store_error(b), "has problems"), "the file is said to have problems");
    store_check_problems_clear(&problems);
    store_close(b);
    store_close(st);

    /* Read-only. */
    st = open_db(db, STORE_OPEN_READ_ONLY);
    ok(st && store_read_only(st), "open read-only");
    if (st) {
        ok(store_contact_get(st, u, &c) == STORE_OK, "reads work");
        contact_clear(&c);
        ok(add(st, "Nobody", NULL, NULL, NULL, STAGE_END_USER, now) == 0
           && strstr(store_error(st), "read-only"), "a write is refused");
        ok(store_stage_change(st, u, STAGE_CUSTOMER, NULL, now) == STORE_READ_ONLY,
           "with STORE_READ_ONLY");
        struct journal_entry undone = { 0 };
        ok(store_undo(st, &undone) == STORE_READ_ONLY, "undo is refused too");
        store_close(st);
    }
}

static void test_data_version(const char *db)
{
    struct store *a = open_db(db, STORE_OPEN_CREATE);
    struct store *b = open_db(db, 0);
    if (!a || !b) {
        store_close(a);
        store_close(b);
        return;
    }
    int64_t before = store_data_version(b);
    add(a, "Seen Elsewhere", NULL, NULL, NULL, STAGE_END_USER, noon(2026, 1, 1));
    ok(store_data_version(b) != before, "another session's commit changes data_version");
    store_close(a);
    store_close(b);
}

static char *shown(struct store *st, const char *typed, enum contact_sort sort,
                   const struct contact *after, bool backward, size_t limit);

/* check sees a damaged search index, and the rebuild mends it. */
static void test_search_index(const char *db)
{
    struct store *st = open_db(db, STORE_OPEN_CREATE);
    if (!st) {
        ok(false, "the database opens: st");   /* a dropped group is seen */
        return;
    }
    time_t t = noon(2026, 7, 1);
    int64_t id = add(st, "Ines Indexed", "Index Org", NULL, NULL, STAGE_CLIENT, t);
    for (int i = 0; i < 30; i++) {
        struct note n = { .contact_id = id, .at = t + i };
        snprintf(n.kind, sizeof n.kind, "note");
        n.body = strdup(i == 7 ? "the palimpsest arrived" : "an ordinary visit");
        store_note_add(st, &n, t + i);
        free(n.body);
    }
    struct check_problem_list problems = { 0 };
    ok(store_check(st, &problems) == STORE_OK && problems.len == 0, "a sound index passes");
    store_check_problems_clear(&problems);
    sqlite3 *raw = NULL;
    sqlite3_open(db, &raw);
    sqlite3_exec(raw, "DELETE FROM note_fts_data WHERE id > 10", NULL, NULL, NULL);
    sqlite3_close(raw);
    ok(store_check(st, &problems) == STORE_FAILED, "a damaged note index fails the check");
    bool named = false;
    for (size_t i = 0; i < problems.len; i++)
        named = named || strstr(problems.items[i].text, "note_fts");
    ok(named, "the problem names the index");
    store_check_problems_clear(&problems);
    ok(store_rebuild_search(st) == STORE_OK, "the index is rebuilt");
    ok(store_check(st, &problems) == STORE_OK && problems.len == 0, "and passes again");
    store_check_problems_clear(&problems);
    struct search_hit_list hits = { 0 };
    store_search(st, "palimpsest", 10, &hits);
    ok(hits.len == 1 && hits.items[0].contact.id == id, "search finds the note again");
    search_hit_list_clear(&hits);
    static const struct {
        const char *damage, *table, *what;
    } damages[] = {
        { "DELETE FROM field_word WHERE term = 'ines'", "field_word", "a lost word of a name" },
        { "INSERT INTO field_word VALUES ('stale', 'ines indexed', 1, 0)", "field_word",
          "a word the contact no longer has" },
        { "UPDATE field_word SET name_key = 'old name'", "field_word", "a stale name" },
        { "UPDATE note_word SET archived = 1", "note_word", "a stale archived flag" },
        { "DELETE FROM note_word WHERE term = 'palimpsest'", "note_word", "a lost word of a note" },
        { "UPDATE note_word SET notes = notes + 1 WHERE term = 'visit'", "note_word",
          "a word counted in one note too many" },
        { "UPDATE note_word SET contact_id = 999 WHERE term = 'arrived'", "note_word",
          "a word of a contact that is gone" },
        { "DELETE FROM field_word_by_contact WHERE term = 'indexed'", "field_word",
          "a name's word its contact's terms lack" },
        { "INSERT INTO note_word_by_contact VALUES (1, 'stale')", "note_word",
          "a term by contact that no word row has" },
    };
    for (size_t d = 0; d < sizeof damages / sizeof damages[0]; d++) {
        char name[160];
        sqlite3_open(db, &raw);
        sqlite3_exec(raw, damages[d].damage, NULL, NULL, NULL);
        sqlite3_close(raw);
        snprintf(name, sizeof name, "the check finds %s", damages[d].what);
        ok(store_check(st, &problems) == STORE_FAILED, name);
        named = false;
        for (size_t i = 0; i < problems.len; i++)
            named = named || strstr(problems.items[i].text, damages[d].table);
        snprintf(name, sizeof name, "and names %s", damages[d].table);
        ok(named, name);
        store_check_problems_clear(&problems);
        ok(store_rebuild_search(st) == STORE_OK && store_check(st, &problems) == STORE_OK,
           "the rebuilt index passes");
        store_check_problems_clear(&problems);
    }
    struct contact_filter f = { .stage = STAGE_NONE, .text = "palimp" };
    int64_t found = 0;
    found = (int64_t)-1;   /* no figure left by the call before */
    ok(store_contact_count(st, &f, 0, &found) == STORE_OK, "the count reads");
    is_int(found, 1, "search as you type finds the rebuilt note's word");
    struct note n = { .contact_id = id, .at = t + 99 };
    snprintf(n.kind, sizeof n.kind, "note");
    n.body = strdup("a quire of vellum");
    store_note_add(st, &n, t + 99);
    free(n.body);
    store_search(st, "vellum", 10, &hits);
    is_int(hits.len, 1, "and the triggers fill the new index");
    search_hit_list_clear(&hits);
    /* A contact's word rows are reached by their whole key (its name
     * key) through its terms by contact: renamed, archived, its note
     * changed and deleted, the rows follow. */
    int64_t other = add(st, "Olga Other", "Index Org", NULL, NULL, STAGE_CLIENT, t);
    struct contact c = { 0 };
    ok(store_contact_get(st, id, &c) == STORE_OK, "the contact reads");
    free(c.name);
    c.name = strdup("Wanda Renamed");
    ok(store_contact_update(st, &c, t + 200) == STORE_OK, "the contact is renamed");
    contact_clear(&c);
    char *ids = shown(st, "wanda palimp", CONTACT_SORT_NAME, NULL, false, 10);
    char want[64];
    snprintf(want, sizeof want, "%lld", (long long)id);
    is_str(ids, want, "its new name and its note's word find it");
    free(ids);
    ids = shown(st, "ines", CONTACT_SORT_NAME, NULL, false, 10);
    is_str(ids, "", "its old name does not");
    free(ids);
    ok(store_check(st, &problems) == STORE_OK && problems.len == 0, "the renamed words pass the check");
    store_check_problems_clear(&problems);
    ok(store_contact_set_archived(st, id, true, t + 300) == STORE_OK, "the contact is archived");
    f.text = "vellum";
    ok(store_contact_count(st, &f, 0, &found) == STORE_OK && found == 0,
       "its words leave the usual list");
    ok(store_check(st, &problems) == STORE_OK && problems.len == 0, "the archived words pass the check");
    store_check_problems_clear(&problems);
    ok(store_note_delete(st, n.id, t + 400) == STORE_OK, "its note is deleted");
    ok(store_check(st, &problems) == STORE_OK && problems.len == 0, "the note's words are gone");
    store_check_problems_clear(&problems);
    ok(store_contact_set_archived(st, other, true, t + 500) == STORE_OK
       && store_check(st, &problems) == STORE_OK && problems.len == 0,
       "another contact archived leaves the check sound");
    store_check_problems_clear(&problems);
    store_close(st);
}

/* The ids a search shows, in order, joined with spaces. */
static char *shown(struct store *st, const char *typed, enum contact_sort sort,
                   const struct contact *after, bool backward, size_t limit)
{
    struct contact_filter f = { .stage = STAGE_NONE, .text = typed };
    struct contact_list l = { 0 };
    struct strlist ids = { 0 };
    if (store_contact_page(st, &f, sort, after, backward, limit, &l) != STORE_OK)
        strlist_pushf(&ids, "error: %s", store_error(st));
    for (size_t i = 0; i < l.len; i++)
        strlist_pushf(&ids, "%lld", (long long)l.items[i].id);
    contact_list_clear(&l);
    char *text = strlist_join(&ids, " ");
    strlist_clear(&ids);
    return text;
}

static void is_shown(struct store *st, const char *typed, const char *want,
                     const char *name)
{
    char *got = shown(st, typed, CONTACT_SORT_NAME, NULL, false, 50);
    is_str(got, want, name);
    free(got);
}

static void check_sound(struct store *st, const char *name)
{
    struct check_problem_list problems = { 0 };
    ok(store_check(st, &problems) == STORE_OK, name);
    for (size_t i = 0; i < problems.len; i++)
        printf("# %s\n", problems.items[i].text);
    store_check_problems_clear(&problems);
}

static enum store_status edit_contact(struct store *st, int64_t id, const char *name,
                                      const char *email, const char *tag)
{
    struct contact c = { 0 };
    enum store_status rc = store_contact_get(st, id, &c);
    if (rc == STORE_OK) {
        if (name) {
            free(c.name);
            c.name = strdup(name);
        }
        strlist_clear(&c.emails);
        if (email)
            strlist_push(&c.emails, email);
        strlist_clear(&c.tags);
        if (tag)
            strlist_push(&c.tags, tag);
        rc = store_contact_update(st, &c, noon(2026, 8, 2));
    }
    contact_clear(&c);
    return rc;
}

/* Search as you type follows every change to what it searches: notes
 * added and undone, names, emails and tags edited, contacts forgotten. */
static void test_search_words(const char *db)
{
    struct store *st = open_db(db, STORE_OPEN_CREATE);
    if (!st) {
        ok(false, "the database opens: st");   /* a dropped group is seen */
        return;
    }
    time_t t = noon(2026, 8, 1);
    int64_t anna = add(st, "Anna Smith", "City Library", "anna@city.example", "maps", STAGE_CLIENT, t);
    int64_t zoe = add(st, "Zoë Ødegård", NULL, NULL, NULL, STAGE_END_USER, t);
    char want[64];
    snprintf(want, sizeof want, "%lld", (long long)anna);
    is_shown(st, "smi", want, "a name's word is found by its start");
    is_shown(st, "city map", want, "words of different fields together");
    int64_t note = add_note(st, zoe, "Asked about the vellum manuscripts", t);
    snprintf(want, sizeof want, "%lld", (long long)zoe);
    is_shown(st, "vell", want, "a note's word is found once it is written");
    is_shown(st, "zoe vellum", want, "with a word of the name");
    is_shown(st, "ve", "", "but not by its first two letters");
    add_note(st, zoe, "Wants the UX of the OA portal reviewed", t + 30);
    is_shown(st, "ux", want, "a word of two letters is found in a note, whole");
    is_shown(st, "oa portal", want, "with a longer word too");
    struct journal_entry ux_undone = { 0 };
    ok(store_undo(st, &ux_undone) == STORE_OK, "that note is undone again");
    journal_entry_clear(&ux_undone);
    is_shown(st, "ux", "", "and its word is gone with it");
    add_note(st, zoe, "More vellum", t + 60);
    struct journal_entry undone = { 0 };
    ok(store_undo(st, &undone) == STORE_OK, "the second note is undone");
    journal_entry_clear(&undone);
    is_shown(st, "vellum", want, "a word two notes held stays while one holds it");
    is_shown(st, "more", "", "and the undone note's own word is gone");
    check_sound(st, "the words agree with the notes");
    ok(store_undo(st, &undone) == STORE_OK, "the first note is undone");
    journal_entry_clear(&undone);
    is_shown(st, "vellum", "", "its words are gone with it");
    (void)note;

    ok(edit_contact(st, anna, "Anna Berg", "anna@town.example", "globes") == STORE_OK,
       "a rename, a new email and a new tag");
    snprintf(want, sizeof want, "%lld", (long long)anna);
    is_shown(st, "berg globes town", want, "the new words are found");
    is_shown(st, "smith", "", "the old name is not");
    is_shown(st, "maps", "", "nor the old tag");
    is_shown(st, "city", want, "the organisation still is");
    ok(store_contact_set_archived(st, anna, true, t) == STORE_OK, "she is archived");
    is_shown(st, "berg", "", "an archived contact is not in the list");
    check_sound(st, "the words follow the archived flag");
    ok(store_contact_set_archived(st, anna, false, t) == STORE_OK, "archived");
    is_shown(st, "berg", want, "and is back once unarchived");
    add_note(st, anna, "Lent the atlas", t);
    ok(edit_contact(st, anna, "Anna Aalto", NULL, NULL) == STORE_OK, "renamed again");
    is_shown(st, "atlas", want, "her notes follow her new name");
    check_sound(st, "the words agree after the edits");

    ok(store_contact_forget(st, anna) == STORE_OK, "she is forgotten");
    is_shown(st, "atlas", "", "her notes' words are gone");
    is_shown(st, "aalto", "", "and her name's");
    check_sound(st, "the words agree after forgetting");
    store_close(st);
}

struct many {
    time_t t;
    int64_t first;
};

static enum store_status add_many(struct store *st, void *arg)
{
    struct many *m = arg;
    for (int i = 0; i < 2600; i++) {
        char name[64];
        /* Names out of id order, and every fifth one without the tag. */
        snprintf(name, sizeof name, "Person %04d", (i * 7919) % 2600);
        struct contact c = { .stage = STAGE_END_USER, .cadence_days = -1, .roles = ROLE_USER };
        c.name = strdup(name);
        if (i % 5)
            strlist_push(&c.tags, "common");
        if (i % 5 != 1)
            c.title = strdup("Reader");
        char shelf[8];
        snprintf(shelf, sizeof shelf, "shelf%c", 'a' + i % 12);
        strlist_push(&c.tags, shelf);
        /* Two words of one letter's terms, on a few hundred contacts. */
        if (i % 7 == 0) {
            c.department = strdup("Kartenraum");
            c.channel = strdup("kiosk");
        }
        enum store_status rc = store_contact_add(st, &c, m->t - (i * 613) % 2600 * 60);
        int64_t id = c.id;
        if (i == 0)
            m->first = id;
        contact_clear(&c);
        if (rc != STORE_OK)
            return rc;
        if (i % 3 == 0) {
            struct note n = { .contact_id = id, .at = m->t };
            snprintf(n.kind, sizeof n.kind, "note");
            n.body = strdup(i % 2 ? "common ground" : "commonplace book");
            rc = store_note_add(st, &n, m->t);
            free(n.body);
            if (rc != STORE_OK)
                return rc;
        }
    }
    return STORE_OK;
}

/* What a plain query of the raw file says a page must be: of "comm"
 * (COMMON), of "co" (COMMON_FIELD: a note's word counts from its third
 * letter), of "co rea" (COMMON_READER). */
#define COMMON_FIELD \
    "EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id AND t.tag = 'common')"
#define COMMON \
    "(" COMMON_FIELD " OR EXISTS (SELECT 1 FROM note n WHERE n.contact_id = c.id))"
#define COMMON_READER "(" COMMON_FIELD " AND c.title = 'Reader')"
/* Of "k": the contacts that hold two words it begins, kartenraum and
 * kiosk, each listed and counted once. */
#define TWO_WORDS "c.department = 'Kartenraum'"

static char *expected(const char *db, const char *cond, const char *order, int limit,
                      int offset)
{
    sqlite3 *raw = NULL;
    sqlite3_stmt *stmt = NULL;
    struct strlist ids = { 0 };
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT c.id FROM contact c WHERE c.archived = 0 AND %s "
             "ORDER BY %s LIMIT %d OFFSET %d", cond, order, limit, offset);
    if (sqlite3_open_v2(db, &raw, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
        && sqlite3_prepare_v2(raw, sql, -1, &stmt, NULL) == SQLITE_OK)
        while (sqlite3_step(stmt) == SQLITE_ROW)
            strlist_pushf(&ids, "%lld", (long long)sqlite3_column_int64(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
    char *text = strlist_join(&ids, " ");
    strlist_clear(&ids);
    return text;
}

/* A word thousands of contacts hold is read by other paths than a rare
 * one; every sort order and window must still be what a plain query
 * gives. */
static void test_search_common(const char *db)
{
    struct store *st = open_db(db, STORE_OPEN_CREATE);
    if (!st) {
        ok(false, "the database opens: st");   /* a dropped group is seen */
        return;
    }
    struct many m = { noon(2026, 9, 1), 0 };
    enum store_status filled = store_batch(st, NULL, add_many, &m);
    ok(filled == STORE_OK, "2600 contacts, most with a common word");
    if (filled != STORE_OK)
        printf("# %s\n", store_error(st));
    for (int64_t id = m.first; id < m.first + 2600; id += 11)
        ok(store_contact_set_archived(st, id, true, m.t) == STORE_OK, "archived");
    static const struct {
        enum contact_sort sort;
        const char *order;
    } orders[] = {
        { CONTACT_SORT_NAME, "c.name_key, c.id" },
        { CONTACT_SORT_LAST_TOUCH, "c.last_touch, c.id" },
        { CONTACT_SORT_STAGE, "c.stage DESC, c.name_key, c.id" },
    };
    static const struct {
        const char *typed, *cond;
    } typed[] = {
        { "comm", COMMON },              /* one word of three terms */
        { "co", COMMON_FIELD },          /* one term, only in fields */
        { "common", COMMON },
        { "commo person", COMMON },      /* every contact has "person" */
        { "co rea", COMMON_READER },     /* two common words, fewer together */
        { "shel", "1" },                 /* a common word of many terms */
        { "k", TWO_WORDS },              /* one letter, two words of a contact */
    };
    for (size_t o = 0; o < sizeof orders / sizeof orders[0]; o++) {
        for (size_t k = 0; k < sizeof typed / sizeof typed[0]; k++) {
            char name[160];
            char *want = expected(db, typed[k].cond, orders[o].order, 40, 0);
            char *got = shown(st, typed[k].typed, orders[o].sort, NULL, false, 40);
            snprintf(name, sizeof name, "\"%s\" by %s: the first window", typed[k].typed,
                     orders[o].order);
            is_str(got, want, name);
            free(got);
            free(want);
        }
        /* The next window after the 40th, and back from the 80th. */
        struct contact_filter f = { .stage = STAGE_NONE, .text = "comm" };
        struct contact_list first = { 0 }, second = { 0 };
        store_contact_page(st, &f, orders[o].sort, NULL, false, 40, &first);
        char name[160];
        if (first.len == 40) {
            char *want = expected(db, COMMON, orders[o].order, 40, 40);
            char *got = shown(st, "comm", orders[o].sort, &first.items[39], false, 40);
            snprintf(name, sizeof name, "\"comm\" by %s: the window after", orders[o].order);
            is_str(got, want, name);
            free(got);
            free(want);
            store_contact_page(st, &f, orders[o].sort, &first.items[39], false, 40, &second);
        }
        if (second.len == 40) {
            char *want = expected(db, COMMON, orders[o].order, 40, 39);
            char *got = shown(st, "comm", orders[o].sort, &second.items[39], true, 40);
            snprintf(name, sizeof name, "\"comm\" by %s: the window before", orders[o].order);
            is_str(got, want, name);
            free(got);
            free(want);
        }
        contact_list_clear(&first);
        contact_list_clear(&second);
        /* The last window, read backward from the end (G). */
        char *every = expected(db, COMMON, orders[o].order, 5000, 0);
        size_t total = *every ? 1 : 0;
        for (const char *p = every; *p; p++)
            total += *p == ' ';
        free(every);
        char *want = expected(db, COMMON, orders[o].order, 40, (int)total - 40);
        char *got = shown(st, "comm", orders[o].sort, NULL, true, 40);
        snprintf(name, sizeof name, "\"comm\" by %s: the last window", orders[o].order);
        is_str(got, want, name);
        free(got);
        free(want);
    }
    struct contact_filter f = { .stage = STAGE_NONE, .text = "comm" };
    int64_t n = 0, all = 0;
    ok(store_contact_count(st, &f, 1000, &n) == STORE_OK, "a common word is counted");
    is_int(n, 1001, "up to one more than asked");
    all = (int64_t)-1;   /* no figure left by the call before */
    ok(store_contact_count(st, &f, 0, &all) == STORE_OK, "the count reads");
    char *every = expected(db, COMMON, "c.id", 5000, 0);
    int64_t want = 0;
    for (const char *p = every; *p; p++)
        want += *p == ' ';
    is_int(all, *every ? want + 1 : 0, "and exactly when no limit is asked");
    free(every);
    /* Counted from the word rows alone, with archived contacts left out:
     * a common word (merged) and a rarer one (read whole). */
    static const struct {
        const char *typed, *cond;
    } counted[] = {
        { "comm", COMMON },
        { "commonplace", "EXISTS (SELECT 1 FROM note n WHERE n.contact_id = c.id "
                         "AND n.body = 'commonplace book')" },
        { "k", TWO_WORDS },
    };
    for (size_t k = 0; k < sizeof counted / sizeof counted[0]; k++) {
        char name[160];
        struct contact_filter cf = { .stage = STAGE_NONE, .text = counted[k].typed };
        int64_t got = -1;
        got = (int64_t)-1;   /* no figure left by the call before */
        ok(store_contact_count(st, &cf, 5000, &got) == STORE_OK, "the count reads");
        char *ids = expected(db, counted[k].cond, "c.id", 5000, 0);
        int64_t rows = *ids ? 1 : 0;
        for (const char *p = ids; *p; p++)
            rows += *p == ' ';
        free(ids);
        snprintf(name, sizeof name, "\"%s\" is counted exactly below the limit", counted[k].typed);
        is_int(got, rows, name);
    }
    struct contact_filter archived = { .stage = STAGE_NONE, .text = "comm", .only_archived = true };
    int64_t gone = 0;
    gone = (int64_t)-1;   /* no figure left by the call before */
    ok(store_contact_count(st, &archived, 5000, &gone) == STORE_OK, "the count reads");
    sqlite3 *raw = NULL;
    sqlite3_stmt *q = NULL;
    int64_t want_gone = -1;
    if (sqlite3_open_v2(db, &raw, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
        && sqlite3_prepare_v2(raw, "SELECT count(*) FROM contact c WHERE c.archived = 1 AND "
                              COMMON, -1, &q, NULL) == SQLITE_OK
        && sqlite3_step(q) == SQLITE_ROW)
        want_gone = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(raw);
    ok(want_gone > 0, "some contacts with the word are archived");
    is_int(gone, want_gone, "the archived ones are counted apart");
    check_sound(st, "the words agree with 2600 contacts");
    store_close(st);
}

static void test_journal_bound(const char *db)
{
    struct store *st = open_db(db, STORE_OPEN_CREATE);
    if (!st) {
        ok(false, "the database opens: st");   /* a dropped group is seen */
        return;
    }
    int64_t id = add(st, "Busy Person", NULL, NULL, NULL, STAGE_CLIENT, noon(2026, 1, 1));
    for (int i = 0; i < 210; i++)
        add_note(st, id, "another call", noon(2026, 1, 2) + i);
    struct journal_list recent = { 0 };
    store_journal_recent(st, 500, &recent);
    is_int(recent.len, 200, "the journal keeps the last 200 changes");
    ok(!recent.more, "and no more");
    journal_list_clear(&recent);
    store_close(st);
}

static int64_t pragma(struct store *st, const char *name)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA %s", name);
    sqlite3_stmt *stmt = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW)
        v = sqlite3_column_type(stmt, 0) == SQLITE_TEXT ? -2 : sqlite3_column_int64(stmt, 0);
    if (v == -2) {
        const char *text = (const char *)sqlite3_column_text(stmt, 0);
        v = text && strcmp(text, "wal") == 0 ? 1 : 0;
    }
    sqlite3_finalize(stmt);
    return v;
}

/* SPEC §2's storage rules, read back from the connections rapport opens
 * (created, opened again, read-only): a database opened with
 * synchronous = NORMAL or no busy timeout fails here. */
static void test_pragmas(const char *db)
{
    static const unsigned modes[] = { STORE_OPEN_CREATE, 0, STORE_OPEN_READ_ONLY };
    static const char *const names[] = { "created", "opened again", "read-only" };
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        struct store *st = open_db(db, modes[i]);
        char name[120];
        snprintf(name, sizeof name, "%s: the database opens", names[i]);
        ok(st != NULL, name);
        if (!st)
            continue;
        snprintf(name, sizeof name, "%s: synchronous = FULL (2)", names[i]);
        is_int(pragma(st, "synchronous"), 2, name);
        snprintf(name, sizeof name, "%s: a busy timeout of several seconds", names[i]);
        ok(pragma(st, "busy_timeout") >= 2000, name);
        snprintf(name, sizeof name, "%s: foreign keys on", names[i]);
        is_int(pragma(st, "foreign_keys"), 1, name);
        snprintf(name, sizeof name, "%s: secure_delete on", names[i]);
        is_int(pragma(st, "secure_delete"), 1, name);
        snprintf(name, sizeof name, "%s: the journal is WAL", names[i]);
        is_int(pragma(st, "journal_mode"), 1, name);
        store_close(st);
    }
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/rapport-store.XXXXXX", tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_open();
    test_pragmas(path_in("pragmas/rapport.db"));
    const char *db = path_in("main/rapport.db");
    struct store *st = open_db(db, STORE_OPEN_CREATE);
    struct store *other = open_db(db, 0);
    if (st && other) {
        test_contacts(st, other);
        test_windows(st);
        test_search(st);
        test_derived_and_undo(st);
        test_batch(st);
        test_undo_owner(st, other);
        store_close(other);
        other = NULL;
        test_forget(st, db);
    } else {
        ok(false, "the main database opens twice");   /* a dropped group is seen */
    }
    store_close(other);
    store_close(st);
    test_quiet(path_in("quiet/rapport.db"));
    test_report(path_in("report/rapport.db"));
    test_data_version(path_in("version/rapport.db"));
    test_journal_bound(path_in("journal/rapport.db"));
    test_search_index(path_in("index/rapport.db"));
    test_search_words(path_in("words/rapport.db"));
    test_search_common(path_in("common/rapport.db"));

    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
    return tap_done();
}
