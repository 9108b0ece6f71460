/* Contacts in the store: adding and editing them, reading one, and the
 * contact list a window at a time (store/window.c, store/plan.c). Uses
 * model/contact.h, store/store.h. */
#ifndef RAPPORT_STORE_CONTACT_H
#define RAPPORT_STORE_CONTACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "model/contact.h"
#include "store/store.h"

/* Inserts c (name, org, department, title, roles, emails, phones with
 * their kinds, tags, addresses, web pages, other properties, projects,
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
/* Reads one contact with its details (addresses, web pages, other
 * properties); so do store_contact_by_email and store_contact_by_uid. */
enum store_status store_contact_get(struct store *st, int64_t id,
                                    struct contact *out);
/* Reads c's details (contact_details.c) into c, replacing what it held,
 * and sets c->details: a contact of a list's window has none. */
enum store_status store_contact_read_details(struct store *st,
                                             struct contact *c);
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
    const char *owner;         /* NULL: any; else the owner's login */
    bool unowned;              /* only contacts nobody owns */
    const char *by;            /* NULL: any; else with a note by that login */
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

#endif
