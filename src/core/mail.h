/* Mail in (SPEC §5): a message becomes an interaction on every contact
 * it names, once per Message-ID; one that names nobody waits on the
 * Needs review queue, to be attached to a contact, made into a new one,
 * or discarded, each undoable. The rule of who is named, and what the
 * note says, is here once for the command line and the TUI.
 * Uses store/ and below. */
#ifndef RAPPORT_CORE_MAIL_H
#define RAPPORT_CORE_MAIL_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "base/strlist.h"
#include "model/contact.h"
#include "model/mail.h"
#include "store/store.h"

enum mail_result {
    MAIL_RECORDED,    /* a note on each of the contacts */
    MAIL_ALREADY,     /* that Message-ID was recorded (or queued) before */
    MAIL_QUEUED,      /* named nobody: waits for review as m<review_id> */
    MAIL_ONLY_ME,     /* names no address but the user's own */
};

struct mail_outcome {
    enum mail_result result;
    struct contact_list contacts;   /* recorded on (dry run: would be) */
    int64_t *note_ids;              /* one per contact; NULL in a dry run */
    int64_t review_id;              /* MAIL_QUEUED; 0 in a dry run */
    bool cut;                       /* the text was cut to a note's size */
};

void mail_outcome_clear(struct mail_outcome *o);

/* Records m (kind NULL: email): on every active contact with an address
 * of its From, To or Cc but the addresses of me, dated by its Date
 * header (now when it has none or one in the future). With dry_run,
 * says what would happen and writes nothing. */
enum store_status mail_record(struct store *st, const struct mail_message *m,
                              const char *kind, const struct strlist *me,
                              bool dry_run, time_t now, struct mail_outcome *out);

/* The note a waiting message becomes: its subject, a blank line, its
 * text. Never NULL but out of memory. */
char *mail_note_text(const char *subject, const char *body);

/* Attaches waiting message id to contact_id: a note, out of the queue. */
enum store_status mail_review_attach(struct store *st, int64_t id,
                                     int64_t contact_id, time_t now,
                                     int64_t *note_id);
/* Makes a new contact of the message's sender (name and address from
 * the header, no organisation) with the message as its first note;
 * one change to undo. Fills *contact_id. */
enum store_status mail_review_new_contact(struct store *st, int64_t id,
                                          time_t now, int64_t *contact_id);
enum store_status mail_review_discard(struct store *st, int64_t id, time_t now);

#endif
