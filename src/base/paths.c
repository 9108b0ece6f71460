/* Where rapport keeps its files: the XDG base directories (data and
 * config), "~/" expansion, and creating a private folder for a new file. */
#include <config.h>

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/paths.h"

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 1;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s%s", a, b);
    return out;
}

/* The XDG specification says a relative value is invalid and is to be
 * ignored, as if the variable were unset. Only $HOME is trusted for the
 * fallback: guessing a home from the password file could reach the real
 * files of someone whose environment was deliberately emptied. */
static char *xdg_file(const char *variable, const char *fallback,
                      const char *file)
{
    const char *base = getenv(variable);
    if (base && base[0] == '/') {
        char *dir = join(base, "/rapport/");
        char *out = dir ? join(dir, file) : NULL;
        free(dir);
        return out;
    }
    const char *home = getenv("HOME");
    if (!home || home[0] != '/')
        return NULL;
    char *dir = join(home, fallback);
    char *out = dir ? join(dir, file) : NULL;
    free(dir);
    return out;
}

char *paths_default_database(void)
{
    return xdg_file("XDG_DATA_HOME", "/.local/share/rapport/", "rapport.db");
}

char *paths_default_config(void)
{
    return xdg_file("XDG_CONFIG_HOME", "/.config/rapport/", "config.ini");
}

/* Walks the path from the top, creating each missing folder. A folder
 * that already exists keeps its mode: only the ones made here are 0700. */
int paths_make_parent(const char *path)
{
    if (!path) {
        errno = EINVAL;
        return -1;
    }
    char *dir = strdup(path);
    if (!dir)
        return -1;
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) {
        free(dir);
        return 0;   /* a file in the current folder or in / */
    }
    *slash = '\0';
    for (char *p = dir + 1; ; p++) {
        bool last = *p == '\0';
        if (*p != '/' && !last)
            continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0) {
            int saved = errno;
            struct stat st;
            if (saved != EEXIST || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
                free(dir);
                errno = saved == EEXIST ? ENOTDIR : saved;
                return -1;
            }
        }
        if (last)
            break;
        *p = '/';
    }
    free(dir);
    return 0;
}

char *paths_expand_home(const char *path)
{
    if (!path)
        return NULL;
    const char *home = getenv("HOME");
    if (home && *home && (strcmp(path, "~") == 0 || strncmp(path, "~/", 2) == 0)) {
        size_t len = strlen(home);
        /* "/home/ann/" + "/x" would double the slash */
        if (len > 1 && home[len - 1] == '/')
            len--;
        size_t n = len + strlen(path + 1) + 1;
        char *out = malloc(n);
        if (out)
            snprintf(out, n, "%.*s%s", (int)len, home, path + 1);
        return out;
    }
    return strdup(path);
}
