/* A satisfaction score as a record. Uses model/list.h. */
#ifndef RAPPORT_MODEL_SCORE_H
#define RAPPORT_MODEL_SCORE_H

#include <stdint.h>
#include <time.h>

#include "model/list.h"

struct score {
    int64_t id;
    int64_t contact_id;
    time_t at;
    int value;             /* 0..10 */
    char *comment;
    char author[64];       /* login of who recorded it; "" unknown */
};

MODEL_LIST(score_list, struct score);

void score_clear(struct score *s);
void score_list_clear(struct score_list *l);

#endif
