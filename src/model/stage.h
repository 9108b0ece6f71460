/* The pipeline's stages, their keys, and a contact's stage history, as
 * records. Uses model/list.h. */
#ifndef RAPPORT_MODEL_STAGE_H
#define RAPPORT_MODEL_STAGE_H

#include <stdint.h>
#include <time.h>

#include "model/list.h"

/* The pipeline, in order (stored as 0, 1, 2). */
enum stage {
    STAGE_END_USER = 0,
    STAGE_CUSTOMER = 1,
    STAGE_CLIENT = 2,
};
#define STAGE_COUNT 3
#define STAGE_NONE (-1)

struct stage_change {
    int64_t id;
    int64_t contact_id;
    int from;              /* enum stage, or STAGE_NONE for the first */
    enum stage to;
    time_t at;
    char *reason;          /* NULL when none given */
    char author[64];       /* login of who moved the contact; "" unknown */
};

MODEL_LIST(stage_change_list, struct stage_change);

/* "end-user", "customer", "client": how a stage is named on the command
 * line, in files and in the journal; "?" when s is no stage. */
const char *stage_key(enum stage s);
/* The stage a key names exactly; STAGE_NONE when none. */
int stage_from_key(const char *key);

void stage_change_clear(struct stage_change *s);
void stage_change_list_clear(struct stage_change_list *l);

#endif
