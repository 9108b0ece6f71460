/* iCalendar (RFC 5545) through libical: open follow-ups out as VTODO
 * items, VTODO and VEVENT items in as follow-ups of the contact their
 * summary ("Name: what to do") or attendee names. libical parses,
 * unescapes, folds and writes; rapport only maps fields. Uses core/ and
 * below. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>

#include <libical/ical.h>

#include "core/cursor.h"
#include "core/followup.h"
#include "base/i18n.h"
#include "io/format.h"
#include "base/text.h"
#include "store/contact.h"
#include "store/followup.h"

/* rapport's snooze, which RFC 5545 has no property for: DUE stays the
 * day a follow-up is due, as calendars expect, and this one carries the
 * day it was put off to, which rapport reads back. */
#define SNOOZE_PROPERTY "X-RAPPORT-SNOOZED-UNTIL"

/* ---- reading -------------------------------------------------------------- */

struct lines {
    int *at;               /* the line of each BEGIN:VTODO / BEGIN:VEVENT */
    size_t len, next;
};

/* libical keeps no line numbers; items come out in file order, so the
 * n-th item found is the n-th BEGIN line. */
static void find_lines(const char *data, struct lines *l)
{
    int line = 1;
    const char *p = data;
    size_t cap = 0;
    while (*p) {
        if (strncasecmp(p, "BEGIN:VTODO", 11) == 0
            || strncasecmp(p, "BEGIN:VEVENT", 12) == 0) {
            if (l->len == cap) {
                cap = cap ? cap * 2 : 64;
                int *at = realloc(l->at, cap * sizeof *at);
                if (!at)
                    return;
                l->at = at;
            }
            l->at[l->len++] = line;
        }
        const char *nl = strchr(p, '\n');
        if (!nl)
            break;
        p = nl + 1;
        line++;
    }
}

static struct date date_of(struct icaltimetype t, int *minutes)
{
    *minutes = -1;
    if (!t.is_date && (t.zone || icaltime_is_utc(t))) {
        /* A moment in a zone (a TZID, found in the file's VTIMEZONE or
         * libical's own, or UTC): the day and time it is here. */
        const icaltimezone *zone = t.zone ? t.zone
                                          : icaltimezone_get_utc_timezone();
        time_t when = icaltime_as_timet_with_zone(t, zone);
        struct tm tm;
        localtime_r(&when, &tm);
        *minutes = tm.tm_hour * 60 + tm.tm_min;
        return (struct date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
    }
    /* A date, or a floating time: as written, wherever it is read. */
    if (!t.is_date)
        *minutes = t.hour * 60 + t.minute;
    return (struct date){ t.year, t.month, t.day };
}

/* X-RAPPORT-SNOOZED-UNTIL:YYYYMMDD, as put_todo writes it. */
static struct date snooze_of(icalcomponent *c)
{
    for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_X_PROPERTY);
         p; p = icalcomponent_get_next_property(c, ICAL_X_PROPERTY)) {
        const char *name = icalproperty_get_x_name(p);
        const char *value = icalproperty_get_x(p);
        struct date d = { 0 };
        if (name && value && strcasecmp(name, SNOOZE_PROPERTY) == 0
            && sscanf(value, "%4d%2d%2d", &d.year, &d.month, &d.day) == 3
            && date_is_valid(d))
            return d;
    }
    return (struct date){ 0 };
}

static bool every_of(icalcomponent *c, struct interval *every, int line,
                     struct io_import *im, const char *what)
{
    every->count = 0;
    icalproperty *p = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY);
    if (!p)
        return true;
    struct icalrecurrencetype r = icalproperty_get_rrule(p);
    int n = r.interval > 0 ? r.interval : 1;
    switch (r.freq) {
    case ICAL_DAILY_RECURRENCE: *every = (struct interval){ n, 'd' }; break;
    case ICAL_WEEKLY_RECURRENCE: *every = (struct interval){ n, 'w' }; break;
    case ICAL_MONTHLY_RECURRENCE: *every = (struct interval){ n, 'm' }; break;
    case ICAL_YEARLY_RECURRENCE: *every = (struct interval){ n * 12, 'm' }; break;
    default:
        io_reject(im, line,
                  _("\"%s\": its RRULE repeats more often than daily; rapport repeats by days, weeks or months"),
                  what);
        return false;
    }
    return true;
}

/* An event that is over: it ended before today (an all-day event's
 * DTEND is the day after its last), and no rule repeats it past today.
 * A to-do is never over by its date: one not done is overdue. */
static bool event_is_past(struct io_import *im, icalcomponent *c)
{
    struct date today = date_from_time(im->now);
    icalproperty *rule = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY);
    if (rule) {
        struct icalrecurrencetype r = icalproperty_get_rrule(rule);
        if (icaltime_is_null_time(r.until) || !icaltime_is_valid_time(r.until))
            return false;
        int minutes;
        return date_compare(date_of(r.until, &minutes), today) < 0;
    }
    struct icaltimetype end = icalcomponent_get_dtend(c);
    bool exclusive = !icaltime_is_null_time(end) && end.is_date
                     && icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY);
    if (icaltime_is_null_time(end) || !icaltime_is_valid_time(end)) {
        end = icalcomponent_get_dtstart(c);
        exclusive = false;
    }
    if (icaltime_is_null_time(end) || !icaltime_is_valid_time(end))
        return false;
    int minutes;
    struct date last = date_of(end, &minutes);
    if (exclusive)
        last = date_add_days(last, -1);
    return date_is_valid(last) && date_compare(last, today) < 0;
}

/* libical drops a property it cannot read (a DUE of "garbage", an RRULE
 * of FREQ=SOMETIMES) and leaves an X-LIC-ERROR in its place, silently:
 * each is said, with the item's line. With --strict the item is
 * rejected instead; false then. */
static bool lic_errors(struct io_import *im, icalcomponent *c, int line)
{
    for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
         p; p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
        const char *what = icalproperty_get_xlicerror(p);
        char *safe = text_sanitize(what ? what : "", false);
        if (im->flags & IO_STRICT) {
            io_reject(im, line, _("the calendar is malformed: %s"), safe ? safe : "");
            free(safe);
            return false;
        }
        strlist_pushf(&im->sum->messages,
                      _("%s:%d: warning: the calendar is malformed: %s"),
                      im->name, line, safe ? safe : "");
        free(safe);
    }
    return true;
}

static void take_item(struct io_import *im, icalcomponent *c, int line)
{
    icalcomponent_kind kind = icalcomponent_isa(c);
    icalproperty_status status = icalcomponent_get_status(c);
    /* Done or called off: nothing to follow up, but counted, so that
     * the summary adds up to the file. */
    if (status == ICAL_STATUS_CANCELLED) {
        im->sum->skipped_cancelled++;
        return;
    }
    if (status == ICAL_STATUS_COMPLETED
        || (kind == ICAL_VTODO_COMPONENT
            && icalcomponent_get_first_property(c, ICAL_COMPLETED_PROPERTY))) {
        im->sum->skipped_done++;
        return;
    }
    if (kind == ICAL_VEVENT_COMPONENT && event_is_past(im, c)) {
        im->sum->skipped_past++;
        return;
    }
    if (!lic_errors(im, c, line))
        return;
    const char *summary = icalcomponent_get_summary(c);
    if (!summary || !*summary) {
        io_reject(im, line, _("no SUMMARY: nothing says what to do"));
        return;
    }
    if (!text_is_utf8(summary)) {
        io_reject(im, line, _("SUMMARY is not valid UTF-8"));
        return;
    }
    char *safe = text_sanitize(summary, false);
    struct interval every;
    if (!every_of(c, &every, line, im, safe)) {
        free(safe);
        return;
    }
    free(safe);
    struct io_task *t = io_task_new(im, line);
    if (!t)
        return;
    t->every = every;
    /* "Name: what to do", as rapport writes it. Its DESCRIPTION is the
     * text alone, which tells where the name ends when the name itself
     * holds ": ". */
    const char *colon = strstr(summary, ": ");
    const char *desc = icalcomponent_get_description(c);
    size_t sn = strlen(summary), dn = desc ? strlen(desc) : 0;
    if (dn > 0 && sn > dn + 2 && strcmp(summary + sn - dn, desc) == 0
        && strncmp(summary + sn - dn - 2, ": ", 2) == 0)
        colon = summary + sn - dn - 2;
    if (colon && colon > summary) {
        t->who = strndup(summary, (size_t)(colon - summary));
        if (t->who)
            text_trim(t->who);
        t->text = strdup(colon + 2);
    } else {
        t->text = strdup(summary);
    }
    if (t->text)
        text_trim(t->text);
    if (asprintf(&t->context, "%s\n%s", summary,
                 desc && text_is_utf8(desc) ? desc : "") < 0)
        t->context = NULL;
    const char *uid = icalcomponent_get_uid(c);
    if (uid && *uid && text_is_utf8(uid))
        io_set(&t->uid, uid);
    t->snoozed_until = snooze_of(c);
    icalproperty *a = icalcomponent_get_first_property(c, ICAL_ATTENDEE_PROPERTY);
    if (a) {
        const char *who = icalproperty_get_attendee(a);
        if (who && strncasecmp(who, "mailto:", 7) == 0 && who[7])
            io_set(&t->email, who + 7);
        icalparameter *cn = icalproperty_get_first_parameter(a, ICAL_CN_PARAMETER);
        if (!t->who && cn && icalparameter_get_cn(cn))
            io_set(&t->who, icalparameter_get_cn(cn));
    }
    struct icaltimetype when = kind == ICAL_VTODO_COMPONENT
                               ? icalcomponent_get_due(c)
                               : icaltime_null_time();
    if (icaltime_is_null_time(when))
        when = icalcomponent_get_dtstart(c);
    if (icaltime_is_null_time(when) || !icaltime_is_valid_time(when)) {
        /* A to-do without a date (calcurse writes them so) is due now;
         * merging then matches it by contact and text. */
        t->due = date_from_time(im->now);
        t->dateless = true;
    } else {
        t->due = date_of(when, &t->due_minutes);
        /* A repeating event that began before today is due at its next
         * occurrence: the ones gone by were not missed, they are over. */
        struct date today = date_from_time(im->now);
        for (int n = 0; kind == ICAL_VEVENT_COMPONENT && every.count > 0
                        && n < 100000 && date_compare(t->due, today) < 0; n++)
            t->due = date_add_interval(t->due, every);
    }
    if (!t->text || !*t->text) {
        io_reject(im, line, _("the summary says nothing to do"));
        free(t->who);
        free(t->email);
        free(t->uid);
        free(t->text);
        free(t->context);
        im->task_count--;
    }
}

static void visit(struct io_import *im, icalcomponent *c, struct lines *l)
{
    icalcomponent_kind kind = icalcomponent_isa(c);
    if (kind == ICAL_VTODO_COMPONENT || kind == ICAL_VEVENT_COMPONENT) {
        int line = l->next < l->len ? l->at[l->next] : 0;
        l->next++;
        take_item(im, c, line);
        return;
    }
    for (icalcomponent *sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
         sub; sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
        visit(im, sub, l);
}

/* The next logical line of data from *p (folds undone, its line end
 * dropped) into a new string; *line is the physical line it starts on,
 * and is moved past it. NULL at the end. */
static char *next_unfolded(const char **p, int *line, int *first)
{
    const char *s = *p;
    if (!*s)
        return NULL;
    *first = *line;
    size_t cap = 128, n = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    for (;;) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        size_t keep = len > 0 && s[len - 1] == '\r' ? len - 1 : len;
        if (n + keep + 1 > cap) {
            while (n + keep + 1 > cap)
                cap *= 2;
            char *grown = realloc(out, cap);
            if (!grown) {
                free(out);
                return NULL;
            }
            out = grown;
        }
        memcpy(out + n, s, keep);
        n += keep;
        if (!nl) {
            s += len;
            break;
        }
        s = nl + 1;
        (*line)++;
        /* A line that begins with a space or a tab goes on the one
         * before (RFC 5545 3.1). */
        if (*s != ' ' && *s != '\t')
            break;
        s++;
    }
    out[n] = '\0';
    *p = s;
    return out;
}

/* Where libical's complaints about each line begin in what it wrote. */
struct complaint {
    long at;
    int line;
};

/* libical writes its complaints to standard error itself
 * ("icalparser.c:786: Encountered END before BEGIN"); none may reach the
 * terminal. It is given the file a line at a time, so that what it
 * writes while it takes a line is known to be about that line: its
 * words become rapport's own lines, with the file and line. */
static icalcomponent *parse_quietly(struct io_import *im, char *data)
{
    fflush(stderr);
    FILE *catch = tmpfile();
    int saved = catch ? dup(STDERR_FILENO) : -1;
    if (saved >= 0 && dup2(fileno(catch), STDERR_FILENO) < 0) {
        close(saved);
        saved = -1;
    }
    icalparser *parser = icalparser_new();
    icalcomponent *root = NULL;
    struct complaint *said = NULL;
    size_t nsaid = 0, capsaid = 0;
    long seen = 0;
    const char *p = data;
    int line = 1, first = 1;
    for (bool more = parser != NULL; more; ) {
        char *text = next_unfolded(&p, &line, &first);
        more = text != NULL;
        icalcomponent *c = icalparser_add_line(parser, text);
        free(text);
        if (c && !root) {
            root = c;
        } else if (c && icalcomponent_isa(root) == ICAL_XROOT_COMPONENT) {
            icalcomponent_add_component(root, c);
        } else if (c) {
            /* Several calendars in one file: one root holds them all. */
            icalcomponent *all = icalcomponent_new(ICAL_XROOT_COMPONENT);
            icalcomponent_add_component(all, root);
            icalcomponent_add_component(all, c);
            root = all;
        }
        if (saved < 0)
            continue;
        fflush(stderr);
        long now = lseek(STDERR_FILENO, 0, SEEK_CUR);
        if (now > seen) {
            if (nsaid == capsaid) {
                capsaid = capsaid ? capsaid * 2 : 16;
                struct complaint *grown = realloc(said, capsaid * sizeof *said);
                if (!grown)
                    break;
                said = grown;
            }
            said[nsaid++] = (struct complaint){ seen, first };
            seen = now;
        }
    }
    if (parser)
        icalparser_free(parser);
    if (saved < 0) {
        if (catch)
            fclose(catch);
        free(said);
        return root;
    }
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    rewind(catch);
    char text[512];
    size_t k = 0;
    for (long at = 0; fgets(text, sizeof text, catch); at = ftell(catch)) {
        while (k + 1 < nsaid && said[k + 1].at <= at)
            k++;
        int where = k < nsaid ? said[k].line : 0;
        text[strcspn(text, "\n")] = '\0';
        /* "path/icalparser.c:786: message": the message alone. */
        const char *msg = text;
        const char *src = strstr(text, ".c:");
        if (src && (src = strstr(src + 3, ": ")))
            msg = src + 2;
        if (!*msg)
            continue;
        char *safe = text_sanitize(msg, false);
        if (where > 0)
            strlist_pushf(&im->sum->messages,
                          _("%s:%d: warning: the calendar is malformed: %s"),
                          im->name, where, safe);
        else
            strlist_pushf(&im->sum->messages,
                          _("%s: warning: the calendar is malformed: %s"),
                          im->name, safe);
        free(safe);
    }
    fclose(catch);
    free(said);
    return root;
}

enum store_status io_ical_import(struct io_import *im, char *data, size_t len)
{
    (void)len;
    icalerror_set_errors_are_fatal(0);
    if (strncasecmp(data + strspn(data, " \t\r\n"), "BEGIN:", 6) != 0)
        return store_fail(im->st, STORE_INVALID,
                          _("%s:1: not an iCalendar file (expected BEGIN:VCALENDAR)"),
                          im->name);
    if (!text_is_utf8(data))
        return store_fail(im->st, STORE_INVALID,
                          _("%s: not valid UTF-8; nothing was imported"),
                          im->name);
    struct lines l = { 0 };
    find_lines(data, &l);
    icalcomponent *root = parse_quietly(im, data);
    if (!root) {
        free(l.at);
        icalerror_clear_errno();
        return store_fail(im->st, STORE_INVALID,
                          _("%s: not a readable iCalendar file"), im->name);
    }
    visit(im, root, &l);
    icalcomponent_free(root);
    free(l.at);
    icalerror_clear_errno();
    if (im->task_count == 0 && im->sum->rejected == 0 && l.len == 0)
        return store_fail(im->st, STORE_INVALID,
                          _("%s: no VTODO or VEVENT items found"), im->name);
    return STORE_OK;
}

/* ---- writing -------------------------------------------------------------- */

static bool same_series(const struct followup *a, const struct followup *b)
{
    return a->every.count == b->every.count && a->every.unit == b->every.unit
           && a->text && b->text && strcmp(a->text, b->text) == 0;
}

/* Completing a recurring follow-up stores its next occurrence as a new
 * row, so a row's id would give every occurrence another UID: a calendar
 * would keep the old one open beside the new. What stays is the contact,
 * the text and the recurrence; the first row with them names the series
 * for as long as it lasts. Two open series alike would share that name,
 * so then each keeps its own. */
static enum store_status series_of(struct io_export *ex,
                                   const struct followup *f, int64_t *id,
                                   int64_t *created)
{
    *id = f->id;
    *created = f->created;
    if (f->every.count == 0)
        return STORE_OK;
    struct followup_filter filter = { .contact_id = f->contact_id,
                                      .include_archived = true };
    struct followup_cursor cur;
    cursor_followups(&cur, ex->st, &filter);
    int64_t first = f->id, first_created = f->created;
    int open = 0;
    for (const struct followup *g; (g = cursor_next_followup(&cur)); ) {
        if (!same_series(f, g))
            continue;
        if (g->state == FOLLOWUP_OPEN)
            open++;
        if (g->id < first) {
            first = g->id;
            first_created = g->created;
        }
    }
    enum store_status rc = cursor_close_followups(&cur);
    if (rc == STORE_OK && open <= 1) {
        *id = first;
        *created = first_created;
    }
    return rc;
}

/* Stable: the same follow-up keeps its UID in every export, so a
 * calendar updates the item instead of adding another, and an import
 * recognises it (merge_followups.c). One imported from a calendar goes
 * back with the UID it came with. */
enum store_status io_ical_uid(struct io_export *ex, const struct followup *f,
                              char *buf, size_t size)
{
    if (f->uid) {
        snprintf(buf, size, "%s", f->uid);
        return STORE_OK;
    }
    int64_t series_id, series_created;
    enum store_status rc = series_of(ex, f, &series_id, &series_created);
    if (rc == STORE_OK)
        io_followup_uid(series_id, series_created, buf, size);
    return rc;
}

static enum store_status put_todo(struct io_export *ex,
                                  const struct followup *f)
{
    icalcomponent *todo = icalcomponent_new(ICAL_VTODO_COMPONENT);
    if (!todo)
        return store_fail(ex->st, STORE_FAILED, _("out of memory"));
    char uid[256];
    enum store_status got = io_ical_uid(ex, f, uid, sizeof uid);
    if (got != STORE_OK) {
        icalcomponent_free(todo);
        return got;
    }
    icalcomponent_add_property(todo, icalproperty_new_uid(uid));
    icaltimezone *utc = icaltimezone_get_utc_timezone();
    icalcomponent_add_property(todo, icalproperty_new_dtstamp(
        icaltime_from_timet_with_zone(f->created, 0, utc)));
    struct icaltimetype due = icaltime_null_date();
    due.year = f->due.year;
    due.month = f->due.month;
    due.day = f->due.day;
    if (f->due_minutes >= 0) {
        due.is_date = 0;
        due.hour = f->due_minutes / 60;
        due.minute = f->due_minutes % 60;
        due.second = 0;
    }
    icalcomponent_add_property(todo, icalproperty_new_due(due));
    if (date_is_set(f->snoozed_until)) {
        char day[16];
        snprintf(day, sizeof day, "%04d%02d%02d", f->snoozed_until.year,
                 f->snoozed_until.month, f->snoozed_until.day);
        icalproperty *snooze = icalproperty_new_x(day);
        icalproperty_set_x_name(snooze, SNOOZE_PROPERTY);
        icalcomponent_add_property(todo, snooze);
    }
    struct io_buf summary = { 0 };
    io_buf_adds(&summary, f->contact_name ? f->contact_name : "");
    io_buf_adds(&summary, ": ");
    io_buf_adds(&summary, f->text ? f->text : "");
    if (!summary.failed)
        icalcomponent_add_property(todo, icalproperty_new_summary(summary.s));
    io_buf_free(&summary);
    if (f->text && *f->text)
        icalcomponent_add_property(todo, icalproperty_new_description(f->text));
    icalcomponent_add_property(todo, icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
    struct contact c = { 0 };
    if (store_contact_get(ex->st, f->contact_id, &c) == STORE_OK
        && c.emails.len > 0) {
        struct io_buf to = { 0 };
        io_buf_adds(&to, "mailto:");
        io_buf_adds(&to, c.emails.items[0]);
        icalproperty *a = icalproperty_new_attendee(to.s ? to.s : "");
        if (c.name)
            icalproperty_add_parameter(a, icalparameter_new_cn(c.name));
        icalcomponent_add_property(todo, a);
        io_buf_free(&to);
    }
    contact_clear(&c);
    if (f->every.count > 0) {
        struct icalrecurrencetype r;
        icalrecurrencetype_clear(&r);
        r.freq = f->every.unit == 'd' ? ICAL_DAILY_RECURRENCE
                 : f->every.unit == 'w' ? ICAL_WEEKLY_RECURRENCE
                 : ICAL_MONTHLY_RECURRENCE;
        r.interval = (short)f->every.count;
        icalcomponent_add_property(todo, icalproperty_new_rrule(r));
    }
    /* libical folds at 75 octets and ends lines with CRLF. */
    char *text = icalcomponent_as_ical_string_r(todo);
    if (text)
        fputs(text, ex->out);
    free(text);
    icalcomponent_free(todo);
    return STORE_OK;
}

#define CALENDAR_BEGIN "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rapport//rapport " \
    PACKAGE_VERSION "//EN\r\nCALSCALE:GREGORIAN\r\n"
#define CALENDAR_END "END:VCALENDAR\r\n"

enum store_status io_ical_put_calendar(struct io_export *ex,
                                       const struct followup *f)
{
    icalerror_set_errors_are_fatal(0);
    fputs(CALENDAR_BEGIN, ex->out);
    enum store_status rc = put_todo(ex, f);
    fputs(CALENDAR_END, ex->out);
    return rc;
}

enum store_status io_ical_export(struct io_export *ex)
{
    icalerror_set_errors_are_fatal(0);
    fputs(CALENDAR_BEGIN, ex->out);
    struct followup_filter filter = { .open_only = true };
    struct followup_cursor cur;
    cursor_followups(&cur, ex->st, &filter);
    enum store_status rc = STORE_OK;
    for (const struct followup *f;
         rc == STORE_OK && (f = cursor_next_followup(&cur)); ) {
        rc = put_todo(ex, f);
        if (rc == STORE_OK)
            ex->sum->written++;
    }
    enum store_status read = cursor_close_followups(&cur);
    fputs(CALENDAR_END, ex->out);
    return rc != STORE_OK ? rc : read;
}
