/* Organisations in the store: a window by name, one by name or id. Uses
 * model/org.h, store/store.h. */
#ifndef RAPPORT_STORE_ORG_H
#define RAPPORT_STORE_ORG_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "base/strlist.h"
#include "model/org.h"
#include "store/store.h"

/* A window of organisations by name, with counts per stage. */
enum store_status store_org_page(struct store *st, const struct org *after,
                                 size_t limit, struct org_list *out);
/* The names starting with prefix (case and accents aside), at most limit of
 * them, in name order: what completing a name offers. */
enum store_status store_org_names(struct store *st, const char *prefix,
                                  size_t limit, struct strlist *out);
/* One organisation by name (case-insensitive) or id (when name NULL). */
enum store_status store_org_get(struct store *st, const char *name,
                                int64_t id, struct org *out);
/* Writes o's name, notes and budget date (store/org_write.c);
 * STORE_CONFLICT when another organisation has the name. */
enum store_status store_org_edit(struct store *st, const struct org *o, time_t now);
/* Moves every contact of organisation `from` (archived ones too) to
 * `into`, keeps the notes of both and the budget date where only `from`
 * had one, and removes `from`: one journaled change, so one undo brings
 * it all back. */
enum store_status store_org_merge(struct store *st, int64_t from, int64_t into,
                                  time_t now);

#endif
