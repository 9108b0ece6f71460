/* Clearing a score record. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/score.h"

void score_clear(struct score *s)
{
    if (!s)
        return;
    free(s->comment);
    memset(s, 0, sizeof *s);
}

LIST_CLEAR(score_list_clear, score_list, score_clear)
