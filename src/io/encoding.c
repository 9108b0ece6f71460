/* A file's bytes made UTF-8 before any parser sees them (SPEC §5, issue
 * 17): UTF-16 with or without a byte order mark, the encoding given by
 * --encoding (any iconv name), or, for bytes that are not UTF-8, the one
 * of a short list of common encodings they plausibly fit, said in the
 * summary. glibc's iconv needs no new dependency. Uses base/ and store/'s
 * messages. */
#include <config.h>

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "base/text.h"
#include "io/format.h"

/* Google's older export and Outlook's "Unicode" CSV are UTF-16 with a
 * byte order mark; everything after this reads UTF-8. */
static enum store_status from_utf16(struct store *st, const char *name,
                                    char **buf, size_t *n, bool little,
                                    size_t skip)
{
    size_t units = (*n - skip) / 2;
    char *out = malloc(units * 3 + 1);
    if (!out) {
        free(*buf);
        return store_fail(st, STORE_FAILED, _("out of memory reading %s"), name);
    }
    const unsigned char *in = (const unsigned char *)*buf + skip;
    size_t w = 0;
    int line = 1;
    for (size_t i = 0; i < units; i++) {
        unsigned u = little ? (unsigned)(in[2 * i] | in[2 * i + 1] << 8)
                            : (unsigned)(in[2 * i] << 8 | in[2 * i + 1]);
        unsigned cp = u;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units) {
            unsigned lo = little ? (unsigned)(in[2 * i + 2] | in[2 * i + 3] << 8)
                                 : (unsigned)(in[2 * i + 2] << 8 | in[2 * i + 3]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                i++;
            }
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0) {
            free(out);
            free(*buf);
            return store_fail(st, STORE_INVALID,
                              _("%s:%d: broken UTF-16 text; nothing was imported"),
                              name, line);
        }
        if (cp == '\n')
            line++;
        if (cp < 0x80) {
            out[w++] = (char)cp;
        } else if (cp < 0x800) {
            out[w++] = (char)(0xC0 | cp >> 6);
            out[w++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out[w++] = (char)(0xE0 | cp >> 12);
            out[w++] = (char)(0x80 | (cp >> 6 & 0x3F));
            out[w++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[w++] = (char)(0xF0 | cp >> 18);
            out[w++] = (char)(0x80 | (cp >> 12 & 0x3F));
            out[w++] = (char)(0x80 | (cp >> 6 & 0x3F));
            out[w++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[w] = '\0';
    free(*buf);
    *buf = out;
    *n = w;
    return STORE_OK;
}


/* UTF-16 without a byte order mark: text that is mostly ASCII has a NUL
 * in every other byte (at odd offsets little-endian, even big-endian),
 * and UTF-8 text never has one. */
static int utf16_without_bom(const unsigned char *b, size_t n)
{
    if (n < 4 || n % 2)
        return 0;
    size_t even = 0, odd = 0;
    for (size_t i = 0; i < n; i += 2) {
        even += b[i] == 0;
        odd += b[i + 1] == 0;
    }
    size_t pairs = n / 2;
    if (odd * 2 > pairs && even == 0)
        return 1;   /* little-endian */
    if (even * 2 > pairs && odd == 0)
        return 2;   /* big-endian */
    return 0;
}

/* The bytes converted from encoding to UTF-8, or NULL when they are not
 * text in it (or iconv does not know it: *unknown). */
static char *convert(const char *encoding, const char *in, size_t n,
                     size_t *out_len, bool *unknown)
{
    *unknown = false;
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == (iconv_t)-1) {
        *unknown = true;
        return NULL;
    }
    size_t cap = n * 4 + 16;
    char *out = malloc(cap);
    char *ip, *op = out;
    memcpy(&ip, &in, sizeof ip);   /* iconv takes char **, reads only */
    size_t il = n, ol = cap - 1;
    bool ok = out && iconv(cd, &ip, &il, &op, &ol) != (size_t)-1
              && iconv(cd, NULL, NULL, &op, &ol) != (size_t)-1;
    iconv_close(cd);
    if (!ok) {
        free(out);
        return NULL;
    }
    *op = '\0';
    *out_len = (size_t)(op - out);
    return out;
}

/* Decodes the next UTF-8 character at *p (valid text). */
static unsigned long next_cp(const unsigned char **p)
{
    const unsigned char *s = *p;
    unsigned long cp;
    size_t n = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    cp = n == 1 ? s[0] : s[0] & (0x3F >> (n - 1));
    for (size_t i = 1; i < n && s[i]; i++)
        cp = cp << 6 | (s[i] & 0x3F);
    *p = s + n;
    return cp;
}

static bool latin_letter(unsigned long c)
{
    return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)
           || c == 0x152 || c == 0x153 || c == 0x160 || c == 0x161
           || c == 0x17D || c == 0x17E || c == 0x178;
}

static bool japanese(unsigned long c)
{
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF)
           || (c >= 0xFF01 && c <= 0xFF5E) || c == 0x3000 || c == 0x3001
           || c == 0x3002 || c == 0x30FC;
}

/* Whether text read as that encoding looks like what it writes: most of
 * its characters beyond ASCII are Latin letters (windows-1252,
 * ISO-8859-1), or kana and kanji (Shift_JIS); none is a C1 control. */
static bool plausible(const char *text, bool japanese_text)
{
    size_t other = 0, fitting = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        unsigned long c = next_cp(&p);
        if (c < 0x80)
            continue;
        if (c < 0xA0)
            return false;
        /* Typographic punctuation (quotes, dashes, the euro) is written
         * in any text: it tells no encoding from another. */
        if ((c >= 0x2013 && c <= 0x2026) || c == 0x20AC || c == 0xA0
            || c == 0xAB || c == 0xBB || c == 0xB0)
            continue;
        other++;
        if (japanese_text ? japanese(c) : latin_letter(c))
            fitting++;
    }
    return other > 0 && fitting * 10 >= other * 7;
}

/* Whether s holds at least one valid UTF-8 sequence beyond ASCII. */
static bool holds_utf8(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0xC2 || *p > 0xF4)
            continue;
        size_t n = *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4, i = 1;
        while (i < n && (p[i] & 0xC0) == 0x80)
            i++;
        if (i == n)
            return true;
    }
    return false;
}

static const char *const candidates[] = {
    "WINDOWS-1252", "ISO-8859-1", "SHIFT_JIS",
};

/* For bytes that are not UTF-8: the one common encoding they fit, or
 * NULL with the fitting ones named in *which. windows-1252 and ISO-8859-1
 * read the same bytes alike for letters: one reading, named by the first
 * that fits. */
static char *guess(const char *in, size_t n, size_t *out_len,
                   const char **used, struct io_buf *which)
{
    char *found = NULL;
    size_t found_len = 0;
    int fits = 0;
    bool latin = false;
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        bool unknown, jp = i == 2;
        size_t len = 0;
        char *text = convert(candidates[i], in, n, &len, &unknown);
        if (!text || !plausible(text, jp) || (!jp && latin)) {
            free(text);
            continue;
        }
        latin |= !jp;
        fits++;
        if (which->len)
            io_buf_adds(which, ", ");
        io_buf_adds(which, candidates[i]);
        if (!found) {
            found = text;
            found_len = len;
            *used = candidates[i];
        } else {
            free(text);
        }
    }
    if (fits != 1) {
        free(found);
        return NULL;
    }
    *out_len = found_len;
    return found;
}

static void replace(char **buf, size_t *n, char *text, size_t len)
{
    free(*buf);
    *buf = text;
    *n = len;
}

enum store_status io_decode(struct store *st, const char *name,
                            const char *encoding, char **buf, size_t *n,
                            struct strlist *messages)
{
    const unsigned char *b = (const unsigned char *)*buf;
    if (*n >= 2 && (b[0] == 0xFF || b[0] == 0xFE) && (b[1] ^ b[0]) == 0x01)
        return from_utf16(st, name, buf, n, b[0] == 0xFF, 2);
    if (!encoding || !*encoding) {
        int order = utf16_without_bom(b, *n);
        if (order) {
            strlist_pushf(messages, _("%s: read as %s (it has no byte order mark)"),
                          name, order == 1 ? "UTF-16LE" : "UTF-16BE");
            return from_utf16(st, name, buf, n, order == 1, 0);
        }
        /* A file that holds UTF-8 characters is UTF-8, its bad bytes (a
         * character cut) repaired field by field; a vCard 2.1 names the
         * encoding of each property in its CHARSET. */
        if (text_is_utf8(*buf) || holds_utf8(*buf) || strcasestr(*buf, "CHARSET="))
            return STORE_OK;
        /* Nothing of an ASCII file is in doubt; invalid bytes in a few
         * fields of a UTF-8 file are repaired there, field by field. */
        const char *used = NULL;
        struct io_buf which = { 0 };
        size_t len = 0;
        char *text = guess(*buf, *n, &len, &used, &which);
        if (text) {
            strlist_pushf(messages, _("%s: not UTF-8; read as %s (give --encoding NAME if that is wrong)"),
                          name, used);
            replace(buf, n, text, len);
        } else if (which.len) {
            enum store_status rc = store_fail(st, STORE_INVALID,
                                              _("%s: not UTF-8, and it reads as any of %s; give --encoding NAME"),
                                              name, which.s);
            io_buf_free(&which);
            free(*buf);
            *buf = NULL;
            return rc;
        }
        io_buf_free(&which);
        return STORE_OK;
    }
    if (strcasecmp(encoding, "UTF-8") == 0 || strcasecmp(encoding, "UTF8") == 0)
        return STORE_OK;
    bool unknown = false;
    size_t len = 0;
    char *text = convert(encoding, *buf, *n, &len, &unknown);
    if (!text) {
        char *safe = text_sanitize(encoding, false);
        enum store_status rc = unknown
            ? store_fail(st, STORE_INVALID, _("--encoding: unknown encoding \"%s\" (see iconv --list)"), safe)
            : store_fail(st, STORE_INVALID, _("%s: not %s text; nothing was imported"), name, safe);
        free(safe);
        free(*buf);
        *buf = NULL;
        return rc;
    }
    /* A UTF-8 byte order mark is still one (removed later); UTF-16
     * given by name keeps its own. */
    replace(buf, n, text, len);
    return STORE_OK;
}

char *io_convert(const char *encoding, const char *s)
{
    bool unknown;
    size_t len;
    return convert(encoding, s, strlen(s), &len, &unknown);
}
