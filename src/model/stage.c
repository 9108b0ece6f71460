/* The stages' keys, and clearing a stage change record. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/stage.h"

static const char *const stage_keys[STAGE_COUNT] = {
    [STAGE_END_USER] = "end-user",
    [STAGE_CUSTOMER] = "customer",
    [STAGE_CLIENT] = "client",
};

const char *stage_key(enum stage s)
{
    return (unsigned)s < STAGE_COUNT ? stage_keys[s] : "?";
}

int stage_from_key(const char *key)
{
    for (int s = 0; key && s < STAGE_COUNT; s++)
        if (strcmp(key, stage_keys[s]) == 0)
            return s;
    return STAGE_NONE;
}

void stage_change_clear(struct stage_change *s)
{
    if (!s)
        return;
    free(s->reason);
    memset(s, 0, sizeof *s);
}

LIST_CLEAR(stage_change_list_clear, stage_change_list, stage_change_clear)
