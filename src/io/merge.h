/* Applying imported records, private to merge*.c: merge.c runs the
 * transaction and calls the two halves, one record or follow-up at a
 * time. Uses core/ and below. */
#ifndef RAPPORT_IO_MERGE_H
#define RAPPORT_IO_MERGE_H

#include "io/format.h"
#include "store/store.h"

/* With IO_DRY_RUN, notes "FILE:LINE: what: who" in the summary's plan. */
void io_merge_plan(struct io_import *im, int line, const char *what,
                   const char *who);

/* Adds r, or merges it into the stored contact it is (merge_contacts.c),
 * and counts it in the summary. STORE_INVALID: the domain refused it (the
 * message says why). */
enum store_status io_merge_contact(struct io_import *im, struct io_record *r);

/* Adds t to the contact it names, unless it is here already
 * (merge_followups.c); a follow-up naming no contact is rejected, which
 * fails the import only with IO_STRICT. */
enum store_status io_merge_followup(struct io_import *im, struct io_task *t);

/* The one contact text names in ordinary words (merge_names.c): a whole
 * name, else a whole word of one contact's name only. When several
 * could be meant, *found stays false and their names go to candidates. */
enum store_status io_find_named(struct io_import *im, const char *text,
                                struct contact *out, bool *found,
                                struct strlist *candidates);

#endif
