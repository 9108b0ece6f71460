/* The organisation page: who signs off and who uses the service, side
 * by side (each row: name, title, stage, days since the last contact,
 * the latest score), each group's NPS, the organisation's notes and its
 * contacts' upcoming follow-ups. Enter opens a contact, a adds one
 * already linked here, e edits the organisation (name, notes, budget
 * date; renaming it to another's name offers to merge the two; u
 * undoes the merge), n and the other contact keys work on the selected
 * contact. A screen: uses
 * tui/views.h, tui/act.h, tui/contact_form.h, tui/form.h,
 * tui/prompt.h, tui/source.h and below. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "core/cadence.h"
#include "core/followup.h"
#include "core/org.h"
#include "core/score.h"
#include "core/stage.h"
#include "tui/act.h"
#include "tui/contact_form.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/prompt.h"
#include "tui/source.h"
#include "tui/views.h"
#include "store/contact.h"
#include "store/org.h"
#include "store/followup.h"
#include "store/score.h"

/* The page's parts, in the order left and right move through them. */
enum { PART_DECIDERS, PART_USERS, PART_FOLLOWUPS, PART_COUNT };

struct organisation {
    int64_t id;
    struct org_summary sum;
    bool gone;
    struct ui_contact_query queries[2];
    struct followup_filter followups;
    struct ui_list lists[PART_COUNT];
    int64_t counts[2];
    int focus;
};

static const enum action org_actions[] = {
    ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_LEFT, ACT_RIGHT, ACT_TOP, ACT_BOTTOM,
    ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_NOTE,
    ACT_EDITOR, ACT_FOLLOWUP, ACT_PROMOTE, ACT_DEMOTE, ACT_DONE, ACT_SNOOZE,
    ACT_NONE
};

static const enum action org_hints[] = {
    ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_NOTE, ACT_BACK, ACT_NONE
};

static const unsigned part_role[2] = { ROLE_DECISION_MAKER, ROLE_USER };

/* Reads the organisation again; false when it is gone (merged away, or
 * its addition undone). The lists' filters point at its name. */
static bool read_org(struct ui *ui, struct organisation *p)
{
    struct org_summary s;
    if (org_summary_get(ui->st, p->id, &s) != STORE_OK) {
        p->gone = true;
        return false;
    }
    org_summary_clear(&p->sum);
    p->sum = s;
    p->gone = false;
    for (int i = 0; i < 2; i++) {
        p->queries[i].filter = org_member_filter(&p->sum.org, part_role[i]);
        if (store_contact_count(ui->st, &p->queries[i].filter, 0,
                                &p->counts[i]) != STORE_OK)
            p->counts[i] = 0;
    }
    return true;
}

static void *org_open(struct ui *ui, int64_t arg)
{
    struct organisation *p = calloc(1, sizeof *p);
    if (!p)
        abort();
    p->id = arg;
    if (!read_org(ui, p)) {
        ui_store_error(ui);
        free(p);
        return NULL;
    }
    p->followups.open_only = true;
    p->followups.org_id = arg;
    for (int i = 0; i < 2; i++) {
        p->queries[i].sort = CONTACT_SORT_NAME;
        ui_list_init(&p->lists[i], &ui_contact_source, &p->queries[i]);
        ui_list_load(ui, &p->lists[i]);
    }
    ui_list_init(&p->lists[PART_FOLLOWUPS], &ui_followup_source, &p->followups);
    ui_list_load(ui, &p->lists[PART_FOLLOWUPS]);
    if (p->counts[0] == 0 && p->counts[1] > 0)
        p->focus = PART_USERS;
    return p;
}

static void org_close(void *self)
{
    struct organisation *p = self;
    for (int i = 0; i < PART_COUNT; i++)
        ui_list_free(&p->lists[i]);
    org_summary_clear(&p->sum);
    free(p);
}

static void org_reload(struct ui *ui, void *self)
{
    struct organisation *p = self;
    if (!read_org(ui, p)) {
        ui_message(ui, true, _("This organisation is no longer there."));
        return;
    }
    for (int i = 0; i < PART_COUNT; i++)
        ui_list_reload(ui, &p->lists[i]);
}

static void draw_member(struct ui *ui, const void *row, int y, int x,
                        int cols, int attr)
{
    const struct contact *c = row;
    int score = -1;
    if (store_score_latest(ui->st, c->id, &score) != STORE_OK)
        score = -1;
    char right[96], sc[16];
    if (score >= 0)
        snprintf(sc, sizeof sc, "%3d", score % 100);
    else
        snprintf(sc, sizeof sc, "  –");
    snprintf(right, sizeof right, " %-9s %4lldd %s", stage_label(c->stage),
             (long long)cadence_days_since(c, ui_now()), sc);
    /* Narrow columns keep the name and the days. */
    if (cols < 36)
        snprintf(right, sizeof right, " %lldd",
                 (long long)cadence_days_since(c, ui_now()));
    int rw = text_width(right);
    char left[512];
    if (c->title && *c->title && cols >= 36)
        snprintf(left, sizeof left, "%s, %s", c->name, c->title);
    else
        snprintf(left, sizeof left, "%s", c->name);
    ui_put(y, x, cols - rw, left, attr);
    ui_put(y, x + cols - rw, rw, right, attr ? attr : ui->attr[UI_MUTED]);
}

static void draw_followup(struct ui *ui, const void *row, int y, int x,
                          int cols, int attr)
{
    const struct followup *f = row;
    char day[64], line[1024];
    ui_date(ui, followup_effective(f), day, sizeof day);
    snprintf(line, sizeof line, "%s  %s: %s", day,
             f->contact_name ? f->contact_name : "", f->text ? f->text : "");
    ui_put(y, x, cols, line, attr);
}

/* "Decision-makers (2) · NPS +50 of 2". */
static void column_title(const struct organisation *p, int part, char *buf,
                         size_t size)
{
    struct nps n = org_summary_nps(&p->sum, part_role[part]);
    double v;
    char nps[64];
    if (score_nps(&n, &v))
        /* TRANSLATORS: a group's NPS and how many of it answered. */
        snprintf(nps, sizeof nps, _("NPS %+.0f of %d"), v, n.answered);
    else
        snprintf(nps, sizeof nps, "%s", _("NPS – (nobody answered)"));
    snprintf(buf, size, "%s (%lld) · %s",
             part == PART_DECIDERS ? _("Decision-makers") : _("Users"),
             (long long)p->counts[part], nps);
}

static void org_draw(struct ui *ui, void *self, int top, int height)
{
    struct organisation *p = self;
    char buf[512];
    ui_put(top, 0, COLS, p->sum.org.name, ui->attr[UI_HEADER] | (int)A_BOLD);
    int y = top + 1;
    /* The notes take a line; the follow-ups a third of what is left. */
    char *notes = text_sanitize(p->sum.org.notes ? p->sum.org.notes : "", true);
    for (char *c = notes; c && *c; c++)
        if (*c == '\n')
            *c = ' ';
    char budget[64] = "";
    if (p->sum.org.budget_date[0])
        /* TRANSLATORS: before the organisation's notes on its page. */
        snprintf(budget, sizeof budget, _("Budget date %s · "),
                 p->sum.org.budget_date);
    snprintf(buf, sizeof buf, "%s%s %s", budget, _("Notes:"),
             notes && *notes ? notes : _("(none)"));
    free(notes);
    ui_put(y++, 0, COLS, buf, ui->attr[UI_MUTED]);
    int rest = top + height - y;
    int fh = rest >= 12 ? rest / 3 : rest >= 6 ? 2 : 0;
    int lh = rest - fh;
    int w = COLS / 2;
    for (int part = 0; part < 2; part++) {
        int x = part == 0 ? 0 : w + 1;
        int cw = part == 0 ? w : COLS - w - 1;
        column_title(p, part, buf, sizeof buf);
        ui_put(y, x, cw, buf, p->focus == part
               ? ui->attr[UI_HEADER] | (int)A_UNDERLINE : ui->attr[UI_HEADER]);
        ui_list_draw(ui, &p->lists[part], y + 1, x, cw, lh - 1,
                     p->focus == part, _("(nobody)"), draw_member);
    }
    for (int r = y; r < y + lh; r++)
        ui_put(r, w, 1, "│", ui->attr[UI_MUTED]);
    if (fh > 0) {
        int fy = y + lh;
        ui_put(fy, 0, COLS, _("Upcoming follow-ups"),
               p->focus == PART_FOLLOWUPS
                   ? ui->attr[UI_HEADER] | (int)A_UNDERLINE : ui->attr[UI_HEADER]);
        ui_list_draw(ui, &p->lists[PART_FOLLOWUPS], fy + 1, 0, COLS, fh - 1,
                     p->focus == PART_FOLLOWUPS, _("(none)"), draw_followup);
    }
}

/* Renaming to another organisation's name offers to merge into it.
 * False when the form should open again with what was typed (a value
 * refused); true when the edit is over. */
static bool save_edit(struct ui *ui, struct organisation *p,
                      const char *name, const char *notes, const char *budget)
{
    int64_t other = 0;
    struct org current;
    /* An empty budget date (or "none", as on the command line) clears it. */
    while (*budget == ' ')
        budget++;
    if (strcmp(budget, "none") == 0)
        budget = "";
    enum store_status rc = store_org_get(ui->st, NULL, p->id, &current);
    if (rc == STORE_OK) {
        struct org_change change = { .name = name, .notes = notes ? notes : "",
                                     .budget = budget };
        rc = org_edit(ui->st, &current, &change, ui_now());
        org_clear(&current);
    }
    if (rc == STORE_CONFLICT) {
        /* The organisation that has the name already. */
        struct org found;
        if (store_org_get(ui->st, name, 0, &found) == STORE_OK) {
            other = found.id != p->id ? found.id : 0;
            org_clear(&found);
        }
    }
    if (rc == STORE_OK) {
        ui_message(ui, false, _("Saved the organisation."));
        ui->dirty = true;
        return true;
    }
    if (rc != STORE_CONFLICT || !other) {
        ui_store_error(ui);
        return rc != STORE_INVALID;
    }
    char *shown = text_sanitize(name, false), question[512];
    snprintf(question, sizeof question,
             _("%s exists already. Merge this organisation into it (its contacts move there)?"),
             shown);
    free(shown);
    if (!ui_confirm(ui, question))
        return true;
    if (org_merge(ui->st, p->id, other, ui_now()) != STORE_OK) {
        ui_store_error(ui);
        return true;
    }
    char undo[32];
    keys_first_name(&ui->keys, ACT_UNDO, undo, sizeof undo);
    ui_message(ui, false, _("Merged; %s undoes it."), undo);
    /* The page follows the contacts into the organisation kept. */
    p->id = other;
    p->followups.org_id = other;
    ui->dirty = true;
    return true;
}

static void edit_org(struct ui *ui, struct organisation *p)
{
    struct ui_field f[] = {
        /* Tab offers the other names: renaming onto one merges. */
        { _("Name"), strdup(p->sum.org.name ? p->sum.org.name : ""), UI_COMPLETE_ORG },
        { _("Notes"), strdup(p->sum.org.notes ? p->sum.org.notes : ""), UI_COMPLETE_NONE },
        /* TRANSLATORS: a form's label; MM-DD is the form of the date. */
        { _("Budget date (MM-DD)"), strdup(p->sum.org.budget_date), UI_COMPLETE_NONE },
    };
    size_t n = sizeof f / sizeof f[0];
    for (size_t i = 0; i < n; i++)
        if (!f[i].value)
            abort();
    while (ui_form(ui, _("Organisation"), f, n))
        if (save_edit(ui, p, f[0].value, f[1].value, f[2].value))
            break;
    for (size_t i = 0; i < n; i++)
        free(f[i].value);
}

static bool org_request(struct ui *ui, void *self, enum action act)
{
    struct organisation *p = self;
    struct ui_list *l = &p->lists[p->focus];
    if (ui_list_request(ui, l, act))
        return true;
    switch (act) {
    case ACT_LEFT:
        p->focus = (p->focus + PART_COUNT - 1) % PART_COUNT;
        return true;
    case ACT_RIGHT:
        p->focus = (p->focus + 1) % PART_COUNT;
        return true;
    case ACT_EDIT:
        if (!p->gone)
            edit_org(ui, p);
        return true;
    case ACT_ADD: {
        if (p->gone)
            return true;
        unsigned role = p->focus == PART_DECIDERS ? ROLE_DECISION_MAKER
                                                  : ROLE_USER;
        int64_t id = ui_contact_form_add_to(ui, p->sum.org.name, role);
        if (id > 0)
            ui_push(ui, &ui_contact_view, id);
        return true;
    }
    default:
        break;
    }
    void *row = ui_list_selected(l);
    if (!row) {
        ui_message(ui, false, _("Nobody selected."));
        return true;
    }
    if (p->focus == PART_FOLLOWUPS) {
        const struct followup *f = row;
        if (act == ACT_DONE) {
            ui_act_done(ui, f->id);
            return true;
        }
        if (act == ACT_SNOOZE) {
            ui_act_snooze(ui, f->id);
            return true;
        }
        if (act == ACT_OPEN) {
            ui_push(ui, &ui_contact_view, f->contact_id);
            return true;
        }
        return ui_act_on_contact(ui, act, f->contact_id);
    }
    int64_t id = ((const struct contact *)row)->id;
    if (act == ACT_OPEN) {
        ui_push(ui, &ui_contact_view, id);
        return true;
    }
    if (act == ACT_DONE || act == ACT_SNOOZE)
        return false;
    return ui_act_on_contact(ui, act, id);
}

static const struct ui_view_word org_words[] = {
    { ACT_ADD, N_("Add a contact linked to this organisation") },
    { ACT_EDIT, N_("Edit the organisation: name, notes, budget date") },
    { ACT_NONE, NULL }
};

const struct ui_view ui_organisation_view = {
    .name = N_("Organisation"),
    .words = org_words,
    .hints = org_hints,
    .actions = org_actions,
    .open = org_open,
    .close = org_close,
    .reload = org_reload,
    .draw = org_draw,
    .request = org_request,
    .key = NULL,
};
