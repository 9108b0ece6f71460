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

/* Where a contact's match was found, in the order they are tried. */
enum search_field {
    SEARCH_IN_NAME = 0,
    SEARCH_IN_ORG,
    SEARCH_IN_EMAIL,
    SEARCH_IN_PHONE,
    SEARCH_IN_TAG,
    SEARCH_IN_TITLE,
    SEARCH_IN_DEPARTMENT,
    SEARCH_IN_PROJECTS,
    SEARCH_IN_GOALS,
    SEARCH_IN_CHANNEL,
    SEARCH_IN_FOLLOWUP,
    SEARCH_IN_NOTE,
    SEARCH_IN_COUNT
};

void search_hit_list_clear(struct search_hit_list *l);

#endif
