/* UTF-8 text for the terminal: sanitising, display width, folding. */
#ifndef RAPPORT_TEXT_H
#define RAPPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A copy of s safe to show on a terminal: C0 controls become caret
 * notation (ESC -> "^["), DEL "^?", C1 controls and the bidirectional
 * overrides U+202A..U+202E, U+2066..U+2069 become "<U+202E>", invalid
 * UTF-8 bytes become U+FFFD. When keep_newlines is true, '\n' stays
 * (multi-line note bodies) and '\t' becomes a space. Never NULL for a
 * non-NULL s (aborts on out of memory). NULL gives "". */
char *text_sanitize(const char *s, bool keep_newlines);
/* Same, into a caller's buffer (truncated at a character boundary). */
void text_sanitize_into(const char *s, char *buf, size_t size);
/* Whether s holds a C0 or C1 control character or DEL (with
 * allow_breaks, tab, LF and CR are allowed: notes and other multi-line
 * text); the first one's placeholder ("^[", "<U+009B>") goes into buf.
 * Input refuses them: a terminal takes them as commands. The
 * bidirectional overrides are text, kept, and only shown as
 * placeholders. */
bool text_find_control(const char *s, bool allow_breaks, char *buf,
                       size_t size);
/* Removes those control characters in place, but LF and CR (whether a
 * field may hold line breaks is its own rule); a tab stays in
 * multi-line text and becomes a space on one line. Returns how many
 * characters were removed or replaced. */
size_t text_drop_controls(char *s, bool multi_line);
/* A stream that writes to out what is written to it, sanitised as
 * text_sanitize() does but keeping tabs, line feeds and CR LF: a
 * machine-readable format (CSV, vCard, JSON) written to a terminal.
 * Closing it flushes out and leaves it open. NULL when out of memory. */
FILE *text_terminal_stream(FILE *out);
/* True when s is valid UTF-8. */
bool text_is_utf8(const char *s);
/* Whether a and b hold the same text, NULL and "" being the same: no
 * text. */
bool text_same(const char *a, const char *b);
/* Display columns of a sanitized UTF-8 string (wcwidth: combining
 * characters take 0 columns, wide ones 2). */
int text_width(const char *s);
/* Bytes of s that fit in cols columns without splitting a character. */
size_t text_fit(const char *s, int cols);
/* Writes s padded with spaces or cut (with "…" when cut) to exactly cols
 * columns into buf. */
void text_pad(const char *s, int cols, char *buf, size_t size);
/* Lowercase with accents removed (Zoë Ødegård -> zoe odegard), for
 * case- and accent-insensitive matching and sorting. New string. */
char *text_fold(const char *s);
/* Trims ASCII blanks at both ends, in place; returns s. */
char *text_trim(char *s);
/* Turns CR LF and lone CR line breaks into LF, in place. */
void text_unify_breaks(char *s);
/* Wraps s into lines of at most cols columns (breaking at spaces where
 * possible, honouring '\n'); returns the lines as a new array of new
 * strings terminated by NULL. */
char **text_wrap(const char *s, int cols);
void text_free_lines(char **lines);

#endif
