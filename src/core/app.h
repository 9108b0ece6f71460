/* One run of rapport: its options, configuration and open database,
 * shared by the command line and the TUI. Uses store/ and below. */
#ifndef RAPPORT_APP_H
#define RAPPORT_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/config.h"
#include "store/store.h"

/* How the session speaks to the person: the front end's own words and
 * stream (main.c gives both front ends the same, on standard error), so
 * the domain prints nothing itself. Each gets the text made safe. */
struct app_voice {
    void (*warning)(const char *text);
    void (*error)(const char *text);
    /* Said before a long schema upgrade, so that it does not look like
     * a hang. */
    void (*upgrading)(const char *path, int version, int64_t notes);
    /* Said once when the database did not exist and was made. */
    void (*created)(const char *path);
};

struct app {
    const struct app_voice *voice;
    struct config cfg;
    char *db_path;          /* the database to use */
    char *scratch_dir;      /* a throw-away folder (--demo, a dry run), else NULL */
    bool read_only;
    bool must_exist;        /* a command that only reads: never create it */
    struct store *st;       /* NULL until app_open_store */
    int authors;            /* whether rows name their authors: 0 not
                               asked yet, 1 no, 2 yes (core/team.h) */
};

/* Opens app->db_path (creating it unless read-only or must_exist), saying its warnings
 * and, before a long upgrade, a notice through app->voice. Returns 0, or
 * 1 after saying a one-line error with its advice. */
int app_open_store(struct app *app);
/* Says what opening the store warned of and, when rc is a failure, why
 * (with its advice; failed when the store said nothing), then frees
 * how's message. 0 when the store is open, 1 when not. */
int app_opened(struct app *app, enum store_status rc, struct store_opening *how,
               const char *failed);
/* A warning or an error, through the front end's voice. */
void app_say(const struct app *app, bool error, const char *text);
/* What the person can do about a failure of the store, worded for them:
 * the advice names rapport's commands and options, which the store does
 * not know. NULL for STORE_ADVICE_NONE. */
const char *app_advice(enum store_advice advice);
/* message, then its advice ("MESSAGE; ADVICE"), or message alone when
 * there is none. Free it; NULL when out of memory. */
char *app_advised(const char *message, enum store_advice advice);
/* The store's last failure with its advice, as the front ends show it;
 * free it (NULL: out of memory, show store_error(st)). */
char *app_store_error(const struct store *st);
void app_close(struct app *app);
/* Points app->db_path at a new database in a private throw-away folder
 * named for its purpose ("demo"). Returns 0, or 1 after saying why not. */
int app_use_scratch(struct app *app, const char *purpose);
/* Removes that folder (after app_close). */
void app_remove_scratch(struct app *app);

#endif
