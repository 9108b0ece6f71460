/* Pausing a contact's cadence: someone who asked for quiet ("on
 * sabbatical until 2027-03-01") is not listed as gone quiet before the
 * day given. Uses store/ and below. */
#ifndef RAPPORT_PAUSE_H
#define RAPPORT_PAUSE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "model/pause.h"
#include "store/store.h"

/* The longest reason, in bytes. */
#define PAUSE_REASON_MAX 500

/* Pauses the cadence until `until`, a day after today (the day of
 * `now`); reason (NULL or blank: none) is one line of text. Replaces a
 * pause the contact had; undoable. */
enum store_status pause_set(struct store *st, int64_t contact_id, struct date until,
                            const char *reason, time_t now);
/* Ends the pause (the contact may be listed as gone quiet again). */
enum store_status pause_end(struct store *st, int64_t contact_id, time_t now);
/* The contact's pause while it lasts on the day of `now`: true and *out
 * filled (clear it), false when there is none or it is over. */
enum store_status pause_current(struct store *st, int64_t contact_id, time_t now,
                                struct pause *out, bool *paused);

#endif
