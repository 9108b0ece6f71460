/* The one-line editor, the multi-line note editor, forms, and the
 * external editor. Text is edited as wide characters so that cursor
 * movement and widths follow what the terminal shows. */
#include <config.h>

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "i18n.h"
#include "text.h"
#include "ui_edit.h"

#define F(k) (KEYS_FUNC | (k))

/* ---- one line ---------------------------------------------------------- */

static void line_reserve(struct ui_line *l, size_t need)
{
    if (need + 1 <= l->cap)
        return;
    size_t cap = l->cap ? l->cap : 32;
    while (cap < need + 1)
        cap *= 2;
    wchar_t *p = realloc(l->text, cap * sizeof *p);
    if (!p)
        abort();
    l->text = p;
    l->cap = cap;
}

static void line_insert(struct ui_line *l, const wchar_t *s, size_t n)
{
    line_reserve(l, l->len + n);
    memmove(l->text + l->cur + n, l->text + l->cur,
            (l->len - l->cur) * sizeof *s);
    memcpy(l->text + l->cur, s, n * sizeof *s);
    l->len += n;
    l->cur += n;
    l->text[l->len] = L'\0';
}

static void line_delete(struct ui_line *l, size_t from, size_t to)
{
    if (to <= from)
        return;
    memmove(l->text + from, l->text + to, (l->len - to) * sizeof *l->text);
    l->len -= to - from;
    l->text[l->len] = L'\0';
    if (l->cur > to)
        l->cur -= to - from;
    else if (l->cur > from)
        l->cur = from;
}

void ui_line_init(struct ui_line *l, const char *utf8)
{
    memset(l, 0, sizeof *l);
    line_reserve(l, 0);
    l->text[0] = L'\0';
    if (!utf8)
        return;
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    const char *p = utf8;
    size_t left = strlen(utf8);
    while (left > 0) {
        wchar_t wc;
        size_t n = mbrtowc(&wc, p, left, &ps);
        if (n == (size_t)-1 || n == (size_t)-2) {
            wc = 0xfffd;
            n = 1;
            memset(&ps, 0, sizeof ps);
        }
        if (n == 0)
            break;
        line_insert(l, &wc, 1);
        p += n;
        left -= n;
    }
}

void ui_line_free(struct ui_line *l)
{
    free(l->text);
    memset(l, 0, sizeof *l);
}

char *ui_line_text(const struct ui_line *l)
{
    size_t size = l->len * MB_CUR_MAX + 1;
    char *out = malloc(size);
    if (!out)
        abort();
    size_t used = 0;
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    for (size_t i = 0; i < l->len; i++) {
        size_t n = wcrtomb(out + used, l->text[i], &ps);
        if (n != (size_t)-1)
            used += n;
    }
    out[used] = '\0';
    return out;
}

/* Characters that would move the cursor or reorder text are refused,
 * so that what is typed is what is stored. */
static bool typable(int key)
{
    if (key < ' ' || (key & KEYS_FUNC) || key == 0x7f)
        return false;
    if (key >= 0x80 && key < 0xa0)
        return false;
    if ((key >= 0x202a && key <= 0x202e) || (key >= 0x2066 && key <= 0x2069))
        return false;
    return wcwidth((wchar_t)key) >= 0;
}

static bool zero_width(wchar_t wc)
{
    return wcwidth(wc) == 0;
}

bool ui_line_key(struct ui_line *l, int key)
{
    switch (key) {
    case F(KEY_LEFT):
    case KEYS_CTRL('b'):
        while (l->cur > 0) {
            l->cur--;
            if (!zero_width(l->text[l->cur]))
                break;
        }
        return true;
    case F(KEY_RIGHT):
    case KEYS_CTRL('f'):
        if (l->cur < l->len)
            l->cur++;
        while (l->cur < l->len && zero_width(l->text[l->cur]))
            l->cur++;
        return true;
    case F(KEY_HOME):
    case KEYS_CTRL('a'):
        l->cur = 0;
        return true;
    case F(KEY_END):
    case KEYS_CTRL('e'):
        l->cur = l->len;
        return true;
    case KEYS_CTRL('u'):
        line_delete(l, 0, l->cur);
        return true;
    case KEYS_CTRL('k'):
        line_delete(l, l->cur, l->len);
        return true;
    case KEYS_CTRL('w'): {
        size_t from = l->cur;
        while (from > 0 && iswspace((wint_t)l->text[from - 1]))
            from--;
        while (from > 0 && !iswspace((wint_t)l->text[from - 1]))
            from--;
        line_delete(l, from, l->cur);
        return true;
    }
    case F(KEY_BACKSPACE):
    case 0x7f:
    case KEYS_CTRL('h'):
        if (l->cur > 0)
            line_delete(l, l->cur - 1, l->cur);
        return true;
    case F(KEY_DC):
    case KEYS_CTRL('d'): {
        size_t to = l->cur < l->len ? l->cur + 1 : l->cur;
        while (to < l->len && zero_width(l->text[to]))
            to++;
        line_delete(l, l->cur, to);
        return true;
    }
    default:
        if (!typable(key))
            return false;
        wchar_t wc = (wchar_t)key;
        line_insert(l, &wc, 1);
        return true;
    }
}

static int span_width(const wchar_t *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++) {
        int c = wcwidth(s[i]);
        w += c > 0 ? c : 0;
    }
    return w;
}

void ui_line_draw(struct ui_line *l, int y, int x, int cols, int attr,
                  bool focus)
{
    if (cols <= 0)
        return;
    if (l->scroll > l->cur)
        l->scroll = l->cur;
    while (l->scroll < l->cur
           && span_width(l->text + l->scroll, l->cur - l->scroll) > cols - 1)
        l->scroll++;
    /* Draw what fits from scroll on. */
    size_t end = l->scroll;
    int w = 0;
    while (end < l->len) {
        int c = wcwidth(l->text[end]);
        if (c < 0)
            c = 0;
        if (w + c > cols)
            break;
        w += c;
        end++;
    }
    struct ui_line part = { l->text + l->scroll, end - l->scroll, 0, 0, 0 };
    char *text = ui_line_text(&part);
    ui_put(y, x, cols, text, attr);
    free(text);
    if (focus)
        move(y, x + span_width(l->text + l->scroll, l->cur - l->scroll));
}

/* ---- the multi-line editor --------------------------------------------- */

struct editor {
    struct ui_line *lines;
    size_t count, cap;
    size_t row;        /* cursor line */
    size_t top;        /* first line shown */
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

static void editor_draw(struct ui *ui, struct editor *e, const char *title,
                        const char *const *choices, size_t choice)
{
    erase();
    int height = LINES - 2;
    if (height < 1)
        height = 1;
    if (e->row < e->top)
        e->top = e->row;
    if (e->row >= e->top + (size_t)height)
        e->top = e->row - (size_t)height + 1;
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
    for (int i = 0; i < height && e->top + (size_t)i < e->count; i++)
        ui_line_draw(&e->lines[e->top + (size_t)i], 1 + i, 0, COLS, 0,
                     false);
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
    struct ui_line *cur = &e->lines[e->row];
    ui_line_draw(cur, 1 + (int)(e->row - e->top), 0, COLS, 0, true);
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
            struct ui_line rest = { l->text + l->cur, l->len - l->cur, 0, 0, 0 };
            char *tail = ui_line_text(&rest);
            l->len = l->cur;
            l->text[l->len] = L'\0';
            editor_insert_line(&e, e.row + 1, tail);
            free(tail);
            e.row++;
            e.lines[e.row].cur = 0;
            continue;
        }
        if (key == F(KEY_UP) || key == F(KEY_DOWN) || key == F(KEY_PPAGE)
            || key == F(KEY_NPAGE)) {
            size_t col = l->cur;
            size_t step = key == F(KEY_PPAGE) || key == F(KEY_NPAGE)
                              ? (size_t)(LINES > 4 ? LINES - 3 : 1) : 1;
            if (key == F(KEY_UP) || key == F(KEY_PPAGE))
                e.row = e.row > step ? e.row - step : 0;
            else
                e.row = e.row + step < e.count ? e.row + step : e.count - 1;
            struct ui_line *to = &e.lines[e.row];
            to->cur = col < to->len ? col : to->len;
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
            line_insert(prev, tmp.text, tmp.len);
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
            line_insert(l, next->text, next->len);
            l->cur = at;
            editor_remove_line(&e, e.row + 1);
            continue;
        }
        if (key == '\t') {
            line_insert(l, L"    ", 4);
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
    return saved;
}

/* ---- the external editor ------------------------------------------------ */

/* Reads no more than max bytes (*len says how many): the caller
 * refuses longer text, which would otherwise cost its whole size in
 * memory. */
static char *read_at_most(int fd, size_t max, size_t *len)
{
    size_t size = 0, cap = 4096;
    char *buf = malloc(cap);
    if (!buf)
        abort();
    while (size < max) {
        if (size + 1024 > cap) {
            cap *= 2;
            char *p = realloc(buf, cap);
            if (!p)
                abort();
            buf = p;
        }
        size_t room = cap - size - 1;
        ssize_t n = read(fd, buf + size, room < max - size ? room : max - size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        size += (size_t)n;
    }
    buf[size] = '\0';
    *len = size;
    return buf;
}

bool ui_editor_external(struct ui *ui, const char *initial, size_t max,
                        char **out)
{
    const char *editor = getenv("VISUAL");
    if (!editor || !*editor)
        editor = getenv("EDITOR");
    if ((!editor || !*editor) && ui->app->cfg.editor && *ui->app->cfg.editor)
        editor = ui->app->cfg.editor;
    if (!editor || !*editor)
        editor = "vi";
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/rapport-note-XXXXXX.txt",
             tmp && *tmp ? tmp : "/tmp");
    /* mkstemps creates the file 0600: the note stays private. */
    int fd = mkstemps(path, 4);
    if (fd < 0) {
        ui_message(ui, true, _("Cannot create a temporary file in %s: %s"),
                   tmp && *tmp ? tmp : "/tmp", strerror(errno));
        return false;
    }
    if (initial && *initial) {
        size_t len = strlen(initial);
        if (write(fd, initial, len) != (ssize_t)len) {
            ui_message(ui, true, _("Cannot write %s: %s"), path,
                       strerror(errno));
            close(fd);
            unlink(path);
            return false;
        }
    }
    close(fd);
    def_prog_mode();
    endwin();
    pid_t pid = fork();
    if (pid == 0) {
        /* The shell splits "$EDITOR" the way people expect ("emacs -nw"). */
        setenv("RAPPORT_EDITOR", editor, 1);
        execl("/bin/sh", "sh", "-c", "exec $RAPPORT_EDITOR \"$1\"", "sh",
              path, (char *)NULL);
        _exit(127);
    }
    int status = -1;
    if (pid > 0) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    }
    reset_prog_mode();
    refresh();
    bool ok = pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    char *text = NULL;
    size_t len = 0;
    if (ok) {
        fd = open(path, O_RDONLY);
        if (fd >= 0) {
            text = read_at_most(fd, max + 1, &len);
            close(fd);
        }
    }
    if (text && len > max) {
        /* Too long to store: the file stays, so nothing written is lost. */
        free(text);
        ui_message(ui, true,
                   _("Not stored (over %zu KiB); the text is kept in %s"),
                   max / 1024, path);
        return false;
    }
    unlink(path);
    if (!ok || !text) {
        free(text);
        ui_message(ui, true, _("The editor (%s) failed; nothing was stored."),
                   editor);
        return false;
    }
    *out = text;
    return true;
}

/* ---- forms -------------------------------------------------------------- */

bool ui_form(struct ui *ui, const char *title, struct ui_field *fields,
             size_t count)
{
    struct ui_line *lines = calloc(count, sizeof *lines);
    if (!lines)
        abort();
    int label_w = 0;
    for (size_t i = 0; i < count; i++) {
        ui_line_init(&lines[i], fields[i].value);
        lines[i].cur = lines[i].len;
        int w = text_width(fields[i].label);
        if (w > label_w)
            label_w = w;
    }
    size_t at = 0;
    bool saved = false;
    curs_set(1);
    for (;;) {
        erase();
        int lw = label_w + 2 < COLS / 2 ? label_w + 2 : COLS / 2;
        ui_put(0, 0, COLS, title, ui->attr[UI_TITLE]);
        int height = LINES - 3;
        size_t first = at >= (size_t)height && height > 0
                           ? at - (size_t)height + 1 : 0;
        for (size_t i = first; i < count && (int)(i - first) < height; i++) {
            int y = 2 + (int)(i - first);
            ui_put(y, 0, lw, fields[i].label,
                   i == at ? ui->attr[UI_HEADER] : 0);
            ui_line_draw(&lines[i], y, lw, COLS - lw,
                         i == at ? (int)A_UNDERLINE : 0, false);
        }
        char next[32], prev[32], save[32], cancel[32], footer[256];
        keys_first_name(&ui->keys, ACT_NEXT_FIELD, next, sizeof next);
        keys_first_name(&ui->keys, ACT_PREV_FIELD, prev, sizeof prev);
        keys_first_name(&ui->keys, ACT_SAVE, save, sizeof save);
        keys_first_name(&ui->keys, ACT_CANCEL, cancel, sizeof cancel);
        /* TRANSLATORS: the keys to the next and previous field, to save
         * and to cancel. */
        snprintf(footer, sizeof footer,
                 _("%s/%s move  %s or Enter on the last field saves  %s cancels"),
                 next, prev, save, cancel);
        ui_put(LINES - 1, 0, COLS, footer, ui->attr[UI_STATUS]);
        /* Why the last save failed stays in view while fixing it. */
        if (ui->message[0])
            ui_put(LINES - 2, 0, COLS, ui->message,
                   ui->message_error ? ui->attr[UI_ERROR] : 0);
        int y = 2 + (int)(at - first);
        ui_line_draw(&lines[at], y, lw, COLS - lw, (int)A_UNDERLINE, true);
        refresh();
        int key = ui_getkey(ui, 500);
        if (ui_stopping())
            break;
        if (key == KEYS_NONE || key == KEYS_RESIZE)
            continue;
        ui->message[0] = '\0';
        if (keys_bound(&ui->keys, ACT_SAVE, key) || (key == KEYS_ENTER && at + 1 == count)) {
            saved = true;
            break;
        }
        if (keys_bound(&ui->keys, ACT_NEXT_FIELD, key) || key == KEYS_ENTER) {
            at = (at + 1) % count;
            continue;
        }
        if (keys_bound(&ui->keys, ACT_PREV_FIELD, key)) {
            at = (at + count - 1) % count;
            continue;
        }
        if (keys_bound(&ui->keys, ACT_CANCEL, key)) {
            bool changed = false;
            for (size_t i = 0; i < count && !changed; i++) {
                char *now = ui_line_text(&lines[i]);
                changed = strcmp(now, fields[i].value ? fields[i].value : "");
                free(now);
            }
            if (!changed || ui_confirm(ui, _("Discard what you typed?")))
                break;
            curs_set(1);
            continue;
        }
        ui_line_key(&lines[at], key);
    }
    curs_set(0);
    for (size_t i = 0; i < count; i++) {
        if (saved) {
            free(fields[i].value);
            fields[i].value = ui_line_text(&lines[i]);
        }
        ui_line_free(&lines[i]);
    }
    free(lines);
    return saved;
}
