/* A mail message as rapport keeps it (`rapport mail`): who it names,
 * when it was sent, its subject and readable text, the names of its
 * attachments. Never the raw message. Uses model/list.h, base/strlist.h. */
#ifndef RAPPORT_MODEL_MAIL_H
#define RAPPORT_MODEL_MAIL_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "base/strlist.h"
#include "model/list.h"

/* The header an address came from. */
enum mail_field {
    MAIL_FROM,
    MAIL_TO,
    MAIL_CC,
};

struct mail_address {
    char *name;            /* the display name; NULL when none */
    char *email;           /* the address itself, as written */
    enum mail_field field;
};

MODEL_LIST(mail_address_list, struct mail_address);

struct mail_message {
    /* The Message-ID without its angle brackets; for a message without
     * one, a digest of its sender, date and subject, so the same message
     * is still known again. */
    char *message_id;
    time_t date;           /* the Date header; 0 when it has none */
    char *subject;         /* NULL when none */
    struct mail_address_list addresses;   /* From, To, Cc, in order */
    /* The text: the plain part (else the HTML reduced to text), quoted
     * replies left out; "" when the message has none. */
    char *body;
    struct strlist attachments;   /* their file names */
};

/* A message that named no contact, waiting on the Review's Needs
 * review: what rapport kept of it, never the raw message. */
struct mail_review {
    int64_t id;
    char *message_id;
    time_t at;             /* its Date header (when received, without) */
    time_t received;       /* when it was piped in */
    /* Whom it is about: its sender, or, for a message the user sent,
     * the first address it went to. */
    char *name;            /* NULL when the header has no name */
    char *email;
    char *subject;         /* NULL when none */
    char *body;            /* the text kept, attachments named */
    char kind[16];         /* the note kind it becomes (email) */
};

MODEL_LIST(mail_review_list, struct mail_review);

void mail_review_clear(struct mail_review *r);
void mail_review_list_clear(struct mail_review_list *l);

void mail_address_clear(struct mail_address *a);
void mail_address_list_clear(struct mail_address_list *l);
/* Appends a copy of name (may be NULL) and email; 0 or -1. */
int mail_address_list_push(struct mail_address_list *l, const char *name,
                           const char *email, enum mail_field field);
void mail_message_clear(struct mail_message *m);

#endif
