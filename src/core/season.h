/* The pipeline's own signals on the Review (SPEC §2): Budget season —
 * an organisation's decision-makers from [pipeline] budget_lead_days
 * before its budget date until the date, when not contacted since —
 * and Ready to move up — end users who came back by choice, customers
 * who became partners — each with its reason, accepted with a promotion
 * or dismissed for good. Both front ends read these (core/review.h
 * names the sections). Uses store/ and below. */
#ifndef RAPPORT_CORE_SEASON_H
#define RAPPORT_CORE_SEASON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "base/date.h"
#include "core/config.h"
#include "model/suggest.h"
#include "store/season.h"
#include "store/store.h"

/* In a team database the Review and the agenda show a member's own
 * contacts in these sections, as in Gone quiet: `mine` is that
 * member's login (core/review.h), NULL the whole team's. */

/* Budget season on `today` with lead_days of lead. */
void season_budget_plan(struct date today, int lead_days,
                        struct budget_season *out);
enum store_status season_budget_page(struct store *st,
                                     const struct pipeline_thresholds *p,
                                     struct date today, const char *mine,
                                     size_t limit, struct budget_list *out);
enum store_status season_budget_count(struct store *st,
                                      const struct pipeline_thresholds *p,
                                      struct date today, const char *mine,
                                      int64_t *count);
/* The date an entry's season ends on (its coming budget date), and how
 * many days away that is. */
struct date season_budget_due(const struct budget_entry *e, struct date today);
/* True when MM-DD is a budget date (01-01 to 12-31; 02-29 allowed). */
bool season_budget_valid(const char *md);

/* The rule of [pipeline] at `now`, for mine's contacts (NULL: all). */
void season_ready_rule(const struct pipeline_thresholds *p, time_t now,
                       const char *mine, struct ready_rule *out);
enum store_status season_ready_page(struct store *st,
                                    const struct pipeline_thresholds *p,
                                    time_t now, const char *mine, size_t limit,
                                    struct suggestion_list *out);
/* A window of them after `after` (or before it, backward), read by
 * keyset as the Review pages: no cut at a fixed number of rows. */
enum store_status season_ready_window(struct store *st,
                                      const struct pipeline_thresholds *p,
                                      time_t now, const char *mine,
                                      const struct suggestion *after,
                                      bool backward, size_t limit,
                                      struct suggestion_list *out);
enum store_status season_ready_count(struct store *st,
                                     const struct pipeline_thresholds *p,
                                     time_t now, const char *mine,
                                     int64_t *count);
/* Why it is suggested: "4 interactions in 90 days" (translated); the
 * reason a promotion is prefilled with. */
void season_reason(const struct suggestion *s,
                   const struct pipeline_thresholds *p, time_t now,
                   char *buf, size_t size);
/* Dismisses the suggestion to move the contact to the next stage, so it
 * is not suggested again for that stage; an error for a client. */
enum store_status season_dismiss(struct store *st, const struct contact *c,
                                 time_t now);

#endif
