/* Full-text search over contacts and notes, and resolving a name. Uses
 * model/contact.h, model/search.h, store/store.h. */
#ifndef RAPPORT_STORE_SEARCH_H
#define RAPPORT_STORE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "model/contact.h"
#include "model/search.h"
#include "store/store.h"

/* Contacts whose name matches needle: first whole-word prefixes through
 * the full-text index (case- and accent-insensitive), then, when that
 * finds none, any part of the folded name. At most limit rows. */
enum store_status store_contact_match(struct store *st, const char *needle,
                                      bool include_archived, size_t limit,
                                      struct contact_list *out);

/* Full-text search over contacts and notes; contacts first. */
enum store_status store_search(struct store *st, const char *query,
                               size_t limit, struct search_hit_list *out);

#endif
