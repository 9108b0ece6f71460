/* A contact's history, newest first: its notes and the follow-ups done,
 * a window at a time. Uses model/timeline.h, store/store.h. */
#ifndef RAPPORT_STORE_TIMELINE_H
#define RAPPORT_STORE_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "model/timeline.h"
#include "store/store.h"

/* The entries after `after` (NULL: from the newest), at most limit;
 * out->more when older ones exist. */
enum store_status store_timeline_page(struct store *st, int64_t contact_id,
                                      const struct timeline_entry *after,
                                      size_t limit, struct timeline_list *out);
/* How many follow-ups of the contact were done. */
enum store_status store_timeline_done_count(struct store *st, int64_t contact_id,
                                            int64_t *count);

#endif
