/* Merging an imported follow-up (SPEC §5): recognising a calendar item
 * that is here already (by the UID rapport wrote, the UID it came with,
 * or the same contact, text, recurrence and day), else adding it to the
 * contact its summary or attendee names. Uses core/ and below. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/contact.h"
#include "core/cursor.h"
#include "core/followup.h"
#include "base/i18n.h"
#include "io/format.h"
#include "io/merge.h"
#include "base/text.h"
#include "store/contact.h"
#include "store/followup.h"

static bool same_interval(struct interval a, struct interval b)
{
    return a.count == b.count && (a.count == 0 || a.unit == b.unit);
}

/* A follow-up of the same contact, text and recurrence, due the same
 * day, is already there: the file was imported before. A done one counts
 * too, or an old file brought in again would reopen what was completed
 * since. Any day will do for an item without one (it was given the day
 * of the import, which differs every time), and for a recurring one
 * while its series is open here: completing an occurrence moves the
 * series on to another day, and another file, or a later one, may have
 * it at any of them. *uidless: the one found, when it has no UID (it
 * came before rapport kept them), else 0. */
static enum store_status has_followup(struct store *st, int64_t contact_id,
                                      const struct io_task *t, bool *found,
                                      int64_t *uidless)
{
    *found = false;
    *uidless = 0;
    struct followup_filter filter = { .contact_id = contact_id,
                                      .include_archived = true };
    struct followup_cursor cur;
    cursor_followups(&cur, st, &filter);
    for (const struct followup *f;
         !*found && (f = cursor_next_followup(&cur)); ) {
        bool any_day = t->dateless
                       || (t->every.count > 0 && f->state == FOLLOWUP_OPEN);
        if ((any_day || date_compare(f->due, t->due) == 0)
            && f->text && strcmp(f->text, t->text) == 0
            && same_interval(f->every, t->every)) {
            *found = true;
            *uidless = f->uid ? 0 : f->id;
        }
    }
    return cursor_close_followups(&cur);
}

/* The UID rapport writes names a follow-up (the first of its series, for
 * a recurring one) by id and creation time. When that follow-up is here,
 * done or not, with the same text, the item came from this database:
 * it is there already, even when the contact was renamed since. */
static enum store_status has_own_followup(struct store *st,
                                          const struct io_task *t,
                                          bool *found)
{
    *found = false;
    int64_t id, created;
    if (!io_followup_uid_parse(t->uid, &id, &created))
        return STORE_OK;
    struct followup f = { 0 };
    enum store_status rc = store_followup_get(st, id, &f);
    if (rc == STORE_NOT_FOUND)
        return STORE_OK;
    if (rc == STORE_OK)
        *found = (int64_t)f.created == created && f.text && t->text
                 && strcmp(f.text, t->text) == 0;
    followup_clear(&f);
    return rc;
}

/* An item whose UID a follow-up here was imported with (or carries on,
 * as the next occurrence of a series) is there already, whatever its
 * calendar changed since: its day, its summary. */
static enum store_status has_uid_followup(struct store *st,
                                          const struct io_task *t, bool *found)
{
    *found = false;
    if (!t->uid)
        return STORE_OK;
    struct followup f = { 0 };
    enum store_status rc = store_followup_by_uid(st, t->uid, &f);
    if (rc == STORE_NOT_FOUND)
        return STORE_OK;
    *found = rc == STORE_OK;
    followup_clear(&f);
    return rc;
}

static enum store_status add_task(struct io_import *im, struct io_task *t,
                                  const struct contact *c)
{
    int64_t id = 0;
    /* The UID stays with the follow-up, so that the next import of this
     * calendar finds it, and an export gives it back to the calendar. */
    enum store_status rc = followup_add_uid(im->st, c->id, t->due, t->due_minutes,
                                            t->text, t->every, t->uid,
                                            im->now, &id);
    /* The snooze comes back as it was exported (followup_snooze_copy). */
    if (rc == STORE_OK && date_is_set(t->snoozed_until))
        rc = followup_snooze_copy(im->st, id, t->snoozed_until, im->now);
    return rc;
}

enum store_status io_merge_followup(struct io_import *im, struct io_task *t)
{
    io_repair_text(im, t->line, _("follow-up"), t->text, false);
    io_repair_text(im, t->line, _("name"), t->who, false);
    bool found = false;
    enum store_status rc = has_own_followup(im->st, t, &found);
    if (rc == STORE_OK && !found)
        rc = has_uid_followup(im->st, t, &found);
    if (rc != STORE_OK)
        return rc;
    if (found) {
        io_merge_plan(im, t->line, _("already there"), t->text);
        im->sum->unchanged++;
        return STORE_OK;
    }
    struct contact c = { 0 };
    rc = STORE_NOT_FOUND;
    if (t->email)
        rc = store_contact_by_email(im->st, t->email, &c);
    if (rc == STORE_NOT_FOUND && t->who)
        rc = contact_resolve(im->st, t->who, false, &c);
    struct strlist candidates = { 0 };
    if ((rc == STORE_NOT_FOUND || rc == STORE_INVALID) && t->context) {
        /* "Send reading list to Ahmed": the name in ordinary words. */
        bool named = false;
        contact_clear(&c);
        enum store_status found_rc = io_find_named(im, t->context, &c,
                                                   &named, &candidates);
        if (found_rc != STORE_OK && found_rc != STORE_NOT_FOUND) {
            strlist_clear(&candidates);
            return found_rc;
        }
        if (named) {
            /* The text keeps the words that named the contact. */
            char *full = strndup(t->context, strcspn(t->context, "\n"));
            if (full) {
                free(t->text);
                t->text = full;
                text_trim(t->text);
            }
            rc = STORE_OK;
        } else if (candidates.len > 1) {
            rc = STORE_AMBIGUOUS;
        }
    }
    if (rc == STORE_AMBIGUOUS && candidates.len > 1) {
        char *names = strlist_join(&candidates, ", ");
        char *shown = text_sanitize(names ? names : "", false);
        const char *src = t->context ? t->context : t->text;
        char *line = strndup(src, strcspn(src, "\n"));
        char *what = text_sanitize(line ? line : "", false);
        free(line);
        io_reject(im, t->line,
                  _("\"%s\" could name any of %s; write the whole name in the summary"),
                  what, shown);
        free(shown);
        free(names);
        free(what);
        strlist_clear(&candidates);
        return (im->flags & IO_STRICT) ? STORE_INVALID : STORE_OK;
    }
    strlist_clear(&candidates);
    if (rc == STORE_NOT_FOUND || rc == STORE_AMBIGUOUS
        || rc == STORE_INVALID) {
        char *who = text_sanitize(t->who ? t->who
                                  : t->email ? t->email : "", false);
        char *what = text_sanitize(t->text, false);
        if (rc == STORE_AMBIGUOUS)
            io_reject(im, t->line,
                      _("\"%s\": \"%s\" names several contacts; write the whole name in the summary"),
                      what, who);
        else if (*who)
            io_reject(im, t->line, _("\"%s\": no contact named \"%s\""),
                      what, who);
        else
            io_reject(im, t->line,
                      _("\"%s\": names no contact (write \"Name: what to do\" in the summary)"),
                      what);
        free(who);
        free(what);
        return (im->flags & IO_STRICT) ? STORE_INVALID : STORE_OK;
    }
    if (rc != STORE_OK)
        return rc;
    char *what = NULL;
    if (asprintf(&what, "%s: %s", c.name, t->text) < 0)
        what = NULL;
    int64_t uidless = 0;
    rc = has_followup(im->st, c.id, t, &found, &uidless);
    if (rc == STORE_OK && found && t->uid && uidless) {
        /* Imported before its UID was kept: it keeps it from now on,
         * so that the calendar's next change of it is known too. */
        rc = store_followup_set_uid(im->st, uidless, t->uid, im->now);
        if (rc == STORE_OK) {
            io_merge_plan(im, t->line, _("would merge into"),
                          what ? what : t->text);
            im->sum->merged++;
            im->changed++;
        }
    } else if (rc == STORE_OK && found) {
        io_merge_plan(im, t->line, _("already there"), what ? what : t->text);
        im->sum->unchanged++;
    } else if (rc == STORE_OK) {
        rc = add_task(im, t, &c);
        if (rc == STORE_OK) {
            io_merge_plan(im, t->line, _("would add follow-up"),
                          what ? what : t->text);
            im->sum->added++;
            im->changed++;
            /* A to-do of the calendar not done by its day is work
             * still to do: it comes in overdue, and the summary says
             * how many did (a snooze that has not run out is not). */
            struct date today = date_from_time(im->now);
            if (!t->dateless && date_compare(t->due, today) < 0
                && !(date_is_set(t->snoozed_until)
                     && date_compare(t->snoozed_until, today) >= 0))
                im->sum->overdue++;
        } else if (rc == STORE_INVALID) {
            io_reject(im, t->line, "%s", store_error(im->st));
            rc = (im->flags & IO_STRICT) ? STORE_INVALID : STORE_OK;
        }
    }
    free(what);
    contact_clear(&c);
    return rc;
}
