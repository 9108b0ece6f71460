/* The one-line editor every prompt, form field and filter uses. Text is
 * edited as wide characters so that cursor movement and widths follow
 * what the terminal shows. May use tui/draw.h, tui/keys.h and below. */
#ifndef RAPPORT_UI_LINE_H
#define RAPPORT_UI_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

struct ui_line {
    wchar_t *text;
    size_t len, cap;
    size_t cur;        /* cursor, in characters */
    size_t scroll;     /* first character shown */
};

void ui_line_init(struct ui_line *l, const char *utf8);
void ui_line_free(struct ui_line *l);
/* Inserts n characters at the cursor and moves it past them. */
void ui_line_insert(struct ui_line *l, const wchar_t *s, size_t n);
/* Line editing keys: Left/Right, Home/End, ^A/^E, ^U, ^W, ^K,
 * Backspace/Delete, and any printable character; KEYS_PASTE inserts
 * the paste with its line breaks as spaces. True when used. */
bool ui_line_key(struct ui_line *l, int key);
/* A paste of n characters in one line: its line breaks and tabs
 * become spaces (a run of them one space, none at the ends), what
 * cannot be typed is dropped. Like ui_line_insert and ui_line_key, it
 * needs no terminal (the fuzz target of tests/fuzz/line.c drives them). */
void ui_line_paste(struct ui_line *l, const wchar_t *p, size_t n);
/* False for what would move the cursor or reorder text (controls,
 * bidi overrides), which is never typed. */
bool ui_line_typable(int key);
/* A new UTF-8 string. */
char *ui_line_text(const struct ui_line *l);
/* Draws it in cols columns and, with focus, puts the cursor there;
 * without focus the start of the text is shown. */
void ui_line_draw(struct ui_line *l, int y, int x, int cols, int attr,
                  bool focus);
/* Where the screen row of s[0..len) that starts at `from` ends when
 * rows are cols columns wide: by display width (wcwidth), combining
 * marks kept with their base, a double-width character never split,
 * after the last space of the row when it has one. Always past from
 * while from < len. */
size_t ui_line_wrap(const wchar_t *s, size_t len, size_t from, int cols);

#endif
