/* The storage: the only module that speaks SQL.
 *
 * It opens and checks the database file, sets the pragmas, migrates the
 * schema (PRAGMA user_version), and owns every statement. Every write is
 * one transaction (BEGIN IMMEDIATE) that also records what it changed in
 * the undo journal. Lists come a window at a time: a limit and a keyset
 * cursor (the last row the caller has), never a whole table.
 *
 * Functions return STORE_OK (0) or another enum store_status; the message
 * for the user is then in store_error(). */
#ifndef RAPPORT_STORE_H
#define RAPPORT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "base/date.h"
#include "base/phone.h"
#include "base/strlist.h"
#include "model/contact.h"
#include "model/followup.h"
#include "model/journal.h"
#include "model/note.h"
#include "model/org.h"
#include "model/report.h"
#include "model/score.h"
#include "model/search.h"
#include "model/stage.h"

enum store_status {
    STORE_OK = 0,
    STORE_NOT_FOUND,   /* no such contact, follow-up, ... */
    STORE_INVALID,     /* bad input: the message says which field */
    STORE_AMBIGUOUS,   /* a name matched several contacts or organisations */
    STORE_CONFLICT,    /* the record changed since it was read */
    STORE_READ_ONLY,   /* opened read-only, or the file is not writable */
    STORE_FAILED,      /* the database failed: damaged, disk full, ... */
};

/* ---- opening ---------------------------------------------------------- */

struct store;

enum store_open_flags {
    STORE_OPEN_READ_ONLY = 1 << 0,
    STORE_OPEN_SHARED = 1 << 1,   /* a team database: group may read and write */
    STORE_OPEN_CREATE = 1 << 2,   /* create file (0600) and folder (0700) if missing */
};

/* Checks the file (regular file, owner, mode: refuses one others can
 * write unless shared), creates it when asked, sets WAL,
 * synchronous=FULL, a busy timeout, foreign keys, secure_delete, and
 * migrates the schema. On failure *out is NULL and the message is in
 * *error (free it). Warnings (readable by others, network file system)
 * are appended to warnings when it is not NULL. */
enum store_status store_open(const char *path, unsigned flags,
                             struct store **out, char **error,
                             struct strlist *warnings);
void store_close(struct store *st);
const char *store_path(const struct store *st);
bool store_read_only(const struct store *st);
/* The message for the last failed call. */
const char *store_error(const struct store *st);
/* Domain modules use this to report a validation failure the same way. */
enum store_status store_fail(struct store *st, enum store_status status,
                             const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The schema version this build writes. */
int store_schema_version(void);
/* Changes when another connection commits (PRAGMA data_version). */
int64_t store_data_version(struct store *st);

/* ---- contacts ---------------------------------------------------------- */

/* Inserts c (name, org, department, title, roles, emails, phones with
 * their kinds, tags, projects,
 * goals, channel, cadence_days) with a first stage change to c->stage at
 * `now`; fills c->id, created, updated, version. The organisation is
 * created when it does not exist yet (matched case-insensitively). */
enum store_status store_contact_add(struct store *st, struct contact *c,
                                    time_t now);
/* Replaces the editable fields of c->id (everything store_contact_add
 * takes but the stage) if its version still equals c->version; else
 * STORE_CONFLICT. Bumps c->version on success. */
enum store_status store_contact_update(struct store *st, struct contact *c,
                                       time_t now);
enum store_status store_contact_get(struct store *st, int64_t id,
                                    struct contact *out);
/* Contacts whose name matches needle: first whole-word prefixes through
 * the full-text index (case- and accent-insensitive), then, when that
 * finds none, any part of the folded name. At most limit rows. */
enum store_status store_contact_match(struct store *st, const char *needle,
                                      bool include_archived, size_t limit,
                                      struct contact_list *out);
/* Contacts with this email (case-insensitive), for imports that merge. */
enum store_status store_contact_by_email(struct store *st, const char *email,
                                         struct contact *out);
enum store_status store_contact_by_uid(struct store *st, const char *uid,
                                       struct contact *out);
enum store_status store_contact_set_uid(struct store *st, int64_t id,
                                        const char *uid);
enum store_status store_contact_get_uid(struct store *st, int64_t id,
                                        char **uid);
enum store_status store_contact_set_archived(struct store *st, int64_t id,
                                             bool archived, time_t now);
/* Erases the contact and everything about it: notes, follow-ups, scores,
 * stage history, full-text entries, journal entries; merges the
 * full-text segments and checkpoints the WAL so nothing remains in the
 * file. Not undoable. */
enum store_status store_contact_forget(struct store *st, int64_t id);

enum contact_sort {
    CONTACT_SORT_NAME = 0,
    CONTACT_SORT_STAGE,        /* clients first, then by name */
    CONTACT_SORT_LAST_TOUCH,   /* longest untouched first */
    CONTACT_SORT_NEXT_DUE,     /* soonest follow-up first, none last */
};

struct contact_filter {
    int stage;                 /* enum stage, or STAGE_NONE for any */
    const char *tag;           /* NULL: any */
    const char *org;           /* NULL: any (case-insensitive name) */
    const char *text;          /* NULL or "": any; else full-text over
                                  name, org, emails, tags, notes */
    int role;                  /* 0: any; else enum role bits required */
    bool include_archived;
    bool only_archived;
};

/* One window of contacts in sort order. after: the last row the caller
 * has (NULL: from the start); with backward, the window before `after`
 * (still returned in sort order). */
enum store_status store_contact_page(struct store *st,
                                     const struct contact_filter *filter,
                                     enum contact_sort sort,
                                     const struct contact *after,
                                     bool backward, size_t limit,
                                     struct contact_list *out);
/* Number of contacts matching filter (for counts in headers). With
 * limit > 0 it counts at most limit + 1 (a count above limit says "more
 * than limit"): a search typed is counted as quickly as it is listed. */
enum store_status store_contact_count(struct store *st,
                                      const struct contact_filter *filter,
                                      int64_t limit, int64_t *count);

/* ---- stages ------------------------------------------------------------ */

const char *store_stage_key(enum stage s);        /* "end-user", ... */
int store_stage_from_key(const char *key);        /* STAGE_NONE if unknown */

/* Records a change of c's stage to `to` (from its current stage). */
enum store_status store_stage_change(struct store *st, int64_t contact_id,
                                     enum stage to, const char *reason,
                                     time_t now);
/* Newest first. */
enum store_status store_stage_history(struct store *st, int64_t contact_id,
                                      struct stage_change_list *out);

/* ---- notes ------------------------------------------------------------- */

/* Inserts n (contact_id, at (0: now), kind, body); fills n->id. */
enum store_status store_note_add(struct store *st, struct note *n, time_t now);
/* A contact's notes newest first, a window after the note `after`. */
enum store_status store_note_page(struct store *st, int64_t contact_id,
                                  const struct note *after, size_t limit,
                                  struct note_list *out);

/* ---- follow-ups -------------------------------------------------------- */

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
/* Moves an open follow-up to `until`; its due date stays. */
enum store_status store_followup_snooze(struct store *st, int64_t id,
                                        struct date until, time_t now);

struct followup_filter {
    int64_t contact_id;        /* 0: every contact */
    bool open_only;
    struct date from;          /* effective date (snooze or due) >= from; unset: no bound */
    struct date to;            /* effective date <= to; unset: no bound */
    bool include_archived;     /* follow-ups of archived contacts */
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

/* ---- cadence: gone quiet ----------------------------------------------- */

/* Active contacts whose last interaction is older than their cadence
 * (their own cadence_days, else stage_cadence[stage]; 0 = never quiet),
 * clients first, then the most overdue. after: the last row the caller
 * has. */
enum store_status store_quiet_page(struct store *st,
                                   const int stage_cadence[STAGE_COUNT],
                                   time_t now, const struct contact *after,
                                   size_t limit, struct contact_list *out);
/* The rows just before `before` (NULL: the last ones), in list order. */
enum store_status store_quiet_page_before(struct store *st,
                                          const int stage_cadence[STAGE_COUNT],
                                          time_t now,
                                          const struct contact *before,
                                          size_t limit,
                                          struct contact_list *out);
enum store_status store_quiet_count(struct store *st,
                                    const int stage_cadence[STAGE_COUNT],
                                    time_t now, int64_t *count);

/* ---- satisfaction ------------------------------------------------------ */

enum store_status store_score_add(struct store *st, struct score *s,
                                  time_t now);
/* Newest first. */
enum store_status store_score_list(struct store *st, int64_t contact_id,
                                   struct score_list *out);

/* ---- organisations ----------------------------------------------------- */

/* A window of organisations by name, with counts per stage. */
enum store_status store_org_page(struct store *st, const struct org *after,
                                 size_t limit, struct org_list *out);
/* One organisation by name (case-insensitive) or id (when name NULL). */
enum store_status store_org_get(struct store *st, const char *name,
                                int64_t id, struct org *out);

/* ---- reports ------------------------------------------------------------ */

enum store_status store_report(struct store *st,
                               const int stage_cadence[STAGE_COUNT],
                               time_t now, struct report *out);

/* ---- search ------------------------------------------------------------- */

/* Full-text search over contacts and notes; contacts first. */
enum store_status store_search(struct store *st, const char *query,
                               size_t limit, struct search_hit_list *out);

/* ---- journal (undo) ------------------------------------------------------ */

/* Reverts the newest change still in the journal and removes it; fills
 * *undone with its description. STORE_NOT_FOUND when there is none. */
enum store_status store_undo(struct store *st, struct journal_entry *undone);
/* The same, but only when entry `expected` is still the newest; else
 * STORE_CONFLICT and nothing changes. */
enum store_status store_undo_entry(struct store *st, int64_t expected,
                                   struct journal_entry *undone);
enum store_status store_journal_recent(struct store *st, size_t limit,
                                       struct journal_list *out);

/* After a forget: true when another program's open read kept the old
 * copies from being wiped out of the file; they go when it ends. */
bool store_wipe_pending(const struct store *st);

/* ---- whole file ---------------------------------------------------------- */

/* An online, consistent copy through SQLite's backup API (0600). */
enum store_status store_backup(struct store *st, const char *path);
/* PRAGMA integrity_check and foreign_key_check; problems go to `problems`.
 * STORE_OK when the file is sound. */
enum store_status store_check(struct store *st, struct strlist *problems);
/* Makes the full-text index again from the contacts and notes. */
enum store_status store_rebuild_search(struct store *st);

/* Runs fn inside one write transaction (BEGIN IMMEDIATE), so that several
 * store calls (an import, a demo fill) commit together or not at all.
 * `what` names the change in the undo journal; NULL keeps it out of the
 * journal (the demo's own data is not a change to undo). Calls made
 * inside join the outer transaction. */
enum store_status store_batch(struct store *st, const char *what,
                              enum store_status (*fn)(struct store *, void *),
                              void *arg);

#endif
