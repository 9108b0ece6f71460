/* Input from the terminal: the raw mode rapport needs, keys as
 * tui/keys.h numbers them, and the stop signals (SIGTERM, SIGHUP, a
 * terminal gone away). May use tui/session.h and the layers below
 * tui/. */
#ifndef RAPPORT_UI_INPUT_H
#define RAPPORT_UI_INPUT_H

#include <stdbool.h>

#include "tui/session.h"

/* Once curses started: catches SIGTERM and SIGHUP (the handler only sets
 * a flag), and puts the terminal in raw mode with a short escape delay
 * and flow control off, so that Esc answers at once and ^S reaches
 * rapport. */
void ui_input_start(void);
/* Input: a key (KEYS_FUNC for function keys, '\n' for Enter),
 * KEYS_NONE on timeout, KEYS_RESIZE after a resize. */
int ui_getkey(struct ui *ui, int timeout_ms);
/* True once rapport should end (SIGTERM, SIGHUP, the terminal gone):
 * every loop that waits for keys gives up. */
bool ui_stopping(void);

#endif
