/* The help overlay (SPEC §3.7): every key of the top screen, drawn from
 * the keymap itself so that it cannot disagree with dispatch. May use
 * tui/view.h, tui/input.h, tui/draw.h, tui/keys.h and below. */
#ifndef RAPPORT_UI_HELP_H
#define RAPPORT_UI_HELP_H

#include "tui/keys.h"
#include "tui/session.h"

/* Shows the problems of the config, the top screen's own actions, then
 * `everywhere` (ACT_NONE-terminated; those the screen has itself left
 * out), then the keys of forms, notes and questions, until a key other
 * than the scrolling ones. */
void ui_help_show(struct ui *ui, const enum action *everywhere);

#endif
