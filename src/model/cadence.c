/* The cadence arithmetic: which days apply, and when a contact goes
 * quiet. */
#include <config.h>

#include "model/cadence.h"

int cadence_of_stage(const int stage_cadence[STAGE_COUNT], int stage)
{
    if (stage < 0 || stage >= STAGE_COUNT)
        return 0;
    return stage_cadence[stage] > 0 ? stage_cadence[stage] : 0;
}

int cadence_days_for(const struct contact *c,
                     const int stage_cadence[STAGE_COUNT])
{
    if (c->cadence_days >= 0)
        return c->cadence_days;
    return cadence_of_stage(stage_cadence, (int)c->stage);
}

time_t cadence_quiet_at(const struct contact *c, int days)
{
    return contact_last_interaction(c) + (time_t)days * CADENCE_DAY_SECONDS;
}
