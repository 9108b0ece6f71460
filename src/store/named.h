/* The contacts a text may name, through indexes. Uses model/contact.h,
 * store/store.h. */
#ifndef RAPPORT_STORE_NAMED_H
#define RAPPORT_STORE_NAMED_H

#include <stddef.h>

#include "model/contact.h"
#include "store/store.h"

/* The contacts (not archived) whose whole folded name is a run of
 * text's words, and those with a word of their name among text's
 * words: at most 50 for each word, at most limit in all, in the order
 * of the name list (out->more when there were more). Reads indexes
 * only: bounded whatever the number of contacts. */
enum store_status store_contacts_named_in(struct store *st, const char *text,
                                          size_t limit, struct contact_list *out);

#endif
