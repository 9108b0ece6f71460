/* Checking the whole file, and making the search index again. Uses
 * model/list.h, store/store.h. */
#ifndef RAPPORT_STORE_CHECK_H
#define RAPPORT_STORE_CHECK_H

#include "model/list.h"
#include "store/store.h"

/* One problem the check found, and what mends it (the front end words
 * the advice: STORE_ADVICE_REBUILD_INDEX, making the search index
 * again). */
struct check_problem {
    char *text;
    enum store_advice advice;
};
MODEL_LIST(check_problem_list, struct check_problem);
void store_check_problems_clear(struct check_problem_list *l);

/* PRAGMA integrity_check and foreign_key_check, the search index and the
 * search words; problems go to `problems` (NULL: only the status).
 * STORE_OK when the file is sound. */
enum store_status store_check(struct store *st, struct check_problem_list *problems);
/* Makes the full-text index again from the contacts and notes. */
enum store_status store_rebuild_search(struct store *st);

#endif
