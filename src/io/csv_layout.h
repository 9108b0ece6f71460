/* The CSV layouts rapport recognises by their headers (csv_layout.c),
 * and the guess by what a column holds for any other header; private to
 * io/'s CSV reader (csv.c). Uses base/ only. */
#ifndef RAPPORT_IO_CSV_LAYOUT_H
#define RAPPORT_IO_CSV_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

enum field {
    F_NONE = 0,
    F_NAME, F_FIRST, F_MIDDLE, F_LAST, F_PREFIX, F_SUFFIX,
    F_ORG, F_TITLE, F_DEPT, F_EMAIL, F_PHONE, F_NOTES, F_TAGS,
    F_STAGE, F_ROLES, F_PROJECTS, F_GOALS, F_CHANNEL, F_CADENCE,
    F_ARCHIVED, F_UID, F_OWNER,
    F_KIND,                /* a phone's label, read with its number */
    /* A part of a postal address (csv_place.c gathers them), its kind
     * (Google's "Address 1 - Type"), or the whole of it on one line. */
    F_ADR_POBOX, F_ADR_EXT, F_ADR_STREET, F_ADR_LOCALITY, F_ADR_REGION,
    F_ADR_CODE, F_ADR_COUNTRY, F_ADR_KIND, F_ADR_FORMATTED,
    F_ADDRESS,             /* rapport's own: "kind:street; place; ..." */
    F_URL,                 /* a web page */
    F_URL_KIND,            /* Google's "Website 1 - Type", read with it */
    F_EXTRA,               /* rapport's own: a card's other properties */
    F_BDAY,                /* a birthday, kept as a card's BDAY */
    F_ANNIVERSARY,         /* kept as a card's ANNIVERSARY */
    F_NICKNAME,            /* kept as a card's NICKNAME */
    F_BIRTH_YEAR, F_BIRTH_MONTH, F_BIRTH_DAY,  /* Thunderbird's, one each */
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
    bool own;              /* rapport's: Notes holds all notes, Phones
                              "kind:number" */
};

/* The layout whose needs the header meets, or NULL. */
const struct layout *csv_find_layout(char *const *headers, size_t n);
/* The field the column of that header feeds in layout l. */
enum field csv_field_of(const struct layout *l, const char *header);
/* --map's field name (name, email, ...): F_NONE when unknown. */
enum field csv_map_field(const char *key);
/* The field's name as --map spells it ("email"). */
const char *csv_field_key(enum field f);

/* What a column of an unknown layout holds, counted over its rows. */
struct csv_column_stats {
    size_t filled;         /* cells not blank */
    size_t emails;         /* of them, addresses */
    size_t phones;         /* of them, phone numbers */
};
/* True when s looks like a phone number: digits (at least five) and
 * only + - . ( ) / and blanks between them. */
bool csv_looks_like_phone(const char *s);
/* The field a column of an unknown layout feeds, by its header's words
 * and what its cells hold; F_NONE when neither tells. */
enum field csv_guess_field(const char *header,
                           const struct csv_column_stats *st);

#endif
