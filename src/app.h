/* One run of rapport: its options, configuration and open database,
 * shared by the command line and the TUI. */
#ifndef RAPPORT_APP_H
#define RAPPORT_APP_H

#include <stdbool.h>

#include "config.h"
#include "store.h"

struct app {
    struct config cfg;
    char *db_path;          /* the database to use */
    char *demo_dir;         /* the throw-away folder of --demo, else NULL */
    bool read_only;
    struct store *st;       /* NULL until app_open_store */
};

/* Opens app->db_path (creating it unless read-only) and prints warnings
 * to stderr. Returns 0, or 1 after printing a one-line error. */
int app_open_store(struct app *app);
void app_close(struct app *app);

#endif
