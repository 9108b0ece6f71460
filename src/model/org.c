/* Clearing an organisation record. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/org.h"

void org_clear(struct org *o)
{
    if (!o)
        return;
    free(o->name);
    free(o->notes);
    memset(o, 0, sizeof *o);
}

LIST_CLEAR(org_list_clear, org_list, org_clear)
