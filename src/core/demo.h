/* The demo database: a living pipeline for newcomers (--demo).
 * Uses store/ and below. */
#ifndef RAPPORT_DEMO_H
#define RAPPORT_DEMO_H

#include <time.h>

#include "store/store.h"

/* Fills an empty database with at least 40 realistic contacts across the
 * three stages and several organisations, decision-makers and users,
 * notes, stage history spread over past months, scores, and follow-ups
 * overdue, due today and upcoming, all relative to now. One transaction. */
enum store_status demo_fill(struct store *st, time_t now);

#endif
