/* The TUI's machinery: terminal setup, colours, the screen stack, the
 * main loop (key -> action dispatch, resize, live refresh when another
 * process commits), the status line, prompts and the help overlay.
 * Screens live in ui_<screen>.c and only fill a struct ui_view. */
#include <config.h>

#include <curses.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "core/journal.h"
#include "base/text.h"
#include "tui/ui.h"
#include "tui/act.h"
#include "tui/edit.h"
#include "tui/screen.h"

#define F(k) (KEYS_FUNC | (k))
#define MIN_COLS 40
#define MIN_LINES 12

static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
    stop_signal = sig;
}

/* Actions every screen has; a screen's own table is searched first. */
static const enum action global_actions[] = {
    ACT_HELP, ACT_BACK, ACT_REVIEW, ACT_PIPELINE, ACT_CONTACTS, ACT_SEARCH,
    ACT_ADD, ACT_UNDO, ACT_REDRAW, ACT_NONE
};

/* ---- drawing ------------------------------------------------------------ */

void ui_put(int y, int x, int cols, const char *text, int attr)
{
    if (y < 0 || y >= LINES || x >= COLS || cols <= 0)
        return;
    if (x + cols > COLS)
        cols = COLS - x;
    char *clean = text_sanitize(text ? text : "", false);
    size_t size = (size_t)cols * 4 + 8 + strlen(clean);
    char *buf = malloc(size);
    if (!buf)
        abort();
    text_pad(clean, cols, buf, size);
    attrset((attr_t)attr);
    /* The last cell of the screen cannot be written without scrolling;
     * curses reports an error there that is harmless. */
    mvaddstr(y, x, buf);
    attrset(A_NORMAL);
    free(buf);
    free(clean);
}

void ui_header(int y, int x, int cols, const char *title, long count,
               int attr)
{
    char buf[256], num[32];
    snprintf(buf, sizeof buf, "%s (%ld)", title, count);
    snprintf(num, sizeof num, " (%ld)", count);
    int numw = (int)strlen(num);
    /* In a narrow column the count matters more than the whole title. */
    if (text_width(buf) <= cols || numw + 2 > cols) {
        ui_put(y, x, cols, buf, attr);
        return;
    }
    ui_put(y, x, cols - numw, title, attr);
    ui_put(y, x + cols - numw, numw, num, attr);
}

void ui_date(struct ui *ui, struct date d, char *buf, size_t size)
{
    const char *pattern = ui->app->cfg.date_format;
    if (!date_is_set(d)) {
        buf[0] = '\0';
    } else if (pattern && *pattern) {
        date_format(d, pattern, buf, size);
    } else {
        char iso[11];
        date_format_iso(d, iso);
        snprintf(buf, size, "%s", iso);
    }
}

int ui_date_width(struct ui *ui)
{
    /* The longest month name and day give the column's width. */
    char buf[64];
    ui_date(ui, (struct date){ 2026, 9, 30 }, buf, sizeof buf);
    int w = text_width(buf);
    return w < 5 ? 5 : w > 20 ? 20 : w;
}

time_t ui_now(void)
{
    return time(NULL);
}

void ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ui->message, sizeof ui->message, fmt, ap);
    va_end(ap);
    ui->message_error = error;
}

void ui_store_error(struct ui *ui)
{
    ui_message(ui, true, "%s", store_error(ui->st));
}

/* ---- colours ------------------------------------------------------------ */

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

static void setup_colors(struct ui *ui, struct strlist *warnings)
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

/* ---- input -------------------------------------------------------------- */

bool ui_stopping(void)
{
    return stop_signal != 0;
}

static int64_t monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A lone Esc means back or cancel. When more bytes came with it, it was
 * Alt+key or a sequence this terminal's terminfo does not know (PuTTY's
 * Home is ESC [ 1 ~): read the rest of it and drop it, or it would
 * quit a screen and type its tail into a field. */
static bool escape_sequence_follows(void)
{
    timeout(0);
    wint_t wc;
    int rc = get_wch(&wc);
    if (rc == ERR)
        return false;
    if (rc == OK && wc == 27) {
        /* Esc pressed twice quickly: two answers, not one sequence. */
        unget_wch(wc);
        return false;
    }
    if (rc == OK && (wc == '[' || wc == 'O')) {
        /* CSI and SS3: parameters, then one final byte @ .. ~. */
        for (int i = 0; i < 32; i++) {
            rc = get_wch(&wc);
            if (rc == ERR || (rc == OK && wc >= 0x40 && wc <= 0x7e))
                break;
        }
    }
    return true;
}

int ui_getkey(struct ui *ui, int timeout_ms)
{
    (void)ui;
    /* A terminal that went away (a dropped SSH link without SIGHUP)
     * answers every read at once with nothing: stop instead of
     * spinning. */
    static int instant_errors;
    timeout(timeout_ms);
    wint_t wc;
    int64_t start = monotonic_ms();
    int rc = get_wch(&wc);
    if (stop_signal)
        return KEYS_NONE;
    if (rc == ERR) {
        if (timeout_ms > 0 && monotonic_ms() - start < timeout_ms / 4) {
            if (++instant_errors > 200)
                stop_signal = SIGHUP;
        } else {
            instant_errors = 0;
        }
        return KEYS_NONE;
    }
    instant_errors = 0;
    if (rc == KEY_CODE_YES) {
        if (wc == KEY_RESIZE)
            return KEYS_RESIZE;
        if (wc == KEY_ENTER)
            return KEYS_ENTER;
        return F((int)wc);
    }
    if (wc == '\r')
        return KEYS_ENTER;
    if (wc == 27 && escape_sequence_follows())
        return KEYS_NONE;
    return (int)wc;
}

/* ---- prompts ------------------------------------------------------------ */

bool ui_prompt(struct ui *ui, const char *question, const char *initial,
               char **out)
{
    struct ui_line line;
    ui_line_init(&line, initial);
    line.cur = line.len;
    bool ok = false;
    curs_set(1);
    for (;;) {
        /* The question may take most of the line: it says what the
         * answer does. */
        int qw = text_width(question) + 1;
        if (qw > COLS - 16)
            qw = COLS - 16 > COLS / 2 ? COLS - 16 : COLS / 2;
        if (ui->message[0])
            ui_put(LINES - 2, 0, COLS, ui->message,
                   ui->message_error ? ui->attr[UI_ERROR] : ui->attr[UI_STATUS]);
        ui_put(LINES - 1, 0, qw, question, ui->attr[UI_HEADER]);
        ui_line_draw(&line, LINES - 1, qw, COLS - qw, 0, true);
        refresh();
        int key = ui_getkey(ui, 500);
        if (stop_signal)
            break;
        if (key == KEYS_NONE)
            continue;
        if (key == KEYS_RESIZE) {
            ui_draw(ui);
            continue;
        }
        if (key == KEYS_ENTER) {
            *out = ui_line_text(&line);
            ok = true;
            break;
        }
        if (keys_bound(&ui->keys, ACT_CANCEL, key))
            break;
        ui_line_key(&line, key);
    }
    curs_set(0);
    if (!ok && line.len > 0)
        ui_message(ui, false, _("Cancelled; nothing was stored."));
    ui_line_free(&line);
    return ok;
}

bool ui_confirm(struct ui *ui, const char *question)
{
    char buf[512];
    /* TRANSLATORS: the keys that answer a yes/no question. */
    snprintf(buf, sizeof buf, "%s %s", question, _("(y/n)"));
    const char *yes = _("y");
    for (;;) {
        ui_put(LINES - 1, 0, COLS, buf, ui->attr[UI_HEADER]);
        refresh();
        int key = ui_getkey(ui, 500);
        if (stop_signal)
            return false;
        if (key == KEYS_NONE)
            continue;
        if (key == KEYS_RESIZE) {
            ui_draw(ui);
            continue;
        }
        return key == 'y' || key == 'Y' || key == (unsigned char)yes[0];
    }
}

/* ---- screens ------------------------------------------------------------ */

void ui_push(struct ui *ui, const struct ui_view *view, int64_t arg)
{
    if (ui->depth == UI_STACK_MAX) {
        struct ui_frame *bottom = &ui->stack[1];
        bottom->view->close(bottom->self);
        memmove(&ui->stack[1], &ui->stack[2],
                (UI_STACK_MAX - 2) * sizeof ui->stack[0]);
        ui->depth--;
    }
    void *self = view->open(ui, arg);
    if (!self)
        return;
    ui->stack[ui->depth].view = view;
    ui->stack[ui->depth].self = self;
    ui->depth++;
}

void ui_pop(struct ui *ui)
{
    if (ui->depth == 0)
        return;
    struct ui_frame *top = &ui->stack[--ui->depth];
    top->view->close(top->self);
    if (ui->depth == 0)
        ui->quit = true;
    else
        ui->dirty = true;
}

void ui_switch(struct ui *ui, const struct ui_view *view)
{
    if (ui->depth == 1 && ui->stack[0].view == view)
        return;
    while (ui->depth > 0) {
        struct ui_frame *top = &ui->stack[--ui->depth];
        top->view->close(top->self);
    }
    ui_push(ui, view, 0);
}

static const struct ui_view *top_view(struct ui *ui)
{
    return ui->stack[ui->depth - 1].view;
}

static void *top_self(struct ui *ui)
{
    return ui->stack[ui->depth - 1].self;
}

static bool too_small(void)
{
    return COLS < MIN_COLS || LINES < MIN_LINES;
}

static void draw_title(struct ui *ui)
{
    static const struct {
        enum action act;
        const struct ui_view *view;
    } tabs[] = {
        { ACT_REVIEW, &ui_review_view },
        { ACT_PIPELINE, &ui_pipeline_view },
        { ACT_CONTACTS, &ui_contacts_view },
    };
    ui_put(0, 0, COLS, "", ui->attr[UI_TITLE]);
    int x = 0;
    char buf[128];
    snprintf(buf, sizeof buf, " rapport ");
    ui_put(0, x, text_width(buf), buf, ui->attr[UI_TITLE]);
    x += text_width(buf);
    for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++) {
        char key[32];
        int k = ui->keys.keys[tabs[i].act][0];
        keys_name(k, key, sizeof key);
        snprintf(buf, sizeof buf, " %s %s ", key, _(tabs[i].view->name));
        int w = text_width(buf);
        if (x + w > COLS)
            break;
        bool current = false;
        for (int d = 0; d < ui->depth; d++)
            current = current || ui->stack[d].view == tabs[i].view;
        int attr = ui->attr[UI_TITLE];
        if (current)
            attr = (attr | (int)A_REVERSE) & ~(int)A_DIM;
        ui_put(0, x, w, buf, attr);
        x += w;
    }
}

static void draw_status(struct ui *ui)
{
    char buf[2048];
    const struct ui_view *view = top_view(ui);
    int y = LINES - 1;
    if (ui->message[0]) {
        snprintf(buf, sizeof buf, " %s ", ui->message);
        ui_put(y, 0, COLS, buf,
               ui->message_error ? ui->attr[UI_ERROR] : ui->attr[UI_STATUS]);
        return;
    }
    /* Hints come from the bindings, so a remapped key shows as such. */
    char hints[512] = "";
    size_t used = 0;
    for (const enum action *a = view->hints; *a != ACT_NONE; a++) {
        if (ui->keys.keys[*a][0] == KEYS_NONE)
            continue;
        char key[32];
        keys_name(ui->keys.keys[*a][0], key, sizeof key);
        int n = snprintf(hints + used, sizeof hints - used, "%s%s %s",
                         used ? "  " : "", key, keys_action_hint(*a));
        if (n < 0 || (size_t)n >= sizeof hints - used)
            break;
        used += (size_t)n;
    }
    char help[32];
    keys_name(ui->keys.keys[ACT_HELP][0], help, sizeof help);
    /* The path gets at most half the line; the hints are cut at the
     * end when they do not fit. */
    int pathw = COLS / 2;
    char path[512];
    const char *db = store_path(ui->st);
    if (pathw < 8)
        snprintf(path, sizeof path, "%s", "");
    else if (text_width(db) > pathw)
        snprintf(path, sizeof path, "…%s", db + strlen(db) - (size_t)(pathw - 1));
    else
        snprintf(path, sizeof path, "%s", db);
    snprintf(buf, sizeof buf, " %s | %s%s%s %s  %s", _(view->name), path,
             path[0] ? " | " : "", help, _("help"), hints);
    ui_put(y, 0, COLS, buf, ui->attr[UI_STATUS]);
}

void ui_draw(struct ui *ui)
{
    erase();
    if (too_small()) {
        char buf[128];
        snprintf(buf, sizeof buf, _("Too small: rapport needs %dx%d"),
                 MIN_COLS, MIN_LINES);
        ui_put(LINES / 2, 0, COLS, buf, ui->attr[UI_ERROR]);
        refresh();
        return;
    }
    if (ui->depth == 0)
        return;
    draw_title(ui);
    ui->cursor = false;
    top_view(ui)->draw(ui, top_self(ui), 1, LINES - 2);
    draw_status(ui);
    if (ui->cursor) {
        move(ui->cursor_y, ui->cursor_x);
        curs_set(1);
    } else {
        curs_set(0);
    }
    refresh();
}

/* ---- the help overlay ---------------------------------------------------- */

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

static void help_add(struct help_rows *h, const struct keymap *map, enum action act)
{
    char keys[128], line[512];
    keys_describe(map, act, keys, sizeof keys);
    if (!keys[0])
        return;
    char pad[160];
    text_pad(keys, 20, pad, sizeof pad);
    snprintf(line, sizeof line, "  %s %s", pad, keys_action_help(act));
    help_push(h, line, false);
}

static void help_overlay(struct ui *ui)
{
    const struct ui_view *view = top_view(ui);
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
    for (const enum action *a = view->actions; *a != ACT_NONE; a++)
        help_add(&h, &ui->keys, *a);
    help_push(&h, _("Everywhere:"), true);
    for (const enum action *a = global_actions; *a != ACT_NONE; a++) {
        bool shadowed = false;
        for (const enum action *b = view->actions; *b != ACT_NONE; b++)
            shadowed = shadowed || *a == *b;
        if (!shadowed)
            help_add(&h, &ui->keys, *a);
    }
    help_push(&h, _("In forms, notes and questions:"), true);
    for (int a = ACT_SAVE; a < ACT_COUNT; a++)
        help_add(&h, &ui->keys, (enum action)a);
    size_t offset = 0;
    for (;;) {
        erase();
        char title[256];
        snprintf(title, sizeof title, _(" Keys of the %s screen"),
                 _(view->name));
        ui_put(0, 0, COLS, title, ui->attr[UI_TITLE]);
        int height = LINES - 2;
        for (int i = 0; i < height && offset + (size_t)i < h.n; i++) {
            size_t at = offset + (size_t)i;
            ui_put(1 + i, 0, COLS, h.text[at], h.heading[at] ? ui->attr[UI_HEADER] : 0);
        }
        char down[32], up[32], footer[256];
        keys_name(ui->keys.keys[ACT_MOVE_DOWN][0], down, sizeof down);
        keys_name(ui->keys.keys[ACT_MOVE_UP][0], up, sizeof up);
        /* TRANSLATORS: the keys that scroll down and up, e.g. "j/k". */
        snprintf(footer, sizeof footer, _(" %s/%s scroll, any other key closes the help"),
                 down, up);
        ui_put(LINES - 1, 0, COLS, footer, ui->attr[UI_STATUS]);
        refresh();
        int key = ui_getkey(ui, 500);
        if (stop_signal)
            break;
        if (key == KEYS_NONE || key == KEYS_RESIZE)
            continue;
        if (keys_bound(&ui->keys, ACT_MOVE_DOWN, key)) {
            if (offset + (size_t)height < h.n)
                offset++;
            continue;
        }
        if (keys_bound(&ui->keys, ACT_MOVE_UP, key)) {
            if (offset > 0)
                offset--;
            continue;
        }
        break;
    }
    for (size_t i = 0; i < h.n; i++)
        free(h.text[i]);
    free(h.text);
    free(h.heading);
}

/* ---- actions every screen shares ----------------------------------------- */

/* u undoes this session's own changes at once; a newer change made
 * elsewhere (another shell, an earlier session) is named and asked
 * about first, so nobody undoes what they never saw. */
static void undo_last(struct ui *ui)
{
    struct journal_entry newest;
    if (journal_newest(ui->st, &newest) != STORE_OK) {
        ui_store_error(ui);
        return;
    }
    bool go = newest.own;
    if (!go) {
        char *clean = text_sanitize(newest.what, false);
        char question[512];
        snprintf(question, sizeof question,
                 _("Undo “%s”, made outside this session?"), clean ? clean : "");
        go = ui_confirm(ui, question);
        free(clean);
    }
    char *what = NULL;
    if (go && journal_undo_entry(ui->st, newest.id, &what) == STORE_OK) {
        char *clean = text_sanitize(what, false);
        ui_message(ui, false, _("Undone: %s"), clean);
        free(clean);
        free(what);
    } else if (go) {
        ui_store_error(ui);
    }
    store_journal_entry_clear(&newest);
    ui->dirty = true;
}
static void global_request(struct ui *ui, enum action act)
{
    switch (act) {
    case ACT_HELP:
        help_overlay(ui);
        break;
    case ACT_BACK:
        ui_pop(ui);
        break;
    case ACT_REVIEW:
        ui_switch(ui, &ui_review_view);
        break;
    case ACT_PIPELINE:
        ui_switch(ui, &ui_pipeline_view);
        break;
    case ACT_CONTACTS:
        ui_switch(ui, &ui_contacts_view);
        break;
    case ACT_SEARCH:
        ui_switch(ui, &ui_contacts_view);
        top_view(ui)->request(ui, top_self(ui), ACT_SEARCH);
        break;
    case ACT_ADD: {
        int64_t id = ui_act_add(ui);
        if (id > 0)
            ui_push(ui, &ui_contact_view, id);
        break;
    }
    case ACT_UNDO:
        undo_last(ui);
        break;
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        ui->dirty = true;
        break;
    default:
        break;
    }
}

static void dispatch(struct ui *ui, int key)
{
    const struct ui_view *view = top_view(ui);
    void *self = top_self(ui);
    if (too_small()) {
        if (keys_bound(&ui->keys, ACT_BACK, key))
            ui_pop(ui);
        return;
    }
    if (view->key && view->key(ui, self, key))
        return;
    enum action act = keys_lookup(&ui->keys, view->actions, key);
    if (act != ACT_NONE && view->request(ui, self, act))
        return;
    if (act == ACT_NONE)
        act = keys_lookup(&ui->keys, global_actions, key);
    if (act != ACT_NONE) {
        global_request(ui, act);
        return;
    }
    char name[32], help[32];
    keys_name(key, name, sizeof name);
    keys_name(ui->keys.keys[ACT_HELP][0], help, sizeof help);
    ui_message(ui, false, _("%s does nothing here; %s lists the keys"), name,
               help);
}

/* Another process's commit, or midnight: either changes what the
 * screens show (Today becomes Overdue at the turn of the day). */
static void check_other_writers(struct ui *ui)
{
    int64_t version = store_data_version(ui->st);
    if (version != ui->data_version) {
        ui->data_version = version;
        ui->dirty = true;
    }
    struct date today = date_from_time(ui_now());
    if (date_compare(today, ui->today) != 0) {
        ui->today = today;
        ui->dirty = true;
    }
}

static const struct ui_view *start_view(const struct app *app)
{
    const char *start = app->cfg.start_screen;
    if (start && strcasecmp(start, "pipeline") == 0)
        return &ui_pipeline_view;
    if (start && strcasecmp(start, "contacts") == 0)
        return &ui_contacts_view;
    return &ui_review_view;
}

static void raw_terminal(void)
{
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    /* raw() should already do this; some terminals keep IXON on, and
     * then ^S would freeze the screen instead of saving. */
    struct termios tio;
    if (tcgetattr(STDIN_FILENO, &tio) == 0) {
        tio.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
        tcsetattr(STDIN_FILENO, TCSANOW, &tio);
    }
    curs_set(0);
}

int ui_run(struct app *app)
{
    if (!app->st && app_open_store(app) != 0)
        return 1;
    /* Wide characters need the user's locale; main() normally set it. */
    const char *ctype = setlocale(LC_CTYPE, NULL);
    if (!ctype || strcmp(ctype, "C") == 0)
        setlocale(LC_ALL, "");
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, _("rapport: the screens need a terminal; see rapport "
                          "--help for the commands\n"));
        return 1;
    }
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (!screen) {
        const char *term = getenv("TERM");
        fprintf(stderr, _("rapport: cannot use the terminal \"%s\"; set TERM "
                          "to xterm, screen, tmux or vt100\n"),
                term ? term : "");
        return 1;
    }
    /* A terminal that cannot place the cursor (TERM=dumb, an editor's
     * shell buffer) would get a screen of garbage. */
    const char *cup = tigetstr("cup");
    if (!cup || cup == (const char *)-1) {
        endwin();
        delscreen(screen);
        const char *term = getenv("TERM");
        fprintf(stderr, _("rapport: the terminal \"%s\" cannot move the cursor, so the "
                          "screens cannot be drawn; set TERM to xterm, screen, tmux or "
                          "vt100, or use the commands (rapport agenda, rapport --help)\n"),
                term ? term : "");
        return 1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    raw_terminal();

    struct ui *ui = calloc(1, sizeof *ui);
    if (!ui)
        abort();
    ui->app = app;
    ui->st = app->st;
    keys_init(&ui->keys);
    struct strlist *warnings = &ui->config_warnings;
    keys_configure(&ui->keys, &app->cfg.keys, warnings);
    setup_colors(ui, warnings);
    if (warnings->len > 0) {
        char help[32];
        keys_first_name(&ui->keys, ACT_HELP, help, sizeof help);
        if (warnings->len > 1)
            /* TRANSLATORS: how many problems, the help key, the first. */
            ui_message(ui, true, _("%zu problems in the config (%s lists them): %s"),
                       warnings->len, help, warnings->items[0]);
        else
            ui_message(ui, true, "%s", warnings->items[0]);
    }
    ui->data_version = store_data_version(ui->st);
    ui->today = date_from_time(ui_now());
    ui_push(ui, start_view(app), 0);

    bool clear_message = ui->message[0] != '\0';
    while (!ui->quit && !stop_signal && ui->depth > 0) {
        if (ui->dirty) {
            ui->dirty = false;
            top_view(ui)->reload(ui, top_self(ui));
            ui->data_version = store_data_version(ui->st);
        }
        ui_draw(ui);
        int key = ui_getkey(ui, 250);
        if (key == KEYS_NONE) {
            check_other_writers(ui);
            if (top_view(ui)->idle)
                top_view(ui)->idle(ui, top_self(ui));
            continue;
        }
        if (key == KEYS_RESIZE)
            continue;
        if (clear_message)
            ui->message[0] = '\0';
        dispatch(ui, key);
        /* A message stays until the key after the one that made it. */
        clear_message = ui->message[0] != '\0';
    }
    while (ui->depth > 0) {
        struct ui_frame *top = &ui->stack[--ui->depth];
        top->view->close(top->self);
    }
    endwin();
    delscreen(screen);
    strlist_clear(&ui->config_warnings);
    free(ui);
    return 0;
}
