/* A hit of the full-text search as a record. Uses model/contact.h. */
#ifndef RAPPORT_MODEL_SEARCH_H
#define RAPPORT_MODEL_SEARCH_H

#include <stdint.h>

#include "model/contact.h"
#include "model/list.h"

/* A search hit: a contact, and for a hit in a note, that note. */
struct search_hit {
    struct contact contact;
    int64_t note_id;       /* 0 when the contact itself matched */
    char *snippet;         /* the matching part of the note, or NULL */
};

MODEL_LIST(search_hit_list, struct search_hit);

void search_hit_list_clear(struct search_hit_list *l);

#endif
