/* Cadence: how often a contact should be touched to "stay visible", and
 * who has gone quiet. Pure functions take `now`. Uses store/ and below. */
#ifndef RAPPORT_CADENCE_H
#define RAPPORT_CADENCE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "model/cadence.h"
#include "model/contact.h"
#include "model/stage.h"

/* SPEC §2 defaults: end user off, customer 45 days, client 21 days. */
extern const int cadence_defaults[STAGE_COUNT];

/* Which days apply to a contact (cadence_days_for) is model/cadence.h's. */
/* Whole days since c's last interaction. */
int64_t cadence_days_since(const struct contact *c, time_t now);
/* Days past the cadence (> 0 when quiet), 0 when not quiet or off. */
int64_t cadence_days_overdue(const struct contact *c,
                             const int stage_cadence[STAGE_COUNT], time_t now);
bool cadence_is_quiet(const struct contact *c,
                      const int stage_cadence[STAGE_COUNT], time_t now);
/* Parses a cadence: Nd, Nw, Nm (a month counted as 30 days), "off" or
 * "never" (0), "default" (-1). Returns 0 or -1. */
int cadence_parse(const char *text, int *days);

#endif
