/* The one-line editor: a line of wide characters with a cursor and a
 * horizontal scroll, the editing keys, and drawing it in its columns.
 * Characters that would move the cursor or reorder text cannot be typed.
 * A paste is typed as one line. Uses tui/draw.h, tui/input.h and
 * tui/keys.h. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "tui/draw.h"
#include "tui/input.h"
#include "tui/keys.h"
#include "tui/line.h"

#define F(k) (KEYS_FUNC | (k))

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

void ui_line_insert(struct ui_line *l, const wchar_t *s, size_t n)
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

static bool unicode_scalar(wchar_t wc)
{
    return wc >= 0 && wc <= 0x10ffff && !(wc >= 0xd800 && wc <= 0xdfff);
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
        } else if (!unicode_scalar(wc)) {
            /* glibc decodes the old five- and six-byte forms, and
             * surrogates, which no UTF-8 text may hold: written back,
             * they would store bytes that are not UTF-8. */
            wc = 0xfffd;
        }
        if (n == 0)
            break;
        ui_line_insert(l, &wc, 1);
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
        if (!unicode_scalar(l->text[i]))
            continue;
        size_t n = wcrtomb(out + used, l->text[i], &ps);
        if (n != (size_t)-1)
            used += n;
    }
    out[used] = '\0';
    return out;
}

/* Characters that would move the cursor or reorder text are refused,
 * so that what is typed is what is stored. */
bool ui_line_typable(int key)
{
    if (key < ' ' || (key & KEYS_FUNC) || key == 0x7f)
        return false;
    if (key >= 0x80 && key < 0xa0)
        return false;
    if ((key >= 0x202a && key <= 0x202e) || (key >= 0x2066 && key <= 0x2069))
        return false;
    if (!unicode_scalar((wchar_t)key))
        return false;
    return wcwidth((wchar_t)key) >= 0;
}

static bool zero_width(wchar_t wc)
{
    return wcwidth(wc) == 0;
}

void ui_line_paste(struct ui_line *l, const wchar_t *p, size_t n)
{
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        wchar_t wc = p[i];
        if (wc == L'\n' || wc == L'\t') {
            space = true;
            continue;
        }
        if (!ui_line_typable((int)wc))
            continue;
        if (space && l->len > 0) {
            wchar_t sp = L' ';
            ui_line_insert(l, &sp, 1);
        }
        space = false;
        ui_line_insert(l, &wc, 1);
    }
}

bool ui_line_key(struct ui_line *l, int key)
{
    switch (key) {
    case KEYS_PASTE: {
        size_t n;
        const wchar_t *p = ui_paste(&n);
        ui_line_paste(l, p, n);
        return true;
    }
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
        if (!ui_line_typable(key))
            return false;
        wchar_t wc = (wchar_t)key;
        ui_line_insert(l, &wc, 1);
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
    /* Without focus a field shows the start of what it holds (a long
     * name or address is recognised by its beginning); the scroll that
     * follows the cursor is kept for when it has focus again. */
    size_t from = focus ? l->scroll : 0;
    /* Draw what fits from there on. */
    size_t end = from;
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
    struct ui_line part = { l->text + from, end - from, 0, 0, 0 };
    char *text = ui_line_text(&part);
    ui_put(y, x, cols, text, attr);
    free(text);
    if (focus)
        move(y, x + span_width(l->text + l->scroll, l->cur - l->scroll));
}

size_t ui_line_wrap(const wchar_t *s, size_t len, size_t from, int cols)
{
    size_t end = from;
    int w = 0;
    while (end < len) {
        int c = wcwidth(s[end]);
        if (c < 0)
            c = 0;
        /* A combining mark stays with its base; a double-width
         * character that does not fit goes to the next row whole. */
        if (c > 0 && w + c > cols && end > from)
            break;
        w += c;
        end++;
    }
    if (end >= len)
        return len;
    /* A space where the row is full ends it (drawn past the edge, as
     * nothing). */
    if (s[end] == L' ')
        return end + 1;
    /* Break after the last space of the row when there is one, so a
     * word is not cut in two; a row without a space is cut where it
     * is full. */
    for (size_t i = end; i > from; i--)
        if (s[i - 1] == L' ' && i - 1 > from)
            return i;
    return end;
}
