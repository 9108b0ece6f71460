/* One run of rapport: opening and closing its database, shared by the
 * command line and the TUI. Uses store/ and below. */
#include <config.h>

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/app.h"
#include "base/i18n.h"

int app_open_store(struct app *app)
{
    if (app->st)
        return 0;
    unsigned flags = app->read_only ? STORE_OPEN_READ_ONLY
                                    : STORE_OPEN_CREATE;
    if (app->cfg.shared_database)
        flags |= STORE_OPEN_SHARED;
    struct strlist warnings = { 0 };
    char *error = NULL;
    enum store_status rc = store_open(app->db_path, flags, &app->st, &error,
                                      &warnings);
    for (size_t i = 0; i < warnings.len; i++)
        fprintf(stderr, _("rapport: WARNING: %s\n"), warnings.items[i]);
    strlist_clear(&warnings);
    if (rc != STORE_OK) {
        fprintf(stderr, "rapport: %s\n",
                error ? error : _("cannot open the database"));
        free(error);
        app->st = NULL;
        return 1;
    }
    free(error);
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

int app_use_scratch(struct app *app, const char *purpose)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = NULL;
    if (asprintf(&dir, "%s/rapport-%s.XXXXXX", tmp && *tmp ? tmp : "/tmp", purpose) < 0)
        return 1;
    if (!mkdtemp(dir)) {
        fprintf(stderr, _("rapport: cannot make a temporary folder: %s\n"), strerror(errno));
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
        nftw(app->scratch_dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
        free(app->scratch_dir);
        app->scratch_dir = NULL;
    }
}
