/* A growable list of owned strings: emails, phones, tags, messages. */
#ifndef RAPPORT_STRLIST_H
#define RAPPORT_STRLIST_H

#include <stdbool.h>
#include <stddef.h>

struct strlist {
    char **items;
    size_t len;
    size_t cap;
};

/* Appends a copy of text; returns 0, or -1 when out of memory. */
int strlist_push(struct strlist *list, const char *text);
/* Appends a formatted message. */
int strlist_pushf(struct strlist *list, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Removes every item equal to text (exact bytes); returns how many. */
size_t strlist_remove(struct strlist *list, const char *text);
/* Case-insensitive (ASCII) membership, as emails and tags compare. */
bool strlist_contains(const struct strlist *list, const char *text);
/* Joins with sep into a new string ("" for an empty list). */
char *strlist_join(const struct strlist *list, const char *sep);
void strlist_clear(struct strlist *list);

#endif
