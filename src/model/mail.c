/* Clearing and filling a mail message record. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/mail.h"

void mail_address_clear(struct mail_address *a)
{
    if (!a)
        return;
    free(a->name);
    free(a->email);
    memset(a, 0, sizeof *a);
}

LIST_CLEAR(mail_address_list_clear, mail_address_list, mail_address_clear)

int mail_address_list_push(struct mail_address_list *l, const char *name,
                           const char *email, enum mail_field field)
{
    /* Room for 4, then doubled whenever it is full: the length tells
     * when (0, 4, 8, 16, ...), so the list needs no capacity of its own. */
    if (l->len == 0 || (l->len >= 4 && (l->len & (l->len - 1)) == 0)) {
        size_t cap = l->len ? l->len * 2 : 4;
        struct mail_address *grown = realloc(l->items, cap * sizeof *grown);
        if (!grown)
            return -1;
        l->items = grown;
    }
    struct mail_address a = { .field = field };
    a.email = strdup(email);
    a.name = name ? strdup(name) : NULL;
    if (!a.email || (name && !a.name)) {
        mail_address_clear(&a);
        return -1;
    }
    l->items[l->len++] = a;
    return 0;
}

void mail_message_clear(struct mail_message *m)
{
    if (!m)
        return;
    free(m->message_id);
    free(m->subject);
    mail_address_list_clear(&m->addresses);
    free(m->body);
    strlist_clear(&m->attachments);
    memset(m, 0, sizeof *m);
}

void mail_review_clear(struct mail_review *r)
{
    if (!r)
        return;
    free(r->message_id);
    free(r->name);
    free(r->email);
    free(r->subject);
    free(r->body);
    memset(r, 0, sizeof *r);
}

LIST_CLEAR(mail_review_list_clear, mail_review_list, mail_review_clear)
