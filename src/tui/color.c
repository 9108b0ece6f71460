/* Colours: each item of the screens (title, status, selection, ...) has
 * a default "fg,bg,attrs" that [colors] may replace; without colours
 * (a monochrome terminal, NO_COLOR) each gets a readable attribute of
 * its own. Uses tui/session.h only. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "tui/color.h"

struct color_item {
    const char *name;
    const char *fallback;     /* the default "fg,bg,attrs" */
    int mono;                 /* attributes without colour */
};

static const struct color_item color_items[UI_COLOR_COUNT] = {
    [UI_TITLE] = { "title", "white,blue,bold", (int)(A_REVERSE | A_BOLD) },
    [UI_STATUS] = { "status", "black,cyan", (int)A_REVERSE },
    [UI_SELECTION] = { "selection", "black,yellow", (int)A_REVERSE },
    [UI_HEADER] = { "header", "cyan,default,bold", (int)A_BOLD },
    [UI_OVERDUE] = { "overdue", "red,default,bold", (int)A_BOLD },
    [UI_TODAY] = { "today", "green,default,bold", (int)A_BOLD },
    [UI_MUTED] = { "muted", "default,default,dim", (int)A_DIM },
    [UI_ERROR] = { "error", "white,red,bold", (int)(A_REVERSE | A_BOLD) },
    /* Bars are drawn with characters; colour only tints them. */
    [UI_BAR] = { "bar", "green,default", 0 },
};

static const struct {
    const char *name;
    int value;
} color_names[] = {
    { "default", -1 }, { "black", COLOR_BLACK }, { "red", COLOR_RED },
    { "green", COLOR_GREEN }, { "yellow", COLOR_YELLOW },
    { "blue", COLOR_BLUE }, { "magenta", COLOR_MAGENTA },
    { "cyan", COLOR_CYAN }, { "white", COLOR_WHITE },
};

static const struct {
    const char *name;
    int value;
} attr_names[] = {
    { "bold", (int)A_BOLD }, { "reverse", (int)A_REVERSE },
    { "underline", (int)A_UNDERLINE }, { "dim", (int)A_DIM },
    { "standout", (int)A_STANDOUT }, { "blink", (int)A_BLINK },
    { "normal", 0 },
};

/* Parses "fg,bg[,attr...]"; returns 0 or -1. */
static int parse_color(const char *value, short *fg, short *bg, int *attr)
{
    char *copy = strdup(value);
    if (!copy)
        return -1;
    int colors = 0, rc = 0;
    *fg = *bg = -1;
    *attr = 0;
    char *save = NULL;
    for (char *tok = strtok_r(copy, ", \t", &save); tok && rc == 0;
         tok = strtok_r(NULL, ", \t", &save)) {
        bool found = false;
        for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++)
            if (strcasecmp(tok, attr_names[i].name) == 0) {
                *attr |= attr_names[i].value;
                found = true;
            }
        for (size_t i = 0; !found && i < sizeof color_names / sizeof color_names[0]; i++)
            if (strcasecmp(tok, color_names[i].name) == 0) {
                if (colors == 0)
                    *fg = (short)color_names[i].value;
                else
                    *bg = (short)color_names[i].value;
                colors++;
                found = true;
            }
        if (!found || colors > 2)
            rc = -1;
    }
    free(copy);
    return rc;
}

void ui_color_setup(struct ui *ui, struct strlist *warnings)
{
    const char *no_color = getenv("NO_COLOR");
    bool color = has_colors() && !(no_color && *no_color);
    if (color) {
        start_color();
        use_default_colors();
    }
    const char *values[UI_COLOR_COUNT];
    for (int i = 0; i < UI_COLOR_COUNT; i++)
        values[i] = color_items[i].fallback;
    const struct strlist *cfg = &ui->app->cfg.colors;
    for (size_t k = 0; k < cfg->len; k++) {
        const char *pair = cfg->items[k];
        const char *eq = strchr(pair, '=');
        size_t n = eq ? (size_t)(eq - pair) : strlen(pair);
        int item = -1;
        for (int i = 0; i < UI_COLOR_COUNT; i++)
            if (strlen(color_items[i].name) == n
                && strncmp(color_items[i].name, pair, n) == 0)
                item = i;
        short fg, bg;
        int attr;
        if (item < 0 || !eq) {
            char names[256] = "";
            for (int i = 0; i < UI_COLOR_COUNT; i++) {
                size_t used = strlen(names);
                snprintf(names + used, sizeof names - used, "%s%s", i ? ", " : "",
                         color_items[i].name);
            }
            strlist_pushf(warnings, _("[colors] %.*s: no such item; the items are %s"),
                          (int)n, pair, names);
        } else if (parse_color(eq + 1, &fg, &bg, &attr) < 0) {
            strlist_pushf(warnings,
                          _("[colors] %s: \"%s\" is not understood; expected "
                            "fg,bg[,bold|reverse|underline] with colour names "
                            "or default"),
                          color_items[item].name, eq + 1);
        } else {
            values[item] = eq + 1;
        }
    }
    for (int i = 0; i < UI_COLOR_COUNT; i++) {
        short fg, bg;
        int attr;
        if (parse_color(values[i], &fg, &bg, &attr) < 0)
            parse_color(color_items[i].fallback, &fg, &bg, &attr);
        if (color && (fg >= 0 || bg >= 0)) {
            init_pair((short)(i + 1), fg, bg);
            ui->attr[i] = (int)COLOR_PAIR(i + 1) | attr;
        } else if (color) {
            ui->attr[i] = attr;
        } else {
            /* Monochrome: keep what the user asked for, else a readable
             * attribute of our own. */
            ui->attr[i] = attr ? attr | (color_items[i].mono & (int)A_REVERSE)
                               : color_items[i].mono;
        }
    }
    if (!color)
        ui->attr[UI_SELECTION] |= (int)A_REVERSE;
}
