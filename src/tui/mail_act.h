/* The ways out of the Review's Needs review: a waiting message logged
 * on a contact, made into a new contact, or discarded, each one change
 * that undo reverts (core/mail.h decides, this asks). May use
 * tui/prompt.h, tui/draw.h and below. */
#ifndef RAPPORT_UI_MAIL_ACT_H
#define RAPPORT_UI_MAIL_ACT_H

#include <stdbool.h>
#include <stdint.h>

#include "tui/session.h"

/* Asks for the contact (a name or #id) until one is found. */
bool ui_act_mail_attach(struct ui *ui, int64_t review_id);
/* Asks first: the sender becomes a contact with the message. */
bool ui_act_mail_new(struct ui *ui, int64_t review_id);
bool ui_act_mail_discard(struct ui *ui, int64_t review_id);

#endif
