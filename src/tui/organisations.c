/* The Organisations screen (SPEC §3.5): every organisation a window at
 * a time, with its contacts per stage, its decision-makers and users
 * counted apart, each group's NPS with how many answered, the last
 * interaction and the open follow-ups; sorted by name, contacts, last
 * interaction or NPS, filtered as you type after /. Enter opens the
 * organisation page. A screen: uses tui/views.h, tui/list.h,
 * tui/line.h and below. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "core/org.h"
#include "core/score.h"
#include "tui/draw.h"
#include "tui/line.h"
#include "tui/list.h"
#include "tui/views.h"

struct orgs_query {
    char *text;
    enum org_sort sort;
};

struct organisations {
    struct orgs_query query;
    struct ui_list list;
    struct ui_line filter;
    bool filtering;
};

static const enum action orgs_actions[] = {
    ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_TOP, ACT_BOTTOM, ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_OPEN, ACT_SEARCH, ACT_SORT, ACT_NONE
};

static const enum action orgs_hints[] = {
    ACT_OPEN, ACT_SEARCH, ACT_SORT, ACT_BACK, ACT_NONE
};

static const char *const sort_names[ORG_SORT_COUNT] = {
    [ORG_SORT_NAME] = N_("name"),
    [ORG_SORT_CONTACTS] = N_("contacts"),
    [ORG_SORT_LAST_TOUCH] = N_("last interaction"),
    [ORG_SORT_NPS] = N_("NPS"),
};

static int orgs_page(struct ui *ui, void *ctx, const void *after,
                    bool backward, size_t limit, void *rows, bool *more)
{
    struct orgs_query *q = ctx;
    struct org_summary_list list = { 0 };
    if (org_summary_page(ui->st, q->text, q->sort, after, backward, limit,
                         &list) != STORE_OK) {
        ui_store_error(ui);
        return -1;
    }
    if (list.len)
        memcpy(rows, list.items, list.len * sizeof *list.items);
    *more = list.more;
    int n = (int)list.len;
    free(list.items);
    return n;
}

static void org_row_copy(void *dst, const void *src)
{
    const struct org_summary *s = src;
    struct org_summary *d = dst;
    *d = *s;
    d->org.name = s->org.name ? strdup(s->org.name) : NULL;
    d->org.notes = s->org.notes ? strdup(s->org.notes) : NULL;
    if ((s->org.name && !d->org.name) || (s->org.notes && !d->org.notes))
        abort();
}

static void org_row_release(void *row)
{
    org_summary_clear(row);
}

static int64_t org_row_id(const void *row)
{
    return ((const struct org_summary *)row)->org.id;
}

static const struct ui_list_source org_source = {
    .row_size = sizeof(struct org_summary),
    .page = orgs_page,
    .copy = org_row_copy,
    .release = org_row_release,
    .id = org_row_id,
};

static void *orgs_open(struct ui *ui, int64_t arg)
{
    (void)arg;
    struct organisations *o = calloc(1, sizeof *o);
    if (!o)
        abort();
    ui_line_init(&o->filter, NULL);
    ui_list_init(&o->list, &org_source, &o->query);
    ui_list_load(ui, &o->list);
    return o;
}

static void orgs_close(void *self)
{
    struct organisations *o = self;
    ui_list_free(&o->list);
    ui_line_free(&o->filter);
    free(o->query.text);
    free(o);
}

static void orgs_reload(struct ui *ui, void *self)
{
    struct organisations *o = self;
    ui_list_reload(ui, &o->list);
}

/* "+50 (4)": a group's NPS and how many answered; "– (0)" for none. */
static void nps_text(const struct nps *n, char *buf, size_t size)
{
    double value;
    if (score_nps(n, &value))
        snprintf(buf, size, "%+.0f (%d)", value, n->answered);
    else
        snprintf(buf, size, "– (0)");
}

/* Column widths for a width: name, then the figures; narrow terminals
 * keep the name, the contacts and the two NPS. */
struct org_cols {
    int name, stages, roles, nps, last, open;
};

static struct org_cols org_cols(struct ui *ui, int cols)
{
    struct org_cols c = { 0, 0, 0, 10, 0, 0 };
    if (cols >= 70) {
        c.stages = 10;
        c.roles = 8;
        c.last = ui_date_width(ui) + 1;
        c.open = 5;
    } else if (cols >= 50) {
        c.roles = 8;
    }
    c.name = cols - c.stages - c.roles - 2 * c.nps - c.last - c.open;
    return c;
}

static void draw_row(struct ui *ui, const void *row, int y, int x, int cols,
                     int attr)
{
    const struct org_summary *s = row;
    struct org_cols c = org_cols(ui, cols);
    char buf[64];
    ui_put(y, x, cols, "", attr);
    ui_put(y, x, c.name - 1, s->org.name, attr);
    x += c.name;
    if (c.stages) {
        snprintf(buf, sizeof buf, "%d/%d/%d", s->org.stage_counts[0],
                 s->org.stage_counts[1], s->org.stage_counts[2]);
        ui_put(y, x, c.stages - 1, buf, attr);
        x += c.stages;
    }
    if (c.roles) {
        snprintf(buf, sizeof buf, "%lld/%lld", (long long)s->decision_makers,
                 (long long)s->users);
        ui_put(y, x, c.roles - 1, buf, attr);
        x += c.roles;
    }
    struct nps dm = org_summary_nps(s, ROLE_DECISION_MAKER);
    struct nps us = org_summary_nps(s, ROLE_USER);
    nps_text(&dm, buf, sizeof buf);
    ui_put(y, x, c.nps - 1, buf, attr);
    x += c.nps;
    nps_text(&us, buf, sizeof buf);
    ui_put(y, x, c.nps - 1, buf, attr);
    x += c.nps;
    if (c.last) {
        if (s->last_touch)
            ui_date(ui, date_from_time(s->last_touch), buf, sizeof buf);
        else
            snprintf(buf, sizeof buf, "–");
        ui_put(y, x, c.last - 1, buf, attr ? attr : ui->attr[UI_MUTED]);
        x += c.last;
    }
    if (c.open) {
        snprintf(buf, sizeof buf, "%lld", (long long)s->open_followups);
        ui_put(y, x, c.open, buf, attr);
    }
}

static void draw_heads(struct ui *ui, int y, int cols)
{
    struct org_cols c = org_cols(ui, cols);
    int x = 1, a = ui->attr[UI_MUTED];
    ui_put(y, x, c.name, _("Organisation"), a);
    x += c.name;
    if (c.stages) {
        /* TRANSLATORS: end users / customers / clients, abbreviated. */
        ui_put(y, x, c.stages, _("E/Cu/Cl"), a);
        x += c.stages;
    }
    if (c.roles) {
        /* TRANSLATORS: decision-makers / users, abbreviated. */
        ui_put(y, x, c.roles, _("DM/U"), a);
        x += c.roles;
    }
    ui_put(y, x, c.nps, _("NPS DM"), a);
    x += c.nps;
    ui_put(y, x, c.nps, _("NPS U"), a);
    x += c.nps;
    if (c.last) {
        ui_put(y, x, c.last, _("Last"), a);
        x += c.last;
    }
    if (c.open)
        ui_put(y, x, c.open, _("Open"), a);
}

static void orgs_draw(struct ui *ui, void *self, int top, int height)
{
    struct organisations *o = self;
    char buf[256];
    snprintf(buf, sizeof buf, _("Organisations, by %s"),
             _(sort_names[o->query.sort]));
    int w = text_width(buf) + 2;
    ui_put(top, 0, w, buf, ui->attr[UI_HEADER]);
    const char *label = _("Filter: ");
    int lw = text_width(label);
    if (o->filtering || o->filter.len > 0) {
        ui_put(top, w, lw, label, ui->attr[UI_HEADER]);
        ui_line_draw(&o->filter, top, w + lw, COLS - w - lw,
                     o->filtering ? (int)A_UNDERLINE : 0, false);
    } else {
        ui_put(top, w, COLS - w, "", 0);
    }
    draw_heads(ui, top + 1, COLS - 1);
    ui_list_draw(ui, &o->list, top + 2, 1, COLS - 1, height - 2, true,
                 o->query.text ? _("No organisation matches.")
                               : _("No organisations yet."),
                 draw_row);
    if (o->filtering) {
        ui_line_draw(&o->filter, top, w + lw, COLS - w - lw,
                     (int)A_UNDERLINE, true);
        getyx(stdscr, ui->cursor_y, ui->cursor_x);
        ui->cursor = true;
    }
}

static void apply_filter(struct ui *ui, struct organisations *o)
{
    char *text = ui_line_text(&o->filter);
    text_trim(text);
    free(o->query.text);
    o->query.text = *text ? text : NULL;
    if (!*text)
        free(text);
    ui_list_load(ui, &o->list);
}

static void open_selected(struct ui *ui, struct organisations *o)
{
    int64_t id = ui_list_selected_id(&o->list);
    if (id)
        ui_push(ui, &ui_organisation_view, id);
    else
        ui_message(ui, false, _("No organisation selected."));
}

static bool orgs_key(struct ui *ui, void *self, int key)
{
    struct organisations *o = self;
    if (!o->filtering) {
        if (o->filter.len > 0 && keys_bound(&ui->keys, ACT_BACK, key)
            && keys_bound(&ui->keys, ACT_CANCEL, key)) {
            ui_line_free(&o->filter);
            ui_line_init(&o->filter, NULL);
            apply_filter(ui, o);
            return true;
        }
        return false;
    }
    if (keys_bound(&ui->keys, ACT_CANCEL, key)) {
        ui_line_free(&o->filter);
        ui_line_init(&o->filter, NULL);
        o->filtering = false;
        apply_filter(ui, o);
        return true;
    }
    if (key == KEYS_RESIZE || key == KEYS_NONE)
        return true;
    if (ui_line_key(&o->filter, key)) {
        apply_filter(ui, o);
        return true;
    }
    if (keys_bound(&ui->keys, ACT_OPEN, key)) {
        o->filtering = false;
        open_selected(ui, o);
        return true;
    }
    return false;
}

static bool orgs_request(struct ui *ui, void *self, enum action act)
{
    struct organisations *o = self;
    if (ui_list_request(ui, &o->list, act))
        return true;
    switch (act) {
    case ACT_SEARCH:
        o->filtering = true;
        return true;
    case ACT_SORT:
        o->query.sort = (o->query.sort + 1) % ORG_SORT_COUNT;
        ui_list_load(ui, &o->list);
        ui_message(ui, false, _("Sorted by %s."), _(sort_names[o->query.sort]));
        return true;
    case ACT_OPEN:
        open_selected(ui, o);
        return true;
    default:
        return false;
    }
}

static const struct ui_view_word orgs_words[] = {
    { ACT_OPEN, N_("Open the organisation's page") },
    { ACT_SORT, N_("Sort by name, contacts, last interaction or NPS") },
    { ACT_NONE, NULL }
};

const struct ui_view ui_organisations_view = {
    .name = N_("Organisations"),
    .words = orgs_words,
    .hints = orgs_hints,
    .actions = orgs_actions,
    .open = orgs_open,
    .close = orgs_close,
    .reload = orgs_reload,
    .draw = orgs_draw,
    .request = orgs_request,
    .key = orgs_key,
};
