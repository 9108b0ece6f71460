/* Clearing a search hit record. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/search.h"

static void search_hit_clear(struct search_hit *h)
{
    contact_clear(&h->contact);
    free(h->snippet);
    memset(h, 0, sizeof *h);
}

LIST_CLEAR(search_hit_list_clear, search_hit_list, search_hit_clear)
