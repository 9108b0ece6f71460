/* An organisation as a record, with its contacts counted per stage.
 * Uses model/stage.h. */
#ifndef RAPPORT_MODEL_ORG_H
#define RAPPORT_MODEL_ORG_H

#include <stdint.h>

#include "model/list.h"
#include "model/stage.h"

struct org {
    int64_t id;
    char *name;
    char *notes;
    char budget_date[6];             /* MM-DD, "" when none */
    int stage_counts[STAGE_COUNT];   /* active (not archived) contacts */
};

MODEL_LIST(org_list, struct org);

void org_clear(struct org *o);
void org_list_clear(struct org_list *l);

#endif
