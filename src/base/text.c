/* UTF-8 text on its way to the terminal: making stored text safe to
 * show (no control characters, escape sequences or bidirectional
 * overrides reach the terminal), measuring it in display columns,
 * fitting, padding and wrapping it, and folding it for matching.
 *
 * Decoding is done here, by hand and strictly (no overlong forms, no
 * surrogates), so that what counts as "invalid" does not depend on the
 * locale; widths do depend on it (wcwidth), and the program sets the
 * locale once at start. */
#include <config.h>

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "base/text.h"

#define REPLACEMENT 0xFFFDu

/* Decodes one character at s. Returns its length in bytes (0 at the
 * end), and *cp; an invalid sequence gives length 1 and *cp = -1. */
static size_t decode(const char *str, int32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (s[0] == 0) {
        *cp = 0;
        return 0;
    }
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t len;
    int32_t value, min;
    if ((s[0] & 0xE0) == 0xC0) {
        len = 2; value = s[0] & 0x1F; min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        len = 3; value = s[0] & 0x0F; min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        len = 4; value = s[0] & 0x07; min = 0x10000;
    } else {
        *cp = -1;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        value = (value << 6) | (s[i] & 0x3F);
    }
    if (value < min || value > 0x10FFFF
        || (value >= 0xD800 && value <= 0xDFFF)) {
        *cp = -1;
        return 1;
    }
    *cp = value;
    return len;
}

static size_t encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A growing string; out of memory aborts, as text.h promises callers a
 * result they need not check. */
struct buf {
    char *data;
    size_t len;
    size_t cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 32;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *data = realloc(b->data, cap);
        if (!data)
            abort();
        b->data = data;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static char *buf_finish(struct buf *b)
{
    if (!b->data)
        buf_add(b, "", 0);
    return b->data;
}

/* The bidirectional embeddings, overrides and isolates: shown raw, they
 * let a name reorder the text that follows it on the screen. */
static bool is_bidi_control(int32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* What a sanitising pass lets through as it is, beyond printable text. */
enum keep {
    KEEP_LINE,     /* nothing: one line of a table or a message */
    KEEP_LINES,    /* line feeds (a note's body) */
    KEEP_STREAM,   /* line feeds, tabs and CR LF (a machine-readable file) */
};

/* Appends what a terminal may be shown for the len bytes at s (which
 * may hold NUL bytes): see text_sanitize(). */
static void sanitize_span(struct buf *b, const char *s, size_t len,
                          enum keep keep)
{
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        size_t n = s[i] ? decode(s + i, &cp) : (cp = 0, 1);
        char tmp[16];
        if (cp < 0) {
            buf_add(b, tmp, encode(REPLACEMENT, tmp));
        } else if (cp == '\n' && keep != KEEP_LINE) {
            buf_add(b, "\n", 1);
        } else if (cp == '\t') {
            buf_add(b, keep == KEEP_STREAM ? "\t" : " ", 1);
        } else if (cp == '\r' && keep == KEEP_STREAM && i + 1 < len
                   && s[i + 1] == '\n') {
            buf_add(b, "\r", 1);   /* CR LF ends a line of CSV or vCard */
        } else if (cp < 0x20) {
            tmp[0] = '^';
            tmp[1] = (char)(cp + 0x40);
            buf_add(b, tmp, 2);
        } else if (cp == 0x7F) {
            buf_add(b, "^?", 2);
        } else if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) {
            int w = snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)cp);
            buf_add(b, tmp, (size_t)w);
        } else {
            buf_add(b, s + i, n);
        }
        i += n;
    }
}

char *text_sanitize(const char *s, bool keep_newlines)
{
    struct buf b = { 0 };
    if (s)
        sanitize_span(&b, s, strlen(s), keep_newlines ? KEEP_LINES : KEEP_LINE);
    return buf_finish(&b);
}

/* C0 controls but tab, LF and CR; DEL; C1 controls. */
static bool is_control(int32_t cp, bool allow_breaks)
{
    if (allow_breaks && (cp == '\t' || cp == '\n' || cp == '\r'))
        return false;
    return (cp >= 0 && cp < 0x20) || (cp >= 0x7F && cp <= 0x9F);
}

bool text_find_control(const char *s, bool allow_breaks, char *buf,
                       size_t size)
{
    if (!s)
        return false;
    int32_t cp;
    size_t n;
    while ((n = decode(s, &cp)) > 0) {
        if (is_control(cp, allow_breaks)) {
            if (buf && size > 0) {
                char one[5] = { 0 };
                memcpy(one, s, n);
                text_sanitize_into(one, buf, size);
            }
            return true;
        }
        s += n;
    }
    return false;
}

size_t text_drop_controls(char *s, bool multi_line)
{
    if (!s)
        return 0;
    char *w = s;
    const char *r = s;
    size_t dropped = 0, n;
    int32_t cp;
    while ((n = decode(r, &cp)) > 0) {
        if (cp == '\t' && !multi_line) {
            *w++ = ' ';   /* a tab on one line was a gap between words */
            dropped++;
        } else if (is_control(cp, true)) {
            dropped++;
        } else {
            memmove(w, r, n);
            w += n;
        }
        r += n;
    }
    *w = '\0';
    return dropped;
}

/* ---- a sanitising stream -------------------------------------------------- */

struct terminal_stream {
    FILE *out;
    /* The start of a character, or a CR, that the end of one write cut
     * off from what follows it in the next. */
    char held[4];
    size_t nheld;
};

/* How many bytes at the end of s[0..len) to hold back: an incomplete
 * UTF-8 sequence, or a CR whose LF may come next. */
static size_t held_tail(const char *s, size_t len)
{
    for (size_t back = 1; back <= 3 && back <= len; back++) {
        unsigned char c = (unsigned char)s[len - back];
        if ((c & 0xC0) == 0x80)
            continue;   /* a continuation byte: look further back */
        size_t need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                      : (c & 0xF8) == 0xF0 ? 4 : 1;
        if (need > back)
            return back;
        break;
    }
    return len > 0 && s[len - 1] == '\r' ? 1 : 0;
}

static ssize_t terminal_write(void *cookie, const char *data, size_t size)
{
    struct terminal_stream *t = cookie;
    struct buf in = { 0 }, safe = { 0 };
    buf_add(&in, t->held, t->nheld);
    buf_add(&in, data, size);
    size_t keep = held_tail(in.data, in.len);
    memcpy(t->held, in.data + in.len - keep, keep);
    t->nheld = keep;
    sanitize_span(&safe, in.data, in.len - keep, KEEP_STREAM);
    size_t wrote = safe.len ? fwrite(safe.data, 1, safe.len, t->out) : 0;
    bool failed = wrote != safe.len;
    free(in.data);
    free(safe.data);
    return failed ? -1 : (ssize_t)size;
}

static int terminal_close(void *cookie)
{
    struct terminal_stream *t = cookie;
    char tail[sizeof t->held + 1] = { 0 };
    memcpy(tail, t->held, t->nheld);
    struct buf safe = { 0 };
    sanitize_span(&safe, tail, t->nheld, KEEP_STREAM);
    bool failed = safe.len && fwrite(safe.data, 1, safe.len, t->out) != safe.len;
    free(safe.data);
    failed = fflush(t->out) != 0 || failed;
    free(t);
    return failed ? EOF : 0;
}

FILE *text_terminal_stream(FILE *out)
{
    struct terminal_stream *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->out = out;
    cookie_io_functions_t io = { .write = terminal_write,
                                 .close = terminal_close };
    FILE *f = fopencookie(t, "w", io);
    if (!f)
        free(t);
    return f;
}

void text_sanitize_into(const char *s, char *buf, size_t size)
{
    if (size == 0)
        return;
    char *safe = text_sanitize(s, false);
    size_t keep = 0, n;
    int32_t cp;
    while ((n = decode(safe + keep, &cp)) > 0 && keep + n < size)
        keep += n;
    memcpy(buf, safe, keep);
    buf[keep] = '\0';
    free(safe);
}

bool text_is_utf8(const char *s)
{
    if (!s)
        return false;
    int32_t cp;
    size_t n;
    while ((n = decode(s, &cp)) > 0) {
        if (cp < 0)
            return false;
        s += n;
    }
    return true;
}

/* Columns of the character at s, and its length in *len. Something
 * wcwidth cannot measure (an invalid byte, a non-printable character
 * that escaped sanitising) counts as one column: it will show as one
 * placeholder glyph. */
static int char_width(const char *s, size_t *len)
{
    mbstate_t state;
    memset(&state, 0, sizeof state);
    wchar_t wc;
    size_t n = mbrtowc(&wc, s, MB_CUR_MAX, &state);
    if (n == 0) {
        *len = 0;
        return 0;
    }
    if (n == (size_t)-1 || n == (size_t)-2) {
        int32_t cp;
        size_t m = decode(s, &cp);
        *len = m ? m : 1;
        return 1;
    }
    *len = n;
    int w = wcwidth(wc);
    return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
    if (!s)
        return 0;
    int total = 0;
    size_t len;
    while (*s) {
        total += char_width(s, &len);
        s += len;
    }
    return total;
}

/* Zero-width characters (combining marks) stay with the character they
 * follow, so a cut never strips an accent from its letter. */
/* The length of the placeholder text_sanitize() writes for one
 * character ("^[", "<U+202E>") at s, or 0. A cut keeps it whole, so a
 * shortened name never shows half of one. */
static size_t placeholder_len(const char *s)
{
    if (s[0] == '^' && s[1] >= '?' && s[1] <= '_')
        return 2;
    if (strncmp(s, "<U+", 3) != 0)
        return 0;
    size_t n = 3;
    while (n < 9 && isxdigit((unsigned char)s[n]))
        n++;
    return n >= 7 && s[n] == '>' ? n + 1 : 0;
}

size_t text_fit(const char *s, int cols)
{
    if (!s)
        return 0;
    size_t used = 0, len;
    int width = 0;
    while (s[used]) {
        int w;
        if ((len = placeholder_len(s + used)) > 0)
            w = (int)len;
        else
            w = char_width(s + used, &len);
        if (width + w > cols)
            break;
        width += w;
        used += len;
    }
    return used;
}

/* Appends at most what fits in size (with the terminating NUL), never
 * half a character. */
static size_t put_fitting(char *buf, size_t size, size_t at, const char *s,
                          size_t n)
{
    if (at + n + 1 > size) {
        size_t room = size - at - 1;
        size_t keep = 0, m;
        int32_t cp;
        while (keep < n && (m = decode(s + keep, &cp)) > 0 && keep + m <= room)
            keep += m;
        n = keep;
    }
    memcpy(buf + at, s, n);
    buf[at + n] = '\0';
    return at + n;
}

void text_pad(const char *s, int cols, char *buf, size_t size)
{
    if (size == 0)
        return;
    buf[0] = '\0';
    if (!s)
        s = "";
    if (cols <= 0)
        return;
    size_t at = 0;
    int width = text_width(s);
    if (width <= cols) {
        at = put_fitting(buf, size, at, s, strlen(s));
    } else {
        /* an ellipsis needs a UTF-8 terminal; elsewhere a full stop
         * says the same */
        const char *more = MB_CUR_MAX > 1 ? "\u2026" : ".";
        size_t n = text_fit(s, cols - 1);
        at = put_fitting(buf, size, at, s, n);
        char *cut = strndup(s, n);
        width = (cut ? text_width(cut) : 0) + 1;
        free(cut);
        at = put_fitting(buf, size, at, more, strlen(more));
    }
    while (width < cols && at + 1 < size) {
        buf[at++] = ' ';
        buf[at] = '\0';
        width++;
    }
}

/* Lower-case ASCII for the letters of Latin-1 Supplement and Latin
 * Extended-A, so "Ødegård", "Łukasz" and "Straße" match what people
 * type on any keyboard. Ranges, lowest first; a gap keeps its
 * character (× and ÷). */
static const struct fold_range {
    uint16_t first, last;
    const char *ascii;
} fold_table[] = {
    { 0x00C0, 0x00C5, "a" },  { 0x00C6, 0x00C6, "ae" }, { 0x00C7, 0x00C7, "c" },
    { 0x00C8, 0x00CB, "e" },  { 0x00CC, 0x00CF, "i" },  { 0x00D0, 0x00D0, "d" },
    { 0x00D1, 0x00D1, "n" },  { 0x00D2, 0x00D6, "o" },  { 0x00D8, 0x00D8, "o" },
    { 0x00D9, 0x00DC, "u" },  { 0x00DD, 0x00DD, "y" },  { 0x00DE, 0x00DE, "th" },
    { 0x00DF, 0x00DF, "ss" }, { 0x00E0, 0x00E5, "a" },  { 0x00E6, 0x00E6, "ae" },
    { 0x00E7, 0x00E7, "c" },  { 0x00E8, 0x00EB, "e" },  { 0x00EC, 0x00EF, "i" },
    { 0x00F0, 0x00F0, "d" },  { 0x00F1, 0x00F1, "n" },  { 0x00F2, 0x00F6, "o" },
    { 0x00F8, 0x00F8, "o" },  { 0x00F9, 0x00FC, "u" },  { 0x00FD, 0x00FD, "y" },
    { 0x00FE, 0x00FE, "th" }, { 0x00FF, 0x00FF, "y" },
    { 0x0100, 0x0105, "a" },  { 0x0106, 0x010D, "c" },  { 0x010E, 0x0111, "d" },
    { 0x0112, 0x011B, "e" },  { 0x011C, 0x0123, "g" },  { 0x0124, 0x0127, "h" },
    { 0x0128, 0x0131, "i" },  { 0x0132, 0x0133, "ij" }, { 0x0134, 0x0135, "j" },
    { 0x0136, 0x0138, "k" },  { 0x0139, 0x0142, "l" },  { 0x0143, 0x014B, "n" },
    { 0x014C, 0x0151, "o" },  { 0x0152, 0x0153, "oe" }, { 0x0154, 0x0159, "r" },
    { 0x015A, 0x0161, "s" },  { 0x0162, 0x0167, "t" },  { 0x0168, 0x0173, "u" },
    { 0x0174, 0x0175, "w" },  { 0x0176, 0x0178, "y" },  { 0x0179, 0x017E, "z" },
    { 0x017F, 0x017F, "s" },
};

static const char *fold_latin(int32_t cp)
{
    size_t lo = 0, hi = sizeof fold_table / sizeof fold_table[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < fold_table[mid].first)
            hi = mid;
        else if (cp > fold_table[mid].last)
            lo = mid + 1;
        else
            return fold_table[mid].ascii;
    }
    return NULL;
}

char *text_fold(const char *s)
{
    struct buf b = { 0 };
    if (!s)
        return buf_finish(&b);
    int32_t cp;
    size_t n;
    while ((n = decode(s, &cp)) > 0) {
        s += n;
        char tmp[4];
        if (cp < 0) {
            buf_add(&b, tmp, encode(REPLACEMENT, tmp));
            continue;
        }
        if (cp >= 0x0300 && cp <= 0x036F)
            continue;   /* combining accents: "e\u0301" folds like "é" */
        const char *ascii = fold_latin(cp);
        if (ascii) {
            buf_add(&b, ascii, strlen(ascii));
            continue;
        }
        uint32_t lower = cp < 0x80 ? (uint32_t)((cp >= 'A' && cp <= 'Z')
                                                ? cp + 32 : cp)
                                   : (uint32_t)towlower((wint_t)cp);
        buf_add(&b, tmp, encode(lower, tmp));
    }
    return buf_finish(&b);
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'
           || c == '\f';
}

void text_unify_breaks(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (*r == '\r') {
            *w++ = '\n';
            if (r[1] == '\n')
                r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

char *text_trim(char *s)
{
    if (!s)
        return s;
    size_t start = 0, len = strlen(s);
    while (start < len && is_blank(s[start]))
        start++;
    while (len > start && is_blank(s[len - 1]))
        len--;
    memmove(s, s + start, len - start);
    s[len - start] = '\0';
    return s;
}

struct lines {
    char **items;
    size_t len;
    size_t cap;
};

static void lines_add(struct lines *l, const char *s, size_t n)
{
    if (l->len + 2 > l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        char **items = realloc(l->items, cap * sizeof *items);
        if (!items)
            abort();
        l->items = items;
        l->cap = cap;
    }
    char *line = strndup(s, n);
    if (!line)
        abort();
    l->items[l->len++] = line;
    l->items[l->len] = NULL;
}

/* Wraps one paragraph (no '\n') greedily: words move to the next line
 * whole, spaces at a break are dropped, and a word wider than a line is
 * cut at character boundaries. */
static void wrap_paragraph(struct lines *out, const char *p, size_t size,
                           int cols)
{
    struct buf line = { 0 };
    int width = 0;
    size_t i = 0, before = out->len;
    buf_add(&line, "", 0);
    while (i < size) {
        size_t spaces = 0;
        while (i + spaces < size && p[i + spaces] == ' ')
            spaces++;
        size_t word = i + spaces, end = word;
        while (end < size && p[end] != ' ')
            end++;
        if (end == word)
            break;   /* trailing spaces */
        char *w = strndup(p + word, end - word);
        if (!w)
            abort();
        int ww = text_width(w);
        if (line.len > 0 && width + (int)spaces + ww <= cols) {
            buf_add(&line, p + i, end - i);
            width += (int)spaces + ww;
        } else {
            if (line.len > 0) {
                lines_add(out, line.data, line.len);
                line.len = 0;
                line.data[0] = '\0';
                width = 0;
            } else if ((int)spaces + ww <= cols) {
                /* indentation at the start of a paragraph stays */
                buf_add(&line, p + i, spaces);
                width = (int)spaces;
            }
            const char *rest = w;
            while (ww > cols) {
                size_t n = text_fit(rest, cols);
                if (n == 0) {   /* a wide character in a 1-column line */
                    int32_t cp;
                    n = decode(rest, &cp);
                }
                lines_add(out, rest, n);
                rest += n;
                ww = text_width(rest);
            }
            buf_add(&line, rest, strlen(rest));
            width += ww;
        }
        free(w);
        i = end;
    }
    /* the paragraph's last line, unless a split word already ended it */
    if (line.len > 0 || out->len == before)
        lines_add(out, line.data, line.len);
    free(line.data);
}

char **text_wrap(const char *s, int cols)
{
    struct lines out = { 0 };
    if (cols < 1)
        cols = 1;
    if (!s)
        s = "";
    size_t len = strlen(s);
    /* a final newline ends the last line; it does not start another */
    if (len > 0 && s[len - 1] == '\n')
        len--;
    size_t start = 0;
    while (len > 0 && start <= len) {
        const char *nl = memchr(s + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - s) : len;
        wrap_paragraph(&out, s + start, end - start, cols);
        start = end + 1;
    }
    if (!out.items) {
        out.items = calloc(1, sizeof *out.items);
        if (!out.items)
            abort();
    }
    return out.items;
}

void text_free_lines(char **lines)
{
    if (!lines)
        return;
    for (char **l = lines; *l; l++)
        free(*l);
    free(lines);
}

bool text_same(const char *a, const char *b)
{
    return (!a || !*a) ? (!b || !*b) : (b && strcmp(a, b) == 0);
}
