/* Field-level checks of an imported record (SPEC §5, issue 17): a bad
 * field costs that field, not the person. Invalid UTF-8 is repaired
 * (each bad byte becomes U+FFFD), a tag holding a semicolon becomes two
 * tags, an email that is no address is dropped, each with a warning
 * naming file, line and field; a record without a name is named after
 * its email, else its organisation, else its phone; only a record that
 * identifies nobody is rejected. With --strict nothing is repaired: the
 * domain refuses the record as it comes. Uses core/ and below. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "core/contact.h"
#include "io/format.h"

/* Length of the valid UTF-8 sequence at s, 0 when the byte there does not
 * start one (a stray continuation, an overlong form, a surrogate, a cut
 * sequence, beyond U+10FFFF). */
static size_t utf8_seq(const unsigned char *s)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned long min, cp;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; min = 0x80; cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; min = 0x800; cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; min = 0x10000; cp = c & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

char *io_utf8_repair(const char *s, size_t *bad)
{
    size_t n = strlen(s);
    /* Each bad byte becomes three: U+FFFD is EF BF BD. */
    char *out = malloc(n * 3 + 1), *w = out;
    *bad = 0;
    if (!out)
        return NULL;
    for (const unsigned char *r = (const unsigned char *)s; *r;) {
        size_t len = utf8_seq(r);
        if (len == 0) {
            memcpy(w, "\xEF\xBF\xBD", 3);
            w += 3;
            r++;
            ++*bad;
        } else {
            memcpy(w, r, len);
            w += len;
            r += len;
        }
    }
    *w = '\0';
    return out;
}

char *io_utf8_field(struct io_import *im, int line, const char *field,
                    const char *value)
{
    if (text_is_utf8(value))
        return NULL;
    size_t bad = 0;
    char *fixed = io_utf8_repair(value, &bad);
    if (!fixed)
        return NULL;
    char *safe = text_sanitize(field, false);
    strlist_pushf(&im->sum->messages,
                  ngettext("%s:%d: repaired: %s: %zu byte that is not UTF-8 became U+FFFD",
                           "%s:%d: repaired: %s: %zu bytes that are not UTF-8 became U+FFFD",
                           (unsigned long)bad),
                  im->name, line, safe, bad);
    free(safe);
    return fixed;
}

void io_record_add_email(struct io_record *r, int line, const char *field,
                         const char *value)
{
    if (!*value || strlist_contains(&r->c.emails, value)
        || io_record_full(r, IO_EMAILS, line, field))
        return;
    if (!r->email_from)
        r->email_from = calloc(CONTACT_LIST_MAX, sizeof *r->email_from);
    if (strlist_push(&r->c.emails, value) != 0)
        return;
    size_t i = r->c.emails.len - 1;
    if (r->email_from && i < CONTACT_LIST_MAX) {
        r->email_from[i].line = line;
        snprintf(r->email_from[i].field, sizeof r->email_from[i].field,
                 "%s", field ? field : "");
    }
}

static void push_tag(struct io_record *r, int line, const char *field,
                     char *tag)
{
    text_trim(tag);
    if (*tag && !strlist_contains(&r->c.tags, tag)
        && !io_record_full(r, IO_TAGS, line, field))
        strlist_push(&r->c.tags, tag);
}

void io_record_add_tag(struct io_import *im, struct io_record *r, int line,
                       const char *field, const char *value)
{
    char *copy = strdup(value);
    if (!copy)
        return;
    if (!strchr(copy, ';') || (im->flags & IO_STRICT)) {
        push_tag(r, line, field, copy);
        free(copy);
        return;
    }
    char *safe = text_sanitize(value, false);
    char *where = text_sanitize(field, false);
    strlist_pushf(&im->sum->messages,
                  _("%s:%d: repaired: %s: tag \"%s\" holds a semicolon: kept as separate tags"),
                  im->name, line, where, safe);
    free(safe);
    free(where);
    char *save = NULL;
    for (char *t = strtok_r(copy, ";", &save); t; t = strtok_r(NULL, ";", &save))
        push_tag(r, line, field, t);
    free(copy);
}

/* "a;b" as one tag is two tags: the semicolon separates tags everywhere
 * rapport shows them as one text. */
static void split_tags(struct io_import *im, struct io_record *r)
{
    struct strlist kept = { 0 };
    for (size_t i = 0; i < r->c.tags.len; i++) {
        char *tag = r->c.tags.items[i];
        if (!strchr(tag, ';')) {
            if (!strlist_contains(&kept, tag))
                strlist_push(&kept, tag);
            continue;
        }
        char *safe = text_sanitize(tag, false);
        strlist_pushf(&im->sum->messages,
                      _("%s:%d: repaired: tag \"%s\" holds a semicolon: kept as separate tags"),
                      im->name, r->line, safe);
        free(safe);
        char *save = NULL;
        for (char *t = strtok_r(tag, ";", &save); t;
             t = strtok_r(NULL, ";", &save)) {
            text_trim(t);
            if (!*t || strlist_contains(&kept, t))
                continue;
            if (kept.len >= CONTACT_LIST_MAX)
                io_record_count_dropped(r, IO_TAGS, r->line, _("tag"));
            else
                strlist_push(&kept, t);
        }
    }
    strlist_clear(&r->c.tags);
    r->c.tags = kept;
}

/* Takes out the emails that are no address, into bad (with their lines
 * and fields in bad_from). */
static void take_bad_emails(struct io_record *r, struct strlist *bad,
                            struct io_origin *bad_from)
{
    size_t w = 0;
    struct strlist *e = &r->c.emails;
    for (size_t i = 0; i < e->len; i++) {
        char *item = e->items[i];
        text_trim(item);
        if (!*item || contact_email_valid(item)) {
            e->items[w] = item;
            if (r->email_from && i < CONTACT_LIST_MAX)
                r->email_from[w] = r->email_from[i];
            w++;
            continue;
        }
        if (bad->len < CONTACT_LIST_MAX)
            bad_from[bad->len] = r->email_from && i < CONTACT_LIST_MAX
                                 ? r->email_from[i] : (struct io_origin){ 0 };
        strlist_push(bad, item);
        free(item);
    }
    e->len = w;
}

/* The name of a record that has none: its first email, else its
 * organisation, else its first phone number. */
static const char *stand_in_name(const struct io_record *r)
{
    if (r->c.emails.len > 0)
        return r->c.emails.items[0];
    if (r->c.org && *r->c.org)
        return r->c.org;
    if (r->c.phones.len > 0 && *r->c.phones.items[0].number)
        return r->c.phones.items[0].number;
    return NULL;
}

static void warn_bad_emails(struct io_import *im, const struct io_record *r,
                            const struct strlist *bad,
                            const struct io_origin *from)
{
    char *who = text_sanitize(r->c.name, false);
    for (size_t i = 0; i < bad->len; i++) {
        bool known = i < CONTACT_LIST_MAX && from[i].line > 0;
        char *value = text_sanitize(bad->items[i], false);
        char *field = text_sanitize(known && from[i].field[0]
                                    ? from[i].field : "EMAIL", false);
        strlist_pushf(&im->sum->messages,
                      _("%s:%d: kept %s without %s \"%s\": not an address"),
                      im->name, known ? from[i].line : r->line, who, field,
                      value);
        free(value);
        free(field);
    }
    free(who);
}

bool io_record_settle(struct io_import *im, struct io_record *r)
{
    bool strict = im->flags & IO_STRICT;
    struct strlist bad = { 0 };
    struct io_origin bad_from[CONTACT_LIST_MAX];
    if (!strict) {
        split_tags(im, r);
        take_bad_emails(r, &bad, bad_from);
    }
    if (r->c.name)
        text_trim(r->c.name);
    if (!r->c.name || !*r->c.name) {
        const char *stand_in = stand_in_name(r);
        if (!stand_in) {
            io_reject(im, r->line,
                      _("nothing identifies a person (no name, email, phone or organisation)"));
            strlist_clear(&bad);
            return false;
        }
        char *name = strdup(stand_in);
        free(r->c.name);
        r->c.name = name;
        im->sum->named++;
    }
    warn_bad_emails(im, r, &bad, bad_from);
    strlist_clear(&bad);
    return r->c.name != NULL;
}
