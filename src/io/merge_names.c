/* Finding the contact a calendar item names in ordinary words (issue
 * 17): "Send reading list to Ahmed", "Consultation with 李小龙". A
 * contact's whole name in the text names it; else one word of a name
 * (a family or given name) that is a whole word of the text and belongs
 * to one contact only. Several candidates are an ambiguity, reported
 * with their names. The candidates come from the store's indexes
 * (store/named.c). Uses core/ and below. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "io/merge.h"
#include "store/named.h"

/* The contacts looked at for one item, at most. */
#define CANDIDATES_MAX 200

/* Whether the byte at s is part of a word: ASCII letters and digits, and
 * every byte of a character beyond ASCII. */
static bool wordish(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
           || (c >= 'A' && c <= 'Z');
}

/* Whether word occurs in text (both folded) as a whole word: what is
 * before and after it is no part of a word. A name in a script written
 * without spaces (李小龙) counts where spaces or punctuation set it off. */
static bool has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    if (n == 0)
        return false;
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
        bool before = p == text || !wordish((unsigned char)p[-1]);
        bool after = !wordish((unsigned char)p[n]);
        if (before && after)
            return true;
    }
    return false;
}

/* Whether some word of name (folded), of two characters or more, is a
 * whole word of text. */
static bool has_part(const char *text, const char *name)
{
    char *copy = strdup(name);
    bool hit = false;
    char *save = NULL;
    for (char *w = copy ? strtok_r(copy, " ,.-", &save) : NULL; w && !hit;
         w = strtok_r(NULL, " ,.-", &save))
        hit = strlen(w) >= 2 && has_word(text, w);
    free(copy);
    return hit;
}

enum store_status io_find_named(struct io_import *im, const char *text,
                                struct contact *out, bool *found,
                                struct strlist *candidates)
{
    *found = false;
    char *folded = text_fold(text);
    if (!folded)
        return STORE_OK;
    /* Only the contacts the text's words can name, through the
     * store's indexes: not every contact per unmatched item. */
    struct contact_list near = { 0 };
    enum store_status rc = store_contacts_named_in(im->st, text, CANDIDATES_MAX, &near);
    struct strlist whole = { 0 }, part = { 0 };
    struct contact whole_c = { 0 }, part_c = { 0 };
    for (size_t i = 0; rc == STORE_OK && i < near.len; i++) {
        const struct contact *c = &near.items[i];
        char *name = text_fold(c->name);
        if (!name)
            continue;
        if (has_word(folded, name)) {
            if (whole.len == 0)
                contact_copy(&whole_c, c);
            strlist_push(&whole, c->name);
        } else if (whole.len == 0 && has_part(folded, name)) {
            if (part.len == 0)
                contact_copy(&part_c, c);
            strlist_push(&part, c->name);
        }
        free(name);
    }
    contact_list_clear(&near);
    struct strlist *hits = whole.len ? &whole : &part;
    struct contact *hit = whole.len ? &whole_c : &part_c;
    if (rc == STORE_OK && hits->len == 1) {
        *out = *hit;
        memset(hit, 0, sizeof *hit);
        *found = true;
    } else if (rc == STORE_OK) {
        for (size_t i = 0; i < hits->len; i++)
            strlist_push(candidates, hits->items[i]);
    }
    contact_clear(&whole_c);
    contact_clear(&part_c);
    strlist_clear(&whole);
    strlist_clear(&part);
    free(folded);
    return rc;
}
