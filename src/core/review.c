/* The Review's sections (review.h): which follow-ups each lists, and
 * the words it is shown with. Uses store/ and below. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "core/review.h"
#include "core/season.h"
#include "model/list.h"
#include "model/stage.h"
#include "store/followup.h"
#include "store/mail.h"
#include "store/quiet.h"

/* ngettext takes an unsigned count. */
static unsigned long plural(long n)
{
    return n < 0 ? (unsigned long)-n : (unsigned long)n;
}

void review_plan(struct review *r, struct date today, long days)
{
    memset(r, 0, sizeof *r);
    r->today = today;
    r->days = days;
    for (int i = 0; i < REVIEW_QUIET; i++)
        r->filters[i].open_only = true;
    r->filters[REVIEW_OVERDUE].to = date_add_days(today, -1);
    r->filters[REVIEW_TODAY].from = today;
    r->filters[REVIEW_TODAY].to = today;
    r->filters[REVIEW_NEXT].from = date_add_days(today, 1);
    r->filters[REVIEW_NEXT].to = date_add_days(today, days);
}

void review_use_pipeline(struct review *r, const struct pipeline_thresholds *p)
{
    r->pipeline = p;
}

/* "Mine" and "scheduled by" of the follow-up sections: one author's
 * follow-ups are all of them, not only those of my work, so a member
 * sees what a colleague scheduled for the rest of the team too. */
static void review_filter_people(struct review *r)
{
    for (int i = 0; i < REVIEW_QUIET; i++) {
        r->filters[i].mine = r->by ? NULL : r->mine;
        r->filters[i].by = r->by;
    }
}

void review_only_mine(struct review *r, const char *login)
{
    r->mine = login;
    review_filter_people(r);
}

void review_only_by(struct review *r, const char *login)
{
    r->by = login && *login ? login : NULL;
    review_filter_people(r);
}

bool review_lists_followups(enum review_section s)
{
    return s < REVIEW_QUIET;
}

bool review_shows(const struct review *r, enum review_section s)
{
    if (s == REVIEW_BUDGET || s == REVIEW_READY)
        return r->pipeline != NULL;
    return s != REVIEW_NEXT || r->days > 0;
}

bool review_shows_empty(enum review_section s)
{
    return s != REVIEW_MAIL;
}

const struct followup_filter *review_filter(const struct review *r,
                                            enum review_section s)
{
    return review_lists_followups(s) ? &r->filters[s] : NULL;
}

void review_title(const struct review *r, enum review_section s, char *buf,
                  size_t size)
{
    switch (s) {
    case REVIEW_OVERDUE:
        snprintf(buf, size, "%s", _("Overdue"));
        break;
    case REVIEW_TODAY:
        snprintf(buf, size, "%s", _("Today"));
        break;
    case REVIEW_NEXT:
        snprintf(buf, size,
                 ngettext("Next %ld day", "Next %ld days", plural(r->days)),
                 r->days);
        break;
    case REVIEW_BUDGET:
        snprintf(buf, size, "%s", _("Budget season"));
        break;
    case REVIEW_READY:
        snprintf(buf, size, "%s", _("Ready to move up"));
        break;
    case REVIEW_MAIL:
        snprintf(buf, size, "%s", _("Needs review"));
        break;
    default:
        snprintf(buf, size, "%s", _("Gone quiet"));
        break;
    }
}

void review_empty(const struct review *r, enum review_section s, char *buf,
                  size_t size)
{
    switch (s) {
    case REVIEW_OVERDUE:
        snprintf(buf, size, "%s", _("Nothing overdue."));
        break;
    case REVIEW_TODAY:
        snprintf(buf, size, "%s", _("Nothing due today."));
        break;
    case REVIEW_NEXT:
        snprintf(buf, size,
                 ngettext("Nothing in the next %ld day.",
                          "Nothing in the next %ld days.", plural(r->days)),
                 r->days);
        break;
    case REVIEW_BUDGET:
        snprintf(buf, size, "%s", _("No budget season now."));
        break;
    case REVIEW_READY:
        snprintf(buf, size, "%s", _("Nobody to move up."));
        break;
    case REVIEW_MAIL:
        snprintf(buf, size, "%s", _("No mail waits for review."));
        break;
    default:
        snprintf(buf, size, "%s", _("Nobody has gone quiet."));
        break;
    }
}

enum store_status review_count(struct store *st, const struct review *r,
                               enum review_section s,
                               const int stage_cadence[STAGE_COUNT],
                               time_t now, int64_t *count)
{
    if (review_lists_followups(s))
        return store_followup_count(st, &r->filters[s], count);
    if (s == REVIEW_MAIL)
        return store_mail_review_count(st, count);
    if (s == REVIEW_BUDGET || s == REVIEW_READY) {
        *count = 0;
        if (!r->pipeline)
            return STORE_OK;
        return s == REVIEW_BUDGET
            ? season_budget_count(st, r->pipeline, r->today, r->mine, count)
            : season_ready_count(st, r->pipeline, now, r->mine, count);
    }
    return store_quiet_count(st, stage_cadence, r->mine, now, count);
}
