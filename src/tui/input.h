/* Input from the terminal: the raw mode rapport needs, keys as
 * tui/keys.h numbers them, bracketed paste, suspending, and the stop
 * signals (SIGTERM, SIGHUP, SIGINT, SIGQUIT, a terminal gone away). May use tui/session.h and the layers below
 * tui/. */
#ifndef RAPPORT_UI_INPUT_H
#define RAPPORT_UI_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "tui/session.h"

/* Once curses started: catches SIGTERM, SIGHUP, SIGINT and SIGQUIT (the
 * handler only sets a flag), and puts the terminal in raw mode with a short escape delay
 * and flow control off, so that Esc answers at once and ^S reaches
 * rapport. */
void ui_input_start(void);
/* Input: a key (KEYS_FUNC for function keys, '\n' for Enter),
 * KEYS_NONE on timeout, KEYS_RESIZE after a resize, KEYS_PASTE after a
 * bracketed paste (its text is in ui_paste). */
int ui_getkey(struct ui *ui, int timeout_ms);
/* True when a key is waiting to be read: the terminal has sent more. */
bool ui_key_waiting(void);
/* Ctrl-Z: gives the terminal back to the shell and stops, as job
 * control does; returns after fg with curses and paste mode restored
 * (the caller redraws). */
void ui_suspend(void);
/* Gives the terminal to another program (curses put aside, bracketed
 * paste off) and takes it back (raw mode, paste on, the next refresh
 * redraws everything). */
void ui_terminal_leave(void);
void ui_terminal_return(void);
/* Bracketed paste on or off: on while curses has the terminal, off
 * before rapport gives it to anything else (an editor, a shell, the
 * end). While on, a paste reaches ui_getkey as one KEYS_PASTE. */
void ui_paste_mode(bool on);
/* The text of the last KEYS_PASTE, line breaks as '\n', tabs kept,
 * no other control characters; at most UI_PASTE_MAX characters. */
#define UI_PASTE_MAX (1 << 20)
const wchar_t *ui_paste(size_t *len);
/* True once rapport should end (SIGTERM, SIGHUP, the terminal gone):
 * every loop that waits for keys gives up. */
bool ui_stopping(void);

#endif
