/* A team on one shared server (SPEC §8): setting up its database.
 * Uses core/app.h, store/team.h. */
#ifndef RAPPORT_CORE_TEAM_H
#define RAPPORT_CORE_TEAM_H

#include "core/app.h"

/* Makes path the team database of the group named group (the folder
 * 2770, the file 0660, both the group's) and leaves it open as app->st,
 * saying its warnings through app->voice. Returns 0, or 1 after saying
 * why not. */
int team_init(struct app *app, const char *path, const char *group);

#endif
