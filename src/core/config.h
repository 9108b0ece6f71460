/* The configuration file (SPEC §6), read with iniparser. Options are one
 * table in config.c: name, where the value goes, how it is parsed, and
 * the expected form shown when a value is wrong. Uses store/ and below. */
#ifndef RAPPORT_CONFIG_H
#define RAPPORT_CONFIG_H

#include <stdbool.h>

#include "base/strlist.h"
#include "model/stage.h"

struct pipeline_thresholds {
    int end_user_interactions;   /* 3: interactions ... */
    int end_user_window_days;    /* 90: ... within this many days */
    int customer_min_days;       /* 180: a customer for at least ... */
    int customer_min_touches;    /* 6: ... and touched this often */
    int budget_lead_days;        /* 60: budget season opens this early */
};

struct config {
    char *path;                  /* the file read; NULL when none */
    /* [general] */
    char *database;              /* NULL: the default location */
    char *start_screen;          /* review, pipeline, contacts */
    char *date_format;           /* strftime pattern; "" = YYYY-MM-DD */
    char *editor;                /* NULL: $VISUAL, $EDITOR, then vi */
    int week_start;              /* 0 = Monday .. 6 = Sunday */
    bool shared_database;        /* a team database on a shared server */
    /* [cadence]: days; 0 = off */
    int stage_cadence[STAGE_COUNT];
    /* [pipeline] */
    struct pipeline_thresholds pipeline;
    /* [mail]: the user's own addresses, which `rapport mail` names no
     * contact by */
    struct strlist mail_me;
    /* [keys] and [colors], as "name=value" pairs; the TUI validates
     * them against its own tables. */
    struct strlist keys;
    struct strlist colors;
};

void config_init(struct config *cfg);
/* Reads path, or the default location when path is NULL (a missing
 * default file is fine). Unknown keys and bad values are appended to
 * warnings as "FILE: [section] key: message; expected FORM" and the
 * default is kept. Returns 0, or -1 when an explicitly named file
 * cannot be read, or when the file is refused because another user
 * could change it (its owner, its mode, its folder, a link of theirs);
 * the last line of warnings then says why. */
int config_load(struct config *cfg, const char *path,
                struct strlist *warnings);
void config_clear(struct config *cfg);

#endif
