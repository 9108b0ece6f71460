/* Postal addresses and web pages read from CSV columns: each column
 * names the part it holds, and the address it belongs to by its first
 * words ("Home City", "Address 2 - City"), so a row's parts are
 * gathered per address and added to the record at the row's end. Uses
 * io/ and below. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "core/contact.h"
#include "io/csv_place.h"

bool csv_is_address_field(enum field f)
{
    return f == F_ADR_POBOX || f == F_ADR_EXT || f == F_ADR_STREET
           || f == F_ADR_LOCALITY || f == F_ADR_REGION || f == F_ADR_CODE
           || f == F_ADR_COUNTRY || f == F_ADR_KIND || f == F_ADR_FORMATTED;
}

/* The address a column belongs to: Google's "Address 1" before " - ",
 * else the header's first word ("Business Street"), folded. */
static void group_key(const char *header, char *key, size_t size)
{
    const char *dash = strstr(header, " - ");
    size_t n;
    if (strncasecmp(header, "Address ", 8) == 0 && dash)
        n = (size_t)(dash - header);
    else
        n = strcspn(header, " ");
    if (n >= size)
        n = size - 1;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)(header[i] >= 'A' && header[i] <= 'Z'
                        ? header[i] - 'A' + 'a' : header[i]);
    key[n] = '\0';
}

static struct csv_place *group_of(struct csv_places *pl, const char *header)
{
    char key[48];
    group_key(header, key, sizeof key);
    for (size_t i = 0; i < pl->n; i++)
        if (strcmp(pl->g[i].key, key) == 0)
            return &pl->g[i];
    if (pl->n == CSV_PLACE_GROUPS)
        return &pl->g[CSV_PLACE_GROUPS - 1];
    struct csv_place *g = &pl->g[pl->n++];
    memset(g, 0, sizeof *g);
    snprintf(g->key, sizeof g->key, "%s", key);
    g->header = header;
    return g;
}

/* Appends v to *part, a comma between: Outlook's Street, Street 2 and
 * Street 3 are one street. */
static void append(char **part, const char *v)
{
    char *line = io_one_line(v);
    if (!line || !*line) {
        free(line);
        return;
    }
    if (!*part) {
        *part = line;
        return;
    }
    char *joined = NULL;
    if (asprintf(&joined, "%s, %s", *part, line) >= 0) {
        free(*part);
        *part = joined;
    }
    free(line);
}

void csv_place_add(struct csv_places *pl, const char *header, enum field f,
                   const char *v)
{
    struct csv_place *g = group_of(pl, header);
    switch (f) {
    case F_ADR_POBOX: append(&g->a.part[ADDRESS_POBOX], v); break;
    case F_ADR_EXT: append(&g->a.part[ADDRESS_EXTENDED], v); break;
    case F_ADR_STREET: append(&g->a.part[ADDRESS_STREET], v); break;
    case F_ADR_LOCALITY: append(&g->a.part[ADDRESS_LOCALITY], v); break;
    case F_ADR_REGION: append(&g->a.part[ADDRESS_REGION], v); break;
    case F_ADR_CODE: append(&g->a.part[ADDRESS_CODE], v); break;
    case F_ADR_COUNTRY: append(&g->a.part[ADDRESS_COUNTRY], v); break;
    case F_ADR_FORMATTED: append(&g->formatted, v); break;
    case F_ADR_KIND: {
        const char *kind = address_kind_guess(v);
        if (kind && !g->a.kind)
            g->a.kind = strdup(kind);
        break;
    }
    default:
        break;
    }
}

void csv_places_finish(struct csv_places *pl, struct io_record *r, int line)
{
    for (size_t i = 0; i < pl->n; i++) {
        struct csv_place *g = &pl->g[i];
        /* Only a formatted address: it is the street, whole. */
        if (address_empty(&g->a) && g->formatted) {
            g->a.part[ADDRESS_STREET] = g->formatted;
            g->formatted = NULL;
        }
        if (!g->a.kind) {
            const char *kind = address_kind_guess(g->key);
            g->a.kind = kind ? strdup(kind) : NULL;
        }
        if (!address_empty(&g->a) && address_list_find(&r->c.addresses, &g->a) < 0
            && !io_record_full(r, IO_ADDRESSES, line, g->header))
            address_list_push(&r->c.addresses, &g->a);
        address_clear(&g->a);
        free(g->formatted);
    }
    pl->n = 0;
}

void csv_places_clear(struct csv_places *pl)
{
    for (size_t i = 0; i < pl->n; i++) {
        address_clear(&pl->g[i].a);
        free(pl->g[i].formatted);
    }
    pl->n = 0;
}

void csv_add_url(struct io_record *r, int line, const char *header,
                 const char *v, const char *sibling_kind, bool own)
{
    char *url = NULL;
    const char *kind = NULL;
    if (own) {
        if (url_parse(v, &url, &kind) != 0)
            return;
    } else {
        url = strdup(v);
        if (!url)
            return;
        text_trim(url);
        kind = sibling_kind ? address_kind_guess(sibling_kind)
                            : address_kind_guess(header);
    }
    if (*url && (url_list_find(&r->c.urls, url) >= 0
                 || !io_record_full(r, IO_URLS, line, header)))
        url_list_merge(&r->c.urls, url, kind);
    free(url);
}
