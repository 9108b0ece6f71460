/* Satisfaction scores and NPS. Uses store/ and below. */
#ifndef RAPPORT_SCORE_H
#define RAPPORT_SCORE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "store/store.h"

/* A group's answers: its contacts' latest scores, bucketed. */
struct nps {
    int answered;      /* contacts with a score */
    int promoters;     /* latest score 9-10 */
    int detractors;    /* latest score 0-6 */
};

/* value 0..10; comment may be NULL. Fills *id when not NULL. */
enum store_status score_add(struct store *st, int64_t contact_id, int value,
                            const char *comment, time_t now, int64_t *id);
/* Parses "0".."10"; -1 otherwise. */
int score_parse(const char *text);
/* The NPS rule's bounds: 9-10 promote, 0-6 detract. */
#define SCORE_PROMOTER_MIN 9
#define SCORE_DETRACTOR_MAX 6
/* Counts `contacts` whose latest score is value into n: the NPS rule
 * (SPEC §2) of who promotes and who detracts. */
void score_nps_count(struct nps *n, int value, int64_t contacts);
/* NPS = % promoters - % detractors of those who answered; false when
 * nobody answered. */
bool score_nps(const struct nps *n, double *value);

#endif
