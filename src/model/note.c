/* Clearing a note record. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/note.h"

void note_clear(struct note *n)
{
    if (!n)
        return;
    free(n->body);
    memset(n, 0, sizeof *n);
}

LIST_CLEAR(note_list_clear, note_list, note_clear)
