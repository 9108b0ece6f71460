/* Satisfaction scores and NPS. */
#ifndef RAPPORT_SCORE_H
#define RAPPORT_SCORE_H

#include "model/report.h"
#include "store/store.h"

/* value 0..10; comment may be NULL. Fills *id when not NULL. */
enum store_status score_add(struct store *st, int64_t contact_id, int value,
                            const char *comment, time_t now, int64_t *id);
/* Parses "0".."10"; -1 otherwise. */
int score_parse(const char *text);
/* NPS = % promoters - % detractors of those who answered; false when
 * nobody answered. */
bool score_nps(const struct nps *n, double *value);

#endif
