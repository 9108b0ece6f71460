/* Organisations and departments: whom a team serves and who signs off.
 * Uses store/ and below. */
#ifndef RAPPORT_ORG_H
#define RAPPORT_ORG_H

#include "store/store.h"

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

#endif
