/* What the contact windows (window.c) and the search planner (plan.c)
 * share: the words typed as tokens, where a window starts, what it is
 * read from, and the SQL pieces of a filter. Private to store/. Uses
 * base/strlist.h, store/contact.h, store/db.h. */
#ifndef RAPPORT_STORE_PLAN_H
#define RAPPORT_STORE_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strlist.h"
#include "store/contact.h"
#include "store/db.h"

/* Words typed beyond this many are left out (the list holds more). */
#define SEARCH_TOKENS 16

/* One word typed: the terms it begins, [lo, hi). */
struct search_token {
    char *lo, *hi;
    /* The notes' range: [lo, hi) too, but only lo itself, the whole
     * word, when it is shorter than NOTE_WORD_MIN ("ux", not "uxbridge"),
     * so that `rapport search` and the TUI both find a word of two
     * letters in notes, without every note that begins with them. */
    char *note_hi;
    int64_t estimate;          /* its rows, counted up to SEARCH_SPARSE */
    int branches;              /* its distinct terms; > SEARCH_BRANCHES: many */
    struct strlist field_terms, note_terms;
};

struct search {
    struct search_token tokens[SEARCH_TOKENS];
    size_t len;
};

/* Where a window starts and which way it reads. */
struct window {
    enum contact_sort sort;
    const struct contact *after;
    char *key;                 /* after's name, folded */
    bool backward;
    size_t limit;
};

/* What a window is read from: every contact, the contacts one token's
 * rows name, or a list of contacts that the covered tokens match. */
struct driver {
    int token;                 /* < 0: none */
    const char *ids;           /* a JSON array of contact ids, or NULL */
    const bool *covered;       /* with ids */
};

/* ---- plan.c -------------------------------------------------------------- */

void db_search_clear(struct search *s);
/* The words of text as tokens, each with its rows estimated. No words
 * (only punctuation typed): s->len is 0. */
enum store_status db_search_prepare(struct store *st, const char *text,
                                    struct search *s);
/* The window of a filter with words typed (without out: counted). */
enum store_status db_page_searched(struct store *st, const struct contact_filter *f,
                                   struct search *s, const struct window *w,
                                   struct contact_list *out, int64_t *counted);

/* ---- window.c ------------------------------------------------------------ */

/* Which contacts a filter takes by their archived flag: 0 the active
 * ones (the usual list), 1 the archived ones, -1 both. */
int db_filter_archived(const struct contact_filter *f);
/* Whether a filter needs the contact row beyond its archived flag. */
bool db_filter_reads_contact(const struct contact_filter *f);
/* The conditions of a filter but its text, each " AND ...". */
void db_filter_conditions(const struct contact_filter *f, bool archived_done,
                          struct sql_text *sql);
/* " AND" the contact whose id is `id` holds a word that token i begins. */
void db_token_probe(const struct search *s, size_t i, const char *id,
                    struct sql_text *sql);
void db_filter_bind(sqlite3_stmt *stmt, const struct contact_filter *f,
                    const struct search *s);
/* The window read from the contact table in sort order (see window.c). */
enum store_status db_page_sorted(struct store *st, const struct contact_filter *f,
                                 const struct search *s, const struct driver *d,
                                 const struct window *w, struct contact_list *out,
                                 int64_t *counted);

#endif
