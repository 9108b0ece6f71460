/* The built-in multi-line editor, for notes. May use tui/line.h,
 * tui/prompt.h, tui/input.h, tui/draw.h and below. */
#ifndef RAPPORT_UI_EDITOR_H
#define RAPPORT_UI_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/session.h"

/* The built-in editor over the whole screen. True when saved (^S);
 * *out is the new text. Esc cancels, asking first when text changed.
 * With choices (labels, NULL-terminated), ^T cycles *choice through
 * them (a note's kind). */
bool ui_editor(struct ui *ui, const char *title, const char *initial,
               const char *const *choices, size_t *choice, char **out);

#endif
