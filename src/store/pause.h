/* Paused cadences in the store: one row per contact at most. Uses
 * model/pause.h, store/store.h. */
#ifndef RAPPORT_STORE_PAUSE_H
#define RAPPORT_STORE_PAUSE_H

#include <stdint.h>
#include <time.h>

#include "model/pause.h"
#include "store/store.h"

/* Pauses p->contact_id's cadence until p->until (replacing a pause it
 * had), with p->reason; p->at is set to now. One undoable change. */
enum store_status store_pause_set(struct store *st, struct pause *p, time_t now);
/* Ends a contact's pause; STORE_NOT_FOUND with a message when it had
 * none. */
enum store_status store_pause_end(struct store *st, int64_t contact_id, time_t now);
/* The contact's pause, over or not; STORE_NOT_FOUND when it has none. */
enum store_status store_pause_get(struct store *st, int64_t contact_id,
                                  struct pause *out);

#endif
