/* The undo journal: undoing the newest change and redoing the newest
 * undone one (store/undo.c), and the newest entries of each kind.
 * Uses model/journal.h, store/store.h. */
#ifndef RAPPORT_STORE_JOURNAL_H
#define RAPPORT_STORE_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "model/journal.h"
#include "store/store.h"

/* Reverts the newest change still in the journal and keeps it as an
 * undone entry that redo brings back; fills *undone with its
 * description. STORE_NOT_FOUND when there is none. */
enum store_status store_undo(struct store *st, struct journal_entry *undone);
/* The same, but only when entry `expected` is still the newest; else
 * STORE_CONFLICT and nothing changes. */
enum store_status store_undo_entry(struct store *st, int64_t expected,
                                   struct journal_entry *undone);
/* Brings back the change undone last, if no change was made since
 * (STORE_NOT_FOUND otherwise); the redone change can be undone again.
 * With expected > 0, only when entry `expected` is still the newest
 * undone one. */
enum store_status store_redo_entry(struct store *st, int64_t expected,
                                   struct journal_entry *redone);
/* The newest changes that undo reverts, newest first. */
enum store_status store_journal_recent(struct store *st, size_t limit,
                                       struct journal_list *out);
/* The newest undone changes that redo brings back, newest first. */
enum store_status store_journal_redoable(struct store *st, size_t limit,
                                         struct journal_list *out);

#endif
