/* Tab completion in a one-line field or prompt: organisation names
 * and the team's logins from the store (a window of them, never the
 * whole table) and file names from the file system. May use tui/line.h, tui/draw.h and
 * below. */
#ifndef RAPPORT_UI_COMPLETE_H
#define RAPPORT_UI_COMPLETE_H

#include <stdbool.h>

#include "base/strlist.h"
#include "tui/line.h"
#include "tui/session.h"

/* The most candidates one Tab looks at. */
#define UI_COMPLETE_MAX 50

enum ui_complete { UI_COMPLETE_NONE, UI_COMPLETE_ORG, UI_COMPLETE_FILE,
                   UI_COMPLETE_LOGIN };

/* Tab on l: one candidate replaces the text; several extend it to what
 * they share, or, when that adds nothing, the next one in turn replaces
 * it, and the message line lists them. False when there was nothing to
 * complete (no candidate, or the text is the only one): the caller
 * goes on as Tab would (a form's next field). */
bool ui_complete(struct ui *ui, struct ui_line *l, enum ui_complete kind);

#endif
