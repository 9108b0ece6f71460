/* `rapport list --format csv|json` (io.h's io_listing): each format's
 * listing half, from csv_write.c and json.c, behind one small table.
 * Uses core/ and below. */
#include <config.h>

#include "io/format.h"
#include "io/io.h"

static void csv_begin(FILE *out)
{
    io_csv_listing_header(out);
}

static void csv_contact(FILE *out, const struct contact *c, size_t index)
{
    (void)index;
    io_csv_listing_row(out, c);
}

static void csv_end(FILE *out, size_t count)
{
    (void)out;
    (void)count;
}

struct listing_row {
    void (*begin)(FILE *out);
    void (*contact)(FILE *out, const struct contact *c, size_t index);
    void (*end)(FILE *out, size_t count);
};

static const struct listing_row *row_of(int format)
{
    static const struct listing_row csv = { csv_begin, csv_contact, csv_end };
    static const struct listing_row json = {
        io_json_listing_begin, io_json_listing_contact, io_json_listing_end,
    };
    return format == IO_FORMAT_JSON ? &json : &csv;
}

void io_listing_begin(struct io_listing *l, FILE *out, int format)
{
    *l = (struct io_listing){ .out = out, .format = format };
    row_of(format)->begin(out);
}

void io_listing_contact(struct io_listing *l, const struct contact *c)
{
    row_of(l->format)->contact(l->out, c, l->count++);
}

void io_listing_end(struct io_listing *l)
{
    row_of(l->format)->end(l->out, l->count);
}
