/* A mail message as rapport keeps it (`rapport mail`): who it names,
 * when it was sent, its subject and readable text, the names of its
 * attachments. Never the raw message. Uses model/list.h, base/strlist.h. */
#ifndef RAPPORT_MODEL_MAIL_H
#define RAPPORT_MODEL_MAIL_H

#include <stdbool.h>
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

void mail_address_clear(struct mail_address *a);
void mail_address_list_clear(struct mail_address_list *l);
/* Appends a copy of name (may be NULL) and email; 0 or -1. */
int mail_address_list_push(struct mail_address_list *l, const char *name,
                           const char *email, enum mail_field field);
void mail_message_clear(struct mail_message *m);

#endif
