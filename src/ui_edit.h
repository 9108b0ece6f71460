/* Text entry for the TUI: the one-line editor every prompt and form
 * field uses, the built-in multi-line note editor, the contact form,
 * and handing a note to $VISUAL/$EDITOR. */
#ifndef RAPPORT_UI_EDIT_H
#define RAPPORT_UI_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "ui_screen.h"

struct ui_line {
    wchar_t *text;
    size_t len, cap;
    size_t cur;        /* cursor, in characters */
    size_t scroll;     /* first character shown */
};

void ui_line_init(struct ui_line *l, const char *utf8);
void ui_line_free(struct ui_line *l);
/* Line editing keys: Left/Right, Home/End, ^A/^E, ^U, ^W, ^K,
 * Backspace/Delete, and any printable character. True when used. */
bool ui_line_key(struct ui_line *l, int key);
/* A new UTF-8 string. */
char *ui_line_text(const struct ui_line *l);
/* Draws it in cols columns and, with focus, puts the cursor there. */
void ui_line_draw(struct ui_line *l, int y, int x, int cols, int attr,
                  bool focus);

/* The built-in editor over the whole screen. True when saved (^S);
 * *out is the new text. Esc cancels, asking first when text changed.
 * With choices (labels, NULL-terminated), ^T cycles *choice through
 * them (a note's kind). */
bool ui_editor(struct ui *ui, const char *title, const char *initial,
               const char *const *choices, size_t *choice, char **out);
/* Writes initial to a private temporary file, runs $VISUAL, $EDITOR or
 * the configured editor on it, reads it back and removes it. False
 * (with a message) when the editor failed or nothing was written, or
 * when the text is longer than max bytes: then the file is kept and the
 * message says where. */
bool ui_editor_external(struct ui *ui, const char *initial, size_t max,
                        char **out);

struct ui_field {
    const char *label;     /* translated */
    char *value;           /* owned; replaced when the form is saved */
};

/* A form: Tab/S-Tab or Up/Down between fields, Enter on the last field
 * or ^S saves, Esc cancels (asking when something was typed). */
bool ui_form(struct ui *ui, const char *title, struct ui_field *fields,
             size_t count);

#endif
