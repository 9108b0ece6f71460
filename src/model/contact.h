/* A contact as a record: who the person is, where they stand and the
 * columns derived from their history. Uses model/stage.h and base/. */
#ifndef RAPPORT_MODEL_CONTACT_H
#define RAPPORT_MODEL_CONTACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "base/date.h"
#include "base/phone.h"
#include "base/strlist.h"
#include "model/address.h"
#include "model/list.h"
#include "model/stage.h"

enum role {
    ROLE_USER = 1 << 0,
    ROLE_DECISION_MAKER = 1 << 1,
};

struct contact {
    int64_t id;
    char *name;
    char *org;             /* organisation's name; NULL when none */
    char *department;      /* within the organisation; NULL when none */
    char *title;           /* NULL when none */
    unsigned roles;        /* enum role bits */
    enum stage stage;      /* current stage (the last stage change) */
    time_t stage_since;
    struct strlist emails;
    struct phone_list phones;
    struct strlist tags;
    struct address_list addresses;
    struct url_list urls;  /* web pages */
    struct strlist extras; /* the other properties of a vCard, each a
                              content line as the file had it, unfolded
                              ("BDAY:1980-04-02", "X-ABC;TYPE=x:y") */
    bool details;          /* addresses, urls and extras were read (a
                              contact read alone, not in a list's
                              window) or given: an update writes them */
    char *projects;        /* free text, NULL when none */
    char *goals;
    char *channel;         /* preferred channel, free text */
    int cadence_days;      /* -1: the stage's cadence; 0: never; else days */
    time_t created;
    time_t updated;
    time_t last_touch;     /* last interaction (what touches a contact is
                              written once, in store/contact_write.c);
                              created when never touched */
    struct date next_due;  /* earliest open follow-up (after snooze); unset when none */
    int note_count;
    bool archived;
    int64_t version;       /* bumped by every write: detects concurrent edits */
    char *owner;           /* the login of the member who looks after the
                              person in a team database; NULL when none */
};

MODEL_LIST(contact_list, struct contact);

void contact_clear(struct contact *c);
void contact_list_clear(struct contact_list *l);
/* When c was last touched: its last interaction, or when it was added
 * when it has none (a record not read from the store). */
time_t contact_last_interaction(const struct contact *c);
/* Deep copy; returns 0 or -1 (out of memory). */
int contact_copy(struct contact *dst, const struct contact *src);
/* The name of a kept property (a content line of extras), its group
 * ("item1.") aside: returns where it starts and sets *len. */
const char *contact_extra_name(const char *line, size_t *len);
/* Whether two kept properties are the same property of which a card
 * holds at most one (BDAY, ANNIVERSARY, GENDER…, RFC 6350's cardinality
 * *1 and vCard 3.0's single ones), whatever their values. */
bool contact_extra_same_single(const char *a, const char *b);

#endif
