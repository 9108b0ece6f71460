/* Backups: an online, consistent copy of the file into a new private
 * one, through SQLite's backup API. Uses base/i18n.h, base/text.h,
 * store/db.h. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "base/text.h"
#include "store/backup.h"
#include "store/db.h"

enum store_status store_backup(struct store *st, const char *path)
{
    char *shown = text_sanitize(path, false);
    mode_t old = umask(077);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    int saved = errno;
    umask(old);
    enum store_status rc = STORE_OK;
    if (fd < 0) {
        if (saved == EEXIST)
            rc = store_fail(st, STORE_FAILED,
                            _("%s already exists; name a new file for the backup"),
                            shown);
        else
            rc = store_fail(st, STORE_FAILED, _("cannot create the backup %s: %s"),
                            shown, strerror(saved));
        free(shown);
        return rc;
    }
    close(fd);
    sqlite3 *dest = NULL;
    if (sqlite3_open_v2(path, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        rc = store_fail(st, STORE_FAILED, _("cannot open the backup %s: %s"), shown,
                        dest ? sqlite3_errmsg(dest) : _("out of memory"));
    } else {
        sqlite3_backup *b = sqlite3_backup_init(dest, "main", st->db, "main");
        if (!b) {
            rc = store_fail(st, STORE_FAILED, _("the backup to %s failed: %s"), shown,
                            sqlite3_errmsg(dest));
        } else {
            /* All at once: the source is read in one consistent snapshot. */
            int step = sqlite3_backup_step(b, -1);
            sqlite3_backup_finish(b);
            if (step != SQLITE_DONE)
                rc = store_fail(st, STORE_FAILED, _("the backup to %s failed: %s"),
                                shown, sqlite3_errstr(step));
        }
    }
    sqlite3_close_v2(dest);
    if (rc != STORE_OK)
        unlink(path);
    free(shown);
    return rc;
}
