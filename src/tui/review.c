/* The Review screen (SPEC §3.1), the daily start: Overdue, Today, Next
 * 7 days, Gone quiet, Budget season, Ready to move up and, when mail
 * waits, Needs review (the sections core/review.h builds), each a
 * windowed list with its count; act on a row without leaving the
 * screen (p pauses the cadence of a contact gone quiet). A screen:
 * uses tui/views.h (to open a contact), tui/act.h and the actions
 * beside it, tui/source.h and what lies below them. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cadence.h"
#include "core/followup.h"
#include "core/review.h"
#include "core/season.h"
#include "base/i18n.h"
#include "core/stage.h"
#include "core/team.h"
#include "base/text.h"
#include "tui/act.h"
#include "tui/act_pause.h"
#include "tui/act_score.h"
#include "tui/draw.h"
#include "tui/mail_act.h"
#include "tui/prompt.h"
#include "tui/source.h"
#include "tui/tagged.h"
#include "tui/views.h"
#include "store/followup.h"
#include "store/mail.h"
#include "store/quiet.h"

struct review_screen {
    struct review plan;
    struct ui_list lists[REVIEW_SECTIONS];
    int64_t counts[REVIEW_SECTIONS];
    int focus;
    bool failed;
    bool team;          /* a team database's whole work, not only mine */
    char by[64];        /* only the follow-ups this login scheduled; "": all */
    struct ui_tags tags;           /* t marks rows, ; acts on them */
};

static const enum action review_actions[] = {
    ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_LEFT, ACT_RIGHT, ACT_TOP, ACT_BOTTOM,
    ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_OPEN, ACT_DONE, ACT_SNOOZE, ACT_NOTE,
    ACT_EDITOR, ACT_FOLLOWUP, ACT_PROMOTE, ACT_DEMOTE, ACT_EDIT, ACT_ARCHIVE,
    ACT_FORGET, ACT_DISMISS, ACT_PAUSE, ACT_TAG, ACT_TAGGED, ACT_TEAM, ACT_BY,
    ACT_SCORE, ACT_NONE
};

static const enum action review_hints[] = {
    ACT_DONE, ACT_SNOOZE, ACT_NOTE, ACT_OPEN, ACT_BACK, ACT_NONE
};

/* The sections of today's review (core/review.h), the week ahead. */
static void plan_today(struct ui *ui, struct review_screen *r)
{
    review_plan(&r->plan, date_today(), REVIEW_DAYS);
    review_use_pipeline(&r->plan, &ui->app->cfg.pipeline);
    /* A team database opens on my work; the team key shows everyone's. */
    const char *me = team_me(ui->app);
    if (me && !r->team)
        review_only_mine(&r->plan, me);
    review_only_by(&r->plan, r->by);
}

/* The status line's word on whose work is shown, with the key that
 * switches (only in a team database), and whose follow-ups when they
 * are one member's, with the key that shows everyone's again. */
static void say_scope(struct ui *ui, const struct review_screen *r)
{
    const char *me = team_me(ui->app);
    char key[32], work[128] = "", by[128] = "";
    if (me) {
        keys_first_name(&ui->keys, ACT_TEAM, key, sizeof key);
        char *who = text_sanitize(me, false);
        if (r->team)
            /* TRANSLATORS: the status line; then the key that shows mine. */
            snprintf(work, sizeof work, _("the team's work (%s: mine)"), key);
        else
            /* TRANSLATORS: the status line: my login, the key for the team's. */
            snprintf(work, sizeof work, _("%s's work (%s: the team's)"),
                     who ? who : "", key);
        free(who);
    }
    if (r->by[0]) {
        keys_first_name(&ui->keys, ACT_BY, key, sizeof key);
        char *who = text_sanitize(r->by, false);
        /* TRANSLATORS: the status line: the login whose follow-ups are
         * shown, then the key that shows everyone's. */
        snprintf(by, sizeof by, _("follow-ups by %s (%s: everyone's)"),
                 who ? who : "", key);
        free(who);
    }
    snprintf(ui->scope, sizeof ui->scope, "%s%s%s", by,
             by[0] && work[0] ? "; " : "", work);
}

static void review_reload(struct ui *ui, void *self);

/* W's answer: a login of this system, or nothing for everyone's. */
static enum ui_answer take_by(struct ui *ui, const char *answer, void *arg)
{
    struct review_screen *r = arg;
    char *given = strdup(answer);
    if (!given)
        abort();
    text_trim(given);
    const char *login = NULL;
    if (team_login(given, &login) != 0 || (login && strlen(login) >= sizeof r->by)) {
        char *shown = text_sanitize(given, false);
        ui_message(ui, true, _("There is no user %s here; write a login, "
                               "or leave it empty for everyone's follow-ups."),
                   shown ? shown : "");
        free(shown);
        free(given);
        return UI_ANSWER_AGAIN;
    }
    snprintf(r->by, sizeof r->by, "%s", login ? login : "");
    free(given);
    return UI_ANSWER_TAKEN;
}

/* W: asks whose follow-ups to show; the status line then says it. */
static void ask_by(struct ui *ui, struct review_screen *r)
{
    char *text = r->by[0] ? strdup(r->by) : NULL;
    if (ui_ask_complete(ui, _("Only follow-ups scheduled by (login; empty: everyone's):"),
                        UI_COMPLETE_LOGIN, &text, take_by, r))
        review_reload(ui, r);
    free(text);
}

/* A failed read must not pass for an empty day: it is remembered and
 * the store's message shown. */
static void count(struct ui *ui, struct review_screen *r)
{
    r->failed = false;
    for (int i = 0; i < REVIEW_SECTIONS; i++)
        if (review_count(ui->st, &r->plan, i, ui->app->cfg.stage_cadence,
                         ui_now(), &r->counts[i]) != STORE_OK) {
            r->counts[i] = 0;
            r->failed = true;
        }
    for (int i = 0; i < REVIEW_SECTIONS; i++)
        r->failed = r->failed || r->lists[i].failed;
    if (r->failed)
        ui_store_error(ui);
}

static void *review_open(struct ui *ui, int64_t arg)
{
    (void)arg;
    struct review_screen *r = calloc(1, sizeof *r);
    if (!r)
        abort();
    plan_today(ui, r);
    for (int i = 0; i < REVIEW_QUIET; i++)
        ui_list_init(&r->lists[i], &ui_followup_source, &r->plan.filters[i]);
    ui_list_init(&r->lists[REVIEW_QUIET], &ui_quiet_source, &r->plan);
    ui_list_init(&r->lists[REVIEW_BUDGET], &ui_budget_source, &r->plan);
    ui_list_init(&r->lists[REVIEW_READY], &ui_ready_source, &r->plan);
    ui_list_init(&r->lists[REVIEW_MAIL], &ui_mail_source, NULL);
    /* Messages waiting for review are no contacts: they are not tagged. */
    for (int i = 0; i < REVIEW_SECTIONS; i++) {
        if (i == REVIEW_MAIL)
            continue;
        r->lists[i].tags = &r->tags;
        r->lists[i].tag_kind = review_lists_followups(i) ? UI_TAG_FOLLOWUP
                                                         : UI_TAG_CONTACT;
    }
    for (int i = 0; i < REVIEW_SECTIONS; i++)
        ui_list_load(ui, &r->lists[i]);
    count(ui, r);
    r->focus = REVIEW_OVERDUE;
    for (int i = REVIEW_SECTIONS - 1; i >= 0; i--)
        if (r->lists[i].len > 0)
            r->focus = i;
    return r;
}

static void review_close(void *self)
{
    struct review_screen *r = self;
    for (int i = 0; i < REVIEW_SECTIONS; i++)
        ui_list_free(&r->lists[i]);
    ui_tags_free(&r->tags);
    free(r);
}

static void focus_next(struct review_screen *r, int dir);

static void review_reload(struct ui *ui, void *self)
{
    struct review_screen *r = self;
    /* The day may have changed since the screen opened. */
    plan_today(ui, r);
    for (int i = 0; i < REVIEW_SECTIONS; i++)
        ui_list_reload(ui, &r->lists[i]);
    count(ui, r);
    /* The last row of a section done or snoozed: go on with the next. */
    if (r->lists[r->focus].len == 0)
        focus_next(r, 1);
}

static void draw_followup(struct ui *ui, const void *row, int y, int x,
                          int cols, int attr)
{
    const struct followup *f = row;
    char day[64], line[1024], id[32];
    /* Narrow screens show MM-DD; wide ones the configured format. */
    int datew = cols >= 60 ? ui_date_width(ui) + 1 : 6;
    if (cols >= 60) {
        ui_date(ui, followup_effective(f), day, sizeof day);
    } else {
        char iso[11];
        date_format_iso(followup_effective(f), iso);
        snprintf(day, sizeof day, "%s", iso + 5);
    }
    snprintf(id, sizeof id, " f%lld", (long long)f->id);
    /* Columns must not depend on the row (an id's length), or rows
     * would not line up. */
    int idw = (int)strlen(id);
    int namew = (cols - datew - 6) * 2 / 5;
    int textw = cols - datew - idw - namew;
    int date_attr = attr;
    if (!attr) {
        struct date today = date_today();
        int cmp = date_compare(followup_effective(f), today);
        date_attr = cmp < 0 ? ui->attr[UI_OVERDUE]
                  : cmp == 0 ? ui->attr[UI_TODAY] : 0;
    }
    ui_put(y, x, datew, day, date_attr);
    ui_put(y, x + datew, namew - 1, f->contact_name, attr);
    ui_put(y, x + datew + namew - 1, 1, "", attr);
    char text[512];
    char at[16] = "";
    if (f->due_minutes >= 0)
        snprintf(at, sizeof at, "%02d:%02d ", f->due_minutes / 60 % 24,
                 f->due_minutes % 60);
    /* In the team's view, a colleague's follow-up says whose it is. */
    char whose[96] = "";
    const char *me = team_me(ui->app);
    if (me && f->assigned_to[0] && strcmp(f->assigned_to, me) != 0)
        snprintf(whose, sizeof whose, _(" [for %s]"), f->assigned_to);
    snprintf(text, sizeof text, " %s%s%s", at, f->text ? f->text : "", whose);
    snprintf(line, sizeof line, "%s", text);
    /* The recurrence mark stays when the text is cut. */
    int markw = f->every.count ? 2 : 0;
    ui_put(y, x + datew + namew, textw - markw, line, attr);
    if (markw)
        ui_put(y, x + datew + namew + textw - markw, markw, " ↻", attr);
    ui_put(y, x + cols - idw, idw, id, attr ? attr : ui->attr[UI_MUTED]);
}

static void draw_quiet(struct ui *ui, const void *row, int y, int x, int cols,
                       int attr)
{
    const struct contact *c = row;
    char right[128];
    long long days = (long long)cadence_days_since(c, ui_now());
    snprintf(right, sizeof right,
             ngettext("%s, %lld day since last contact",
                      "%s, %lld days since last contact", (unsigned long)days),
             stage_label(c->stage), days);
    if (text_width(right) + 1 > cols / 2)
        /* TRANSLATORS: a narrow terminal's "Client, 35 days since last
         * contact"; d stands for days. */
        snprintf(right, sizeof right, _("%s, %lldd"), stage_label(c->stage), days);
    int rw = text_width(right) + 1;
    if (rw > cols / 2)
        rw = cols / 2;
    /* A blank column between the two, whatever the name's length. */
    ui_put(y, x, cols - rw - 1, c->name, attr);
    ui_put(y, x + cols - rw - 1, 1, "", attr);
    ui_put(y, x + cols - rw, rw, right, attr ? attr : ui->attr[UI_MUTED]);
}

/* A row of two parts: the name on the left, what to say on the right,
 * muted, with a blank column between them. */
static void draw_two(struct ui *ui, const char *name, const char *right, int y,
                     int x, int cols, int attr)
{
    int rw = text_width(right) + 1;
    if (rw > cols / 2)
        rw = cols / 2;
    ui_put(y, x, cols - rw - 1, name, attr);
    ui_put(y, x + cols - rw - 1, 1, "", attr);
    ui_put(y, x + cols - rw, rw, right, attr ? attr : ui->attr[UI_MUTED]);
}

static void draw_budget(struct ui *ui, const void *row, int y, int x, int cols,
                        int attr)
{
    const struct budget_entry *e = row;
    struct date today = date_today();
    long long days = (long long)date_diff_days(season_budget_due(e, today), today);
    char left[512], right[128];
    snprintf(left, sizeof left, "%s — %s", e->contact.name,
             e->contact.org ? e->contact.org : "");
    snprintf(right, sizeof right,
             ngettext("budget %s, in %lld day", "budget %s, in %lld days",
                      (unsigned long)days), e->budget_date, days);
    if (text_width(right) + 1 > cols / 2)
        /* TRANSLATORS: a narrow terminal's "budget 09-01, in 30 days". */
        snprintf(right, sizeof right, _("%s, %lldd"), e->budget_date, days);
    draw_two(ui, left, right, y, x, cols, attr);
}

static void draw_ready(struct ui *ui, const void *row, int y, int x, int cols,
                       int attr)
{
    const struct suggestion *s = row;
    char reason[256], right[320];
    season_reason(s, &ui->app->cfg.pipeline, ui_now(), reason, sizeof reason);
    /* TRANSLATORS: "→ Customer: 4 interactions in 90 days". */
    snprintf(right, sizeof right, _("→ %s: %s"), stage_label(s->to), reason);
    /* The reason is what the row is for: it takes what the name leaves
     * (the name keeps up to a third of the row), and a wide row cuts it
     * rather than drop it; a narrow one says the stage alone. */
    int nw = text_width(s->contact.name);
    int room = cols - 1 - (nw < cols / 3 ? nw : cols / 3);
    int rw = text_width(right) + 1;
    if (rw > room && cols < 60) {
        snprintf(right, sizeof right, "→ %s", stage_label(s->to));
        draw_two(ui, s->contact.name, right, y, x, cols, attr);
        return;
    }
    if (rw > room)
        rw = room;
    ui_put(y, x, cols - rw - 1, s->contact.name, attr);
    ui_put(y, x + cols - rw - 1, 1, "", attr);
    ui_put(y, x + cols - rw, rw, right, attr ? attr : ui->attr[UI_MUTED]);
}

/* What the keys do on a message of Needs review, with the keys as
 * configured: its header says so, since the help lists the screen's
 * keys by what they do to contacts and follow-ups. */
static void mail_hint(struct ui *ui, char *buf, size_t size)
{
    char open[32], add[32], dismiss[32];
    keys_first_name(&ui->keys, ACT_OPEN, open, sizeof open);
    keys_first_name(&ui->keys, ACT_ADD, add, sizeof add);
    keys_first_name(&ui->keys, ACT_DISMISS, dismiss, sizeof dismiss);
    /* TRANSLATORS: three keys: log on a contact, make a contact, discard. */
    snprintf(buf, size, _("%s logs it on a contact, %s makes a contact, %s discards"),
             open, add, dismiss);
}

static void draw_mail(struct ui *ui, const void *row, int y, int x, int cols,
                      int attr)
{
    const struct mail_review *m = row;
    char day[64], left[768], right[160];
    ui_date(ui, date_from_time(m->at), day, sizeof day);
    snprintf(left, sizeof left, "%s  %s", day, m->name ? m->name : m->email);
    snprintf(right, sizeof right, "%s  m%lld", m->subject ? m->subject : _("(no subject)"),
             (long long)m->id);
    draw_two(ui, left, right, y, x, cols, attr);
}

/* Whether a section takes a place on the screen: Needs review only
 * when mail waits (core/review.h). */
static bool visible(const struct review_screen *r, int i)
{
    return review_shows_empty(i) || r->counts[i] > 0;
}

/* Shares the rows among the sections: first a row for each section
 * with rows (so a small terminal shows what needs the user before what
 * is empty), then the line of each empty one, then each gets what it
 * needs, and when that is too much, a fair part. */
static void layout(const struct review_screen *r, int height,
                   int rows[REVIEW_SECTIONS])
{
    int need[REVIEW_SECTIONS];
    int left = height;
    for (int i = 0; i < REVIEW_SECTIONS; i++)
        left -= visible(r, i);
    for (int i = 0; i < REVIEW_SECTIONS; i++) {
        need[i] = r->counts[i] > 0 ? (int)(r->counts[i] < 1000
                                           ? r->counts[i] : 1000) : 1;
        rows[i] = 0;
    }
    /* The cursor's row comes first: on a small terminal the sections
     * below would otherwise be named without a row, the cursor in one
     * of them unseen. */
    if (r->counts[r->focus] > 0 && left > 0) {
        rows[r->focus] = 1;
        left--;
    }
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < REVIEW_SECTIONS && left > 0; i++)
            if (visible(r, i) && rows[i] == 0
                && (r->counts[i] > 0) == (pass == 0)) {
                rows[i] = 1;
                left--;
            }
    bool gave = true;
    while (left > 0 && gave) {
        gave = false;
        for (int i = 0; i < REVIEW_SECTIONS && left > 0; i++) {
            if (visible(r, i) && rows[i] < need[i]) {
                rows[i]++;
                left--;
                gave = true;
            }
        }
    }
    /* What is left goes to the focused section when it has more rows
     * than it shows; else the screen stays blank at the bottom. */
    if (left > 0 && r->counts[r->focus] > rows[r->focus])
        rows[r->focus] += left;
}

static void review_draw(struct ui *ui, void *self, int top, int height)
{
    struct review_screen *r = self;
    say_scope(ui, r);
    int rows[REVIEW_SECTIONS];
    bool empty_day = true;
    for (int i = 0; i < REVIEW_SECTIONS; i++)
        empty_day = empty_day && r->counts[i] == 0;
    if (r->failed) {
        ui_put(top + 1, 2, COLS - 2, _("The review could not be read:"),
               ui->attr[UI_ERROR]);
        char *message = app_store_error(ui->st);
        ui_put(top + 2, 2, COLS - 2, message ? message : store_error(ui->st), 0);
        free(message);
        return;
    }
    if (empty_day && r->by[0]) {
        /* Not "nothing needs you": only the filter leaves nothing. */
        char line[256], key[32];
        char *who = text_sanitize(r->by, false);
        snprintf(line, sizeof line,
                 _("No follow-ups scheduled by %s, and nobody gone quiet."),
                 who ? who : "");
        free(who);
        ui_put(top + 1, 2, COLS - 2, line, ui->attr[UI_HEADER]);
        keys_first_name(&ui->keys, ACT_BY, key, sizeof key);
        snprintf(line, sizeof line,
                 _("%s with an empty answer shows everyone's again."), key);
        ui_put(top + 3, 2, COLS - 2, line, ui->attr[UI_MUTED]);
        return;
    }
    if (empty_day) {
        ui_put(top + 1, 2, COLS - 2,
               _("Nothing needs you today: no follow-ups due, nobody gone "
                 "quiet."), ui->attr[UI_HEADER]);
        char hint[256], add[32], fol[32];
        keys_first_name(&ui->keys, ACT_ADD, add, sizeof add);
        keys_first_name(&ui->keys, ACT_FOLLOWUP, fol, sizeof fol);
        snprintf(hint, sizeof hint,
                 _("%s adds a contact; %s on a contact schedules a "
                   "follow-up."), add, fol);
        ui_put(top + 3, 2, COLS - 2, hint, ui->attr[UI_MUTED]);
        return;
    }
    layout(r, height, rows);
    int y = top;
    for (int i = 0; i < REVIEW_SECTIONS; i++) {
        if (!visible(r, i))
            continue;
        int attr = ui->attr[UI_HEADER];
        if (i == REVIEW_OVERDUE && r->counts[i] > 0)
            attr = ui->attr[UI_OVERDUE];
        char title[96], empty[128];
        review_title(&r->plan, i, title, sizeof title);
        review_empty(&r->plan, i, empty, sizeof empty);
        ui_header(y, 0, COLS, title, (long)r->counts[i], attr);
        if (i == REVIEW_MAIL) {
            char hint[256], head[160];
            mail_hint(ui, hint, sizeof hint);
            snprintf(head, sizeof head, "%s (%ld)  ", title, (long)r->counts[i]);
            int at = text_width(head);
            if (at + text_width(hint) <= COLS)
                ui_put(y, at, COLS - at, hint, ui->attr[UI_MUTED]);
        }
        y++;
        ui_list_draw(ui, &r->lists[i], y, 1, COLS - 1, rows[i],
                     i == r->focus, empty,
                     i == REVIEW_QUIET ? draw_quiet
                     : i == REVIEW_BUDGET ? draw_budget
                     : i == REVIEW_READY ? draw_ready
                     : i == REVIEW_MAIL ? draw_mail : draw_followup);
        y += rows[i];
    }
}

static int64_t selected_contact(struct review_screen *r)
{
    struct ui_list *l = &r->lists[r->focus];
    void *row = ui_list_selected(l);
    if (!row)
        return 0;
    if (r->focus == REVIEW_QUIET)
        return ((struct contact *)row)->id;
    if (r->focus == REVIEW_BUDGET)
        return ((struct budget_entry *)row)->contact.id;
    if (r->focus == REVIEW_READY)
        return ((struct suggestion *)row)->contact.id;
    if (r->focus == REVIEW_MAIL)
        return 0;
    return ((struct followup *)row)->contact_id;
}

static void focus_next(struct review_screen *r, int dir)
{
    for (int step = 1; step < REVIEW_SECTIONS; step++) {
        int i = (r->focus + dir * step + REVIEW_SECTIONS) % REVIEW_SECTIONS;
        if (r->lists[i].len > 0) {
            r->focus = i;
            return;
        }
    }
}

/* Dismisses the selected suggestion for good (u undoes it). */
static bool dismiss(struct ui *ui, struct review_screen *r)
{
    if (r->focus != REVIEW_READY) {
        ui_message(ui, false, _("Only a suggestion to move up can be dismissed."));
        return true;
    }
    const struct suggestion *s = ui_list_selected(&r->lists[REVIEW_READY]);
    if (season_dismiss(ui->st, &s->contact, ui_now()) != STORE_OK) {
        ui_store_error(ui);
        return true;
    }
    char undo[32];
    keys_first_name(&ui->keys, ACT_UNDO, undo, sizeof undo);
    /* TRANSLATORS: the stage, then the key that undoes. */
    ui_message(ui, false, _("Not suggested as %s again (%s undoes it)."),
               stage_label(s->to), undo);
    ui->dirty = true;
    return true;
}

/* A row of Needs review is a message, not a contact: Enter logs it on a
 * contact, the dismiss key discards it (the add key, which makes its
 * sender a contact, is review_key's). */
static bool mail_request(struct ui *ui, struct review_screen *r, enum action act)
{
    int64_t id = ui_list_selected_id(&r->lists[REVIEW_MAIL]);
    if (!ui_list_selected(&r->lists[REVIEW_MAIL])) {
        ui_message(ui, false, _("Nothing selected."));
        return true;
    }
    switch (act) {
    case ACT_OPEN:
    case ACT_NOTE:
        ui_act_mail_attach(ui, id);
        return true;
    case ACT_DISMISS:
        ui_act_mail_discard(ui, id);
        return true;
    default: {
        char hint[256];
        mail_hint(ui, hint, sizeof hint);
        ui_message(ui, false, "%s", hint);
        return true;
    }
    }
}

/* The add key on a message makes its sender a contact; elsewhere it is
 * everyone's (a new contact's form). */
static bool review_key(struct ui *ui, void *self, int key)
{
    struct review_screen *r = self;
    if (r->focus != REVIEW_MAIL || !keys_bound(&ui->keys, ACT_ADD, key)
        || !ui_list_selected(&r->lists[REVIEW_MAIL]))
        return false;
    if (store_read_only(ui->st)) {
        ui_message(ui, true, _("Read-only: “%s” would change the database."),
                   keys_action_help(ACT_ADD));
        return true;
    }
    ui_act_mail_new(ui, ui_list_selected_id(&r->lists[REVIEW_MAIL]));
    return true;
}

static bool review_request(struct ui *ui, void *self, enum action act)
{
    struct review_screen *r = self;
    struct ui_list *l = &r->lists[r->focus];
    int64_t contact = selected_contact(r);
    if (act == ACT_TAGGED) {
        ui_tagged_act(ui, &r->tags);
        return true;
    }
    /* Adding a contact is everyone's; from a message it is the Review's. */
    if (act == ACT_ADD && r->focus != REVIEW_MAIL)
        return false;
    switch (act) {
    case ACT_MOVE_DOWN:
        if (!ui_list_move(ui, l, 1) && r->focus < REVIEW_SECTIONS - 1) {
            for (int i = r->focus + 1; i < REVIEW_SECTIONS; i++)
                if (r->lists[i].len > 0) {
                    r->focus = i;
                    ui_list_top(ui, &r->lists[i]);
                    break;
                }
        }
        return true;
    case ACT_MOVE_UP:
        if (!ui_list_move(ui, l, -1) && r->focus > 0) {
            for (int i = r->focus - 1; i >= 0; i--)
                if (r->lists[i].len > 0) {
                    r->focus = i;
                    break;
                }
        }
        return true;
    case ACT_LEFT:
        focus_next(r, -1);
        return true;
    case ACT_RIGHT:
        focus_next(r, 1);
        return true;
    case ACT_TEAM:
        if (!team_me(ui->app)) {
            ui_message(ui, false, _("Not a team database: the Review shows all there is."));
            return true;
        }
        /* The status line says whose work it is now. */
        r->team = !r->team;
        review_reload(ui, r);
        return true;
    case ACT_BY:
        ask_by(ui, r);
        return true;
    default:
        if (ui_list_request(ui, l, act))
            return true;
        break;
    }
    if (r->focus == REVIEW_MAIL)
        return mail_request(ui, r, act);
    if (!contact) {
        ui_message(ui, false, _("Nothing selected."));
        return true;
    }
    switch (act) {
    case ACT_OPEN:
        ui_push(ui, &ui_contact_view, contact);
        return true;
    case ACT_DONE:
    case ACT_SNOOZE: {
        if (!review_lists_followups(r->focus)) {
            ui_message(ui, false, _("That row is a contact, not a follow-up."));
            return true;
        }
        int64_t id = ((struct followup *)ui_list_selected(l))->id;
        if (act == ACT_DONE)
            ui_act_done(ui, id);
        else
            ui_act_snooze(ui, id);
        return true;
    }
    case ACT_PROMOTE:
        if (r->focus == REVIEW_READY) {
            char reason[256];
            season_reason(ui_list_selected(l), &ui->app->cfg.pipeline, ui_now(),
                          reason, sizeof reason);
            ui_act_promote_with(ui, contact, reason);
            return true;
        }
        return ui_act_on_contact(ui, act, contact);
    case ACT_DISMISS:
        return dismiss(ui, r);
    case ACT_TAG: {
        bool on = ui_tags_toggle(&r->tags, l->tag_kind, ui_list_selected_id(l),
                                 contact);
        ui_message(ui, false, on ? _("Tagged (%zu).") : _("Untagged (%zu)."),
                   r->tags.len);
        /* As in mutt, the cursor goes on to the next row. */
        return review_request(ui, self, ACT_MOVE_DOWN);
    }
    case ACT_PAUSE:
        /* Someone who asked for quiet: the row goes until the day given. */
        if (r->focus != REVIEW_QUIET) {
            char key[32];
            keys_first_name(&ui->keys, ACT_PAUSE, key, sizeof key);
            /* TRANSLATORS: %s is the key that pauses. */
            ui_message(ui, false, _("Only a row of Gone quiet is paused here; "
                                    "%s on a contact's page pauses any cadence."), key);
            return true;
        }
        ui_act_pause(ui, contact);
        return true;
    case ACT_SCORE:
        ui_act_score(ui, contact);
        return true;
    default:
        return ui_act_on_contact(ui, act, contact);
    }
}

static const struct ui_view_word review_words[] = {
    { ACT_PROMOTE, N_("Promote one stage; a suggestion, with its reason") },
    { ACT_NONE, NULL }
};

const struct ui_view ui_review_view = {
    .name = N_("Review"),
    .words = review_words,
    .hints = review_hints,
    .actions = review_actions,
    .open = review_open,
    .close = review_close,
    .reload = review_reload,
    .draw = review_draw,
    .request = review_request,
    .key = review_key,
};
