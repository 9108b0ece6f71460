/* A contact's cadence paused until a day, as a record. Uses base/date.h. */
#ifndef RAPPORT_MODEL_PAUSE_H
#define RAPPORT_MODEL_PAUSE_H

#include <stdint.h>
#include <time.h>

#include "base/date.h"

struct pause {
    int64_t contact_id;
    struct date until;     /* gone quiet leaves the contact out before it */
    char *reason;          /* NULL when none was given */
    time_t at;             /* when the pause was set */
};

void pause_clear(struct pause *p);

#endif
