/* The Review (SPEC §3.1), the day's start: what needs the user, in
 * sections — follow-ups overdue, due today and due in the next days,
 * the contacts who have gone quiet, then the pipeline's own signals,
 * Budget season and Ready to move up (core/season.h), and the mail
 * that matched no contact (core/mail.h) — each with its
 * title and what
 * it says when empty. Both front ends show these sections: the TUI's
 * Review screen (tui/review.c) and `rapport agenda` (cli/agenda.c).
 * Uses store/ and below. */
#ifndef RAPPORT_CORE_REVIEW_H
#define RAPPORT_CORE_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "store/store.h"
#include "model/stage.h"
#include "core/config.h"
#include "store/followup.h"

enum review_section {
    REVIEW_OVERDUE,     /* open follow-ups before today */
    REVIEW_TODAY,
    REVIEW_NEXT,        /* the next `days` days after today */
    REVIEW_QUIET,       /* contacts past their cadence */
    REVIEW_BUDGET,      /* decision-makers in budget season */
    REVIEW_READY,       /* contacts ready to move up */
    REVIEW_MAIL,        /* Needs review: mail that matched no contact */
    REVIEW_SECTIONS,
};

/* How far ahead the Next section looks unless told: a week. */
#define REVIEW_DAYS 7

struct review {
    struct date today;
    long days;
    /* The follow-up sections' filters, indexed by section. */
    struct followup_filter filters[REVIEW_QUIET];
    /* [pipeline], for Budget season and Ready to move up; NULL: those
     * sections are not shown. */
    const struct pipeline_thresholds *pipeline;
    /* In a team database: the member whose work it shows (their
     * follow-ups, those of contacts they own, their contacts gone
     * quiet, in budget season or ready to move up); NULL: the whole
     * team's. */
    const char *mine;
    /* Only the follow-ups this login scheduled, whoever they are for;
     * NULL: everyone's. */
    const char *by;
};

/* The sections of the review of `today`, looking `days` ahead. */
void review_plan(struct review *r, struct date today, long days);
/* The thresholds the pipeline's sections follow (kept by pointer). */
void review_use_pipeline(struct review *r, const struct pipeline_thresholds *p);
/* Shows only the work of the member `login` (kept by pointer), or the
 * whole team's (NULL). */
void review_only_mine(struct review *r, const char *login);
/* Shows in the follow-up sections only the follow-ups that `login`
 * scheduled (kept by pointer), every one of them whoever it is for, as
 * `rapport agenda --by` does: the other sections stay as
 * review_only_mine left them. NULL shows everyone's again. */
void review_only_by(struct review *r, const char *login);
/* True for the sections that list follow-ups; REVIEW_QUIET lists
 * contacts, REVIEW_BUDGET budget entries, REVIEW_READY suggestions,
 * REVIEW_MAIL waiting messages (model/mail.h). */
bool review_lists_followups(enum review_section s);
/* Whether a section is shown at all: not Next when it looks 0 days
 * ahead, not the pipeline's without its thresholds. */
bool review_shows(const struct review *r, enum review_section s);
/* The follow-ups a section lists (not REVIEW_QUIET). */
const struct followup_filter *review_filter(const struct review *r,
                                            enum review_section s);
/* Whether a section is shown when it has no rows: Needs review is only
 * there when mail waits (most users pipe no mail at all). */
bool review_shows_empty(enum review_section s);
/* "Overdue", "Today", "Next 7 days", "Gone quiet", "Budget season",
 * "Ready to move up", "Needs review" (translated). */
void review_title(const struct review *r, enum review_section s, char *buf,
                  size_t size);
/* What an empty section says: "Nothing overdue." (translated). */
void review_empty(const struct review *r, enum review_section s, char *buf,
                  size_t size);
/* How many rows a section has at `now`, gone quiet by stage_cadence. */
enum store_status review_count(struct store *st, const struct review *r,
                               enum review_section s,
                               const int stage_cadence[STAGE_COUNT],
                               time_t now, int64_t *count);

#endif
