/* Organisations in the store: a window by name, one by name or id. Uses
 * model/org.h, store/store.h. */
#ifndef RAPPORT_STORE_ORG_H
#define RAPPORT_STORE_ORG_H

#include <stddef.h>
#include <stdint.h>

#include "model/org.h"
#include "store/store.h"

/* A window of organisations by name, with counts per stage. */
enum store_status store_org_page(struct store *st, const struct org *after,
                                 size_t limit, struct org_list *out);
/* One organisation by name (case-insensitive) or id (when name NULL). */
enum store_status store_org_get(struct store *st, const char *name,
                                int64_t id, struct org *out);

#endif
