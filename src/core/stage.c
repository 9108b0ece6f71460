/* The pipeline's stages: names, labels, and moving contacts along.
 * The stage list here feeds the command line, the pipeline columns and
 * the reports. Uses store/ and below. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/contact.h"
#include "base/i18n.h"
#include "core/stage.h"
#include "base/text.h"
#include "store/contact.h"
#include "store/stage.h"

/* The labels; the keys ("end-user") are model/stage.c's. */
static const struct {
    const char *label;
    const char *plural;
} stages[STAGE_COUNT] = {
    [STAGE_END_USER] = { N_("End user"), N_("End users") },
    [STAGE_CUSTOMER] = { N_("Customer"), N_("Customers") },
    [STAGE_CLIENT] = { N_("Client"), N_("Clients") },
};

const char *stage_label(enum stage s)
{
    return (unsigned)s < STAGE_COUNT ? _(stages[s].label) : "?";
}

const char *stage_plural_label(enum stage s)
{
    return (unsigned)s < STAGE_COUNT ? _(stages[s].plural) : "?";
}

/* Compares ignoring case and treating '-', '_' and ' ' alike, and
 * ignores a missing separator: "end user", "End-User", "enduser". */
static bool loose_equal(const char *a, const char *b)
{
    for (;;) {
        while (*a == '-' || *a == '_' || *a == ' ')
            a++;
        while (*b == '-' || *b == '_' || *b == ' ')
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        if ((unsigned char)*a < 0x80 && (unsigned char)*b < 0x80) {
            if (strncasecmp(a, b, 1) != 0)
                return false;
        } else if (*a != *b) {
            return false;
        }
        a++;
        b++;
    }
}

int stage_parse(const char *text)
{
    if (!text)
        return STAGE_NONE;
    for (int s = 0; s < STAGE_COUNT; s++) {
        if (loose_equal(text, stage_key((enum stage)s))
            || loose_equal(text, _(stages[s].label))
            || loose_equal(text, _(stages[s].plural)))
            return s;
    }
    return STAGE_NONE;
}

static enum store_status current_stage(struct store *st, int64_t contact_id,
                                       struct contact *c)
{
    return store_contact_get(st, contact_id, c);
}

enum store_status stage_set(struct store *st, int64_t contact_id,
                            enum stage to, const char *reason, time_t now)
{
    if ((unsigned)to >= STAGE_COUNT)
        return store_fail(st, STORE_INVALID, _("unknown stage"));
    struct contact c = { 0 };
    enum store_status rc = current_stage(st, contact_id, &c);
    if (rc != STORE_OK)
        return rc;
    if (c.stage == to) {
        char *who = contact_label(&c);
        rc = store_fail(st, STORE_INVALID, _("%s is already a %s"),
                        who ? who : "", stage_label(to));
        free(who);
        contact_clear(&c);
        return rc;
    }
    contact_clear(&c);
    char *why = NULL;
    if (reason) {
        why = strdup(reason);
        if (!why)
            return store_fail(st, STORE_FAILED, _("out of memory"));
        text_trim(why);
        char shown[16];
        if (text_find_control(why, false, shown, sizeof shown)) {
            free(why);
            return store_fail(st, STORE_INVALID,
                              _("%s: holds the control character %s, which a terminal would take as a command; remove it"),
                              _("reason"), shown);
        }
    }
    rc = store_stage_change(st, contact_id, to, why && *why ? why : NULL, now);
    free(why);
    return rc;
}

static enum store_status stage_step(struct store *st, int64_t contact_id,
                                    int step, const char *reason, time_t now,
                                    enum stage *now_stage)
{
    struct contact c = { 0 };
    enum store_status rc = current_stage(st, contact_id, &c);
    if (rc != STORE_OK)
        return rc;
    int to = (int)c.stage + step;
    if (to < 0 || to >= STAGE_COUNT) {
        char *who = contact_label(&c);
        rc = store_fail(st, STORE_INVALID,
                        step > 0 ? _("%s is already a client: there is no stage after it")
                                 : _("%s is an end user: there is no stage before it"),
                        who ? who : "");
        free(who);
        contact_clear(&c);
        return rc;
    }
    contact_clear(&c);
    rc = stage_set(st, contact_id, (enum stage)to, reason, now);
    if (rc == STORE_OK && now_stage)
        *now_stage = (enum stage)to;
    return rc;
}

enum store_status stage_promote(struct store *st, int64_t contact_id,
                                const char *reason, time_t now,
                                enum stage *now_stage)
{
    return stage_step(st, contact_id, +1, reason, now, now_stage);
}

enum store_status stage_demote(struct store *st, int64_t contact_id,
                               const char *reason, time_t now,
                               enum stage *now_stage)
{
    return stage_step(st, contact_id, -1, reason, now, now_stage);
}
