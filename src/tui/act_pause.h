/* A contact's cadence paused or resumed from a screen. May use
 * tui/prompt.h, tui/draw.h and below. */
#ifndef RAPPORT_UI_ACT_PAUSE_H
#define RAPPORT_UI_ACT_PAUSE_H

#include <stdbool.h>
#include <stdint.h>

#include "tui/session.h"

/* Asks until when (none: the pause ends) and why, and pauses the
 * cadence through core/pause.h, as `rapport edit --pause-until`. */
bool ui_act_pause(struct ui *ui, int64_t contact_id);

#endif
