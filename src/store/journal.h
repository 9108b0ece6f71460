/* The undo journal: undoing the newest change, and the newest entries.
 * Uses model/journal.h, store/store.h. */
#ifndef RAPPORT_STORE_JOURNAL_H
#define RAPPORT_STORE_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "model/journal.h"
#include "store/store.h"

/* Reverts the newest change still in the journal and removes it; fills
 * *undone with its description. STORE_NOT_FOUND when there is none. */
enum store_status store_undo(struct store *st, struct journal_entry *undone);
/* The same, but only when entry `expected` is still the newest; else
 * STORE_CONFLICT and nothing changes. */
enum store_status store_undo_entry(struct store *st, int64_t expected,
                                   struct journal_entry *undone);
enum store_status store_journal_recent(struct store *st, size_t limit,
                                       struct journal_list *out);

#endif
