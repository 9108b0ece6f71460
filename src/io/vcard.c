/* vCard (RFC 2426 for 3.0, RFC 6350 for 4.0, and the 2.1 that phones
 * still write): a tolerant reader (the strict writer is vcard_write.c). Written by hand:
 * Debian has no C library that reads all three versions. rapport's own
 * fields (stage, roles, projects, ...) travel in X-RAPPORT-* properties,
 * which other programs ignore (RFC 6350 §6.10). Uses core/ and below. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/contact.h"
#include "base/i18n.h"
#include "io/format.h"
#include "core/stage.h"
#include "base/text.h"
#include "model/address.h"
#include "store/contact.h"

/* ---- reading -------------------------------------------------------------- */

struct property {
    char *group;           /* "item1" of item1.EMAIL, or NULL */
    char *name;            /* upper case */
    struct io_buf types;   /* TYPE values, comma-joined, lower case */
    bool quoted_printable;
    bool base64;
    bool latin1;
    char charset[32];      /* CHARSET= other than UTF-8 and Latin-1 */
    char *kind;            /* X-RAPPORT-KIND */
    char *at;              /* X-RAPPORT-AT */
    char *value;           /* raw, still escaped */
};

static void property_clear(struct property *p)
{
    io_buf_free(&p->types);
    free(p->kind);
    free(p->at);
    memset(p, 0, sizeof *p);
}

static void upper(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Quoted-printable (RFC 2045 §6.7), in place; soft breaks are gone by
 * now (the unfolding joined them). */
static void decode_qp(char *s)
{
    char *w = s;
    for (const char *r = s; *r;) {
        int hi, lo;
        if (r[0] == '=' && (hi = hexval(r[1])) >= 0 && (lo = hexval(r[2])) >= 0) {
            *w++ = (char)(hi * 16 + lo);
            r += 3;
        } else if (r[0] == '=' && r[1] == '\0') {
            r++;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
}

/* ISO-8859-1 to UTF-8, for old phones' CHARSET=ISO-8859-1. */
static char *latin1_to_utf8(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n * 2 + 1), *w = out;
    if (!out)
        return NULL;
    for (const unsigned char *r = (const unsigned char *)s; *r; r++) {
        if (*r < 0x80) {
            *w++ = (char)*r;
        } else {
            *w++ = (char)(0xC0 | (*r >> 6));
            *w++ = (char)(0x80 | (*r & 0x3F));
        }
    }
    *w = '\0';
    return out;
}

/* One component of a value: up to the next unescaped sep (or the end when
 * sep is 0), with \n \, \; \\ undone. Advances *p past the separator. */
static char *next_component(const char **p, char sep)
{
    struct io_buf b = { 0 };
    io_buf_add(&b, "", 0);
    const char *r = *p;
    while (*r && !(sep && *r == sep)) {
        if (*r == '\\' && r[1]) {
            r++;
            io_buf_addc(&b, (*r == 'n' || *r == 'N') ? '\n' : *r);
            r++;
        } else {
            io_buf_addc(&b, *r++);
        }
    }
    *p = *r ? r + 1 : r;
    if (b.failed) {
        io_buf_free(&b);
        return NULL;
    }
    return b.s;
}

static char *unescape(const char *value)
{
    return next_component(&value, 0);
}

static void lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

static void add_param(struct property *p, char *key, char *val)
{
    if (key)
        upper(key);
    if (!key || strcmp(key, "TYPE") == 0) {
        /* A bare parameter (vCard 2.1's "HOME", "QUOTED-PRINTABLE") or a
         * TYPE list. */
        char *v = val;
        if (*v == '"') {
            v++;
            size_t n = strlen(v);
            if (n && v[n - 1] == '"')
                v[n - 1] = '\0';
        }
        if (!key) {
            char up[32];
            snprintf(up, sizeof up, "%s", v);
            upper(up);
            if (strcmp(up, "QUOTED-PRINTABLE") == 0) {
                p->quoted_printable = true;
                return;
            }
            if (strcmp(up, "BASE64") == 0) {
                p->base64 = true;
                return;
            }
        }
        lower(v);
        if (p->types.len)
            io_buf_addc(&p->types, ',');
        io_buf_adds(&p->types, v);
    } else if (strcmp(key, "ENCODING") == 0) {
        upper(val);
        if (strcmp(val, "QUOTED-PRINTABLE") == 0)
            p->quoted_printable = true;
        else if (strcmp(val, "B") == 0 || strcmp(val, "BASE64") == 0)
            p->base64 = true;
    } else if (strcmp(key, "CHARSET") == 0) {
        upper(val);
        p->latin1 = strcmp(val, "ISO-8859-1") == 0
                    || strcmp(val, "LATIN1") == 0;
        if (!p->latin1 && strcmp(val, "UTF-8") != 0)
            snprintf(p->charset, sizeof p->charset, "%s", val);
    } else if (strcmp(key, "X-RAPPORT-KIND") == 0) {
        io_set(&p->kind, val);
    } else if (strcmp(key, "X-RAPPORT-AT") == 0) {
        io_set(&p->at, val);
    }
}

/* Splits "group.NAME;P=V;BARE:value" in place. Returns false when the
 * line has no ':' (not a property). */
static bool parse_property(char *line, struct property *p)
{
    memset(p, 0, sizeof *p);
    /* The name ends at ';' or ':'; parameters may quote ':' and ';'. */
    char *r = line;
    size_t n = strcspn(r, ";:");
    if (r[n] == '\0')
        return false;
    char end = r[n];
    r[n] = '\0';
    char *dot = strrchr(r, '.');
    if (dot) {
        *dot = '\0';
        p->group = r;
        p->name = dot + 1;
    } else {
        p->name = r;
    }
    upper(p->name);
    r += n + 1;
    while (end == ';') {
        char *start = r;
        bool quoted = false;
        while (*r && (quoted || (*r != ';' && *r != ':'))) {
            if (*r == '"')
                quoted = !quoted;
            r++;
        }
        if (!*r)
            return false;
        end = *r;
        *r++ = '\0';
        char *eq = strchr(start, '=');
        if (eq) {
            *eq = '\0';
            /* TYPE=work,voice and TYPE=work;TYPE=voice are the same, and
             * so is TYPE="work,voice": the quotes hold the whole list. */
            char *vals = eq + 1;
            size_t len = strlen(vals);
            if (len >= 2 && vals[0] == '"' && vals[len - 1] == '"') {
                vals[len - 1] = '\0';
                vals++;
            }
            char *save = NULL;
            for (char *v = strtok_r(vals, ",", &save); v;
                 v = strtok_r(NULL, ",", &save))
                add_param(p, start, v);
        } else if (*start) {
            add_param(p, NULL, start);
        }
    }
    p->value = r;
    return true;
}

struct card {
    struct io_record *r;
    char *fn;
    char *n_given, *n_middle, *n_family, *n_prefix, *n_suffix;
    bool bad;              /* already rejected */
    bool binary;           /* embedded binary data dropped */
};

static void card_clear(struct card *k)
{
    free(k->fn);
    free(k->n_given);
    free(k->n_middle);
    free(k->n_family);
    free(k->n_prefix);
    free(k->n_suffix);
    memset(k, 0, sizeof *k);
}

static void join_word(struct io_buf *b, const char *w)
{
    if (!w || !*w)
        return;
    if (b->len)
        io_buf_addc(b, ' ');
    io_buf_adds(b, w);
}

/* "20261101T100000Z" as written by the exporter. */
static time_t parse_stamp(const char *s)
{
    struct tm tm = { 0 };
    if (!s || sscanf(s, "%4d%2d%2dT%2d%2d%2dZ", &tm.tm_year, &tm.tm_mon,
                     &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
        return 0;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return timegm(&tm);
}

/* CATEGORIES: tags, as many as a contact keeps. */
static void split_tags(struct io_import *im, struct io_record *r, int line,
                       const char *value, char sep)
{
    const char *p = value;
    while (*p) {
        char *item = next_component(&p, sep);
        if (item)
            io_record_add_tag(im, r, line, "CATEGORIES", item);
        free(item);
    }
}

/* N:family;given;middle;prefix;suffix, kept until the card ends, where
 * the name is made of them when it has no FN. */
static void take_n(struct card *k, const char *value)
{
    const char *q = value;
    char *parts[5] = { 0 };
    for (int i = 0; i < 5; i++)
        parts[i] = next_component(&q, ';');
    free(k->n_family);
    free(k->n_given);
    free(k->n_middle);
    free(k->n_prefix);
    free(k->n_suffix);
    k->n_family = parts[0];
    k->n_given = parts[1];
    k->n_middle = parts[2];
    k->n_prefix = parts[3];
    k->n_suffix = parts[4];
}

/* ORG:organisation;unit;... (RFC 6350 §6.6.4): the first unit is the
 * department. */
static void take_org(struct io_record *r, const char *value)
{
    const char *q = value;
    char *org = next_component(&q, ';');
    char *dept = next_component(&q, ';');
    if (org)
        text_trim(org);
    if (dept)
        text_trim(dept);
    io_set(&r->c.org, org);
    io_set(&r->c.department, dept);
    free(org);
    free(dept);
}

/* Embedded binary data: base64 (3.0's ENCODING=b, 2.1's BASE64) or a
 * data: URI (4.0). */
static bool is_binary(const struct property *p)
{
    if (p->base64)
        return true;
    static const char *const binary[] = { "PHOTO", "LOGO", "SOUND", "KEY" };
    for (size_t i = 0; i < sizeof binary / sizeof binary[0]; i++)
        if (strcmp(p->name, binary[i]) == 0)
            return strncasecmp(p->value, "data:", 5) == 0;
    return false;
}

/* What describes the file, not the person: nothing of theirs is lost. */
static bool is_metadata(const char *name)
{
    return strcmp(name, "VERSION") == 0 || strcmp(name, "PRODID") == 0
           || strcmp(name, "REV") == 0 || strcmp(name, "KIND") == 0
           || strcmp(name, "CLIENTPIDMAP") == 0;
}

/* ADR:pobox;extended;street;locality;region;code;country (RFC 6350
 * §6.3.1), its kind from TYPE. A part's line breaks become commas: the
 * address is shown on one line. */
static void take_adr(struct io_record *r, const struct property *p,
                     const char *value, int line)
{
    struct address a = { 0 };
    const char *q = value;
    for (int i = 0; i < ADDRESS_PARTS; i++) {
        char *part = next_component(&q, ';');
        if (!part)
            break;
        a.part[i] = io_one_line(part);
        free(part);
        if (a.part[i] && !*a.part[i]) {
            free(a.part[i]);
            a.part[i] = NULL;
        }
    }
    const char *kind = address_kind_guess(p->types.s);
    a.kind = kind ? strdup(kind) : NULL;
    if (!address_empty(&a) && address_list_find(&r->c.addresses, &a) < 0
        && !io_record_full(r, IO_ADDRESSES, line, p->name))
        address_list_push(&r->c.addresses, &a);
    address_clear(&a);
}

/* A property rapport has no field for, kept as its content line: the
 * line as the file had it, or, when its value had to be decoded
 * (quoted-printable, another CHARSET, a bad byte), the name, its TYPE
 * and the decoded value, as a vCard of today writes them. */
static void take_extra(struct io_record *r, const struct property *p,
                       const char *raw, const char *value, bool decoded,
                       int line)
{
    if (io_record_full(r, IO_EXTRAS, line, p->name))
        return;
    if (!decoded) {
        if (*raw)
            strlist_push(&r->c.extras, raw);
        return;
    }
    struct io_buf b = { 0 };
    if (p->group) {
        io_buf_adds(&b, p->group);
        io_buf_addc(&b, '.');
    }
    io_buf_adds(&b, p->name);
    if (p->types.len) {
        io_buf_adds(&b, ";TYPE=");
        io_buf_adds(&b, p->types.s);
    }
    io_buf_addc(&b, ':');
    for (const char *v = value; *v; v++) {
        if (*v == '\n')
            io_buf_adds(&b, "\\n");
        else
            io_buf_addc(&b, *v);
    }
    if (!b.failed)
        strlist_push(&r->c.extras, b.s);
    io_buf_free(&b);
}

/* raw: the property's content line as the file had it, unfolded. */
static void take_property(struct io_import *im, struct card *k,
                          struct property *p, const char *raw, int line)
{
    struct io_record *r = k->r;
    const char *name = p->name;
    if (is_binary(p)) {
        /* PHOTO, LOGO, SOUND, KEY: nothing rapport keeps; said once. */
        k->binary = true;
        return;
    }
    if (p->quoted_printable)
        decode_qp(p->value);
    char *converted = NULL;
    if (p->latin1)
        converted = latin1_to_utf8(p->value);
    else if (p->charset[0] && !text_is_utf8(p->value)
             && !(converted = io_convert(p->charset, p->value))) {
        char *safe = text_sanitize(p->charset, false);
        strlist_pushf(&im->sum->messages,
                      _("%s:%d: %s: not %s text (its CHARSET); read as UTF-8"),
                      im->name, line, name, safe);
        free(safe);
    }
    char *value = converted ? converted : p->value;
    /* CR LF inside a value (quoted-printable =0D=0A) is one line break. */
    text_unify_breaks(value);
    if (!text_is_utf8(value)) {
        /* A phone that cut a two-byte character costs that character,
         * not the card (but --strict refuses the card). */
        char *fixed = (im->flags & IO_STRICT) ? NULL
                      : io_utf8_field(im, line, name, value);
        if (!fixed) {
            if (!k->bad)
                io_reject(im, line, _("%s is not valid UTF-8 (save the file as UTF-8)"),
                          name);
            k->bad = true;
            free(converted);
            return;
        }
        free(converted);
        converted = fixed;
        value = fixed;
    }
    char *v = NULL;
    if (strcmp(name, "N") == 0) {
        take_n(k, value);
    } else if (strcmp(name, "ORG") == 0) {
        take_org(r, value);
    } else if (strcmp(name, "CATEGORIES") == 0) {
        split_tags(im, r, line, value, ',');
    } else if ((v = unescape(value)) == NULL) {
        /* out of memory: the property is lost, not the program */
    } else if (strcmp(name, "FN") == 0) {
        io_set(&k->fn, text_trim(v));
    } else if (strcmp(name, "EMAIL") == 0) {
        char *e = text_trim(v);
        if (strncasecmp(e, "mailto:", 7) == 0)
            e += 7;
        io_record_add_email(r, line, name, e);
    } else if (strcmp(name, "TEL") == 0) {
        char *t = text_trim(v);
        if (strncasecmp(t, "tel:", 4) == 0)
            t += 4;
        /* TYPE=cell, TYPE=work,voice, 2.1's bare CELL: all in types. */
        if (*t && (phone_list_find(&r->c.phones, t) >= 0
                   || !io_record_full(r, IO_PHONES, line, name)))
            phone_list_merge(&r->c.phones, t,
                             phone_kind_guess(p->types.s ? p->types.s : ""));
    } else if (strcmp(name, "TITLE") == 0) {
        io_set(&r->c.title, text_trim(v));
    } else if (strcmp(name, "NOTE") == 0) {
        if (*text_trim(v))
            io_record_add_note(r, p->kind, parse_stamp(p->at), v);
    } else if (strcmp(name, "UID") == 0) {
        io_set(&r->uid, text_trim(v));
    } else if (strcmp(name, "X-RAPPORT-STAGE") == 0) {
        int s = stage_parse(v);
        if (s != STAGE_NONE)
            r->c.stage = (enum stage)s;
    } else if (strcmp(name, "X-RAPPORT-ROLES") == 0) {
        int roles = contact_parse_role(text_trim(v));
        if (roles > 0)
            r->c.roles = (unsigned)roles;
    } else if (strcmp(name, "X-RAPPORT-PROJECTS") == 0) {
        io_set(&r->c.projects, v);
    } else if (strcmp(name, "X-RAPPORT-GOALS") == 0) {
        io_set(&r->c.goals, v);
    } else if (strcmp(name, "X-RAPPORT-CHANNEL") == 0) {
        io_set(&r->c.channel, text_trim(v));
    } else if (strcmp(name, "X-RAPPORT-OWNER") == 0) {
        io_set(&r->c.owner, text_trim(v));
    } else if (strcmp(name, "X-RAPPORT-CADENCE") == 0) {
        char *end = NULL;
        long days = strtol(v, &end, 10);
        if (end != v && *end == '\0' && days >= -1 && days < 100000)
            r->c.cadence_days = (int)days;
    } else if (strcmp(name, "X-RAPPORT-ARCHIVED") == 0) {
        r->c.archived = strcasecmp(text_trim(v), "yes") == 0
                        || strcmp(v, "1") == 0 || strcasecmp(v, "true") == 0;
    } else if (strcmp(name, "ADR") == 0) {
        take_adr(r, p, value, line);
    } else if (strcmp(name, "URL") == 0) {
        char *u = text_trim(v);
        if (*u && (url_list_find(&r->c.urls, u) >= 0
                   || !io_record_full(r, IO_URLS, line, name)))
            url_list_merge(&r->c.urls, u, address_kind_guess(p->types.s));
    } else if (!is_metadata(name) && *text_trim(v)) {
        /* BDAY, NICKNAME, PHOTO by URI, X-...: kept as they came. */
        take_extra(r, p, raw, value, p->quoted_printable || converted, line);
    }
    free(v);
    free(converted);
}

/* Ends a card: its name from FN, else from N; a card with neither is
 * named when it is applied (io_record_settle). */
static void finish_card(struct io_import *im, struct card *k)
{
    struct io_record *r = k->r;
    if (k->binary)
        im->binary_records++;
    if (k->bad) {
        io_record_drop(im);
        return;
    }
    if (k->fn && *k->fn) {
        io_set(&r->c.name, k->fn);
    } else {
        struct io_buf b = { 0 };
        join_word(&b, k->n_prefix);
        join_word(&b, k->n_given);
        join_word(&b, k->n_middle);
        join_word(&b, k->n_family);
        join_word(&b, k->n_suffix);
        io_set(&r->c.name, b.s);
        io_buf_free(&b);
    }
}

static bool is_qp_line(const char *line)
{
    size_t n = strcspn(line, ":");
    if (!line[n])
        return false;
    for (size_t i = 0; i + 16 <= n; i++)
        if (strncasecmp(line + i, "QUOTED-PRINTABLE", 16) == 0)
            return true;
    return false;
}

enum store_status io_vcard_import(struct io_import *im, char *data,
                                  size_t len)
{
    size_t pos = 0;
    int lineno = 0;
    struct io_buf logical = { 0 };
    int logical_line = 0;
    struct card k = { 0 };
    bool in_card = false;
    char *line;
    bool done = false;
    while (!done) {
        line = io_next_line(data, len, &pos);
        if (line)
            lineno++;
        /* Quoted-printable ends a line with '=' to continue it (a soft
         * break, RFC 2045 §6.7); else, RFC 6350 §3.2: a line starting
         * with a blank continues the one before. */
        if (line && logical.len && logical.s[logical.len - 1] == '='
            && is_qp_line(logical.s)) {
            logical.s[--logical.len] = '\0';
            io_buf_adds(&logical, line);
            continue;
        }
        if (line && logical.len && (line[0] == ' ' || line[0] == '\t')) {
            io_buf_adds(&logical, line + 1);
            continue;
        }
        if (logical.failed)
            return store_fail(im->st, STORE_FAILED, _("out of memory"));
        if (logical.len) {
            struct property p;
            char *text = logical.s;
            /* parse_property splits the line in place. */
            char *raw = in_card ? strdup(text) : NULL;
            if (!parse_property(text, &p)) {
                if (in_card && !k.bad && *text_trim(text)) {
                    io_reject(im, logical_line,
                              _("malformed line (expected NAME:value)"));
                    k.bad = true;
                }
            } else if (strcmp(p.name, "BEGIN") == 0
                       && strcasecmp(text_trim(p.value), "VCARD") == 0) {
                if (in_card) {
                    io_reject(im, k.r->line, _("card not closed with END:VCARD"));
                    io_record_drop(im);
                    card_clear(&k);
                }
                k.r = io_record_new(im, logical_line);
                if (!k.r) {
                    property_clear(&p);
                    io_buf_free(&logical);
                    return store_fail(im->st, STORE_FAILED, _("out of memory"));
                }
                in_card = true;
            } else if (strcmp(p.name, "END") == 0
                       && strcasecmp(text_trim(p.value), "VCARD") == 0) {
                if (in_card)
                    finish_card(im, &k);
                card_clear(&k);
                in_card = false;
                /* Every line before this one is read (what the cards
                 * hold was copied out of it). */
                io_data_done(im, data, line);
            } else if (in_card) {
                take_property(im, &k, &p, raw ? raw : "", logical_line);
            }
            free(raw);
            property_clear(&p);
        }
        io_buf_reset(&logical);
        if (!line) {
            done = true;
        } else {
            io_buf_adds(&logical, line);
            logical_line = lineno;
        }
    }
    io_buf_free(&logical);
    if (in_card) {
        io_reject(im, k.r->line, _("the file ends inside this card (no END:VCARD)"));
        io_record_drop(im);
        card_clear(&k);
    }
    io_report_unkept(im);
    if (im->records_read == 0 && im->sum->rejected == 0)
        return store_fail(im->st, STORE_INVALID,
                          _("%s: no vCard found (no BEGIN:VCARD line)"),
                          im->name);
    return STORE_OK;
}
