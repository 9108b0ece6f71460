/* The Contact screen (SPEC §3.4): the header, then the timeline of
 * notes (newest first, read a window at a time), open follow-ups, stage
 * history, projects and goals, and satisfaction scores, as one page of
 * lines the cursor moves over. A screen: uses tui/views.h (it defines
 * ui_contact_view), tui/act.h, tui/contact_form.h and below; it pops
 * itself when its contact is forgotten. */
#include <config.h>

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cadence.h"
#include "core/contact.h"
#include "core/followup.h"
#include "base/i18n.h"
#include "core/note.h"
#include "core/stage.h"
#include "core/team.h"
#include "base/text.h"
#include "tui/act.h"
#include "tui/contact_form.h"
#include "tui/draw.h"
#include "tui/prompt.h"
#include "tui/views.h"
#include "model/note.h"
#include "model/score.h"
#include "store/contact.h"
#include "store/followup.h"
#include "store/note.h"
#include "store/score.h"
#include "store/stage.h"
#include "store/team.h"

#define NOTES_PAGE 50

enum line_kind { LINE_TEXT, LINE_HEADER, LINE_TITLE, LINE_MUTED, LINE_DUE,
                 LINE_MORE };

struct cline {
    char *text;
    enum line_kind kind;
    int64_t followup_id;       /* a follow-up's line: x and s act on it */
    int attr;                  /* extra colour, e.g. overdue */
};

struct contact_page {
    int64_t id;
    struct contact contact;
    bool loaded;
    struct note *notes;
    size_t note_count;
    bool notes_more;
    struct cline *lines;
    size_t len, cap;
    size_t sel, top;
    int built_cols;
    int height;
};

static const enum action contact_actions[] = {
    ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_LEFT, ACT_RIGHT, ACT_TOP, ACT_BOTTOM,
    ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_EDIT, ACT_NOTE, ACT_EDITOR, ACT_FOLLOWUP,
    ACT_DONE, ACT_SNOOZE, ACT_PROMOTE, ACT_DEMOTE, ACT_ARCHIVE, ACT_FORGET,
    ACT_NONE
};

static const enum action contact_hints[] = {
    ACT_EDIT, ACT_NOTE, ACT_FOLLOWUP, ACT_DONE, ACT_SNOOZE, ACT_PROMOTE,
    ACT_DEMOTE, ACT_BACK, ACT_NONE
};

static void add_line(struct contact_page *p, enum line_kind kind,
                     int64_t followup_id, int attr, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void add_line(struct contact_page *p, enum line_kind kind,
                     int64_t followup_id, int attr, const char *fmt, ...)
{
    if (p->len == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        struct cline *l = realloc(p->lines, cap * sizeof *l);
        if (!l)
            abort();
        p->lines = l;
        p->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    char *text = NULL;
    if (vasprintf(&text, fmt, ap) < 0)
        abort();
    va_end(ap);
    p->lines[p->len++] = (struct cline){ text, kind, followup_id, attr };
}

/* Adds text wrapped to the width, each line indented. */
static void add_wrapped(struct contact_page *p, const char *text, int indent,
                        int cols)
{
    char *clean = text_sanitize(text, true);
    int width = cols - indent - 1;
    char **lines = text_wrap(clean, width > 10 ? width : 10);
    for (char **l = lines; l && *l; l++)
        add_line(p, LINE_TEXT, 0, 0, "%*s%s", indent, "", *l);
    text_free_lines(lines);
    free(clean);
}

/* One entry of a section (a follow-up, a stage change, a score) whose
 * free text may be long: wrapped, the later lines indented by `hang`
 * columns (0: under the text), each line keeping the entry's kind so it
 * stays selectable. */
static void add_entry(struct contact_page *p, enum line_kind kind, int64_t followup_id,
                      int attr, int cols, int hang, const char *lead, const char *text,
                      const char *tail)
{
    int lead_width = text_width(lead);
    int indent = hang > 0 && hang < lead_width ? hang : lead_width;
    /* The first line also holds the part of the lead that reaches past
     * the indent: a word of that width goes first, and is cut off again. */
    int pad = lead_width - indent;
    if (pad == 1)
        indent = lead_width, pad = 0;   /* a word needs a letter and a space */
    char *clean = text_sanitize(text ? text : "", false);
    char *whole = NULL;
    if (!clean || asprintf(&whole, "%*s%s%s%s", pad, "", clean,
                           tail[0] && clean[0] ? " " : "", tail) < 0)
        abort();
    free(clean);
    memset(whole, 'x', pad > 0 ? (size_t)pad - 1 : 0);
    int width = cols - indent - 1;
    char **lines = text_wrap(whole, width > 10 ? width : 10);
    for (char **l = lines; l && *l; l++) {
        if (l == lines)
            add_line(p, kind, followup_id, attr, "%s%s", lead,
                     *l + (strlen(*l) >= (size_t)pad ? (size_t)pad : strlen(*l)));
        else
            add_line(p, kind, followup_id, attr, "%*s%s", indent, "", *l);
    }
    if (!lines || !lines[0])
        add_line(p, kind, followup_id, attr, "%s", lead);
    text_free_lines(lines);
    free(whole);
}

static void clear_lines(struct contact_page *p)
{
    for (size_t i = 0; i < p->len; i++)
        free(p->lines[i].text);
    p->len = 0;
}

static void clear_notes(struct contact_page *p)
{
    for (size_t i = 0; i < p->note_count; i++)
        note_clear(&p->notes[i]);
    free(p->notes);
    p->notes = NULL;
    p->note_count = 0;
    p->notes_more = false;
}

static bool load_notes(struct ui *ui, struct contact_page *p, size_t limit)
{
    struct note_list list = { 0 };
    const struct note *after = p->note_count ? &p->notes[p->note_count - 1]
                                             : NULL;
    if (store_note_page(ui->st, p->id, after, limit, &list) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    struct note *n = realloc(p->notes,
                             (p->note_count + list.len + 1) * sizeof *n);
    if (!n)
        abort();
    p->notes = n;
    if (list.len)
        memcpy(p->notes + p->note_count, list.items, list.len * sizeof *n);
    p->note_count += list.len;
    p->notes_more = list.more;
    free(list.items);
    return true;
}

static void build_header(struct ui *ui, struct contact_page *p)
{
    const struct contact *c = &p->contact;
    add_line(p, LINE_TITLE, 0, 0, "%s  #%lld%s", c->name, (long long)c->id,
             c->archived ? _("  [archived]") : "");
    /* "Dean, Department of History, Faculty of Law": from the person
     * outwards. */
    if (c->org || c->department || c->title)
        add_line(p, LINE_TEXT, 0, 0, "%s%s%s%s%s", c->title ? c->title : "",
                 c->title && (c->department || c->org) ? ", " : "",
                 c->department ? c->department : "",
                 c->department && c->org ? ", " : "", c->org ? c->org : "");
    char day[64];
    ui_date(ui, date_from_time(c->stage_since), day, sizeof day);
    add_line(p, LINE_TEXT, 0, 0, _("Stage: %s since %s"), stage_label(c->stage),
             day);
    if (c->roles)
        add_line(p, LINE_TEXT, 0, 0, _("Roles: %s"),
                 contact_roles_label(c->roles));
    if (c->tags.len) {
        char *tags = strlist_join(&c->tags, ", ");
        add_line(p, LINE_TEXT, 0, 0, _("Tags: %s"), tags);
        free(tags);
    }
    if (c->emails.len) {
        char *s = strlist_join(&c->emails, ", ");
        add_line(p, LINE_TEXT, 0, 0, _("Emails: %s"), s);
        free(s);
    }
    if (c->phones.len) {
        char *s = phone_list_describe(&c->phones, ", ");
        add_line(p, LINE_TEXT, 0, 0, _("Phones: %s"), s);
        free(s);
    }
    for (size_t i = 0; i < c->addresses.len; i++) {
        char *s = address_describe(&c->addresses.items[i]);
        add_line(p, LINE_TEXT, 0, 0, _("Address: %s"), s ? s : "");
        free(s);
    }
    if (c->urls.len) {
        char *s = url_list_describe(&c->urls, ", ");
        add_line(p, LINE_TEXT, 0, 0, _("Web pages: %s"), s ? s : "");
        free(s);
    }
    if (c->channel)
        add_line(p, LINE_TEXT, 0, 0, _("Preferred channel: %s"), c->channel);
    if (c->owner)
        add_line(p, LINE_TEXT, 0, 0, _("Owner: %s"), c->owner);
    int cadence = cadence_days_for(c, ui->app->cfg.stage_cadence);
    ui_date(ui, date_from_time(c->last_touch), day, sizeof day);
    long long since = (long long)cadence_days_since(c, ui_now());
    char ago[64];
    if (since == 0)
        snprintf(ago, sizeof ago, "%s", _("today"));
    else
        snprintf(ago, sizeof ago, ngettext("%lld day ago", "%lld days ago",
                                           (unsigned long)since), since);
    if (cadence > 0)
        add_line(p, LINE_MUTED, 0, 0,
                 _("Last contact %s (%s); cadence %d days"), day, ago, cadence);
    else
        add_line(p, LINE_MUTED, 0, 0, _("Last contact %s (%s)"), day, ago);
}

/* "  by ann" after a row, in a database with more than one author. */
static void by_author(struct ui *ui, const char *login, char *buf, size_t size)
{
    buf[0] = '\0';
    if (login && *login && team_names_authors(ui->app))
        /* TRANSLATORS: after a note or a stage change: who made it. */
        snprintf(buf, size, _("  by %s"), login);
}

/* The notes, newest first, as far as they were read. */
static void build_timeline(struct ui *ui, struct contact_page *p, int cols)
{
    add_line(p, LINE_TEXT, 0, 0, "%s", "");
    add_line(p, LINE_HEADER, 0, 0,
             ngettext("Timeline (%d note)", "Timeline (%d notes)",
                      (unsigned long)p->contact.note_count),
             p->contact.note_count);
    if (p->note_count == 0)
        add_line(p, LINE_MUTED, 0, 0, "  %s", _("No notes yet."));
    for (size_t i = 0; i < p->note_count; i++) {
        const struct note *n = &p->notes[i];
        char when[32];
        date_format_moment(n->at, when, sizeof when);
        char by[96];
        by_author(ui, n->author, by, sizeof by);
        add_line(p, LINE_MUTED, 0, 0, "  %s  %s  #%lld%s", when,
                 note_kind_label(n->kind), (long long)n->id, by);
        add_wrapped(p, n->body, 4, cols);
    }
    if (p->notes_more)
        add_line(p, LINE_MORE, 0, 0, "  %s", _("… older notes (move here to read them)"));
}

/* The open follow-ups, each a line that done and snooze act on. */
static void build_followups(struct ui *ui, struct contact_page *p, int cols)
{
    struct followup_filter ff = { .contact_id = p->id, .open_only = true,
                                  .include_archived = true };
    struct followup_list fl = { 0 };
    int64_t fcount = 0;
    store_followup_count(ui->st, &ff, &fcount);
    add_line(p, LINE_TEXT, 0, 0, "%s", "");
    add_line(p, LINE_HEADER, 0, 0, _("Open follow-ups (%lld)"),
             (long long)fcount);
    if (store_followup_page(ui->st, &ff, NULL, 100, &fl) == STORE_OK) {
        struct date today = date_today();
        for (size_t i = 0; i < fl.len; i++) {
            const struct followup *f = &fl.items[i];
            char day[64], every[16] = "";
            struct date eff = followup_effective(f);
            ui_date(ui, eff, day, sizeof day);
            if (f->every.count) {
                char iv[12];
                date_format_interval(f->every, iv, sizeof iv);
                snprintf(every, sizeof every, " ↻%s", iv);
            }
            int cmp = date_compare(eff, today);
            int attr = cmp < 0 ? ui->attr[UI_OVERDUE]
                     : cmp == 0 ? ui->attr[UI_TODAY] : 0;
            char at[16] = "";
            if (f->due_minutes >= 0)
                snprintf(at, sizeof at, " %02d:%02d", f->due_minutes / 60 % 24,
                         f->due_minutes % 60);
            char lead[96], tail[160], whose[96] = "";
            snprintf(lead, sizeof lead, "  %s%s  ", day, at);
            /* A colleague's: named, so that nobody does it twice. */
            if (team_names_authors(ui->app) && f->assigned_to[0]
                && strcmp(f->assigned_to, store_author(ui->st)) != 0)
                /* TRANSLATORS: a follow-up that is a colleague's: for bob. */
                snprintf(whose, sizeof whose, _("for %s  "), f->assigned_to);
            snprintf(tail, sizeof tail, "%s%s  f%lld", whose, every + (every[0] ? 1 : 0),
                     (long long)f->id);
            add_entry(p, LINE_DUE, f->id, attr, cols, 0, lead, f->text, tail);
        }
        if (fl.more)
            add_line(p, LINE_MUTED, 0, 0, "  %s", _("… and more"));
        followup_list_clear(&fl);
    }
    if (fcount == 0)
        add_line(p, LINE_MUTED, 0, 0, "  %s", _("None."));
}

/* Every stage change, with its reason. */
static void build_history(struct ui *ui, struct contact_page *p, int cols)
{
    struct stage_change_list hist = { 0 };
    add_line(p, LINE_TEXT, 0, 0, "%s", "");
    add_line(p, LINE_HEADER, 0, 0, "%s", _("Stage history"));
    if (store_stage_history(ui->st, p->id, &hist) == STORE_OK) {
        for (size_t i = 0; i < hist.len; i++) {
            const struct stage_change *s = &hist.items[i];
            char day[64];
            ui_date(ui, date_from_time(s->at), day, sizeof day);
            char lead[192];
            if (s->from == STAGE_NONE)
                snprintf(lead, sizeof lead, "  %s  %s%s", day, stage_label(s->to),
                         s->reason ? ": " : "");
            else
                snprintf(lead, sizeof lead, "  %s  %s → %s%s", day,
                         stage_label((enum stage)s->from), stage_label(s->to),
                         s->reason ? ": " : "");
            char by[96];
            by_author(ui, s->author, by, sizeof by);
            add_entry(p, LINE_TEXT, 0, 0, cols, 4 + text_width(day), lead, s->reason, by);
        }
        stage_change_list_clear(&hist);
    }
}

/* What was learnt: projects and goals. */
static void build_goals(struct ui *ui, struct contact_page *p, int cols)
{
    add_line(p, LINE_TEXT, 0, 0, "%s", "");
    add_line(p, LINE_HEADER, 0, 0, "%s", _("Projects and goals"));
    if (!p->contact.projects && !p->contact.goals) {
        char edit[32], none[256];
        keys_first_name(&ui->keys, ACT_EDIT, edit, sizeof edit);
        /* TRANSLATORS: %s is the key that edits the contact. */
        snprintf(none, sizeof none, _("Nothing recorded yet; %s edits them."), edit);
        add_line(p, LINE_MUTED, 0, 0, "  %s", none);
    }
    if (p->contact.projects) {
        add_line(p, LINE_MUTED, 0, 0, "  %s", _("Projects:"));
        add_wrapped(p, p->contact.projects, 4, cols);
    }
    if (p->contact.goals) {
        add_line(p, LINE_MUTED, 0, 0, "  %s", _("Goals:"));
        add_wrapped(p, p->contact.goals, 4, cols);
    }
}

/* Satisfaction scores. */
static void build_scores(struct ui *ui, struct contact_page *p, int cols)
{
    struct score_list scores = { 0 };
    add_line(p, LINE_TEXT, 0, 0, "%s", "");
    add_line(p, LINE_HEADER, 0, 0, "%s", _("Satisfaction"));
    if (store_score_list(ui->st, p->id, &scores) == STORE_OK) {
        for (size_t i = 0; i < scores.len; i++) {
            char day[64];
            ui_date(ui, date_from_time(scores.items[i].at), day, sizeof day);
            char lead[96];
            snprintf(lead, sizeof lead, "  %s  %d/10  ", day, scores.items[i].value);
            add_entry(p, LINE_TEXT, 0, 0, cols, 4 + text_width(day), lead,
                      scores.items[i].comment, "");
        }
        if (scores.len == 0)
            add_line(p, LINE_MUTED, 0, 0, "  %s", _("No scores yet."));
        score_list_clear(&scores);
    }
}

/* The page, section by section (SPEC §3.4). */
static void build(struct ui *ui, struct contact_page *p, int cols)
{
    clear_lines(p);
    p->built_cols = cols;
    build_header(ui, p);
    build_timeline(ui, p, cols);
    build_followups(ui, p, cols);
    build_history(ui, p, cols);
    build_goals(ui, p, cols);
    build_scores(ui, p, cols);
    if (p->sel >= p->len)
        p->sel = p->len ? p->len - 1 : 0;
}

static bool fetch(struct ui *ui, struct contact_page *p)
{
    struct contact c;
    if (store_contact_get(ui->st, p->id, &c) != STORE_OK)
        return false;
    if (p->loaded)
        contact_clear(&p->contact);
    p->contact = c;
    p->loaded = true;
    size_t had = p->note_count;
    clear_notes(p);
    load_notes(ui, p, had > NOTES_PAGE ? had : NOTES_PAGE);
    return true;
}

static void *contact_open(struct ui *ui, int64_t id)
{
    struct contact_page *p = calloc(1, sizeof *p);
    if (!p)
        abort();
    p->id = id;
    if (!fetch(ui, p)) {
        ui_store_error(ui);
        free(p);
        return NULL;
    }
    build(ui, p, COLS);
    return p;
}

static void contact_close(void *self)
{
    struct contact_page *p = self;
    clear_lines(p);
    free(p->lines);
    clear_notes(p);
    if (p->loaded)
        contact_clear(&p->contact);
    free(p);
}

static void contact_reload(struct ui *ui, void *self)
{
    struct contact_page *p = self;
    int64_t fid = p->sel < p->len ? p->lines[p->sel].followup_id : 0;
    if (!fetch(ui, p)) {
        /* Forgotten here or by another session. */
        ui_pop(ui);
        return;
    }
    build(ui, p, COLS);
    for (size_t i = 0; fid && i < p->len; i++)
        if (p->lines[i].followup_id == fid)
            p->sel = i;
}

static void contact_draw(struct ui *ui, void *self, int top, int height)
{
    struct contact_page *p = self;
    if (p->built_cols != COLS)
        build(ui, p, COLS);
    p->height = height;
    if (p->sel < p->top)
        p->top = p->sel;
    if (p->sel >= p->top + (size_t)height)
        p->top = p->sel - (size_t)height + 1;
    for (int i = 0; i < height; i++) {
        size_t at = p->top + (size_t)i;
        if (at >= p->len)
            break;
        const struct cline *l = &p->lines[at];
        int attr = l->attr;
        switch (l->kind) {
        case LINE_TITLE:
            attr = ui->attr[UI_HEADER] | (int)A_BOLD;
            break;
        case LINE_HEADER:
            attr = ui->attr[UI_HEADER];
            break;
        case LINE_MUTED:
        case LINE_MORE:
            attr = ui->attr[UI_MUTED];
            break;
        default:
            break;
        }
        if (at == p->sel)
            attr = ui->attr[UI_SELECTION];
        ui_put(top + i, 1, COLS - 1, l->text, attr);
    }
}

static void move_to(struct ui *ui, struct contact_page *p, long delta)
{
    long to = (long)p->sel + delta;
    if (to < 0)
        to = 0;
    if (to >= (long)p->len)
        to = (long)p->len - 1;
    p->sel = (size_t)to;
    if (p->lines[p->sel].kind == LINE_MORE && p->notes_more) {
        load_notes(ui, p, NOTES_PAGE);
        build(ui, p, COLS);
    }
}

static void jump_section(struct contact_page *p, int dir)
{
    long i = (long)p->sel + dir;
    for (; i >= 0 && i < (long)p->len; i += dir)
        if (p->lines[i].kind == LINE_HEADER) {
            p->sel = (size_t)i;
            return;
        }
    p->sel = dir < 0 ? 0 : p->len - 1;
}

/* Asks which of several open follow-ups (their ids are listed above
 * the question) until one of them is named; 0 on Esc. */
static int64_t ask_followup(struct ui *ui, const int64_t *ids, size_t n,
                            const char *listed)
{
    char *text = NULL;
    int64_t picked = 0;
    ui_message(ui, false, "%s", listed);
    while (!picked) {
        char *answer = NULL;
        if (!ui_prompt(ui, _("Which follow-up (its #)?"), text, &answer))
            break;
        free(text);
        text = answer;
        const char *t = text + strspn(text, " #");
        long long want = strtoll(t, NULL, 10);
        for (size_t i = 0; i < n; i++)
            if (ids[i] == want)
                picked = ids[i];
        if (!picked) {
            ui_message(ui, true, _("Not one of these: %s"), listed);
            ui_repaint(ui);
        }
    }
    free(text);
    return picked;
}

/* The follow-up x and s act on: the selected one; with the cursor on
 * none, the only open one, or the one the user names when there are
 * several (acting on the first would be a guess). */
static int64_t pick_followup(struct ui *ui, struct contact_page *p)
{
    if (p->sel < p->len && p->lines[p->sel].followup_id)
        return p->lines[p->sel].followup_id;
    int64_t ids[32];
    size_t n = 0;
    char listed[512] = "";
    size_t used = 0;
    for (size_t i = 0; i < p->len && n < sizeof ids / sizeof ids[0]; i++) {
        int64_t id = p->lines[i].followup_id;
        if (!id || (n > 0 && ids[n - 1] == id))
            continue;
        ids[n++] = id;
        int w = snprintf(listed + used, sizeof listed - used, "%s%s",
                         used ? "; " : "", p->lines[i].text + strspn(p->lines[i].text, " "));
        if (w > 0 && (size_t)w < sizeof listed - used)
            used += (size_t)w;
    }
    if (n == 0) {
        char add[32];
        keys_first_name(&ui->keys, ACT_FOLLOWUP, add, sizeof add);
        /* TRANSLATORS: %s is the key that adds a follow-up. */
        ui_message(ui, false, _("No open follow-up; %s adds one."), add);
        return 0;
    }
    int64_t id = n == 1 ? ids[0] : ask_followup(ui, ids, n, listed);
    for (size_t i = 0; id && i < p->len; i++)
        if (p->lines[i].followup_id == id) {
            p->sel = i;
            break;
        }
    return id;
}

static bool contact_request(struct ui *ui, void *self, enum action act)
{
    struct contact_page *p = self;
    int page = p->height > 1 ? p->height - 1 : 1;
    switch (act) {
    case ACT_MOVE_DOWN:
        move_to(ui, p, 1);
        return true;
    case ACT_MOVE_UP:
        move_to(ui, p, -1);
        return true;
    case ACT_PAGE_DOWN:
    case ACT_PAGE_UP: {
        /* A page turns the view as well as the cursor (Space, as in a
         * pager), the cursor keeping its place on the screen. */
        long d = act == ACT_PAGE_DOWN ? page : -page;
        size_t row = p->sel >= p->top ? p->sel - p->top : 0;
        move_to(ui, p, d);
        size_t last = p->len > (size_t)p->height ? p->len - (size_t)p->height : 0;
        long top = (long)p->top + d;
        p->top = top < 0 ? 0 : (size_t)top > last ? last : (size_t)top;
        if (p->sel < p->top || p->sel >= p->top + (size_t)p->height)
            p->sel = p->top + row < p->len ? p->top + row : p->len - 1;
        return true;
    }
    case ACT_TOP:
        p->sel = 0;
        return true;
    case ACT_BOTTOM:
        move_to(ui, p, (long)p->len);
        return true;
    case ACT_LEFT:
        jump_section(p, -1);
        return true;
    case ACT_RIGHT:
        jump_section(p, 1);
        return true;
    case ACT_EDIT:
        ui_contact_form_edit(ui, p->id);
        return true;
    case ACT_NOTE:
    case ACT_EDITOR:
        ui_act_note(ui, p->id, act == ACT_EDITOR);
        return true;
    case ACT_FOLLOWUP:
        ui_act_followup(ui, p->id);
        return true;
    case ACT_DONE:
    case ACT_SNOOZE: {
        int64_t fid = pick_followup(ui, p);
        if (fid && act == ACT_DONE)
            ui_act_done(ui, fid);
        else if (fid)
            ui_act_snooze(ui, fid);
        return true;
    }
    case ACT_PROMOTE:
    case ACT_DEMOTE:
        ui_act_stage(ui, p->id, act == ACT_PROMOTE, NULL);
        return true;
    case ACT_ARCHIVE:
        ui_act_archive(ui, p->id);
        return true;
    case ACT_FORGET:
        if (ui_act_forget(ui, p->id))
            ui_pop(ui);
        return true;
    default:
        return false;
    }
}

const struct ui_view ui_contact_view = {
    .name = N_("Contact"),
    .hints = contact_hints,
    .actions = contact_actions,
    .open = contact_open,
    .close = contact_close,
    .reload = contact_reload,
    .draw = contact_draw,
    .request = contact_request,
    .key = NULL,
};
