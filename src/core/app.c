/* One run of rapport: opening and closing its database, shared by the
 * command line and the TUI. Uses store/ and below. */
#include <config.h>

#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/app.h"
#include "base/i18n.h"

const char *app_advice(enum store_advice advice)
{
    switch (advice) {
    case STORE_ADVICE_CREATE:
        return _("run rapport once without --read-only to create it, or name another with --db");
    case STORE_ADVICE_MISSING:
        return _("check the name given with --db or in the config; a command that changes something (such as rapport add) creates it");
    case STORE_ADVICE_NAME_FILE:
        return _("name the database file with --db");
    case STORE_ADVICE_RESTORE:
        return _("restore a backup, or name another file with --db");
    case STORE_ADVICE_OTHER_FILE:
        return _("choose another file with --db");
    case STORE_ADVICE_UPGRADE:
        return _("open it once without --read-only");
    case STORE_ADVICE_CHECK:
        return _("run \"rapport check\" and restore a backup");
    case STORE_ADVICE_REBUILD_INDEX:
        return _("rebuild it with: rapport check --rebuild-index");
    case STORE_ADVICE_OWN_FOLDER:
        return _("keep the database in a folder of your own (mkdir -m 700) and name it with --db");
    case STORE_ADVICE_NONE:
        break;
    }
    return NULL;
}

char *app_advised(const char *message, enum store_advice advice)
{
    const char *what = app_advice(advice);
    char *text = NULL;
    /* TRANSLATORS: a message, then what to do about it. */
    if (what ? asprintf(&text, _("%s; %s"), message, what) < 0
             : !(text = strdup(message)))
        return NULL;
    return text;
}

char *app_store_error(const struct store *st)
{
    return app_advised(store_error(st), store_advice(st));
}

static void say_upgrading(void *arg, const char *path, int version,
                          int64_t notes)
{
    const struct app *app = arg;
    if (app->voice && app->voice->upgrading)
        app->voice->upgrading(path, version, notes);
}

void app_say(const struct app *app, bool error, const char *text)
{
    if (!app->voice)
        return;
    void (*fn)(const char *) = error ? app->voice->error : app->voice->warning;
    if (fn)
        fn(text);
}

int app_opened(struct app *app, enum store_status rc, struct store_opening *how,
               const char *failed)
{
    for (size_t i = 0; how->warnings && i < how->warnings->len; i++)
        app_say(app, false, how->warnings->items[i]);
    if (how->warnings)
        strlist_clear(how->warnings);
    if (rc != STORE_OK) {
        char *message = how->error ? app_advised(how->error, how->advice) : NULL;
        app_say(app, true, message ? message : how->error ? how->error : failed);
        free(message);
        free(how->error);
        how->error = NULL;
        app->st = NULL;
        return 1;
    }
    free(how->error);
    how->error = NULL;
    return 0;
}

int app_open_store(struct app *app)
{
    if (app->st)
        return 0;
    /* A command that only reads must not leave an empty database behind
     * a mistyped --db: that would read as "nothing to do". */
    unsigned flags = app->read_only ? STORE_OPEN_READ_ONLY
                     : app->must_exist ? 0 : STORE_OPEN_CREATE;
    if (app->cfg.shared_database)
        flags |= STORE_OPEN_SHARED;
    struct strlist warnings = { 0 };
    struct store_opening how = { .warnings = &warnings,
                                 .upgrading = say_upgrading,
                                 .arg = app };
    enum store_status rc = store_open_with(app->db_path, flags, &how, &app->st);
    if (app_opened(app, rc, &how, _("cannot open the database")) != 0)
        return 1;
    /* Said once, so that a mistyped name is seen; a throw-away one is
     * nobody's business. */
    if (how.created && !app->scratch_dir && app->voice && app->voice->created)
        app->voice->created(store_path(app->st));
    return 0;
}

static int remove_entry(const char *path, const struct stat *sb, int flag,
                        struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

/* A throw-away folder must not outlive a run killed with SIGTERM, SIGINT
 * or SIGHUP (a dry run of a long import is one long transaction, so a
 * flag the main loop checked would be seen only at its end, if ever).
 * The handler therefore does the cleaning itself, with nothing but
 * async-signal-safe calls on paths made before it was installed:
 * unlink() of the database and the files SQLite keeps beside it,
 * rmdir() of the folder, then raise() again with the default action
 * (SA_RESETHAND), so the run still ends as killed by that signal. SQLite
 * may be halfway through a write: the files go anyway, which is what a
 * throw-away database is for, and nothing else of the process runs
 * after. The one process has one scratch folder, hence the statics. */
#define SCRATCH_FILES 4
static char *scratch_files[SCRATCH_FILES];
static char *scratch_folder;
static volatile sig_atomic_t scratch_armed;
static const int scratch_signals[] = { SIGTERM, SIGINT, SIGHUP, SIGPIPE };
#define SCRATCH_SIGNALS (sizeof scratch_signals / sizeof scratch_signals[0])

static void on_scratch_signal(int sig)
{
    if (scratch_armed) {
        for (int i = 0; i < SCRATCH_FILES; i++)
            if (scratch_files[i])
                unlink(scratch_files[i]);
        rmdir(scratch_folder);
    }
    raise(sig);
}

static void scratch_handlers(bool install)
{
    sigset_t block;
    sigemptyset(&block);
    for (size_t i = 0; i < SCRATCH_SIGNALS; i++)
        sigaddset(&block, scratch_signals[i]);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = install ? on_scratch_signal : SIG_DFL;
    sa.sa_mask = block;
    sa.sa_flags = install ? SA_RESETHAND : 0;
    sigset_t old;
    sigprocmask(SIG_BLOCK, &block, &old);
    scratch_armed = 0;
    for (size_t i = 0; i < SCRATCH_SIGNALS; i++) {
        struct sigaction was;
        /* A signal ignored when rapport started (nohup) stays ignored;
         * a handler installed since (the TUI's) is left to its owner. */
        if (sigaction(scratch_signals[i], NULL, &was) == 0
            && was.sa_handler != (install ? SIG_DFL : on_scratch_signal))
            continue;
        sigaction(scratch_signals[i], &sa, NULL);
    }
    scratch_armed = install;
    sigprocmask(SIG_SETMASK, &old, NULL);
}

static void scratch_forget(void)
{
    for (int i = 0; i < SCRATCH_FILES; i++) {
        free(scratch_files[i]);
        scratch_files[i] = NULL;
    }
    free(scratch_folder);
    scratch_folder = NULL;
}

int app_use_scratch(struct app *app, const char *purpose)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = NULL;
    if (asprintf(&dir, "%s/rapport-%s.XXXXXX", tmp && *tmp ? tmp : "/tmp", purpose) < 0)
        return 1;
    if (!mkdtemp(dir)) {
        char *why = NULL;
        if (asprintf(&why, _("cannot make a temporary folder: %s"), strerror(errno)) >= 0) {
            app_say(app, true, why);
            free(why);
        }
        free(dir);
        return 1;
    }
    chmod(dir, 0700);
    app->scratch_dir = dir;
    free(app->db_path);
    if (asprintf(&app->db_path, "%s/%s.db", dir, purpose) < 0) {
        app->db_path = NULL;
        return 1;
    }
    static const char *const suffixes[SCRATCH_FILES] = { "", "-wal", "-shm", "-journal" };
    scratch_folder = strdup(dir);
    bool made = scratch_folder != NULL;
    for (int i = 0; i < SCRATCH_FILES; i++)
        if (asprintf(&scratch_files[i], "%s%s", app->db_path, suffixes[i]) < 0) {
            scratch_files[i] = NULL;
            made = false;
        }
    if (made)
        scratch_handlers(true);
    else
        scratch_forget();
    return 0;
}

void app_close(struct app *app)
{
    if (app->st) {
        store_close(app->st);
        app->st = NULL;
    }
}

void app_remove_scratch(struct app *app)
{
    if (app->scratch_dir) {
        if (scratch_armed)
            scratch_handlers(false);
        scratch_forget();
        nftw(app->scratch_dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
        free(app->scratch_dir);
        app->scratch_dir = NULL;
    }
}
