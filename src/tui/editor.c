/* The built-in multi-line editor: lines of ui_line, Enter splitting
 * one, Backspace and Delete joining two, ^T cycling a note's kind.
 * Long lines are shown wrapped at the screen's width, by display width
 * (wide and combining characters counted as the terminal shows them);
 * Up and Down move by screen rows. Uses
 * tui/line.h, tui/prompt.h (the discard question), tui/input.h and
 * tui/draw.h. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/i18n.h"
#include "tui/draw.h"
#include "tui/editor.h"
#include "tui/input.h"
#include "tui/line.h"
#include "tui/prompt.h"

#define F(k) (KEYS_FUNC | (k))

/* A screen row: part of one line, [start, end) of its characters. */
struct editor_row {
    size_t line, start, end;
};

struct editor {
    struct ui_line *lines;
    size_t count, cap;
    size_t row;        /* cursor line */
    size_t top;        /* first screen row shown */
    struct editor_row *rows;   /* the lines wrapped to the screen */
    size_t nrows, rows_cap;
};

static void editor_insert_line(struct editor *e, size_t at, const char *text)
{
    if (e->count == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 16;
        struct ui_line *p = realloc(e->lines, cap * sizeof *p);
        if (!p)
            abort();
        e->lines = p;
        e->cap = cap;
    }
    memmove(e->lines + at + 1, e->lines + at,
            (e->count - at) * sizeof *e->lines);
    ui_line_init(&e->lines[at], text);
    e->count++;
}

static void editor_remove_line(struct editor *e, size_t at)
{
    ui_line_free(&e->lines[at]);
    memmove(e->lines + at, e->lines + at + 1,
            (e->count - at - 1) * sizeof *e->lines);
    e->count--;
}

/* Enter: the text after the cursor starts the next line. */
static void editor_split(struct editor *e)
{
    struct ui_line *l = &e->lines[e->row];
    struct ui_line rest = { l->text + l->cur, l->len - l->cur, 0, 0, 0 };
    char *tail = ui_line_text(&rest);
    l->len = l->cur;
    l->text[l->len] = L'\0';
    editor_insert_line(e, e->row + 1, tail);
    free(tail);
    e->row++;
    e->lines[e->row].cur = 0;
}

/* A paste keeps its line breaks: each starts a new line, as Enter
 * would; a tab is four spaces, as the Tab key types. */
static void editor_paste(struct editor *e)
{
    size_t n;
    const wchar_t *p = ui_paste(&n);
    for (size_t i = 0; i < n; i++) {
        struct ui_line *l = &e->lines[e->row];
        if (p[i] == L'\n') {
            editor_split(e);
        } else if (p[i] == L'\t') {
            ui_line_insert(l, L"    ", 4);
        } else if (ui_line_typable((int)p[i])) {
            ui_line_insert(l, &p[i], 1);
        }
    }
}

static char *editor_text(const struct editor *e)
{
    size_t size = 1;
    char **parts = calloc(e->count ? e->count : 1, sizeof *parts);
    if (!parts)
        abort();
    for (size_t i = 0; i < e->count; i++) {
        parts[i] = ui_line_text(&e->lines[i]);
        size += strlen(parts[i]) + 1;
    }
    char *out = malloc(size);
    if (!out)
        abort();
    out[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < e->count; i++) {
        size_t n = strlen(parts[i]);
        memcpy(out + used, parts[i], n);
        used += n;
        if (i + 1 < e->count)
            out[used++] = '\n';
        free(parts[i]);
    }
    out[used] = '\0';
    free(parts);
    return out;
}

static int columns_of(const wchar_t *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++) {
        int c = wcwidth(s[i]);
        w += c > 0 ? c : 0;
    }
    return w;
}

static void add_row(struct editor *e, size_t line, size_t start, size_t end)
{
    if (e->nrows == e->rows_cap) {
        size_t cap = e->rows_cap ? e->rows_cap * 2 : 64;
        struct editor_row *p = realloc(e->rows, cap * sizeof *p);
        if (!p)
            abort();
        e->rows = p;
        e->rows_cap = cap;
    }
    e->rows[e->nrows++] = (struct editor_row){ line, start, end };
}

/* Long lines are shown wrapped to the screen's width (the text keeps
 * them as typed); an empty line is one row. */
static void editor_wrap(struct editor *e, int cols)
{
    e->nrows = 0;
    if (cols < 1)
        cols = 1;
    for (size_t i = 0; i < e->count; i++) {
        const struct ui_line *l = &e->lines[i];
        size_t from = 0;
        do {
            size_t end = ui_line_wrap(l->text, l->len, from, cols);
            add_row(e, i, from, end);
            from = end;
        } while (from < l->len);
    }
}

/* The screen row of the cursor: the one holding it, or the last of
 * its line when the cursor is at the end. */
static size_t cursor_row(const struct editor *e)
{
    size_t cur = e->lines[e->row].cur;
    size_t last = 0;
    for (size_t v = 0; v < e->nrows; v++) {
        const struct editor_row *r = &e->rows[v];
        if (r->line < e->row)
            continue;
        if (r->line > e->row)
            break;
        last = v;
        if (cur >= r->start && cur < r->end)
            return v;
    }
    return last;
}

/* Up and Down go by screen rows, keeping the column. */
static void editor_vertical(struct editor *e, bool up, size_t step)
{
    size_t v = cursor_row(e);
    const struct editor_row *r = &e->rows[v];
    const struct ui_line *l = &e->lines[e->row];
    int col = columns_of(l->text + r->start, l->cur - r->start);
    size_t to = up ? (v > step ? v - step : 0)
                   : (v + step < e->nrows ? v + step : e->nrows - 1);
    const struct editor_row *t = &e->rows[to];
    struct ui_line *tl = &e->lines[t->line];
    /* The end of a row that is not its line's last is the start of
     * the next one. */
    bool last = to + 1 >= e->nrows || e->rows[to + 1].line != t->line;
    size_t limit = last ? t->end : (t->end > t->start ? t->end - 1 : t->end);
    size_t at = t->start;
    int w = 0;
    while (at < limit) {
        int c = wcwidth(tl->text[at]);
        if (c < 0)
            c = 0;
        if (w + c > col)
            break;
        w += c;
        at++;
    }
    while (at < limit && wcwidth(tl->text[at]) == 0)
        at++;
    e->row = t->line;
    tl->cur = at;
}

static void editor_draw(struct ui *ui, struct editor *e, const char *title,
                        const char *const *choices, size_t choice)
{
    erase();
    int height = LINES - 2;
    if (height < 1)
        height = 1;
    editor_wrap(e, COLS);
    size_t crow = cursor_row(e);
    if (crow < e->top)
        e->top = crow;
    if (crow >= e->top + (size_t)height)
        e->top = crow - (size_t)height + 1;
    char save[32], cancel[32], kind[32];
    keys_first_name(&ui->keys, ACT_SAVE, save, sizeof save);
    keys_first_name(&ui->keys, ACT_CANCEL, cancel, sizeof cancel);
    keys_first_name(&ui->keys, ACT_NEXT_KIND, kind, sizeof kind);
    if (choices) {
        char full[512];
        /* TRANSLATORS: a note's title, its kind, and the key that changes it. */
        snprintf(full, sizeof full, _("%s — %s (%s changes)"), title,
                 choices[choice], kind);
        ui_put(0, 0, COLS, full, ui->attr[UI_TITLE]);
    } else {
        ui_put(0, 0, COLS, title, ui->attr[UI_TITLE]);
    }
    for (int i = 0; i < height && e->top + (size_t)i < e->nrows; i++) {
        const struct editor_row *r = &e->rows[e->top + (size_t)i];
        struct ui_line part = { e->lines[r->line].text + r->start,
                                r->end - r->start, 0, 0, 0 };
        char *text = ui_line_text(&part);
        ui_put(1 + i, 0, COLS, text, 0);
        free(text);
    }
    char footer[256];
    if (choices)
        /* TRANSLATORS: the keys that save, cancel and change the kind. */
        snprintf(footer, sizeof footer, _("%s save  %s cancel  %s kind  Enter new line"),
                 save, cancel, kind);
    else
        snprintf(footer, sizeof footer, _("%s save  %s cancel  Enter new line  arrows move"),
                 save, cancel);
    ui_put(LINES - 1, 0, COLS, footer, ui->attr[UI_STATUS]);
    if (ui->message[0])
        ui_put(LINES - 1, 0, COLS, ui->message,
               ui->message_error ? ui->attr[UI_ERROR] : ui->attr[UI_STATUS]);
    const struct editor_row *r = &e->rows[crow];
    const struct ui_line *cur = &e->lines[e->row];
    int x = columns_of(cur->text + r->start, cur->cur - r->start);
    move(1 + (int)(crow - e->top), x < COLS ? x : COLS - 1);
}

bool ui_editor(struct ui *ui, const char *title, const char *initial,
               const char *const *choices, size_t *choice, char **out)
{
    struct editor e;
    memset(&e, 0, sizeof e);
    const char *p = initial ? initial : "";
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *one = strndup(p, n);
        if (!one)
            abort();
        editor_insert_line(&e, e.count, one);
        free(one);
        if (!nl)
            break;
        p = nl + 1;
    }
    e.row = e.count - 1;
    e.lines[e.row].cur = e.lines[e.row].len;
    char *before = editor_text(&e);
    bool saved = false;
    curs_set(1);
    for (;;) {
        editor_draw(ui, &e, title, choices, choice ? *choice : 0);
        refresh();
        int key = ui_getkey(ui, 500);
        struct ui_line *l = &e.lines[e.row];
        if (ui_stopping())
            break;
        if (key == KEYS_NONE || key == KEYS_RESIZE)
            continue;
        ui->message[0] = '\0';
        if (keys_bound(&ui->keys, ACT_SAVE, key)) {
            saved = true;
            break;
        }
        if (keys_bound(&ui->keys, ACT_NEXT_KIND, key) && choices && choice) {
            *choice = choices[*choice + 1] ? *choice + 1 : 0;
            continue;
        }
        if (keys_bound(&ui->keys, ACT_CANCEL, key)) {
            char *now = editor_text(&e);
            bool same = strcmp(now, before) == 0;
            free(now);
            if (same || ui_confirm(ui, _("Discard this text?")))
                break;
            curs_set(1);
            continue;
        }
        if (key == KEYS_ENTER) {
            editor_split(&e);
            continue;
        }
        if (key == F(KEY_UP) || key == F(KEY_DOWN) || key == F(KEY_PPAGE)
            || key == F(KEY_NPAGE)) {
            size_t step = key == F(KEY_PPAGE) || key == F(KEY_NPAGE)
                              ? (size_t)(LINES > 4 ? LINES - 3 : 1) : 1;
            editor_vertical(&e, key == F(KEY_UP) || key == F(KEY_PPAGE),
                            step);
            continue;
        }
        if ((key == F(KEY_BACKSPACE) || key == 0x7f || key == KEYS_CTRL('h'))
            && l->cur == 0 && e.row > 0) {
            struct ui_line *prev = &e.lines[e.row - 1];
            char *text = ui_line_text(l);
            size_t at = prev->len;
            prev->cur = prev->len;
            struct ui_line tmp;
            ui_line_init(&tmp, text);
            ui_line_insert(prev, tmp.text, tmp.len);
            prev->cur = at;
            ui_line_free(&tmp);
            free(text);
            editor_remove_line(&e, e.row);
            e.row--;
            continue;
        }
        if ((key == F(KEY_DC) || key == KEYS_CTRL('d')) && l->cur == l->len
            && e.row + 1 < e.count) {
            struct ui_line *next = &e.lines[e.row + 1];
            size_t at = l->cur;
            ui_line_insert(l, next->text, next->len);
            l->cur = at;
            editor_remove_line(&e, e.row + 1);
            continue;
        }
        if (key == '\t') {
            ui_line_insert(l, L"    ", 4);
            continue;
        }
        if (key == KEYS_PASTE) {
            editor_paste(&e);
            continue;
        }
        ui_line_key(l, key);
    }
    curs_set(0);
    if (saved)
        *out = editor_text(&e);
    free(before);
    for (size_t i = 0; i < e.count; i++)
        ui_line_free(&e.lines[i]);
    free(e.lines);
    free(e.rows);
    return saved;
}
