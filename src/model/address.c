/* Postal addresses and web pages: their lists, kinds, and the one-line
 * text of each. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "base/text.h"
#include "model/address.h"

/* ---- kinds --------------------------------------------------------------- */

/* The words other programs use, each for the kind it names. */
static const struct {
    const char *word;
    const char *kind;
} kind_words[] = {
    { "home", "home" }, { "personal", "home" }, { "private", "home" },
    { "residence", "home" }, { "work", "work" }, { "business", "work" },
    { "office", "work" }, { "company", "work" },
};

const char *address_kind_guess(const char *text)
{
    if (!text)
        return NULL;
    for (const char *p = text; *p;) {
        while (*p && !isalpha((unsigned char)*p))
            p++;
        size_t n = 0;
        while (isalpha((unsigned char)p[n]))
            n++;
        for (size_t i = 0; n && i < sizeof kind_words / sizeof kind_words[0]; i++)
            if (strlen(kind_words[i].word) == n
                && strncasecmp(kind_words[i].word, p, n) == 0)
                return kind_words[i].kind;
        p += n;
    }
    return NULL;
}

const char *address_kind_label(const char *kind)
{
    if (!kind)
        return "";
    if (strcmp(kind, "home") == 0)
        return _("home");
    if (strcmp(kind, "work") == 0)
        return _("work");
    return kind;
}

/* The kind a "KIND:" prefix of text names: only the keys themselves
 * and their labels, so that "https:" or "Flat 3:" is no kind. Sets
 * *rest past the colon. */
static const char *kind_prefix(const char *text, const char **rest)
{
    const char *colon = strchr(text, ':');
    *rest = text;
    if (!colon)
        return NULL;
    char word[32];
    size_t n = (size_t)(colon - text);
    while (n > 0 && text[n - 1] == ' ')
        n--;
    if (n == 0 || n >= sizeof word)
        return NULL;
    memcpy(word, text, n);
    word[n] = '\0';
    static const char *const keys[] = { "home", "work" };
    for (size_t i = 0; i < 2; i++)
        if (strcasecmp(word, keys[i]) == 0
            || strcasecmp(word, address_kind_label(keys[i])) == 0) {
            *rest = colon + 1;
            return keys[i];
        }
    return NULL;
}

/* ---- addresses ----------------------------------------------------------- */

void address_clear(struct address *a)
{
    if (!a)
        return;
    free(a->kind);
    for (int i = 0; i < ADDRESS_PARTS; i++)
        free(a->part[i]);
    memset(a, 0, sizeof *a);
}

static int copy_text(char **dst, const char *src)
{
    *dst = NULL;
    if (!src || !*src)
        return 0;
    *dst = strdup(src);
    return *dst ? 0 : -1;
}

static int address_copy(struct address *dst, const struct address *src)
{
    memset(dst, 0, sizeof *dst);
    int rc = copy_text(&dst->kind, src->kind);
    for (int i = 0; rc == 0 && i < ADDRESS_PARTS; i++)
        rc = copy_text(&dst->part[i], src->part[i]);
    if (rc != 0)
        address_clear(dst);
    return rc;
}

int address_list_push(struct address_list *list, const struct address *a)
{
    if (list->len == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 2;
        struct address *items = realloc(list->items, cap * sizeof *items);
        if (!items)
            return -1;
        list->items = items;
        list->cap = cap;
    }
    if (address_copy(&list->items[list->len], a) != 0)
        return -1;
    list->len++;
    return 0;
}

bool address_empty(const struct address *a)
{
    for (int i = 0; i < ADDRESS_PARTS; i++)
        if (a->part[i] && *a->part[i])
            return false;
    return true;
}

/* Equal text, blanks around it and ASCII case aside; NULL is "". */
static bool same_part(const char *a, const char *b)
{
    a = a ? a : "";
    b = b ? b : "";
    a += strspn(a, " \t");
    b += strspn(b, " \t");
    size_t na = strlen(a), nb = strlen(b);
    while (na && (a[na - 1] == ' ' || a[na - 1] == '\t'))
        na--;
    while (nb && (b[nb - 1] == ' ' || b[nb - 1] == '\t'))
        nb--;
    return na == nb && strncasecmp(a, b, na) == 0;
}

bool address_same_place(const struct address *a, const struct address *b)
{
    for (int i = 0; i < ADDRESS_PARTS; i++)
        if (!same_part(a->part[i], b->part[i]))
            return false;
    return true;
}

long address_list_find(const struct address_list *list,
                       const struct address *a)
{
    for (size_t i = 0; i < list->len; i++)
        if (address_same_place(&list->items[i], a))
            return (long)i;
    return -1;
}

bool address_list_same(const struct address_list *a,
                       const struct address_list *b)
{
    if (a->len != b->len)
        return false;
    for (size_t i = 0; i < a->len; i++) {
        if (!text_same(a->items[i].kind, b->items[i].kind))
            return false;
        for (int k = 0; k < ADDRESS_PARTS; k++)
            if (!text_same(a->items[i].part[k], b->items[i].part[k]))
                return false;
    }
    return true;
}

int address_list_copy(struct address_list *dst,
                      const struct address_list *src)
{
    memset(dst, 0, sizeof *dst);
    for (size_t i = 0; i < src->len; i++)
        if (address_list_push(dst, &src->items[i]) != 0) {
            address_list_clear(dst);
            return -1;
        }
    return 0;
}

void address_list_clear(struct address_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->len; i++)
        address_clear(&list->items[i]);
    free(list->items);
    memset(list, 0, sizeof *list);
}

void address_list_remove(struct address_list *list, size_t at)
{
    if (at >= list->len)
        return;
    address_clear(&list->items[at]);
    memmove(&list->items[at], &list->items[at + 1],
            (list->len - at - 1) * sizeof *list->items);
    list->len--;
}

/* The parts of "a; b; c", "\;" kept as ';'; at most max of them, the
 * last taking the rest. Returns how many, or -1 out of memory. */
static int split_parts(const char *text, char **parts, int max)
{
    int n = 0;
    const char *p = text;
    while (n < max) {
        size_t cap = strlen(p) + 1, len = 0;
        char *part = malloc(cap);
        if (!part)
            return -1;
        while (*p && !(*p == ';' && n < max - 1)) {
            if (*p == '\\' && p[1] == ';')
                p++;
            part[len++] = *p++;
        }
        part[len] = '\0';
        text_trim(part);
        parts[n++] = part;
        if (*p != ';')
            break;
        p++;
    }
    return n;
}

int address_parse(const char *text, struct address *out)
{
    memset(out, 0, sizeof *out);
    const char *rest = text ? text : "";
    const char *kind = kind_prefix(rest, &rest);
    char *parts[ADDRESS_PARTS] = { 0 };
    int n = split_parts(rest, parts, ADDRESS_PARTS);
    if (n < 0)
        return -1;
    /* Five parts from the street on; seven are vCard's whole ADR. */
    int first = n == ADDRESS_PARTS ? 0 : ADDRESS_STREET;
    if (n > ADDRESS_PARTS - ADDRESS_STREET && n < ADDRESS_PARTS) {
        /* Six: the fifth onwards is still the country. */
        size_t len = 0;
        for (int i = ADDRESS_PARTS - ADDRESS_STREET - 1; i < n; i++)
            len += strlen(parts[i]) + 2;
        char *country = malloc(len + 1);
        if (!country) {
            for (int i = 0; i < n; i++)
                free(parts[i]);
            return -1;
        }
        country[0] = '\0';
        for (int i = ADDRESS_PARTS - ADDRESS_STREET - 1; i < n; i++) {
            if (*country)
                strcat(country, "; ");
            strcat(country, parts[i]);
            free(parts[i]);
        }
        n = ADDRESS_PARTS - ADDRESS_STREET;
        parts[n - 1] = country;
    }
    for (int i = 0; i < n; i++) {
        if (*parts[i])
            out->part[first + i] = parts[i];
        else
            free(parts[i]);
    }
    if (kind && !(out->kind = strdup(kind))) {
        address_clear(out);
        return -1;
    }
    return 0;
}

static void add_escaped(char *buf, size_t *len, const char *s)
{
    for (; s && *s; s++) {
        if (*s == ';')
            buf[(*len)++] = '\\';
        buf[(*len)++] = *s;
    }
    buf[*len] = '\0';
}

char *address_format(const struct address *a)
{
    size_t size = 16;
    for (int i = 0; i < ADDRESS_PARTS; i++)
        size += (a->part[i] ? strlen(a->part[i]) * 2 : 0) + 2;
    if (a->kind)
        size += strlen(a->kind);
    char *buf = malloc(size);
    if (!buf)
        return NULL;
    size_t len = 0;
    buf[0] = '\0';
    if (a->kind && *a->kind)
        len = (size_t)snprintf(buf, size, "%s:", a->kind);
    bool seven = (a->part[ADDRESS_POBOX] && *a->part[ADDRESS_POBOX])
                 || (a->part[ADDRESS_EXTENDED] && *a->part[ADDRESS_EXTENDED]);
    for (int i = seven ? 0 : ADDRESS_STREET; i < ADDRESS_PARTS; i++) {
        if (i > (seven ? 0 : ADDRESS_STREET)) {
            buf[len++] = ';';
            buf[len++] = ' ';
            buf[len] = '\0';
        }
        add_escaped(buf, &len, a->part[i]);
    }
    return buf;
}

char *address_describe(const struct address *a)
{
    size_t size = 64;
    for (int i = 0; i < ADDRESS_PARTS; i++)
        size += (a->part[i] ? strlen(a->part[i]) : 0) + 2;
    char *buf = malloc(size);
    if (!buf)
        return NULL;
    size_t len = 0;
    buf[0] = '\0';
    /* Line by line as on an envelope, the lines joined by commas: the
     * box, the extra line, the street, the code before the place. */
    const char *code = a->part[ADDRESS_CODE], *place = a->part[ADDRESS_LOCALITY];
    const char *lines[] = {
        a->part[ADDRESS_POBOX], a->part[ADDRESS_EXTENDED], a->part[ADDRESS_STREET],
        NULL, a->part[ADDRESS_REGION], a->part[ADDRESS_COUNTRY],
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        if (i == 3) {
            if ((code && *code) || (place && *place))
                len += (size_t)snprintf(buf + len, size - len, "%s%s%s%s",
                                        len ? ", " : "", code ? code : "",
                                        code && *code && place && *place ? " " : "",
                                        place ? place : "");
            continue;
        }
        if (lines[i] && *lines[i])
            len += (size_t)snprintf(buf + len, size - len, "%s%s",
                                    len ? ", " : "", lines[i]);
    }
    if (a->kind && *a->kind)
        snprintf(buf + len, size - len, " (%.40s)", address_kind_label(a->kind));
    return buf;
}

/* ---- web pages ----------------------------------------------------------- */

int url_list_push(struct url_list *list, const char *url, const char *kind)
{
    if (list->len == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 2;
        struct url *items = realloc(list->items, cap * sizeof *items);
        if (!items)
            return -1;
        list->items = items;
        list->cap = cap;
    }
    struct url *u = &list->items[list->len];
    u->url = strdup(url ? url : "");
    u->kind = kind && *kind ? strdup(kind) : NULL;
    if (!u->url || (kind && *kind && !u->kind)) {
        free(u->url);
        free(u->kind);
        return -1;
    }
    list->len++;
    return 0;
}

long url_list_find(const struct url_list *list, const char *url)
{
    for (size_t i = 0; i < list->len; i++)
        if (strcmp(list->items[i].url, url) == 0)
            return (long)i;
    return -1;
}

int url_list_merge(struct url_list *list, const char *url, const char *kind)
{
    long at = url_list_find(list, url);
    if (at < 0)
        return url_list_push(list, url, kind) == 0 ? 1 : -1;
    struct url *u = &list->items[at];
    if (u->kind || !kind || !*kind)
        return 0;
    u->kind = strdup(kind);
    return u->kind ? 1 : -1;
}

size_t url_list_drop(struct url_list *list, const char *url)
{
    char *want = strdup(url ? url : "");
    if (!want)
        return 0;
    text_trim(want);
    size_t kept = 0, dropped = 0;
    for (size_t i = 0; i < list->len; i++) {
        if (*want && strcmp(list->items[i].url, want) == 0) {
            free(list->items[i].url);
            free(list->items[i].kind);
            dropped++;
        } else {
            list->items[kept++] = list->items[i];
        }
    }
    list->len = kept;
    free(want);
    return dropped;
}

bool url_list_same(const struct url_list *a, const struct url_list *b)
{
    if (a->len != b->len)
        return false;
    for (size_t i = 0; i < a->len; i++)
        if (strcmp(a->items[i].url, b->items[i].url) != 0
            || !text_same(a->items[i].kind, b->items[i].kind))
            return false;
    return true;
}

int url_list_copy(struct url_list *dst, const struct url_list *src)
{
    memset(dst, 0, sizeof *dst);
    for (size_t i = 0; i < src->len; i++)
        if (url_list_push(dst, src->items[i].url, src->items[i].kind) != 0) {
            url_list_clear(dst);
            return -1;
        }
    return 0;
}

void url_list_clear(struct url_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->len; i++) {
        free(list->items[i].url);
        free(list->items[i].kind);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}

int url_parse(const char *text, char **url, const char **kind)
{
    const char *rest = text ? text : "";
    *kind = kind_prefix(rest, &rest);
    *url = strdup(rest);
    if (!*url)
        return -1;
    text_trim(*url);
    return 0;
}

char *url_format(const struct url *u)
{
    char *s = NULL;
    if (asprintf(&s, "%s%s%s", u->kind ? u->kind : "", u->kind ? ":" : "",
                 u->url) < 0)
        return NULL;
    return s;
}

char *url_list_describe(const struct url_list *list, const char *sep)
{
    size_t size = 1;
    for (size_t i = 0; i < list->len; i++)
        size += strlen(list->items[i].url) + strlen(sep) + 48;
    char *text = malloc(size);
    if (!text)
        return NULL;
    size_t len = 0;
    text[0] = '\0';
    for (size_t i = 0; i < list->len; i++) {
        const struct url *u = &list->items[i];
        len += (size_t)snprintf(text + len, size - len, "%s%s", i ? sep : "",
                                u->url);
        if (u->kind && *u->kind)
            len += (size_t)snprintf(text + len, size - len, " (%.40s)",
                                    address_kind_label(u->kind));
    }
    return text;
}
