/* Stages in the store: a change of a contact's stage, and the history.
 * Uses model/stage.h, store/store.h. */
#ifndef RAPPORT_STORE_STAGE_H
#define RAPPORT_STORE_STAGE_H

#include <stdint.h>
#include <time.h>

#include "model/stage.h"
#include "store/store.h"

/* Records a change of c's stage to `to` (from its current stage). */
enum store_status store_stage_change(struct store *st, int64_t contact_id,
                                     enum stage to, const char *reason,
                                     time_t now);
/* Newest first. */
enum store_status store_stage_history(struct store *st, int64_t contact_id,
                                      struct stage_change_list *out);

#endif
