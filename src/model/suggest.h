/* The Review's pipeline rows as records: a decision-maker in their
 * organisation's budget season, and a contact the pipeline suggests
 * moving up a stage. Uses model/contact.h, model/stage.h. */
#ifndef RAPPORT_MODEL_SUGGEST_H
#define RAPPORT_MODEL_SUGGEST_H

#include <stdint.h>

#include "model/contact.h"
#include "model/list.h"
#include "model/stage.h"

struct budget_entry {
    struct contact contact;
    char budget_date[6];        /* MM-DD of the organisation */
};

MODEL_LIST(budget_list, struct budget_entry);

struct suggestion {
    struct contact contact;
    enum stage to;              /* STAGE_CUSTOMER or STAGE_CLIENT */
    int64_t interactions;       /* in the window (to customer), or in all */
};

MODEL_LIST(suggestion_list, struct suggestion);

void budget_list_clear(struct budget_list *l);
void suggestion_list_clear(struct suggestion_list *l);

#endif
