/* Handing a text to $VISUAL, $EDITOR or the configured editor, outside
 * curses. May use tui/draw.h and below. */
#ifndef RAPPORT_UI_EXTERNAL_H
#define RAPPORT_UI_EXTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/session.h"

/* Writes initial to a private temporary file, runs $VISUAL, $EDITOR or
 * the configured editor on it, reads it back and removes it. False
 * (with a message) when the editor failed or nothing was written, or
 * when the text is longer than max bytes: then the file is kept and the
 * message says where. */
bool ui_external_edit(struct ui *ui, const char *initial, size_t max,
                      char **out);

#endif
