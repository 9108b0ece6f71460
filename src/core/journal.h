/* The change journal: every write can be undone, newest first, and an
 * undone one redone until the next change.
 * Uses store/ and below. */
#ifndef RAPPORT_JOURNAL_H
#define RAPPORT_JOURNAL_H

#include "model/journal.h"
#include "store/store.h"

/* Reverts the last change; *what (free it) says what was undone.
 * STORE_NOT_FOUND with a message when there is nothing to undo. */
enum store_status journal_undo(struct store *st, char **what);

/* The newest change, without undoing it (clear the entry; entry->own
 * says whether this connection made it). STORE_NOT_FOUND when there is
 * none. */
enum store_status journal_newest(struct store *st, struct journal_entry *entry);

/* Reverts entry `id` if it is still the newest change (STORE_CONFLICT
 * otherwise); *what as for journal_undo. */
enum store_status journal_undo_entry(struct store *st, int64_t id, char **what);

/* Brings back the change undone last (it can be undone again), as long
 * as no change was made since; *what (free it) says what was redone.
 * STORE_NOT_FOUND with a message when there is nothing to redo. */
enum store_status journal_redo(struct store *st, char **what);
/* The newest undone change, without redoing it (as journal_newest). */
enum store_status journal_newest_undone(struct store *st,
                                        struct journal_entry *entry);
/* Redoes entry `id` if it is still the newest undone change. */
enum store_status journal_redo_entry(struct store *st, int64_t id, char **what);

#endif
