/* Follow-ups: scheduling, recurrence, snoozing and completing.
 * Uses store/ and below. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/followup.h"
#include "base/i18n.h"
#include "core/note.h"
#include "base/text.h"
#include "model/note.h"
#include "store/followup.h"

static bool interval_valid(struct interval every)
{
    if (every.count == 0)
        return true;
    return every.count > 0 && every.count <= 9999
           && (every.unit == 'd' || every.unit == 'w' || every.unit == 'm');
}

static enum store_status add(struct store *st, int64_t contact_id,
                             struct date due, int due_minutes,
                             const char *text, struct interval every,
                             const char *uid, const char *for_login,
                             time_t now, int64_t *id);

enum store_status followup_add(struct store *st, int64_t contact_id,
                               struct date due, int due_minutes,
                               const char *text, struct interval every,
                               time_t now, int64_t *id)
{
    return add(st, contact_id, due, due_minutes, text, every, NULL, NULL, now, id);
}

enum store_status followup_add_for(struct store *st, int64_t contact_id,
                                   struct date due, int due_minutes,
                                   const char *text, struct interval every,
                                   const char *for_login, time_t now,
                                   int64_t *id)
{
    return add(st, contact_id, due, due_minutes, text, every, NULL, for_login,
               now, id);
}

enum store_status followup_add_uid(struct store *st, int64_t contact_id,
                                   struct date due, int due_minutes,
                                   const char *text, struct interval every,
                                   const char *uid, time_t now, int64_t *id)
{
    return add(st, contact_id, due, due_minutes, text, every, uid, NULL, now, id);
}

static enum store_status add(struct store *st, int64_t contact_id,
                             struct date due, int due_minutes,
                             const char *text, struct interval every,
                             const char *uid, const char *for_login,
                             time_t now, int64_t *id)
{
    if (!date_is_valid(due))
        return store_fail(st, STORE_INVALID, _("date: not a valid date"));
    if (due_minutes < -1 || due_minutes >= 24 * 60)
        return store_fail(st, STORE_INVALID, _("time: expected HH:MM"));
    if (!interval_valid(every))
        return store_fail(st, STORE_INVALID,
                          _("every: expected a number of days, weeks or months (3d, 2w, 1m)"));
    if (!text || !text_is_utf8(text))
        return store_fail(st, STORE_INVALID,
                          _("the follow-up's text is not valid UTF-8"));
    if (uid && (!text_is_utf8(uid) || strpbrk(uid, "\r\n")))
        return store_fail(st, STORE_INVALID,
                          _("the calendar item's UID is not one line of UTF-8"));
    struct followup f = {
        .contact_id = contact_id,
        .due = due,
        .due_minutes = due_minutes,
        .every = every,
        .state = FOLLOWUP_OPEN,
    };
    if (for_login && *for_login) {
        char control[16];
        if (strlen(for_login) >= sizeof f.assigned_to || !text_is_utf8(for_login)
            || text_find_control(for_login, false, control, sizeof control))
            return store_fail(st, STORE_INVALID, _("for: not a login name"));
        snprintf(f.assigned_to, sizeof f.assigned_to, "%s", for_login);
    }
    f.text = strdup(text);
    f.uid = uid && *uid ? strdup(uid) : NULL;
    if (!f.text || (uid && *uid && !f.uid)) {
        free(f.text);
        free(f.uid);
        return store_fail(st, STORE_FAILED, _("out of memory"));
    }
    text_trim(f.text);
    enum store_status rc;
    char shown[16];
    if (!*f.text)
        rc = store_fail(st, STORE_INVALID, _("the follow-up needs a text"));
    else if (strpbrk(f.text, "\r\n"))
        rc = store_fail(st, STORE_INVALID,
                        _("the follow-up's text must be one line"));
    else if (text_find_control(f.text, false, shown, sizeof shown))
        rc = store_fail(st, STORE_INVALID,
                        _("%s: holds the control character %s, which a terminal would take as a command; remove it"),
                        _("follow-up"), shown);
    else
        rc = store_followup_add(st, &f, now);
    if (rc == STORE_OK && id)
        *id = f.id;
    free(f.text);
    free(f.uid);
    return rc;
}

struct date followup_next_due(struct date due, struct interval every,
                              struct date today)
{
    struct date next = date_add_interval(due, every);
    if (date_compare(next, today) < 0)
        next = date_add_interval(today, every);
    return next;
}

struct date followup_effective(const struct followup *f)
{
    return date_is_set(f->snoozed_until) ? f->snoozed_until : f->due;
}

static enum store_status get_open(struct store *st, int64_t id,
                                  struct followup *f)
{
    enum store_status rc = store_followup_get(st, id, f);
    if (rc == STORE_NOT_FOUND)
        return store_fail(st, rc, _("no follow-up f%lld"), (long long)id);
    if (rc == STORE_OK && f->state != FOLLOWUP_OPEN) {
        rc = store_fail(st, STORE_INVALID, _("follow-up f%lld is already done"),
                        (long long)id);
        followup_clear(f);
    }
    return rc;
}

enum store_status followup_done(struct store *st, int64_t id,
                                const char *log_note, time_t now,
                                struct followup *next)
{
    struct followup f = { 0 };
    enum store_status rc = get_open(st, id, &f);
    if (rc != STORE_OK)
        return rc;

    struct followup following = { 0 };
    bool recurs = f.every.count > 0;
    if (recurs) {
        following.contact_id = f.contact_id;
        following.due = followup_next_due(f.due, f.every,
                                          date_from_time(now));
        following.due_minutes = f.due_minutes;
        following.every = f.every;
        following.state = FOLLOWUP_OPEN;
        following.text = strdup(f.text ? f.text : "");
        /* The next occurrence is the same calendar item. */
        following.uid = f.uid ? strdup(f.uid) : NULL;
        if (!following.text || (f.uid && !following.uid)) {
            followup_clear(&following);
            followup_clear(&f);
            return store_fail(st, STORE_FAILED, _("out of memory"));
        }
    }

    struct note log = { .contact_id = f.contact_id, .at = now };
    bool logs = log_note && *log_note;
    char shown[16];
    if (logs) {
        char *body = strdup(log_note);
        if (!body) {
            rc = store_fail(st, STORE_FAILED, _("out of memory"));
            goto out;
        }
        text_trim(body);
        if (!*body) {
            logs = false;
            free(body);
        } else if (!text_is_utf8(body)) {
            free(body);
            rc = store_fail(st, STORE_INVALID, _("the note is not valid UTF-8"));
            goto out;
        } else if (text_find_control(body, true, shown, sizeof shown)) {
            free(body);
            rc = store_fail(st, STORE_INVALID,
                            _("%s: holds the control character %s, which a terminal would take as a command; remove it"),
                            _("note"), shown);
            goto out;
        } else {
            log.body = body;
            snprintf(log.kind, sizeof log.kind, "%s", "note");
        }
    }

    rc = store_followup_done(st, id, recurs ? &following : NULL,
                             logs ? &log : NULL, now);
out:
    free(log.body);
    followup_clear(&f);
    if (rc == STORE_OK && next) {
        *next = following;
        if (!recurs)
            next->id = 0;
    } else {
        followup_clear(&following);
    }
    return rc;
}

/* Who asks for a snooze: someone putting a follow-up off now, or a copy
 * (an import) bringing back the snooze it was written with. */
enum snooze_how { SNOOZE_NOW, SNOOZE_COPY };

/* Every snooze passes here, so that one set of rules holds for the
 * command line, the TUI, the importer and the demo. */
static enum store_status snooze(struct store *st, int64_t id,
                                struct date until, time_t now,
                                enum snooze_how how)
{
    if (!date_is_valid(until))
        return store_fail(st, STORE_INVALID, _("date: not a valid date"));
    /* A copy's snooze comes back as it was written, even one that has
     * run out by now: reaching today or later is a rule about putting
     * something off now. */
    if (how == SNOOZE_NOW && date_compare(until, date_from_time(now)) < 0)
        return store_fail(st, STORE_INVALID,
                          _("a follow-up can only be snoozed to today or later"));
    struct followup f = { 0 };
    enum store_status rc = get_open(st, id, &f);
    if (rc != STORE_OK)
        return rc;
    /* A snooze puts a follow-up off: a day on or before its due date
     * would bring it forward instead (and the agenda would list it
     * early), which is what changing the due date is for. A snooze may
     * still be shortened to any day after the due date. A copy's
     * snooze that puts nothing off is no snooze, and is left out. */
    bool puts_off = date_compare(until, f.due) > 0;
    if (!puts_off && how == SNOOZE_COPY) {
        followup_clear(&f);
        return STORE_OK;
    }
    char day[11];
    if (!puts_off) {
        date_format_iso(f.due, day);
        rc = store_fail(st, STORE_INVALID,
                        _("follow-up f%lld is due on %s; snooze it to a later day"),
                        (long long)id, day);
    } else if (date_is_set(f.snoozed_until)
               && date_compare(until, f.snoozed_until) == 0) {
        date_format_iso(until, day);
        rc = store_fail(st, STORE_INVALID,
                        _("follow-up f%lld is already snoozed until %s"),
                        (long long)id, day);
    }
    followup_clear(&f);
    return rc != STORE_OK ? rc : store_followup_snooze(st, id, until, now);
}

enum store_status followup_snooze(struct store *st, int64_t id,
                                  struct date until, time_t now)
{
    return snooze(st, id, until, now, SNOOZE_NOW);
}

enum store_status followup_snooze_copy(struct store *st, int64_t id,
                                       struct date until, time_t now)
{
    return snooze(st, id, until, now, SNOOZE_COPY);
}
