/* A note (an interaction) as a record. Uses model/list.h. */
#ifndef RAPPORT_MODEL_NOTE_H
#define RAPPORT_MODEL_NOTE_H

#include <stdint.h>
#include <time.h>

#include "model/list.h"

struct note {
    int64_t id;
    int64_t contact_id;
    time_t at;
    char kind[16];         /* note, call, email, meeting, consultation, delivery */
    char *body;
    char author[64];       /* login of who wrote it; "" when not known */
};

MODEL_LIST(note_list, struct note);

void note_clear(struct note *n);
void note_list_clear(struct note_list *l);

#endif
