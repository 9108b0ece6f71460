/* A follow-up as a record: what to do next for a contact, and when. Uses
 * model/stage.h and base/date.h. */
#ifndef RAPPORT_MODEL_FOLLOWUP_H
#define RAPPORT_MODEL_FOLLOWUP_H

#include <stdint.h>
#include <time.h>

#include "base/date.h"
#include "model/list.h"
#include "model/stage.h"

enum followup_state {
    FOLLOWUP_OPEN = 0,
    FOLLOWUP_DONE = 1,
};

struct followup {
    int64_t id;
    int64_t contact_id;
    char *contact_name;    /* filled by reads, for display */
    enum stage contact_stage;
    struct date due;       /* the date it was scheduled for */
    int due_minutes;       /* time of day in minutes, -1 when none */
    struct date snoozed_until; /* unset when not snoozed */
    char *text;
    struct interval every; /* count 0: does not recur */
    enum followup_state state;
    time_t done_at;        /* 0 unless done */
    time_t created;
    char *uid;             /* an imported calendar item's UID, kept by the
                              occurrences that follow; NULL when none */
    /* Logins ("" when not known): who scheduled it, whom it is for
     * (the scheduler unless handed to a colleague), who did it. */
    char created_by[64];
    char assigned_to[64];
    char done_by[64];
};

MODEL_LIST(followup_list, struct followup);

void followup_clear(struct followup *f);
void followup_list_clear(struct followup_list *l);

#endif
