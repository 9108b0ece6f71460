/* What several screens do the same way: notes, follow-ups, moving along
 * the pipeline, archiving, forgetting, undo. Each asks what it needs,
 * calls the domain, and leaves a message; on a change it marks the
 * screen for reloading (ui->dirty). Opening a screen is not an action
 * here: the screen that opens one pushes it itself (tui/view.h).
 * May use tui/contact_form.h, the editors and prompts, tui/draw.h and
 * below; never tui/view.h or tui/views.h. */
#ifndef RAPPORT_UI_ACT_H
#define RAPPORT_UI_ACT_H

#include <stdbool.h>
#include <stdint.h>

#include "tui/keys.h"
#include "tui/session.h"
#include "model/stage.h"

/* external: $VISUAL/$EDITOR instead of the built-in editor. */
bool ui_act_note(struct ui *ui, int64_t contact_id, bool external);
bool ui_act_followup(struct ui *ui, int64_t contact_id);
bool ui_act_done(struct ui *ui, int64_t followup_id);
bool ui_act_snooze(struct ui *ui, int64_t followup_id);
/* One stage forward or back; the new stage in *now_stage. */
bool ui_act_stage(struct ui *ui, int64_t contact_id, bool forward,
                  enum stage *now_stage);
/* Promotes with `reason` prefilled in the question (editable): a
 * suggestion of Ready to move up accepted. */
bool ui_act_promote_with(struct ui *ui, int64_t contact_id, const char *reason);
bool ui_act_archive(struct ui *ui, int64_t contact_id);
bool ui_act_forget(struct ui *ui, int64_t contact_id);
/* Undoes the newest change; one made outside this session is named and
 * asked about first. */
void ui_act_undo(struct ui *ui);
/* Redoes the change undone last, the same way. */
void ui_act_redo(struct ui *ui);
/* The actions every screen offers on a selected contact (note,
 * follow-up, promote/demote, edit, archive, forget). False when act is
 * none of them (open, say), so the screen can handle it. */
bool ui_act_on_contact(struct ui *ui, enum action act, int64_t contact_id);

#endif
