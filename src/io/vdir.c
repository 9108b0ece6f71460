/* vdirs: opening the folder safely, listing its files, and importing
 * every file of one, each as a file is imported (the same merge rules,
 * messages naming each file), all in one transaction and one step to
 * undo. Writing one is vdir_export.c's. Uses core/ and below. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/text.h"
#include "io/format.h"
#include "io/output.h"
#include "io/vdir.h"

enum store_status io_vdir_open(struct store *st, const char *path, bool create,
                               int *dir)
{
    *dir = -1;
    struct paths_walk w;
    enum store_status rc = STORE_OK;
    /* As the database's folder is made: a vdir of calendars is often
     * one folder below another, as todoman finds its lists. */
    if (create && paths_make_parent(path) != 0)
        return io_output_fail(st, path, errno);
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
    if (create && mkdirat(w.dir, w.name, 0700) != 0 && errno != EEXIST) {
        rc = io_output_fail(st, path, errno);
        paths_walk_clear(&w);
        return rc;
    }
    int fd = openat(w.dir, w.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    int err = errno;
    paths_walk_clear(&w);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0) {
        if (fd >= 0) {
            err = errno;
            close(fd);
        }
        char *shown = text_sanitize(path, false);
        rc = store_fail(st, STORE_INVALID, _("cannot open the folder %s: %s"), shown,
                        strerror(err));
        free(shown);
        return rc;
    }
    /* Another user's folder, or one every user may write into, could
     * have its files swapped while rapport reads, replaces or removes
     * them. */
    if (sb.st_uid != geteuid() || (sb.st_mode & S_IWOTH)) {
        close(fd);
        char *shown = text_sanitize(path, false);
        rc = store_fail(st, STORE_INVALID,
                        sb.st_uid != geteuid()
                        ? _("the folder %s belongs to another user; rapport reads and writes vdirs of your own only")
                        : _("every user may write into the folder %s; rapport reads and writes vdirs only others cannot change (chmod o-w)"),
                        shown);
        free(shown);
        return rc;
    }
    *dir = fd;
    return STORE_OK;
}

static bool ends_with(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

enum store_status io_vdir_list(struct store *st, const char *path, int dir,
                               const char *ext, struct strlist *names)
{
    int copy = dup(dir);
    DIR *d = copy >= 0 ? fdopendir(copy) : NULL;
    if (!d) {
        if (copy >= 0)
            close(copy);
        char *shown = text_sanitize(path, false);
        enum store_status rc = store_fail(st, STORE_INVALID, _("cannot read %s: %s"),
                                          shown, strerror(errno));
        free(shown);
        return rc;
    }
    /* The copy shares its position with dir: read from the start. */
    rewinddir(d);
    enum store_status rc = STORE_OK;
    for (struct dirent *e; rc == STORE_OK && (e = readdir(d)); ) {
        if (e->d_name[0] == '.')
            continue;
        bool wanted = ext ? ends_with(e->d_name, ext)
                          : ends_with(e->d_name, ".vcf") || ends_with(e->d_name, ".ics");
        if (wanted && strlist_push(names, e->d_name) != 0)
            rc = store_fail(st, STORE_FAILED, _("out of memory"));
    }
    closedir(d);
    if (names->len > 1)
        qsort(names->items, names->len, sizeof *names->items, by_name);
    return rc;
}

char *io_vdir_file(const char *path, const char *name)
{
    char *file = NULL;
    size_t n = strlen(path);
    if (asprintf(&file, "%s%s%s", path, n && path[n - 1] == '/' ? "" : "/",
                 name) < 0)
        return NULL;
    return file;
}

/* ---- importing ----------------------------------------------------------- */

struct vdir_import {
    const char *path;
    int dir;
    const struct strlist *names;
    int format;
    unsigned flags;
    struct io_summary *sum;
    bool finished;
};

static enum store_status import_each(struct store *st, void *arg)
{
    struct vdir_import *v = arg;
    int before = v->sum->added + v->sum->merged;
    for (size_t i = 0; i < v->names->len; i++) {
        const char *name = v->names->items[i];
        char *file = io_vdir_file(v->path, name);
        if (!file)
            return store_fail(st, STORE_FAILED, _("out of memory"));
        /* Not through a link: another program's file is read where it
         * is, never one it points at. */
        int fd = openat(v->dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        struct stat sb;
        FILE *f = NULL;
        if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode))
            f = fdopen(fd, "rb");
        if (!f) {
            char *shown = text_sanitize(file, false);
            strlist_pushf(&v->sum->messages,
                          _("%s: not a file of its own (a link or a folder?); not read"),
                          shown);
            free(shown);
            if (fd >= 0)
                close(fd);
            free(file);
            continue;
        }
        enum store_status rc = io_import_stream(st, f, file, v->format,
                                                v->flags | IO_WITHIN, NULL, v->sum);
        free(file);
        /* One file that is no card or calendar costs that file, as one
         * bad record costs that record; --strict refuses the folder. */
        if (rc == STORE_INVALID && !(v->flags & IO_STRICT)) {
            v->sum->rejected++;
            strlist_pushf(&v->sum->messages, _("rejected: %s"), store_error(st));
        } else if (rc != STORE_OK) {
            return rc;
        }
    }
    v->finished = true;
    /* As one file's import: a dry run, or a folder that changes
     * nothing, leaves no trace. */
    if ((v->flags & IO_DRY_RUN) || v->sum->added + v->sum->merged == before)
        return STORE_CONFLICT;
    return STORE_OK;
}

enum store_status io_import_vdir(struct store *st, const char *path,
                                 int format, unsigned flags,
                                 struct io_summary *summary)
{
    int dir = -1;
    enum store_status rc = io_vdir_open(st, path, false, &dir);
    if (rc != STORE_OK)
        return rc;
    const char *ext = format == IO_FORMAT_VCARD ? ".vcf"
                      : format == IO_FORMAT_ICAL ? ".ics" : NULL;
    struct strlist names = { 0 };
    rc = io_vdir_list(st, path, dir, ext, &names);
    if (rc == STORE_OK && (format == IO_FORMAT_CSV || format == IO_FORMAT_JSON)) {
        rc = store_fail(st, STORE_INVALID,
                        _("a vdir holds vCard or iCalendar files; give --format vcard or ics, or none"));
    } else if (rc == STORE_OK && names.len == 0) {
        char *shown = text_sanitize(path, false);
        rc = store_fail(st, STORE_INVALID,
                        _("%s is a folder with no .vcf or .ics file: not a vdir; nothing was imported"),
                        shown);
        free(shown);
    }
    if (rc == STORE_OK) {
        struct vdir_import v = { path, dir, &names, format, flags, summary, false };
        rc = store_batch(st, _("import"), import_each, &v);
        if (v.finished && rc == STORE_CONFLICT)
            rc = STORE_OK;
    }
    strlist_clear(&names);
    close(dir);
    return rc;
}
