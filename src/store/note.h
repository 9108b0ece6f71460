/* Notes in the store: adding, reading, changing and deleting one, and
 * a window of a contact's notes.
 * Uses model/note.h, store/store.h. */
#ifndef RAPPORT_STORE_NOTE_H
#define RAPPORT_STORE_NOTE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "model/note.h"
#include "store/store.h"

/* Inserts n (contact_id, at (0: now), kind, body); fills n->id. */
enum store_status store_note_add(struct store *st, struct note *n, time_t now);
/* A contact's notes newest first, a window after the note `after`. */
enum store_status store_note_page(struct store *st, int64_t contact_id,
                                  const struct note *after, size_t limit,
                                  struct note_list *out);

/* One note; STORE_NOT_FOUND with a message when there is none. */
enum store_status store_note_get(struct store *st, int64_t id, struct note *out);
/* Replaces the kind and body of note n->id (its time stays). */
enum store_status store_note_update(struct store *st, const struct note *n, time_t now);
enum store_status store_note_delete(struct store *st, int64_t id, time_t now);

#endif
