/* CSV (RFC 4180) read: rapport's own layout (csv_write.c writes it), and
 * recognising by their headers the layouts Google Contacts (today's and
 * the older one), Outlook and abook write, or any header mapped with
 * --map. Each layout is a row of one table: the headers that identify it
 * and which column feeds which field. Uses core/ and below. */
#include <config.h>

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/contact.h"
#include "base/i18n.h"
#include "io/csv_layout.h"
#include "io/csv_place.h"
#include "io/format.h"
#include "core/stage.h"
#include "base/text.h"
#include "store/contact.h"

/* abook's "csv" output has no header: name, emails (comma-separated),
 * phone, notes, nickname. */
static const enum field abook_columns[] = {
    F_NAME, F_EMAIL, F_PHONE, F_NOTES, F_NONE,
};

/* ---- reading records ---------------------------------------------------- */

struct row {
    char **cells;
    size_t len, cap;
    int line;              /* where the record starts */
};

static void row_clear(struct row *r)
{
    for (size_t i = 0; i < r->len; i++)
        free(r->cells[i]);
    r->len = 0;
}

static int row_push(struct row *r, struct io_buf *cell)
{
    if (r->len == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        char **cells = realloc(r->cells, cap * sizeof *cells);
        if (!cells)
            return -1;
        r->cells = cells;
        r->cap = cap;
    }
    r->cells[r->len] = strdup(cell->s ? cell->s : "");
    if (!r->cells[r->len])
        return -1;
    r->len++;
    io_buf_reset(cell);
    return 0;
}

struct reader {
    const char *p, *end;
    int line;
    char sep;              /* between fields: ',', or what the header uses */
};

/* The separator of the header line: a comma, else a semicolon (what
 * spreadsheets and mail programs write where the comma is the decimal
 * sign: The Bat!, Outlook in German or French), else a tab. */
static char header_separator(const char *p, const char *end)
{
    size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (; p < end && (quoted || *p != '\n'); p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && *p == ',')
            commas++;
        else if (!quoted && *p == ';')
            semicolons++;
        else if (!quoted && *p == '\t')
            tabs++;
    }
    return commas ? ',' : semicolons ? ';' : tabs ? '\t' : ',';
}

/* Reads one record (RFC 4180 §2: quoted fields may hold commas, quotes
 * doubled, and line breaks). Returns 1 for a record, 0 at the end, -1
 * for a quote never closed (the rest of the file is that field), -2 out
 * of memory. */
static int read_row(struct reader *rd, struct row *row)
{
    row_clear(row);
    if (rd->p >= rd->end)
        return 0;
    row->line = rd->line;
    struct io_buf cell = { 0 };
    io_buf_add(&cell, "", 0);
    bool quoted = false, was_quoted = false;
    int result = 1;
    for (;;) {
        if (rd->p >= rd->end) {
            if (quoted)
                result = -1;
            break;
        }
        char c = *rd->p++;
        if (quoted) {
            if (c == '"') {
                if (rd->p < rd->end && *rd->p == '"') {
                    io_buf_addc(&cell, '"');
                    rd->p++;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    rd->line++;
                if (!(c == '\r' && rd->p < rd->end && *rd->p == '\n'))
                    io_buf_addc(&cell, c);
            }
        } else if (c == '"' && !was_quoted && cell.len == 0) {
            quoted = was_quoted = true;
        } else if (c == rd->sep) {
            if (row_push(row, &cell) != 0)
                result = -2;
            was_quoted = false;
        } else if (c == '\n') {
            rd->line++;
            break;
        } else if (c != '\r' || (rd->p < rd->end && *rd->p != '\n')) {
            io_buf_addc(&cell, c);
        }
    }
    if (result == 1 && (cell.failed || row_push(row, &cell) != 0))
        result = -2;
    io_buf_free(&cell);
    return result;
}

static bool row_blank(const struct row *row)
{
    for (size_t i = 0; i < row->len; i++) {
        for (const char *s = row->cells[i]; *s; s++)
            if (*s != ' ' && *s != '\t')
                return false;
    }
    return true;
}

static bool row_valid_utf8(const struct row *row)
{
    for (size_t i = 0; i < row->len; i++)
        if (!text_is_utf8(row->cells[i]))
            return false;
    return true;
}

/* ---- mapping columns ------------------------------------------------------ */

/* --map name=Full Name,email=Mail: fills columns[] from the header.
 * Returns 0, or -1 with a message. */
static int apply_map(struct io_import *im, const char *spec,
                     const struct row *header, enum field *columns)
{
    char *copy = strdup(spec);
    if (!copy)
        return -1;
    char *save = NULL;
    int rc = 0;
    for (char *item = strtok_r(copy, ",", &save); item && rc == 0;
         item = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(item, '=');
        if (!eq) {
            store_fail(im->st, STORE_INVALID,
                       _("--map: \"%s\" is not FIELD=COLUMN (for example name=Full Name)"),
                       item);
            rc = -1;
            break;
        }
        *eq = '\0';
        char *key = text_trim(item), *column = text_trim(eq + 1);
        enum field f = csv_map_field(key);
        if (f == F_NONE) {
            store_fail(im->st, STORE_INVALID,
                       _("--map: unknown field \"%s\" (expected name, first, middle, last, email, phone, org, title, department, notes, tags, uid, stage, address, street, city, region, postcode, country, pobox or url)"),
                       key);
            rc = -1;
            break;
        }
        bool found = false;
        for (size_t i = 0; i < header->len; i++)
            if (strcasecmp(text_trim(header->cells[i]), column) == 0) {
                columns[i] = f;
                found = true;
            }
        if (!found) {
            char *safe = text_sanitize(column, false);
            store_fail(im->st, STORE_INVALID,
                       _("%s:%d: --map: no column \"%s\" in the header"),
                       im->name, header->line, safe);
            free(safe);
            rc = -1;
        }
    }
    free(copy);
    return rc;
}

/* ---- turning a row into a contact ------------------------------------------ */

/* Calls fn for each value of a cell (" ::: ", or ";" or "," when seps is
 * just that). */
static void each_value(const char *cell, const char *seps,
                       void (*fn)(char *value, void *arg), void *arg)
{
    /* Splits on any of the separators in seps; " ::: " counts as one. */
    char *copy = strdup(cell);
    if (!copy)
        return;
    char *p = copy;
    while (p) {
        char *next = NULL;
        char *cut = NULL;
        if (strstr(seps, ":::"))
            cut = strstr(p, " ::: ");
        if (cut) {
            *cut = '\0';
            next = cut + 5;
        } else if (strcmp(seps, ";") == 0 && (cut = strchr(p, ';'))) {
            *cut = '\0';
            next = cut + 1;
        } else if (strcmp(seps, ",") == 0 && (cut = strchr(p, ','))) {
            *cut = '\0';
            next = cut + 1;
        }
        fn(text_trim(p), arg);
        p = next;
    }
    free(copy);
}

/* Where a cell's values go, and where they came from: a list is full
 * at CONTACT_LIST_MAX, and what is dropped is named by row and column. */
struct values {
    struct io_import *im;
    struct io_record *r;
    enum io_list list;
    int line;
    const char *column;
    bool system_labels;
};

static void add_value(char *v, void *arg)
{
    struct values *to = arg;
    /* Google's own groups ("* myContacts", "* starred") are not tags. */
    bool skip = to->system_labels && v[0] == '*' && v[1] == ' ';
    if (skip)
        return;
    if (to->list == IO_EMAILS)
        io_record_add_email(to->r, to->line, to->column, v);
    else if (*v)
        io_record_add_tag(to->im, to->r, to->line, to->column, v);
}

struct phones {
    struct io_record *r;
    int line;
    const char *column;
    const char *kind;      /* of every number in the cell, or NULL */
    bool own;              /* rapport's layout: "kind:number" */
};

static void add_phone(char *v, void *arg)
{
    struct phones *to = arg;
    char *number = NULL;
    const char *kind = to->kind;
    /* A prefix naming no kind is part of the number, as it was typed. */
    if (to->own && phone_parse(v, &number, &kind) != 0)
        kind = NULL;
    const char *n = number ? number : v;
    struct phone_list *into = &to->r->c.phones;
    if (*n && (phone_list_find(into, n) >= 0
               || !io_record_full(to->r, IO_PHONES, to->line, to->column)))
        phone_list_merge(into, n, kind);
    free(number);
}

/* The kind of the numbers under header i: Google's "Phone 1 - Value" has
 * its label in "Phone 1 - Label" (today's layout) or "Phone 1 - Type"
 * (the older one); Outlook's "Mobile Phone" names it itself. */
/* Google's label of the value under header i ("Phone 1 - Value" has
 * its label in "Phone 1 - Label" or "Phone 1 - Type"): the row's cell
 * of that column, "" when it has none, NULL when the header is no
 * "... - Value". */
static const char *sibling_label(const struct row *header,
                                 const struct row *row, size_t i)
{
    const char *h = header->cells[i];
    size_t n = strlen(h);
    static const char value[] = " - Value";
    if (n <= sizeof value - 1 || strcasecmp(h + n - (sizeof value - 1), value) != 0)
        return NULL;
    size_t stem = n - (sizeof value - 1);
    for (size_t k = 0; k < header->len && k < row->len; k++) {
        const char *l = header->cells[k];
        if (k != i && strncasecmp(l, h, stem) == 0
            && (strcasecmp(l + stem, " - Label") == 0
                || strcasecmp(l + stem, " - Type") == 0))
            return row->cells[k];
    }
    return "";
}

static const char *phone_kind_of(const struct row *header,
                                 const struct row *row, size_t i, bool own)
{
    const char *label = sibling_label(header, row, i);
    if (label)
        return phone_kind_guess(label);
    return own ? NULL : phone_kind_guess(header->cells[i]);
}

/* Where a cell of rapport's own Addresses, Web pages or Properties
 * column goes. */
struct own_values {
    struct io_record *r;
    int line;
    const char *column;
    enum field field;
};

static void add_own_value(char *v, void *arg)
{
    struct own_values *to = arg;
    if (!*v)
        return;
    if (to->field == F_URL) {
        csv_add_url(to->r, to->line, to->column, v, NULL, true);
    } else if (to->field == F_EXTRA) {
        if (!strlist_contains(&to->r->c.extras, v)
            && !io_record_full(to->r, IO_EXTRAS, to->line, to->column))
            strlist_push(&to->r->c.extras, v);
    } else {
        struct address a;
        if (address_parse(v, &a) != 0)
            return;
        if (!address_empty(&a) && address_list_find(&to->r->c.addresses, &a) < 0
            && !io_record_full(to->r, IO_ADDRESSES, to->line, to->column))
            address_list_push(&to->r->c.addresses, &a);
        address_clear(&a);
    }
}

struct parts {
    const char *name, *first, *middle, *last, *prefix, *suffix;
    const char *name_header, *first_header, *last_header;
};

static void join(struct io_buf *b, const char *w)
{
    if (!w || !*w)
        return;
    if (b->len)
        io_buf_addc(b, ' ');
    io_buf_adds(b, w);
}

/* The whole name: its own column, else its parts joined. */
static void name_from_parts(struct io_record *r, const struct parts *pt)
{
    if (pt->name) {
        io_set(&r->c.name, pt->name);
    } else {
        struct io_buf b = { 0 };
        join(&b, pt->prefix);
        join(&b, pt->first);
        join(&b, pt->middle);
        join(&b, pt->last);
        join(&b, pt->suffix);
        io_set(&r->c.name, b.s);
        io_buf_free(&b);
    }
}

/* own: the file is in rapport's own layout, whose Notes cell holds all
 * of a contact's notes (csv_write.c's cell_notes). */
/* A cell of digits alone as a number below 10000; 0 for anything else. */
static int small_number(const char *v)
{
    size_t n = strspn(v, "0123456789");
    if (n == 0 || n > 4 || v[n])
        return 0;
    return (int)strtol(v, NULL, 10);
}

/* A birthday, anniversary or nickname column, kept as the card
 * property a vCard export gives back: a date as it is when ISO 8601
 * ("1980-04-02"), else as text (Outlook's "1/5/1970" is month first or
 * day first by the system's language); Outlook's "0/0/00" is no date. */
static void add_kept(struct io_record *r, int line, const char *column,
                     enum field f, const char *v)
{
    if (f != F_NICKNAME && strspn(v, "0/.-") == strlen(v))
        return;
    bool iso = strlen(v) == 10 && v[4] == '-' && v[7] == '-'
               && strspn(v, "0123456789-") == 10;
    struct io_buf b = { 0 };
    io_buf_adds(&b, f == F_NICKNAME ? "NICKNAME" : f == F_BDAY ? "BDAY" : "ANNIVERSARY");
    io_buf_adds(&b, f == F_NICKNAME || iso ? ":" : ";VALUE=text:");
    for (const char *c = v; *c; c++) {
        if (*c == '\n' || *c == '\r')
            io_buf_addc(&b, ' ');
        else if (*c == ',' || *c == ';' || *c == '\\') {
            io_buf_addc(&b, '\\');
            io_buf_addc(&b, *c);
        } else {
            io_buf_addc(&b, *c);
        }
    }
    if (!b.failed && !strlist_contains(&r->c.extras, b.s)
        && !io_record_full(r, IO_EXTRAS, line, column))
        strlist_push(&r->c.extras, b.s);
    io_buf_free(&b);
}

static void fill_record(struct io_import *im, const struct row *header,
                        const struct row *row, const enum field *columns,
                        const char *list_seps, const char *email_seps,
                        bool system_labels, bool own)
{
    struct io_record *r = io_record_new(im, row->line);
    if (!r)
        return;
    struct parts pt = { 0 };
    struct csv_places places = { 0 };
    int birth[3] = { 0, 0, 0 };    /* Thunderbird's year, month and day */
    for (size_t i = 0; i < row->len && i < header->len; i++) {
        char *v = row->cells[i];
        const char *h = header->cells[i];
        if (columns[i] == F_NONE || columns[i] == F_KIND
            || columns[i] == F_URL_KIND)
            continue;
        if (columns[i] != F_NOTES && columns[i] != F_PROJECTS
            && columns[i] != F_GOALS)
            text_trim(v);
        if (!*v)
            continue;
        if (!text_is_utf8(v)) {
            char *fixed = (im->flags & IO_STRICT) ? NULL
                          : io_utf8_field(im, row->line, h, v);
            if (!fixed) {
                char *safe = text_sanitize(h, false);
                io_reject(im, row->line,
                          _("column \"%s\" is not valid UTF-8 (save the file as UTF-8)"),
                          safe);
                free(safe);
                csv_places_clear(&places);
                io_record_drop(im);
                return;
            }
            /* The repaired cell is never shorter: it replaces the row's. */
            free(row->cells[i]);
            row->cells[i] = v = fixed;
            h = header->cells[i];   /* abook's first row is the header */
        }
        switch (columns[i]) {
        case F_NAME: pt.name = v; pt.name_header = h; break;
        case F_FIRST: pt.first = v; pt.first_header = h; break;
        case F_MIDDLE: pt.middle = v; break;
        case F_LAST: pt.last = v; pt.last_header = h; break;
        case F_PREFIX: pt.prefix = v; break;
        case F_SUFFIX: pt.suffix = v; break;
        case F_DEPT: io_set(&r->c.department, v); break;
        case F_ORG: io_set(&r->c.org, v); break;
        case F_TITLE: io_set(&r->c.title, v); break;
        case F_EMAIL: {
            struct values to = { im, r, IO_EMAILS, row->line, h, false };
            each_value(v, email_seps, add_value, &to);
            break;
        }
        case F_PHONE: {
            struct phones to = { r, row->line, h,
                                 phone_kind_of(header, row, i, own), own };
            each_value(v, list_seps, add_phone, &to);
            break;
        }
        case F_TAGS: {
            struct values to = { im, r, IO_TAGS, row->line, h, system_labels };
            each_value(v, list_seps, add_value, &to);
            break;
        }
        case F_NOTES:
            if (io_record_add_note(r, "note", 0, v) == 0)
                r->notes[r->note_count - 1].joined = own;
            break;
        case F_PROJECTS: io_set(&r->c.projects, v); break;
        case F_GOALS: io_set(&r->c.goals, v); break;
        case F_CHANNEL: io_set(&r->c.channel, v); break;
        case F_OWNER: io_set(&r->c.owner, text_trim(v)); break;
        case F_UID: io_set(&r->uid, v); break;
        case F_STAGE: {
            int s = stage_parse(v);
            if (s == STAGE_NONE) {
                char *safe = text_sanitize(v, false);
                io_reject(im, row->line,
                          _("column \"%s\": unknown stage \"%s\" (expected end-user, customer or client)"),
                          h, safe);
                free(safe);
                csv_places_clear(&places);
                io_record_drop(im);
                return;
            }
            r->c.stage = (enum stage)s;
            break;
        }
        case F_ROLES: {
            int roles = contact_parse_role(v);
            if (roles > 0)
                r->c.roles = (unsigned)roles;
            break;
        }
        case F_CADENCE: {
            char *end = NULL;
            long days = strtol(v, &end, 10);
            if (end != v && *end == '\0' && days >= -1 && days < 100000)
                r->c.cadence_days = (int)days;
            break;
        }
        case F_ARCHIVED:
            r->c.archived = strcasecmp(v, "yes") == 0 || strcmp(v, "1") == 0;
            break;
        case F_ADR_POBOX: case F_ADR_EXT: case F_ADR_STREET:
        case F_ADR_LOCALITY: case F_ADR_REGION: case F_ADR_CODE:
        case F_ADR_COUNTRY: case F_ADR_KIND: case F_ADR_FORMATTED:
            csv_place_add(&places, h, columns[i], v);
            break;
        case F_URL:
            if (!own) {
                csv_add_url(r, row->line, h, v, sibling_label(header, row, i),
                            false);
                break;
            }
            __attribute__((fallthrough));   /* rapport's own cell holds a list */
        case F_ADDRESS:
        case F_EXTRA: {
            struct own_values to = { r, row->line, h, columns[i] };
            each_value(v, list_seps, add_own_value, &to);
            break;
        }
        case F_BDAY:
        case F_ANNIVERSARY:
        case F_NICKNAME:
            add_kept(r, row->line, h, columns[i], v);
            break;
        case F_BIRTH_YEAR: birth[0] = small_number(v); break;
        case F_BIRTH_MONTH: birth[1] = small_number(v); break;
        case F_BIRTH_DAY: birth[2] = small_number(v); break;
        case F_NONE:
        case F_KIND:
        case F_URL_KIND:
            break;
        }
    }
    csv_places_finish(&places, r, row->line);
    if (birth[0] > 0 && birth[0] < 10000 && birth[1] >= 1 && birth[1] <= 12
        && birth[2] >= 1 && birth[2] <= 31) {
        char day[16];
        snprintf(day, sizeof day, "%04d-%02d-%02d", birth[0], birth[1], birth[2]);
        add_kept(r, row->line, "Birth Year", F_BDAY, day);
    }
    /* A row without a name is named when it is applied
     * (io_record_settle), or rejected when nothing identifies anyone. */
    name_from_parts(r, &pt);
}

/* ---- columns of any other layout ----------------------------------------- */

/* What each column holds, over every row of the file that has the
 * header's length (rd is copied: the rows are read again to import). */
static struct csv_column_stats *scan_columns(const struct reader *rd,
                                             size_t ncols)
{
    struct csv_column_stats *st = calloc(ncols ? ncols : 1, sizeof *st);
    if (!st)
        return NULL;
    struct reader scan = *rd;
    struct row row = { 0 };
    int got;
    while ((got = read_row(&scan, &row)) == 1) {
        if (row.len != ncols)
            continue;
        for (size_t i = 0; i < ncols; i++) {
            char *v = text_trim(row.cells[i]);
            if (!*v)
                continue;
            st[i].filled++;
            if (contact_email_valid(v))
                st[i].emails++;
            else if (csv_looks_like_phone(v))
                st[i].phones++;
        }
    }
    row_clear(&row);
    free(row.cells);
    return st;
}

static bool single_valued(enum field f)
{
    return f != F_EMAIL && f != F_PHONE && f != F_NOTES && f != F_TAGS
           && f != F_NONE && f != F_URL && !csv_is_address_field(f);
}

/* Maps the columns of an unknown header by what they hold; false when
 * none would identify a person (a name, email, phone or organisation).
 * A field that takes one value takes its first column. */
static bool guess_columns(const struct row *header,
                          const struct csv_column_stats *st,
                          enum field *columns)
{
    bool identifies = false;
    for (size_t i = 0; i < header->len; i++) {
        enum field f = csv_guess_field(text_trim(header->cells[i]), &st[i]);
        for (size_t k = 0; k < i && single_valued(f); k++)
            if (columns[k] == f)
                f = F_NONE;
        columns[i] = f;
        if (f == F_NAME || f == F_FIRST || f == F_LAST || f == F_EMAIL
            || f == F_PHONE || f == F_ORG)
            identifies = true;
    }
    return identifies;
}

static void add_header_name(struct io_buf *b, const char *header)
{
    char *safe = text_sanitize(header, false);
    if (b->len)
        io_buf_adds(b, ", ");
    io_buf_addc(b, '"');
    io_buf_adds(b, safe);
    io_buf_addc(b, '"');
    free(safe);
}

/* Says, before anything is imported, how the columns were read: the
 * guessed mapping of an unknown header, and for every layout the
 * columns that hold values and feed nothing (SPEC §5: nothing is
 * dropped without a word). */
static void report_columns(struct io_import *im, const struct row *header,
                           const struct csv_column_stats *st,
                           const enum field *columns, const char *layout,
                           bool guessed)
{
    struct io_buf b = { 0 };
    io_buf_add(&b, "", 0);
    if (guessed) {
        for (size_t i = 0; i < header->len; i++) {
            if (columns[i] == F_NONE)
                continue;
            add_header_name(&b, header->cells[i]);
            io_buf_adds(&b, " → ");
            io_buf_adds(&b, csv_field_key(columns[i]));
        }
        strlist_pushf(&im->sum->messages,
                      _("%s:%d: unknown CSV layout; columns read by what they hold: %s"),
                      im->name, header->line, b.s ? b.s : "");
        io_buf_reset(&b);
    }
    size_t ignored = 0;
    for (size_t i = 0; st && i < header->len; i++) {
        if (columns[i] != F_NONE || st[i].filled == 0)
            continue;
        add_header_name(&b, header->cells[i]);
        ignored++;
    }
    if (ignored > 0 && layout)
        strlist_pushf(&im->sum->messages,
                      ngettext("%s:%d: %s layout: %zu column not kept: %s",
                               "%s:%d: %s layout: %zu columns not kept: %s",
                               (unsigned long)ignored),
                      im->name, header->line, layout, ignored, b.s);
    else if (ignored > 0)
        strlist_pushf(&im->sum->messages,
                      ngettext("%s:%d: %zu column not kept: %s",
                               "%s:%d: %zu columns not kept: %s",
                               (unsigned long)ignored),
                      im->name, header->line, ignored, b.s);
    io_buf_free(&b);
}

enum store_status io_csv_import(struct io_import *im, char *data, size_t len)
{
    struct reader rd = { .p = data, .end = data + len, .line = 1,
                         .sep = header_separator(data, data + len) };
    struct row header = { 0 }, row = { 0 };
    enum store_status rc = STORE_OK;
    int got;
    do {
        got = read_row(&rd, &header);
    } while (got == 1 && row_blank(&header));
    if (got == 0) {
        free(header.cells);
        return store_fail(im->st, STORE_INVALID, _("%s: the file is empty"),
                          im->name);
    }
    if (got < 0) {
        row_clear(&header);
        free(header.cells);
        return store_fail(im->st, STORE_INVALID,
                          _("%s:1: a quote is never closed; nothing was imported"),
                          im->name);
    }
    enum field *columns = calloc(header.len, sizeof *columns);
    const struct layout *layout = im->map ? NULL : csv_find_layout(header.cells, header.len);
    bool headerless = false, guessed = false;
    struct csv_column_stats *stats = NULL;
    if (!columns) {
        rc = store_fail(im->st, STORE_FAILED, _("out of memory"));
    } else if (im->map) {
        if (apply_map(im, im->map, &header, columns) != 0)
            rc = STORE_INVALID;
    } else if (layout) {
        for (size_t i = 0; i < header.len; i++)
            columns[i] = csv_field_of(layout, text_trim(header.cells[i]));
    } else if (!row_valid_utf8(&header)) {
        rc = store_fail(im->st, STORE_INVALID,
                        _("%s:1: the header is not UTF-8 text; is this a CSV file? Save it as UTF-8, or give --format"),
                        im->name);
    } else if (header.len == 5 && *header.cells[0]
               && (!*header.cells[1] || strchr(header.cells[1], '@'))) {
        /* abook writes no header: the first row is a contact. */
        headerless = true;
        for (size_t i = 0; i < 5; i++)
            columns[i] = abook_columns[i];
    } else if ((stats = scan_columns(&rd, header.len)) != NULL
               && guess_columns(&header, stats, columns)) {
        guessed = true;
    } else {
        char *first = text_sanitize(header.len ? header.cells[0] : "", false);
        rc = store_fail(im->st, STORE_INVALID,
                        _("%s:1: unknown CSV layout (first column \"%s\"); no column holds names, emails, phones or organisations; name the columns with --map name=COLUMN,email=COLUMN"),
                        im->name, first);
        free(first);
    }
    if (rc == STORE_OK && !headerless) {
        if (!stats)
            stats = scan_columns(&rd, header.len);
        report_columns(im, &header, stats, columns,
                       layout && !layout->own ? layout->name : NULL, guessed);
    }
    free(stats);
    const char *list_seps = layout ? layout->list_seps : " ::: ";
    /* A guessed email column may hold "a@x.org; b@y.org". */
    const char *email_seps = headerless ? "," : layout ? layout->email_seps
                             : guessed ? ";" : " ::: ";
    bool own = layout && layout->own;
    bool system_labels = layout && !own;
    if (rc == STORE_OK && headerless)
        fill_record(im, &header, &header, columns, list_seps, email_seps,
                    false, false);
    while (rc == STORE_OK && (got = read_row(&rd, &row)) != 0) {
        if (got == -2) {
            rc = store_fail(im->st, STORE_FAILED, _("out of memory"));
        } else if (got == -1) {
            io_reject(im, row.line,
                      _("a quote is never closed: the file is truncated or malformed"));
        } else if (!row_blank(&row)) {
            /* A row of the wrong length has its values under the
             * wrong columns: an unquoted comma adds a field, an
             * unquoted line break cuts one record into two short ones.
             * Either way, guessing would store values in the wrong
             * fields. */
            if (row.len > header.len)
                io_reject(im, row.line,
                          _("%zu fields where the header has %zu (a comma in a value not quoted?)"),
                          row.len, header.len);
            else if (row.len < header.len)
                io_reject(im, row.line,
                          _("%zu fields where the header has %zu (a line break in a value not quoted, or the row cut short?)"),
                          row.len, header.len);
            else
                fill_record(im, &header, &row, columns, list_seps,
                            email_seps, system_labels, own);
        }
    }
    row_clear(&row);
    free(row.cells);
    row_clear(&header);
    free(header.cells);
    free(columns);
    return rc;
}
