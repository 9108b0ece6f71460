/* Mail in (see core/mail.h): whom a message names, the note it becomes,
 * and the three ways out of the Needs review queue. Uses base/,
 * core/contact.h, core/note.h, store/mail.h. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "base/text.h"
#include "core/contact.h"
#include "core/mail.h"
#include "core/note.h"
#include "store/contact.h"
#include "store/mail.h"

/* A note's place is taken by at most this much of a message: room is
 * left for the line that says it was cut. */
#define MAIL_TEXT_MAX (NOTE_MAX_BYTES - 256)

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *out = NULL;
    if (vasprintf(&out, fmt, ap) < 0)
        out = NULL;
    va_end(ap);
    return out;
}

/* A subject for the undo journal's name of a change. */
static char *subject_shown(const char *subject)
{
    return text_sanitize(subject ? subject : _("(no subject)"), false);
}

void mail_outcome_clear(struct mail_outcome *o)
{
    if (!o)
        return;
    contact_list_clear(&o->contacts);
    free(o->note_ids);
    memset(o, 0, sizeof *o);
}

static bool is_me(const struct strlist *me, const char *email)
{
    for (size_t i = 0; me && i < me->len; i++)
        if (strcasecmp(me->items[i], email) == 0)
            return true;
    return false;
}

/* Cuts text to at most max bytes at a character's start; true if cut. */
static bool cut_text(char *text, size_t max)
{
    size_t len = strlen(text);
    if (len <= max)
        return false;
    while (max > 0 && ((unsigned char)text[max] & 0xC0) == 0x80)
        max--;
    text[max] = '\0';
    return true;
}

char *mail_note_text(const char *subject, const char *body)
{
    bool has_subject = subject && *subject;
    bool has_body = body && *body;
    if (!has_subject && !has_body)
        return strdup(_("(an email without text)"));
    size_t size = (has_subject ? strlen(subject) : 0) + (has_body ? strlen(body) : 0) + 3;
    char *text = malloc(size);
    if (text)
        snprintf(text, size, "%s%s%s", has_subject ? subject : "",
                 has_subject && has_body ? "\n\n" : "", has_body ? body : "");
    return text;
}

/* The message's text as kept: its body cut to fit a note, and the
 * names of its attachments after it. */
static char *kept_body(const struct mail_message *m, bool *cut)
{
    char *body = strdup(m->body ? m->body : "");
    if (!body)
        return NULL;
    *cut = cut_text(body, MAIL_TEXT_MAX);
    const char *cut_line = *cut ? _("[The message was longer; the rest was not kept.]") : NULL;
    char *names = m->attachments.len ? strlist_join(&m->attachments, ", ") : NULL;
    if (m->attachments.len && !names) {
        free(body);
        return NULL;
    }
    char *attached = NULL;
    if (names) {
        attached = format(_("Attachments (not kept): %s"), names);
        free(names);
        if (!attached) {
            free(body);
            return NULL;
        }
        /* Hundreds of names must not push the note past its size. */
        cut_text(attached, 4096);
    }
    char *out = format("%s%s%s%s%s", body,
                            *body && cut_line ? "\n\n" : "", cut_line ? cut_line : "",
                            (*body || cut_line) && attached ? "\n\n" : "",
                            attached ? attached : "");
    free(body);
    free(attached);
    return out;
}

/* The journal's name of the change: the subject, and the first name. */
static char *what_recorded(const struct mail_message *m, const struct contact_list *on)
{
    char *subject = subject_shown(m->subject);
    char *name = text_sanitize(on->len ? on->items[0].name : "", false);
    char *what = on->len <= 1
        ? format(_("email \"%s\" on %s"), subject, name)
        : format(ngettext("email \"%s\" on %s and %zu other",
                               "email \"%s\" on %s and %zu others", on->len - 1),
                      subject, name, on->len - 1);
    free(subject);
    free(name);
    return what;
}

/* Adds the active contacts of email to out, each once. */
static enum store_status add_contacts(struct store *st, const char *email,
                                      struct contact_list *out)
{
    struct contact_list found;
    enum store_status rc = store_mail_contacts(st, email, &found);
    if (rc != STORE_OK)
        return rc;
    for (size_t i = 0; i < found.len; i++) {
        bool seen = false;
        for (size_t k = 0; k < out->len && !seen; k++)
            seen = out->items[k].id == found.items[i].id;
        if (seen)
            continue;
        struct contact *grown = realloc(out->items, (out->len + 1) * sizeof *grown);
        if (!grown) {
            contact_list_clear(&found);
            return store_fail(st, STORE_FAILED, _("out of memory"));
        }
        out->items = grown;
        out->items[out->len++] = found.items[i];
        memset(&found.items[i], 0, sizeof found.items[i]);
    }
    contact_list_clear(&found);
    return STORE_OK;
}

/* Whom an unmatched message is about: its sender, else (the user sent
 * it) the first address it went to; NULL when only the user is named. */
static const struct mail_address *counterpart(const struct mail_message *m,
                                              const struct strlist *me)
{
    for (size_t i = 0; i < m->addresses.len; i++)
        if (m->addresses.items[i].field == MAIL_FROM && !is_me(me, m->addresses.items[i].email))
            return &m->addresses.items[i];
    for (size_t i = 0; i < m->addresses.len; i++)
        if (!is_me(me, m->addresses.items[i].email))
            return &m->addresses.items[i];
    return NULL;
}

static enum store_status queue(struct store *st, const struct mail_message *m,
                               const struct mail_address *who, const char *kind,
                               char *body, time_t at, bool dry_run,
                               time_t now, struct mail_outcome *out)
{
    out->result = MAIL_QUEUED;
    if (dry_run)
        return STORE_OK;
    struct mail_review r = { .at = at };
    snprintf(r.kind, sizeof r.kind, "%s", kind);
    r.message_id = m->message_id;
    r.name = who->name;
    r.email = who->email;
    r.subject = m->subject;
    r.body = body;
    char *subject = subject_shown(m->subject);
    char *what = format(_("email \"%s\" kept for review"), subject);
    free(subject);
    if (!what)
        return store_fail(st, STORE_FAILED, _("out of memory"));
    enum store_status rc = store_mail_queue(st, &r, now, what);
    free(what);
    out->review_id = r.id;
    if (rc == STORE_CONFLICT) {
        /* Another delivery of it queued it meanwhile. */
        out->result = MAIL_ALREADY;
        rc = STORE_OK;
    }
    return rc;
}

enum store_status mail_record(struct store *st, const struct mail_message *m,
                              const char *kind, const struct strlist *me,
                              bool dry_run, time_t now, struct mail_outcome *out)
{
    memset(out, 0, sizeof *out);
    if (!kind)
        kind = "email";
    if (!note_kind_valid(kind))
        return store_fail(st, STORE_INVALID,
                          _("kind: unknown \"%s\"; expected note, call, email, meeting, consultation or delivery"),
                          kind);
    bool known = false;
    enum store_status rc = store_mail_known(st, m->message_id, &known);
    if (rc != STORE_OK)
        return rc;
    if (known) {
        out->result = MAIL_ALREADY;
        return STORE_OK;
    }
    for (size_t i = 0; rc == STORE_OK && i < m->addresses.len; i++)
        if (!is_me(me, m->addresses.items[i].email))
            rc = add_contacts(st, m->addresses.items[i].email, &out->contacts);
    if (rc != STORE_OK) {
        mail_outcome_clear(out);
        return rc;
    }
    /* A message from tomorrow is a wrong clock: it happened now. */
    time_t at = m->date > 0 && m->date <= now ? m->date : now;
    char *body = kept_body(m, &out->cut);
    if (!body) {
        mail_outcome_clear(out);
        return store_fail(st, STORE_FAILED, _("out of memory"));
    }
    if (out->contacts.len == 0) {
        const struct mail_address *who = counterpart(m, me);
        if (!who)
            out->result = MAIL_ONLY_ME;
        else
            rc = queue(st, m, who, kind, body, at, dry_run, now, out);
        free(body);
        return rc;
    }
    out->result = MAIL_RECORDED;
    char *text = mail_note_text(m->subject, body);
    free(body);
    if (!text) {
        mail_outcome_clear(out);
        return store_fail(st, STORE_FAILED, _("out of memory"));
    }
    if (dry_run) {
        free(text);
        return STORE_OK;
    }
    out->note_ids = calloc(out->contacts.len, sizeof *out->note_ids);
    char *what = what_recorded(m, &out->contacts);
    int64_t *ids = malloc(out->contacts.len * sizeof *ids);
    if (!out->note_ids || !what || !ids) {
        rc = store_fail(st, STORE_FAILED, _("out of memory"));
    } else {
        for (size_t i = 0; i < out->contacts.len; i++)
            ids[i] = out->contacts.items[i].id;
        struct mail_note note = { .message_id = m->message_id, .at = at,
                                  .kind = kind, .body = text };
        rc = store_mail_record(st, &note, ids, out->contacts.len, out->note_ids, now, what);
        if (rc == STORE_CONFLICT) {
            /* Another delivery of it recorded it meanwhile. */
            out->result = MAIL_ALREADY;
            free(out->note_ids);
            out->note_ids = NULL;
            rc = STORE_OK;
        }
    }
    free(ids);
    free(what);
    free(text);
    if (rc != STORE_OK)
        mail_outcome_clear(out);
    return rc;
}

/* ---- the Needs review queue ------------------------------------------- */

enum store_status mail_review_attach(struct store *st, int64_t id,
                                     int64_t contact_id, time_t now,
                                     int64_t *note_id)
{
    struct mail_review r;
    enum store_status rc = store_mail_review_get(st, id, &r);
    if (rc != STORE_OK)
        return rc;
    struct contact c;
    rc = store_contact_get(st, contact_id, &c);
    if (rc != STORE_OK) {
        mail_review_clear(&r);
        return rc;
    }
    char *text = mail_note_text(r.subject, r.body);
    char *subject = subject_shown(r.subject);
    char *name = text_sanitize(c.name, false);
    char *what = format(_("email \"%s\" attached to %s"), subject, name);
    free(subject);
    free(name);
    int64_t ignored;
    if (!text || !what) {
        rc = store_fail(st, STORE_FAILED, _("out of memory"));
    } else {
        struct mail_note note = { .message_id = r.message_id, .at = r.at,
                                  .kind = r.kind, .body = text };
        rc = store_mail_review_attach(st, id, contact_id, &note,
                                      note_id ? note_id : &ignored, now, what);
    }
    free(text);
    free(what);
    contact_clear(&c);
    mail_review_clear(&r);
    return rc;
}

struct new_contact {
    int64_t id;
    time_t now;
    struct contact *c;
};

static enum store_status make_contact(struct store *st, void *arg)
{
    struct new_contact *job = arg;
    enum store_status rc = contact_add(st, job->c, job->now);
    if (rc == STORE_OK)
        rc = mail_review_attach(st, job->id, job->c->id, job->now, NULL);
    return rc;
}

enum store_status mail_review_new_contact(struct store *st, int64_t id,
                                          time_t now, int64_t *contact_id)
{
    struct mail_review r;
    enum store_status rc = store_mail_review_get(st, id, &r);
    if (rc != STORE_OK)
        return rc;
    struct contact c;
    contact_init(&c);
    /* A header without a name names the person by their address. */
    c.name = strdup(r.name && *r.name ? r.name : r.email);
    if (!c.name || strlist_push(&c.emails, r.email) != 0) {
        contact_clear(&c);
        mail_review_clear(&r);
        return store_fail(st, STORE_FAILED, _("out of memory"));
    }
    char *subject = subject_shown(r.subject);
    char *name = text_sanitize(c.name, false);
    char *what = format(_("new contact %s from email \"%s\""), name, subject);
    free(subject);
    free(name);
    struct new_contact job = { .id = id, .now = now, .c = &c };
    rc = what ? store_batch(st, what, make_contact, &job)
              : store_fail(st, STORE_FAILED, _("out of memory"));
    if (rc == STORE_OK && contact_id)
        *contact_id = c.id;
    free(what);
    contact_clear(&c);
    mail_review_clear(&r);
    return rc;
}

enum store_status mail_review_discard(struct store *st, int64_t id, time_t now)
{
    struct mail_review r;
    enum store_status rc = store_mail_review_get(st, id, &r);
    if (rc != STORE_OK)
        return rc;
    char *subject = subject_shown(r.subject);
    char *what = format(_("email \"%s\" discarded"), subject);
    free(subject);
    rc = what ? store_mail_review_discard(st, id, now, what)
              : store_fail(st, STORE_FAILED, _("out of memory"));
    free(what);
    mail_review_clear(&r);
    return rc;
}
