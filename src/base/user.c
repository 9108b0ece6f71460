/* Login names and groups (base/user.h). The reentrant lookups keep
 * nothing between calls. */
#include <config.h>

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/user.h"

#define LOOKUP_BUFFER 16384

char *user_login_of(uid_t uid)
{
    char *buf = malloc(LOOKUP_BUFFER);
    if (!buf)
        return NULL;
    struct passwd pw, *found = NULL;
    char *login = NULL;
    if (getpwuid_r(uid, &pw, buf, LOOKUP_BUFFER, &found) == 0 && found
        && found->pw_name && found->pw_name[0]) {
        login = strdup(found->pw_name);
    } else {
        char number[32];
        snprintf(number, sizeof number, "uid %lu", (unsigned long)uid);
        login = strdup(number);
    }
    free(buf);
    return login;
}

char *user_login(void)
{
    return user_login_of(getuid());
}

bool user_exists(const char *login)
{
    char *buf = malloc(LOOKUP_BUFFER);
    if (!buf)
        return false;
    struct passwd pw, *found = NULL;
    bool exists = getpwnam_r(login, &pw, buf, LOOKUP_BUFFER, &found) == 0
                  && found;
    free(buf);
    return exists;
}

int user_group_id(const char *name, gid_t *gid)
{
    char *buf = malloc(LOOKUP_BUFFER);
    if (!buf)
        return -1;
    struct group gr, *found = NULL;
    int rc = -1;
    if (getgrnam_r(name, &gr, buf, LOOKUP_BUFFER, &found) == 0 && found) {
        *gid = found->gr_gid;
        rc = 0;
    } else if (name[0] >= '0' && name[0] <= '9') {
        char *end;
        errno = 0;
        unsigned long n = strtoul(name, &end, 10);
        if (!*end && errno == 0
            && getgrgid_r((gid_t)n, &gr, buf, LOOKUP_BUFFER, &found) == 0
            && found) {
            *gid = found->gr_gid;
            rc = 0;
        }
    }
    free(buf);
    return rc;
}

char *user_group_name(gid_t gid)
{
    char *buf = malloc(LOOKUP_BUFFER);
    if (!buf)
        return NULL;
    struct group gr, *found = NULL;
    char *name;
    if (getgrgid_r(gid, &gr, buf, LOOKUP_BUFFER, &found) == 0 && found) {
        name = strdup(found->gr_name);
    } else {
        char number[32];
        snprintf(number, sizeof number, "%lu", (unsigned long)gid);
        name = strdup(number);
    }
    free(buf);
    return name;
}

bool user_in_group(gid_t gid)
{
    if (getegid() == gid || getgid() == gid)
        return true;
    int n = getgroups(0, NULL);
    if (n <= 0)
        return false;
    gid_t *groups = calloc((size_t)n, sizeof *groups);
    if (!groups)
        return false;
    bool in = false;
    n = getgroups(n, groups);
    for (int i = 0; i < n && !in; i++)
        in = groups[i] == gid;
    free(groups);
    return in;
}
