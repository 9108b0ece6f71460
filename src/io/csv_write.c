/* CSV (RFC 4180) written: rapport's own layout, which `export` writes
 * and the import reads back (csv.c), and the listing `list --format csv`
 * writes. Both are rows of one writer: a layout is a list of columns,
 * each a header and the one function that writes that field, so the two
 * name a field in the same words (the spec's: "organisation", roles as
 * "user;decision-maker") and cannot drift apart. Uses core/ and below. */
#include <config.h>

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/contact.h"
#include "core/cursor.h"
#include "core/stage.h"
#include "io/format.h"

struct csv_layout;

/* What one row is written from. */
struct row {
    const struct csv_layout *layout;
    struct io_export *ex;      /* the export's, for UIDs and notes; NULL
                                  in a listing */
    const struct contact *c;
};

struct column {
    const char *header;
    /* Writes the field into b; fails only when the store does. */
    enum store_status (*cell)(const struct row *r, size_t field,
                              struct io_buf *b);
    size_t field;              /* for the shared cells: where in struct
                                  contact the field is */
};

struct csv_layout {
    const struct column *columns;
    const char *list_sep;      /* between the values of one cell */
    const char *no;            /* Archived for a contact that is not */
    bool quote_all;            /* every cell quoted, else those that must */
};

/* ---- the cells ----------------------------------------------------------- */

static enum store_status cell_text(const struct row *r, size_t field,
                                   struct io_buf *b)
{
    const char *s = *(char *const *)((const char *)r->c + field);
    io_buf_adds(b, s ? s : "");
    return STORE_OK;
}

static enum store_status cell_list(const struct row *r, size_t field,
                                   struct io_buf *b)
{
    const struct strlist *l =
        (const struct strlist *)((const char *)r->c + field);
    for (size_t i = 0; i < l->len; i++) {
        if (i)
            io_buf_adds(b, r->layout->list_sep);
        io_buf_adds(b, l->items[i]);
    }
    return STORE_OK;
}

static enum store_status cell_id(const struct row *r, size_t field,
                                 struct io_buf *b)
{
    (void)field;
    char id[24];
    snprintf(id, sizeof id, "%" PRId64, r->c->id);
    io_buf_adds(b, id);
    return STORE_OK;
}

static enum store_status cell_stage(const struct row *r, size_t field,
                                    struct io_buf *b)
{
    (void)field;
    io_buf_adds(b, stage_key(r->c->stage));
    return STORE_OK;
}

/* "user", "decision-maker" or "user;decision-maker", in every layout. */
static enum store_status cell_roles(const struct row *r, size_t field,
                                    struct io_buf *b)
{
    (void)field;
    const char *keys[CONTACT_ROLE_COUNT];
    size_t n = contact_role_keys(r->c->roles, keys);
    for (size_t i = 0; i < n; i++) {
        if (i)
            io_buf_addc(b, ';');
        io_buf_adds(b, keys[i]);
    }
    return STORE_OK;
}

/* The numbers alone (a listing: their kinds are the next column). */
static enum store_status cell_numbers(const struct row *r, size_t field,
                                      struct io_buf *b)
{
    (void)field;
    for (size_t i = 0; i < r->c->phones.len; i++) {
        if (i)
            io_buf_adds(b, r->layout->list_sep);
        io_buf_adds(b, r->c->phones.items[i].number);
    }
    return STORE_OK;
}

/* The n-th kind the n-th number's ("" when unknown). */
static enum store_status cell_phone_kinds(const struct row *r, size_t field,
                                          struct io_buf *b)
{
    (void)field;
    for (size_t i = 0; i < r->c->phones.len; i++) {
        if (i)
            io_buf_adds(b, r->layout->list_sep);
        const char *kind = r->c->phones.items[i].kind;
        io_buf_adds(b, kind ? kind : "");
    }
    return STORE_OK;
}

/* "cell:+47 123": each number with its kind, as the import reads it. */
static enum store_status cell_phones(const struct row *r, size_t field,
                                     struct io_buf *b)
{
    (void)field;
    size_t written = 0;
    for (size_t i = 0; i < r->c->phones.len; i++) {
        char *p = phone_format(&r->c->phones.items[i]);
        if (!p)
            continue;
        if (written++)
            io_buf_adds(b, r->layout->list_sep);
        io_buf_adds(b, p);
        free(p);
    }
    return STORE_OK;
}

/* "work:street; place; region; code; country", as the import and
 * --address read it. */
static enum store_status cell_addresses(const struct row *r, size_t field,
                                        struct io_buf *b)
{
    (void)field;
    size_t written = 0;
    for (size_t i = 0; i < r->c->addresses.len; i++) {
        char *a = address_format(&r->c->addresses.items[i]);
        if (!a)
            continue;
        if (written++)
            io_buf_adds(b, r->layout->list_sep);
        io_buf_adds(b, a);
        free(a);
    }
    return STORE_OK;
}

/* "work:https://…", as --url reads it. */
static enum store_status cell_urls(const struct row *r, size_t field,
                                   struct io_buf *b)
{
    (void)field;
    size_t written = 0;
    for (size_t i = 0; i < r->c->urls.len; i++) {
        char *u = url_format(&r->c->urls.items[i]);
        if (!u)
            continue;
        if (written++)
            io_buf_adds(b, r->layout->list_sep);
        io_buf_adds(b, u);
        free(u);
    }
    return STORE_OK;
}

static enum store_status cell_archived(const struct row *r, size_t field,
                                       struct io_buf *b)
{
    (void)field;
    io_buf_adds(b, r->c->archived ? "yes" : r->layout->no);
    return STORE_OK;
}

/* Days, or nothing for the stage's cadence. */
static enum store_status cell_cadence(const struct row *r, size_t field,
                                      struct io_buf *b)
{
    (void)field;
    char days[16] = "";
    if (r->c->cadence_days != -1)
        snprintf(days, sizeof days, "%d", r->c->cadence_days);
    io_buf_adds(b, days);
    return STORE_OK;
}

/* A moment in local time to the minute; nothing for "never". */
static enum store_status cell_moment(const struct row *r, size_t field,
                                     struct io_buf *b)
{
    time_t t = *(const time_t *)((const char *)r->c + field);
    char when[32] = "";
    if (t > 0)
        date_format_moment(t, when, sizeof when);
    io_buf_adds(b, when);
    return STORE_OK;
}

static enum store_status cell_next_due(const struct row *r, size_t field,
                                       struct io_buf *b)
{
    (void)field;
    char due[11];
    date_format_iso(r->c->next_due, due);
    io_buf_adds(b, due);
    return STORE_OK;
}

static enum store_status cell_uid(const struct row *r, size_t field,
                                  struct io_buf *b)
{
    (void)field;
    char *uid = NULL;
    enum store_status rc = store_contact_get_uid(r->ex->st, r->c->id, &uid);
    if (rc != STORE_OK && rc != STORE_NOT_FOUND)
        return rc;
    char made[64];
    if (!uid)
        io_contact_uid(r->c, made, sizeof made);
    io_buf_adds(b, uid ? uid : made);
    free(uid);
    return STORE_OK;
}

/* The notes, oldest last as the contact screen shows them, in one cell,
 * a blank line between them: a spreadsheet has no better place for
 * them. Importing the file again recognises them (io/merge.c's
 * new_parts). */
static enum store_status cell_notes(const struct row *r, size_t field,
                                    struct io_buf *b)
{
    (void)field;
    struct note_cursor cur;
    cursor_notes(&cur, r->ex->st, r->c->id);
    bool first = true;
    for (const struct note *n; (n = cursor_next_note(&cur)); first = false) {
        if (!first)
            io_buf_adds(b, "\n\n");
        io_buf_adds(b, n->body);
    }
    return cursor_close_notes(&cur);
}

/* ---- the layouts --------------------------------------------------------- */

#define FIELD(name) offsetof(struct contact, name)

/* rapport's own layout: the import (csv.c's rapport_rules) finds these
 * columns by their headers, also in files written before a column was
 * added. A cell of Phones holds "kind:number". */
static const struct column export_columns[] = {
    { "Name", cell_text, FIELD(name) },
    { "Organisation", cell_text, FIELD(org) },
    { "Department", cell_text, FIELD(department) },
    { "Title", cell_text, FIELD(title) },
    { "Stage", cell_stage, 0 },
    { "Roles", cell_roles, 0 },
    { "Emails", cell_list, FIELD(emails) },
    { "Phones", cell_phones, 0 },
    { "Tags", cell_list, FIELD(tags) },
    { "Projects", cell_text, FIELD(projects) },
    { "Goals", cell_text, FIELD(goals) },
    { "Channel", cell_text, FIELD(channel) },
    { "Cadence", cell_cadence, 0 },
    { "Archived", cell_archived, 0 },
    { "UID", cell_uid, 0 },
    { "Addresses", cell_addresses, 0 },
    { "Web pages", cell_urls, 0 },
    /* The other properties of the card a contact came from, each the
     * vCard line it was, so a CSV round trip keeps them too. */
    { "Properties", cell_list, FIELD(extras) },
    { "Notes", cell_notes, 0 },
    { "Owner", cell_text, FIELD(owner) },
    { NULL, NULL, 0 },
};

/* RFC 4180 §2 lets every field be quoted; address books quote them all
 * and split lists at " ::: ", as Google's export does. */
static const struct csv_layout export_layout = {
    export_columns, " ::: ", "", true,
};

/* A listing, for scripts and spreadsheets: what the contacts list shows,
 * with the ids to name them by. Numbers and kinds are two columns, the
 * n-th kind the n-th number's, so phones reads as it always did. */
static const struct column listing_columns[] = {
    { "id", cell_id, 0 },
    { "name", cell_text, FIELD(name) },
    { "organisation", cell_text, FIELD(org) },
    { "title", cell_text, FIELD(title) },
    { "stage", cell_stage, 0 },
    { "roles", cell_roles, 0 },
    { "emails", cell_list, FIELD(emails) },
    { "phones", cell_numbers, 0 },
    { "tags", cell_list, FIELD(tags) },
    { "channel", cell_text, FIELD(channel) },
    { "created", cell_moment, FIELD(created) },
    { "last_touch", cell_moment, FIELD(last_touch) },
    { "next_due", cell_next_due, 0 },
    { "archived", cell_archived, 0 },
    { "department", cell_text, FIELD(department) },
    { "phone_kinds", cell_phone_kinds, 0 },
    { "owner", cell_text, FIELD(owner) },
    { NULL, NULL, 0 },
};

static const struct csv_layout listing_layout = {
    listing_columns, ";", "no", false,
};

/* ---- writing ------------------------------------------------------------- */

/* One field, quoted when the layout quotes all or the text needs it,
 * quotes doubled; a comma before all but the first. */
static void put_cell(FILE *out, const struct csv_layout *l, const char *s,
                     bool first)
{
    if (!first)
        fputc(',', out);
    if (!l->quote_all && !strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void put_header(FILE *out, const struct csv_layout *l)
{
    for (size_t i = 0; l->columns[i].header; i++)
        put_cell(out, l, l->columns[i].header, i == 0);
    fputs("\r\n", out);
}

/* One record, CRLF-terminated. */
static enum store_status put_contact(FILE *out, const struct csv_layout *l,
                                     struct io_export *ex,
                                     const struct contact *c)
{
    struct row r = { .layout = l, .ex = ex, .c = c };
    struct io_buf b = { 0 };
    enum store_status rc = STORE_OK;
    for (size_t i = 0; l->columns[i].header; i++) {
        io_buf_reset(&b);
        enum store_status got = l->columns[i].cell(&r, l->columns[i].field,
                                                   &b);
        if (rc == STORE_OK)
            rc = got;
        put_cell(out, l, b.s ? b.s : "", i == 0);
    }
    io_buf_free(&b);
    fputs("\r\n", out);
    return rc;
}

static enum store_status put_export_row(struct io_export *ex,
                                        const struct contact *c)
{
    return put_contact(ex->out, &export_layout, ex, c);
}

enum store_status io_csv_export(struct io_export *ex)
{
    put_header(ex->out, &export_layout);
    return io_each_contact(ex, put_export_row);
}

void io_csv_listing_header(FILE *out)
{
    put_header(out, &listing_layout);
}

void io_csv_listing_row(FILE *out, const struct contact *c)
{
    put_contact(out, &listing_layout, NULL, c);
}
