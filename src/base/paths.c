/* Where rapport keeps its files: the XDG base directories (data and
 * config), "~/" expansion, creating a private folder for a new file, and
 * walking a path without following a link another user made. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/text.h"

bool paths_network_fs(unsigned long f_type)
{
    /* The kernel's magic numbers (linux/magic.h and the file systems'
     * own): not all are in the headers of every libc. */
    static const unsigned long network[] = {
        0x6969,         /* NFS */
        0x517B,         /* SMB */
        0xFF534D42,     /* CIFS */
        0xFE534D42,     /* SMB2 */
        0x5346414F,     /* AFS (kAFS) */
        0x6B414653,     /* AFS (OpenAFS) */
        0x73757245,     /* Coda */
        0x01021997,     /* 9P (v9fs) */
        0x00C36400,     /* Ceph */
    };
    unsigned long type = f_type & 0xffffffffu;
    for (size_t i = 0; i < sizeof network / sizeof network[0]; i++)
        if (type == network[i])
            return true;
    return false;
}

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

/* ---- walking a path without trusting other users ------------------------ */

bool paths_trusted_owner(uid_t uid)
{
    return uid == geteuid() || uid == 0;
}

/* Whether a folder that a name is looked up in lets nobody untrusted
 * change that name: owned by the user or root, and writable by every
 * user only when sticky (then only an entry's owner may rename or
 * remove it). A group-writable folder above is let through: on systems
 * with a private group per user (umask 002) a home's folders are, and
 * refusing them would refuse every database there; the folder that
 * holds the file itself gets each caller's stricter rule. */
static bool folder_above_is_safe(const struct stat *sb)
{
    if (!paths_trusted_owner(sb->st_uid))
        return false;
    return !(sb->st_mode & S_IWOTH) || (sb->st_mode & S_ISVTX);
}

#define PROC_SUPER_MAGIC 0x9fa0
#define LINKS_MAX 40

static bool on_procfs(int dir)
{
    struct statfs fs;
    return fstatfs(dir, &fs) == 0 && fs.f_type == PROC_SUPER_MAGIC;
}

/* The text of the link open as fd (O_PATH | O_NOFOLLOW). */
static char *read_link(int fd)
{
    for (size_t cap = 256; cap <= 65536; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf)
            return NULL;
        ssize_t n = readlinkat(fd, "", buf, cap);
        if (n < 0) {
            free(buf);
            return NULL;
        }
        if ((size_t)n < cap) {
            buf[n] = '\0';
            return buf;
        }
        free(buf);
    }
    errno = ENAMETOOLONG;
    return NULL;
}

/* walked + "/" + name, without doubling a slash. */
static char *join_name(const char *walked, const char *name)
{
    size_t n = strlen(walked);
    const char *sep = n == 0 || walked[n - 1] == '/' ? "" : "/";
    size_t size = n + strlen(sep) + strlen(name) + 1;
    char *out = malloc(size);
    if (out)
        snprintf(out, size, "%s%s%s", walked, sep, name);
    return out;
}

static int walk_fail(struct paths_walk *w, enum paths_fault fault,
                     char *where, int error)
{
    w->fault = fault;
    w->where = where;
    w->error = error;
    errno = error;
    return -1;
}

void paths_walk_clear(struct paths_walk *w)
{
    if (w->dir >= 0)
        close(w->dir);
    free(w->folder);
    free(w->name);
    free(w->where);
    memset(w, 0, sizeof *w);
    w->dir = -1;
}

/* The kernel's own path resolution would follow every link; with
 * fs.protected_symlinks off it follows one another user planted in
 * /tmp as readily as the user's own. So the path is resolved here one
 * name at a time, each looked up with O_PATH | O_NOFOLLOW in the folder
 * held open before it, and a link is followed only after checking, on
 * the link itself, that the user or root made it; its text is read
 * from the same descriptor, so nobody can swap it in between. */
/* Where a walk is: the folder held open, its path as walked, and what
 * is left to walk (todo, from p on). */
struct walk {
    unsigned flags;
    int dir;
    char *walked;
    char *todo;
    char *p;
    int links;
};

enum walk_step { WALK_ON, WALK_DONE, WALK_FAILED };

/* Follows the link fd (named name in s->dir, the rest of the path after
 * it in rest): the link's target takes the place of its name in what is
 * left to walk, from the root when it is absolute. Only a link of the
 * user's or root's is followed. */
static enum walk_step walk_follow(struct walk *s, struct paths_walk *w,
                                  int fd, const struct stat *sb,
                                  char *name, const char *rest)
{
    if (!paths_trusted_owner(sb->st_uid) || ++s->links > LINKS_MAX) {
        close(fd);
        walk_fail(w, s->links > LINKS_MAX ? PATHS_FAULT_ERRNO : PATHS_FAULT_LINK,
                  join_name(s->walked, name), ELOOP);
        free(name);
        return WALK_FAILED;
    }
    char *target = read_link(fd);
    close(fd);
    free(name);
    char *next = target ? join_name(target, rest) : NULL;
    if (!next) {
        free(target);
        walk_fail(w, PATHS_FAULT_ERRNO, NULL, errno ? errno : ENOMEM);
        return WALK_FAILED;
    }
    if (target[0] == '/') {
        close(s->dir);
        s->dir = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
        free(s->walked);
        s->walked = strdup("/");
        if (s->dir < 0 || !s->walked) {
            free(target);
            free(next);
            walk_fail(w, PATHS_FAULT_ERRNO, NULL, errno ? errno : ENOMEM);
            return WALK_FAILED;
        }
    }
    free(target);
    free(s->todo);
    s->todo = s->p = next;
    return WALK_ON;
}

/* Looks up the next name of the path in s->dir: the last one ends the
 * walk (w->name), a folder is entered, a link is followed. */
static enum walk_step walk_next(struct walk *s, struct paths_walk *w)
{
    while (*s->p == '/')
        s->p++;
    size_t n = strcspn(s->p, "/");
    char *rest = s->p + n;
    while (*rest == '/')
        rest++;
    bool last = *rest == '\0';
    char *name = strndup(s->p, n);
    if (!name) {
        walk_fail(w, PATHS_FAULT_ERRNO, NULL, ENOMEM);
        return WALK_FAILED;
    }
    if (!last && strcmp(name, ".") == 0) {
        free(name);
        s->p = rest;
        return WALK_ON;
    }
    if (last && n == 0) {   /* "/" itself */
        free(name);
        w->name = strdup(".");
        return WALK_DONE;
    }
    if (last && (!(s->flags & PATHS_FOLLOW_LAST) || strcmp(name, ".") == 0
                 || strcmp(name, "..") == 0)) {
        w->name = name;
        return WALK_DONE;
    }
    int fd = openat(s->dir, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0) {
        int saved = errno;
        if (fd >= 0)
            close(fd);
        if (last && saved == ENOENT) {
            w->name = name;   /* a file yet to be made */
            return WALK_DONE;
        }
        walk_fail(w, PATHS_FAULT_ERRNO, join_name(s->walked, name), saved);
        free(name);
        return WALK_FAILED;
    }
    bool is_link = S_ISLNK(sb.st_mode);
    if (last && (!is_link || on_procfs(s->dir))) {
        /* Not a link, or one of /proc's, which name what a process
         * holds open and only the kernel can follow. */
        close(fd);
        w->name = name;
        w->kernel_link = is_link;
        return WALK_DONE;
    }
    if (!is_link && !S_ISDIR(sb.st_mode)) {
        close(fd);
        walk_fail(w, PATHS_FAULT_ERRNO, join_name(s->walked, name), ENOTDIR);
        free(name);
        return WALK_FAILED;
    }
    /* Going on past dir: it must not let others change what it
     * holds. */
    struct stat dsb;
    if ((s->flags & PATHS_SAFE_ABOVE)
        && (fstat(s->dir, &dsb) != 0 || !folder_above_is_safe(&dsb))) {
        close(fd);
        free(name);
        walk_fail(w, PATHS_FAULT_FOLDER, strdup(*s->walked ? s->walked : "."),
                  EPERM);
        return WALK_FAILED;
    }
    if (is_link)
        return walk_follow(s, w, fd, &sb, name, rest);
    char *next = join_name(s->walked, name);
    free(name);
    close(s->dir);
    s->dir = fd;
    free(s->walked);
    s->walked = next;
    if (!s->walked) {
        walk_fail(w, PATHS_FAULT_ERRNO, NULL, ENOMEM);
        return WALK_FAILED;
    }
    s->p = rest;
    return WALK_ON;
}

int paths_walk(const char *path, unsigned flags, struct paths_walk *w)
{
    memset(w, 0, sizeof *w);
    w->dir = -1;
    if (!path || !*path)
        return walk_fail(w, PATHS_FAULT_ERRNO, NULL, EINVAL);
    struct walk s = { .flags = flags, .dir = -1 };
    if (path[0] != '/' && (flags & PATHS_SAFE_ABOVE)) {
        /* What SQLite opens is the absolute name: the folders above the
         * current one are looked in too. */
        char *cwd = getcwd(NULL, 0);
        s.todo = cwd ? join_name(cwd, path) : NULL;
        free(cwd);
    } else {
        s.todo = strdup(path);
    }
    s.walked = s.todo ? strdup(s.todo[0] == '/' ? "/" : "") : NULL;
    s.dir = s.todo ? open(s.todo[0] == '/' ? "/" : ".",
                          O_PATH | O_DIRECTORY | O_CLOEXEC) : -1;
    s.p = s.todo;
    int rc = 0;
    enum walk_step step = WALK_FAILED;
    if (!s.todo || !s.walked || s.dir < 0)
        rc = walk_fail(w, PATHS_FAULT_ERRNO, NULL,
                       s.todo && s.walked ? errno : ENOMEM);
    else
        while ((step = walk_next(&s, w)) == WALK_ON)
            ;
    if (step == WALK_FAILED) {
        rc = -1;
    } else {
        w->dir = s.dir;
        s.dir = -1;
        w->folder = strdup(*s.walked ? s.walked : ".");
        if (!w->folder || !w->name) {
            paths_walk_clear(w);
            rc = walk_fail(w, PATHS_FAULT_ERRNO, NULL, ENOMEM);
        }
    }
    if (s.dir >= 0)
        close(s.dir);
    free(s.todo);
    free(s.walked);
    return rc;
}

/* ---- private files and folders made in a folder held open --------------- */

/* prefix + 12 random letters, or NULL. */
static char *random_name(const char *prefix)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char bytes[12];
    if (getentropy(bytes, sizeof bytes) != 0)
        return NULL;
    size_t n = strlen(prefix);
    char *out = malloc(n + sizeof bytes + 1);
    if (!out)
        return NULL;
    memcpy(out, prefix, n);
    for (size_t i = 0; i < sizeof bytes; i++)
        out[n + i] = letters[bytes[i] % (sizeof letters - 1)];
    out[n + sizeof bytes] = '\0';
    return out;
}

int paths_create_temp(int dir, const char *prefix, char **name)
{
    *name = NULL;
    for (int tries = 0; tries < 100; tries++) {
        char *candidate = random_name(prefix);
        if (!candidate)
            return -1;
        int fd = openat(dir, candidate,
                        O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0) {
            *name = candidate;
            return fd;
        }
        int saved = errno;
        free(candidate);
        if (saved != EEXIST) {
            errno = saved;
            return -1;
        }
    }
    errno = EEXIST;
    return -1;
}

int paths_make_temp_folder(int dir, const char *prefix, char **name)
{
    *name = NULL;
    for (int tries = 0; tries < 100; tries++) {
        char *candidate = random_name(prefix);
        if (!candidate)
            return -1;
        if (mkdirat(dir, candidate, 0700) == 0) {
            int fd = openat(dir, candidate,
                            O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            struct stat sb;
            if (fd >= 0 && fstat(fd, &sb) == 0 && sb.st_uid == geteuid()
                && (sb.st_mode & 0777) == 0700) {
                *name = candidate;
                return fd;
            }
            int saved = fd >= 0 ? EPERM : errno;
            if (fd >= 0)
                close(fd);
            unlinkat(dir, candidate, AT_REMOVEDIR);
            free(candidate);
            errno = saved;
            return -1;
        }
        int saved = errno;
        free(candidate);
        if (saved != EEXIST) {
            errno = saved;
            return -1;
        }
    }
    errno = EEXIST;
    return -1;
}

char *paths_walk_message(const struct paths_walk *w)
{
    char *where = text_sanitize(w->where ? w->where : "", false);
    char *out = NULL;
    int n = -1;
    if (w->fault == PATHS_FAULT_LINK)
        n = asprintf(&out, _("%s is a symbolic link made by another user; rapport does not follow it, as it could lead anywhere; name the file itself"),
                     where);
    else if (w->fault == PATHS_FAULT_FOLDER)
        n = asprintf(&out, _("the folder %s can be changed by another user, who could put a file or link of theirs in the path; use a place under folders that only you and root can change"),
                     where);
    else
        n = asprintf(&out, "%s: %s", where, strerror(w->error));
    free(where);
    return n < 0 ? NULL : out;
}
