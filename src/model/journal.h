/* An entry of the change journal (undo) as a record. Uses model/list.h. */
#ifndef RAPPORT_MODEL_JOURNAL_H
#define RAPPORT_MODEL_JOURNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "model/list.h"

struct journal_entry {
    int64_t id;
    time_t at;
    char *what;            /* what the change did, in words */
    bool own;              /* written through this connection */
    char author[64];       /* login of who made it; "" when not known */
};

MODEL_LIST(journal_list, struct journal_entry);

void journal_entry_clear(struct journal_entry *e);
void journal_list_clear(struct journal_list *l);

#endif
