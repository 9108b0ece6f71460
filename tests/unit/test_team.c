/* Tests of a team database's store parts: the author every write
 * records, the filters by author, owner and "mine", a conflicting edit
 * naming the colleague, and the files team init makes. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/user.h"
#include "model/contact.h"
#include "model/followup.h"
#include "model/journal.h"
#include "model/note.h"
#include "model/score.h"
#include "model/stage.h"
#include "store/contact.h"
#include "store/followup.h"
#include "store/journal.h"
#include "store/note.h"
#include "store/quiet.h"
#include "store/score.h"
#include "store/stage.h"
#include "store/store.h"
#include "store/team.h"
#include "../lib/tap.h"

#define DAY 86400

static char dir[256];

static int64_t add(struct store *st, const char *name, const char *owner,
                   time_t now)
{
    struct contact c = { .stage = STAGE_END_USER, .cadence_days = -1,
                         .roles = ROLE_USER };
    c.name = strdup(name);
    c.owner = owner ? strdup(owner) : NULL;
    if (store_contact_add(st, &c, now) != STORE_OK)
        printf("# add %s: %s\n", name, store_error(st));
    int64_t id = c.id;
    contact_clear(&c);
    return id;
}

static int64_t add_followup(struct store *st, int64_t contact, const char *text,
                            const char *for_login, time_t now)
{
    struct followup f = { .contact_id = contact, .due = date_from_time(now),
                          .due_minutes = -1 };
    if (for_login)
        snprintf(f.assigned_to, sizeof f.assigned_to, "%s", for_login);
    f.text = strdup(text);
    if (store_followup_add(st, &f, now) != STORE_OK)
        printf("# follow-up: %s\n", store_error(st));
    free(f.text);
    return f.id;
}

static int64_t count(struct store *st, const struct followup_filter *f)
{
    int64_t n = -1;
    if (store_followup_count(st, f, &n) != STORE_OK)
        printf("# count: %s\n", store_error(st));
    return n;
}

static void test_authors(void)
{
    char path[400];
    snprintf(path, sizeof path, "%s/authors.db", dir);
    struct store *ann = NULL, *bob = NULL;
    ok(store_open(path, STORE_OPEN_CREATE, &ann, NULL, NULL) == STORE_OK
       && store_open(path, 0, &bob, NULL, NULL) == STORE_OK, "two connections");
    if (!ann || !bob) {
        store_close(ann);
        store_close(bob);
        return;
    }
    char *me = user_login();
    is_str(store_author(ann), me, "the author is the real user's login");
    free(me);
    store_set_author(ann, "ann");
    store_set_author(bob, "bob");
    time_t now = 1780000000;
    int64_t vera = add(ann, "Vera", NULL, now);
    ok(!store_has_authors(ann), "one author so far");
    int64_t olav = add(ann, "Olav", "bob", now);
    ok(store_has_authors(ann), "a contact another member owns makes two");

    struct note n = { .contact_id = vera, .at = now };
    n.body = strdup("met at the library");
    ok(store_note_add(bob, &n, now) == STORE_OK, "bob writes a note");
    free(n.body);
    is_str(n.author, "bob", "the note names him");
    struct note_list notes = { 0 };
    ok(store_note_page(ann, vera, NULL, 10, &notes) == STORE_OK && notes.len == 1,
       "the note reads back");
    is_str(notes.len ? notes.items[0].author : NULL, "bob", "with its author");
    note_list_clear(&notes);

    ok(store_stage_change(bob, vera, STAGE_CUSTOMER, "signed up", now + 1) == STORE_OK,
       "bob moves Vera");
    struct stage_change_list history = { 0 };
    ok(store_stage_history(ann, vera, &history) == STORE_OK && history.len == 2,
       "her stage history");
    is_str(history.len ? history.items[0].author : NULL, "bob", "names who moved her");
    is_str(history.len > 1 ? history.items[1].author : NULL, "ann", "and who added her");
    stage_change_list_clear(&history);

    struct score s = { .contact_id = vera, .value = 9 };
    ok(store_score_add(bob, &s, now + 2) == STORE_OK, "bob records a score");
    struct score_list scores = { 0 };
    ok(store_score_list(ann, vera, &scores) == STORE_OK && scores.len == 1, "it reads");
    is_str(scores.len ? scores.items[0].author : NULL, "bob", "with its author");
    score_list_clear(&scores);

    int64_t mine = add_followup(ann, vera, "call Vera", NULL, now);
    int64_t handed = add_followup(ann, vera, "send Vera the scans", "bob", now);
    int64_t owned = add_followup(ann, olav, "ask Olav", NULL, now);
    struct followup f = { 0 };
    ok(store_followup_get(bob, handed, &f) == STORE_OK, "a handed follow-up reads");
    is_str(f.created_by, "ann", "it names who scheduled it");
    is_str(f.assigned_to, "bob", "and whom it is for");
    followup_clear(&f);
    struct followup_filter all = { .open_only = true };
    struct followup_filter of_ann = { .open_only = true, .mine = "ann" };
    struct followup_filter of_bob = { .open_only = true, .mine = "bob" };
    struct followup_filter by_ann = { .open_only = true, .by = "ann" };
    struct followup_filter for_bob = { .open_only = true, .assigned_to = "bob" };
    is_int(count(ann, &all), 3, "three open follow-ups");
    is_int(count(ann, &of_ann), 2, "ann's: hers, and one of Olav's (not his owner's)");
    is_int(count(ann, &of_bob), 2, "bob's: the one handed to him, and Olav's, whom he owns");
    is_int(count(ann, &by_ann), 3, "all scheduled by ann");
    is_int(count(ann, &for_bob), 1, "one for bob");
    (void)mine;

    struct note log = { 0 };
    ok(store_followup_done(bob, handed, NULL, NULL, now + 3) == STORE_OK, "bob does his");
    (void)log;
    ok(store_followup_get(ann, handed, &f) == STORE_OK, "it reads");
    is_str(f.done_by, "bob", "and names who did it");
    followup_clear(&f);
    (void)owned;

    int cadence[STAGE_COUNT] = { 30, 30, 30 };
    int64_t quiet = -1;
    ok(store_quiet_count(ann, cadence, "bob", now + 60 * DAY, &quiet) == STORE_OK,
       "gone quiet, of one owner");
    is_int(quiet, 1, "only the contacts bob owns");
    ok(store_quiet_count(ann, cadence, NULL, now + 60 * DAY, &quiet) == STORE_OK,
       "gone quiet, of the team");
    is_int(quiet, 2, "everyone's");

    struct contact c_ann = { 0 }, c_bob = { 0 };
    ok(store_contact_get(ann, olav, &c_ann) == STORE_OK
       && store_contact_get(bob, olav, &c_bob) == STORE_OK, "both open Olav");
    free(c_bob.title);
    c_bob.title = strdup("Curator");
    ok(store_contact_update(bob, &c_bob, now + 4) == STORE_OK, "bob saves first");
    free(c_ann.title);
    c_ann.title = strdup("Librarian");
    ok(store_contact_update(ann, &c_ann, now + 5) == STORE_CONFLICT, "ann's save is a conflict");
    ok(strstr(store_error(ann), "changed by bob") != NULL, "that names bob");
    contact_clear(&c_ann);
    contact_clear(&c_bob);

    struct journal_list recent = { 0 };
    ok(store_journal_recent(ann, 1, &recent) == STORE_OK && recent.len == 1,
       "the journal reads");
    is_str(recent.len ? recent.items[0].author : NULL, "bob", "its newest entry names bob");
    journal_list_clear(&recent);
    store_close(ann);
    store_close(bob);
}

static void test_team_files(void)
{
    char path[400];
    snprintf(path, sizeof path, "%s/team/crm.db", dir);
    struct store *st = NULL;
    struct store_opening how = { 0 };
    ok(store_team_create(path, getgid(), &how, &st) == STORE_OK, "team init in a new folder");
    if (how.error)
        printf("# %s\n", how.error);
    free(how.error);
    store_close(st);
    struct stat sb;
    char folder[400];
    snprintf(folder, sizeof folder, "%s/team", dir);
    ok(stat(folder, &sb) == 0 && (sb.st_mode & 07777) == 02770 && sb.st_gid == getgid(),
       "the folder is the group's, 2770");
    ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0660 && sb.st_gid == getgid(),
       "the database is the group's, 0660");

    /* A -wal the member left private is given back to the group. */
    char wal[420];
    snprintf(wal, sizeof wal, "%s-wal", path);
    FILE *f = fopen(wal, "w");
    if (f)
        fclose(f);
    chmod(wal, 0600);
    st = NULL;
    ok(store_open(path, STORE_OPEN_SHARED, &st, NULL, NULL) == STORE_OK,
       "the team database opens shared");
    ok(stat(wal, &sb) != 0 || (sb.st_mode & 0660) == 0660,
       "its -wal is the group's again");
    store_close(st);

    /* Opened as a private database, the group's write is refused. */
    st = NULL;
    char *error = NULL;
    ok(store_open(path, 0, &st, &error, NULL) != STORE_OK && error
       && strstr(error, "shared_database = yes"), "not shared, it is refused, saying why");
    if (error)
        printf("# %s\n", error);
    free(error);
    store_close(st);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/rapport-team.XXXXXX", tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_authors();
    test_team_files();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
    return tap_done();
}
