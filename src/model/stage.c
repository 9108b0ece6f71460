/* Clearing a stage change record. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/stage.h"

void store_stage_change_clear(struct stage_change *s)
{
    if (!s)
        return;
    free(s->reason);
    memset(s, 0, sizeof *s);
}

LIST_CLEAR(store_stage_change_list_clear, stage_change_list, store_stage_change_clear)
