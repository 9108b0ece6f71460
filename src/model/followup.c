/* Clearing a follow-up record. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/followup.h"

void followup_clear(struct followup *f)
{
    if (!f)
        return;
    free(f->contact_name);
    free(f->text);
    free(f->uid);
    memset(f, 0, sizeof *f);
}

LIST_CLEAR(followup_list_clear, followup_list, followup_clear)
