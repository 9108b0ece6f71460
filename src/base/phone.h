/* Phone numbers and their kinds: the list a contact holds, the kinds
 * rapport knows (with the words other programs use for them), and the
 * "kind:number" text that the command line, the contact form and
 * rapport's own CSV use for one number. */
#ifndef RAPPORT_PHONE_H
#define RAPPORT_PHONE_H

#include <stdbool.h>
#include <stddef.h>

struct phone {
    char *number;
    char *kind;            /* a kind's key ("cell", "work", ...), NULL when unknown */
};

struct phone_list {
    struct phone *items;
    size_t len;
    size_t cap;
};

/* Appends copies of number and kind (NULL or "": unknown); 0, or -1 when
 * out of memory. */
int phone_list_push(struct phone_list *list, const char *number,
                    const char *kind);
/* Adds number unless the list has it; when it has it without a kind,
 * gives it this kind. Returns 1 when the list changed, 0 when not, -1
 * when out of memory. Imports use it: a number comes in once, and what
 * is stored is never replaced. */
int phone_list_merge(struct phone_list *list, const char *number,
                     const char *kind);
/* The index of number (exact bytes), or -1. */
long phone_list_find(const struct phone_list *list, const char *number);
/* Removes number (surrounding blanks ignored); returns how many went. */
size_t phone_list_drop(struct phone_list *list, const char *number);
/* The same numbers with the same kinds, in the same order. */
bool phone_list_same(const struct phone_list *a, const struct phone_list *b);
int phone_list_copy(struct phone_list *dst, const struct phone_list *src);
void phone_list_clear(struct phone_list *list);

/* The kind a person typed: a key ("cell"), another word for it
 * ("mobile") or its label in the user's language; any case. NULL when
 * it is none of them. */
const char *phone_kind_find(const char *word);
/* The kind other programs' words give: a vCard TYPE list ("work,voice",
 * "CELL;PREF"), a Google label ("Work Fax"), an Outlook column ("Mobile
 * Phone"). Words that say no kind (voice, pref, phone, other) are
 * skipped; of several kinds the most telling wins (a work fax is a fax).
 * NULL when no word names a kind. */
const char *phone_kind_guess(const char *text);
/* The kind's name for people, translated ("mobile" for cell). */
const char *phone_kind_label(const char *kind);
/* The keys, for messages: "cell, work, home, fax, pager, text, video,
 * textphone". */
const char *phone_kind_keys(void);

/* Reads "kind:number" or a plain number into a new *number and the
 * kind's key (*kind, NULL when none). A leading "tel:" is a URI's, not
 * a kind. Returns -1 when the text before the colon is a word that names
 * no kind (*number is then NULL), 0 otherwise. */
int phone_parse(const char *text, char **number, const char **kind);
/* "cell:+47 123", or the number alone when its kind is unknown: what
 * phone_parse reads back. Free it; NULL when out of memory. */
char *phone_format(const struct phone *p);
/* "+47 123 (mobile), +47 456": the numbers for people. Free it. */
char *phone_list_describe(const struct phone_list *list, const char *sep);

#endif
