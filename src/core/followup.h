/* Follow-ups: what to do next and when; recurrence and snoozing.
 * Uses store/ and below. */
#ifndef RAPPORT_FOLLOWUP_H
#define RAPPORT_FOLLOWUP_H

#include "model/followup.h"
#include "store/store.h"

/* Stores a follow-up; every.count 0 when it does not recur; due_minutes
 * -1 when it has no time of day. Fills *id when not NULL. */
enum store_status followup_add(struct store *st, int64_t contact_id,
                               struct date due, int due_minutes,
                               const char *text, struct interval every,
                               time_t now, int64_t *id);
/* followup_add handed to a colleague: for_login is whom it is for (NULL
 * or "": the one who schedules it). */
enum store_status followup_add_for(struct store *st, int64_t contact_id,
                                   struct date due, int due_minutes,
                                   const char *text, struct interval every,
                                   const char *for_login, time_t now,
                                   int64_t *id);
/* followup_add for an item imported from a calendar: uid is its UID
 * (NULL: none), kept with it and its later occurrences. */
enum store_status followup_add_uid(struct store *st, int64_t contact_id,
                                   struct date due, int due_minutes,
                                   const char *text, struct interval every,
                                   const char *uid, time_t now, int64_t *id);

/* The next occurrence of a recurring follow-up: one interval after the
 * previous due date; if that is already past, one interval after today. */
struct date followup_next_due(struct date due, struct interval every,
                              struct date today);

/* The date it shows up on: the snooze date when snoozed, else due. */
struct date followup_effective(const struct followup *f);

/* Marks it done; logs log_note as a note when not NULL or blank; for a
 * recurring one schedules the next, described in *next (next->id 0 when
 * none was scheduled; clear it with followup_clear). */
enum store_status followup_done(struct store *st, int64_t id,
                                const char *log_note, time_t now,
                                struct followup *next);

/* Moves an open follow-up to `until`, keeping its due date. `until`
 * must be today or later and after the due date (a snooze puts things
 * off), and not the day it is already snoozed until. */
enum store_status followup_snooze(struct store *st, int64_t id,
                                  struct date until, time_t now);
/* followup_snooze for a copy (an import of an export): the snooze comes
 * back as it was written, even one that has run out by now; one on or
 * before the due date puts nothing off and is left out (STORE_OK). */
enum store_status followup_snooze_copy(struct store *st, int64_t id,
                                       struct date until, time_t now);

#endif
