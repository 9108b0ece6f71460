/* Forgetting a contact: erased with everything about them (SPEC §2
 * Privacy), and out of the file. Uses store/store.h. */
#ifndef RAPPORT_STORE_FORGET_H
#define RAPPORT_STORE_FORGET_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* Erases the contact and everything about it: notes, follow-ups, scores,
 * stage history, full-text entries, journal entries; merges the
 * full-text segments and checkpoints the WAL so nothing remains in the
 * file. Not undoable. */
enum store_status store_contact_forget(struct store *st, int64_t id);

/* After a forget: true when another program's open read kept the old
 * copies from being wiped out of the file; they go when it ends. */
bool store_wipe_pending(const struct store *st);

#endif
