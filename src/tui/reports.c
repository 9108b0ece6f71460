/* The Reports screen (SPEC §3.6): the figures of core/report.c, the
 * same ones `rapport report` prints, as terminal bar charts. The bars
 * are characters ('#'), so a monochrome or NO_COLOR terminal shows them
 * as well; colour only tints them. Two columns from 80 columns on, one
 * scrolled column below. A period key cycles month, quarter, year and
 * all time; [ and ] step through the periods for the interactions.
 * A screen: uses tui/draw.h and below. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/text.h"
#include "core/report.h"
#include "core/score.h"
#include "core/stage.h"
#include "tui/draw.h"
#include "tui/views.h"

enum line_kind { LINE_BLANK, LINE_HEADER, LINE_BAR, LINE_TEXT };

struct line {
    enum line_kind kind;
    char label[64];
    char text[96];          /* beside the bar, or the whole text line */
    double value, max;      /* the bar: value of max */
};

/* Lines per column: every section fits in these. */
#define LINES_MAX 64

struct reports {
    enum report_span span;
    int step;               /* periods back (negative) from the current */
    struct report r;
    bool failed;
    struct line cols[2][LINES_MAX];
    int len[2];
    int scroll;
};

static const enum action reports_actions[] = {
    ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_TOP, ACT_BOTTOM, ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_PERIOD, ACT_PERIOD_PREV, ACT_PERIOD_NEXT, ACT_NONE
};

static const enum action reports_hints[] = {
    ACT_PERIOD, ACT_PERIOD_PREV, ACT_PERIOD_NEXT, ACT_BACK, ACT_NONE
};

static struct line *add(struct reports *p, int col, enum line_kind kind,
                        const char *label)
{
    if (p->len[col] == LINES_MAX)
        return &p->cols[col][LINES_MAX - 1];
    struct line *l = &p->cols[col][p->len[col]++];
    memset(l, 0, sizeof *l);
    l->kind = kind;
    char *safe = text_sanitize(label ? label : "", false);
    snprintf(l->label, sizeof l->label, "%s", safe ? safe : "");
    free(safe);
    return l;
}

static void bar_line(struct reports *p, int col, const char *label,
                     double value, double max, const char *text)
{
    struct line *l = add(p, col, LINE_BAR, label);
    l->value = value;
    l->max = max;
    snprintf(l->text, sizeof l->text, "%s", text);
}

static void counts_section(struct reports *p, int col, const char *title,
                           const int64_t *values, const char *const *labels,
                           int n)
{
    add(p, col, LINE_HEADER, title);
    double max = 0;
    for (int i = 0; i < n; i++)
        if ((double)values[i] > max)
            max = (double)values[i];
    for (int i = 0; i < n; i++) {
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)values[i]);
        bar_line(p, col, labels[i], (double)values[i], max, num);
    }
}

static void nps_line(struct reports *p, int col, const char *label,
                     const struct nps *n)
{
    double value;
    char text[96];
    if (score_nps(n, &value)) {
        /* TRANSLATORS: a net promoter score and how many answered. */
        snprintf(text, sizeof text, _("%+.0f (%d answered)"), value,
                 n->answered);
        /* The bar shows the score's size; the sign is in the text. */
        bar_line(p, col, label, value < 0 ? -value : value, 100, text);
    } else {
        struct line *l = add(p, col, LINE_TEXT, label);
        snprintf(l->text, sizeof l->text, "%s", _("nobody answered"));
    }
}

static void tallies(struct reports *p, int col, const char *title,
                    const struct report_tally *t, size_t len)
{
    add(p, col, LINE_HEADER, title);
    double max = 0;
    for (size_t i = 0; i < len; i++)
        if ((double)t[i].count > max)
            max = (double)t[i].count;
    for (size_t i = 0; i < len; i++) {
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)t[i].count);
        bar_line(p, col, *t[i].name ? t[i].name : _("(no organisation)"),
                 (double)t[i].count, max, num);
    }
    if (len == 0)
        snprintf(add(p, col, LINE_TEXT, "")->text, sizeof p->cols[0][0].text,
                 "%s", _("none"));
}

/* The left column: the pipeline's state and movement. */
static void left_column(struct reports *p)
{
    const struct report *r = &p->r;
    const char *stages[STAGE_COUNT];
    for (int s = 0; s < STAGE_COUNT; s++)
        stages[s] = stage_plural_label((enum stage)s);
    counts_section(p, 0, _("Funnel"), r->stage_counts, stages, STAGE_COUNT);
    add(p, 0, LINE_BLANK, "");
    const char *spans[] = { _("this month"), _("this quarter"),
                            _("this year") };
    const int64_t moves[] = { r->promotions_month, r->promotions_quarter,
                              r->promotions_year, r->demotions_month,
                              r->demotions_quarter, r->demotions_year };
    counts_section(p, 0, _("Promotions"), moves, spans, 3);
    counts_section(p, 0, _("Demotions"), moves + 3, spans, 3);
    add(p, 0, LINE_BLANK, "");
    add(p, 0, LINE_HEADER, _("Median days in each stage"));
    double max = 0;
    for (int s = 0; s < STAGE_COUNT; s++)
        if (r->median_days[s] > max)
            max = (double)(long long)(r->median_days[s] + 0.5);
    for (int s = 0; s < STAGE_COUNT; s++) {
        if (r->median_days[s] < 0) {
            struct line *l = add(p, 0, LINE_TEXT, stages[s]);
            snprintf(l->text, sizeof l->text, "%s", _("no data"));
            continue;
        }
        long long days = (long long)(r->median_days[s] + 0.5);
        char text[32];
        snprintf(text, sizeof text, "%lld", days);
        bar_line(p, 0, stages[s], (double)days, max, text);
    }
    add(p, 0, LINE_BLANK, "");
    const int64_t work[] = { r->overdue, r->quiet };
    const char *work_labels[] = { _("overdue"), _("gone quiet") };
    counts_section(p, 0, _("Workload"), work, work_labels, 2);
}

/* The right column: satisfaction, and the period's interactions. */
static void right_column(struct reports *p)
{
    const struct report *r = &p->r;
    add(p, 1, LINE_HEADER, _("Net promoter score"));
    for (int s = 0; s < STAGE_COUNT; s++)
        nps_line(p, 1, stage_plural_label((enum stage)s), &r->nps_stage[s]);
    nps_line(p, 1, _("Users"), &r->nps_user);
    nps_line(p, 1, _("Decision-makers"), &r->nps_decision_maker);
    nps_line(p, 1, _("Everyone"), &r->nps_all);
    add(p, 1, LINE_BLANK, "");
    char from[11], to[11], title[128];
    date_format_iso(date_from_time(r->from), from);
    date_format_iso(date_add_days(date_from_time(r->to), -1), to);
    if (p->span == REPORT_ALL)
        snprintf(title, sizeof title, _("Interactions, all time: %lld"),
                 (long long)r->interactions.total);
    else
        /* TRANSLATORS: "Interactions 2026-10-01–2026-12-31: 42". */
        snprintf(title, sizeof title, _("Interactions %s–%s: %lld"), from,
                 to, (long long)r->interactions.total);
    add(p, 1, LINE_HEADER, title);
    tallies(p, 1, _("By kind"), r->interactions.kinds,
            r->interactions.kind_len);
    tallies(p, 1, _("By organisation"), r->interactions.orgs,
            r->interactions.org_len);
}

static void reports_reload(struct ui *ui, void *self)
{
    struct reports *p = self;
    time_t now = ui_now(), from, to;
    report_period(p->span, now, p->step, &from, &to);
    p->failed = report_build(ui->st, ui->app->cfg.stage_cadence, now, from,
                             to, &p->r) != STORE_OK;
    if (p->failed)
        ui_store_error(ui);
    p->len[0] = p->len[1] = 0;
    left_column(p);
    right_column(p);
}

static void *reports_open(struct ui *ui, int64_t arg)
{
    (void)arg;
    struct reports *p = calloc(1, sizeof *p);
    if (!p)
        abort();
    p->span = REPORT_QUARTER;
    reports_reload(ui, p);
    return p;
}

static void reports_close(void *self)
{
    free(self);
}

static void draw_line(struct ui *ui, const struct line *l, int y, int x,
                      int cols)
{
    if (l->kind == LINE_HEADER) {
        ui_put(y, x, cols, l->label, ui->attr[UI_HEADER]);
        return;
    }
    if (l->kind == LINE_BLANK)
        return;
    /* A label's width shrinks with the column, the bar takes the rest. */
    int lw = cols >= 36 ? 16 : cols / 3;
    int tw = text_width(l->text) + 1;
    ui_put(y, x, lw - 1, l->label, 0);
    if (l->kind == LINE_TEXT) {
        ui_put(y, x + lw, cols - lw, l->text, ui->attr[UI_MUTED]);
        return;
    }
    int bw = cols - lw - tw;
    int len = bw > 0 && l->max > 0 ? (int)(l->value / l->max * bw + 0.5) : 0;
    if (len == 0 && l->value > 0 && bw > 0)
        len = 1;
    char bar[256];
    if (len > (int)sizeof bar - 1)
        len = (int)sizeof bar - 1;
    memset(bar, '#', (size_t)len);
    bar[len] = '\0';
    ui_put(y, x + lw, len, bar, ui->attr[UI_BAR]);
    ui_put(y, x + lw + len, cols - lw - len, "", 0);
    char text[100];
    snprintf(text, sizeof text, " %s", l->text);
    ui_put(y, x + lw + len, tw, text, 0);
}

static void reports_draw(struct ui *ui, void *self, int top, int height)
{
    struct reports *p = self;
    if (COLS >= 80) {
        int w = COLS / 2;
        int rows = p->len[0] > p->len[1] ? p->len[0] : p->len[1];
        if (p->scroll > rows - height)
            p->scroll = rows - height > 0 ? rows - height : 0;
        for (int i = 0; i < height; i++) {
            int at = p->scroll + i;
            ui_put(top + i, 0, COLS, "", 0);
            if (at < p->len[0])
                draw_line(ui, &p->cols[0][at], top + i, 0, w - 2);
            if (at < p->len[1])
                draw_line(ui, &p->cols[1][at], top + i, w, COLS - w);
        }
        return;
    }
    int rows = p->len[0] + p->len[1];
    if (p->scroll > rows - height)
        p->scroll = rows - height > 0 ? rows - height : 0;
    for (int i = 0; i < height; i++) {
        int at = p->scroll + i;
        ui_put(top + i, 0, COLS, "", 0);
        if (at < p->len[0])
            draw_line(ui, &p->cols[0][at], top + i, 0, COLS);
        else if (at - p->len[0] < p->len[1])
            draw_line(ui, &p->cols[1][at - p->len[0]], top + i, 0, COLS);
    }
}

static bool reports_request(struct ui *ui, void *self, enum action act)
{
    struct reports *p = self;
    switch (act) {
    case ACT_MOVE_DOWN:
        p->scroll++;
        return true;
    case ACT_PAGE_DOWN:
        p->scroll += LINES / 2;
        return true;
    case ACT_MOVE_UP:
        if (p->scroll > 0)
            p->scroll--;
        return true;
    case ACT_PAGE_UP:
        p->scroll = p->scroll > LINES / 2 ? p->scroll - LINES / 2 : 0;
        return true;
    case ACT_TOP:
        p->scroll = 0;
        return true;
    case ACT_BOTTOM:
        /* Drawing stops it at the last line. */
        p->scroll = 2 * LINES_MAX;
        return true;
    case ACT_PERIOD:
        p->span = (p->span + 1) % REPORT_SPANS;
        p->step = 0;
        break;
    case ACT_PERIOD_PREV:
        if (p->span != REPORT_ALL)
            p->step--;
        break;
    case ACT_PERIOD_NEXT:
        if (p->span != REPORT_ALL && p->step < 0)
            p->step++;
        break;
    default:
        return false;
    }
    reports_reload(ui, p);
    ui_message(ui, false, _("Interactions per %s"), report_span_label(p->span));
    return true;
}

const struct ui_view ui_reports_view = {
    .name = N_("Reports"),
    .hints = reports_hints,
    .actions = reports_actions,
    .open = reports_open,
    .close = reports_close,
    .reload = reports_reload,
    .draw = reports_draw,
    .request = reports_request,
    .key = NULL,
};
