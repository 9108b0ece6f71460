/* An entry of a contact's history: a note, or a follow-up done. Uses
 * base/date.h, model/list.h. */
#ifndef RAPPORT_MODEL_TIMELINE_H
#define RAPPORT_MODEL_TIMELINE_H

#include <stdint.h>
#include <time.h>

#include "base/date.h"
#include "model/list.h"

enum timeline_kind { TIMELINE_NOTE = 0, TIMELINE_DONE = 1 };

struct timeline_entry {
    enum timeline_kind kind;
    int64_t id;            /* the note's, or the follow-up's */
    time_t at;             /* written, or done */
    char note_kind[16];    /* a note's kind (call, meeting, ...) */
    char *text;            /* the note's body, or the follow-up's text */
    struct date due;       /* a follow-up's due day */
    char author[64];       /* who wrote the note or did the follow-up; "" unknown */
};

MODEL_LIST(timeline_list, struct timeline_entry);

void timeline_entry_clear(struct timeline_entry *e);
void timeline_list_clear(struct timeline_list *l);

#endif
