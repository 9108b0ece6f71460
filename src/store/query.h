/* Address completion: the active contacts with an address whose name,
 * organisation or addresses hold words beginning as typed. Uses
 * model/query.h, store/store.h. */
#ifndef RAPPORT_STORE_QUERY_H
#define RAPPORT_STORE_QUERY_H

#include <stddef.h>

#include "model/query.h"
#include "store/store.h"

/* At most limit contacts (more set when there are others), in the
 * order of their names, each with every address. Nothing when text has
 * no word. */
enum store_status store_query_addresses(struct store *st, const char *text,
                                        size_t limit, struct query_hit_list *out);

#endif
