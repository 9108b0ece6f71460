/* Clearing a journal entry record. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/journal.h"

void journal_entry_clear(struct journal_entry *e)
{
    if (!e)
        return;
    free(e->what);
    memset(e, 0, sizeof *e);
}

LIST_CLEAR(journal_list_clear, journal_list, journal_entry_clear)
