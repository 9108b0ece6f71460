/* The cadence arithmetic that the store's gone-quiet lists and the
 * domain both need (SPEC §2, cadence): which days apply to a contact,
 * and the moment it goes quiet. Written once here, so a contact is
 * quiet in a list and on its own page at the same moment. Uses
 * model/contact.h. */
#ifndef RAPPORT_MODEL_CADENCE_H
#define RAPPORT_MODEL_CADENCE_H

#include <time.h>

#include "model/contact.h"
#include "model/stage.h"

/* A day of cadence, in seconds: quiet is measured to the second. */
#define CADENCE_DAY_SECONDS 86400

/* The configured cadence of a stage in days; 0 when it is off (or not
 * a stage). */
int cadence_of_stage(const int stage_cadence[STAGE_COUNT], int stage);
/* Days that apply to c (its own, else its stage's); 0 = never quiet. */
int cadence_days_for(const struct contact *c,
                     const int stage_cadence[STAGE_COUNT]);
/* When c goes quiet on a cadence of `days`: its last interaction plus
 * that many days. */
time_t cadence_quiet_at(const struct contact *c, int days);

#endif
