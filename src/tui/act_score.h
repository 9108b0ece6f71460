/* A satisfaction score recorded from a screen. May use tui/prompt.h,
 * tui/draw.h and below. */
#ifndef RAPPORT_UI_ACT_SCORE_H
#define RAPPORT_UI_ACT_SCORE_H

#include <stdbool.h>
#include <stdint.h>

#include "tui/session.h"

/* Asks for a score from 0 to 10, then an optional comment, and records
 * it through core/score.h as `rapport score` does. */
bool ui_act_score(struct ui *ui, int64_t contact_id);

#endif
