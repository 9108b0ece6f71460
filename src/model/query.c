/* Clearing an address completion record. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/query.h"

void query_hit_clear(struct query_hit *h)
{
    if (!h)
        return;
    free(h->name);
    free(h->name_key);
    free(h->org);
    strlist_clear(&h->emails);
    memset(h, 0, sizeof *h);
}

LIST_CLEAR(query_hit_list_clear, query_hit_list, query_hit_clear)
