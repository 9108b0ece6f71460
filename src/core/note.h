/* Notes: every interaction with a contact, with its kind.
 * Uses store/ and below. */
#ifndef RAPPORT_NOTE_H
#define RAPPORT_NOTE_H

#include "store/store.h"

/* The kinds, NULL-terminated: note, call, email, meeting, consultation,
 * delivery. */
extern const char *const note_kinds[];
bool note_kind_valid(const char *kind);
/* Translated label of a kind. */
const char *note_kind_label(const char *kind);

/* The longest note, in bytes: the import's line limit (IO_MAX_LINE). A
 * note is shown and searched whole, so one pasted file of hundreds of
 * megabytes would cost that much memory in every later show and search
 * of its contact; readers of a note stop at one byte past this. */
#define NOTE_MAX_BYTES (1024 * 1024)

/* Stores a note (kind NULL: "note"); the body must hold something other
 * than blanks, be valid UTF-8 and be no longer than NOTE_MAX_BYTES;
 * trailing blank lines are dropped. Fills *id when not NULL. */
enum store_status note_add(struct store *st, int64_t contact_id,
                           const char *kind, const char *body, time_t now,
                           int64_t *id);

/* Changes a note's kind and body (NULL: kept), checked as note_add
 * checks them; its time stays. One undoable change. */
enum store_status note_edit(struct store *st, int64_t id, const char *kind,
                            const char *body, time_t now);
/* Deletes a note; undo brings it back. */
enum store_status note_delete(struct store *st, int64_t id, time_t now);

#endif
