/* What a parser hands over (SPEC §5): the records and follow-ups it
 * reads, the values it drops and the records it rejects, and the small
 * text tools parsers share (a growable buffer, splitting lines). Applying
 * them is merge.c's. Uses core/ and below. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/contact.h"
#include "base/i18n.h"
#include "io/format.h"
#include "core/note.h"
#include "base/text.h"

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

/* Records parsed before they are applied: enough that a batch costs
 * nothing next to its writes, few enough that a file of any size keeps
 * a few MiB of them. */
#define IO_BATCH 256

struct io_record *io_record_new(struct io_import *im, int line)
{
    if (im->failed != STORE_OK)
        return NULL;
    /* Every record before this one is complete: the parser asks for a
     * new one only when the last is finished. */
    if (im->applying && im->record_count >= IO_BATCH) {
        enum store_status rc = io_apply_batch(im);
        if (rc != STORE_OK) {
            im->failed = rc;
            free(im->failure);
            im->failure = strdup(store_error(im->st));
            return NULL;
        }
    }
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
    im->records_read++;
    return r;
}

static void record_clear(struct io_record *r)
{
    contact_clear(&r->c);
    free(r->uid);
    free(r->email_from);
    for (int l = 0; l < IO_LIST_COUNT; l++)
        free(r->dropped[l].field);
    for (size_t i = 0; i < r->note_count; i++)
        free(r->notes[i].body);
    free(r->notes);
    memset(r, 0, sizeof *r);
}

/* Given back a MiB or more at a time. */
#define RELEASE_STEP (1 << 20)

void io_data_done(struct io_import *im, char *data, const char *end)
{
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0 || !end || end < data)
        return;
    uintptr_t mask = (uintptr_t)page - 1;
    /* Whole pages inside the buffer only: the allocator's own bytes
     * before data, and whatever follows the buffer, are left alone. */
    uintptr_t from = ((uintptr_t)data + mask) & ~mask;
    if (im->released > from)
        from = im->released;
    uintptr_t to = (uintptr_t)end & ~mask;
    if (to <= from || to - from < RELEASE_STEP)
        return;
    if (madvise((void *)from, to - from, MADV_DONTNEED) == 0)
        im->released = to;
}

void io_records_forget(struct io_import *im)
{
    for (size_t i = 0; i < im->record_count; i++)
        record_clear(&im->records[i]);
    im->record_count = 0;
}

void io_record_drop(struct io_import *im)
{
    if (im->record_count > 0) {
        record_clear(&im->records[--im->record_count]);
        im->records_read--;
    }
}

static size_t list_len(const struct contact *c, enum io_list list)
{
    switch (list) {
    case IO_EMAILS: return c->emails.len;
    case IO_PHONES: return c->phones.len;
    case IO_TAGS: return c->tags.len;
    case IO_ADDRESSES: return c->addresses.len;
    case IO_URLS: return c->urls.len;
    case IO_EXTRAS: return c->extras.len;
    case IO_LIST_COUNT: break;
    }
    return 0;
}

void io_record_count_dropped(struct io_record *r, enum io_list list,
                             int line, const char *field)
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
    io_record_count_dropped(r, list, line, field);
    return true;
}

/* One warning per list that had values dropped: the file, the line of
 * the first of them, the field, and how many. */
void io_record_warn_dropped(struct io_import *im, const struct io_record *r)
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
        else if (l == IO_TAGS)
            strlist_pushf(&im->sum->messages,
                          _("%s:%d: warning: %s: a contact keeps at most %d tags; dropped %zu more"),
                          im->name, d->line, field, CONTACT_LIST_MAX, d->count);
        else if (l == IO_ADDRESSES)
            strlist_pushf(&im->sum->messages,
                          _("%s:%d: warning: %s: a contact keeps at most %d addresses; dropped %zu more"),
                          im->name, d->line, field, CONTACT_LIST_MAX, d->count);
        else if (l == IO_URLS)
            strlist_pushf(&im->sum->messages,
                          _("%s:%d: warning: %s: a contact keeps at most %d web pages; dropped %zu more"),
                          im->name, d->line, field, CONTACT_LIST_MAX, d->count);
        else
            strlist_pushf(&im->sum->messages,
                          _("%s:%d: warning: %s: a contact keeps at most %d other properties; dropped %zu more"),
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

/* A control character in what a file brings is dropped and the repair
 * reported (SPEC §5: a bad field is repaired, not its record refused;
 * §8: it must never reach a terminal, and the domain refuses it).
 * Multi-line text keeps its tabs and line breaks; on one line a tab
 * becomes a space. */
void io_repair_text(struct io_import *im, int line, const char *what,
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
        io_repair_text(im, line, what, list->items[i], false);
}

void io_record_repair(struct io_import *im, struct io_record *r)
{
    struct contact *c = &r->c;
    char **lines[] = { &c->name, &c->org, &c->department, &c->title,
                       &c->channel, &c->owner };
    const char *line_names[] = { _("name"), _("organisation"),
                                 _("department"), _("title"), _("channel"),
                                 _("owner") };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        io_repair_text(im, r->line, line_names[i], *lines[i], false);
    io_repair_text(im, r->line, _("projects"), c->projects, true);
    io_repair_text(im, r->line, _("goals"), c->goals, true);
    repair_list(im, r->line, _("email"), &c->emails);
    repair_list(im, r->line, _("tag"), &c->tags);
    for (size_t i = 0; i < c->phones.len; i++)
        io_repair_text(im, r->line, _("phone"), c->phones.items[i].number,
                       false);
    for (size_t i = 0; i < r->note_count; i++)
        io_repair_text(im, r->line, _("note"), r->notes[i].body, true);
    for (size_t i = 0; i < c->addresses.len; i++)
        for (int k = 0; k < ADDRESS_PARTS; k++)
            io_repair_text(im, r->line, _("address"),
                           c->addresses.items[i].part[k], false);
    for (size_t i = 0; i < c->urls.len; i++)
        io_repair_text(im, r->line, _("web page"), c->urls.items[i].url, false);
    repair_list(im, r->line, _("property"), &c->extras);
}

char *io_one_line(const char *v)
{
    char *s = strdup(v ? v : "");
    if (!s)
        return NULL;
    text_unify_breaks(s);
    size_t breaks = 0;
    for (const char *p = s; *p; p++)
        breaks += *p == '\n';
    char *out = malloc(strlen(s) + breaks + 1), *w = out;
    if (!out) {
        free(s);
        return NULL;
    }
    for (const char *p = s; *p; p++) {
        if (*p == '\n') {
            /* No comma doubled, none at either end. */
            while (w > out && w[-1] == ' ')
                w--;
            if (w > out && w[-1] != ',')
                *w++ = ',';
            *w++ = ' ';
        } else {
            *w++ = *p;
        }
    }
    *w = '\0';
    free(s);
    text_trim(out);
    size_t n = strlen(out);
    while (n > 0 && out[n - 1] == ',')
        out[--n] = '\0';
    return out;
}

void io_count_unkept(struct io_import *im, const char *name)
{
    for (size_t i = 0; i < im->unkept_count; i++)
        if (strncmp(im->unkept[i].name, name, sizeof im->unkept[i].name - 1) == 0) {
            im->unkept[i].count++;
            return;
        }
    struct io_unkept *u = realloc(im->unkept,
                                  (im->unkept_count + 1) * sizeof *u);
    if (!u)
        return;
    im->unkept = u;
    u = &im->unkept[im->unkept_count++];
    snprintf(u->name, sizeof u->name, "%s", name);
    u->count = 1;
}

void io_report_unkept(struct io_import *im)
{
    if (im->unkept_count > 0) {
        struct io_buf b = { 0 };
        for (size_t i = 0; i < im->unkept_count; i++) {
            char *safe = text_sanitize(im->unkept[i].name, false);
            char item[96];
            snprintf(item, sizeof item, "%s%s (%zu)", i ? ", " : "", safe,
                     im->unkept[i].count);
            io_buf_adds(&b, item);
            free(safe);
        }
        strlist_pushf(&im->sum->messages, _("%s: not kept: %s"), im->name,
                      b.s ? b.s : "");
        io_buf_free(&b);
    }
    if (im->binary_records > 0)
        strlist_pushf(&im->sum->messages,
                      ngettext("%s: embedded binary data (photos, logos, sounds, keys) dropped from %d record: rapport keeps none",
                               "%s: embedded binary data (photos, logos, sounds, keys) dropped from %d records: rapport keeps none",
                               (unsigned long)im->binary_records),
                      im->name, im->binary_records);
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

void io_import_clear(struct io_import *im)
{
    for (size_t i = 0; i < im->record_count; i++)
        record_clear(&im->records[i]);
    free(im->records);
    free(im->failure);
    for (size_t i = 0; i < im->task_count; i++) {
        free(im->tasks[i].who);
        free(im->tasks[i].email);
        free(im->tasks[i].uid);
        free(im->tasks[i].text);
        free(im->tasks[i].context);
    }
    free(im->tasks);
    free(im->unkept);
}
