/* Notes: every interaction with a contact, with its kind. */
#ifndef RAPPORT_NOTE_H
#define RAPPORT_NOTE_H

#include "store/store.h"

/* The kinds, NULL-terminated: note, call, email, meeting, consultation,
 * delivery. */
extern const char *const note_kinds[];
bool note_kind_valid(const char *kind);
/* Translated label of a kind. */
const char *note_kind_label(const char *kind);

/* Stores a note (kind NULL: "note"); the body must hold something other
 * than blanks and be valid UTF-8; trailing blank lines are dropped.
 * Fills *id when not NULL. */
enum store_status note_add(struct store *st, int64_t contact_id,
                           const char *kind, const char *body, time_t now,
                           int64_t *id);

#endif
