/* Questions on the bottom line: a line of text, or yes/no. A prompt
 * draws only its own lines (the message above it, the question and the
 * answer); after a resize it asks ui_repaint for the rest. May use
 * tui/line.h, tui/input.h, tui/draw.h and below. */
#ifndef RAPPORT_UI_PROMPT_H
#define RAPPORT_UI_PROMPT_H

#include <stdbool.h>

#include "tui/session.h"

/* Prompts on the bottom line. A line of text, initial text allowed;
 * false when cancelled with Esc. *out is a new string. */
bool ui_prompt(struct ui *ui, const char *question, const char *initial,
               char **out);
/* y/n question; true for yes. */
bool ui_confirm(struct ui *ui, const char *question);

#endif
