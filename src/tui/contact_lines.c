/* The Contact screen's page (SPEC §3.4, in the order a day's work reads
 * it): the header with a paused cadence, the open follow-ups, projects
 * and goals and the latest score, then the history of notes and
 * follow-ups done (newest first, read a window at a time), the stage
 * history and the earlier scores. Every line belongs to an item the
 * cursor stops on, or to none. Uses tui/draw.h and below. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "core/cadence.h"
#include "core/contact.h"
#include "core/followup.h"
#include "core/note.h"
#include "core/pause.h"
#include "core/stage.h"
#include "core/team.h"
#include "tui/contact_lines.h"
#include "tui/draw.h"
#include "model/pause.h"
#include "model/score.h"
#include "store/contact.h"
#include "store/followup.h"
#include "store/score.h"
#include "store/stage.h"
#include "store/team.h"
#include "store/timeline.h"

#define HISTORY_PAGE 50

static void add_line(struct contact_page *p, enum line_kind kind, size_t item,
                     enum item_kind what, int64_t id, int attr, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

static void add_line(struct contact_page *p, enum line_kind kind, size_t item,
                     enum item_kind what, int64_t id, int attr, const char *fmt, ...)
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
    p->lines[p->len++] = (struct cline){ text, kind, attr, item, what, id };
}

/* A line of no item: a blank, a title, "None." */
static void add_plain(struct contact_page *p, enum line_kind kind, const char *text)
{
    add_line(p, kind, 0, ITEM_NONE, 0, 0, "%s", text);
}

static size_t new_item(struct contact_page *p)
{
    return ++p->items;
}

/* A section's title after a blank line. */
static void add_title(struct contact_page *p, const char *title)
{
    add_plain(p, LINE_TEXT, "");
    add_plain(p, LINE_HEADER, title);
}

/* Adds text wrapped to the width, each line indented, to an item. */
static void add_wrapped(struct contact_page *p, size_t item, enum item_kind what,
                        int64_t id, const char *text, int indent, int cols)
{
    char *clean = text_sanitize(text, true);
    int width = cols - indent - 1;
    char **lines = text_wrap(clean, width > 10 ? width : 10);
    for (char **l = lines; l && *l; l++)
        add_line(p, LINE_TEXT, item, what, id, 0, "%*s%s", indent, "", *l);
    text_free_lines(lines);
    free(clean);
}

/* One entry of a section (a follow-up, a stage change, a score) whose
 * free text may be long: wrapped, the later lines indented by `hang`
 * columns (0: under the text), each line of the same item. */
static void add_entry(struct contact_page *p, enum line_kind kind, enum item_kind what,
                      int64_t id, int attr, int cols, int hang, const char *lead,
                      const char *text, const char *tail)
{
    size_t item = new_item(p);
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
            add_line(p, kind, item, what, id, attr, "%s%s", lead,
                     *l + (strlen(*l) >= (size_t)pad ? (size_t)pad : strlen(*l)));
        else
            add_line(p, kind, item, what, id, attr, "%*s%s", indent, "", *l);
    }
    if (!lines || !lines[0])
        add_line(p, kind, item, what, id, attr, "%s", lead);
    text_free_lines(lines);
    free(whole);
}

static void clear_lines(struct contact_page *p)
{
    for (size_t i = 0; i < p->len; i++)
        free(p->lines[i].text);
    p->len = 0;
    p->items = 0;
}

bool contact_page_more(struct ui *ui, struct contact_page *p)
{
    struct timeline_list list = { 0 };
    const struct timeline_entry *after = p->history.len
        ? &p->history.items[p->history.len - 1] : NULL;
    if (store_timeline_page(ui->st, p->id, after, HISTORY_PAGE, &list) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    struct timeline_entry *n = realloc(p->history.items,
                                       (p->history.len + list.len + 1) * sizeof *n);
    if (!n)
        abort();
    p->history.items = n;
    if (list.len)
        memcpy(n + p->history.len, list.items, list.len * sizeof *n);
    p->history.len += list.len;
    p->history.more = list.more;
    free(list.items);
    return true;
}

bool contact_page_fetch(struct ui *ui, struct contact_page *p)
{
    struct contact c;
    if (store_contact_get(ui->st, p->id, &c) != STORE_OK)
        return false;
    if (p->loaded)
        contact_clear(&p->contact);
    p->contact = c;
    p->loaded = true;
    size_t had = p->history.len;
    timeline_list_clear(&p->history);
    if (store_timeline_done_count(ui->st, p->id, &p->done_count) != STORE_OK)
        p->done_count = 0;
    /* A reload reads as far as the page had been read. */
    do {
        if (!contact_page_more(ui, p))
            break;
    } while (p->history.more && p->history.len < had);
    return true;
}

/* The pause line of the header, while a pause lasts. */
static void build_pause(struct ui *ui, struct contact_page *p, size_t item)
{
    struct pause pause;
    bool paused = false;
    if (pause_current(ui->st, p->id, ui_now(), &pause, &paused) != STORE_OK || !paused)
        return;
    char day[64], key[32];
    ui_date(ui, pause.until, day, sizeof day);
    keys_first_name(&ui->keys, ACT_PAUSE, key, sizeof key);
    char *why = pause.reason ? text_sanitize(pause.reason, false) : NULL;
    if (why)
        /* TRANSLATORS: the day, the reason, the key that changes it. */
        add_line(p, LINE_MUTED, item, ITEM_CONTACT, 0, 0,
                 _("Cadence paused until %s: %s (%s changes it)"), day, why, key);
    else
        add_line(p, LINE_MUTED, item, ITEM_CONTACT, 0, 0,
                 _("Cadence paused until %s (%s changes it)"), day, key);
    free(why);
    pause_clear(&pause);
}

static void build_header(struct ui *ui, struct contact_page *p)
{
    const struct contact *c = &p->contact;
    size_t item = new_item(p);
    char back[160] = "";
    if (c->archived) {
        char key[32];
        keys_first_name(&ui->keys, ACT_ARCHIVE, key, sizeof key);
        /* TRANSLATORS: %s is the key that brings a contact back. */
        snprintf(back, sizeof back, _("  [archived: %s brings them back]"), key);
    }
    add_line(p, LINE_TITLE, item, ITEM_CONTACT, 0, 0, "%s  #%lld%s", c->name,
             (long long)c->id, back);
    /* "Dean, Department of History, Faculty of Law": from the person
     * outwards. */
    if (c->org || c->department || c->title)
        add_line(p, LINE_TEXT, item, ITEM_CONTACT, 0, 0, "%s%s%s%s%s",
                 c->title ? c->title : "",
                 c->title && (c->department || c->org) ? ", " : "",
                 c->department ? c->department : "",
                 c->department && c->org ? ", " : "", c->org ? c->org : "");
    char day[64];
    ui_date(ui, date_from_time(c->stage_since), day, sizeof day);
    add_line(p, LINE_TEXT, item, ITEM_CONTACT, 0, 0, _("Stage: %s since %s"),
             stage_label(c->stage), day);
    if (c->roles)
        add_line(p, LINE_TEXT, item, ITEM_CONTACT, 0, 0, _("Roles: %s"),
                 contact_roles_label(c->roles));
    if (c->tags.len) {
        char *tags = strlist_join(&c->tags, ", ");
        add_line(p, LINE_TEXT, item, ITEM_CONTACT, 0, 0, _("Tags: %s"), tags);
        free(tags);
    }
    if (c->emails.len) {
        char *s = strlist_join(&c->emails, ", ");
        add_line(p, LINE_TEXT, item, ITEM_CONTACT, 0, 0, _("Emails: %s"), s);
        free(s);
    }
    if (c->phones.len) {
        char *s = phone_list_describe(&c->phones, ", ");
        add_line(p, LINE_TEXT, item, ITEM_CONTACT, 0, 0, _("Phones: %s"), s);
        free(s);
    }
    for (size_t i = 0; i < c->addresses.len; i++) {
        char *s = address_describe(&c->addresses.items[i]);
        add_line(p, LINE_TEXT, item, ITEM_CONTACT, 0, 0, _("Address: %s"), s ? s : "");
        free(s);
    }
    if (c->urls.len) {
        char *s = url_list_describe(&c->urls, ", ");
        add_line(p, LINE_TEXT, item, ITEM_CONTACT, 0, 0, _("Web pages: %s"), s ? s : "");
        free(s);
    }
    if (c->channel)
        add_line(p, LINE_TEXT, item, ITEM_CONTACT, 0, 0, _("Preferred channel: %s"),
                 c->channel);
    if (c->owner)
        add_line(p, LINE_TEXT, item, ITEM_CONTACT, 0, 0, _("Owner: %s"), c->owner);
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
        add_line(p, LINE_MUTED, item, ITEM_CONTACT, 0, 0,
                 _("Last contact %s (%s); cadence %d days"), day, ago, cadence);
    else
        add_line(p, LINE_MUTED, item, ITEM_CONTACT, 0, 0, _("Last contact %s (%s)"),
                 day, ago);
    build_pause(ui, p, item);
}

/* The open follow-ups, each an item that done and snooze act on. */
static void build_followups(struct ui *ui, struct contact_page *p, int cols)
{
    struct followup_filter ff = { .contact_id = p->id, .open_only = true,
                                  .include_archived = true };
    struct followup_list fl = { 0 };
    int64_t fcount = 0;
    store_followup_count(ui->st, &ff, &fcount);
    char title[96];
    snprintf(title, sizeof title, _("Open follow-ups (%lld)"), (long long)fcount);
    add_title(p, title);
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
            add_entry(p, LINE_DUE, ITEM_FOLLOWUP, f->id, attr, cols, 0, lead, f->text,
                      tail);
        }
        if (fl.more)
            add_line(p, LINE_MUTED, 0, ITEM_NONE, 0, 0, "  %s", _("… and more"));
        followup_list_clear(&fl);
    }
    if (fcount == 0)
        add_line(p, LINE_MUTED, 0, ITEM_NONE, 0, 0, "  %s", _("None."));
}

/* What was learnt: projects and goals, an item each. */
static void build_goals(struct ui *ui, struct contact_page *p, int cols)
{
    add_title(p, _("Projects and goals"));
    if (!p->contact.projects && !p->contact.goals) {
        char edit[32], none[256];
        keys_first_name(&ui->keys, ACT_EDIT, edit, sizeof edit);
        /* TRANSLATORS: %s is the key that edits the contact. */
        snprintf(none, sizeof none, _("Nothing recorded yet; %s edits them."), edit);
        add_line(p, LINE_MUTED, 0, ITEM_NONE, 0, 0, "  %s", none);
    }
    const char *labels[] = { _("Projects:"), _("Goals:") };
    const char *texts[] = { p->contact.projects, p->contact.goals };
    for (int i = 0; i < 2; i++) {
        if (!texts[i])
            continue;
        size_t item = new_item(p);
        add_line(p, LINE_MUTED, item, ITEM_OTHER, 0, 0, "  %s", labels[i]);
        add_wrapped(p, item, ITEM_OTHER, 0, texts[i], 4, cols);
    }
}

static void add_score(struct ui *ui, struct contact_page *p, const struct score *s,
                      int cols)
{
    char day[64];
    ui_date(ui, date_from_time(s->at), day, sizeof day);
    char lead[96];
    snprintf(lead, sizeof lead, "  %s  %d/10  ", day, s->value);
    add_entry(p, LINE_TEXT, ITEM_OTHER, 0, 0, cols, 4 + text_width(day), lead,
              s->comment, "");
}

/* The latest satisfaction score (above the history), or the earlier
 * ones (below it). */
static void build_scores(struct ui *ui, struct contact_page *p, int cols, bool latest)
{
    struct score_list scores = { 0 };
    if (store_score_list(ui->st, p->id, &scores) != STORE_OK)
        return;
    /* The list is newest first. */
    if (latest) {
        add_title(p, _("Satisfaction (latest)"));
        if (scores.len == 0) {
            char key[32], none[128];
            keys_first_name(&ui->keys, ACT_SCORE, key, sizeof key);
            /* TRANSLATORS: %s is the key that records a score. */
            snprintf(none, sizeof none, _("No scores yet; %s records one."), key);
            add_line(p, LINE_MUTED, 0, ITEM_NONE, 0, 0, "  %s", none);
        } else {
            add_score(ui, p, &scores.items[0], cols);
        }
    } else if (scores.len > 1) {
        add_title(p, _("Earlier scores"));
        for (size_t i = 1; i < scores.len; i++)
            add_score(ui, p, &scores.items[i], cols);
    }
    score_list_clear(&scores);
}

/* "  by ann" after a row, in a database with more than one author. */
static void by_author(struct ui *ui, const char *login, char *buf, size_t size)
{
    buf[0] = '\0';
    if (login && *login && team_names_authors(ui->app))
        /* TRANSLATORS: after a note or a stage change: who made it. */
        snprintf(buf, size, _("  by %s"), login);
}

/* A follow-up done, in the history: marked done, with its day. */
static void add_done(struct ui *ui, struct contact_page *p, const struct timeline_entry *e,
                     int cols)
{
    char when[32], due[64], lead[160];
    date_format_moment(e->at, when, sizeof when);
    ui_date(ui, e->due, due, sizeof due);
    /* TRANSLATORS: when it was done, its id, the day it was due. */
    snprintf(lead, sizeof lead, _("  %s  ✓ done  f%lld (due %s)"), when,
             (long long)e->id, due);
    char by[96];
    by_author(ui, e->author, by, sizeof by);
    size_t item = new_item(p);
    add_line(p, LINE_MUTED, item, ITEM_DONE, e->id, 0, "%s%s", lead, by);
    add_wrapped(p, item, ITEM_DONE, e->id, e->text, 4, cols);
}

/* Notes and follow-ups done, newest first, as far as they were read. */
static void build_history(struct ui *ui, struct contact_page *p, int cols)
{
    char notes[64], title[160];
    snprintf(notes, sizeof notes, ngettext("%d note", "%d notes",
                                           (unsigned long)p->contact.note_count),
             p->contact.note_count);
    if (p->done_count > 0)
        snprintf(title, sizeof title,
                 ngettext("Timeline (%s, %lld follow-up done)",
                          "Timeline (%s, %lld follow-ups done)",
                          (unsigned long)p->done_count),
                 notes, (long long)p->done_count);
    else
        snprintf(title, sizeof title, _("Timeline (%s)"), notes);
    add_title(p, title);
    if (p->history.len == 0)
        add_line(p, LINE_MUTED, 0, ITEM_NONE, 0, 0, "  %s", _("No notes yet."));
    for (size_t i = 0; i < p->history.len; i++) {
        const struct timeline_entry *e = &p->history.items[i];
        if (e->kind == TIMELINE_DONE) {
            add_done(ui, p, e, cols);
            continue;
        }
        char when[32];
        date_format_moment(e->at, when, sizeof when);
        size_t item = new_item(p);
        char by[96];
        by_author(ui, e->author, by, sizeof by);
        add_line(p, LINE_MUTED, item, ITEM_NOTE, e->id, 0, "  %s  %s  #%lld%s", when,
                 note_kind_label(e->note_kind), (long long)e->id, by);
        add_wrapped(p, item, ITEM_NOTE, e->id, e->text, 4, cols);
    }
    if (p->history.more)
        add_line(p, LINE_MORE, new_item(p), ITEM_MORE, 0, 0, "  %s",
                 _("… older notes (move here to read them)"));
}

/* Every stage change, with its reason. */
static void build_stages(struct ui *ui, struct contact_page *p, int cols)
{
    struct stage_change_list hist = { 0 };
    add_title(p, _("Stage history"));
    if (store_stage_history(ui->st, p->id, &hist) != STORE_OK)
        return;
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
        add_entry(p, LINE_TEXT, ITEM_OTHER, 0, 0, cols, 4 + text_width(day), lead,
                  s->reason, by);
    }
    stage_change_list_clear(&hist);
}

void contact_page_build(struct ui *ui, struct contact_page *p, int cols)
{
    clear_lines(p);
    p->built_cols = cols;
    build_header(ui, p);
    build_followups(ui, p, cols);
    build_goals(ui, p, cols);
    build_scores(ui, p, cols, true);
    build_history(ui, p, cols);
    build_stages(ui, p, cols);
    build_scores(ui, p, cols, false);
}

void contact_page_free(struct contact_page *p)
{
    clear_lines(p);
    free(p->lines);
    timeline_list_clear(&p->history);
    if (p->loaded)
        contact_clear(&p->contact);
    free(p);
}
