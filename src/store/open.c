/* Opening a database: the file checked before SQLite reads it (what it
 * is, who owns it, who may write it and its folder, where it lives),
 * created privately when asked (the folder first, walked without
 * following another user's links), then the pragmas, the search words and
 * the migrations. Also closing, and what a connection says of itself.
 * Uses base/i18n.h, base/paths.h, base/text.h, store/db.h. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/text.h"
#include "store/db.h"

#define BUSY_TIMEOUT_MS 5000
/* How much of a savepoint's statement journal stays in memory: all of
 * it (-1). SQLite 3.40 failed with SQLITE_FULL when a statement journal
 * of several MiB moved to its file; what an import keeps in one is a
 * record's pages, or one batch's. */
#define STATEMENT_JOURNAL_MEMORY (-1)

static void warn(struct strlist *warnings, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void warn(struct strlist *warnings, const char *fmt, ...)
{
    if (!warnings)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *text = db_vformat(fmt, ap);
    va_end(ap);
    if (text) {
        strlist_push(warnings, text);
        free(text);
    }
}

/* Finds the folder that holds the database without following a link
 * another user made, and with no folder on the way that another user
 * could change: SQLite opens the file, and later its -wal and -shm, by
 * name, so every name on the way must stay as checked. */
static char *walk_to(const char *path, const char *shown, struct paths_walk *w,
                     enum store_advice *advice)
{
    if (paths_walk(path, PATHS_FOLLOW_LAST | PATHS_SAFE_ABOVE, w) == 0) {
        /* Said before anything about its folder: a folder or a device
         * named as the database is a mistake of the name. */
        struct stat sb;
        if (fstatat(w->dir, w->name, &sb, AT_SYMLINK_NOFOLLOW) == 0
            && !S_ISREG(sb.st_mode)) {
            *advice = STORE_ADVICE_NAME_FILE;
            return db_format(_("%s is not a regular file"), shown);
        }
        return NULL;
    }
    if (w->fault == PATHS_FAULT_ERRNO) {
        if (w->error == ENOENT) {
            *advice = STORE_ADVICE_CREATE;
            return db_format(_("there is no database at %s"), shown);
        }
        return db_format(_("cannot read %s: %s"), shown, strerror(w->error));
    }
    char *why = paths_walk_message(w);
    return why ? why : strdup(_("out of memory"));
}

/* Creates the file privately, 0600 (a team database 0660, its group the
 * folder's), in its folder held open; a link or a file planted at the
 * name makes O_EXCL | O_NOFOLLOW fail, and what is there is then
 * checked as any database. */
static char *create_file(const struct paths_walk *w, const char *shown,
                         bool shared, bool *created)
{
    struct stat sb;
    if (fstatat(w->dir, w->name, &sb, AT_SYMLINK_NOFOLLOW) == 0 || errno != ENOENT)
        return NULL;
    mode_t old = umask(shared ? 007 : 077);
    int fd = openat(w->dir, w->name,
                    O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                    shared ? 0660 : 0600);
    int saved = errno;
    umask(old);
    if (fd < 0 && saved != EEXIST)
        return db_format(_("cannot create %s: %s"), shown, strerror(saved));
    if (fd >= 0) {
        close(fd);
        *created = true;
    }
    return NULL;
}

/* Who may write a database file (or its -wal and -shm): refused when
 * others can, warned when others can read it. */
static char *check_owner_and_mode(const struct stat *sb, const char *shown, bool shared,
                                  struct strlist *warnings)
{
    if (!shared && sb->st_uid != geteuid())
        return db_format(_("%s belongs to another user; rapport only opens your own database (or one named a shared team database in the config)"),
                         shown);
    if (sb->st_mode & S_IWOTH)
        return db_format(_("%s can be written by every user; make it private with: chmod 600 %s"),
                         shown, shown);
    if (!shared && (sb->st_mode & S_IWGRP))
        return db_format(_("%s can be written by its group; make it private with: chmod 600 %s (or name it a shared team database in the config)"),
                         shown, shown);
    if (shared ? (sb->st_mode & S_IROTH) : (sb->st_mode & (S_IRGRP | S_IROTH)))
        warn(warnings, _("%s can be read by other users; make it private with: chmod 600 %s"),
             shown, shown);
    return NULL;
}

/* Whoever can write the folder can replace the database, and can plant
 * its -wal or -shm before SQLite makes them: a 0666 -wal of theirs then
 * receives the next commit, and in a sticky folder (/tmp) the user
 * cannot even remove it. So a folder others can write is refused,
 * sticky or not, and so is one another user owns (they may chmod it at
 * will); root's are fine. A team folder (shared_database) is written by
 * its group by design and may be a colleague's, but users outside the
 * group must not write it. */
static char *check_folder(const struct paths_walk *w, bool shared,
                          enum store_advice *advice)
{
    struct stat sb;
    char *shown = text_sanitize(w->folder, false);
    char *refused = NULL;
    if (fstat(w->dir, &sb) != 0) {
        refused = db_format(_("cannot read the folder %s: %s"), shown, strerror(errno));
    } else if (shared && (sb.st_mode & S_IWOTH)) {
        refused = db_format(_("the team folder %s can be written by users outside its group, who could replace the database or plant its -wal and -shm files; close it to them with: chmod o-w %s"),
                            shown, shown);
    } else if (!shared && (sb.st_mode & S_ISGID) && (sb.st_mode & S_IWGRP)
               && !(sb.st_mode & S_IWOTH)) {
        /* What team init makes: the mistake is the missing setting. */
        refused = db_format(_("the folder %s is a team folder (its group can write it); open its database as the team's with shared_database = yes in the config, or rapport --shared"),
                            shown);
    } else if (!shared && (sb.st_mode & (S_IWGRP | S_IWOTH)) && sb.st_uid == geteuid()) {
        refused = db_format(_("the folder %s can be written by other users, who could replace the database or plant its -wal and -shm files; make it private with: chmod 700 %s"),
                            shown, shown);
    } else if (!shared && (sb.st_mode & (S_IWGRP | S_IWOTH))) {
        *advice = STORE_ADVICE_OWN_FOLDER;
        refused = db_format(_("the folder %s can be written by other users, who could replace the database or plant its -wal and -shm files"),
                            shown);
    } else if (!shared && !paths_trusted_owner(sb.st_uid)) {
        *advice = STORE_ADVICE_OWN_FOLDER;
        refused = db_format(_("the folder %s belongs to another user, who could replace the database"),
                            shown);
    }
    free(shown);
    return refused;
}

/* Checks what the file is and who may touch it, just before SQLite
 * opens it. The folder was checked first: as nobody else can write it,
 * nobody can swap the file or plant a -wal or -shm between these checks
 * and SQLite's open, so checking by name here is sound. In a team
 * folder the group can, by design; its members can write the database
 * itself anyway, and users outside the group cannot write the folder. */
static char *check_file(const struct paths_walk *w, const char *shown,
                        unsigned flags, bool *writable,
                        struct strlist *warnings, enum store_advice *advice)
{
    struct stat sb;
    if (fstatat(w->dir, w->name, &sb, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT) {
            *advice = STORE_ADVICE_CREATE;
            return db_format(_("there is no database at %s"), shown);
        }
        return db_format(_("cannot read %s: %s"), shown, strerror(errno));
    }
    if (!S_ISREG(sb.st_mode)) {
        *advice = STORE_ADVICE_NAME_FILE;
        return db_format(_("%s is not a regular file"), shown);
    }
    bool shared = flags & STORE_OPEN_SHARED;
    char *refused = check_owner_and_mode(&sb, shown, shared, warnings);
    if (!refused && shared)
        refused = db_team_check_folder(w->dir, w->folder, warnings);
    if (!refused && shared)
        refused = db_team_check_file(w->dir, w->name, shown, sb.st_mode, warnings);
    if (refused)
        return refused;
    /* The write-ahead log and its index are the database too: whoever
     * can write them can write it. */
    static const char *const companions[] = { "-wal", "-shm" };
    size_t present = 0;
    for (size_t i = 0; i < sizeof companions / sizeof companions[0]; i++) {
        char *companion = db_format("%s%s", w->name, companions[i]);
        struct stat csb;
        if (companion && fstatat(w->dir, companion, &csb, AT_SYMLINK_NOFOLLOW) == 0) {
            present++;
            char *full = db_format("%s/%s", w->folder, companion);
            char *cshown = text_sanitize(full ? full : "", false);
            if (!S_ISREG(csb.st_mode))
                refused = db_format(_("%s is not a regular file, and SQLite would write the database into it; remove it"),
                                    cshown);
            else
                refused = check_owner_and_mode(&csb, cshown, shared, warnings);
            if (!refused && shared)
                refused = db_team_check_file(w->dir, companion, cshown,
                                             sb.st_mode, warnings);
            free(cshown);
            free(full);
        }
        free(companion);
        if (refused)
            return refused;
    }
    struct statfs fs;
    if (fstatfs(w->dir, &fs) == 0) {
        if (paths_network_fs((unsigned long)fs.f_type))
            warn(warnings, _("%s is on a network file system, where SQLite's locking is unsafe; keep the database on a local disk"),
                 shown);
    }
    /* SQLite makes the -wal and -shm beside the file, for a read too:
     * in a folder the user cannot write, it would fail with a word
     * about writing, whatever was asked. */
    if (present < 2 && faccessat(w->dir, ".", W_OK, 0) != 0) {
        char *folder = text_sanitize(w->folder, false);
        refused = db_format(_("cannot open %s: its folder cannot be written, and SQLite must make the database's -wal and -shm files there; make it writable with: chmod u+w %s"),
                            shown, folder ? folder : "");
        free(folder);
        return refused;
    }
    /* Said before SQLite's "unable to open database file". */
    if (faccessat(w->dir, w->name, R_OK, 0) != 0) {
        int saved = errno;
        return db_format(_("cannot read %s: %s; make it readable with: chmod 600 %s"),
                         shown, strerror(saved), shown);
    }
    *writable = faccessat(w->dir, w->name, W_OK, 0) == 0;
    return NULL;
}

static enum store_status set_pragmas(struct store *st)
{
    sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
    /* The first read tells a damaged file or a foreign one at once. */
    int64_t n = 0;
    enum store_status rc = db_query_int(st, "SELECT count(*) FROM sqlite_schema", -1, &n);
    int code = sqlite3_extended_errcode(st->db) & 0xff;
    if (rc != STORE_OK && code != SQLITE_NOTADB && code != SQLITE_CORRUPT) {
        /* Not the file's fault (a full disk, an unwritable folder where
         * the -shm must be made, a failing device): said as such, and
         * no backup needs restoring. */
        enum store_status failed = db_fail(st);
        if (code == SQLITE_FULL || code == SQLITE_IOERR) {
            int sys = sqlite3_system_errno(st->db);
            if (sys == ENOSPC || sys == EDQUOT || code == SQLITE_FULL)
                return store_fail(st, failed,
                                  _("cannot open %s: the disk is full (SQLite needs room beside it for its -shm and -wal files); free some space and try again"),
                                  st->shown_path);
            if (sys == EACCES || sys == EPERM || sys == EROFS)
                return store_fail(st, failed,
                                  _("cannot open %s: its folder cannot be written, and SQLite needs to make its -shm and -wal files there (%s)"),
                                  st->shown_path, strerror(sys));
        }
        return failed;
    }
    if (rc != STORE_OK) {
        char *detail = strdup(sqlite3_errmsg(st->db));
        store_fail(st, STORE_FAILED, _("%s is not a rapport database or it is damaged (%s)"),
                   st->shown_path, detail ? detail : "");
        free(detail);
        return db_advise(st, STORE_FAILED, STORE_ADVICE_RESTORE);
    }
    if (!st->read_only) {
        sqlite3_stmt *stmt = db_prepare(st, "PRAGMA journal_mode = WAL");
        if (!stmt)
            return STORE_FAILED;
        int step = sqlite3_step(stmt);
        const unsigned char *mode = step == SQLITE_ROW ? sqlite3_column_text(stmt, 0) : NULL;
        bool wal = mode && strcmp((const char *)mode, "wal") == 0;
        db_finish(st, stmt);
        if (step != SQLITE_ROW)
            return db_fail(st);
        if (!wal)
            return store_fail(st, STORE_FAILED,
                              _("%s cannot use write-ahead logging; keep the database on a local disk"),
                              st->shown_path);
    }
    if ((rc = db_exec(st, "PRAGMA synchronous = FULL")) != STORE_OK
        || (rc = db_exec(st, "PRAGMA foreign_keys = ON")) != STORE_OK
        || (rc = db_exec(st, "PRAGMA secure_delete = ON")) != STORE_OK)
        return rc;
    return STORE_OK;
}

enum store_status store_open(const char *path, unsigned flags,
                             struct store **out, char **error,
                             struct strlist *warnings)
{
    struct store_opening how = { .warnings = warnings };
    enum store_status rc = store_open_with(path, flags, &how, out);
    if (error)
        *error = how.error;
    else
        free(how.error);
    return rc;
}

enum store_status store_open_with(const char *path, unsigned flags,
                                  struct store_opening *how, struct store **out)
{
    *out = NULL;
    struct store_opening none = { 0 };
    if (!how)
        how = &none;
    how->error = NULL;
    how->advice = STORE_ADVICE_NONE;
    how->created = false;
    struct strlist *warnings = how->warnings;
    char *message = NULL;
    enum store_status status = STORE_FAILED;
    bool read_only = flags & STORE_OPEN_READ_ONLY, writable = true;

    char *shown = text_sanitize(path, false);
    bool creating = (flags & STORE_OPEN_CREATE) && !read_only;
    if (creating && paths_make_parent(path) != 0)
        message = db_format(_("cannot create the folder of %s: %s"), shown,
                            strerror(errno));
    /* The folder before the file: a file made in a folder others can
     * write would already be theirs to swap. */
    struct paths_walk w = { .dir = -1 };
    if (!message)
        message = walk_to(path, shown, &w, &how->advice);
    if (!message)
        message = check_folder(&w, flags & STORE_OPEN_SHARED, &how->advice);
    if (!message && creating)
        message = create_file(&w, shown, flags & STORE_OPEN_SHARED, &how->created);
    if (!message)
        message = check_file(&w, shown, flags, &writable, warnings, &how->advice);
    paths_walk_clear(&w);
    /* Only the read-only run is told to run without --read-only. */
    if (message && !read_only && how->advice == STORE_ADVICE_CREATE)
        how->advice = STORE_ADVICE_MISSING;
    if (!message && !writable && !read_only) {
        warn(warnings, _("%s is not writable: it is opened read-only"), shown);
        read_only = true;
    }
    struct store *st = message ? NULL : calloc(1, sizeof *st);
    if (st) {
        st->shown_path = shown;
        shown = NULL;
    }
    free(shown);
    if (message)
        goto fail;
    if (!st || !(st->path = strdup(path))) {
        store_close(st);
        message = strdup(_("out of memory"));
        goto fail;
    }
    st->read_only = read_only;
    st->shared = flags & STORE_OPEN_SHARED;
    /* SQLite makes the -wal and -shm under the process's umask before
     * giving them the database's mode; in a team database the group
     * must be able to use them from the first moment. Others' bits of
     * the umask stay. */
    if (st->shared) {
        mode_t mask = umask(0);
        umask(mask & ~(mode_t)(S_IRGRP | S_IWGRP));
    }
    st->opening = how;
    int open_flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    /* A savepoint copies each page it changes first into a statement
     * journal, which SQLite keeps in memory only up to 64 KiB and then
     * writes to a temporary file; an import keeps every record in a
     * savepoint of its own, and each record changes some fifty pages,
     * so that file took two hundred writes per record. In memory, freed
     * at each release. Process-wide, and only before SQLite starts
     * (later calls fail harmlessly). */
    sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, STATEMENT_JOURNAL_MEMORY);
    if (sqlite3_open_v2(path, &st->db, open_flags, NULL) != SQLITE_OK) {
        message = db_format(_("cannot open %s: %s"), st->shown_path,
                            st->db ? sqlite3_errmsg(st->db) : _("out of memory"));
        store_close(st);
        goto fail;
    }
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_randomness(sizeof st->origin, &st->origin);
    /* In a team database any member can change the schema, which every
     * rapport on the file runs. Defensive mode refuses what could
     * corrupt the file (writable_schema, writes into the search index's
     * shadow tables); schema_guard() limits what triggers and views may
     * call. For every database: a file may come from anywhere. */
    if (sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0) != SQLITE_OK) {
        message = db_format(_("cannot open %s safely: %s"), st->shown_path,
                            sqlite3_errmsg(st->db));
        store_close(st);
        goto fail;
    }
    status = set_pragmas(st);
    if (status == STORE_OK)
        status = db_words_open(st);
    if (status == STORE_OK)
        status = db_guard_open(st);
    if (status == STORE_OK)
        status = db_team_open(st);
    if (status == STORE_OK)
        status = db_migrate(st);
    if (status != STORE_OK) {
        message = strdup(store_error(st));
        how->advice = st->advice;
        store_close(st);
        goto fail;
    }
    st->opening = NULL;
    *out = st;
    return STORE_OK;
fail:
    if (status == STORE_OK)
        status = STORE_FAILED;
    /* SQLite's own words may come from the file (see store_fail). */
    if (message)
        how->error = text_sanitize(message, false);
    free(message);
    free(none.error);
    return status;
}

void store_close(struct store *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->nkept; i++)
        sqlite3_finalize(st->kept[i].stmt);
    for (size_t i = 0; i < st->ncached; i++)
        sqlite3_finalize(st->cached[i].stmt);
    if (st->words)
        st->word_api.xDelete(st->words);
    sqlite3_close_v2(st->db);
    strlist_clear(&st->safe_functions);
    strlist_clear(&st->modules);
    free(st->path);
    free(st->shown_path);
    free(st->error);
    free(st);
}

const char *store_path(const struct store *st)
{
    return st->path;
}

bool store_read_only(const struct store *st)
{
    return st->read_only;
}

int64_t store_data_version(struct store *st)
{
    int64_t v = 0;
    db_query_int(st, "PRAGMA data_version", -1, &v);
    return v;
}
