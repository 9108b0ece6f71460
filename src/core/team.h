/* A team on one shared server (SPEC §8): setting up its database.
 * Uses core/app.h, store/team.h. */
#ifndef RAPPORT_CORE_TEAM_H
#define RAPPORT_CORE_TEAM_H

#include <stdbool.h>

#include "core/app.h"

/* Makes path the team database of the group named group (the folder
 * 2770, the file 0660, both the group's) and leaves it open as app->st,
 * saying its warnings through app->voice. Returns 0, or 1 after saying
 * why not. */
int team_init(struct app *app, const char *path, const char *group);

/* In a team database, the login of whoever runs rapport, whose work
 * the Review and the agenda open on; NULL in a private one. */
const char *team_me(const struct app *app);
/* Whether the front ends name who wrote a note, moved a contact or
 * scheduled a follow-up: when more than one login has (asked once). */
bool team_names_authors(struct app *app);
/* A login given on the command line or in a form: "" or "none" is
 * nobody (NULL, *out untouched), else it must be a user of this
 * system. Returns 0, or -1 when no such user exists. */
int team_login(const char *given, const char **out);

#endif
