/* Why a contact matched a search, in words both front ends show:
 * "email: ana@example.org", "note: …the shipping registers…". Uses
 * store/ and below. */
#ifndef RAPPORT_WHY_H
#define RAPPORT_WHY_H

#include <stdint.h>

#include "store/store.h"

/* What made contact id match typed, as "field: value" in the user's
 * language; NULL when its name explains it (or out of memory). The
 * caller frees it. */
char *contact_why(struct store *st, int64_t id, const char *typed);

#endif
