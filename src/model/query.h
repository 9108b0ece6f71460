/* A contact as address completion gives it (`rapport query`): who, where
 * they stand, and every address. Uses model/stage.h, base/strlist.h. */
#ifndef RAPPORT_MODEL_QUERY_H
#define RAPPORT_MODEL_QUERY_H

#include <stdint.h>

#include "base/strlist.h"
#include "model/list.h"
#include "model/stage.h"

struct query_hit {
    int64_t contact_id;
    char *name;
    char *name_key;        /* the folded name, the order they are listed in */
    char *org;             /* NULL when none */
    enum stage stage;
    struct strlist emails; /* in the contact's order; never empty */
};

MODEL_LIST(query_hit_list, struct query_hit);

void query_hit_clear(struct query_hit *h);
void query_hit_list_clear(struct query_hit_list *l);

#endif
