/* Handing a text to $VISUAL, $EDITOR or the configured editor, outside
 * curses. May use tui/draw.h and below. */
#ifndef RAPPORT_UI_EXTERNAL_H
#define RAPPORT_UI_EXTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strlist.h"
#include "tui/session.h"

/* The mark of a comment line: rapport writes its comments at the top of
 * the file, each line starting with it, and strips them on save. */
#define UI_COMMENT_MARK "# rapport:"

/* Writes the comments (NULL-terminated; NULL: none), one line each
 * after UI_COMMENT_MARK and a space, then initial, to a private
 * temporary file; runs $VISUAL, $EDITOR or the configured editor on it,
 * reads it back and removes it. On reading, the comment lines are
 * stripped: at most as many lines as were written, and only from the
 * top and only while they start with the mark, so a note's own text is
 * never taken for a comment even when it starts with the mark itself.
 * What those lines say after the mark goes to comments_back (NULL: not
 * wanted), to read a changed value from. False (with a message) when
 * the editor failed or nothing was written, or when the text is longer
 * than max bytes: then the file is kept and the message says where. */
bool ui_external_edit(struct ui *ui, const char *initial,
                      const char *const *comments, size_t max,
                      struct strlist *comments_back, char **out);

#endif
