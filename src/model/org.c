/* Clearing an organisation record. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/org.h"

void store_org_clear(struct org *o)
{
    if (!o)
        return;
    free(o->name);
    free(o->notes);
    memset(o, 0, sizeof *o);
}

LIST_CLEAR(store_org_list_clear, org_list, store_org_clear)
