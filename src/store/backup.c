/* Backups: an online, consistent copy of the file into a new private
 * one, through SQLite's backup API, made in a private folder beside the
 * target and linked into place. Uses base/i18n.h, base/paths.h,
 * base/text.h, store/db.h. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/text.h"
#include "store/backup.h"
#include "store/db.h"

/* The folder a backup goes into. SQLite writes the copy (and its
 * -journal) by name, so nobody else may be able to rename what rapport
 * puts there: the copy is made in a private folder (mkdtemp-like, 0700)
 * inside the target's folder and linked into place when it is complete.
 * That is sound when the target's folder is the user's or root's and
 * others cannot write it, or can only under the sticky bit (/tmp),
 * which keeps them from renaming the private folder. In a group- or
 * world-writable folder without it, another user could rename the
 * private folder away and put one of theirs with a file of theirs in
 * its place before SQLite opens it, so such a folder is refused, and so
 * is one another user owns (they may change its mode at will). A team
 * database may be backed up into its team folder: everyone who can
 * write that folder can read the database anyway. */
static char *check_backup_folder(struct store *st, const struct paths_walk *w)
{
    struct stat sb;
    char *shown = text_sanitize(w->folder, false);
    char *refused = NULL;
    if (fstat(w->dir, &sb) != 0) {
        refused = db_format(_("cannot read the folder %s: %s"), shown, strerror(errno));
        free(shown);
        return refused;
    }
    bool sticky = sb.st_mode & S_ISVTX;
    bool others = sb.st_mode & S_IWOTH, group = sb.st_mode & S_IWGRP;
    bool team = st->shared && !others;
    if (!sticky && (others || (group && !team)))
        refused = db_format(_("the folder %s can be written by other users, who could take the backup as it is written; back up into a folder of your own (or a sticky one such as /tmp)"),
                         shown);
    else if (!paths_trusted_owner(sb.st_uid) && !team)
        refused = db_format(_("the folder %s belongs to another user, who could take the backup as it is written; back up into a folder of your own"),
                         shown);
    free(shown);
    return refused;
}

enum store_status store_backup(struct store *st, const char *path)
{
    char *shown = text_sanitize(path, false);
    enum store_status rc = STORE_OK;
    struct paths_walk w;
    char *message = NULL;
    if (paths_walk(path, PATHS_SAFE_ABOVE, &w) != 0) {
        message = w.fault == PATHS_FAULT_ERRNO
            ? db_format(_("cannot create the backup %s: %s"), shown, strerror(w.error))
            : paths_walk_message(&w);
        rc = store_fail(st, STORE_FAILED, "%s", message ? message : _("out of memory"));
        free(message);
        paths_walk_clear(&w);
        free(shown);
        return rc;
    }
    struct stat sb;
    if (fstatat(w.dir, w.name, &sb, AT_SYMLINK_NOFOLLOW) == 0)
        message = db_format(_("%s already exists; name a new file for the backup"),
                         shown);
    if (!message)
        message = check_backup_folder(st, &w);
    char *private_name = NULL, *dest_path = NULL;
    int private_dir = -1, fd = -1;
    if (!message) {
        private_dir = paths_make_temp_folder(w.dir, ".rapport-backup.", &private_name);
        if (private_dir >= 0)
            fd = openat(private_dir, w.name,
                        O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd >= 0)
            dest_path = db_format("%s/%s/%s", w.folder, private_name, w.name);
        if (!dest_path)
            message = db_format(_("cannot create the backup %s: %s"), shown,
                             strerror(errno ? errno : ENOMEM));
    }
    sqlite3 *dest = NULL;
    if (!message && sqlite3_open_v2(dest_path, &dest, SQLITE_OPEN_READWRITE,
                                    NULL) != SQLITE_OK) {
        message = db_format(_("cannot open the backup %s: %s"), shown,
                         dest ? sqlite3_errmsg(dest) : _("out of memory"));
    } else if (!message) {
        sqlite3_backup *b = sqlite3_backup_init(dest, "main", st->db, "main");
        if (!b) {
            message = db_format(_("the backup to %s failed: %s"), shown,
                             sqlite3_errmsg(dest));
        } else {
            /* All at once: the source is read in one consistent snapshot. */
            int step = sqlite3_backup_step(b, -1);
            sqlite3_backup_finish(b);
            if (step != SQLITE_DONE)
                message = db_format(_("the backup to %s failed: %s"), shown,
                                 sqlite3_errstr(step));
        }
    }
    if (dest && sqlite3_close(dest) != SQLITE_OK) {
        if (!message)
            message = db_format(_("the backup to %s failed: %s"), shown,
                             sqlite3_errmsg(dest));
        sqlite3_close_v2(dest);
    }
    if (!message && fsync(fd) != 0)
        message = db_format(_("the backup to %s failed: %s"), shown, strerror(errno));
    /* A link, not a rename: it fails rather than replace a file that
     * appeared at the name meanwhile. */
    if (!message && linkat(private_dir, w.name, w.dir, w.name, 0) != 0)
        message = errno == EEXIST
            ? db_format(_("%s already exists; name a new file for the backup"), shown)
            : db_format(_("cannot create the backup %s: %s"), shown, strerror(errno));
    if (!message) {
        int d = openat(w.dir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (d >= 0) {
            fsync(d);
            close(d);
        }
    }
    if (fd >= 0)
        close(fd);
    if (private_dir >= 0) {
        char *journal = db_format("%s-journal", w.name);
        unlinkat(private_dir, w.name, 0);
        if (journal)
            unlinkat(private_dir, journal, 0);
        free(journal);
        close(private_dir);
        unlinkat(w.dir, private_name, AT_REMOVEDIR);
    }
    if (message) {
        rc = store_fail(st, STORE_FAILED, "%s", message);
        free(message);
    }
    free(dest_path);
    free(private_name);
    paths_walk_clear(&w);
    free(shown);
    return rc;
}
