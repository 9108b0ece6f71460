/* The Review's pipeline rows in the store: decision-makers in their
 * organisation's budget season, contacts ready to move up a stage, and
 * the suggestions a user dismissed. Uses model/suggest.h,
 * store/store.h. */
#ifndef RAPPORT_STORE_SEASON_H
#define RAPPORT_STORE_SEASON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "model/suggest.h"
#include "store/store.h"

/* Which budget dates are in season: from MM-DD `from` (today) to MM-DD
 * `to` (today + lead, wrapping past the year's end when to < from);
 * `year` is today's. A window opens lead_days before its date, local
 * midnight. */
struct budget_season {
    char from[6], to[6];
    int year;
    int lead_days;
    const char *owner;       /* NULL: anyone's; else only this login's */
};

/* Active decision-makers of organisations in season not contacted since
 * their window opened, nearest date first, at most limit. */
enum store_status store_budget_page(struct store *st,
                                    const struct budget_season *season,
                                    size_t limit, struct budget_list *out);
enum store_status store_budget_count(struct store *st,
                                     const struct budget_season *season,
                                     int64_t *count);

/* What makes a contact ready to move up (SPEC §2, [pipeline]). */
struct ready_rule {
    time_t since;            /* end users: interactions after this */
    int64_t interactions;    /* ... at least this many */
    time_t customer_before;  /* customers: a customer since before this */
    int64_t touches;         /* ... with at least this many interactions */
    const char *owner;       /* NULL: anyone's; else only this login's */
};

/* Customers ready to be clients (the longest customers first), then end
 * users ready to be customers (the latest touched first), leaving out
 * dismissed suggestions; at most limit. */
enum store_status store_ready_page(struct store *st, const struct ready_rule *rule,
                                   size_t limit, struct suggestion_list *out);
/* A window of them as the Review pages through: after the row `after`
 * (NULL: from the start) or, backward, the rows just before it (NULL:
 * the last ones), in list order; out->more: rows exist beyond them. */
enum store_status store_ready_window(struct store *st, const struct ready_rule *rule,
                                     const struct suggestion *after, bool backward,
                                     size_t limit, struct suggestion_list *out);
enum store_status store_ready_count(struct store *st, const struct ready_rule *rule,
                                    int64_t *count);
/* Whether contact is ready to move up to stage `to` under rule. */
enum store_status store_ready_one(struct store *st, const struct ready_rule *rule,
                                  int64_t contact_id, int to, bool *ready);
/* Records that the suggestion to move contact_id up to `to` was
 * dismissed (undoable). */
enum store_status store_suggestion_dismiss(struct store *st, int64_t contact_id,
                                           int to, time_t now);

#endif
