/* Tagged rows (`t`, as in mutt): the follow-ups and contacts a screen
 * has marked, for one action on all of them (`;`). A follow-up is
 * kept with its contact, so that contact actions (stage, archive)
 * reach it too. May use base/ and model/ only. */
#ifndef RAPPORT_UI_TAGS_H
#define RAPPORT_UI_TAGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum ui_tag_kind { UI_TAG_NONE, UI_TAG_FOLLOWUP, UI_TAG_CONTACT };

struct ui_tag {
    enum ui_tag_kind kind;
    int64_t id;             /* the follow-up's or the contact's */
    int64_t contact_id;     /* the contact (for a contact, id again) */
};

struct ui_tags {
    struct ui_tag *v;
    size_t len, cap;
};

/* Tags the row when untagged, else untags it; true when now tagged. */
bool ui_tags_toggle(struct ui_tags *t, enum ui_tag_kind kind, int64_t id,
                    int64_t contact_id);
bool ui_tags_has(const struct ui_tags *t, enum ui_tag_kind kind, int64_t id);
void ui_tags_clear(struct ui_tags *t);
void ui_tags_free(struct ui_tags *t);

#endif
