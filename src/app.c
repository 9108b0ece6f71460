/* One run of rapport: opening and closing its database, shared by the
 * command line and the TUI. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "i18n.h"

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

void app_close(struct app *app)
{
    if (app->st) {
        store_close(app->st);
        app->st = NULL;
    }
}
