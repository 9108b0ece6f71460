/* The change journal: every write can be undone, newest first. */
#ifndef RAPPORT_JOURNAL_H
#define RAPPORT_JOURNAL_H

#include "store.h"

/* Reverts the last change; *what (free it) says what was undone.
 * STORE_NOT_FOUND with a message when there is nothing to undo. */
enum store_status journal_undo(struct store *st, char **what);

#endif
