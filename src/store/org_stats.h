/* Organisations with what the Organisations screen shows of each: who
 * decides and who uses, their latest scores, the last interaction and
 * the open follow-ups; a window at a time, filtered and sorted. The
 * NPS rule stays the domain's (core/score.c): the store counts scores
 * by value, and sorting by NPS takes the rule's bounds as parameters.
 * Uses model/org.h, store/store.h. */
#ifndef RAPPORT_STORE_ORG_STATS_H
#define RAPPORT_STORE_ORG_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "model/list.h"
#include "model/org.h"
#include "store/store.h"

#define ORG_SCORE_VALUES 11

struct org_summary {
    struct org org;
    int64_t decision_makers;       /* active contacts with that role */
    int64_t users;
    /* Active users' and decision-makers' latest scores, by value. */
    int64_t user_scores[ORG_SCORE_VALUES];
    int64_t decision_maker_scores[ORG_SCORE_VALUES];
    time_t last_touch;             /* its contacts' latest; 0: none */
    int64_t open_followups;
    double key;                    /* the sort's key (store's use) */
};
MODEL_LIST(org_summary_list, struct org_summary);
void org_summary_clear(struct org_summary *s);
void org_summary_list_clear(struct org_summary_list *l);

enum org_sort {
    ORG_SORT_NAME, ORG_SORT_CONTACTS, ORG_SORT_LAST_TOUCH, ORG_SORT_NPS,
    ORG_SORT_COUNT
};

/* What to list: names holding `text` (NULL: all), in `sort` order (most
 * contacts, latest interaction, best NPS first; then by name), the NPS
 * counting scores >= promoter_min as promoters and <= detractor_max as
 * detractors. */
struct org_query {
    const char *text;
    enum org_sort sort;
    int promoter_min, detractor_max;
    int64_t only_id;               /* 0: all; else just that one */
};
/* A window after `after` (NULL: from the start) or, with backward, the
 * rows just before it, in list order. */
enum store_status store_org_summary_page(struct store *st,
                                         const struct org_query *q,
                                         const struct org_summary *after,
                                         bool backward, size_t limit,
                                         struct org_summary_list *out);

#endif
