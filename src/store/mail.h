/* Mail in the store: which messages were seen (by Message-ID), the
 * notes a message becomes, and the Needs review queue of the messages
 * that named no contact. Uses model/contact.h, model/mail.h,
 * store/store.h. */
#ifndef RAPPORT_STORE_MAIL_H
#define RAPPORT_STORE_MAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "model/contact.h"
#include "model/mail.h"
#include "store/store.h"

/* Whether the message was recorded on a contact, or waits for review. */
enum store_status store_mail_known(struct store *st, const char *message_id,
                                   bool *known);
/* The active contacts with this address (case aside), by id. */
enum store_status store_mail_contacts(struct store *st, const char *email,
                                      struct contact_list *out);

/* What one message becomes on each contact it names. */
struct mail_note {
    const char *message_id;
    time_t at;
    const char *kind;
    const char *body;
};
/* One write, named what: a note on each of the n contacts, with the
 * message's id; note_ids (n of them) are filled. STORE_CONFLICT when
 * the message was recorded or queued meanwhile (nothing is written). */
enum store_status store_mail_record(struct store *st, const struct mail_note *note,
                                    const int64_t *contact_ids, size_t n,
                                    int64_t *note_ids, time_t now, const char *what);

/* Puts r in the queue (fills r->id and r->received); STORE_CONFLICT as
 * store_mail_record. */
enum store_status store_mail_queue(struct store *st, struct mail_review *r,
                                   time_t now, const char *what);
/* The queue newest first, a window after `after` (NULL: from the top)
 * or, with backward, the window just before it (still newest first). */
enum store_status store_mail_review_page(struct store *st,
                                         const struct mail_review *after,
                                         bool backward, size_t limit,
                                         struct mail_review_list *out);
enum store_status store_mail_review_count(struct store *st, int64_t *count);
/* NOT_FOUND with a message when no such message waits. */
enum store_status store_mail_review_get(struct store *st, int64_t id,
                                        struct mail_review *out);
/* One write: the note `note` on contact_id (fills *note_id), and the
 * message out of the queue. Inside a batch it joins it. */
enum store_status store_mail_review_attach(struct store *st, int64_t id,
                                           int64_t contact_id,
                                           const struct mail_note *note,
                                           int64_t *note_id, time_t now,
                                           const char *what);
/* One write: the message out of the queue, kept by the undo journal. */
enum store_status store_mail_review_discard(struct store *st, int64_t id,
                                            time_t now, const char *what);

#endif
