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
#include "core/review.h"
#include "core/season.h"
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
#include "store/org.h"
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

/* The Review's "scheduled by" (review_only_by, as agenda --by): one
 * author's follow-ups, every one of them even in "my" Review, counted
 * so; NULL or "" shows everyone's again. And the logins Tab offers. */
static void test_review_by(void)
{
    char path[400];
    snprintf(path, sizeof path, "%s/by.db", dir);
    struct store *ann = NULL, *bob = NULL;
    ok(store_open(path, STORE_OPEN_CREATE, &ann, NULL, NULL) == STORE_OK
       && store_open(path, 0, &bob, NULL, NULL) == STORE_OK, "two members");
    if (!ann || !bob) {
        store_close(ann);
        store_close(bob);
        return;
    }
    store_set_author(ann, "ann");
    store_set_author(bob, "bob");
    time_t now = 1780000000;
    struct date today = date_from_time(now);
    int64_t vera = add(ann, "Vera", NULL, now);
    add_followup(ann, vera, "ann's own", NULL, now);
    add_followup(ann, vera, "ann's, handed to bob", "bob", now);
    add_followup(bob, vera, "bob's own", NULL, now);
    add_followup(bob, vera, "bob's, handed to ann", "ann", now);
    struct followup f = { .contact_id = vera, .due = date_add_days(today, 2),
                          .due_minutes = -1 };
    f.text = strdup("bob's, later");
    ok(store_followup_add(bob, &f, now) == STORE_OK, "one in the next days");
    free(f.text);

    struct review r;
    review_plan(&r, today, REVIEW_DAYS);
    int cadence[STAGE_COUNT] = { 0, 0, 0 };
    int64_t n = -1;
    ok(review_count(ann, &r, REVIEW_TODAY, cadence, now, &n) == STORE_OK, "today");
    is_int(n, 4, "everyone's four");
    review_only_by(&r, "bob");
    ok(review_count(ann, &r, REVIEW_TODAY, cadence, now, &n) == STORE_OK, "bob's today");
    is_int(n, 2, "the two bob scheduled, whoever they are for");
    ok(review_count(ann, &r, REVIEW_NEXT, cadence, now, &n) == STORE_OK, "bob's next days");
    is_int(n, 1, "every follow-up section follows it");
    is_str(review_filter(&r, REVIEW_OVERDUE)->by, "bob", "Overdue too");
    review_only_mine(&r, "ann");
    ok(review_count(ann, &r, REVIEW_TODAY, cadence, now, &n) == STORE_OK, "in ann's Review");
    is_int(n, 2, "still all of bob's: his own is not hers, yet shown");
    ok(r.mine && strcmp(r.mine, "ann") == 0, "the other sections stay hers");
    review_only_by(&r, NULL);
    ok(review_count(ann, &r, REVIEW_TODAY, cadence, now, &n) == STORE_OK, "nobody's filter");
    is_int(n, 2, "back to ann's work: hers and the one handed to her");
    review_only_by(&r, "");
    ok(review_filter(&r, REVIEW_TODAY)->by == NULL, "an empty login is everyone's");
    review_only_mine(&r, NULL);
    review_only_by(&r, "ann");
    ok(review_count(ann, &r, REVIEW_TODAY, cadence, now, &n) == STORE_OK, "ann's, of the team");
    is_int(n, 2, "the two she scheduled");
    review_only_by(&r, "carl");
    ok(review_count(ann, &r, REVIEW_TODAY, cadence, now, &n) == STORE_OK, "a login with none");
    is_int(n, 0, "has none");

    struct strlist logins = { 0 };
    ok(store_team_logins(ann, "", 10, &logins) == STORE_OK, "the logins to complete");
    char *all = strlist_join(&logins, " ");
    is_str(all, "ann bob", "both members, in order, once each");
    free(all);
    strlist_clear(&logins);
    /* A member who only hands out follow-ups, and one who only owns a
     * contact, are members too. */
    struct store *cleo = NULL;
    ok(store_open(path, 0, &cleo, NULL, NULL) == STORE_OK, "a third member");
    if (cleo) {
        store_set_author(cleo, "cleo");
        add_followup(cleo, vera, "cleo's, handed to bob", "bob", now);
        store_close(cleo);
    }
    add(ann, "Wim", "dan", now);
    ok(store_team_logins(ann, "", 10, &logins) == STORE_OK, "the logins again");
    all = strlist_join(&logins, " ");
    is_str(all, "ann bob cleo dan", "with who handed out a follow-up and who owns a contact");
    free(all);
    strlist_clear(&logins);
    ok(store_team_logins(ann, "b", 10, &logins) == STORE_OK && logins.len == 1,
       "those that begin as typed");
    is_str(logins.len ? logins.items[0] : NULL, "bob", "bob");
    strlist_clear(&logins);
    ok(store_team_logins(ann, "x", 10, &logins) == STORE_OK && logins.len == 0,
       "none for a prefix nobody has");
    strlist_clear(&logins);
    ok(store_team_logins(bob, "", 1, &logins) == STORE_OK && logins.len == 1,
       "at most the window asked for");
    strlist_clear(&logins);
    store_close(ann);
    store_close(bob);
}

/* A contact of organisation org, owned by owner, added `days` ago with
 * one note a day later; decision-maker or customer with a project. */
static int64_t add_old(struct store *st, const char *name, const char *org,
                       const char *owner, enum stage stage, unsigned roles,
                       time_t now, int days)
{
    struct contact c = { .stage = stage, .cadence_days = -1, .roles = roles };
    c.name = strdup(name);
    c.org = org ? strdup(org) : NULL;
    c.owner = strdup(owner);
    if (stage == STAGE_CUSTOMER)
        c.projects = strdup("digitisation");
    time_t created = now - (time_t)days * DAY;
    if (store_contact_add(st, &c, created) != STORE_OK)
        printf("# add %s: %s\n", name, store_error(st));
    struct note n = { .contact_id = c.id, .at = created + DAY };
    n.body = strdup("first meeting");
    if (store_note_add(st, &n, n.at) != STORE_OK)
        printf("# note %s: %s\n", name, store_error(st));
    free(n.body);
    int64_t id = c.id;
    contact_clear(&c);
    return id;
}

/* Budget season and Ready to move up follow the Review's "mine" as
 * Gone quiet does: a member's own contacts, or the team's. */
static void test_pipeline_mine(void)
{
    char path[400];
    snprintf(path, sizeof path, "%s/pipeline.db", dir);
    struct store *st = NULL;
    ok(store_open(path, STORE_OPEN_CREATE, &st, NULL, NULL) == STORE_OK, "a database");
    if (!st)
        return;
    time_t now = 1780000000;
    struct date today = date_from_time(now);
    add_old(st, "Dag", "Library", "ann", STAGE_END_USER, ROLE_DECISION_MAKER, now, 100);
    add_old(st, "Eva", "Library", "bob", STAGE_END_USER, ROLE_DECISION_MAKER, now, 100);
    int64_t finn = add_old(st, "Finn", NULL, "ann", STAGE_CUSTOMER, ROLE_USER, now, 400);
    add_old(st, "Gro", NULL, "bob", STAGE_CUSTOMER, ROLE_USER, now, 400);
    struct org o = { 0 };
    ok(store_org_get(st, "Library", 0, &o) == STORE_OK, "the organisation");
    struct date due = date_add_days(today, 10);
    char md[16];
    snprintf(md, sizeof md, "%02d-%02d", due.month % 100, due.day % 100);
    memcpy(o.budget_date, md, sizeof o.budget_date - 1);
    ok(store_org_edit(st, &o, now) == STORE_OK, "its budget in ten days");
    org_clear(&o);

    struct pipeline_thresholds p = { .end_user_interactions = 3,
        .end_user_window_days = 90, .customer_min_days = 180,
        .customer_min_touches = 1, .budget_lead_days = 60 };
    struct review r;
    review_plan(&r, today, REVIEW_DAYS);
    review_use_pipeline(&r, &p);
    int cadence[STAGE_COUNT] = { 0, 0, 0 };
    int64_t n = -1;
    ok(review_count(st, &r, REVIEW_BUDGET, cadence, now, &n) == STORE_OK, "budget season");
    is_int(n, 2, "the team's: both decision-makers");
    ok(review_count(st, &r, REVIEW_READY, cadence, now, &n) == STORE_OK, "ready to move up");
    is_int(n, 2, "the team's: both customers");
    review_only_mine(&r, "ann");
    ok(review_count(st, &r, REVIEW_BUDGET, cadence, now, &n) == STORE_OK, "ann's budget season");
    is_int(n, 1, "only the decision-maker she owns");
    ok(review_count(st, &r, REVIEW_READY, cadence, now, &n) == STORE_OK, "ann's ready");
    is_int(n, 1, "only the customer she owns");

    struct budget_list budget = { 0 };
    ok(season_budget_page(st, &p, today, "bob", 10, &budget) == STORE_OK
       && budget.len == 1, "bob's budget season page has one row");
    is_str(budget.len ? budget.items[0].contact.name : NULL, "Eva", "his");
    budget_list_clear(&budget);
    struct suggestion_list ready = { 0 };
    ok(season_ready_window(st, &p, now, "ann", NULL, false, 10, &ready) == STORE_OK
       && ready.len == 1, "ann's ready window has one row");
    ok(ready.len && ready.items[0].contact.id == finn, "hers, Finn");
    suggestion_list_clear(&ready);
    ok(season_ready_page(st, &p, now, NULL, 10, &ready) == STORE_OK && ready.len == 2,
       "the team's page has both");
    suggestion_list_clear(&ready);
    store_close(st);
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
    test_pipeline_mine();
    test_review_by();
    test_team_files();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
    return tap_done();
}
