/* Who runs rapport, and the groups of a team: login names from the
 * password and group databases, never from the environment (anyone can
 * set $USER or $LOGNAME to a colleague's name). */
#ifndef RAPPORT_USER_H
#define RAPPORT_USER_H

#include <stdbool.h>
#include <sys/types.h>

/* The login name of the real user id (getpwuid), or "uid N" when the
 * password database does not know it. New string, NULL when out of
 * memory. */
char *user_login(void);
/* The login name of uid, as user_login. */
char *user_login_of(uid_t uid);
/* Whether a login name exists in the password database. */
bool user_exists(const char *login);
/* The id of the group named name (or given as a number). Returns 0, or
 * -1 when there is no such group. */
int user_group_id(const char *name, gid_t *gid);
/* The name of group gid, or its number. New string. */
char *user_group_name(gid_t gid);
/* Whether the process is in group gid (its own or a supplementary). */
bool user_in_group(gid_t gid);

#endif
