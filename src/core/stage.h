/* The pipeline's stages and moving a contact along it. The current
 * stage is always the last recorded change; history is kept forever.
 * Uses store/ and below. */
#ifndef RAPPORT_STAGE_H
#define RAPPORT_STAGE_H

#include "model/stage.h"
#include "store/store.h"

/* Translated singular and plural labels: "End user", "End users". */
const char *stage_label(enum stage s);
const char *stage_plural_label(enum stage s);
/* Accepts a key, a label in any case, and "end user"/"enduser";
 * STAGE_NONE when unknown. */
int stage_parse(const char *text);

/* Direct jump to `to`; an error when the contact is already there. */
enum store_status stage_set(struct store *st, int64_t contact_id,
                            enum stage to, const char *reason, time_t now);
/* One step forward or back; an error past either end. The new stage is
 * stored in *now_stage when it is not NULL. */
enum store_status stage_promote(struct store *st, int64_t contact_id,
                                const char *reason, time_t now,
                                enum stage *now_stage);
enum store_status stage_demote(struct store *st, int64_t contact_id,
                               const char *reason, time_t now,
                               enum stage *now_stage);

#endif
