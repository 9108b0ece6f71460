/* Interchange (SPEC §5): the table of formats, reading a file safely,
 * applying what a parser read in one transaction (merging contacts
 * already present), writing exports privately, and the `import` and
 * `export` commands. The formats themselves live in io_*.c. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "contact.h"
#include "followup.h"
#include "i18n.h"
#include "io.h"
#include "io_format.h"
#include "note.h"
#include "text.h"

struct io_format_row {
    const char *name;
    const char *aliases;       /* space-separated other names */
    const char *extensions;    /* space-separated, without the dot */
    enum store_status (*import)(struct io_import *, char *, size_t);
    enum store_status (*export)(struct io_export *);
};

/* One row per format, indexed by enum io_format. */
static const struct io_format_row formats[] = {
    [IO_FORMAT_CSV] = { "csv", "", "csv", io_csv_import, io_csv_export },
    [IO_FORMAT_VCARD] = { "vcard", "vcf", "vcf vcard", io_vcard_import,
                          io_vcard_export },
    [IO_FORMAT_ICAL] = { "ics", "ical icalendar", "ics ical ifb",
                         io_ical_import, io_ical_export },
    [IO_FORMAT_JSON] = { "json", "", "json", NULL, io_json_export },
};
#define FORMAT_COUNT ((int)(sizeof formats / sizeof formats[0]))

static bool word_in(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; *p;) {
        while (*p == ' ')
            p++;
        size_t k = strcspn(p, " ");
        if (k == n && n > 0 && strncasecmp(p, word, n) == 0)
            return true;
        p += k;
    }
    return false;
}

int io_format_parse(const char *name)
{
    if (!name)
        return IO_FORMAT_GUESS;
    for (int i = 0; i < FORMAT_COUNT; i++)
        if (strcasecmp(name, formats[i].name) == 0
            || word_in(formats[i].aliases, name))
            return i;
    return IO_FORMAT_GUESS;
}

static int format_from_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return IO_FORMAT_GUESS;
    for (int i = 0; i < FORMAT_COUNT; i++)
        if (word_in(formats[i].extensions, dot + 1))
            return i;
    return IO_FORMAT_GUESS;
}

/* From the first bytes: calendar and card files announce themselves;
 * anything else is taken for CSV, whose header then decides. */
static int format_from_data(const char *data)
{
    while (*data == ' ' || *data == '\t' || *data == '\r' || *data == '\n')
        data++;
    if (strncasecmp(data, "BEGIN:VCALENDAR", 15) == 0)
        return IO_FORMAT_ICAL;
    if (strncasecmp(data, "BEGIN:VCARD", 11) == 0)
        return IO_FORMAT_VCARD;
    return IO_FORMAT_CSV;
}

void io_summary_clear(struct io_summary *summary)
{
    strlist_clear(&summary->messages);
    strlist_clear(&summary->plan);
    memset(summary, 0, sizeof *summary);
}

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

/* ---- reading a file ------------------------------------------------------ */

/* Google's older export and Outlook's "Unicode" CSV are UTF-16 with a
 * byte order mark; everything after this reads UTF-8. */
static enum store_status from_utf16(struct store *st, const char *name,
                                    char **buf, size_t *n)
{
    bool little = (unsigned char)(*buf)[0] == 0xFF;
    size_t units = (*n - 2) / 2;
    char *out = malloc(units * 3 + 1);
    if (!out) {
        free(*buf);
        return store_fail(st, STORE_FAILED, _("out of memory reading %s"), name);
    }
    const unsigned char *in = (const unsigned char *)*buf + 2;
    size_t w = 0;
    int line = 1;
    for (size_t i = 0; i < units; i++) {
        unsigned u = little ? (unsigned)(in[2 * i] | in[2 * i + 1] << 8)
                            : (unsigned)(in[2 * i] << 8 | in[2 * i + 1]);
        unsigned cp = u;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units) {
            unsigned lo = little ? (unsigned)(in[2 * i + 2] | in[2 * i + 3] << 8)
                                 : (unsigned)(in[2 * i + 2] << 8 | in[2 * i + 3]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                i++;
            }
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0) {
            free(out);
            free(*buf);
            return store_fail(st, STORE_INVALID,
                              _("%s:%d: broken UTF-16 text; nothing was imported"),
                              name, line);
        }
        if (cp == '\n')
            line++;
        if (cp < 0x80) {
            out[w++] = (char)cp;
        } else if (cp < 0x800) {
            out[w++] = (char)(0xC0 | cp >> 6);
            out[w++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out[w++] = (char)(0xE0 | cp >> 12);
            out[w++] = (char)(0x80 | (cp >> 6 & 0x3F));
            out[w++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[w++] = (char)(0xF0 | cp >> 18);
            out[w++] = (char)(0x80 | (cp >> 12 & 0x3F));
            out[w++] = (char)(0x80 | (cp >> 6 & 0x3F));
            out[w++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[w] = '\0';
    free(*buf);
    *buf = out;
    *n = w;
    return STORE_OK;
}

/* The whole file, NUL-terminated, without a UTF-8 byte order mark. Binary
 * files (a NUL byte) and over-long lines are refused here, once, with the
 * line that shows it, so parsers only ever see text. */
static enum store_status read_file(struct store *st, const char *path,
                                   const char *name, char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return store_fail(st, STORE_INVALID, _("cannot read %s: %s"), name,
                          strerror(errno));
    struct stat sb;
    if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        if (f != stdin)
            fclose(f);
        return store_fail(st, STORE_INVALID,
                          _("cannot read %s: it is a folder"), name);
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    enum store_status rc = STORE_OK;
    while (buf) {
        if (n + 1 >= cap) {
            if (cap >= (size_t)IO_MAX_FILE) {
                rc = store_fail(st, STORE_INVALID,
                                _("%s is larger than %ld MiB; split it into smaller files"),
                                name, IO_MAX_FILE / (1024 * 1024));
                break;
            }
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    if (rc == STORE_OK && !buf)
        rc = store_fail(st, STORE_FAILED, _("out of memory reading %s"), name);
    if (rc == STORE_OK && ferror(f))
        rc = store_fail(st, STORE_INVALID, _("cannot read %s: %s"), name,
                        strerror(errno));
    if (f != stdin)
        fclose(f);
    if (rc != STORE_OK) {
        free(buf);
        return rc;
    }
    buf[n] = '\0';
    if (n >= 2 && ((unsigned char)buf[0] == 0xFF || (unsigned char)buf[0] == 0xFE)
        && ((unsigned char)buf[1] ^ (unsigned char)buf[0]) == 0x01) {
        rc = from_utf16(st, name, &buf, &n);
        if (rc != STORE_OK)
            return rc;
    }
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < n; i++) {
        if (buf[i] == '\0') {
            free(buf);
            return store_fail(st, STORE_INVALID,
                              _("%s:%d: this is not a text file (it holds binary data); nothing was imported"),
                              name, line);
        }
        if (buf[i] == '\n') {
            line++;
            line_start = i + 1;
        } else if (i - line_start > IO_MAX_LINE) {
            free(buf);
            return store_fail(st, STORE_INVALID,
                              _("%s:%d: line longer than %d bytes; nothing was imported"),
                              name, line, IO_MAX_LINE);
        }
    }
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        memmove(buf, buf + 3, n - 2);
        n -= 3;
    }
    *data = buf;
    *len = n;
    return STORE_OK;
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

static void import_clear(struct io_import *im)
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

static enum store_status strict_failure(struct io_import *im)
{
    return store_fail(im->st, STORE_INVALID,
                      ngettext("%s: %d record rejected; nothing was imported (--strict)",
                               "%s: %d records rejected; nothing was imported (--strict)",
                               (unsigned long)im->sum->rejected),
                      im->name, im->sum->rejected);
}

static enum store_status import_with(struct store *st, const char *path,
                                     int format, unsigned flags,
                                     const char *map,
                                     struct io_summary *summary)
{
    char *name = text_sanitize(strcmp(path, "-") == 0 ? _("standard input")
                               : path, false);
    char *data = NULL;
    size_t len = 0;
    enum store_status rc = read_file(st, path, name, &data, &len);
    if (rc != STORE_OK) {
        free(name);
        return rc;
    }
    if (format == IO_FORMAT_GUESS)
        format = format_from_path(path);
    if (format == IO_FORMAT_GUESS)
        format = format_from_data(data);
    if (!formats[format].import) {
        free(data);
        rc = store_fail(st, STORE_INVALID,
                        _("%s: rapport exports %s but cannot import it; import CSV, vCard or iCalendar"),
                        name, formats[format].name);
        free(name);
        return rc;
    }
    struct io_import im = { .st = st, .name = name, .flags = flags,
                            .map = map, .now = time(NULL), .sum = summary };
    rc = formats[format].import(&im, data, len);
    free(data);
    if (rc == STORE_OK && (flags & IO_STRICT) && summary->rejected > 0)
        rc = strict_failure(&im);
    if (rc == STORE_OK && im.record_count + im.task_count > 0) {
        struct apply a = { .im = &im, .finished = false };
        int added = summary->added, merged = summary->merged;
        rc = store_batch(st, _("import"), apply_all, &a);
        if ((flags & IO_DRY_RUN) && a.finished)
            rc = STORE_OK;
        if (rc != STORE_OK) {
            /* Nothing was written: the counts must not say otherwise. */
            summary->added = added;
            summary->merged = merged;
            if (flags & IO_STRICT && summary->rejected > 0)
                rc = strict_failure(&im);
        }
    }
    import_clear(&im);
    free(name);
    return rc;
}

enum store_status io_import_file(struct store *st, const char *path,
                                 int format, unsigned flags,
                                 struct io_summary *summary)
{
    return import_with(st, path, format, flags, NULL, summary);
}

/* ---- exporting ------------------------------------------------------------ */

enum store_status io_each_contact(struct io_export *ex,
                                  enum store_status (*fn)(struct io_export *,
                                                          const struct contact *))
{
    struct contact_filter filter = { .stage = STAGE_NONE,
                                     .include_archived = true };
    struct contact after = { 0 };
    bool have_after = false;
    enum store_status rc = STORE_OK;
    while (rc == STORE_OK) {
        struct contact_list l = { 0 };
        rc = store_contact_page(ex->st, &filter, CONTACT_SORT_NAME,
                                have_after ? &after : NULL, false, 200, &l);
        for (size_t i = 0; rc == STORE_OK && i < l.len; i++) {
            rc = fn(ex, &l.items[i]);
            if (rc == STORE_OK)
                ex->sum->written++;
        }
        bool more = rc == STORE_OK && l.more && l.len > 0;
        if (more) {
            store_contact_clear(&after);
            if (store_contact_copy(&after, &l.items[l.len - 1]) != 0)
                rc = store_fail(ex->st, STORE_FAILED, _("out of memory"));
            have_after = true;
        }
        store_contact_list_clear(&l);
        if (!more)
            break;
    }
    store_contact_clear(&after);
    return rc;
}

enum store_status io_each_note(struct io_export *ex, int64_t contact_id,
                               enum store_status (*fn)(struct io_export *,
                                                       const struct note *,
                                                       void *),
                               void *arg)
{
    struct note after = { 0 };
    bool have_after = false;
    enum store_status rc = STORE_OK;
    while (rc == STORE_OK) {
        struct note_list l = { 0 };
        rc = store_note_page(ex->st, contact_id, have_after ? &after : NULL,
                             200, &l);
        for (size_t i = 0; rc == STORE_OK && i < l.len; i++)
            rc = fn(ex, &l.items[i], arg);
        bool more = rc == STORE_OK && l.more && l.len > 0;
        if (more) {
            after.id = l.items[l.len - 1].id;
            after.at = l.items[l.len - 1].at;
            after.contact_id = contact_id;
            have_after = true;
        }
        store_note_list_clear(&l);
        if (!more)
            break;
    }
    return rc;
}

/* Writes into a private temporary file beside the target and renames it
 * into place only when everything was written, so a failed export never
 * leaves half a file where a good one was. */
static enum store_status export_with(struct store *st, const char *path,
                                     int format, int vcard_version,
                                     struct io_summary *summary)
{
    bool to_stdout = !path || strcmp(path, "-") == 0;
    if (format == IO_FORMAT_GUESS)
        format = to_stdout ? IO_FORMAT_CSV : format_from_path(path);
    if (format == IO_FORMAT_GUESS) {
        char *shown = text_sanitize(path, false);
        enum store_status rc = store_fail(st, STORE_INVALID,
            _("%s: cannot tell the format from the name; end it in .csv, .vcf, .ics or .json, or give --format"),
            shown);
        free(shown);
        return rc;
    }
    struct io_export ex = { .st = st, .sum = summary,
                            .vcard_version = vcard_version };
    char *tmp = NULL;
    mode_t old_mask = umask(077);
    if (to_stdout) {
        ex.out = stdout;
    } else {
        size_t n = strlen(path) + 16;
        tmp = malloc(n);
        int fd = -1;
        if (tmp) {
            snprintf(tmp, n, "%s.tmp-XXXXXX", path);
            fd = mkstemp(tmp);
        }
        if (fd >= 0)
            ex.out = fdopen(fd, "w");
        if (!ex.out) {
            int err = errno;
            if (fd >= 0) {
                close(fd);
                unlink(tmp);
            }
            free(tmp);
            umask(old_mask);
            char *shown = text_sanitize(path, false);
            enum store_status rc = store_fail(st, STORE_INVALID,
                                              _("cannot write %s: %s"), shown,
                                              strerror(err));
            free(shown);
            return rc;
        }
    }
    umask(old_mask);
    enum store_status rc = formats[format].export(&ex);
    if (rc == STORE_OK && (fflush(ex.out) != 0 || ferror(ex.out))) {
        char *shown = text_sanitize(to_stdout ? _("standard output") : path,
                                    false);
        rc = store_fail(st, STORE_INVALID, _("cannot write %s: %s"), shown,
                        strerror(errno));
        free(shown);
    }
    if (!to_stdout) {
        if (rc == STORE_OK && fsync(fileno(ex.out)) != 0)
            rc = store_fail(st, STORE_INVALID, _("cannot write the export: %s"),
                            strerror(errno));
        if (fclose(ex.out) != 0 && rc == STORE_OK)
            rc = store_fail(st, STORE_INVALID, _("cannot write the export: %s"),
                            strerror(errno));
        if (rc == STORE_OK && rename(tmp, path) != 0) {
            char *shown = text_sanitize(path, false);
            rc = store_fail(st, STORE_INVALID, _("cannot write %s: %s"), shown,
                            strerror(errno));
            free(shown);
        }
        if (rc != STORE_OK)
            unlink(tmp);
        free(tmp);
    }
    return rc;
}

enum store_status io_export_file(struct store *st, const char *path,
                                 int format, struct io_summary *summary)
{
    return export_with(st, path, format, 4, summary);
}

/* ---- the commands --------------------------------------------------------- */

/* Accepts "--name VALUE" and "--name=VALUE"; returns the value or NULL
 * when argv[*i] is not this option (sets *missing when the value is). */
static const char *option_value(int argc, char **argv, int *i,
                                const char *name, bool *missing)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

static int usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int usage_error(const char *command, const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    char *safe = text_sanitize(message, false);
    fprintf(stderr, "rapport %s: %s\n", command, safe);
    fprintf(stderr, _("Try 'rapport %s --help'."), command);
    fputc('\n', stderr);
    free(safe);
    return CLI_USAGE;
}

static void import_help(void)
{
    printf("%s\n\n%s\n", _("Usage: rapport import FILE [--format csv|vcard|ics] [--dry-run] [--strict] [--map SPEC]"),
           _("Imports contacts from a vCard (2.1, 3.0, 4.0) or CSV file (rapport's own\n"
             "layout, Google Contacts, Outlook, or any header with --map), or\n"
             "follow-ups from an iCalendar file. Contacts already present (same email\n"
             "or UID) are merged: new emails, phones, tags and notes are added, nothing\n"
             "stored is replaced. Valid records go in together, in one transaction."));
    printf("\n%s\n", _("Options:\n"
                       "  --format FORMAT  csv, vcard or ics (default: from the name and content)\n"
                       "  --dry-run        show what would be added, merged and rejected; write nothing\n"
                       "  --strict         import nothing when any record is rejected\n"
                       "  --map SPEC       CSV columns by field, e.g. name=Full Name,email=Mail\n"
                       "                   (fields: name, first, last, email, phone, org, title,\n"
                       "                   notes, tags, uid)\n"
                       "  -h, --help       show this help"));
}

static void export_help(void)
{
    printf("%s\n\n%s\n", _("Usage: rapport export [--format csv|vcard|ics|json] [--output FILE] [--vcard-version 3|4]"),
           _("Exports every contact (CSV, vCard, JSON with notes, follow-ups, stage\n"
             "history and scores) or the open follow-ups (iCalendar VTODO items).\n"
             "Files are written private (0600)."));
    printf("\n%s\n", _("Options:\n"
                       "  --format FORMAT     csv, vcard, ics or json (default: from --output's\n"
                       "                      name, else csv)\n"
                       "  --output FILE       where to write; - or none: standard output\n"
                       "  --vcard-version N   3 or 4 (default 4)\n"
                       "  -h, --help          show this help"));
}

static void print_lines(const struct strlist *lines, FILE *out)
{
    for (size_t i = 0; i < lines->len; i++) {
        char *safe = text_sanitize(lines->items[i], false);
        fprintf(out, "%s\n", safe);
        free(safe);
    }
}

int io_import_command(struct app *app, int argc, char **argv)
{
    const char *cmd = "import";
    const char *file = NULL, *format_name = NULL, *map = NULL;
    unsigned flags = 0;
    bool only_args = false;
    for (int i = 1; i < argc; i++) {
        bool missing = false;
        const char *v;
        if (!only_args && (strcmp(argv[i], "--help") == 0
                           || strcmp(argv[i], "-h") == 0)) {
            import_help();
            return CLI_OK;
        } else if (!only_args && strcmp(argv[i], "--") == 0) {
            only_args = true;
        } else if (!only_args && strcmp(argv[i], "--dry-run") == 0) {
            flags |= IO_DRY_RUN;
        } else if (!only_args && strcmp(argv[i], "--strict") == 0) {
            flags |= IO_STRICT;
        } else if (!only_args
                   && ((v = option_value(argc, argv, &i, "--format", &missing))
                       || missing)) {
            if (missing)
                return usage_error(cmd, _("%s needs a value"), "--format");
            format_name = v;
        } else if (!only_args
                   && ((v = option_value(argc, argv, &i, "--map", &missing))
                       || missing)) {
            if (missing)
                return usage_error(cmd, _("%s needs a value"), "--map");
            map = v;
        } else if (!only_args && argv[i][0] == '-' && argv[i][1] != '\0') {
            return usage_error(cmd, _("unknown option '%s'"), argv[i]);
        } else if (file) {
            return usage_error(cmd, _("one file at a time, not also '%s'"),
                               argv[i]);
        } else {
            file = argv[i];
        }
    }
    if (!file)
        return usage_error(cmd, _("which file? %s"), "rapport import FILE");
    int format = IO_FORMAT_GUESS;
    if (format_name) {
        format = io_format_parse(format_name);
        if (format == IO_FORMAT_GUESS || format == IO_FORMAT_JSON)
            return usage_error(cmd, _("unknown format '%s' (expected csv, vcard or ics)"),
                               format_name);
    }
    struct io_summary sum = { 0 };
    enum store_status rc = import_with(app->st, file, format, flags, map, &sum);
    print_lines(&sum.plan, stdout);
    fflush(stdout);
    print_lines(&sum.messages, stderr);
    int status = CLI_OK;
    if (rc != STORE_OK) {
        char *safe = text_sanitize(store_error(app->st), false);
        fprintf(stderr, "rapport: %s\n", safe);
        free(safe);
        status = CLI_USER_ERROR;
    } else if (flags & IO_DRY_RUN) {
        printf(_("Dry run: would add %d, merge %d, reject %d; nothing was written.\n"),
               sum.added, sum.merged, sum.rejected);
    } else {
        printf(_("Added %d, merged %d, rejected %d.\n"), sum.added,
               sum.merged, sum.rejected);
    }
    io_summary_clear(&sum);
    return status;
}

int io_export_command(struct app *app, int argc, char **argv)
{
    const char *cmd = "export";
    const char *output = NULL, *format_name = NULL, *version = NULL;
    for (int i = 1; i < argc; i++) {
        bool missing = false;
        const char *v;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            export_help();
            return CLI_OK;
        } else if ((v = option_value(argc, argv, &i, "--format", &missing))
                   || missing) {
            if (missing)
                return usage_error(cmd, _("%s needs a value"), "--format");
            format_name = v;
        } else if ((v = option_value(argc, argv, &i, "--output", &missing))
                   || missing) {
            if (missing)
                return usage_error(cmd, _("%s needs a value"), "--output");
            output = v;
        } else if ((v = option_value(argc, argv, &i, "--vcard-version",
                                     &missing)) || missing) {
            if (missing)
                return usage_error(cmd, _("%s needs a value"),
                                   "--vcard-version");
            version = v;
        } else if (argv[i][0] == '-') {
            return usage_error(cmd, _("unknown option '%s'"), argv[i]);
        } else {
            return usage_error(cmd, _("unexpected argument '%s' (use --output FILE)"),
                               argv[i]);
        }
    }
    int format = IO_FORMAT_GUESS;
    if (format_name) {
        format = io_format_parse(format_name);
        if (format == IO_FORMAT_GUESS)
            return usage_error(cmd, _("unknown format '%s' (expected csv, vcard, ics or json)"),
                               format_name);
    }
    int vcard_version = 4;
    if (version) {
        if (strcmp(version, "3") == 0 || strcmp(version, "3.0") == 0)
            vcard_version = 3;
        else if (strcmp(version, "4") != 0 && strcmp(version, "4.0") != 0)
            return usage_error(cmd, _("--vcard-version: expected 3 or 4, not '%s'"),
                               version);
    }
    struct io_summary sum = { 0 };
    enum store_status rc = export_with(app->st, output, format, vcard_version,
                                       &sum);
    int status = CLI_OK;
    if (rc != STORE_OK) {
        char *safe = text_sanitize(store_error(app->st), false);
        fprintf(stderr, "rapport: %s\n", safe);
        free(safe);
        status = CLI_USER_ERROR;
    } else if (output && strcmp(output, "-") != 0) {
        char *safe = text_sanitize(output, false);
        fprintf(stderr, ngettext("Exported %d record to %s.\n",
                                 "Exported %d records to %s.\n",
                                 (unsigned long)sum.written),
                sum.written, safe);
        free(safe);
    }
    io_summary_clear(&sum);
    return status;
}
