/* The actions the screens share: notes, follow-ups (add, done, snooze),
 * moving along the pipeline, archiving, forgetting and undo. Each asks
 * what it needs (tui/prompt.h, tui/editor.h, tui/external.h), calls the
 * domain (core/), and leaves a message; nothing here speaks SQL or
 * knows a screen. On a change it marks the screen for reloading
 * (ui->dirty). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "core/contact.h"
#include "core/followup.h"
#include "core/journal.h"
#include "core/note.h"
#include "core/stage.h"
#include "core/team.h"
#include "tui/act.h"
#include "tui/contact_form.h"
#include "tui/draw.h"
#include "tui/editor.h"
#include "tui/external.h"
#include "tui/prompt.h"
#include "store/contact.h"
#include "store/team.h"
#include "store/followup.h"
#include "store/forget.h"

static bool blank(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
            return false;
    return true;
}

/* The kind a "Kind: call …" comment names, if it is one; otherwise
 * *kind is left as it was and what was written goes to bad. */
static void kind_from_comments(const struct strlist *back, size_t *kind,
                               char *bad, size_t bad_size)
{
    const char *label = _("Kind:");
    size_t n = strlen(label);
    for (size_t i = 0; i < back->len; i++) {
        const char *line = back->items[i];
        if (strncmp(line, label, n) != 0)
            continue;
        line += n;
        while (*line == ' ')
            line++;
        size_t len = strcspn(line, " \t(");
        for (size_t k = 0; note_kinds[k]; k++)
            if (strlen(note_kinds[k]) == len && strncmp(note_kinds[k], line, len) == 0) {
                *kind = k;
                return;
            }
        snprintf(bad, bad_size, "%.*s", (int)len, line);
        return;
    }
}

/* $VISUAL/$EDITOR on a file that says whose note it is and its kind in
 * comment lines (tui/external.h strips them); a kind changed there is
 * taken. */
static bool external_note(struct ui *ui, const char *title, const char *draft,
                          size_t *kind, char **body, char *bad, size_t bad_size)
{
    char all[256] = "";
    size_t used = 0;
    for (size_t k = 0; note_kinds[k] && used < sizeof all; k++)
        used += (size_t)snprintf(all + used, sizeof all - used, "%s%s",
                                 k ? ", " : "", note_kinds[k]);
    char kind_line[384], strip[160];
    /* TRANSLATORS: "Kind:" starts the line as it is read back; the
     * kind itself (call, email …) is not translated. */
    snprintf(kind_line, sizeof kind_line, _("Kind: %s (change it here: %s)"),
             note_kinds[*kind], all);
    snprintf(strip, sizeof strip, _("Lines starting with “%s” are removed when the note is saved."),
             UI_COMMENT_MARK);
    const char *comments[] = { title, kind_line, strip, NULL };
    struct strlist back = { 0 };
    bool got = ui_external_edit(ui, draft, comments, NOTE_MAX_BYTES, &back, body);
    if (got)
        kind_from_comments(&back, kind, bad, bad_size);
    strlist_clear(&back);
    return got;
}

bool ui_act_note(struct ui *ui, int64_t contact_id, bool external)
{
    struct contact c;
    if (store_contact_get(ui->st, contact_id, &c) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    char title[256];
    char *name = text_sanitize(c.name, false);
    snprintf(title, sizeof title, _("Note about %s (#%lld)"), name,
             (long long)contact_id);
    free(name);
    contact_clear(&c);
    char *body = NULL;
    char *draft = NULL;
    bool stored = false;
    const char *labels[16];
    size_t nkinds = 0, kind = 0;
    for (; note_kinds[nkinds] && nkinds + 1 < sizeof labels / sizeof labels[0];
         nkinds++)
        labels[nkinds] = note_kind_label(note_kinds[nkinds]);
    labels[nkinds] = NULL;
    for (;;) {
        char bad[64] = "";
        bool got = external ? external_note(ui, title, draft, &kind, &body,
                                            bad, sizeof bad)
                            : ui_editor(ui, title, draft, labels, &kind, &body);
        if (!got)
            break;
        if (blank(body)) {
            ui_message(ui, false, _("The note was empty; nothing was stored."));
            break;
        }
        int64_t id = 0;
        if (note_add(ui->st, contact_id, note_kinds[kind], body, ui_now(), &id)
            == STORE_OK) {
            if (bad[0]) {
                char *clean = text_sanitize(bad, false);
                /* TRANSLATORS: the note's id, the kind it was stored as,
                 * and what was written as its kind. */
                ui_message(ui, true, _("Note #%lld stored as %s: “%s” is no kind of note."),
                           (long long)id, note_kinds[kind], clean ? clean : "");
                free(clean);
            } else {
                ui_message(ui, false, _("Note #%lld stored."), (long long)id);
            }
            ui->dirty = true;
            stored = true;
            break;
        }
        ui_store_error(ui);
        if (store_read_only(ui->st))
            break;
        /* Keep the text and let the user try again. */
        free(draft);
        draft = body;
        body = NULL;
        external = false;
    }
    free(draft);
    free(body);
    return stored;
}

/* How often, until the answer is an interval or empty (once); false
 * on Esc. */
static bool ask_every(struct ui *ui, char **every_text, struct interval *every)
{
    for (;;) {
        char *answer = NULL;
        if (!ui_prompt(ui, _("Repeat every (empty: once; 1w, 2m):"),
                       *every_text, &answer))
            return false;
        free(*every_text);
        *every_text = answer;
        text_trim(answer);
        if (!*answer || date_parse_interval(answer, every) == 0)
            return true;
        ui_message(ui, true, _("\"%s\" is no interval; try 3d, 2w or 1m."),
                   answer);
        ui_repaint(ui);
    }
}

/* In a team database: whom the follow-up is for, a colleague's login
 * or (empty) the one who schedules it. False on Esc. */
static bool ask_for(struct ui *ui, char **for_text)
{
    if (!team_me(ui->app))
        return true;
    for (;;) {
        char *answer = NULL;
        if (!ui_prompt_complete(ui, _("For whom (Enter: you; or a colleague's login):"),
                                *for_text, UI_COMPLETE_LOGIN, &answer))
            return false;
        free(*for_text);
        *for_text = answer;
        text_trim(answer);
        const char *login = NULL;
        if (team_login(answer, &login) == 0)
            return true;
        char *shown = text_sanitize(answer, false);
        ui_message(ui, true, _("There is no user %s here; write a login, or leave it empty."),
                   shown ? shown : "");
        free(shown);
        ui_repaint(ui);
    }
}

bool ui_act_followup(struct ui *ui, int64_t contact_id)
{
    char *due_text = NULL, *what = NULL, *every_text = NULL, *for_text = NULL;
    bool added = false;
    struct date due;
    int minutes = -1;
    /* The example is a day still to come, whenever this runs. */
    char example[11], question[160];
    date_example_iso(date_today(), example);
    snprintf(question, sizeof question,
             _("Due (today, +3d, fri 14:00, %s):"), example);
    for (;;) {
        char *answer = NULL;
        if (!ui_prompt(ui, question, due_text, &answer))
            goto out;
        free(due_text);
        due_text = answer;
        text_trim(due_text);
        /* An optional time of day comes last: "fri 14:00". */
        if (date_parse_with_time(due_text, date_today(), ui->app->cfg.week_start,
                                 &due, &minutes) == 0)
            break;
        ui_message(ui, true, _("\"%s\" is no date; try today, +3d, fri or "
                               "%s."), due_text, example);
        ui_repaint(ui);
    }
    /* A refused follow-up (no text, a control character) asks again,
     * with what was typed; only Esc leaves. */
    for (;;) {
        char *answer = NULL;
        if (!ui_prompt(ui, _("What to do:"), what, &answer))
            goto out;
        free(what);
        what = answer;
        if (blank(what)) {
            ui_message(ui, true, _("The follow-up needs a text."));
            ui_repaint(ui);
            continue;
        }
        struct interval every = { 0, 'd' };
        if (!ask_every(ui, &every_text, &every) || !ask_for(ui, &for_text))
            goto out;
        int64_t id = 0;
        enum store_status rc = followup_add_for(ui->st, contact_id, due, minutes,
                                                what, every, for_text, ui_now(), &id);
        if (rc == STORE_OK) {
            char day[64];
            ui_date(ui, due, day, sizeof day);
            ui_message(ui, false, _("Follow-up f%lld on %s."), (long long)id,
                       day);
            ui->dirty = true;
            added = true;
            break;
        }
        ui_store_error(ui);
        if (rc != STORE_INVALID)
            break;
        ui_repaint(ui);
    }
out:
    free(due_text);
    free(what);
    free(every_text);
    free(for_text);
    return added;
}

/* "f3 “Call back”", for a question that names the follow-up it acts
 * on; "f3" when it cannot be read. */
static void followup_title(struct ui *ui, int64_t id, char *buf, size_t size)
{
    struct followup f;
    memset(&f, 0, sizeof f);
    if (store_followup_get(ui->st, id, &f) != STORE_OK) {
        snprintf(buf, size, "f%lld", (long long)id);
        return;
    }
    char *text = text_sanitize(f.text ? f.text : "", false);
    snprintf(buf, size, "f%lld “%s”", (long long)id, text ? text : "");
    free(text);
    followup_clear(&f);
}

bool ui_act_done(struct ui *ui, int64_t followup_id)
{
    char title[256];
    followup_title(ui, followup_id, title, sizeof title);
    /* The follow-up is named above the question, which stays short
     * enough for 40 columns; "Done" is said after, not before. */
    /* TRANSLATORS: the follow-up, as f3 “Call back”. */
    ui_message(ui, false, _("Marking %s done."), title);
    const char *question = _("Log a note (Enter: none, Esc: cancel):");
    char *log = NULL;
    bool ok = false;
    for (;;) {
        char *answer = NULL;
        if (!ui_prompt(ui, question, log, &answer))
            break;
        free(log);
        log = answer;
        struct followup next;
        memset(&next, 0, sizeof next);
        enum store_status rc = followup_done(ui->st, followup_id,
                                             blank(log) ? NULL : log,
                                             ui_now(), &next);
        if (rc == STORE_OK) {
            if (next.id > 0) {
                char day[64];
                ui_date(ui, next.due, day, sizeof day);
                ui_message(ui, false, _("Done: %s; the next one (f%lld) is on %s."),
                           title, (long long)next.id, day);
            } else {
                ui_message(ui, false, _("Done: %s."), title);
            }
            ui->dirty = true;
            ok = true;
        }
        followup_clear(&next);
        if (ok)
            break;
        ui_store_error(ui);
        /* A refused note (a control character) is asked again. */
        if (rc != STORE_INVALID)
            break;
        ui_repaint(ui);
    }
    free(log);
    return ok;
}

struct snoozing {
    int64_t followup_id;
    const char *title;
    const char *example;
};

static enum ui_answer take_snooze(struct ui *ui, const char *text, void *arg)
{
    const struct snoozing *s = arg;
    struct date until;
    if (date_parse(text, date_today(), ui->app->cfg.week_start, &until) < 0) {
        ui_message(ui, true, _("\"%s\" is no date; try +1d, mon or "
                               "%s."), text, s->example);
        return UI_ANSWER_AGAIN;
    }
    enum store_status rc = followup_snooze(ui->st, s->followup_id, until,
                                           ui_now());
    if (rc == STORE_OK) {
        char day[64];
        ui_date(ui, until, day, sizeof day);
        ui_message(ui, false, _("Snoozed %s until %s."), s->title, day);
        ui->dirty = true;
        return UI_ANSWER_TAKEN;
    }
    ui_store_error(ui);
    /* Refused (yesterday, its own due day): asked again with the text. */
    return rc == STORE_INVALID ? UI_ANSWER_AGAIN : UI_ANSWER_STOP;
}

bool ui_act_snooze(struct ui *ui, int64_t followup_id)
{
    char title[256];
    followup_title(ui, followup_id, title, sizeof title);
    /* TRANSLATORS: the follow-up, as f3 “Call back”. */
    ui_message(ui, false, _("Snoozing %s."), title);
    char example[11], question[160];
    date_example_iso(date_today(), example);
    snprintf(question, sizeof question, _("Snooze until (+1d, mon, %s):"),
             example);
    struct snoozing s = { followup_id, title, example };
    char *text = NULL;
    bool ok = ui_ask(ui, question, &text, take_snooze, &s);
    free(text);
    return ok;
}

struct staging {
    int64_t contact_id;
    bool forward;
    enum stage *now_stage;
};

static enum ui_answer take_stage(struct ui *ui, const char *answer, void *arg)
{
    const struct staging *s = arg;
    /* An empty reason is none. */
    char *reason = strdup(answer);
    if (!reason)
        abort();
    text_trim(reason);
    const char *why = *reason ? reason : NULL;
    enum stage to = STAGE_END_USER;
    enum store_status rc =
        s->forward ? stage_promote(ui->st, s->contact_id, why, ui_now(), &to)
                   : stage_demote(ui->st, s->contact_id, why, ui_now(), &to);
    free(reason);
    if (rc == STORE_OK) {
        ui_message(ui, false, _("Now: %s."), stage_label(to));
        if (s->now_stage)
            *s->now_stage = to;
        ui->dirty = true;
        return UI_ANSWER_TAKEN;
    }
    ui_store_error(ui);
    /* A refused reason (a control character) is asked again. */
    return rc == STORE_INVALID ? UI_ANSWER_AGAIN : UI_ANSWER_STOP;
}

static bool stage_step(struct ui *ui, int64_t contact_id, bool forward,
                       const char *initial, enum stage *now_stage)
{
    /* A client cannot go further, nor an end user back: said before a
     * reason is asked for, not after it was typed. */
    struct contact c;
    if (store_contact_get(ui->st, contact_id, &c) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    enum stage at = c.stage;
    contact_clear(&c);
    if (forward && at == STAGE_COUNT - 1) {
        ui_message(ui, true, _("%s is the last stage: nothing to promote to."),
                   stage_label(at));
        return false;
    }
    if (!forward && at == 0) {
        ui_message(ui, true, _("%s is the first stage: nothing to demote to."),
                   stage_label(at));
        return false;
    }
    /* A suggestion's reason is offered, to keep or edit. */
    char *reason = initial ? strdup(initial) : NULL;
    struct staging st = { contact_id, forward, now_stage };
    bool ok = ui_ask(ui, forward ? _("Promote; reason (optional):")
                                 : _("Demote; reason (optional):"),
                     &reason, take_stage, &st);
    free(reason);
    return ok;
}

bool ui_act_stage(struct ui *ui, int64_t contact_id, bool forward,
                  enum stage *now_stage)
{
    return stage_step(ui, contact_id, forward, NULL, now_stage);
}

bool ui_act_promote_with(struct ui *ui, int64_t contact_id, const char *reason)
{
    return stage_step(ui, contact_id, true, reason, NULL);
}

bool ui_act_archive(struct ui *ui, int64_t contact_id)
{
    struct contact c;
    if (store_contact_get(ui->st, contact_id, &c) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    char q[512], undo[32];
    char *name = text_sanitize(c.name, false);
    bool archived = c.archived;
    keys_first_name(&ui->keys, ACT_UNDO, undo, sizeof undo);
    if (archived)
        snprintf(q, sizeof q, _("Bring %s back from the archive?"), name);
    else
        /* TRANSLATORS: the contact's name, then the key that undoes. */
        snprintf(q, sizeof q, _("Archive %s? (hidden, kept; %s undoes it)"),
                 name, undo);
    bool ok = false;
    if (ui_confirm(ui, q)) {
        enum store_status rc = archived
            ? contact_unarchive(ui->st, contact_id, ui_now())
            : contact_archive(ui->st, contact_id, ui_now());
        if (rc == STORE_OK) {
            ui_message(ui, false,
                       archived ? _("%s is back.") : _("%s archived."), name);
            ui->dirty = true;
            ok = true;
        } else {
            ui_store_error(ui);
        }
    }
    free(name);
    contact_clear(&c);
    return ok;
}

bool ui_act_forget(struct ui *ui, int64_t contact_id)
{
    struct contact c;
    if (store_contact_get(ui->st, contact_id, &c) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    char q[512];
    char *name = text_sanitize(c.name, false);
    snprintf(q, sizeof q,
             _("Erase %s for ever? Type the name:"),
             name);
    char *typed = NULL;
    bool ok = false;
    /* A name that does not match asks again with what was typed. */
    for (;;) {
        char *answer = NULL;
        if (!ui_prompt(ui, q, typed, &answer))
            break;
        free(typed);
        typed = answer;
        text_trim(typed);
        if (strcmp(typed, c.name) != 0) {
            ui_message(ui, true, _("The name did not match; nothing was "
                                   "erased. Type it as shown, or Esc."));
            ui_repaint(ui);
            continue;
        }
        if (contact_forget(ui->st, contact_id) == STORE_OK) {
            /* The database forgets; backups and exports do not. Said
             * before the name, which may be long enough to cut it. */
            if (store_wipe_pending(ui->st))
                ui_message(ui, true, _("Erased, but another program is reading the database: "
                                       "old copies stay in the file until it stops, and "
                                       "earlier backups and exports still hold their data: %s"),
                           name);
            else
                ui_message(ui, false, _("Erased; earlier backups and exports still hold "
                                        "their data: %s"), name);
            ui->dirty = true;
            ok = true;
        } else {
            ui_store_error(ui);
        }
        break;
    }
    free(typed);
    free(name);
    contact_clear(&c);
    return ok;
}

/* u undoes this session's own changes at once, Ctrl-R redoes what it
 * undid; a newer change made (or undone) elsewhere (another shell, an
 * earlier session) is named and asked about first, so nobody reverts
 * what they never saw. */
static void step(struct ui *ui, bool redo)
{
    struct journal_entry newest;
    enum store_status rc = redo ? journal_newest_undone(ui->st, &newest)
                                : journal_newest(ui->st, &newest);
    if (rc != STORE_OK) {
        ui_store_error(ui);
        return;
    }
    /* A colleague's change is theirs: named, and asked about, even
     * when this connection wrote it (it never does, but a login is what
     * the person sees). */
    const char *me = store_author(ui->st);
    bool theirs = newest.author[0] && strcmp(newest.author, me) != 0;
    bool go = newest.own && !theirs;
    if (!go) {
        char *clean = text_sanitize(newest.what, false);
        char *who = text_sanitize(newest.author, false);
        char question[512];
        if (theirs)
            snprintf(question, sizeof question,
                     redo ? _("Redo “%s”, undone by %s?") : _("Undo “%s”, made by %s?"),
                     clean ? clean : "", who ? who : "");
        else
            snprintf(question, sizeof question,
                     redo ? _("Redo “%s”, undone outside this session?")
                          : _("Undo “%s”, made outside this session?"),
                     clean ? clean : "");
        go = ui_confirm(ui, question);
        free(who);
        free(clean);
    }
    char *what = NULL;
    if (go && (redo ? journal_redo_entry(ui->st, newest.id, &what)
                    : journal_undo_entry(ui->st, newest.id, &what)) == STORE_OK) {
        char *clean = text_sanitize(what, false);
        ui_message(ui, false, redo ? _("Redone: %s") : _("Undone: %s"), clean);
        free(clean);
        free(what);
    } else if (go) {
        ui_store_error(ui);
    }
    journal_entry_clear(&newest);
    ui->dirty = true;
}

void ui_act_undo(struct ui *ui)
{
    step(ui, false);
}

void ui_act_redo(struct ui *ui)
{
    step(ui, true);
}

bool ui_act_on_contact(struct ui *ui, enum action act, int64_t contact_id)
{
    switch (act) {
    case ACT_NOTE:
    case ACT_EDITOR:
        ui_act_note(ui, contact_id, act == ACT_EDITOR);
        return true;
    case ACT_FOLLOWUP:
        ui_act_followup(ui, contact_id);
        return true;
    case ACT_PROMOTE:
    case ACT_DEMOTE:
        ui_act_stage(ui, contact_id, act == ACT_PROMOTE, NULL);
        return true;
    case ACT_EDIT:
        ui_contact_form_edit(ui, contact_id);
        return true;
    case ACT_ARCHIVE:
        ui_act_archive(ui, contact_id);
        return true;
    case ACT_FORGET:
        ui_act_forget(ui, contact_id);
        return true;
    default:
        return false;
    }
}

