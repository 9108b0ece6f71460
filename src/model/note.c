/* Clearing a note record. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/note.h"

void store_note_clear(struct note *n)
{
    if (!n)
        return;
    free(n->body);
    memset(n, 0, sizeof *n);
}

LIST_CLEAR(store_note_list_clear, note_list, store_note_clear)
