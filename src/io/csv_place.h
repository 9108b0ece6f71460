/* Postal addresses and web pages read from CSV columns (csv_place.c),
 * private to io/'s CSV reader: address books spread one address over
 * several columns ("Business Street", "Business City"; "Address 1 -
 * Street", "Address 1 - City"), gathered here per address. Uses io/. */
#ifndef RAPPORT_IO_CSV_PLACE_H
#define RAPPORT_IO_CSV_PLACE_H

#include "io/csv_layout.h"
#include "io/format.h"

/* The addresses of one row, at most this many (columns of more groups
 * are read into the last). */
#define CSV_PLACE_GROUPS 8

struct csv_place {
    char key[48];              /* "address 1", "business", "home" */
    struct address a;
    char *formatted;           /* Google's "Address 1 - Formatted" */
    const char *header;        /* a column of it, for messages */
};

struct csv_places {
    struct csv_place g[CSV_PLACE_GROUPS];
    size_t n;
};

/* Takes the cell v of column header, which feeds address field f
 * (csv_is_address_field). */
void csv_place_add(struct csv_places *pl, const char *header, enum field f,
                   const char *v);
/* Adds the row's addresses to r (as many as a contact keeps) and
 * clears pl. */
void csv_places_finish(struct csv_places *pl, struct io_record *r, int line);
/* Frees what pl gathered, adding nothing (the row was rejected). */
void csv_places_clear(struct csv_places *pl);
/* Whether f is a part of an address (or its kind). */
bool csv_is_address_field(enum field f);
/* Adds the web page v of column header to r; its kind is the header's
 * ("Business Website"), or Google's sibling "Website 1 - Type" cell of
 * the row; own: rapport's "kind:url". */
void csv_add_url(struct io_record *r, int line, const char *header,
                 const char *v, const char *sibling_kind, bool own);

#endif
