/* Which catalogues rapport speaks from: the one place that binds the
 * text domain. */
#include <config.h>

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/* Whether the running program is the build tree's own binary, so that an
 * uninstalled build (the README's scripts/start.sh, the tests, an
 * out-of-tree build) speaks the user's language with the catalogues it
 * just compiled into BUILDDIR/locale. The kernel's name for the program,
 * /proc/self/exe, has its links resolved, so the build folder is resolved
 * too (configure's absolute path may go through a link). Paths, not
 * inodes, are compared: an installed copy, or a hard link to it planted
 * in a build folder that is gone, never reads that folder. Fills dir with
 * the build tree's locale folder. */
static bool from_build_tree(char *dir, size_t size)
{
#ifdef BUILDDIR
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return false;
    exe[n] = '\0';
    char *build = realpath(BUILDDIR, NULL);
    if (!build)
        return false;
    size_t len = strlen(build);
    bool same = strncmp(exe, build, len) == 0 && strcmp(exe + len, "/rapport") == 0;
    int written = snprintf(dir, size, "%s/locale", build);
    free(build);
    return same && written > 0 && (size_t)written < size;
#else
    (void)dir;
    (void)size;
    return false;
#endif
}

void i18n_bind(void)
{
    char built[PATH_MAX];
    const char *dir = getenv("RAPPORT_LOCALEDIR");
    if (!dir || !*dir)
        dir = from_build_tree(built, sizeof built) ? built : LOCALEDIR;
    bindtextdomain(PACKAGE, dir);
    textdomain(PACKAGE);
}
