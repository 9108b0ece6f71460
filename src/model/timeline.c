/* Clearing an entry of a contact's history. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/timeline.h"

void timeline_entry_clear(struct timeline_entry *e)
{
    if (!e)
        return;
    free(e->text);
    memset(e, 0, sizeof *e);
}

LIST_CLEAR(timeline_list_clear, timeline_list, timeline_entry_clear)
