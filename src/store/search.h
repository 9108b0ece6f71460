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

/* Inside a write (an import's transaction): from now on the words of
 * the contacts written and of new notes are indexed by
 * store_search_catch_up(), not as each row is written. */
enum store_status store_search_defer(struct store *st);
/* Indexes what was written since store_search_defer() (or the last
 * catch-up); stop: and indexes as each row is written again. Must run
 * before the write commits. Notes edited or deleted meanwhile are not
 * deferred: only an import defers, and it only adds notes. */
enum store_status store_search_catch_up(struct store *st, bool stop);

/* Why contact id matches what was typed: the first field (in enum
 * search_field's order) that holds a word beginning with a typed word
 * the name does not hold, and that field's value (a note: the part
 * that matches) in *text, which the caller frees; SEARCH_IN_NAME with
 * NULL when the name holds them all, or nothing else does. */
enum store_status store_contact_why(struct store *st, int64_t id,
                                    const char *typed,
                                    enum search_field *field, char **text);

/* Full-text search over contacts and notes; contacts first. */
enum store_status store_search(struct store *st, const char *query,
                               size_t limit, struct search_hit_list *out);

#endif
