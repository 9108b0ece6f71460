/* Writing an export's file safely (SPEC §8): standard output aside,
 * a pipe or device is written in place only when it is the user's (or,
 * for a device, the system's), and a file is written as a private
 * temporary file beside it, renamed over its name once everything is
 * written, never through a link another user made. The path checks
 * themselves are base/paths.c's. Uses core/ and below. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "io/output.h"
#include "base/paths.h"
#include "base/text.h"

/* "cannot write PATH: error" */
enum store_status io_output_fail(struct store *st, const char *path,
                                  int err)
{
    char *shown = text_sanitize(path, false);
    enum store_status rc = store_fail(st, STORE_INVALID,
                                      _("cannot write %s: %s"), shown,
                                      strerror(err));
    free(shown);
    return rc;
}

/* A refusal naming the path once. */
enum refusal { REFUSE_NO_READER, REFUSE_BECAME_LINK, REFUSE_OTHERS_PIPE,
               REFUSE_OTHERS_DEVICE, REFUSE_NOT_FILE, REFUSE_OTHERS_FILE };

static enum store_status output_refuse(struct store *st, const char *path,
                                       enum refusal why)
{
    char *shown = text_sanitize(path, false);
    enum store_status rc = STORE_INVALID;
    switch (why) {
    case REFUSE_NO_READER:
        rc = store_fail(st, STORE_INVALID, _("nobody is reading the pipe %s; start the program that reads it first"),
                        shown);
        break;
    case REFUSE_BECAME_LINK:
        rc = store_fail(st, STORE_INVALID, _("%s became a symbolic link while it was opened; rapport does not follow it"),
                        shown);
        break;
    case REFUSE_OTHERS_PIPE:
        rc = store_fail(st, STORE_INVALID, _("%s is a pipe of another user's, who would read the export; rapport writes only into a pipe of your own"),
                        shown);
        break;
    case REFUSE_OTHERS_DEVICE:
        rc = store_fail(st, STORE_INVALID, _("%s is a device of another user's (a terminal?), who would read the export; rapport writes only to a device of yours or of the system's"),
                        shown);
        break;
    case REFUSE_NOT_FILE:
        rc = store_fail(st, STORE_INVALID, _("cannot write %s: it is not a file, a pipe or a device"),
                        shown);
        break;
    case REFUSE_OTHERS_FILE:
        rc = store_fail(st, STORE_INVALID, _("%s belongs to another user; rapport does not replace it; name a file of your own"),
                        shown);
        break;
    }
    free(shown);
    return rc;
}

/* A pipe, socket or device is written where it is: renaming a file over
 * it would replace it. Another user's pipe would hand its reader the
 * whole export (SPEC §8), so it is written only when it is the user's
 * own; a device only when it is the user's or the system's (/dev/null,
 * the user's terminal): nobody else can make a device. Opened without
 * blocking and without following a link, then checked with fstat on
 * what was opened, so nothing can be swapped between the check and the
 * write. A link of /proc (/dev/stdout, /dev/fd/N) names one of the
 * process's own descriptors, which whoever started it handed it. */
static enum store_status open_in_place(struct store *st, const char *path,
                                       struct io_output *o, bool kernel_link)
{
    int fd = openat(o->dir, o->name,
                    O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC
                    | (kernel_link ? 0 : O_NOFOLLOW));
    if (fd < 0) {
        int err = errno;
        if (err == ENXIO)
            return output_refuse(st, path, REFUSE_NO_READER);
        if (err == ELOOP)
            return output_refuse(st, path, REFUSE_BECAME_LINK);
        return io_output_fail(st, path, err);
    }
    struct stat sb;
    int refusal = -1;
    if (fstat(fd, &sb) != 0) {
        int err = errno;
        close(fd);
        return io_output_fail(st, path, err);
    }
    if (S_ISFIFO(sb.st_mode) || S_ISSOCK(sb.st_mode)) {
        if (!kernel_link && sb.st_uid != geteuid())
            refusal = REFUSE_OTHERS_PIPE;
    } else if (S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode)) {
        if (!paths_trusted_owner(sb.st_uid))
            refusal = REFUSE_OTHERS_DEVICE;
    } else if (S_ISREG(sb.st_mode) && kernel_link) {
        /* A file the process was given: written afresh, as "w" would. */
        if (ftruncate(fd, 0) != 0) {
            int err = errno;
            close(fd);
            return io_output_fail(st, path, err);
        }
    } else {
        refusal = REFUSE_NOT_FILE;
    }
    if (refusal >= 0) {
        close(fd);
        return output_refuse(st, path, (enum refusal)refusal);
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl == -1 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1
        || !(o->out = fdopen(fd, "w"))) {
        int err = errno;
        close(fd);
        return io_output_fail(st, path, err);
    }
    return STORE_OK;
}

/* Opens what path names for the export. Another user's symbolic link is
 * never followed, on the way or at the end: in /tmp, without
 * fs.protected_symlinks, it could point at any file of the user's, which
 * the rename would replace. The user's own (or root's) links are
 * followed. A regular file is never written in place: a new one,
 * created O_EXCL | O_NOFOLLOW with mode 0600 in the same folder (held
 * open), is renamed over the name itself, so whatever someone put there
 * meanwhile (a link, a file) is replaced, never written through. A file
 * of another user's is refused rather than replaced. */
static enum store_status open_target(struct store *st, const char *path,
                                     struct io_output *o)
{
    struct paths_walk w;
    enum store_status rc = STORE_OK;
    if (paths_walk(path, PATHS_FOLLOW_LAST, &w) != 0) {
        if (w.fault == PATHS_FAULT_LINK) {
            char *why = paths_walk_message(&w);
            rc = store_fail(st, STORE_INVALID, "%s", why ? why : "");
            free(why);
        } else {
            rc = io_output_fail(st, path, w.error);
        }
        paths_walk_clear(&w);
        return rc;
    }
    o->dir = w.dir;
    o->name = w.name;
    w.dir = -1;
    w.name = NULL;
    bool kernel_link = w.kernel_link;
    paths_walk_clear(&w);

    struct stat sb;
    if (fstatat(o->dir, o->name, &sb, AT_SYMLINK_NOFOLLOW) == 0) {
        if (S_ISDIR(sb.st_mode))
            return io_output_fail(st, path, EISDIR);
        if (kernel_link || (!S_ISREG(sb.st_mode) && !S_ISLNK(sb.st_mode)))
            return open_in_place(st, path, o, kernel_link);
        if (S_ISREG(sb.st_mode) && sb.st_uid != geteuid())
            return output_refuse(st, path, REFUSE_OTHERS_FILE);
    } else if (errno != ENOENT) {
        return io_output_fail(st, path, errno);
    }
    char *prefix = NULL;
    if (asprintf(&prefix, ".%s.tmp-", o->name) < 0)
        return io_output_fail(st, path, ENOMEM);
    int fd = paths_create_temp(o->dir, prefix, &o->tmp);
    free(prefix);
    if (fd < 0 || !(o->out = fdopen(fd, "w"))) {
        int err = errno;
        if (fd >= 0) {
            close(fd);
            unlinkat(o->dir, o->tmp, 0);
        }
        free(o->tmp);
        o->tmp = NULL;
        return io_output_fail(st, path, err);
    }
    return STORE_OK;
}

enum store_status io_output_open(struct store *st, const char *path,
                                 struct io_output *o)
{
    *o = (struct io_output){ .dir = -1 };
    enum store_status rc = open_target(st, path, o);
    if (rc != STORE_OK) {
        if (o->dir >= 0)
            close(o->dir);
        free(o->name);
        *o = (struct io_output){ .dir = -1 };
    }
    return rc;
}

/* Finishes the export: flushes it, and for a file makes it durable and
 * puts it in place (or removes it when rc is already a failure). */
enum store_status io_output_close(struct store *st, const char *path,
                                   struct io_output *o, enum store_status rc)
{
    if (rc == STORE_OK && (fflush(o->out) != 0 || ferror(o->out)))
        rc = io_output_fail(st, path, errno);
    if (o->tmp && rc == STORE_OK && fsync(fileno(o->out)) != 0)
        rc = io_output_fail(st, path, errno);
    if (fclose(o->out) != 0 && rc == STORE_OK)
        rc = io_output_fail(st, path, errno);
    if (o->tmp) {
        if (rc == STORE_OK && renameat(o->dir, o->tmp, o->dir, o->name) != 0)
            rc = io_output_fail(st, path, errno);
        if (rc != STORE_OK) {
            unlinkat(o->dir, o->tmp, 0);
        } else {
            /* The rename is durable once the folder is. */
            int d = openat(o->dir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (d >= 0) {
                fsync(d);
                close(d);
            }
        }
        free(o->tmp);
    }
    if (o->dir >= 0)
        close(o->dir);
    free(o->name);
    return rc;
}
