/* Where the screens' lists come from: contacts, follow-ups and gone
 * quiet contacts, each a window at a time through the store's *_page
 * functions. May use tui/list.h, tui/draw.h and the layers below tui/. */
#ifndef RAPPORT_UI_SOURCE_H
#define RAPPORT_UI_SOURCE_H

#include "tui/list.h"
#include "store/contact.h"

struct ui_contact_query {
    struct contact_filter filter;
    enum contact_sort sort;
};

/* ctx: struct ui_contact_query; rows: struct contact. */
extern const struct ui_list_source ui_contact_source;
/* ctx: struct followup_filter; rows: struct followup. */
extern const struct ui_list_source ui_followup_source;
/* ctx: the Review's struct review (its member's contacts only) or
 * NULL; rows: struct contact (uses the configured cadences). */
extern const struct ui_list_source ui_quiet_source;
/* tui/season_source.c. ctx: unused; rows: struct budget_entry and
 * struct suggestion (model/suggest.h), by the configured [pipeline]. */
extern const struct ui_list_source ui_budget_source;
extern const struct ui_list_source ui_ready_source;
/* tui/mail_source.c. ctx: unused; rows: struct mail_review
 * (model/mail.h), the mail waiting for review. */
extern const struct ui_list_source ui_mail_source;

#endif
