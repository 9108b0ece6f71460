/* What shell completion offers from the database (`rapport complete`):
 * a window of names, organisations, tags, open follow-ups and waiting
 * messages that begin as typed, each read through an index, never a
 * whole table. Each candidate is "value" or "value<TAB>description".
 * Uses base/strlist.h, store/store.h. */
#ifndef RAPPORT_STORE_COMPLETE_H
#define RAPPORT_STORE_COMPLETE_H

#include <stddef.h>

#include "base/strlist.h"
#include "store/store.h"

/* Active contacts whose name begins with prefix (case and accents
 * aside), in name order. */
enum store_status store_complete_contacts(struct store *st, const char *prefix,
                                          size_t limit, struct strlist *out);
enum store_status store_complete_orgs(struct store *st, const char *prefix,
                                      size_t limit, struct strlist *out);
enum store_status store_complete_tags(struct store *st, const char *prefix,
                                      size_t limit, struct strlist *out);
/* Open follow-ups whose id (f12) begins with prefix, with their text
 * and contact. */
enum store_status store_complete_followups(struct store *st, const char *prefix,
                                           size_t limit, struct strlist *out);
/* Waiting messages (m3), with their sender and subject. */
enum store_status store_complete_messages(struct store *st, const char *prefix,
                                          size_t limit, struct strlist *out);

#endif
