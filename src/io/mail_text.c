/* A mail's text made fit to keep (see io/mail.h): an HTML part made
 * readable, format=flowed paragraphs joined again (GMime has no filter
 * for it), and quoted replies left out. A library would be a whole
 * browser engine for what is, here, dropping tags and decoding a
 * character reference; the quoting conventions are mail programs'
 * habits, which no library knows. Uses base/, io/mail.h. */
#include <config.h>

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/mail.h"

/* ---- HTML --------------------------------------------------------------- */

struct out {
    char *buf;
    size_t len, cap;
    bool oom;
    bool space;   /* a blank is pending before the next word */
};

static void put_bytes(struct out *o, const char *s, size_t n)
{
    if (o->oom)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 256;
        while (o->len + n + 1 > cap)
            cap *= 2;
        char *grown = realloc(o->buf, cap);
        if (!grown) {
            o->oom = true;
            return;
        }
        o->buf = grown;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

/* A word's text: after a pending blank, unless a line begins. */
static void put_text(struct out *o, const char *s, size_t n)
{
    if (o->space && o->len > 0 && o->buf[o->len - 1] != '\n')
        put_bytes(o, " ", 1);
    o->space = false;
    put_bytes(o, s, n);
}

/* A line break (<br>), or with end_only the end of a block: a line
 * that is already over is not ended twice. */
static void put_break(struct out *o, bool end_only)
{
    o->space = false;
    if (!end_only || (o->len > 0 && o->buf[o->len - 1] != '\n'))
        put_bytes(o, "\n", 1);
}

static void put_codepoint(struct out *o, uint32_t c)
{
    char b[4];
    size_t n;
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = 0xFFFD;
    if (c < 0x80) {
        b[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        b[0] = (char)(0xC0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        b[0] = (char)(0xE0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (c >> 18));
        b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    put_text(o, b, n);
}

/* The named references mail writes most, the Latin letters of the
 * languages rapport speaks among them; others stay as they are. */
static const struct { const char *name; uint32_t c; } entities[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
    { "apos", '\'' }, { "nbsp", ' ' }, { "copy", 0xA9 }, { "reg", 0xAE },
    { "hellip", 0x2026 }, { "mdash", 0x2014 }, { "ndash", 0x2013 },
    { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201C },
    { "rdquo", 0x201D }, { "laquo", 0xAB }, { "raquo", 0xBB },
    { "euro", 0x20AC }, { "middot", 0xB7 }, { "bull", 0x2022 },
    { "auml", 0xE4 }, { "ouml", 0xF6 }, { "uuml", 0xFC }, { "Auml", 0xC4 },
    { "Ouml", 0xD6 }, { "Uuml", 0xDC }, { "szlig", 0xDF }, { "eacute", 0xE9 },
    { "egrave", 0xE8 }, { "ecirc", 0xEA }, { "agrave", 0xE0 },
    { "acirc", 0xE2 }, { "ccedil", 0xE7 }, { "ocirc", 0xF4 },
    { "icirc", 0xEE }, { "ucirc", 0xFB }, { "Eacute", 0xC9 },
    { "aacute", 0xE1 }, { "iacute", 0xED }, { "oacute", 0xF3 },
    { "uacute", 0xFA }, { "ntilde", 0xF1 }, { "Ntilde", 0xD1 },
    { "iexcl", 0xA1 }, { "iquest", 0xBF }, { "oslash", 0xF8 },
    { "Oslash", 0xD8 }, { "aring", 0xE5 }, { "Aring", 0xC5 },
    { "aelig", 0xE6 }, { "AElig", 0xC6 },
};

/* Decodes the reference at s ('&'); returns the bytes it took, 0 when it
 * is none (the '&' is then text). */
static size_t put_reference(struct out *o, const char *s)
{
    const char *p = s + 1;
    if (*p == '#') {
        p++;
        int base = 10;
        if (*p == 'x' || *p == 'X') {
            base = 16;
            p++;
        }
        uint32_t c = 0;
        const char *digits = p;
        while (base == 16 ? isxdigit((unsigned char)*p) : isdigit((unsigned char)*p)) {
            int d = isdigit((unsigned char)*p) ? *p - '0' : (tolower((unsigned char)*p) - 'a' + 10);
            if (c < 0x110000)
                c = c * (uint32_t)base + (uint32_t)d;
            p++;
        }
        if (p == digits)
            return 0;
        put_codepoint(o, c);
        return (size_t)(p - s) + (*p == ';');
    }
    size_t n = 0;
    while (isalnum((unsigned char)p[n]) && n < 10)
        n++;
    if (p[n] != ';')
        return 0;
    for (size_t i = 0; i < sizeof entities / sizeof entities[0]; i++) {
        if (strlen(entities[i].name) == n && strncmp(entities[i].name, p, n) == 0) {
            if (entities[i].c == ' ')
                o->space = true;
            else
                put_codepoint(o, entities[i].c);
            return n + 2;
        }
    }
    return 0;
}

/* Tags whose end is a line's end. */
static bool is_block(const char *name)
{
    static const char *const blocks[] = {
        "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
        "pre", "table", "ul", "ol", "hr", "dt", "dd", "address", "section",
        "article", "header", "footer",
    };
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        if (strcasecmp(name, blocks[i]) == 0)
            return true;
    return false;
}

/* Tags whose content is not text to keep: code and style, the head, and
 * a blockquote, which in a reply is the message replied to. */
static bool is_hidden(const char *name)
{
    return strcasecmp(name, "script") == 0 || strcasecmp(name, "style") == 0
           || strcasecmp(name, "head") == 0 || strcasecmp(name, "title") == 0
           || strcasecmp(name, "blockquote") == 0;
}

/* The end of the tag at s ('<'), quoted attribute values skipped. */
static const char *tag_end(const char *s)
{
    char quote = 0;
    for (const char *p = s + 1; *p; p++) {
        if (quote) {
            if (*p == quote)
                quote = 0;
        } else if (*p == '"' || *p == '\'') {
            quote = *p;
        } else if (*p == '>') {
            return p + 1;
        }
    }
    return s + strlen(s);
}

/* Reads the tag at s: its name into name, whether it closes. */
static void tag_name(const char *s, char *name, size_t size, bool *closing)
{
    const char *p = s + 1;
    *closing = *p == '/';
    if (*closing)
        p++;
    size_t n = 0;
    while (isalnum((unsigned char)*p) && n + 1 < size)
        name[n++] = *p++;
    name[n] = '\0';
}

/* Skips what a hidden element holds, nested ones of its kind included;
 * returns where its end tag ends. */
static const char *skip_hidden(const char *s, const char *name)
{
    int depth = 1;
    const char *p = s;
    while (*p) {
        if (*p != '<') {
            p++;
            continue;
        }
        char other[16];
        bool closing;
        tag_name(p, other, sizeof other, &closing);
        const char *end = tag_end(p);
        if (strcasecmp(other, name) == 0)
            depth += closing ? -1 : 1;
        p = end;
        if (depth == 0)
            break;
    }
    return p;
}

char *mail_text_from_html(const char *html)
{
    struct out o = { 0 };
    put_bytes(&o, "", 0);
    int pre = 0;
    const char *p = html;
    while (*p && !o.oom) {
        if (*p == '<') {
            if (strncmp(p, "<!--", 4) == 0) {
                const char *end = strstr(p + 4, "-->");
                p = end ? end + 3 : p + strlen(p);
                continue;
            }
            char name[16];
            bool closing;
            tag_name(p, name, sizeof name, &closing);
            const char *end = tag_end(p);
            if (!*name && !closing && p[1] != '!' && p[1] != '?') {
                put_text(&o, "<", 1);   /* a lone '<' in the text */
                p++;
                continue;
            }
            if (!closing && is_hidden(name)) {
                p = skip_hidden(end, name);
                continue;
            }
            if (strcasecmp(name, "pre") == 0)
                pre += closing ? (pre > 0 ? -1 : 0) : 1;
            if (is_block(name)) {
                put_break(&o, strcasecmp(name, "br") != 0);
                if (!closing && strcasecmp(name, "li") == 0)
                    put_text(&o, "- ", 2);
            } else if (strcasecmp(name, "td") == 0 || strcasecmp(name, "th") == 0) {
                o.space = true;
            }
            p = end;
        } else if (*p == '&') {
            size_t n = put_reference(&o, p);
            if (n == 0) {
                put_text(&o, "&", 1);
                n = 1;
            }
            p += n;
        } else if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            if (pre && *p == '\n')
                put_break(&o, false);
            else if (pre)
                put_bytes(&o, " ", 1);
            else
                o.space = true;
            p++;
        } else {
            size_t n = strcspn(p, "<& \t\r\n");
            put_text(&o, p, n);
            p += n;
        }
    }
    if (o.oom) {
        free(o.buf);
        return NULL;
    }
    mail_text_drop_quotes(o.buf);   /* only tidies: HTML quotes are gone */
    return o.buf;
}

/* ---- format=flowed -------------------------------------------------------- */

/* Lines only get shorter (quote marks written as they came, stuffing
 * and soft breaks removed), so the text is rewritten over itself. */
void mail_text_unflow(char *text, bool delsp)
{
    if (!text)
        return;
    const char *r = text;
    char *w = text;
    size_t open_depth = 0;   /* the depth of a paragraph still flowing */
    bool flowing = false;
    while (*r) {
        const char *nl = strchr(r, '\n');
        size_t len = nl ? (size_t)(nl - r) : strlen(r);
        size_t depth = 0;
        while (depth < len && r[depth] == '>')
            depth++;
        const char *content = r + depth;
        size_t n = len - depth;
        if (n > 0 && *content == ' ')
            content++, n--;
        bool signature = n == 3 && strncmp(content, "-- ", 3) == 0;
        bool soft = !signature && n > 0 && content[n - 1] == ' ';
        if (flowing && depth != open_depth) {
            *w++ = '\n';   /* a soft break before a change of depth is hard */
            flowing = false;
        }
        if (!flowing && depth > 0) {   /* the marks (and a space) as they came */
            memmove(w, r, (size_t)(content - r));
            w += content - r;
        }
        if (soft && delsp)
            n--;
        memmove(w, content, n);
        w += n;
        r += len;
        if (*r == '\n')
            r++;
        flowing = soft && *r;
        open_depth = depth;
        if (!flowing && (*r || nl))
            *w++ = '\n';
    }
    *w = '\0';
}

/* ---- quoted replies ------------------------------------------------------ */

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

static bool is_quote(const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    return n > 0 && *s == '>';
}

/* "On 3 Dec 2026, Zoë <zoe@…> wrote:", in the languages mail programs
 * write it in: a line that ends with a colon after one of these words. */
static bool is_attribution(const char *s, size_t n)
{
    static const char *const wrote[] = {
        "wrote", "writes", "schrieb", "a \xc3\xa9" "crit", "escribi\xc3\xb3",
        "skrev", "schreef", "scrisse", "escreveu", "napisa\xc5\x82", "kirjoitti",
    };
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n == 0 || s[n - 1] != ':')
        return false;
    for (size_t i = 0; i < sizeof wrote / sizeof wrote[0]; i++) {
        size_t w = strlen(wrote[i]);
        for (size_t at = 0; at + w <= n; at++)
            if (strncasecmp(s + at, wrote[i], w) == 0)
                return true;
    }
    return false;
}

/* "-----Original Message-----" and its German and French kin, after
 * which Outlook puts the whole message replied to. */
static bool is_original_marker(const char *s, size_t n)
{
    static const char *const marks[] = {
        "Original Message", "Urspr\xc3\xbcngliche Nachricht", "Message d'origine",
        "Mensaje original",
    };
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (n - i < 6 || strncmp(s + i, "-----", 5) != 0)
        return false;
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t w = strlen(marks[k]);
        for (size_t at = i; at + w <= n; at++)
            if (strncasecmp(s + at, marks[k], w) == 0)
                return true;
    }
    return false;
}

struct line {
    const char *s;
    size_t n;
    bool keep;
};

void mail_text_drop_quotes(char *text)
{
    if (!text)
        return;
    size_t count = 1;
    for (const char *p = text; *p; p++)
        count += *p == '\n';
    struct line *lines = calloc(count, sizeof *lines);
    if (!lines)
        return;   /* the text stays as it is: nothing lost */
    size_t n = 0;
    for (const char *p = text;;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        /* Trailing blanks go, but from the signature's "-- " line. */
        if (!(len == 3 && strncmp(p, "-- ", 3) == 0))
            while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\r'))
                len--;
        lines[n++] = (struct line){ p, len, true };
        if (!nl)
            break;
        p = nl + 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (is_original_marker(lines[i].s, lines[i].n)) {
            for (size_t k = i; k < n; k++)
                lines[k].keep = false;
            break;
        }
        if (is_quote(lines[i].s, lines[i].n))
            lines[i].keep = false;
    }
    /* An attribution goes with the quote after it (blank lines between),
     * or at the very end, where an HTML quote was dropped. A long one is
     * often wrapped over two lines: the second then begins with the rest
     * of an address or of the sentence, not with a capital. */
    for (size_t i = 0; i < n; i++) {
        if (!lines[i].keep || !is_attribution(lines[i].s, lines[i].n))
            continue;
        size_t next = i + 1;
        while (next < n && lines[next].keep && is_blank(lines[next].s, lines[next].n))
            next++;
        if (next < n && lines[next].keep)
            continue;
        lines[i].keep = false;
        const char *first = lines[i].s;
        while (*first == ' ' || *first == '\t')
            first++;
        if (i > 0 && lines[i - 1].keep && !is_blank(lines[i - 1].s, lines[i - 1].n)
            && !(*first >= 'A' && *first <= 'Z'))
            lines[i - 1].keep = false;
    }
    /* Writes the kept lines back: no blank lines at either end, at most
     * one in a row. */
    char *w = text;
    bool started = false;
    size_t blanks = 0;
    for (size_t i = 0; i < n; i++) {
        if (!lines[i].keep)
            continue;
        if (is_blank(lines[i].s, lines[i].n)) {
            blanks += started;
            continue;
        }
        if (started)
            *w++ = '\n';
        if (blanks && started)
            *w++ = '\n';
        blanks = 0;
        started = true;
        memmove(w, lines[i].s, lines[i].n);
        w += lines[i].n;
    }
    *w = '\0';
    free(lines);
}
