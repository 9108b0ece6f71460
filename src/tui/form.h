/* Forms: labelled one-line fields over the whole screen. May use
 * tui/line.h, tui/prompt.h, tui/input.h, tui/draw.h and below. */
#ifndef RAPPORT_UI_FORM_H
#define RAPPORT_UI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/complete.h"
#include "tui/session.h"

struct ui_field {
    const char *label;     /* translated */
    char *value;           /* owned; replaced when the form is saved */
    enum ui_complete complete;  /* what Tab completes in it, if anything */
};

/* A form: Tab/S-Tab or Up/Down between fields, Enter on the last field
 * or ^S saves, Esc cancels (asking when something was typed). In a
 * field that completes, Tab completes first and moves on only when
 * there is nothing to complete. */
bool ui_form(struct ui *ui, const char *title, struct ui_field *fields,
             size_t count);

#endif
