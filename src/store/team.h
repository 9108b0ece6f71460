/* A team database (SPEC §8): one file a Unix group shares on a server,
 * set up by `rapport team init`. Uses store/store.h. */
#ifndef RAPPORT_STORE_TEAM_H
#define RAPPORT_STORE_TEAM_H

#include <sys/types.h>

#include "store/store.h"

/* Makes path's folder the team's (group gid, setgid, 2770; created when
 * missing, its parent must exist) and the database in it (0660, group
 * gid), created and migrated, or an existing one of the caller's made
 * the team's. The caller must be root or in the group. Returns STORE_OK
 * with the store open, or a status with how->error (and how->advice). */
enum store_status store_team_create(const char *path, gid_t gid,
                                    struct store_opening *how,
                                    struct store **out);

#endif
