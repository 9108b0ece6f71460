/* What several screens do the same way: adding and editing a contact,
 * notes, follow-ups, moving along the pipeline, archiving, forgetting.
 * Each asks what it needs, calls the domain, and leaves a message; on a
 * change it marks the screen for reloading (ui->dirty). */
#ifndef RAPPORT_UI_ACT_H
#define RAPPORT_UI_ACT_H

#include <stdbool.h>
#include <stdint.h>

#include "tui/screen.h"

/* The new contact's id, or 0. */
int64_t ui_act_add(struct ui *ui);
bool ui_act_edit(struct ui *ui, int64_t contact_id);
/* external: $VISUAL/$EDITOR instead of the built-in editor. */
bool ui_act_note(struct ui *ui, int64_t contact_id, bool external);
bool ui_act_followup(struct ui *ui, int64_t contact_id);
bool ui_act_done(struct ui *ui, int64_t followup_id);
bool ui_act_snooze(struct ui *ui, int64_t followup_id);
/* One stage forward or back; the new stage in *now_stage. */
bool ui_act_stage(struct ui *ui, int64_t contact_id, bool forward,
                  enum stage *now_stage);
bool ui_act_archive(struct ui *ui, int64_t contact_id);
bool ui_act_forget(struct ui *ui, int64_t contact_id);
/* The actions every screen offers on a selected contact (open, note,
 * follow-up, promote/demote, edit, archive, forget). False when act is
 * none of them, so the screen can handle it. */
bool ui_act_on_contact(struct ui *ui, enum action act, int64_t contact_id);

#endif
