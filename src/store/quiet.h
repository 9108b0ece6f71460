/* Gone quiet: contacts past their cadence, a window at a time. Uses
 * model/contact.h, model/stage.h, store/store.h. */
#ifndef RAPPORT_STORE_QUIET_H
#define RAPPORT_STORE_QUIET_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "model/contact.h"
#include "model/stage.h"
#include "store/store.h"

/* Active contacts whose last interaction is older than their cadence
 * (their own cadence_days, else stage_cadence[stage]; 0 = never quiet),
 * clients first, then the most overdue; owner: only that member's
 * contacts (NULL: everyone's). after: the last row the caller has. */
enum store_status store_quiet_page(struct store *st,
                                   const int stage_cadence[STAGE_COUNT],
                                   const char *owner,
                                   time_t now, const struct contact *after,
                                   size_t limit, struct contact_list *out);
/* The rows just before `before` (NULL: the last ones), in list order. */
enum store_status store_quiet_page_before(struct store *st,
                                          const int stage_cadence[STAGE_COUNT],
                                          const char *owner, time_t now,
                                          const struct contact *before,
                                          size_t limit,
                                          struct contact_list *out);
enum store_status store_quiet_count(struct store *st,
                                    const int stage_cadence[STAGE_COUNT],
                                    const char *owner, time_t now,
                                    int64_t *count);

#endif
