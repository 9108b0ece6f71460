/* Checking the whole file, and making the search index again. */
#ifndef RAPPORT_STORE_CHECK_H
#define RAPPORT_STORE_CHECK_H

#include "base/strlist.h"
#include "store/store.h"

/* PRAGMA integrity_check and foreign_key_check; problems go to `problems`.
 * STORE_OK when the file is sound. */
enum store_status store_check(struct store *st, struct strlist *problems);
/* Makes the full-text index again from the contacts and notes. */
enum store_status store_rebuild_search(struct store *st);

#endif
