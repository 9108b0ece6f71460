/* The screens, one file each (review.c, pipeline.c, contacts.c,
 * contact.c, organisations.c, organisation.c, reports.c). A screen includes this header to push another; only the
 * screens and the top of tui/ (ui.c) include it. Adding a screen is one
 * new file, one line here and its row in ui.c's tables. */
#ifndef RAPPORT_UI_VIEWS_H
#define RAPPORT_UI_VIEWS_H

#include "tui/view.h"

extern const struct ui_view ui_review_view;
extern const struct ui_view ui_pipeline_view;
extern const struct ui_view ui_contacts_view;
extern const struct ui_view ui_contact_view;
extern const struct ui_view ui_organisations_view;
extern const struct ui_view ui_organisation_view;
extern const struct ui_view ui_reports_view;

#endif
