/* A team database's files: the folder and database `rapport team init`
 * makes for a group, and what opening one checks and mends. SQLite
 * gives a new -wal and -shm the database's own mode, and the folder's
 * setgid bit gives them its group; so a 0660 database of the group in
 * a 2770 folder of the group works whichever member opens it first.
 * What an older run left (a private -wal of the member who made it, a
 * file of the member's own group) is mended when it is the member's
 * own, and otherwise refused or warned of with the command that fixes
 * it. Uses base/, store/db.h. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/text.h"
#include "base/user.h"
#include "store/db.h"
#include "store/team.h"

#define TEAM_FOLDER_MODE 02770
#define TEAM_FILE_MODE 0660
/* How long a -wal or -shm being made may take to get its mode. */
#define MAKING_TRIES 50
#define MAKING_PAUSE_NS 10000000L

static void team_warn(struct strlist *warnings, char *text)
{
    if (warnings && text)
        strlist_push(warnings, text);
    free(text);
}

/* The login of uid, for "ask NAME to run ...". */
static char *owner_name(uid_t uid)
{
    char *login = user_login_of(uid);
    return login ? login : strdup("?");
}

char *db_team_check_folder(int dir, const char *folder,
                           struct strlist *warnings)
{
    struct stat sb;
    if (fstat(dir, &sb) != 0)
        return NULL;
    /* A folder its group cannot write is nobody's team folder: a
     * member's own database opened with shared_database = yes. */
    if ((sb.st_mode & S_IWGRP) && !(sb.st_mode & S_ISGID)) {
        char *shown = text_sanitize(folder, false);
        team_warn(warnings,
                  db_format(_("the team folder %s lacks the setgid bit, so the files members make in it get each one's own group and colleagues may be shut out; fix it with: chmod g+s %s"),
                            shown, shown));
        free(shown);
    }
    return NULL;
}

/* Mends or judges one file of a team database (the database, its -wal
 * or its -shm) already known to be a regular file nobody outside the
 * group can write. db_mode is the database's mode: a -wal or -shm must
 * let the group do what the database lets it. */
char *db_team_check_file(int dir, const char *name, const char *shown,
                         mode_t db_mode, struct strlist *warnings)
{
    struct stat sb, folder;
    if (fstatat(dir, name, &sb, AT_SYMLINK_NOFOLLOW) != 0 || fstat(dir, &folder) != 0)
        return NULL;
    bool mine = sb.st_uid == geteuid();
    mode_t wanted = db_mode & (S_IRGRP | S_IWGRP);
    /* SQLite makes a -wal or -shm under the maker's umask and only then
     * gives it the database's mode: an empty one of a colleague's may be
     * in that moment. */
    for (int tries = 0; !mine && sb.st_size == 0 && (sb.st_mode & wanted) != wanted
                        && tries < MAKING_TRIES; tries++) {
        struct timespec pause = { 0, MAKING_PAUSE_NS };
        nanosleep(&pause, NULL);
        if (fstatat(dir, name, &sb, AT_SYMLINK_NOFOLLOW) != 0)
            return NULL;
    }
    if ((sb.st_mode & wanted) != wanted) {
        if (mine) {
            /* Checked a moment ago as a regular file, in a folder only
             * the group can change. */
            if (fchmodat(dir, name, (sb.st_mode & 07777) | wanted, 0) != 0)
                return db_format(_("cannot let the team write %s: %s"), shown,
                                 strerror(errno));
        } else {
            char *login = owner_name(sb.st_uid);
            char *refused = db_format(_("%s belongs to %s and the team cannot write it, so colleagues cannot use the database; %s can fix it with: chmod g+rw %s"),
                                      shown, login, login, shown);
            free(login);
            return refused;
        }
    }
    if (sb.st_gid != folder.st_gid && (folder.st_mode & S_IWGRP)) {
        if (mine && user_in_group(folder.st_gid)
            && fchownat(dir, name, (uid_t)-1, folder.st_gid, AT_SYMLINK_NOFOLLOW) == 0)
            return NULL;
        char *group = user_group_name(folder.st_gid);
        char *theirs = user_group_name(sb.st_gid);
        team_warn(warnings,
                  db_format(_("%s belongs to the group %s, not to the team folder's group %s; fix it with: chgrp %s %s"),
                            shown, theirs ? theirs : "?", group ? group : "?",
                            group ? group : "?", shown));
        free(group);
        free(theirs);
    }
    return NULL;
}

/* Whether the folder dir holds anything but the database `name` and the
 * files SQLite keeps beside it. */
static bool holds_others(int dir, const char *name)
{
    int fd = dup(dir);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return true;
    }
    size_t len = strlen(name);
    bool others = false;
    for (struct dirent *e; !others && (e = readdir(d));) {
        const char *n = e->d_name;
        if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0)
            continue;
        others = strncmp(n, name, len) != 0
                 || (n[len] && strcmp(n + len, "-wal") != 0
                     && strcmp(n + len, "-shm") != 0
                     && strcmp(n + len, "-journal") != 0);
    }
    closedir(d);
    return others;
}

/* The folder of path made the team's: created when missing, then given
 * to the group, 2770. One of another user's must already be so; one of
 * the caller's that holds other files is refused (a home folder must not
 * become the group's by a short path). */
static char *make_folder(const char *path, gid_t gid, const char *group)
{
    char *folder = strdup(path);
    if (!folder)
        return strdup(_("out of memory"));
    char *slash = strrchr(folder, '/');
    if (!slash) {
        free(folder);
        folder = strdup(".");
    } else if (slash == folder) {
        slash[1] = '\0';
    } else {
        *slash = '\0';
    }
    char *shown = text_sanitize(folder ? folder : "", false);
    char *refused = NULL;
    if (!folder || !shown) {
        refused = strdup(_("out of memory"));
        goto out;
    }
    mode_t old = umask(077);
    int made = mkdir(folder, 0700);
    int saved = errno;
    umask(old);
    if (made != 0 && saved != EEXIST) {
        refused = db_format(_("cannot create the team folder %s: %s"), shown,
                            strerror(saved));
        goto out;
    }
    int fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0) {
        refused = db_format(_("cannot open the team folder %s: %s"), shown,
                            strerror(errno));
    } else if (sb.st_uid == geteuid() && made != 0
               && (sb.st_gid != gid || (sb.st_mode & 07777) != TEAM_FOLDER_MODE)
               && holds_others(fd, strrchr(path, '/') ? strrchr(path, '/') + 1 : path)) {
        refused = db_format(_("the folder %s holds other files, which would become the group's; a team database needs a folder of its own, such as %s/team"),
                            shown, shown);
    } else if (sb.st_uid == geteuid()) {
        /* chown first: changing the group may clear the setgid bit. */
        if (fchown(fd, (uid_t)-1, gid) != 0 || fchmod(fd, TEAM_FOLDER_MODE) != 0)
            refused = db_format(_("cannot give the folder %s to the group %s: %s"),
                                shown, group, strerror(errno));
    } else if (sb.st_gid != gid || (sb.st_mode & 07777) != TEAM_FOLDER_MODE) {
        char *login = owner_name(sb.st_uid);
        refused = db_format(_("the folder %s belongs to %s; %s can make it the team's with: chgrp %s %s && chmod 2770 %s"),
                            shown, login, login, group, shown, shown);
        free(login);
    }
    if (fd >= 0)
        close(fd);
out:
    free(shown);
    free(folder);
    return refused;
}

enum store_status store_team_create(const char *path, gid_t gid,
                                    struct store_opening *how,
                                    struct store **out)
{
    *out = NULL;
    how->error = NULL;
    how->advice = STORE_ADVICE_NONE;
    char *group = user_group_name(gid);
    char *refused = NULL;
    if (!group)
        refused = strdup(_("out of memory"));
    else if (geteuid() != 0 && !user_in_group(gid))
        refused = db_format(_("you are not a member of the group %s; ask an administrator to add you (adduser LOGIN %s) and log in again, or run this as root"),
                            group, group);
    if (!refused)
        refused = make_folder(path, gid, group);
    char *shown = text_sanitize(path, false);
    struct stat sb;
    /* An existing database of the caller's becomes the team's; one of
     * somebody else's stays as it is (they decide). */
    if (!refused && shown && lstat(path, &sb) == 0 && S_ISREG(sb.st_mode)
        && sb.st_uid == geteuid()
        && (lchown(path, (uid_t)-1, gid) != 0 || chmod(path, TEAM_FILE_MODE) != 0))
        refused = db_format(_("cannot give %s to the group %s: %s"), shown,
                            group, strerror(errno));
    free(shown);
    free(group);
    if (refused) {
        how->error = refused;
        return STORE_FAILED;
    }
    enum store_status rc = store_open_with(path, STORE_OPEN_CREATE | STORE_OPEN_SHARED,
                                           how, out);
    if (rc != STORE_OK)
        return rc;
    /* Root's file, or one made before the folder was the group's. */
    if (lstat(path, &sb) == 0 && sb.st_uid == geteuid() && sb.st_gid != gid
        && lchown(path, (uid_t)-1, gid) != 0) {
        how->error = db_format(_("cannot give %s to its group: %s"),
                               (*out)->shown_path, strerror(errno));
        store_close(*out);
        *out = NULL;
        return STORE_FAILED;
    }
    return STORE_OK;
}

static void file_owner_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    const struct store *st = sqlite3_user_data(ctx);
    sqlite3_result_text(ctx, st->file_owner, -1, SQLITE_TRANSIENT);
}

enum store_status db_team_open(struct store *st)
{
    char *login = user_login();
    if (!login)
        return db_no_memory(st);
    snprintf(st->author, sizeof st->author, "%s", login);
    free(login);
    struct stat sb;
    char *owner = stat(st->path, &sb) == 0 ? user_login_of(sb.st_uid) : NULL;
    snprintf(st->file_owner, sizeof st->file_owner, "%s", owner ? owner : st->author);
    free(owner);
    /* Direct-only: no trigger or view of the file may call it. */
    if (sqlite3_create_function(st->db, "rapport_file_owner", 0,
                                SQLITE_UTF8 | SQLITE_DIRECTONLY, st,
                                file_owner_function, NULL, NULL) != SQLITE_OK)
        return db_fail(st);
    return STORE_OK;
}

const char *store_author(const struct store *st)
{
    return st->author;
}

void store_set_author(struct store *st, const char *login)
{
    snprintf(st->author, sizeof st->author, "%s", login);
}

bool store_has_authors(struct store *st)
{
    /* Each min and max one step down an index (the journal keeps only
     * its last entries): instant on a team's whole history. */
    int64_t many = 0;
    db_query_int(st,
        "SELECT count(DISTINCT login) > 1 FROM ("
        "SELECT (SELECT min(author) FROM note) AS login "
        "UNION ALL SELECT (SELECT max(author) FROM note) "
        "UNION ALL SELECT (SELECT min(assigned_to) FROM followup) "
        "UNION ALL SELECT (SELECT max(assigned_to) FROM followup) "
        "UNION ALL SELECT (SELECT min(owner) FROM contact WHERE owner IS NOT NULL) "
        "UNION ALL SELECT (SELECT max(owner) FROM contact WHERE owner IS NOT NULL) "
        "UNION ALL SELECT author FROM journal)", -1, &many);
    return many != 0;
}

bool db_team_last_author(struct store *st, int64_t contact_id, char *buf,
                         size_t size)
{
    buf[0] = '\0';
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT j.author FROM journal_row r JOIN journal j ON j.id = r.journal_id "
        "WHERE (r.contact_id = ?1 OR " JOURNAL_RUN_SPANS("r.", "?1") ") "
        "AND j.author IS NOT NULL ORDER BY r.id DESC LIMIT 1");
    if (!stmt)
        return false;
    sqlite3_bind_int64(stmt, 1, contact_id);
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        snprintf(buf, size, "%s", (const char *)sqlite3_column_text(stmt, 0));
    db_finish(st, stmt);
    return buf[0] != '\0';
}

bool store_contact_changed_by(struct store *st, int64_t contact_id, char *buf,
                              size_t size)
{
    return db_team_last_author(st, contact_id, buf, size);
}

/* The distinct values of an indexed column that begin with :prefix,
 * each the next one after the last (a skip down the index). */
#define TEAM_SKIP(name, col, table) \
    name "(login) AS (SELECT (SELECT min(" col ") FROM " table \
    " WHERE " col " >= :prefix) UNION ALL SELECT (SELECT min(" col ") FROM " \
    table " WHERE " col " > " name ".login) FROM " name " WHERE " name \
    ".login IS NOT NULL AND substr(" name ".login, 1, length(:prefix)) = :prefix" \
    " LIMIT :limit)"
#define TEAM_BEGINS(col) \
    " WHERE " col " IS NOT NULL AND substr(" col ", 1, length(:prefix)) = :prefix"

enum store_status store_team_logins(struct store *st, const char *prefix,
                                    size_t limit, struct strlist *out)
{
    sqlite3_stmt *stmt = db_prepare(st,
        "WITH RECURSIVE " TEAM_SKIP("n", "author", "note") ", "
        TEAM_SKIP("f", "assigned_to", "followup") ", "
        TEAM_SKIP("o", "owner", "contact")
        " SELECT login FROM n" TEAM_BEGINS("login")
        " UNION SELECT login FROM f" TEAM_BEGINS("login")
        " UNION SELECT login FROM o" TEAM_BEGINS("login")
        /* The journal keeps the last 200 changes: whoever made one (a
         * member who only hands out follow-ups) without an index. */
        " UNION SELECT author FROM journal" TEAM_BEGINS("author")
        " UNION SELECT :me" TEAM_BEGINS(":me")
        " ORDER BY 1 LIMIT :limit");
    if (!stmt)
        return STORE_FAILED;
    db_bind_named_text(stmt, ":prefix", prefix ? prefix : "");
    db_bind_named_text(stmt, ":me", st->author);
    db_bind_named_int(stmt, ":limit", (int64_t)limit);
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW)
        if (strlist_push(out, (const char *)sqlite3_column_text(stmt, 0)) < 0) {
            rc = db_no_memory(st);
            break;
        }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}
