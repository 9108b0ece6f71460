/* The Pipeline screen (SPEC §3.2): End users | Customers | Clients side
 * by side with counts; > and < move the selected contact one stage and
 * the selection follows it into its new column. A screen: uses
 * tui/views.h (to open a contact), tui/act.h, tui/source.h and what
 * lies below them. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cadence.h"
#include "base/i18n.h"
#include "core/stage.h"
#include "base/text.h"
#include "tui/act.h"
#include "tui/draw.h"
#include "tui/source.h"
#include "tui/views.h"
#include "store/contact.h"

struct pipeline {
    struct ui_contact_query queries[STAGE_COUNT];
    struct ui_list lists[STAGE_COUNT];
    int64_t counts[STAGE_COUNT];
    int focus;
};

static const enum action pipeline_actions[] = {
    ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_LEFT, ACT_RIGHT, ACT_TOP, ACT_BOTTOM,
    ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_OPEN, ACT_PROMOTE, ACT_DEMOTE, ACT_NOTE,
    ACT_EDITOR, ACT_FOLLOWUP, ACT_EDIT, ACT_ARCHIVE, ACT_FORGET, ACT_NONE
};

static const enum action pipeline_hints[] = {
    ACT_PROMOTE, ACT_DEMOTE, ACT_OPEN, ACT_NOTE, ACT_BACK, ACT_NONE
};

static void count(struct ui *ui, struct pipeline *p)
{
    for (int s = 0; s < STAGE_COUNT; s++)
        if (store_contact_count(ui->st, &p->queries[s].filter, 0, &p->counts[s])
            != STORE_OK)
            p->counts[s] = 0;
}

static void *pipeline_open(struct ui *ui, int64_t arg)
{
    (void)arg;
    struct pipeline *p = calloc(1, sizeof *p);
    if (!p)
        abort();
    for (int s = 0; s < STAGE_COUNT; s++) {
        p->queries[s].filter.stage = s;
        p->queries[s].sort = CONTACT_SORT_NAME;
        ui_list_init(&p->lists[s], &ui_contact_source, &p->queries[s]);
        ui_list_load(ui, &p->lists[s]);
    }
    count(ui, p);
    return p;
}

static void pipeline_close(void *self)
{
    struct pipeline *p = self;
    for (int s = 0; s < STAGE_COUNT; s++)
        ui_list_free(&p->lists[s]);
    free(p);
}

static void pipeline_reload(struct ui *ui, void *self)
{
    struct pipeline *p = self;
    for (int s = 0; s < STAGE_COUNT; s++)
        ui_list_reload(ui, &p->lists[s]);
    count(ui, p);
}

static void draw_contact(struct ui *ui, const void *row, int y, int x,
                         int cols, int attr)
{
    const struct contact *c = row;
    char right[32];
    if (date_is_set(c->next_due)) {
        char day[11];
        date_format_iso(c->next_due, day);
        /* "!" marks an overdue one without colour too. */
        bool overdue = date_compare(c->next_due, date_today()) < 0;
        snprintf(right, sizeof right, " %s→%s", overdue ? "!" : "", day + 5);
    } else {
        snprintf(right, sizeof right, " %lldd",
                 (long long)cadence_days_since(c, ui_now()));
    }
    int rw = text_width(right);
    char left[512];
    if (c->org && *c->org)
        snprintf(left, sizeof left, "%s · %s", c->name, c->org);
    else
        snprintf(left, sizeof left, "%s", c->name);
    ui_put(y, x, cols - rw, left, attr);
    int rattr = attr;
    if (!attr && date_is_set(c->next_due)) {
        int cmp = date_compare(c->next_due, date_today());
        rattr = cmp < 0 ? ui->attr[UI_OVERDUE]
              : cmp == 0 ? ui->attr[UI_TODAY] : ui->attr[UI_MUTED];
    } else if (!attr) {
        rattr = ui->attr[UI_MUTED];
    }
    ui_put(y, x + cols - rw, rw, right, rattr);
}

/* TRANSLATORS: the marks at the end of a Pipeline row; keep "20d",
 * "→12-03" and "!" as the rows show them. */
static const char pipeline_legend[] =
    N_("20d: days since the last contact; →12-03: the next follow-up (!→ overdue)");

static void pipeline_draw(struct ui *ui, void *self, int top, int height)
{
    struct pipeline *p = self;
    int width = COLS / STAGE_COUNT;
    /* The last line says what the marks at the end of a row mean. */
    if (height > 3) {
        height--;
        ui_put(top + height, 0, COLS, _(pipeline_legend), ui->attr[UI_MUTED]);
    }
    for (int s = 0; s < STAGE_COUNT; s++) {
        int x = s * width;
        int w = s == STAGE_COUNT - 1 ? COLS - x : width - 1;
        ui_header(top, x, w, stage_plural_label(s), (long)p->counts[s],
                  s == p->focus ? ui->attr[UI_HEADER] | (int)A_UNDERLINE
                                : ui->attr[UI_HEADER]);
        ui_list_draw(ui, &p->lists[s], top + 1, x, w, height - 1,
                     s == p->focus, _("(nobody)"), draw_contact);
        if (s < STAGE_COUNT - 1)
            for (int y = top; y < top + height; y++)
                ui_put(y, x + w, 1, "│", ui->attr[UI_MUTED]);
    }
}

static bool pipeline_request(struct ui *ui, void *self, enum action act)
{
    struct pipeline *p = self;
    struct ui_list *l = &p->lists[p->focus];
    if (ui_list_request(ui, l, act))
        return true;
    switch (act) {
    case ACT_LEFT:
    case ACT_RIGHT: {
        int to = p->focus + (act == ACT_LEFT ? -1 : 1);
        if (to < 0 || to >= STAGE_COUNT)
            return true;
        /* The cursor stays on its screen row, as far as the column
         * reaches. */
        size_t row = l->sel - l->top;
        struct ui_list *n = &p->lists[to];
        long want = (long)(n->top + row) - (long)n->sel;
        if (want)
            ui_list_move(ui, n, (int)want);
        p->focus = to;
        return true;
    }
    default:
        break;
    }
    int64_t id = ui_list_selected_id(l);
    if (!id) {
        ui_message(ui, false, _("Nobody selected."));
        return true;
    }
    switch (act) {
    case ACT_OPEN:
        ui_push(ui, &ui_contact_view, id);
        return true;
    case ACT_PROMOTE:
    case ACT_DEMOTE: {
        enum stage to;
        if (!ui_act_stage(ui, id, act == ACT_PROMOTE, &to))
            return true;
        pipeline_reload(ui, p);
        ui->dirty = false;
        struct contact c;
        if (store_contact_get(ui->st, id, &c) == STORE_OK) {
            p->focus = to;
            ui_list_select(ui, &p->lists[to], &c);
            contact_clear(&c);
        }
        return true;
    }
    default:
        return ui_act_on_contact(ui, act, id);
    }
}

const struct ui_view ui_pipeline_view = {
    .name = N_("Pipeline"),
    .hints = pipeline_hints,
    .actions = pipeline_actions,
    .legend = pipeline_legend,
    .open = pipeline_open,
    .close = pipeline_close,
    .reload = pipeline_reload,
    .draw = pipeline_draw,
    .request = pipeline_request,
    .key = NULL,
};
