/* `!`: running a shell command and coming back. May use tui/prompt.h,
 * tui/input.h, tui/draw.h and below. */
#ifndef RAPPORT_UI_SHELL_H
#define RAPPORT_UI_SHELL_H

#include <stdbool.h>

#include "tui/session.h"

/* Asks for a command, runs it with $SHELL -c on the terminal, waits
 * for a key, and marks the screens for reading again. False when
 * nothing ran. */
bool ui_shell(struct ui *ui);

#endif
