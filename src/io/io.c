/* Interchange (SPEC §5): the table of formats, reading a file safely and
 * choosing where an export goes; the `import` and `export` commands that
 * use them are cli/import.c and cli/export.c. Writing the export's file
 * safely is output.c's, applying what a parser read merge.c's; the
 * formats themselves live in vcard.c, csv.c, ical.c and json.c. Uses
 * core/ and below. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cursor.h"
#include "base/i18n.h"
#include "io/io.h"
#include "io/format.h"
#include "io/output.h"
#include "base/text.h"
#include "store/contact.h"
#include "store/note.h"

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

/* ---- reading a file ------------------------------------------------------ */

/* The whole file, NUL-terminated, without a UTF-8 byte order mark. Binary
 * files (a NUL byte) and over-long lines are refused here, once, with the
 * line that shows it, so parsers only ever see text. */
static enum store_status read_stream(struct store *st, FILE *f,
                                     const char *name, const char *encoding,
                                     struct strlist *messages, char **data,
                                     size_t *len)
{
    *data = NULL;
    *len = 0;
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
    rc = io_decode(st, name, encoding, &buf, &n, messages);
    if (rc != STORE_OK)
        return rc;
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

static enum store_status strict_failure(struct io_import *im)
{
    return store_fail(im->st, STORE_INVALID,
                      ngettext("%s: %d record rejected; nothing was imported (--strict)",
                               "%s: %d records rejected; nothing was imported (--strict)",
                               (unsigned long)im->sum->rejected),
                      im->name, im->sum->rejected);
}

enum store_status io_import_stream(struct store *st, FILE *f,
                                   const char *path, int format,
                                   unsigned flags, const char *map,
                                   struct io_summary *summary)
{
    char *name = text_sanitize(strcmp(path, "-") == 0 ? _("standard input")
                               : path, false);
    char *data = NULL;
    size_t len = 0;
    enum store_status rc = read_stream(st, f, name, summary->encoding,
                                       &summary->messages, &data, &len);
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
    for (const char *p = data; (p = memchr(p, '\n', len - (size_t)(p - data))); p++)
        im.lines++;
    rc = io_apply(&im, formats[format].import, data, len);
    free(data);
    if (rc != STORE_OK && (flags & IO_STRICT) && summary->rejected > 0)
        rc = strict_failure(&im);
    io_import_clear(&im);
    free(name);
    return rc;
}

enum store_status io_import_file(struct store *st, const char *path,
                                 int format, unsigned flags, const char *map,
                                 struct io_summary *summary)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        char *name = text_sanitize(path, false);
        enum store_status rc = store_fail(st, STORE_INVALID, _("cannot read %s: %s"),
                                          name, strerror(errno));
        free(name);
        return rc;
    }
    struct stat sb;
    if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        /* A folder is a vdir: a file per contact or per task. */
        if (f != stdin)
            fclose(f);
        return io_import_vdir(st, path, format, flags, summary);
    }
    return io_import_stream(st, f, path, format, flags, map, summary);
}

/* ---- exporting ------------------------------------------------------------ */

enum store_status io_each_contact(struct io_export *ex,
                                  enum store_status (*fn)(struct io_export *,
                                                          const struct contact *))
{
    struct contact_filter filter = { .stage = STAGE_NONE,
                                     .include_archived = true };
    struct contact_cursor cur;
    cursor_contacts(&cur, ex->st, &filter, CONTACT_SORT_NAME);
    enum store_status rc = STORE_OK;
    for (const struct contact *c;
         rc == STORE_OK && (c = cursor_next_contact(&cur)); ) {
        /* A window holds no details: each contact is read with them. */
        struct contact full;
        if (contact_copy(&full, c) != 0)
            rc = store_fail(ex->st, STORE_FAILED, _("out of memory"));
        else if ((rc = store_contact_read_details(ex->st, &full)) == STORE_OK)
            rc = fn(ex, &full);
        if (rc == STORE_OK)
            ex->sum->written++;
        contact_clear(&full);
    }
    enum store_status read = cursor_close_contacts(&cur);
    return rc != STORE_OK ? rc : read;
}

enum store_status io_each_note(struct io_export *ex, int64_t contact_id,
                               enum store_status (*fn)(struct io_export *,
                                                       const struct note *,
                                                       void *),
                               void *arg)
{
    struct note_cursor cur;
    cursor_notes(&cur, ex->st, contact_id);
    enum store_status rc = STORE_OK;
    for (const struct note *n; rc == STORE_OK && (n = cursor_next_note(&cur)); )
        rc = fn(ex, n, arg);
    enum store_status read = cursor_close_notes(&cur);
    return rc != STORE_OK ? rc : read;
}

static enum store_status export_with(struct store *st, const char *path,
                                     int format, int vcard_version,
                                     struct io_summary *summary)
{
    /* /dev/stdout is the output the process was given, written as it is
     * (appending when the shell opened it for >>), not opened afresh. */
    bool to_stdout = !path || strcmp(path, "-") == 0
                     || strcmp(path, "/dev/stdout") == 0;
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
    if (to_stdout) {
        /* On a terminal the export is sanitised (SPEC §8: an older
         * database may hold control characters); to a file or a pipe
         * it goes out exactly. */
        ex.out = isatty(STDOUT_FILENO) ? text_terminal_stream(stdout) : stdout;
        if (!ex.out)
            return store_fail(st, STORE_FAILED, _("out of memory"));
        enum store_status rc = formats[format].export(&ex);
        if (ex.out != stdout && fclose(ex.out) != 0 && rc == STORE_OK)
            rc = io_output_fail(st, _("standard output"), errno);
        if (rc == STORE_OK && (fflush(stdout) != 0 || ferror(stdout)))
            rc = io_output_fail(st, _("standard output"), errno);
        return rc;
    }
    struct io_output o;
    enum store_status rc = io_output_open(st, path, &o);
    if (rc != STORE_OK)
        return rc;
    ex.out = o.out;
    rc = formats[format].export(&ex);
    return io_output_close(st, path, &o, rc);
}

enum store_status io_export_file(struct store *st, const char *path,
                                 int format, int vcard_version,
                                 struct io_summary *summary)
{
    return export_with(st, path, format, vcard_version, summary);
}
