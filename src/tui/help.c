/* The help overlay: the rows are built from the keymap (tui/keys.h)
 * and the top screen's action table, then scrolled with the keys of
 * move_down and move_up. Uses tui/view.h, tui/input.h and tui/draw.h. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "tui/draw.h"
#include "tui/help.h"
#include "tui/input.h"
#include "tui/view.h"

/* The help's rows: key lines, and headings between the groups. */
struct help_rows {
    char **text;
    bool *heading;
    size_t n;
};

static void help_push(struct help_rows *h, const char *text, bool heading)
{
    char **t = realloc(h->text, (h->n + 1) * sizeof *t);
    bool *b = realloc(h->heading, (h->n + 1) * sizeof *b);
    if (t)
        h->text = t;
    if (b)
        h->heading = b;
    if (!t || !b || !(h->text[h->n] = strdup(text)))
        abort();
    h->heading[h->n++] = heading;
}

static void help_add(struct help_rows *h, const struct keymap *map,
                     const struct ui_view *view, enum action act)
{
    char keys[128], line[512];
    keys_describe(map, act, keys, sizeof keys);
    if (!keys[0])
        return;
    const char *what = keys_action_help(act);
    /* A screen may say what a key does there in its own words. */
    for (const struct ui_view_word *w = view ? view->words : NULL;
         w && w->act != ACT_NONE; w++)
        if (w->act == act)
            what = _(w->help);
    /* A narrow terminal has a narrower column of keys; what they do
     * wraps below itself, and keys wider than their column stand on a
     * line of their own. */
    int kw = COLS >= 60 ? 20 : 10;
    int room = COLS - 3 - kw;
    char **lines = text_wrap(what, room > 8 ? room : 8);
    size_t first = 0;
    char pad[160];
    if (text_width(keys) > kw) {
        snprintf(line, sizeof line, "  %s", keys);
        help_push(h, line, false);
    } else {
        text_pad(keys, kw, pad, sizeof pad);
        snprintf(line, sizeof line, "  %s %s", pad,
                 lines && lines[0] ? lines[0] : what);
        help_push(h, line, false);
        first = 1;
    }
    for (size_t i = first; lines && lines[0] && lines[i]; i++) {
        snprintf(line, sizeof line, "%*s%s", kw + 3, "", lines[i]);
        help_push(h, line, false);
    }
    text_free_lines(lines);
}

void ui_help_show(struct ui *ui, const enum action *everywhere)
{
    const struct ui_view *view = ui_top_view(ui);
    struct help_rows h = { 0 };
    /* What the config got wrong comes first: the status line only had
     * room for one of the problems. */
    if (ui->config_warnings.len > 0) {
        help_push(&h, _("Problems in the configuration (the defaults are used):"), true);
        for (size_t i = 0; i < ui->config_warnings.len; i++) {
            char line[600];
            snprintf(line, sizeof line, "  %s", ui->config_warnings.items[i]);
            help_push(&h, line, false);
        }
    }
    if (view->legend) {
        char line[600];
        snprintf(line, sizeof line, "  %s", _(view->legend));
        help_push(&h, line, false);
    }
    for (const enum action *a = view->actions; *a != ACT_NONE; a++)
        help_add(&h, &ui->keys, view, *a);
    help_push(&h, _("Everywhere:"), true);
    for (const enum action *a = everywhere; *a != ACT_NONE; a++) {
        bool shadowed = false;
        for (const enum action *b = view->actions; *b != ACT_NONE; b++)
            shadowed = shadowed || *a == *b;
        if (!shadowed)
            help_add(&h, &ui->keys, view, *a);
    }
    help_push(&h, _("In forms, notes and questions:"), true);
    for (int a = ACT_SAVE; a < ACT_COUNT; a++)
        help_add(&h, &ui->keys, NULL, (enum action)a);
    size_t offset = 0;
    for (;;) {
        erase();
        char title[256];
        snprintf(title, sizeof title, _(" Keys of the %s screen"),
                 _(view->name));
        int height = LINES - 2;
        if (height < 1)
            height = 1;
        /* Where in the list the page is, when it does not all fit. */
        if (h.n > (size_t)height) {
            size_t last = offset + (size_t)height < h.n ? offset + (size_t)height : h.n;
            size_t len = strlen(title);
            /* TRANSLATORS: the help's rows shown, of how many. */
            snprintf(title + len, sizeof title - len, _(" (%zu-%zu of %zu)"),
                     offset + 1, last, h.n);
        }
        ui_put(0, 0, COLS, title, ui->attr[UI_TITLE]);
        for (int i = 0; i < height && offset + (size_t)i < h.n; i++) {
            size_t at = offset + (size_t)i;
            ui_put(1 + i, 0, COLS, h.text[at], h.heading[at] ? ui->attr[UI_HEADER] : 0);
        }
        char down[32], up[32], footer[256];
        keys_name(ui->keys.keys[ACT_MOVE_DOWN][0], down, sizeof down);
        keys_name(ui->keys.keys[ACT_MOVE_UP][0], up, sizeof up);
        /* TRANSLATORS: the keys that scroll down and up, e.g. "j/k". */
        if (COLS >= 60)
            snprintf(footer, sizeof footer, _(" %s/%s scroll, any other key closes the help"),
                     down, up);
        else
            /* TRANSLATORS: the footer at 40 columns: the keys that
             * scroll down and up, e.g. "j/k". */
            snprintf(footer, sizeof footer, _(" %s/%s scroll, others close"), down, up);
        ui_put(LINES - 1, 0, COLS, footer, ui->attr[UI_STATUS]);
        refresh();
        int key = ui_getkey(ui, 500);
        if (ui_stopping())
            break;
        if (key == KEYS_NONE || key == KEYS_RESIZE)
            continue;
        /* The lists' own keys move it: a line, a page, to either end. */
        size_t end = h.n > (size_t)height ? h.n - (size_t)height : 0;
        size_t step = 0;
        bool forward = true;
        if (keys_bound(&ui->keys, ACT_MOVE_DOWN, key))
            step = 1;
        else if (keys_bound(&ui->keys, ACT_MOVE_UP, key))
            step = 1, forward = false;
        else if (keys_bound(&ui->keys, ACT_PAGE_DOWN, key))
            step = (size_t)height;
        else if (keys_bound(&ui->keys, ACT_PAGE_UP, key))
            step = (size_t)height, forward = false;
        else if (keys_bound(&ui->keys, ACT_BOTTOM, key))
            step = h.n;
        else if (keys_bound(&ui->keys, ACT_TOP, key))
            step = h.n, forward = false;
        if (!step)
            break;
        if (forward)
            offset = offset + step < end ? offset + step : end;
        else
            offset = offset > step ? offset - step : 0;
    }
    for (size_t i = 0; i < h.n; i++)
        free(h.text[i]);
    free(h.text);
    free(h.heading);
}
