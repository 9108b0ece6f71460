/* Organisations and departments: whom a team serves and who signs off.
 * Uses store/ and below. */
#ifndef RAPPORT_ORG_H
#define RAPPORT_ORG_H

#include <time.h>

#include "model/contact.h"
#include "model/org.h"
#include "store/store.h"
#include "store/contact.h"
#include "store/org_stats.h"
#include "core/score.h"

enum store_status org_page(struct store *st, const struct org *after,
                           size_t limit, struct org_list *out);
/* Finds an organisation by its name (case-insensitive), or else by any
 * unambiguous part of it, ignoring case and accents. */
enum store_status org_resolve(struct store *st, const char *name,
                              struct org *out);
/* Which contacts are an organisation's active ones that have `role`:
 * for a cursor (core/cursor.h) over them. It points into org. */
struct contact_filter org_member_filter(const struct org *org, enum role role);
/* A window of an organisation's active contacts that have `role`. */
enum store_status org_members(struct store *st, const struct org *org,
                              enum role role, const struct contact *after,
                              size_t limit, struct contact_list *out);

/* A window of organisations as the Organisations screen lists them:
 * names holding text (NULL: all), in sort's order (core/score.c's NPS
 * rule for ORG_SORT_NPS). */
enum store_status org_summary_page(struct store *st, const char *text,
                                   enum org_sort sort,
                                   const struct org_summary *after,
                                   bool backward, size_t limit,
                                   struct org_summary_list *out);
/* One organisation as org_summary_page lists it. */
enum store_status org_summary_get(struct store *st, int64_t id,
                                  struct org_summary *out);
/* The NPS of an organisation's users or decision-makers. */
struct nps org_summary_nps(const struct org_summary *s, enum role role);

/* The changes an edit makes: NULL leaves a field as it is; budget ""
 * clears the budget date. */
struct org_change {
    const char *name;
    const char *notes;
    const char *budget;     /* MM-DD or "" */
};
/* Validates and stores the change of org (read just before).
 * STORE_CONFLICT when another organisation has the new name: the caller
 * may offer org_merge. */
enum store_status org_edit(struct store *st, const struct org *org,
                           const struct org_change *change, time_t now);
/* Merges organisation `from` into `into`: every contact moves, the
 * notes of both are kept, `from` goes; one undoable change. */
enum store_status org_merge(struct store *st, int64_t from, int64_t into,
                            time_t now);

#endif
