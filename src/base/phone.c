/* Phone numbers and their kinds. The kinds are vCard's TEL types (RFC
 * 6350 §6.4.1), which abook and other address books read, so a kind
 * goes out as the TYPE it came in as. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "base/phone.h"
#include "base/text.h"

/* In order of precedence: when several words of one label name kinds,
 * the first here wins ("work fax" is a fax, "cell,voice" a mobile). */
static const struct phone_kind {
    const char *key;          /* stored, typed, and written as TYPE */
    const char *label;        /* NC_(): for people */
    const char *const words[5];   /* other programs' words for it */
} kinds[] = {
    { "fax", NC_("phone kind", "fax"), { "facsimile" } },
    { "pager", NC_("phone kind", "pager"), { "beeper" } },
    { "cell", NC_("phone kind", "mobile"), { "mobile", "cellular", "iphone" } },
    { "textphone", NC_("phone kind", "textphone"), { "tty", "tdd", "minicom" } },
    { "video", NC_("phone kind", "video"), { NULL } },
    { "text", NC_("phone kind", "text"), { "sms" } },
    { "work", NC_("phone kind", "work"), { "business", "office", "company" } },
    { "home", NC_("phone kind", "home"), { "private", "personal" } },
};
#define KIND_COUNT (sizeof kinds / sizeof kinds[0])

static const struct phone_kind *kind_of_word(const char *word, size_t len)
{
    for (size_t i = 0; i < KIND_COUNT; i++) {
        if (strlen(kinds[i].key) == len && strncasecmp(kinds[i].key, word, len) == 0)
            return &kinds[i];
        for (size_t w = 0; w < 5 && kinds[i].words[w]; w++)
            if (strlen(kinds[i].words[w]) == len
                && strncasecmp(kinds[i].words[w], word, len) == 0)
                return &kinds[i];
    }
    return NULL;
}

const char *phone_kind_find(const char *word)
{
    if (!word)
        return NULL;
    char *w = strdup(word);
    if (!w)
        return NULL;
    text_trim(w);
    const struct phone_kind *k = *w ? kind_of_word(w, strlen(w)) : NULL;
    if (!k && *w) {
        /* The label the contact page shows, in the user's language. */
        char *folded = text_fold(w);
        for (size_t i = 0; folded && !k && i < KIND_COUNT; i++) {
            char *label = text_fold(C_(kinds[i].label));
            if (label && strcmp(label, folded) == 0)
                k = &kinds[i];
            free(label);
        }
        free(folded);
    }
    free(w);
    return k ? k->key : NULL;
}

const char *phone_kind_guess(const char *text)
{
    const struct phone_kind *best = NULL;
    for (const char *p = text; p && *p;) {
        size_t skip = 0, len = 0;
        while (p[skip] && !((p[skip] | 0x20) >= 'a' && (p[skip] | 0x20) <= 'z'))
            skip++;
        p += skip;
        while (((p[len] | 0x20) >= 'a' && (p[len] | 0x20) <= 'z'))
            len++;
        if (len == 0)
            break;
        const struct phone_kind *k = kind_of_word(p, len);
        if (k && (!best || k < best))
            best = k;
        p += len;
    }
    return best ? best->key : NULL;
}

const char *phone_kind_label(const char *kind)
{
    /* Untranslated, a kind shows as it is typed (cell: shows as cell);
     * the catalogues translate the label ("mobile", "Mobil"). */
    for (size_t i = 0; kind && i < KIND_COUNT; i++)
        if (strcmp(kinds[i].key, kind) == 0)
            return gettext(kinds[i].label) != kinds[i].label
                       ? C_(kinds[i].label) : kinds[i].key;
    return kind ? kind : "";
}

const char *phone_kind_keys(void)
{
    return "cell, work, home, fax, pager, text, video, textphone";
}

/* A word as a kind is written: letters (any script), blanks, hyphens;
 * a number has digits, so "+47 123: ext" is no kind. */
static bool is_word(const char *s, size_t len)
{
    bool letter = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            letter = true;
        else if (c != ' ' && c != '-' && c != '\t')
            return false;
    }
    return letter;
}

int phone_parse(const char *text, char **number, const char **kind)
{
    *number = NULL;
    *kind = NULL;
    const char *s = text ? text : "";
    const char *colon = strchr(s, ':');
    if (colon && is_word(s, (size_t)(colon - s))) {
        char *prefix = strndup(s, (size_t)(colon - s));
        if (!prefix)
            return 0;
        text_trim(prefix);
        if (strcasecmp(prefix, "tel") != 0) {
            *kind = phone_kind_find(prefix);
            if (!*kind) {
                free(prefix);
                return -1;
            }
        }
        free(prefix);
        s = colon + 1;
    }
    *number = strdup(s);
    if (*number)
        text_trim(*number);
    return 0;
}

char *phone_format(const struct phone *p)
{
    char *text = NULL;
    if (p->kind && *p->kind) {
        if (asprintf(&text, "%s:%s", p->kind, p->number ? p->number : "") < 0)
            text = NULL;
    } else {
        text = strdup(p->number ? p->number : "");
    }
    return text;
}

char *phone_list_describe(const struct phone_list *list, const char *sep)
{
    size_t size = 1;
    for (size_t i = 0; i < list->len; i++)
        size += strlen(list->items[i].number) + strlen(sep) + 64;
    char *text = malloc(size);
    if (!text)
        return NULL;
    size_t len = 0;
    text[0] = '\0';
    for (size_t i = 0; i < list->len; i++) {
        const struct phone *p = &list->items[i];
        len += (size_t)snprintf(text + len, size - len, "%s%s", i ? sep : "",
                                p->number);
        if (p->kind && *p->kind)
            len += (size_t)snprintf(text + len, size - len, " (%.48s)",
                                    phone_kind_label(p->kind));
    }
    return text;
}

/* ---- the list ------------------------------------------------------------ */

int phone_list_push(struct phone_list *list, const char *number,
                    const char *kind)
{
    if (list->len == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 4;
        struct phone *items = realloc(list->items, cap * sizeof *items);
        if (!items)
            return -1;
        list->items = items;
        list->cap = cap;
    }
    struct phone *p = &list->items[list->len];
    p->number = strdup(number ? number : "");
    p->kind = kind && *kind ? strdup(kind) : NULL;
    if (!p->number || (kind && *kind && !p->kind)) {
        free(p->number);
        free(p->kind);
        return -1;
    }
    list->len++;
    return 0;
}

long phone_list_find(const struct phone_list *list, const char *number)
{
    for (size_t i = 0; number && i < list->len; i++)
        if (strcasecmp(list->items[i].number, number) == 0)
            return (long)i;
    return -1;
}

int phone_list_merge(struct phone_list *list, const char *number,
                     const char *kind)
{
    long at = phone_list_find(list, number);
    if (at < 0)
        return phone_list_push(list, number, kind) == 0 ? 1 : -1;
    struct phone *p = &list->items[at];
    if (p->kind || !kind || !*kind)
        return 0;
    p->kind = strdup(kind);
    return p->kind ? 1 : -1;
}

size_t phone_list_drop(struct phone_list *list, const char *number)
{
    char *want = strdup(number ? number : "");
    if (!want)
        return 0;
    text_trim(want);
    size_t kept = 0, dropped = 0;
    for (size_t i = 0; i < list->len; i++) {
        struct phone *p = &list->items[i];
        if (*want && strcasecmp(p->number, want) == 0) {
            free(p->number);
            free(p->kind);
            dropped++;
        } else {
            list->items[kept++] = *p;
        }
    }
    list->len = kept;
    free(want);
    return dropped;
}

bool phone_list_same(const struct phone_list *a, const struct phone_list *b)
{
    if (a->len != b->len)
        return false;
    for (size_t i = 0; i < a->len; i++)
        if (strcmp(a->items[i].number, b->items[i].number) != 0
            || !text_same(a->items[i].kind, b->items[i].kind))
            return false;
    return true;
}

int phone_list_copy(struct phone_list *dst, const struct phone_list *src)
{
    memset(dst, 0, sizeof *dst);
    for (size_t i = 0; i < src->len; i++)
        if (phone_list_push(dst, src->items[i].number, src->items[i].kind) != 0) {
            phone_list_clear(dst);
            return -1;
        }
    return 0;
}

void phone_list_clear(struct phone_list *list)
{
    for (size_t i = 0; i < list->len; i++) {
        free(list->items[i].number);
        free(list->items[i].kind);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}
