/* A growable list of owned strings: emails, phones, tags, messages. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/strlist.h"

/* Takes ownership of text (already allocated). */
static int push_owned(struct strlist *list, char *text)
{
    if (list->len == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 4;
        char **items = realloc(list->items, cap * sizeof *items);
        if (!items) {
            free(text);
            return -1;
        }
        list->items = items;
        list->cap = cap;
    }
    list->items[list->len++] = text;
    return 0;
}

int strlist_push(struct strlist *list, const char *text)
{
    char *copy = strdup(text ? text : "");
    if (!copy)
        return -1;
    return push_owned(list, copy);
}

int strlist_pushf(struct strlist *list, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = NULL;
    int n = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    return push_owned(list, text);
}

size_t strlist_remove(struct strlist *list, const char *text)
{
    size_t kept = 0, removed = 0;
    for (size_t i = 0; i < list->len; i++) {
        if (strcmp(list->items[i], text) == 0) {
            free(list->items[i]);
            removed++;
        } else {
            list->items[kept++] = list->items[i];
        }
    }
    list->len = kept;
    return removed;
}

bool strlist_contains(const struct strlist *list, const char *text)
{
    for (size_t i = 0; i < list->len; i++)
        if (strcasecmp(list->items[i], text) == 0)
            return true;
    return false;
}

char *strlist_join(const struct strlist *list, const char *sep)
{
    size_t seplen = strlen(sep), total = 1;
    for (size_t i = 0; i < list->len; i++)
        total += strlen(list->items[i]) + (i ? seplen : 0);
    char *out = malloc(total);
    if (!out)
        return NULL;
    char *p = out;
    for (size_t i = 0; i < list->len; i++) {
        if (i) {
            memcpy(p, sep, seplen);
            p += seplen;
        }
        size_t len = strlen(list->items[i]);
        memcpy(p, list->items[i], len);
        p += len;
    }
    *p = '\0';
    return out;
}

void strlist_clear(struct strlist *list)
{
    for (size_t i = 0; i < list->len; i++)
        free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->len = list->cap = 0;
}
