/* Why a contact matched a search: the field store_contact_why() found,
 * named in the user's language. Uses base/i18n.h, store/search.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "core/why.h"
#include "store/search.h"

/* Indexed by enum search_field. */
static const char *const field_names[SEARCH_IN_COUNT] = {
    [SEARCH_IN_NAME] = N_("name"),
    [SEARCH_IN_ORG] = N_("organisation"),
    [SEARCH_IN_EMAIL] = N_("email"),
    [SEARCH_IN_PHONE] = N_("phone"),
    [SEARCH_IN_TAG] = N_("tag"),
    [SEARCH_IN_TITLE] = N_("title"),
    [SEARCH_IN_DEPARTMENT] = N_("department"),
    [SEARCH_IN_PROJECTS] = N_("projects"),
    [SEARCH_IN_GOALS] = N_("goals"),
    [SEARCH_IN_CHANNEL] = N_("channel"),
    [SEARCH_IN_FOLLOWUP] = N_("follow-up"),
    [SEARCH_IN_NOTE] = N_("note"),
};

char *contact_why(struct store *st, int64_t id, const char *typed)
{
    enum search_field field;
    char *text = NULL;
    if (!typed || store_contact_why(st, id, typed, &field, &text) != STORE_OK
        || !text || field <= SEARCH_IN_NAME || field >= SEARCH_IN_COUNT) {
        free(text);
        return NULL;
    }
    char *why = NULL;
    /* TRANSLATORS: why a contact matched a search: a field's name
     * ("email", "note"), then what it holds. */
    if (asprintf(&why, _("%s: %s"), _(field_names[field]), text) < 0)
        why = NULL;
    free(text);
    return why;
}
