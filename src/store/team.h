/* A team database (SPEC §8): one file a Unix group shares on a server,
 * set up by `rapport team init`. Uses store/store.h. */
#ifndef RAPPORT_STORE_TEAM_H
#define RAPPORT_STORE_TEAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "base/strlist.h"
#include "store/store.h"

/* Makes path's folder the team's (group gid, setgid, 2770; created when
 * missing, its parent must exist) and the database in it (0660, group
 * gid), created and migrated, or an existing one of the caller's made
 * the team's. The caller must be root or in the group. Returns STORE_OK
 * with the store open, or a status with how->error (and how->advice). */
enum store_status store_team_create(const char *path, gid_t gid,
                                    struct store_opening *how,
                                    struct store **out);

/* The login recorded as the author of this connection's writes: the
 * real user's (getpwuid), never an environment variable's. */
const char *store_author(const struct store *st);
/* Writes as another login: the unit tests' second member. */
void store_set_author(struct store *st, const char *login);
/* The login of whoever made the last change of a contact (the journal
 * keeps its recent changes), into buf; false when none is known. */
bool store_contact_changed_by(struct store *st, int64_t contact_id, char *buf,
                              size_t size);
/* Whether more than one login wrote the database's notes, stage
 * changes, scores and follow-ups: then the front ends name authors. */
bool store_has_authors(struct store *st);
/* The logins that begin with prefix, in order, at most limit: whoever
 * wrote a note, has a follow-up, owns a contact or made one of the
 * changes the journal keeps, and this connection's author, each found
 * one step down an index (the journal is short), never a whole table:
 * the team's members for completing a login. */
enum store_status store_team_logins(struct store *st, const char *prefix,
                                    size_t limit, struct strlist *out);

#endif
