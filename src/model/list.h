/* The list of records a window of the store fills: its items, how many,
 * and whether rows exist past it. Uses nothing. */
#ifndef RAPPORT_MODEL_LIST_H
#define RAPPORT_MODEL_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define MODEL_LIST(name, type) \
    struct name {                  \
        type *items;               \
        size_t len;                \
        bool more;  /* rows exist past this window */ \
    }

/* Defines fn, which clears every item of a list with item_clear and
 * frees the array. */
#define LIST_CLEAR(fn, list_type, item_clear)            \
    void fn(struct list_type *l)                         \
    {                                                    \
        if (!l)                                          \
            return;                                      \
        for (size_t i = 0; i < l->len; i++)              \
            item_clear(&l->items[i]);                    \
        free(l->items);                                  \
        memset(l, 0, sizeof *l);                         \
    }

#endif
