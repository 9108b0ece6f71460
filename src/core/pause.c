/* Paused cadences: the rules of what a pause may be. Uses store/ and
 * below. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "core/pause.h"
#include "store/pause.h"

enum store_status pause_set(struct store *st, int64_t contact_id, struct date until,
                            const char *reason, time_t now)
{
    struct date today = date_from_time(now);
    if (!date_is_set(until) || date_compare(until, today) <= 0)
        return store_fail(st, STORE_INVALID,
                          _("a pause lasts until a day after today"));
    char *why = reason ? strdup(reason) : NULL;
    if (reason && !why)
        return store_fail(st, STORE_FAILED, _("out of memory"));
    if (why)
        text_trim(why);
    if (why && !*why) {
        free(why);
        why = NULL;
    }
    char shown[16];
    enum store_status rc = STORE_OK;
    if (why && strlen(why) > PAUSE_REASON_MAX)
        rc = store_fail(st, STORE_INVALID, _("the reason is longer than %d bytes"),
                        PAUSE_REASON_MAX);
    else if (why && !text_is_utf8(why))
        rc = store_fail(st, STORE_INVALID, _("the reason is not valid UTF-8"));
    else if (why && text_find_control(why, false, shown, sizeof shown))
        rc = store_fail(st, STORE_INVALID,
                        _("%s: holds the control character %s, which a terminal would take as a command; remove it"),
                        _("reason"), shown);
    if (rc == STORE_OK) {
        struct pause p = { .contact_id = contact_id, .until = until, .reason = why };
        rc = store_pause_set(st, &p, now);
    }
    free(why);
    return rc;
}

enum store_status pause_end(struct store *st, int64_t contact_id, time_t now)
{
    return store_pause_end(st, contact_id, now);
}

enum store_status pause_current(struct store *st, int64_t contact_id, time_t now,
                                struct pause *out, bool *paused)
{
    *paused = false;
    enum store_status rc = store_pause_get(st, contact_id, out);
    if (rc == STORE_NOT_FOUND)
        return STORE_OK;
    if (rc != STORE_OK)
        return rc;
    *paused = date_compare(out->until, date_from_time(now)) > 0;
    if (!*paused)
        pause_clear(out);
    return STORE_OK;
}
