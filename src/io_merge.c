/* What the formats hand over and how it goes in (SPEC §5): the records
 * and follow-ups a parser reads, the small text helpers parsers share,
 * and applying them through the domain in one transaction, merging
 * contacts already present instead of doubling them. */
#include <config.h>

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "followup.h"
#include "i18n.h"
#include "io_format.h"
#include "note.h"
#include "text.h"

/* ---- what parsers share ----------------------------------------------- */

void io_reject(struct io_import *im, int line, const char *fmt, ...)
{
    char reason[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    im->sum->rejected++;
    strlist_pushf(&im->sum->messages, _("%s:%d: rejected: %s"), im->name,
                  line, reason);
}

struct io_record *io_record_new(struct io_import *im, int line)
{
    if (im->record_count == im->record_cap) {
        size_t cap = im->record_cap ? im->record_cap * 2 : 32;
        struct io_record *r = realloc(im->records, cap * sizeof *r);
        if (!r)
            return NULL;
        im->records = r;
        im->record_cap = cap;
    }
    struct io_record *r = &im->records[im->record_count++];
    memset(r, 0, sizeof *r);
    contact_init(&r->c);
    r->line = line;
    return r;
}

static void record_clear(struct io_record *r)
{
    store_contact_clear(&r->c);
    free(r->uid);
    for (size_t i = 0; i < r->note_count; i++)
        free(r->notes[i].body);
    free(r->notes);
    memset(r, 0, sizeof *r);
}

void io_record_drop(struct io_import *im)
{
    if (im->record_count > 0)
        record_clear(&im->records[--im->record_count]);
}

int io_record_add_note(struct io_record *r, const char *kind, time_t at,
                       const char *body)
{
    struct io_note *n = realloc(r->notes, (r->note_count + 1) * sizeof *n);
    if (!n)
        return -1;
    r->notes = n;
    n = &r->notes[r->note_count];
    memset(n, 0, sizeof *n);
    snprintf(n->kind, sizeof n->kind, "%s",
             kind && note_kind_valid(kind) ? kind : "note");
    n->at = at;
    n->body = strdup(body);
    if (!n->body)
        return -1;
    r->note_count++;
    return 0;
}

struct io_task *io_task_new(struct io_import *im, int line)
{
    if (im->task_count == im->task_cap) {
        size_t cap = im->task_cap ? im->task_cap * 2 : 32;
        struct io_task *t = realloc(im->tasks, cap * sizeof *t);
        if (!t)
            return NULL;
        im->tasks = t;
        im->task_cap = cap;
    }
    struct io_task *t = &im->tasks[im->task_count++];
    memset(t, 0, sizeof *t);
    t->line = line;
    t->due_minutes = -1;
    return t;
}

int io_set(char **field, const char *value)
{
    free(*field);
    *field = NULL;
    if (!value || !*value)
        return 0;
    *field = strdup(value);
    return *field ? 0 : -1;
}

/* Derived from what never changes about a contact, so that every export
 * of one database gives a contact the same UID (RFC 6350 §6.7.6) even
 * before an import stored one. */
void io_contact_uid(const struct contact *c, char *buf, size_t size)
{
    uint64_t h = 1469598103934665603ULL;
    uint64_t parts[2] = { (uint64_t)c->id, (uint64_t)c->created };
    const unsigned char *p = (const unsigned char *)parts;
    for (size_t i = 0; i < sizeof parts; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    uint64_t g = h * 6364136223846793005ULL + 1442695040888963407ULL;
    snprintf(buf, size, "urn:uuid:%08" PRIx32 "-%04" PRIx32 "-4%03" PRIx32
             "-8%03" PRIx32 "-%012" PRIx64,
             (uint32_t)(h >> 32), (uint32_t)(h >> 16) & 0xffff,
             (uint32_t)h & 0xfff, (uint32_t)(g >> 52) & 0xfff,
             (uint64_t)(g & 0xffffffffffffULL));
}

void io_buf_add(struct io_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *bigger = realloc(b->s, cap);
        if (!bigger) {
            b->failed = true;
            return;
        }
        b->s = bigger;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void io_buf_addc(struct io_buf *b, char c)
{
    io_buf_add(b, &c, 1);
}

void io_buf_adds(struct io_buf *b, const char *s)
{
    io_buf_add(b, s, strlen(s));
}

void io_buf_reset(struct io_buf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

void io_buf_free(struct io_buf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

char *io_next_line(char *data, size_t len, size_t *pos)
{
    if (*pos >= len)
        return NULL;
    char *line = data + *pos;
    char *nl = memchr(line, '\n', len - *pos);
    if (nl) {
        *nl = '\0';
        *pos = (size_t)(nl - data) + 1;
        if (nl > line && nl[-1] == '\r')
            nl[-1] = '\0';
    } else {
        *pos = len;
        size_t n = strlen(line);
        if (n > 0 && line[n - 1] == '\r')
            line[n - 1] = '\0';
    }
    return line;
}

/* ---- applying records ---------------------------------------------------- */

struct apply {
    struct io_import *im;
    bool finished;
};

static void plan(struct io_import *im, int line, const char *what,
                 const char *who)
{
    if (!(im->flags & IO_DRY_RUN))
        return;
    char *safe = text_sanitize(who, false);
    strlist_pushf(&im->sum->plan, "%s:%d: %s: %s", im->name, line, what,
                  safe);
    free(safe);
}

/* Trailing blanks aside, as note_add stores bodies. */
static bool same_body(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    while (na > 0 && strchr(" \t\r\n", a[na - 1]))
        na--;
    while (nb > 0 && strchr(" \t\r\n", b[nb - 1]))
        nb--;
    return na == nb && memcmp(a, b, na) == 0;
}

static enum store_status has_note(struct store *st, int64_t contact_id,
                                  const char *body, bool *found)
{
    *found = false;
    struct note after = { 0 };
    bool have_after = false;
    for (;;) {
        struct note_list l = { 0 };
        enum store_status rc = store_note_page(st, contact_id,
                                               have_after ? &after : NULL,
                                               200, &l);
        if (rc != STORE_OK)
            return rc;
        for (size_t i = 0; i < l.len && !*found; i++)
            if (same_body(l.items[i].body, body))
                *found = true;
        if (l.len > 0) {
            after.id = l.items[l.len - 1].id;
            after.at = l.items[l.len - 1].at;
            after.contact_id = contact_id;
            have_after = true;
        }
        bool more = l.more && l.len > 0 && !*found;
        store_note_list_clear(&l);
        if (!more)
            return STORE_OK;
    }
}

static enum store_status add_notes(struct io_import *im, struct io_record *r,
                                   int64_t contact_id, bool check)
{
    for (size_t i = 0; i < r->note_count; i++) {
        bool found = false;
        enum store_status rc = check ? has_note(im->st, contact_id,
                                                r->notes[i].body, &found)
                                     : STORE_OK;
        if (rc == STORE_OK && !found)
            rc = note_add(im->st, contact_id, r->notes[i].kind,
                          r->notes[i].body,
                          r->notes[i].at ? r->notes[i].at : im->now, NULL);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

static bool merge_list(struct strlist *into, const struct strlist *from)
{
    bool changed = false;
    for (size_t i = 0; i < from->len; i++)
        if (!strlist_contains(into, from->items[i])) {
            strlist_push(into, from->items[i]);
            changed = true;
        }
    return changed;
}

static bool fill(char **into, char **from)
{
    if ((*into && **into) || !*from || !**from)
        return false;
    free(*into);
    *into = *from;
    *from = NULL;
    return true;
}

/* A record with neither UID nor email (an abook entry, a phone's card
 * with only a number) is the contact of exactly the same name, when
 * there is just one; else importing its file twice would double it. */
static enum store_status find_by_name(struct io_import *im, const char *name,
                                      struct contact *out, bool *found)
{
    struct contact_list l = { 0 };
    enum store_status rc = store_contact_match(im->st, name, true, 8, &l);
    if (rc == STORE_NOT_FOUND)
        rc = STORE_OK;
    char *want = text_fold(name);
    size_t hits = 0, hit = 0;
    for (size_t i = 0; rc == STORE_OK && want && i < l.len; i++) {
        char *have = text_fold(l.items[i].name);
        if (have && strcmp(have, want) == 0) {
            hits++;
            hit = i;
        }
        free(have);
    }
    if (rc == STORE_OK && hits == 1) {
        if (store_contact_copy(out, &l.items[hit]) != 0)
            rc = store_fail(im->st, STORE_FAILED, _("out of memory"));
        else
            *found = true;
    }
    free(want);
    store_contact_list_clear(&l);
    return rc;
}

/* Finds the stored contact this record is: by UID first, then by any of
 * its emails, then (with neither) by its whole name. */
static enum store_status find_existing(struct io_import *im,
                                       struct io_record *r,
                                       struct contact *out, bool *found)
{
    *found = false;
    enum store_status rc;
    if (r->uid) {
        rc = store_contact_by_uid(im->st, r->uid, out);
        if (rc == STORE_OK) {
            *found = true;
            return rc;
        }
        if (rc != STORE_NOT_FOUND)
            return rc;
    }
    for (size_t i = 0; i < r->c.emails.len; i++) {
        rc = store_contact_by_email(im->st, r->c.emails.items[i], out);
        if (rc == STORE_OK) {
            *found = true;
            return rc;
        }
        if (rc != STORE_NOT_FOUND)
            return rc;
    }
    if (r->c.emails.len == 0 && !r->uid && r->c.name)
        return find_by_name(im, r->c.name, out, found);
    return STORE_OK;
}

/* Adds what the record knows and the stored contact does not; never
 * replaces or removes anything stored. */
static enum store_status merge_record(struct io_import *im,
                                      struct io_record *r,
                                      struct contact *old)
{
    bool changed = merge_list(&old->emails, &r->c.emails);
    changed |= merge_list(&old->phones, &r->c.phones);
    changed |= merge_list(&old->tags, &r->c.tags);
    changed |= fill(&old->org, &r->c.org);
    changed |= fill(&old->title, &r->c.title);
    changed |= fill(&old->projects, &r->c.projects);
    changed |= fill(&old->goals, &r->c.goals);
    changed |= fill(&old->channel, &r->c.channel);
    if ((old->roles | r->c.roles) != old->roles) {
        old->roles |= r->c.roles;
        changed = true;
    }
    enum store_status rc = STORE_OK;
    if (changed)
        rc = contact_update(im->st, old, im->now);
    if (rc == STORE_OK && r->uid) {
        char *stored = NULL;
        rc = store_contact_get_uid(im->st, old->id, &stored);
        if (rc == STORE_NOT_FOUND || (rc == STORE_OK && !stored))
            rc = store_contact_set_uid(im->st, old->id, r->uid);
        free(stored);
    }
    if (rc == STORE_OK)
        rc = add_notes(im, r, old->id, true);
    return rc;
}

static enum store_status apply_record(struct io_import *im,
                                      struct io_record *r)
{
    struct contact old = { 0 };
    bool found = false;
    enum store_status rc = find_existing(im, r, &old, &found);
    if (rc != STORE_OK)
        return rc;
    if (found) {
        plan(im, r->line, _("would merge into"), old.name);
        rc = merge_record(im, r, &old);
        if (rc == STORE_OK)
            im->sum->merged++;
        store_contact_clear(&old);
        return rc;
    }
    char *name = strdup(r->c.name ? r->c.name : "");
    bool archived = r->c.archived;
    rc = contact_add(im->st, &r->c, im->now);
    if (rc == STORE_OK && r->uid)
        rc = store_contact_set_uid(im->st, r->c.id, r->uid);
    if (rc == STORE_OK)
        rc = add_notes(im, r, r->c.id, false);
    if (rc == STORE_OK && archived)
        rc = contact_archive(im->st, r->c.id, im->now);
    if (rc == STORE_OK) {
        plan(im, r->line, _("would add"), name ? name : "");
        im->sum->added++;
    }
    free(name);
    return rc;
}

static bool same_interval(struct interval a, struct interval b)
{
    return a.count == b.count && (a.count == 0 || a.unit == b.unit);
}

/* An open follow-up of the same contact, day and text is already there:
 * the file was imported before. */
static enum store_status has_followup(struct store *st, int64_t contact_id,
                                      const struct io_task *t, bool *found)
{
    *found = false;
    struct followup_filter filter = { .contact_id = contact_id,
                                      .open_only = true,
                                      .include_archived = true };
    struct followup after = { 0 };
    bool have_after = false;
    for (;;) {
        struct followup_list l = { 0 };
        enum store_status rc = store_followup_page(st, &filter,
                                                   have_after ? &after : NULL,
                                                   200, &l);
        if (rc != STORE_OK)
            return rc;
        for (size_t i = 0; i < l.len && !*found; i++) {
            const struct followup *f = &l.items[i];
            if (date_compare(f->due, t->due) == 0 && f->text
                && strcmp(f->text, t->text) == 0
                && same_interval(f->every, t->every))
                *found = true;
        }
        bool more = l.more && l.len > 0 && !*found;
        if (l.len > 0) {
            const struct followup *last = &l.items[l.len - 1];
            after.id = last->id;
            after.due = last->due;
            after.snoozed_until = last->snoozed_until;
            after.due_minutes = last->due_minutes;
            have_after = true;
        }
        store_followup_list_clear(&l);
        if (!more)
            return STORE_OK;
    }
}

static enum store_status apply_task(struct io_import *im, struct io_task *t)
{
    struct contact c = { 0 };
    enum store_status rc = STORE_NOT_FOUND;
    if (t->email)
        rc = store_contact_by_email(im->st, t->email, &c);
    if (rc == STORE_NOT_FOUND && t->who)
        rc = contact_resolve(im->st, t->who, false, &c);
    if (rc == STORE_NOT_FOUND || rc == STORE_AMBIGUOUS
        || rc == STORE_INVALID) {
        char *who = text_sanitize(t->who ? t->who
                                  : t->email ? t->email : "", false);
        char *what = text_sanitize(t->text, false);
        if (rc == STORE_AMBIGUOUS)
            io_reject(im, t->line,
                      _("\"%s\": \"%s\" names several contacts; write the whole name in the summary"),
                      what, who);
        else if (*who)
            io_reject(im, t->line, _("\"%s\": no contact named \"%s\""),
                      what, who);
        else
            io_reject(im, t->line,
                      _("\"%s\": names no contact (write \"Name: what to do\" in the summary)"),
                      what);
        free(who);
        free(what);
        return (im->flags & IO_STRICT) ? STORE_INVALID : STORE_OK;
    }
    if (rc != STORE_OK)
        return rc;
    bool found = false;
    char *what = NULL;
    if (asprintf(&what, "%s: %s", c.name, t->text) < 0)
        what = NULL;
    rc = has_followup(im->st, c.id, t, &found);
    if (rc == STORE_OK && found) {
        plan(im, t->line, _("already there"), what ? what : t->text);
        im->sum->merged++;
    } else if (rc == STORE_OK) {
        rc = followup_add(im->st, c.id, t->due, t->due_minutes, t->text,
                          t->every, im->now, NULL);
        if (rc == STORE_OK) {
            plan(im, t->line, _("would add follow-up"), what ? what : t->text);
            im->sum->added++;
        } else if (rc == STORE_INVALID) {
            io_reject(im, t->line, "%s", store_error(im->st));
            rc = (im->flags & IO_STRICT) ? STORE_INVALID : STORE_OK;
        }
    }
    free(what);
    store_contact_clear(&c);
    return rc;
}

static enum store_status apply_all(struct store *st, void *arg)
{
    struct apply *a = arg;
    struct io_import *im = a->im;
    (void)st;
    for (size_t i = 0; i < im->record_count; i++) {
        enum store_status rc = apply_record(im, &im->records[i]);
        if (rc == STORE_INVALID) {
            /* The domain refused the record (a bad email, a control
             * character): its message says which field. */
            io_reject(im, im->records[i].line, "%s", store_error(st));
            if (im->flags & IO_STRICT)
                return rc;
        } else if (rc != STORE_OK) {
            return rc;
        }
    }
    for (size_t i = 0; i < im->task_count; i++) {
        enum store_status rc = apply_task(im, &im->tasks[i]);
        if (rc != STORE_OK)
            return rc;
    }
    a->finished = true;
    /* A dry run does all the work, then rolls it back. */
    return (im->flags & IO_DRY_RUN) ? STORE_CONFLICT : STORE_OK;
}

void io_import_clear(struct io_import *im)
{
    for (size_t i = 0; i < im->record_count; i++)
        record_clear(&im->records[i]);
    free(im->records);
    for (size_t i = 0; i < im->task_count; i++) {
        free(im->tasks[i].who);
        free(im->tasks[i].email);
        free(im->tasks[i].text);
    }
    free(im->tasks);
}

enum store_status io_apply(struct io_import *im)
{
    struct apply a = { .im = im, .finished = false };
    int added = im->sum->added, merged = im->sum->merged;
    enum store_status rc = store_batch(im->st, _("import"), apply_all, &a);
    if ((im->flags & IO_DRY_RUN) && a.finished)
        rc = STORE_OK;
    if (rc != STORE_OK) {
        /* Nothing was written: the counts must not say otherwise. */
        im->sum->added = added;
        im->sum->merged = merged;
    }
    return rc;
}
