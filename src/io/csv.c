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
#include "io/format.h"
#include "core/stage.h"
#include "base/text.h"
#include "store/contact.h"

enum field {
    F_NONE = 0,
    F_NAME, F_FIRST, F_MIDDLE, F_LAST, F_PREFIX, F_SUFFIX,
    F_ORG, F_TITLE, F_DEPT, F_EMAIL, F_PHONE, F_NOTES, F_TAGS,
    F_STAGE, F_ROLES, F_PROJECTS, F_GOALS, F_CHANNEL, F_CADENCE,
    F_ARCHIVED, F_UID,
};

struct rule {
    const char *pattern;   /* fnmatch pattern over the header, any case */
    enum field field;
};

struct layout {
    const char *name;
    /* Every entry must be a header of the file; "A|B" is either. */
    const char *const *needs;
    const struct rule *rules;
    const char *list_seps; /* what separates values in one cell */
    const char *email_seps;
};

/* rapport's own layout, as the export writes it (csv_write.c). A file
 * written before a column was added imports all the same: columns are
 * found by their header. Organisation was once spelt Organization. A
 * cell of Phones holds "kind:number". */
static const struct rule rapport_rules[] = {
    { "Name", F_NAME }, { "Organi[sz]ation", F_ORG },
    { "Department", F_DEPT }, { "Title", F_TITLE },
    { "Stage", F_STAGE }, { "Roles", F_ROLES }, { "Emails", F_EMAIL },
    { "Phones", F_PHONE }, { "Tags", F_TAGS }, { "Projects", F_PROJECTS },
    { "Goals", F_GOALS }, { "Channel", F_CHANNEL }, { "Cadence", F_CADENCE },
    { "Archived", F_ARCHIVED }, { "UID", F_UID }, { "Notes", F_NOTES },
    { NULL, F_NONE },
};
static const char *const rapport_needs[] = { "Name", "Stage", "Emails", NULL };

static const struct rule google_rules[] = {
    { "First Name", F_FIRST }, { "Middle Name", F_MIDDLE },
    { "Last Name", F_LAST }, { "Name Prefix", F_PREFIX },
    { "Name Suffix", F_SUFFIX }, { "Organization Name", F_ORG },
    { "Organization Title", F_TITLE },
    { "Organization Department", F_DEPT }, { "Notes", F_NOTES },
    { "Labels", F_TAGS }, { "E-mail * - Value", F_EMAIL },
    { "Phone * - Value", F_PHONE },
    { NULL, F_NONE },
};
static const char *const google_needs[] = {
    "First Name",
    "Labels|E-mail 1 - Value|Organization Name|Phone 1 - Value", NULL,
};

static const struct rule google_old_rules[] = {
    { "Name", F_NAME }, { "Given Name", F_FIRST },
    { "Additional Name", F_MIDDLE }, { "Family Name", F_LAST },
    { "Name Prefix", F_PREFIX }, { "Name Suffix", F_SUFFIX },
    { "Notes", F_NOTES }, { "Group Membership", F_TAGS },
    { "E-mail * - Value", F_EMAIL }, { "Phone * - Value", F_PHONE },
    { "Organization 1 - Name", F_ORG }, { "Organization 1 - Title", F_TITLE },
    { "Organization 1 - Department", F_DEPT },
    { NULL, F_NONE },
};
static const char *const google_old_needs[] = { "Name", "Given Name", NULL };

static const struct rule outlook_rules[] = {
    { "First Name", F_FIRST }, { "Middle Name", F_MIDDLE },
    { "Last Name", F_LAST }, { "Title", F_PREFIX }, { "Suffix", F_SUFFIX },
    { "Company", F_ORG }, { "Department", F_DEPT }, { "Job Title", F_TITLE },
    { "Notes", F_NOTES }, { "Categories", F_TAGS },
    { "E-mail Address", F_EMAIL }, { "E-mail ? Address", F_EMAIL },
    /* The header names the number's kind: Mobile Phone, Home Fax. */
    { "*Fax*", F_PHONE }, { "*Phone*", F_PHONE }, { "Pager", F_PHONE },
    { NULL, F_NONE },
};
static const char *const outlook_needs[] = {
    "First Name", "E-mail Address|Company|Job Title|Mobile Phone", NULL,
};

static const struct layout layouts[] = {
    { "rapport", rapport_needs, rapport_rules, " ::: ", " ::: " },
    { "Google Contacts", google_needs, google_rules, " ::: ", " ::: " },
    { "Google Contacts (older layout)", google_old_needs, google_old_rules,
      " ::: ", " ::: " },
    { "Outlook", outlook_needs, outlook_rules, ";", ";" },
};

/* abook's "csv" output has no header: name, emails (comma-separated),
 * phone, notes, nickname. */
static const enum field abook_columns[] = {
    F_NAME, F_EMAIL, F_PHONE, F_NOTES, F_NONE,
};

/* --map's field names. */
static const struct {
    const char *name;
    enum field field;
} map_fields[] = {
    { "name", F_NAME }, { "first", F_FIRST }, { "middle", F_MIDDLE },
    { "last", F_LAST }, { "email", F_EMAIL }, { "phone", F_PHONE },
    { "org", F_ORG }, { "organisation", F_ORG }, { "organization", F_ORG },
    { "title", F_TITLE },
    { "department", F_DEPT }, { "notes", F_NOTES }, { "note", F_NOTES },
    { "tags", F_TAGS }, { "uid", F_UID }, { "stage", F_STAGE },
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
};

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
        } else if (c == ',') {
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

static bool header_has(const struct row *header, const char *alternatives)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", alternatives);
    char *save = NULL;
    for (char *alt = strtok_r(buf, "|", &save); alt;
         alt = strtok_r(NULL, "|", &save))
        for (size_t i = 0; i < header->len; i++)
            if (strcasecmp(text_trim(header->cells[i]), alt) == 0)
                return true;
    return false;
}

static const struct layout *find_layout(const struct row *header)
{
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++) {
        bool all = true;
        for (const char *const *need = layouts[i].needs; *need && all; need++)
            all = header_has(header, *need);
        if (all)
            return &layouts[i];
    }
    return NULL;
}

static enum field field_of(const struct layout *l, const char *header)
{
    for (const struct rule *r = l->rules; r->pattern; r++)
        if (fnmatch(r->pattern, header, FNM_CASEFOLD) == 0)
            return r->field;
    return F_NONE;
}

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
        enum field f = F_NONE;
        for (size_t i = 0; i < sizeof map_fields / sizeof map_fields[0]; i++)
            if (strcasecmp(key, map_fields[i].name) == 0)
                f = map_fields[i].field;
        if (f == F_NONE) {
            store_fail(im->st, STORE_INVALID,
                       _("--map: unknown field \"%s\" (expected name, first, middle, last, email, phone, org, title, department, notes, tags, uid or stage)"),
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
static const char *phone_kind_of(const struct row *header,
                                 const struct row *row, size_t i, bool own)
{
    const char *h = header->cells[i];
    size_t n = strlen(h);
    static const char value[] = " - Value";
    if (n > sizeof value - 1 && strcasecmp(h + n - (sizeof value - 1), value) == 0) {
        size_t stem = n - (sizeof value - 1);
        for (size_t k = 0; k < header->len && k < row->len; k++) {
            const char *l = header->cells[k];
            if (k != i && strncasecmp(l, h, stem) == 0
                && (strcasecmp(l + stem, " - Label") == 0
                    || strcasecmp(l + stem, " - Type") == 0))
                return phone_kind_guess(row->cells[k]);
        }
        return NULL;
    }
    return own ? NULL : phone_kind_guess(h);
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
static void fill_record(struct io_import *im, const struct row *header,
                        const struct row *row, const enum field *columns,
                        const char *list_seps, const char *email_seps,
                        bool system_labels, bool own)
{
    struct io_record *r = io_record_new(im, row->line);
    if (!r)
        return;
    struct parts pt = { 0 };
    for (size_t i = 0; i < row->len && i < header->len; i++) {
        char *v = row->cells[i];
        const char *h = header->cells[i];
        if (columns[i] == F_NONE)
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
        case F_UID: io_set(&r->uid, v); break;
        case F_STAGE: {
            int s = stage_parse(v);
            if (s == STAGE_NONE) {
                char *safe = text_sanitize(v, false);
                io_reject(im, row->line,
                          _("column \"%s\": unknown stage \"%s\" (expected end-user, customer or client)"),
                          h, safe);
                free(safe);
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
        case F_NONE:
            break;
        }
    }
    /* A row without a name is named when it is applied
     * (io_record_settle), or rejected when nothing identifies anyone. */
    name_from_parts(r, &pt);
}

enum store_status io_csv_import(struct io_import *im, char *data, size_t len)
{
    struct reader rd = { .p = data, .end = data + len, .line = 1 };
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
    const struct layout *layout = im->map ? NULL : find_layout(&header);
    bool headerless = false;
    if (!columns) {
        rc = store_fail(im->st, STORE_FAILED, _("out of memory"));
    } else if (im->map) {
        if (apply_map(im, im->map, &header, columns) != 0)
            rc = STORE_INVALID;
    } else if (layout) {
        for (size_t i = 0; i < header.len; i++)
            columns[i] = field_of(layout, text_trim(header.cells[i]));
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
    } else {
        char *first = text_sanitize(header.len ? header.cells[0] : "", false);
        rc = store_fail(im->st, STORE_INVALID,
                        _("%s:1: unknown CSV layout (first column \"%s\"); expected rapport's, Google Contacts' or Outlook's header, or name the columns with --map name=COLUMN,email=COLUMN"),
                        im->name, first);
        free(first);
    }
    const char *list_seps = layout ? layout->list_seps : " ::: ";
    const char *email_seps = headerless ? "," : layout ? layout->email_seps
                                                         : " ::: ";
    bool own = layout && layout->rules == rapport_rules;
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
