/* Unit tests of the domain: stages, follow-ups (recurrence, snooze),
 * cadence, contacts (validation, resolving), notes, scores, undo, the
 * windowed cursors and the Review's sections, on a temporary database. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cadence.h"
#include "core/contact.h"
#include "core/cursor.h"
#include "core/followup.h"
#include "core/journal.h"
#include "core/note.h"
#include "core/pause.h"
#include "core/review.h"
#include "core/score.h"
#include "core/stage.h"
#include "model/note.h"
#include "model/pause.h"
#include "model/score.h"
#include "model/timeline.h"
#include "store/contact.h"
#include "store/followup.h"
#include "store/note.h"
#include "store/quiet.h"
#include "store/score.h"
#include "store/stage.h"
#include "store/timeline.h"
#include "store/store.h"
#include "../lib/tap.h"

static char dir[256];
static char db[300];

static struct date ymd(int y, int m, int d)
{
    return (struct date){ y, m, d };
}

/* Noon local time of a day: far from any daylight-saving edge. */
static time_t noon(int y, int m, int d)
{
    return date_to_time(ymd(y, m, d)) + 12 * 3600;
}

static bool same_date(struct date a, struct date b)
{
    return date_compare(a, b) == 0;
}

static void test_next_due(void)
{
    struct interval week = { 1, 'w' }, month = { 1, 'm' }, days3 = { 3, 'd' };
    ok(same_date(followup_next_due(ymd(2026, 3, 2), week, ymd(2026, 3, 4)),
                 ymd(2026, 3, 9)),
       "weekly: one week after the previous due date");
    ok(same_date(followup_next_due(ymd(2026, 1, 5), week, ymd(2026, 3, 4)),
                 ymd(2026, 3, 11)),
       "weekly, long overdue: one week after today");
    ok(same_date(followup_next_due(ymd(2026, 1, 31), month, ymd(2026, 1, 31)),
                 ymd(2026, 2, 28)),
       "monthly from Jan 31 clamps to Feb 28");
    ok(same_date(followup_next_due(ymd(2024, 1, 31), month, ymd(2024, 1, 31)),
                 ymd(2024, 2, 29)),
       "monthly from Jan 31 in a leap year gives Feb 29");
    ok(same_date(followup_next_due(ymd(2026, 12, 30), days3, ymd(2026, 12, 30)),
                 ymd(2027, 1, 2)),
       "every 3 days crosses the year end");
    ok(same_date(followup_next_due(ymd(2026, 3, 1), days3, ymd(2026, 3, 4)),
                 ymd(2026, 3, 4)),
       "next date equal to today stays today");
}

static void test_cadence_pure(void)
{
    int stage_cadence[STAGE_COUNT] = { 0, 45, 21 };
    struct contact c;
    contact_init(&c);
    c.created = noon(2026, 1, 1);
    c.last_touch = noon(2026, 1, 1);
    c.stage = STAGE_CLIENT;
    is_int(cadence_days_for(&c, stage_cadence), 21, "a client's cadence is 21 days");
    ok(!cadence_is_quiet(&c, stage_cadence, noon(2026, 1, 22)),
       "a client touched 21 days ago is not quiet yet");
    ok(cadence_is_quiet(&c, stage_cadence, noon(2026, 1, 23)),
       "a client touched 22 days ago has gone quiet");
    is_int(cadence_days_overdue(&c, stage_cadence, noon(2026, 1, 25)), 3,
           "days past the cadence");
    c.stage = STAGE_END_USER;
    ok(!cadence_is_quiet(&c, stage_cadence, noon(2027, 1, 1)),
       "end users never go quiet by default");
    c.cadence_days = 10;
    ok(cadence_is_quiet(&c, stage_cadence, noon(2026, 1, 12)),
       "a contact's own cadence overrides its stage's");
    c.stage = STAGE_CLIENT;
    c.cadence_days = 0;
    ok(!cadence_is_quiet(&c, stage_cadence, noon(2027, 1, 1)),
       "a contact's cadence of 0 is off");
    is_int(cadence_days_since(&c, noon(2026, 1, 11)), 10, "days since the last touch");

    int days = 99;
    ok(cadence_parse("3w", &days) == 0 && days == 21, "cadence 3w is 21 days");
    ok(cadence_parse("2m", &days) == 0 && days == 60, "cadence 2m is 60 days");
    ok(cadence_parse("14", &days) == 0 && days == 14, "cadence 14 is 14 days");
    ok(cadence_parse("default", &days) == 0 && days == -1, "cadence default");
    ok(cadence_parse("off", &days) == 0 && days == 0, "cadence off");
    ok(cadence_parse("-3d", &days) != 0, "a negative cadence is refused");
    ok(cadence_parse("3x", &days) != 0, "an unknown unit is refused");
}

static void test_stage_names(void)
{
    is_str(stage_key(STAGE_END_USER), "end-user", "stage key end-user");
    is_int(stage_parse("end-user"), STAGE_END_USER, "parse end-user");
    is_int(stage_parse("End User"), STAGE_END_USER, "parse End User");
    is_int(stage_parse("CLIENT"), STAGE_CLIENT, "parse CLIENT");
    is_int(stage_parse("customers"), STAGE_CUSTOMER, "parse a plural label");
    is_int(stage_parse("partner"), STAGE_NONE, "an unknown stage");
    is_int(contact_parse_role("decision-maker"), ROLE_DECISION_MAKER, "role decision-maker");
    is_int(contact_parse_role("both"), ROLE_USER | ROLE_DECISION_MAKER, "role both");
    is_int(contact_parse_role("boss"), -1, "an unknown role");
    is_int(contact_parse_role("user;decision-maker"),
           ROLE_USER | ROLE_DECISION_MAKER, "roles as CSV writes them");
    is_int(contact_parse_role(" Decision-Maker , user "),
           ROLE_USER | ROLE_DECISION_MAKER, "roles with blanks, in any case");
    is_int(contact_parse_role("user;boss"), -1, "one unknown role spoils the list");
    is_int(contact_parse_role(""), -1, "no role at all");
    const char *keys[CONTACT_ROLE_COUNT];
    ok(contact_role_keys(ROLE_DECISION_MAKER | ROLE_USER, keys) == 2
       && strcmp(keys[0], "user") == 0 && strcmp(keys[1], "decision-maker") == 0,
       "both roles are written as their words, user's first");
    ok(contact_role_keys(ROLE_DECISION_MAKER, keys) == 1
       && strcmp(keys[0], "decision-maker") == 0, "one role, one word");
    is_int(contact_role_keys(0, keys), 0, "no role, no word");
    is_int(score_parse("10"), 10, "score 10");
    is_int(score_parse("11"), -1, "score 11 refused");
    is_int(score_parse("7a"), -1, "score 7a refused");
    struct nps n = { .answered = 4, .promoters = 2, .detractors = 1 };
    double value = 0;
    ok(score_nps(&n, &value) && value == 25.0, "NPS of 2 promoters, 1 detractor in 4");
    struct nps none = { 0 };
    ok(!score_nps(&none, &value), "no NPS when nobody answered");
}

static int64_t add(struct store *st, const char *name, const char *email,
                   enum stage stage, time_t now)
{
    struct contact c;
    contact_init(&c);
    c.name = strdup(name);
    c.stage = stage;
    if (email)
        strlist_push(&c.emails, email);
    int64_t id = contact_add(st, &c, now) == STORE_OK ? c.id : 0;
    contact_clear(&c);
    return id;
}

static void test_contacts(struct store *st)
{
    time_t now = noon(2026, 3, 10);
    int64_t zoe = add(st, "  Zoë Ødegård ", "zoe@example.org", STAGE_CUSTOMER, now);
    int64_t li = add(st, "李小龙", NULL, STAGE_END_USER, now);
    int64_t ann = add(st, "Ann Lee", NULL, STAGE_END_USER, now);
    int64_t anna = add(st, "Anna Berg", NULL, STAGE_END_USER, now);
    ok(zoe && li && ann && anna, "contacts are added");

    struct contact c = { 0 };
    ok(contact_resolve(st, "zoe", false, &c) == STORE_OK && c.id == zoe,
       "\"zoe\" finds Zoë Ødegård (case- and accent-insensitive)");
    is_str(c.name, "Zoë Ødegård", "the name is stored trimmed");
    is_int(c.stage, STAGE_CUSTOMER, "the first stage is recorded");
    contact_clear(&c);
    ok(contact_resolve(st, "ODEGARD", false, &c) == STORE_OK && c.id == zoe,
       "a later part of the name, upper case, finds her");
    contact_clear(&c);
    ok(contact_resolve(st, "小龙", false, &c) == STORE_OK && c.id == li,
       "part of a CJK name finds it");
    contact_clear(&c);
    char ref[32];
    snprintf(ref, sizeof ref, "#%lld", (long long)li);
    ok(contact_resolve(st, ref, false, &c) == STORE_OK && c.id == li,
       "#id finds the contact");
    contact_clear(&c);
    ok(contact_resolve(st, "an", false, &c) == STORE_AMBIGUOUS,
       "a part of two names is ambiguous");
    ok(strstr(store_error(st), "Ann Lee") && strstr(store_error(st), "Anna Berg"),
       "the ambiguity lists the candidates");
    ok(contact_resolve(st, "zed", false, &c) == STORE_NOT_FOUND,
       "no match is not found");
    ok(contact_resolve(st, "#999", false, &c) == STORE_NOT_FOUND,
       "an unknown id is not found");

    struct contact bad;
    contact_init(&bad);
    bad.name = strdup("   ");
    ok(contact_add(st, &bad, now) == STORE_INVALID, "an empty name is refused");
    ok(strstr(store_error(st), "name") != NULL, "the message names the field");
    contact_clear(&bad);
    contact_init(&bad);
    bad.name = strdup("No Mail");
    strlist_push(&bad.emails, "not-an-address");
    ok(contact_add(st, &bad, now) == STORE_INVALID, "a bad email is refused");
    ok(strstr(store_error(st), "not-an-address") != NULL,
       "the message quotes the bad email");
    contact_clear(&bad);

    /* Two readers edit the same contact: the second save is a conflict. */
    struct contact first = { 0 }, second = { 0 };
    ok(store_contact_get(st, ann, &first) == STORE_OK, "the contact reads");
    ok(store_contact_get(st, ann, &second) == STORE_OK, "the contact reads");
    free(first.title);
    first.title = strdup("Archivist");
    ok(contact_update(st, &first, now) == STORE_OK, "the first edit is saved");
    free(second.title);
    second.title = strdup("Curator");
    ok(contact_update(st, &second, now) == STORE_CONFLICT,
       "the second edit of a changed contact is a conflict");
    contact_clear(&first);
    contact_clear(&second);
    ok(store_contact_get(st, ann, &first) == STORE_OK, "the contact reads");
    is_str(first.title, "Archivist", "the first edit is kept");
    contact_clear(&first);

    ok(contact_archive(st, anna, now) == STORE_OK, "archive");
    ok(contact_resolve(st, "anna", false, &c) == STORE_NOT_FOUND,
       "an archived contact is hidden from name lookups");
    ok(contact_resolve(st, "anna", true, &c) == STORE_OK && c.archived,
       "and found when archived ones are included");
    contact_clear(&c);
    ok(contact_archive(st, anna, now) == STORE_INVALID, "archiving twice is refused");
    char *what = NULL;
    ok(journal_undo(st, &what) == STORE_OK, "undo the archive");
    ok(what && strstr(what, "Anna Berg"), "undo says what it undid");
    free(what);
    ok(store_contact_get(st, anna, &c) == STORE_OK, "the contact reads");
    ok(!c.archived, "after undo the contact is active again");
    contact_clear(&c);
}

static void test_stages(struct store *st)
{
    time_t now = noon(2026, 3, 11);
    int64_t id = add(st, "Maja Stage", NULL, STAGE_END_USER, noon(2026, 1, 1));
    enum stage s = STAGE_END_USER;
    ok(stage_demote(st, id, NULL, now, &s) == STORE_INVALID,
       "an end user cannot be demoted");
    ok(stage_promote(st, id, "came back twice", now, &s) == STORE_OK
       && s == STAGE_CUSTOMER, "promote to customer");
    ok(stage_promote(st, id, "", now + 60, &s) == STORE_OK && s == STAGE_CLIENT,
       "promote to client");
    ok(stage_promote(st, id, NULL, now, &s) == STORE_INVALID,
       "a client cannot be promoted");
    ok(stage_set(st, id, STAGE_CLIENT, NULL, now) == STORE_INVALID,
       "a jump to the current stage is refused");
    struct stage_change_list history = { 0 };
    ok(store_stage_history(st, id, &history) == STORE_OK && history.len == 3,
       "three stage changes are kept");
    if (history.len == 3) {
        is_int(history.items[0].to, STAGE_CLIENT, "newest first: client");
        ok(history.items[0].reason == NULL, "an empty reason is stored as none");
        is_str(history.items[1].reason, "came back twice", "the reason is kept");
        is_int(history.items[2].from, STAGE_NONE, "the first change has no from");
    }
    stage_change_list_clear(&history);
    char *what = NULL;
    ok(journal_undo(st, &what) == STORE_OK, "undo the last promotion");
    free(what);
    struct contact c = { 0 };
    ok(store_contact_get(st, id, &c) == STORE_OK, "the contact reads");
    is_int(c.stage, STAGE_CUSTOMER, "after undo the contact is a customer again");
    contact_clear(&c);
    ok(stage_set(st, id, STAGE_END_USER, "moved away", now) == STORE_OK,
       "a direct jump back to end user");
}

static void test_followups(struct store *st)
{
    time_t now = noon(2026, 3, 12);
    struct date today = date_from_time(now);
    int64_t id = add(st, "Follow Upton", NULL, STAGE_CUSTOMER, noon(2026, 1, 1));
    int64_t fid = 0;
    struct interval none = { 0, 0 }, weekly = { 1, 'w' };
    ok(followup_add(st, id, ymd(2026, 2, 30), -1, "bad", none, now, &fid)
       == STORE_INVALID, "an impossible date is refused");
    ok(followup_add(st, id, today, -1, "   ", none, now, &fid) == STORE_INVALID,
       "an empty text is refused");
    ok(followup_add(st, id, ymd(2026, 3, 5), 9 * 60 + 30, "Weekly check-in",
                    weekly, now, &fid) == STORE_OK && fid, "a weekly follow-up");

    ok(followup_snooze(st, fid, ymd(2026, 3, 1), now) == STORE_INVALID,
       "snoozing into the past is refused");
    ok(followup_snooze(st, fid, ymd(2026, 3, 14), now) == STORE_OK, "snooze");
    struct followup f = { 0 };
    store_followup_get(st, fid, &f);
    ok(same_date(f.due, ymd(2026, 3, 5)), "snoozing keeps the due date");
    ok(same_date(f.snoozed_until, ymd(2026, 3, 14)), "and records the new date");
    ok(same_date(followup_effective(&f), ymd(2026, 3, 14)),
       "it shows up on the snooze date");
    is_int(f.due_minutes, 9 * 60 + 30, "the time of day is kept");
    followup_clear(&f);

    struct contact before = { 0 };
    ok(store_contact_get(st, id, &before) == STORE_OK, "the contact reads");
    struct followup next = { 0 };
    time_t later = now + 3600;
    ok(followup_done(st, fid, "Talked about the new archive", later, &next)
       == STORE_OK, "done with a note");
    ok(next.id != 0, "a recurring follow-up schedules the next");
    ok(same_date(next.due, ymd(2026, 3, 12)),
       "one week after the due date (Mar 5 + 1w = Mar 12, today)");
    followup_clear(&next);
    store_followup_get(st, fid, &f);
    is_int(f.state, FOLLOWUP_DONE, "the follow-up is done");
    followup_clear(&f);
    ok(followup_done(st, fid, NULL, later, &next) == STORE_INVALID,
       "a done follow-up cannot be done again");

    struct contact after = { 0 };
    ok(store_contact_get(st, id, &after) == STORE_OK, "the contact reads");
    is_int(after.note_count, before.note_count + 1, "the note was logged");
    ok(after.last_touch == later, "completing it restarts the cadence clock");
    contact_clear(&before);
    contact_clear(&after);

    char *what = NULL;
    ok(journal_undo(st, &what) == STORE_OK, "undo the completion");
    free(what);
    store_followup_get(st, fid, &f);
    is_int(f.state, FOLLOWUP_OPEN, "after undo the follow-up is open again");
    followup_clear(&f);
    struct followup_filter filter = { .contact_id = id, .open_only = true };
    int64_t open = 0;
    store_followup_count(st, &filter, &open);
    is_int(open, 1, "and the next occurrence is gone");
}

static void test_notes_and_scores(struct store *st)
{
    time_t now = noon(2026, 3, 13);
    int64_t id = add(st, "Nora Notes", NULL, STAGE_CLIENT, noon(2026, 1, 1));
    int64_t nid = 0;
    ok(note_add(st, id, "telegram", "hi", now, &nid) == STORE_INVALID,
       "an unknown kind is refused");
    ok(note_add(st, id, NULL, " \n\t ", now, &nid) == STORE_INVALID,
       "a blank note is refused");
    ok(note_add(st, id, "call", "Line one\nLine two\n\n", now, &nid) == STORE_OK,
       "a multi-line call note");
    struct note_list notes = { 0 };
    store_note_page(st, id, NULL, 10, &notes);
    ok(notes.len == 1 && strcmp(notes.items[0].body, "Line one\nLine two") == 0,
       "the body keeps its lines, without trailing blank lines");
    ok(notes.len == 1 && strcmp(notes.items[0].kind, "call") == 0, "the kind is kept");
    note_list_clear(&notes);
    ok(score_add(st, id, 11, NULL, now, NULL) == STORE_INVALID, "a score of 11 is refused");
    ok(score_add(st, id, 9, "very helpful", now, NULL) == STORE_OK, "a score of 9");
    struct score_list scores = { 0 };
    store_score_list(st, id, &scores);
    ok(scores.len == 1 && scores.items[0].value == 9, "the score is stored");
    score_list_clear(&scores);

    int cadence[STAGE_COUNT] = { 0, 45, 21 };
    struct contact_list quiet = { 0 };
    ok(store_quiet_page(st, cadence, NULL, noon(2026, 3, 20), NULL, 50, &quiet) == STORE_OK,
       "list the quiet contacts");
    bool listed = false;
    for (size_t i = 0; i < quiet.len; i++)
        listed |= quiet.items[i].id == id;
    ok(!listed, "a client touched a week ago is not quiet");
    contact_list_clear(&quiet);
    store_quiet_page(st, cadence, NULL, noon(2026, 4, 20), NULL, 50, &quiet);
    listed = false;
    for (size_t i = 0; i < quiet.len; i++)
        listed |= quiet.items[i].id == id;
    ok(listed, "five weeks later the client has gone quiet");
    ok(quiet.len > 0 && quiet.items[0].stage == STAGE_CLIENT, "clients come first");
    contact_list_clear(&quiet);
}

/* Whether contact id is in the first window of gone quiet at `now`. */
static bool quiet_lists(struct store *st, int64_t id, time_t now, int64_t *count)
{
    int cadence[STAGE_COUNT] = { 0, 45, 21 };
    struct contact_list quiet = { 0 };
    if (store_quiet_page(st, cadence, NULL, now, NULL, 50, &quiet) != STORE_OK)
        return false;
    bool listed = false;
    for (size_t i = 0; i < quiet.len; i++)
        listed |= quiet.items[i].id == id;
    contact_list_clear(&quiet);
    if (store_quiet_count(st, cadence, NULL, now, count) != STORE_OK)
        *count = -1;
    return listed;
}

/* A paused cadence keeps a contact out of gone quiet until its day;
 * notes edited and deleted; the history of notes and follow-ups done. */
static void test_pause_and_history(struct store *st)
{
    time_t now = noon(2026, 4, 20);
    int64_t id = add(st, "Paula Paused", NULL, STAGE_CLIENT, noon(2026, 1, 1));
    int64_t before = 0, after = 0;
    ok(quiet_lists(st, id, now, &before), "a client untouched since January has gone quiet");
    ok(pause_set(st, id, ymd(2026, 4, 20), NULL, now) == STORE_INVALID,
       "a pause ending today is refused");
    ok(pause_set(st, id, ymd(2026, 5, 1), "on\x1b[2Jsabbatical", now) == STORE_INVALID,
       "a reason with a control character is refused");
    ok(pause_set(st, id, ymd(2026, 5, 1), "  on sabbatical  ", now) == STORE_OK,
       "paused until the first of May");
    struct pause p;
    bool paused = false;
    ok(pause_current(st, id, now, &p, &paused) == STORE_OK && paused
       && same_date(p.until, ymd(2026, 5, 1)) && p.reason
       && strcmp(p.reason, "on sabbatical") == 0, "the pause is read back, its reason trimmed");
    pause_clear(&p);
    ok(!quiet_lists(st, id, now, &after), "a paused contact is not listed as gone quiet");
    is_int((int)after, (int)before - 1, "nor counted");
    ok(!quiet_lists(st, id, noon(2026, 4, 30), &after), "still paused the day before it ends");
    ok(quiet_lists(st, id, noon(2026, 5, 1), &after), "listed again on the day the pause ends");
    ok(pause_current(st, id, noon(2026, 5, 1), &p, &paused) == STORE_OK && !paused,
       "and the pause is over then");
    ok(pause_end(st, id, now) == STORE_OK, "a pause is ended");
    ok(pause_end(st, id, now) == STORE_NOT_FOUND, "ending it again says there is none");
    ok(quiet_lists(st, id, now, &after), "listed again once ended");

    int64_t n1 = 0, n2 = 0, f1 = 0;
    note_add(st, id, "call", "First call", noon(2026, 4, 1), &n1);
    note_add(st, id, "note", "Second note", noon(2026, 4, 2), &n2);
    ok(note_edit(st, n1, NULL, "First call, about maps\r\n\n", now) == STORE_OK,
       "a note's text is edited");
    struct note n;
    ok(store_note_get(st, n1, &n) == STORE_OK && strcmp(n.body, "First call, about maps") == 0
       && strcmp(n.kind, "call") == 0 && n.at == noon(2026, 4, 1),
       "the body is cleaned as for a new note; the kind and time stay");
    note_clear(&n);
    ok(note_edit(st, n1, "telegram", NULL, now) == STORE_INVALID, "an unknown kind is refused");
    ok(note_edit(st, n1, NULL, "  ", now) == STORE_INVALID, "an empty body is refused");
    ok(note_edit(st, 999999, NULL, "x", now) == STORE_NOT_FOUND, "an unknown note is not found");
    ok(note_delete(st, n2, now) == STORE_OK, "a note is deleted");
    struct contact c;
    store_contact_get(st, id, &c);
    is_int(c.note_count, 1, "the contact counts one note");
    contact_clear(&c);
    char *what = NULL;
    ok(journal_undo(st, &what) == STORE_OK && what && strstr(what, "deleted note"),
       "undo brings the note back");
    free(what);
    what = NULL;
    ok(journal_redo(st, &what) == STORE_OK && what && strstr(what, "deleted note"),
       "redo deletes it again");
    free(what);
    ok(store_note_get(st, n2, &n) == STORE_NOT_FOUND, "it is gone");

    followup_add(st, id, ymd(2026, 4, 5), -1, "Send the maps", (struct interval){ 0, 0 },
                 noon(2026, 4, 1), &f1);
    struct followup next;
    memset(&next, 0, sizeof next);
    ok(followup_done(st, f1, NULL, noon(2026, 4, 6), &next) == STORE_OK, "a follow-up done");
    followup_clear(&next);
    struct timeline_list tl = { 0 };
    ok(store_timeline_page(st, id, NULL, 1, &tl) == STORE_OK && tl.len == 1 && tl.more
       && tl.items[0].kind == TIMELINE_DONE && tl.items[0].id == f1
       && same_date(tl.items[0].due, ymd(2026, 4, 5)),
       "the history starts with the follow-up done, newest first");
    struct timeline_list rest = { 0 };
    ok(tl.len == 1 && store_timeline_page(st, id, &tl.items[0], 10, &rest) == STORE_OK
       && rest.len == 1 && !rest.more && rest.items[0].kind == TIMELINE_NOTE
       && rest.items[0].id == n1 && strcmp(rest.items[0].note_kind, "call") == 0,
       "then the note, and nothing more");
    timeline_list_clear(&tl);
    timeline_list_clear(&rest);
    int64_t done = 0;
    ok(store_timeline_done_count(st, id, &done) == STORE_OK && done == 1,
       "one follow-up done is counted");
}

/* More rows than two windows, so every cursor reads past its first. */
#define CURSOR_ROWS (2 * CURSOR_WINDOW + 50)

static enum store_status fill_cursor_rows(struct store *st, void *arg)
{
    int64_t *first = arg;
    time_t now = noon(2026, 5, 1);
    for (int i = 0; i < CURSOR_ROWS; i++) {
        struct contact c;
        contact_init(&c);
        char name[64], org[64];
        snprintf(name, sizeof name, "Cursor %03d", i);
        snprintf(org, sizeof org, "Cursor Org %03d", i);
        c.name = strdup(name);
        c.org = strdup(org);
        strlist_push(&c.tags, "cursor");
        enum store_status rc = contact_add(st, &c, now);
        if (i == 0)
            *first = c.id;
        contact_clear(&c);
        if (rc != STORE_OK)
            return rc;
    }
    for (int i = 0; i < CURSOR_ROWS; i++) {
        char body[64];
        snprintf(body, sizeof body, "cursor note %03d", i);
        int64_t id = 0;
        enum store_status rc = note_add(st, *first, "note", body, now + i, &id);
        if (rc == STORE_OK)
            rc = followup_add(st, *first, ymd(2026, 6, 1 + i % 28), -1, body,
                              (struct interval){ 0, 0 }, now, &id);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

static void test_cursors(struct store *st)
{
    int64_t first = 0;
    ok(store_batch(st, NULL, fill_cursor_rows, &first) == STORE_OK,
       "cursors: fill more than two windows of each");

    struct contact_filter cf = { .stage = STAGE_NONE, .tag = "cursor" };
    struct contact_cursor cc;
    cursor_contacts(&cc, st, &cf, CONTACT_SORT_NAME);
    int n = 0;
    bool ordered = true;
    char prev[64] = "";
    for (const struct contact *c; (c = cursor_next_contact(&cc)); n++) {
        ordered &= strcmp(prev, c->name) < 0;
        snprintf(prev, sizeof prev, "%s", c->name);
    }
    ok(cursor_close_contacts(&cc) == STORE_OK, "cursors: contacts read");
    is_int(n, CURSOR_ROWS, "cursors: every contact once");
    ok(ordered, "cursors: contacts in name order across windows");

    cursor_contacts(&cc, st, &cf, CONTACT_SORT_NAME);
    n = 0;
    for (const struct contact *c; (c = cursor_next_contact(&cc)); n++)
        if (n == CURSOR_WINDOW + 3)
            break;
    ok(cursor_close_contacts(&cc) == STORE_OK && n == CURSOR_WINDOW + 3,
       "cursors: leaving early is fine");

    struct note_cursor nc;
    cursor_notes(&nc, st, first);
    n = 0;
    int64_t newest = 0;
    bool newest_first = true;
    for (const struct note *no; (no = cursor_next_note(&nc)); n++) {
        newest_first &= !newest || no->at <= newest;
        newest = no->at;
    }
    ok(cursor_close_notes(&nc) == STORE_OK, "cursors: notes read");
    is_int(n, CURSOR_ROWS, "cursors: every note once");
    ok(newest_first, "cursors: notes newest first across windows");

    struct followup_filter ff = { .contact_id = first };
    struct followup_cursor fc;
    cursor_followups(&fc, st, &ff);
    n = 0;
    bool by_date = true;
    struct date last = { 0 };
    for (const struct followup *f; (f = cursor_next_followup(&fc)); n++) {
        by_date &= date_compare(last, f->due) <= 0;
        last = f->due;
    }
    ok(cursor_close_followups(&fc) == STORE_OK, "cursors: follow-ups read");
    is_int(n, CURSOR_ROWS, "cursors: every follow-up once");
    ok(by_date, "cursors: follow-ups by date across windows");

    struct org_cursor oc;
    cursor_orgs(&oc, st);
    n = 0;
    for (const struct org *o; (o = cursor_next_org(&oc)); )
        n += strncmp(o->name, "Cursor Org ", 11) == 0;
    ok(cursor_close_orgs(&oc) == STORE_OK, "cursors: organisations read");
    is_int(n, CURSOR_ROWS, "cursors: every organisation once");
}

static bool is_day(struct date d, int y, int m, int day)
{
    return date_is_set(d) && same_date(d, ymd(y, m, day));
}

static void is_title(const struct review *r, enum review_section s,
                     const char *want, const char *name)
{
    char buf[128];
    review_title(r, s, buf, sizeof buf);
    is_str(buf, want, name);
}

static void is_empty_text(const struct review *r, enum review_section s,
                          const char *want, const char *name)
{
    char buf[128];
    review_empty(r, s, buf, sizeof buf);
    is_str(buf, want, name);
}

/* The Review's sections for Tuesday 10 March 2026, on a database of their
 * own so that no other test's follow-ups are counted. */
static void test_review(void)
{
    struct review r;
    review_plan(&r, ymd(2026, 3, 10), REVIEW_DAYS);
    const struct followup_filter *over = review_filter(&r, REVIEW_OVERDUE),
                                 *today = review_filter(&r, REVIEW_TODAY),
                                 *next = review_filter(&r, REVIEW_NEXT);
    ok(over && over->open_only && !date_is_set(over->from)
       && is_day(over->to, 2026, 3, 9), "review: overdue is open and before today");
    ok(today && is_day(today->from, 2026, 3, 10) && is_day(today->to, 2026, 3, 10),
       "review: today is today");
    ok(next && is_day(next->from, 2026, 3, 11) && is_day(next->to, 2026, 3, 17),
       "review: the next 7 days follow today");
    ok(!review_filter(&r, REVIEW_QUIET) && !review_lists_followups(REVIEW_QUIET)
       && review_lists_followups(REVIEW_NEXT), "review: gone quiet lists contacts");
    ok(review_shows(&r, REVIEW_NEXT), "review: a week ahead is shown");
    is_title(&r, REVIEW_OVERDUE, "Overdue", "review: overdue's title");
    is_title(&r, REVIEW_TODAY, "Today", "review: today's title");
    is_title(&r, REVIEW_NEXT, "Next 7 days", "review: the next days' title");
    is_title(&r, REVIEW_QUIET, "Gone quiet", "review: gone quiet's title");
    is_empty_text(&r, REVIEW_OVERDUE, "Nothing overdue.", "review: nothing overdue");
    is_empty_text(&r, REVIEW_TODAY, "Nothing due today.", "review: nothing today");
    is_empty_text(&r, REVIEW_NEXT, "Nothing in the next 7 days.",
                  "review: nothing in the next days");
    is_empty_text(&r, REVIEW_QUIET, "Nobody has gone quiet.", "review: nobody quiet");
    review_plan(&r, ymd(2026, 3, 10), 1);
    is_title(&r, REVIEW_NEXT, "Next 1 day", "review: one day ahead, in the singular");
    ok(is_day(review_filter(&r, REVIEW_NEXT)->to, 2026, 3, 11), "review: is tomorrow");
    review_plan(&r, ymd(2026, 3, 10), 0);
    ok(!review_shows(&r, REVIEW_NEXT) && review_shows(&r, REVIEW_TODAY),
       "review: no days ahead, no next section");

    char path[400];
    snprintf(path, sizeof path, "%s/data/review.db", dir);
    struct store *st = NULL;
    char *error = NULL;
    if (store_open(path, STORE_OPEN_CREATE, &st, &error, NULL) != STORE_OK) {
        ok(0, "review: open a database of its own");
        free(error);
        return;
    }
    time_t now = noon(2026, 3, 10);
    int64_t client = add(st, "Review Client", NULL, STAGE_CLIENT, noon(2026, 1, 1));
    add(st, "Review End User", NULL, STAGE_END_USER, noon(2026, 1, 1));
    struct interval none = { 0, 0 };
    int64_t fid = 0, done = 0, snoozed = 0;
    followup_add(st, client, ymd(2026, 3, 5), -1, "overdue", none, now, &fid);
    followup_add(st, client, ymd(2026, 3, 5), -1, "snoozed", none, now, &snoozed);
    followup_snooze(st, snoozed, ymd(2026, 3, 11), now);
    followup_add(st, client, ymd(2026, 3, 10), -1, "today", none, now, &fid);
    followup_add(st, client, ymd(2026, 3, 10), -1, "done", none, now, &done);
    followup_done(st, done, NULL, now, NULL);
    followup_add(st, client, ymd(2026, 3, 12), -1, "soon", none, now, &fid);
    followup_add(st, client, ymd(2026, 3, 17), -1, "in a week", none, now, &fid);
    followup_add(st, client, ymd(2026, 3, 18), -1, "later", none, now, &fid);
    /* Gone quiet is counted on 1 May: the client, last touched when a
     * follow-up was done on 10 March, is past its 21 days; an end user
     * (cadence 0) never is. */
    review_plan(&r, ymd(2026, 3, 10), REVIEW_DAYS);
    int cadence[STAGE_COUNT] = { 0, 45, 21 };
    int64_t counts[REVIEW_SECTIONS] = { 0 };
    bool read = true;
    for (int s = 0; s < REVIEW_SECTIONS; s++)
        read &= review_count(st, &r, s, cadence, noon(2026, 5, 1),
                             &counts[s]) == STORE_OK;
    ok(read, "review: every section counted");
    is_int(counts[REVIEW_OVERDUE], 1, "review: overdue, the snoozed one not");
    is_int(counts[REVIEW_TODAY], 1, "review: due today, the done one not");
    is_int(counts[REVIEW_NEXT], 3, "review: the next 7 days, the snoozed one too");
    is_int(counts[REVIEW_QUIET], 1, "review: the client gone quiet, not the end user");
    store_close(st);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/rapport-domain.XXXXXX", tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(db, sizeof db, "%s/data/rapport.db", dir);

    test_next_due();
    test_cadence_pure();
    test_stage_names();

    struct store *st = NULL;
    char *error = NULL;
    ok(store_open(db, STORE_OPEN_CREATE, &st, &error, NULL) == STORE_OK,
       "open a new database");
    if (!st) {
        printf("# %s\n", error ? error : "?");
        free(error);
        return tap_done();
    }
    test_contacts(st);
    test_stages(st);
    test_followups(st);
    test_notes_and_scores(st);
    test_pause_and_history(st);
    test_cursors(st);
    store_close(st);
    test_review();

    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
    return tap_done();
}
