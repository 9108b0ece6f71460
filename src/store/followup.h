/* Follow-ups in the store: adding, done, snoozing, and windows by date.
 * Uses base/date.h, model/followup.h, model/note.h, store/store.h. */
#ifndef RAPPORT_STORE_FOLLOWUP_H
#define RAPPORT_STORE_FOLLOWUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "base/date.h"
#include "model/followup.h"
#include "model/note.h"
#include "store/store.h"

enum store_status store_followup_add(struct store *st, struct followup *f,
                                     time_t now);
enum store_status store_followup_get(struct store *st, int64_t id,
                                     struct followup *out);
/* The follow-up an imported item with this UID became: the open one of
 * its series, else the newest. STORE_NOT_FOUND when there is none. */
enum store_status store_followup_by_uid(struct store *st, const char *uid,
                                        struct followup *out);
/* Gives a follow-up without a UID the UID of the calendar item it is. */
enum store_status store_followup_set_uid(struct store *st, int64_t id,
                                         const char *uid, time_t now);
/* Marks f done at now; in the same transaction inserts `next` (the next
 * occurrence of a recurring one) and `log` (a note) when not NULL, and
 * fills their ids. */
enum store_status store_followup_done(struct store *st, int64_t id,
                                      struct followup *next, struct note *log,
                                      time_t now);
/* Moves an open follow-up to `until`; its due date stays. Reached
 * through followup_snooze (core/followup.h), which checks `until`. */
enum store_status store_followup_snooze(struct store *st, int64_t id,
                                        struct date until, time_t now);

struct followup_filter {
    int64_t contact_id;        /* 0: every contact */
    bool open_only;
    struct date from;          /* effective date (snooze or due) >= from; unset: no bound */
    struct date to;            /* effective date <= to; unset: no bound */
    bool include_archived;     /* follow-ups of archived contacts */
    int64_t org_id;            /* 0: any; else that organisation's contacts */
    /* Logins (NULL: anyone). mine: the member's work, follow-ups for
     * them or of contacts they own; by: scheduled by; assigned_to: for. */
    const char *mine;
    const char *by;
    const char *assigned_to;
};
/* The keyset cursor of a follow-up: the fields a window is ordered by,
 * no owned text, so it outlives the list it came from. */
struct followup store_followup_key(const struct followup *f);
/* A window of follow-ups ordered by effective date, time, id. */
enum store_status store_followup_page(struct store *st,
                                      const struct followup_filter *filter,
                                      const struct followup *after,
                                      size_t limit, struct followup_list *out);
/* The rows just before `before` (NULL: the last ones), in list order;
 * out->more: rows exist before them. */
enum store_status store_followup_page_before(struct store *st,
                                             const struct followup_filter *filter,
                                             const struct followup *before,
                                             size_t limit,
                                             struct followup_list *out);
enum store_status store_followup_count(struct store *st,
                                       const struct followup_filter *filter,
                                       int64_t *count);

#endif
