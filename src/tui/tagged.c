/* An action on every tagged row: the key after `;` picks it, the
 * question is asked once, and the rows are changed in one store batch
 * (one journal entry, so `u` undoes the lot). A row the action refuses
 * (a date before its follow-up's due day, a client promoted) is left
 * out and counted, not a reason to drop the others. Uses tui/tags.h,
 * tui/prompt.h, tui/input.h, tui/draw.h and core/. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "core/app.h"
#include "core/contact.h"
#include "core/followup.h"
#include "core/stage.h"
#include "store/followup.h"
#include "tui/draw.h"
#include "tui/input.h"
#include "tui/prompt.h"
#include "tui/tagged.h"

static const enum action tagged_actions[] = {
    ACT_DONE, ACT_SNOOZE, ACT_PROMOTE, ACT_DEMOTE, ACT_ARCHIVE, ACT_NONE
};

struct bulk {
    enum action act;
    const struct ui_tags *tags;
    time_t now;
    const char *log;          /* done: the note logged on each, or NULL */
    struct date until;        /* snooze */
    const char *reason;       /* promote, demote: NULL for none */
    int changed, left_out;
    char *why;                /* the first reason a row was left out */
};

static void left_out(struct bulk *b, struct store *st, const char *why)
{
    b->left_out++;
    if (b->why)
        return;
    b->why = why ? strdup(why) : app_store_error(st);
    if (!b->why)
        b->why = strdup(store_error(st));
}

/* The follow-up a tag stands for: itself, or a tagged contact's one
 * open follow-up (0: none, or several). */
static int64_t followup_of(struct store *st, const struct ui_tag *t,
                           enum store_status *rc)
{
    *rc = STORE_OK;
    if (t->kind == UI_TAG_FOLLOWUP)
        return t->id;
    struct followup_filter filter = { .contact_id = t->id, .open_only = true };
    struct followup_list open;
    memset(&open, 0, sizeof open);
    *rc = store_followup_page(st, &filter, NULL, 2, &open);
    int64_t id = *rc == STORE_OK && open.len == 1 ? open.items[0].id : 0;
    followup_list_clear(&open);
    return id;
}

/* A follow-up's contact is tagged through it once, however many of
 * its follow-ups are. */
static bool seen_before(const struct bulk *b, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (b->tags->v[j].contact_id == b->tags->v[i].contact_id)
            return true;
    return false;
}

static enum store_status apply_one(struct store *st, struct bulk *b, size_t i)
{
    const struct ui_tag *t = &b->tags->v[i];
    enum store_status rc = STORE_OK;
    if (b->act == ACT_DONE || b->act == ACT_SNOOZE) {
        int64_t id = followup_of(st, t, &rc);
        if (rc != STORE_OK)
            return rc;
        if (!id) {
            left_out(b, st, _("a contact without one open follow-up"));
            return STORE_OK;
        }
        if (b->act == ACT_DONE) {
            struct followup next;
            memset(&next, 0, sizeof next);
            rc = followup_done(st, id, b->log, b->now, &next);
            followup_clear(&next);
        } else {
            rc = followup_snooze(st, id, b->until, b->now);
        }
    } else {
        if (seen_before(b, i))
            return STORE_OK;
        enum stage to;
        if (b->act == ACT_PROMOTE)
            rc = stage_promote(st, t->contact_id, b->reason, b->now, &to);
        else if (b->act == ACT_DEMOTE)
            rc = stage_demote(st, t->contact_id, b->reason, b->now, &to);
        else
            rc = contact_archive(st, t->contact_id, b->now);
    }
    if (rc == STORE_OK) {
        b->changed++;
    } else if (rc == STORE_INVALID || rc == STORE_NOT_FOUND) {
        left_out(b, st, NULL);
        rc = STORE_OK;
    }
    return rc;
}

static enum store_status apply_all(struct store *st, void *arg)
{
    struct bulk *b = arg;
    for (size_t i = 0; i < b->tags->len; i++) {
        enum store_status rc = apply_one(st, b, i);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

/* The journal's name for the change, as `u` will say it. */
static void change_name(enum action act, size_t n, char *buf, size_t size)
{
    unsigned long k = (unsigned long)n;
    switch (act) {
    case ACT_DONE:
        snprintf(buf, size, ngettext("done: %zu tagged row", "done: %zu tagged rows", k), n);
        break;
    case ACT_SNOOZE:
        snprintf(buf, size, ngettext("snooze: %zu tagged row", "snooze: %zu tagged rows", k), n);
        break;
    case ACT_PROMOTE:
        snprintf(buf, size, ngettext("promote: %zu tagged row", "promote: %zu tagged rows", k), n);
        break;
    case ACT_DEMOTE:
        snprintf(buf, size, ngettext("demote: %zu tagged row", "demote: %zu tagged rows", k), n);
        break;
    default:
        snprintf(buf, size, ngettext("archive: %zu tagged row", "archive: %zu tagged rows", k), n);
        break;
    }
}

/* Runs the batch and says what came of it; UI_ANSWER_AGAIN when every
 * row was refused (a date that fits none of them), so the question
 * stays open with what was typed. */
static enum ui_answer run(struct ui *ui, struct bulk *b)
{
    char what[128];
    change_name(b->act, b->tags->len, what, sizeof what);
    b->changed = b->left_out = 0;
    free(b->why);
    b->why = NULL;
    b->now = ui_now();
    enum store_status rc = store_batch(ui->st, what, apply_all, b);
    if (rc != STORE_OK) {
        ui_store_error(ui);
        return UI_ANSWER_STOP;
    }
    char *why = text_sanitize(b->why ? b->why : "", false);
    if (b->changed == 0) {
        ui_message(ui, true, _("Nothing was changed: %s"), why ? why : "");
        free(why);
        return b->act == ACT_DONE || b->act == ACT_ARCHIVE ? UI_ANSWER_STOP
                                                            : UI_ANSWER_AGAIN;
    }
    char undo[32];
    keys_first_name(&ui->keys, ACT_UNDO, undo, sizeof undo);
    if (b->left_out)
        /* TRANSLATORS: the change ("snooze: 3 tagged rows"), how many
         * were left out and the first reason, then the undo key. */
        ui_message(ui, false, ngettext("%s; %d left out (%s); %s undoes it",
                                       "%s; %d left out (%s); %s undoes it",
                                       (unsigned long)b->left_out),
                   what, b->left_out, why ? why : "", undo);
    else
        /* TRANSLATORS: the change ("done: 3 tagged rows"), then the key
         * that undoes it. */
        ui_message(ui, false, _("%s; %s undoes it"), what, undo);
    free(why);
    ui->dirty = true;
    return UI_ANSWER_TAKEN;
}

static bool blank(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t')
            return false;
    return true;
}

static enum ui_answer take_log(struct ui *ui, const char *answer, void *arg)
{
    struct bulk *b = arg;
    b->log = blank(answer) ? NULL : answer;
    return run(ui, b);
}

static enum ui_answer take_date(struct ui *ui, const char *answer, void *arg)
{
    struct bulk *b = arg;
    if (date_parse(answer, date_today(), ui->app->cfg.week_start, &b->until) < 0) {
        ui_message(ui, true, _("\"%s\" is no date; try +1d, mon or a day "
                               "to come."), answer);
        return UI_ANSWER_AGAIN;
    }
    return run(ui, b);
}

static enum ui_answer take_reason(struct ui *ui, const char *answer, void *arg)
{
    struct bulk *b = arg;
    char *reason = strdup(answer);
    if (!reason)
        abort();
    text_trim(reason);
    b->reason = *reason ? reason : NULL;
    enum ui_answer a = run(ui, b);
    free(reason);
    b->reason = NULL;
    return a;
}

/* The key after `;`, read while the message line names the choices. */
static enum action read_action(struct ui *ui, size_t n)
{
    char keys[5][32];
    for (int i = 0; i < 5; i++)
        keys_first_name(&ui->keys, tagged_actions[i], keys[i], sizeof keys[i]);
    for (;;) {
        /* TRANSLATORS: how many rows are tagged, then the keys of done,
         * snooze, promote, demote and archive. */
        ui_message(ui, false, ngettext("%zu tagged: %s done, %s snooze, %s promote, "
                                       "%s demote, %s archive, Esc none",
                                       "%zu tagged: %s done, %s snooze, %s promote, "
                                       "%s demote, %s archive, Esc none", n),
                   n, keys[0], keys[1], keys[2], keys[3], keys[4]);
        ui_repaint(ui);
        int key = ui_getkey(ui, 500);
        if (ui_stopping())
            return ACT_NONE;
        if (key == KEYS_NONE || key == KEYS_RESIZE)
            continue;
        ui->message[0] = '\0';
        if (keys_bound(&ui->keys, ACT_CANCEL, key))
            return ACT_NONE;
        enum action act = keys_lookup(&ui->keys, tagged_actions, key);
        if (act == ACT_NONE) {
            char name[32];
            keys_name(key, name, sizeof name);
            ui_message(ui, true, _("%s is no action on tagged rows; nothing was done."),
                       name);
        }
        return act;
    }
}

void ui_tagged_act(struct ui *ui, struct ui_tags *tags)
{
    if (tags->len == 0) {
        char tag[32];
        keys_first_name(&ui->keys, ACT_TAG, tag, sizeof tag);
        ui_message(ui, false, _("Nothing is tagged; %s tags a row."), tag);
        return;
    }
    enum action act = read_action(ui, tags->len);
    if (act == ACT_NONE)
        return;
    struct bulk b;
    memset(&b, 0, sizeof b);
    b.act = act;
    b.tags = tags;
    char *text = NULL;
    char question[256];
    bool ok = false;
    switch (act) {
    case ACT_DONE:
        ok = ui_ask(ui, _("Log a note on each (Enter: none, Esc: cancel):"),
                    &text, take_log, &b);
        break;
    case ACT_SNOOZE: {
        char example[11];
        date_example_iso(date_today(), example);
        snprintf(question, sizeof question,
                 _("Snooze every tagged one until (+1d, mon, %s):"), example);
        ok = ui_ask(ui, question, &text, take_date, &b);
        break;
    }
    case ACT_PROMOTE:
    case ACT_DEMOTE:
        ok = ui_ask(ui, act == ACT_PROMOTE ? _("Promote every tagged one; reason (optional):")
                                           : _("Demote every tagged one; reason (optional):"),
                    &text, take_reason, &b);
        break;
    default: {
        char undo[32];
        keys_first_name(&ui->keys, ACT_UNDO, undo, sizeof undo);
        snprintf(question, sizeof question,
                 ngettext("Archive the contact of %zu tagged row? (%s undoes it)",
                          "Archive the contacts of %zu tagged rows? (%s undoes it)",
                          tags->len), tags->len, undo);
        ok = ui_confirm(ui, question) && run(ui, &b) == UI_ANSWER_TAKEN;
        break;
    }
    }
    free(text);
    free(b.why);
    if (ok)
        ui_tags_clear(tags);
}
