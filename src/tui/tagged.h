/* `;` then a key: one action on every tagged row (as mutt's tag
 * prefix): done, snooze, promote, demote or archive. Asked once, run
 * as one change, so one `u` undoes it all. May use tui/act.h, the
 * prompts, tui/tags.h, tui/draw.h and below. */
#ifndef RAPPORT_UI_TAGGED_H
#define RAPPORT_UI_TAGGED_H

#include <stdbool.h>

#include "tui/session.h"
#include "tui/tags.h"

/* Reads the key that follows `;`, asks what that action needs (a note
 * to log, a date, a reason, a yes), and applies it to every tagged row
 * in one journal entry. Tags left on a contact reach its one open
 * follow-up for done and snooze; a follow-up's tag reaches its contact
 * for stage and archive. Rows an action does not fit (a contact with
 * no single open follow-up, a client to promote) are left out and
 * counted; the tags are cleared when something was done. */
void ui_tagged_act(struct ui *ui, struct ui_tags *tags);

#endif
