/* Adding and editing a contact through a form. May use tui/form.h,
 * tui/prompt.h, tui/draw.h and below. */
#ifndef RAPPORT_UI_CONTACT_FORM_H
#define RAPPORT_UI_CONTACT_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "tui/session.h"

/* The new contact's id, or 0. */
int64_t ui_contact_form_add(struct ui *ui);
/* The same form with the organisation and the roles filled in. */
int64_t ui_contact_form_add_to(struct ui *ui, const char *org, unsigned roles);
/* True when something was saved. */
bool ui_contact_form_edit(struct ui *ui, int64_t contact_id);

#endif
