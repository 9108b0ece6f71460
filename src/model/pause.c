/* Clearing a pause record. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/pause.h"

void pause_clear(struct pause *p)
{
    if (!p)
        return;
    free(p->reason);
    memset(p, 0, sizeof *p);
}
