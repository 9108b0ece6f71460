/* Organisations: who is served and who signs off, per organisation. */
#include <config.h>

#include <stdlib.h>

#include "i18n.h"
#include "org.h"
#include "text.h"

enum store_status org_page(struct store *st, const struct org *after,
                           size_t limit, struct org_list *out)
{
    return store_org_page(st, after, limit, out);
}

enum store_status org_resolve(struct store *st, const char *name,
                              struct org *out)
{
    enum store_status rc = store_org_get(st, name, 0, out);
    if (rc == STORE_NOT_FOUND) {
        char *shown = text_sanitize(name, false);
        rc = store_fail(st, rc, _("no organisation \"%s\""), shown);
        free(shown);
    }
    return rc;
}

enum store_status org_members(struct store *st, const struct org *org,
                              enum role role, const struct contact *after,
                              size_t limit, struct contact_list *out)
{
    struct contact_filter filter = {
        .stage = STAGE_NONE,
        .org = org->name,
        .role = (int)role,
    };
    return store_contact_page(st, &filter, CONTACT_SORT_NAME, after, false,
                              limit, out);
}
