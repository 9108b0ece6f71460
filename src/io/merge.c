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

#include "core/contact.h"
#include "core/followup.h"
#include "base/i18n.h"
#include "io/format.h"
#include "core/note.h"
#include "base/text.h"
#include "store/contact.h"
#include "store/followup.h"
#include "store/note.h"
#include "store/search.h"

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
    for (int l = 0; l < IO_LIST_COUNT; l++)
        free(r->dropped[l].field);
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

static size_t list_len(const struct contact *c, enum io_list list)
{
    return list == IO_EMAILS ? c->emails.len
           : list == IO_PHONES ? c->phones.len : c->tags.len;
}

static void count_dropped(struct io_record *r, enum io_list list, int line,
                          const char *field)
{
    struct io_dropped *d = &r->dropped[list];
    if (d->count++ == 0) {
        d->line = line;
        d->field = strdup(field ? field : "");
    }
}

bool io_record_full(struct io_record *r, enum io_list list, int line,
                    const char *field)
{
    if (list_len(&r->c, list) < CONTACT_LIST_MAX)
        return false;
    count_dropped(r, list, line, field);
    return true;
}

/* One warning per list that had values dropped: the file, the line of
 * the first of them, the field, and how many. */
static void warn_dropped(struct io_import *im, const struct io_record *r)
{
    for (int l = 0; l < IO_LIST_COUNT; l++) {
        const struct io_dropped *d = &r->dropped[l];
        if (d->count == 0)
            continue;
        char *field = text_sanitize(d->field, false);
        if (l == IO_EMAILS)
            strlist_pushf(&im->sum->messages,
                          _("%s:%d: warning: %s: a contact keeps at most %d emails; dropped %zu more"),
                          im->name, d->line, field, CONTACT_LIST_MAX, d->count);
        else if (l == IO_PHONES)
            strlist_pushf(&im->sum->messages,
                          _("%s:%d: warning: %s: a contact keeps at most %d phone numbers; dropped %zu more"),
                          im->name, d->line, field, CONTACT_LIST_MAX, d->count);
        else
            strlist_pushf(&im->sum->messages,
                          _("%s:%d: warning: %s: a contact keeps at most %d tags; dropped %zu more"),
                          im->name, d->line, field, CONTACT_LIST_MAX, d->count);
        free(field);
    }
}

/* CR LF and a lone CR become LF: a note written on one system and
 * brought back through another must still equal itself. */
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
    text_unify_breaks(n->body);
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

void io_followup_uid(int64_t series_id, int64_t series_created, char *buf,
                     size_t size)
{
    snprintf(buf, size, "rapport-followup-%lld-%lld", (long long)series_id,
             (long long)series_created);
}

bool io_followup_uid_parse(const char *uid, int64_t *id, int64_t *created)
{
    long long a = 0, b = 0;
    int end = 0;
    if (!uid || sscanf(uid, "rapport-followup-%lld-%lld%n", &a, &b, &end) != 2
        || uid[end] != '\0' || a <= 0)
        return false;
    *id = a;
    *created = b;
    return true;
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
    bool nothing;          /* nothing would change: rolled back */
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

/* A note as it compares: LF line breaks, no trailing blanks (note_add
 * makes them so). Notes stored by an older rapport may still hold CR LF. */
static char *comparable(const char *body)
{
    char *s = strdup(body ? body : "");
    if (!s)
        return NULL;
    text_unify_breaks(s);
    size_t n = strlen(s);
    while (n > 0 && strchr(" \t\n", s[n - 1]))
        s[--n] = '\0';
    return s;
}

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\n", s[i]))
            return false;
    return true;
}

/* Keeps the n bytes at text as one part, unless they are blank;
 * -1 when out of memory. */
static int push_part(struct strlist *parts, const char *text, size_t n)
{
    if (is_blank(text, n))
        return 0;
    char *part = strndup(text, n);
    int rc = part ? strlist_push(parts, part) : -1;
    free(part);
    return rc != 0 ? -1 : 0;
}

static bool holds(const struct strlist *have, const char *body)
{
    for (size_t i = 0; i < have->len; i++)
        if (strcmp(have->items[i], body) == 0)
            return true;
    return false;
}

/* Every note of the contact, comparable. */
static enum store_status stored_notes(struct io_import *im, int64_t contact_id,
                                      struct strlist *have)
{
    struct note after = { 0 };
    bool have_after = false;
    for (;;) {
        struct note_list l = { 0 };
        enum store_status rc = store_note_page(im->st, contact_id,
                                               have_after ? &after : NULL,
                                               200, &l);
        if (rc != STORE_OK)
            return rc;
        for (size_t i = 0; i < l.len && rc == STORE_OK; i++) {
            char *c = comparable(l.items[i].body);
            if (!c || strlist_push(have, c) != 0)
                rc = store_fail(im->st, STORE_FAILED, _("out of memory"));
            free(c);
        }
        if (l.len > 0) {
            after.id = l.items[l.len - 1].id;
            after.at = l.items[l.len - 1].at;
            after.contact_id = contact_id;
            have_after = true;
        }
        bool more = rc == STORE_OK && l.more && l.len > 0;
        store_note_list_clear(&l);
        if (!more)
            return rc;
    }
}

/* rapport's CSV export writes all of a contact's notes into one cell,
 * newest first, a blank line between them. Taken back whole, that cell
 * would be one more note repeating all the others; so the stored notes
 * it is made of are recognised (whole, so one that holds a blank line
 * itself still is) and only the stretches between them that are no
 * stored note come back, each as one note: nothing when the file was
 * exported from here, what was written into the cell when it was
 * edited. */
static int new_parts(const char *cell, const struct strlist *have,
                     struct strlist *parts)
{
    size_t len = strlen(cell), p = 0, from = 0, to = 0;
    bool open = false;
    while (p < len) {
        size_t best = 0;
        for (size_t i = 0; i < have->len; i++) {
            size_t n = strlen(have->items[i]);
            if (n > best && n <= len - p
                && memcmp(cell + p, have->items[i], n) == 0
                && (p + n == len || strncmp(cell + p + n, "\n\n", 2) == 0))
                best = n;
        }
        size_t end;
        if (best > 0) {
            if (open && push_part(parts, cell + from, to - from) != 0)
                return -1;
            open = false;
            end = p + best;
        } else {
            const char *sep = strstr(cell + p, "\n\n");
            end = sep ? (size_t)(sep - cell) : len;
            if (!open)
                from = p;
            open = true;
            to = end;
        }
        p = end < len ? end + 2 : len;
    }
    if (open && push_part(parts, cell + from, to - from) != 0)
        return -1;
    return 0;
}

static enum store_status add_note(struct io_import *im, int64_t contact_id,
                                  const struct io_note *n, const char *body,
                                  int *added)
{
    enum store_status rc = note_add(im->st, contact_id, n->kind, body,
                                    n->at ? n->at : im->now, NULL);
    if (rc == STORE_OK)
        ++*added;
    return rc;
}

/* Adds the record's notes; with check, only those the contact does not
 * have yet. *added counts the notes written. */
static enum store_status add_notes(struct io_import *im, struct io_record *r,
                                   int64_t contact_id, bool check, int *added)
{
    if (!check) {
        for (size_t i = 0; i < r->note_count; i++) {
            enum store_status rc = add_note(im, contact_id, &r->notes[i],
                                            r->notes[i].body, added);
            if (rc != STORE_OK)
                return rc;
        }
        return STORE_OK;
    }
    if (r->note_count == 0)
        return STORE_OK;
    struct strlist have = { 0 };
    enum store_status rc = stored_notes(im, contact_id, &have);
    for (size_t i = 0; rc == STORE_OK && i < r->note_count; i++) {
        const struct io_note *n = &r->notes[i];
        char *body = comparable(n->body);
        struct strlist parts = { 0 };
        int failed = -1;
        if (body && n->joined)
            failed = new_parts(body, &have, &parts);
        else if (body)
            failed = holds(&have, body) ? 0 : strlist_push(&parts, body);
        if (failed)
            rc = store_fail(im->st, STORE_FAILED, _("out of memory"));
        for (size_t k = 0; rc == STORE_OK && k < parts.len; k++) {
            if (holds(&have, parts.items[k]))
                continue;
            rc = add_note(im, contact_id, n, parts.items[k], added);
            /* A file that holds the same note twice adds it once. */
            if (rc == STORE_OK && strlist_push(&have, parts.items[k]) != 0)
                rc = store_fail(im->st, STORE_FAILED, _("out of memory"));
        }
        strlist_clear(&parts);
        free(body);
    }
    strlist_clear(&have);
    return rc;
}

/* What the stored contact has, and what the file adds, stay within
 * CONTACT_LIST_MAX; the rest is counted in r as dropped. */
static bool merge_list(struct io_record *r, enum io_list list,
                       const char *field, struct strlist *into,
                       const struct strlist *from)
{
    bool changed = false;
    for (size_t i = 0; i < from->len; i++) {
        if (strlist_contains(into, from->items[i]))
            continue;
        if (into->len >= CONTACT_LIST_MAX) {
            count_dropped(r, list, r->line, field);
        } else {
            strlist_push(into, from->items[i]);
            changed = true;
        }
    }
    return changed;
}

/* New numbers are added; a number stored without a kind takes the
 * file's, and one stored with a kind keeps it. */
static bool merge_phones(struct io_record *r, struct phone_list *into,
                         const struct phone_list *from)
{
    bool changed = false;
    for (size_t i = 0; i < from->len; i++) {
        if (phone_list_find(into, from->items[i].number) < 0
            && into->len >= CONTACT_LIST_MAX)
            count_dropped(r, IO_PHONES, r->line, _("phone"));
        else if (phone_list_merge(into, from->items[i].number,
                                  from->items[i].kind) > 0)
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

/* The UID a contact goes out with when none is stored (io_contact_uid)
 * is uid. */
static bool is_derived_uid(const struct contact *c, const char *uid)
{
    char made[64];
    io_contact_uid(c, made, sizeof made);
    return uid && strcmp(made, uid) == 0;
}

/* A record without email (an abook entry, a phone's card with only a
 * number, or rapport's own export of such a contact) is the contact of
 * exactly the same name: when there is just one, or, when the record
 * carries the UID rapport exports for a contact without one stored,
 * the one whose UID that is. Else importing its file twice would double
 * it. */
static enum store_status find_by_name(struct io_import *im, const char *name,
                                      const char *uid, struct contact *out,
                                      bool *found)
{
    struct contact_list l = { 0 };
    enum store_status rc = store_contact_match(im->st, name, true, 64, &l);
    if (rc == STORE_NOT_FOUND)
        rc = STORE_OK;
    char *want = text_fold(name);
    size_t hits = 0, hit = 0, owner = 0;
    bool owned = false;
    for (size_t i = 0; rc == STORE_OK && want && i < l.len; i++) {
        char *have = text_fold(l.items[i].name);
        if (have && strcmp(have, want) == 0) {
            hits++;
            hit = i;
            if (is_derived_uid(&l.items[i], uid)) {
                owned = true;
                owner = i;
            }
        }
        free(have);
    }
    if (rc == STORE_OK && (owned || (hits == 1 && !uid))) {
        if (store_contact_copy(out, &l.items[owned ? owner : hit]) != 0)
            rc = store_fail(im->st, STORE_FAILED, _("out of memory"));
        else
            *found = true;
    }
    free(want);
    store_contact_list_clear(&l);
    return rc;
}

/* Finds the stored contact this record is: by UID first, then by any of
 * its emails, then (with no email) by its whole name. */
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
    if (r->c.emails.len == 0 && r->c.name)
        return find_by_name(im, r->c.name, r->uid, out, found);
    return STORE_OK;
}

/* Adds what the record knows and the stored contact does not; never
 * replaces or removes anything stored. *changed: something was added. */
static enum store_status merge_record(struct io_import *im,
                                      struct io_record *r,
                                      struct contact *old, bool *changed)
{
    bool fields = merge_list(r, IO_EMAILS, _("email"), &old->emails, &r->c.emails);
    fields |= merge_phones(r, &old->phones, &r->c.phones);
    fields |= merge_list(r, IO_TAGS, _("tag"), &old->tags, &r->c.tags);
    fields |= fill(&old->org, &r->c.org);
    fields |= fill(&old->department, &r->c.department);
    fields |= fill(&old->title, &r->c.title);
    fields |= fill(&old->projects, &r->c.projects);
    fields |= fill(&old->goals, &r->c.goals);
    fields |= fill(&old->channel, &r->c.channel);
    if ((old->roles | r->c.roles) != old->roles) {
        old->roles |= r->c.roles;
        fields = true;
    }
    *changed = fields;
    enum store_status rc = STORE_OK;
    if (fields)
        rc = contact_update(im->st, old, im->now);
    /* The UID this contact is exported with already (its own file
     * coming back) is nothing to store. */
    if (rc == STORE_OK && r->uid && !is_derived_uid(old, r->uid)) {
        char *stored = NULL;
        rc = store_contact_get_uid(im->st, old->id, &stored);
        if (rc == STORE_NOT_FOUND || (rc == STORE_OK && !stored)) {
            rc = store_contact_set_uid(im->st, old->id, r->uid);
            *changed = true;
        }
        free(stored);
    }
    int added = 0;
    if (rc == STORE_OK)
        rc = add_notes(im, r, old->id, true, &added);
    if (added > 0)
        *changed = true;
    return rc;
}

/* A control character in what a file brings is dropped and the repair
 * reported (SPEC §5: a bad field is repaired, not its record refused;
 * §8: it must never reach a terminal, and the domain refuses it).
 * Multi-line text keeps its tabs and line breaks; on one line a tab
 * becomes a space. */
static void repair_text(struct io_import *im, int line, const char *what,
                        char *text, bool multi_line)
{
    size_t n = text_drop_controls(text, multi_line);
    if (n > 0)
        strlist_pushf(&im->sum->messages,
                      ngettext("%s:%d: repaired: %zu control character removed from the %s",
                               "%s:%d: repaired: %zu control characters removed from the %s",
                               (unsigned long)n),
                      im->name, line, n, what);
}

static void repair_list(struct io_import *im, int line, const char *what,
                        struct strlist *list)
{
    for (size_t i = 0; i < list->len; i++)
        repair_text(im, line, what, list->items[i], false);
}

static void repair_record(struct io_import *im, struct io_record *r)
{
    struct contact *c = &r->c;
    char **lines[] = { &c->name, &c->org, &c->department, &c->title,
                       &c->channel };
    const char *line_names[] = { _("name"), _("organisation"),
                                 _("department"), _("title"), _("channel") };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        repair_text(im, r->line, line_names[i], *lines[i], false);
    repair_text(im, r->line, _("projects"), c->projects, true);
    repair_text(im, r->line, _("goals"), c->goals, true);
    repair_list(im, r->line, _("email"), &c->emails);
    repair_list(im, r->line, _("tag"), &c->tags);
    for (size_t i = 0; i < c->phones.len; i++)
        repair_text(im, r->line, _("phone"), c->phones.items[i].number, false);
    for (size_t i = 0; i < r->note_count; i++)
        repair_text(im, r->line, _("note"), r->notes[i].body, true);
}

static enum store_status apply_record(struct io_import *im,
                                      struct io_record *r)
{
    repair_record(im, r);
    struct contact old = { 0 };
    bool found = false;
    enum store_status rc = find_existing(im, r, &old, &found);
    if (rc != STORE_OK)
        return rc;
    if (found) {
        char *name = strdup(old.name ? old.name : "");
        bool changed = false;
        rc = merge_record(im, r, &old, &changed);
        if (rc == STORE_OK && changed) {
            plan(im, r->line, _("would merge into"), name ? name : "");
            im->sum->merged++;
            im->changed++;
        } else if (rc == STORE_OK) {
            plan(im, r->line, _("already there"), name ? name : "");
            im->sum->unchanged++;
        }
        free(name);
        store_contact_clear(&old);
        return rc;
    }
    char *name = strdup(r->c.name ? r->c.name : "");
    bool archived = r->c.archived;
    int notes = 0;
    rc = contact_add(im->st, &r->c, im->now);
    if (rc == STORE_OK && r->uid)
        rc = store_contact_set_uid(im->st, r->c.id, r->uid);
    if (rc == STORE_OK)
        rc = add_notes(im, r, r->c.id, false, &notes);
    if (rc == STORE_OK && archived)
        rc = contact_archive(im->st, r->c.id, im->now);
    if (rc == STORE_OK) {
        plan(im, r->line, _("would add"), name ? name : "");
        im->sum->added++;
        im->changed++;
    }
    free(name);
    return rc;
}

static bool same_interval(struct interval a, struct interval b)
{
    return a.count == b.count && (a.count == 0 || a.unit == b.unit);
}

/* A follow-up of the same contact, text and recurrence, due the same
 * day, is already there: the file was imported before. A done one counts
 * too, or an old file brought in again would reopen what was completed
 * since. Any day will do for an item without one (it was given the day
 * of the import, which differs every time), and for a recurring one
 * while its series is open here: completing an occurrence moves the
 * series on to another day, and another file, or a later one, may have
 * it at any of them. *uidless: the one found, when it has no UID (it
 * came before rapport kept them), else 0. */
static enum store_status has_followup(struct store *st, int64_t contact_id,
                                      const struct io_task *t, bool *found,
                                      int64_t *uidless)
{
    *found = false;
    *uidless = 0;
    struct followup_filter filter = { .contact_id = contact_id,
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
            bool any_day = t->dateless
                           || (t->every.count > 0 && f->state == FOLLOWUP_OPEN);
            if ((any_day || date_compare(f->due, t->due) == 0)
                && f->text && strcmp(f->text, t->text) == 0
                && same_interval(f->every, t->every)) {
                *found = true;
                *uidless = f->uid ? 0 : f->id;
            }
        }
        bool more = l.more && l.len > 0 && !*found;
        if (l.len > 0) {
            after = store_followup_key(&l.items[l.len - 1]);
            have_after = true;
        }
        store_followup_list_clear(&l);
        if (!more)
            return STORE_OK;
    }
}

/* The UID rapport writes names a follow-up (the first of its series, for
 * a recurring one) by id and creation time. When that follow-up is here,
 * done or not, with the same text, the item came from this database:
 * it is there already, even when the contact was renamed since. */
static enum store_status has_own_followup(struct store *st,
                                          const struct io_task *t,
                                          bool *found)
{
    *found = false;
    int64_t id, created;
    if (!io_followup_uid_parse(t->uid, &id, &created))
        return STORE_OK;
    struct followup f = { 0 };
    enum store_status rc = store_followup_get(st, id, &f);
    if (rc == STORE_NOT_FOUND)
        return STORE_OK;
    if (rc == STORE_OK)
        *found = (int64_t)f.created == created && f.text && t->text
                 && strcmp(f.text, t->text) == 0;
    store_followup_clear(&f);
    return rc;
}

/* An item whose UID a follow-up here was imported with (or carries on,
 * as the next occurrence of a series) is there already, whatever its
 * calendar changed since: its day, its summary. */
static enum store_status has_uid_followup(struct store *st,
                                          const struct io_task *t, bool *found)
{
    *found = false;
    if (!t->uid)
        return STORE_OK;
    struct followup f = { 0 };
    enum store_status rc = store_followup_by_uid(st, t->uid, &f);
    if (rc == STORE_NOT_FOUND)
        return STORE_OK;
    *found = rc == STORE_OK;
    store_followup_clear(&f);
    return rc;
}

static enum store_status add_task(struct io_import *im, struct io_task *t,
                                  const struct contact *c)
{
    int64_t id = 0;
    /* The UID stays with the follow-up, so that the next import of this
     * calendar finds it, and an export gives it back to the calendar. */
    enum store_status rc = followup_add_uid(im->st, c->id, t->due, t->due_minutes,
                                            t->text, t->every, t->uid,
                                            im->now, &id);
    /* The snooze comes back as it was exported, even one that has run
     * out by now: followup_snooze's rule that a snooze reaches today or
     * later is about putting something off now, not about a copy. */
    if (rc == STORE_OK && date_is_set(t->snoozed_until)
        && date_compare(t->snoozed_until, t->due) > 0)
        rc = store_followup_snooze(im->st, id, t->snoozed_until, im->now);
    return rc;
}

static enum store_status apply_task(struct io_import *im, struct io_task *t)
{
    repair_text(im, t->line, _("follow-up"), t->text, false);
    repair_text(im, t->line, _("name"), t->who, false);
    bool found = false;
    enum store_status rc = has_own_followup(im->st, t, &found);
    if (rc == STORE_OK && !found)
        rc = has_uid_followup(im->st, t, &found);
    if (rc != STORE_OK)
        return rc;
    if (found) {
        plan(im, t->line, _("already there"), t->text);
        im->sum->unchanged++;
        return STORE_OK;
    }
    struct contact c = { 0 };
    rc = STORE_NOT_FOUND;
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
    char *what = NULL;
    if (asprintf(&what, "%s: %s", c.name, t->text) < 0)
        what = NULL;
    int64_t uidless = 0;
    rc = has_followup(im->st, c.id, t, &found, &uidless);
    if (rc == STORE_OK && found && t->uid && uidless) {
        /* Imported before its UID was kept: it keeps it from now on,
         * so that the calendar's next change of it is known too. */
        rc = store_followup_set_uid(im->st, uidless, t->uid, im->now);
        if (rc == STORE_OK) {
            plan(im, t->line, _("would merge into"), what ? what : t->text);
            im->sum->merged++;
            im->changed++;
        }
    } else if (rc == STORE_OK && found) {
        plan(im, t->line, _("already there"), what ? what : t->text);
        im->sum->unchanged++;
    } else if (rc == STORE_OK) {
        rc = add_task(im, t, &c);
        if (rc == STORE_OK) {
            plan(im, t->line, _("would add follow-up"), what ? what : t->text);
            im->sum->added++;
            im->changed++;
        } else if (rc == STORE_INVALID) {
            io_reject(im, t->line, "%s", store_error(im->st));
            rc = (im->flags & IO_STRICT) ? STORE_INVALID : STORE_OK;
        }
    }
    free(what);
    store_contact_clear(&c);
    return rc;
}

struct one_record {
    struct io_import *im;
    struct io_record *r;
};

static enum store_status apply_one_record(struct store *st, void *arg)
{
    struct one_record *one = arg;
    (void)st;
    return apply_record(one->im, one->r);
}

static enum store_status apply_all(struct store *st, void *arg)
{
    struct apply *a = arg;
    struct io_import *im = a->im;
    for (size_t i = 0; i < im->record_count; i++) {
        /* Each record in a savepoint of its own: one the domain refuses
         * halfway (a note too long, after its contact went in) leaves
         * nothing of itself behind. */
        struct one_record one = { im, &im->records[i] };
        enum store_status rc = store_batch(st, NULL, apply_one_record, &one);
        if (rc == STORE_OK)
            warn_dropped(im, &im->records[i]);
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
    /* A dry run does all the work, then rolls it back; so does an import
     * that changes nothing (its file came in before), so that it leaves
     * no trace: no commit that other programs see as a change, no step
     * to undo. */
    a->nothing = im->changed == 0;
    return (im->flags & IO_DRY_RUN) || a->nothing ? STORE_CONFLICT : STORE_OK;
}

void io_import_clear(struct io_import *im)
{
    for (size_t i = 0; i < im->record_count; i++)
        record_clear(&im->records[i]);
    free(im->records);
    for (size_t i = 0; i < im->task_count; i++) {
        free(im->tasks[i].who);
        free(im->tasks[i].email);
        free(im->tasks[i].uid);
        free(im->tasks[i].text);
    }
    free(im->tasks);
}

enum store_status io_apply(struct io_import *im)
{
    struct apply a = { .im = im, .finished = false };
    struct io_summary before = *im->sum;
    enum store_status rc = store_batch(im->st, _("import"), apply_all, &a);
    if (a.finished && ((im->flags & IO_DRY_RUN) || a.nothing))
        rc = STORE_OK;
    if (rc != STORE_OK) {
        /* Nothing was written: the counts must not say otherwise. */
        im->sum->added = before.added;
        im->sum->merged = before.merged;
        im->sum->unchanged = before.unchanged;
    }
    return rc;
}
