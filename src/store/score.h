/* Satisfaction scores in the store. Uses model/score.h, store/store.h. */
#ifndef RAPPORT_STORE_SCORE_H
#define RAPPORT_STORE_SCORE_H

#include <stdint.h>
#include <time.h>

#include "model/score.h"
#include "store/store.h"

enum store_status store_score_add(struct store *st, struct score *s,
                                  time_t now);
/* Newest first. */
enum store_status store_score_list(struct store *st, int64_t contact_id,
                                   struct score_list *out);
/* The value of the contact's latest score; -1 when none. */
enum store_status store_score_latest(struct store *st, int64_t contact_id,
                                     int *value);

#endif
