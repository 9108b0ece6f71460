/* A note changed or deleted from the contact page. May use
 * tui/editor.h, tui/prompt.h, tui/draw.h and below. */
#ifndef RAPPORT_UI_ACT_NOTE_H
#define RAPPORT_UI_ACT_NOTE_H

#include <stdbool.h>
#include <stdint.h>

#include "tui/session.h"

/* Opens the note in the built-in editor, its kind with it; saving
 * stores the change (undoable). */
bool ui_act_note_edit(struct ui *ui, int64_t note_id);
/* Asks, then deletes the note (undo brings it back). */
bool ui_act_note_delete(struct ui *ui, int64_t note_id);

#endif
