/* rapport's entry point: the global options that come before any
 * command, the configuration, the database to use (or a throw-away demo
 * one), then the command line or the TUI. */
#include <config.h>

#include <errno.h>
#include <ftw.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/app.h"
#include "cli/cli.h"
#include "core/config.h"
#include "core/demo.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "base/text.h"
#include "tui/ui.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

struct globals {
    const char *db;
    const char *config;
    bool demo;
    bool read_only;
};

/* Matches "--name VALUE" and "--name=VALUE"; advances *i past what it
 * took. Returns 1 when matched, 0 when not, -1 when the value is missing. */
static int take_value(int argc, char **argv, int *i, const char *name,
                      const char **value)
{
    const char *arg = argv[*i];
    size_t len = strlen(name);
    if (strncmp(arg, name, len) != 0)
        return 0;
    if (arg[len] == '=') {
        *value = arg + len + 1;
        return 1;
    }
    if (arg[len] != '\0')
        return 0;
    if (*i + 1 >= argc)
        return -1;
    *value = argv[++*i];
    return 1;
}

static void usage_hint(void)
{
    fputs(_("Try 'rapport --help'."), stderr);
    fputc('\n', stderr);
}

/* Parses the global options; returns the index of the command (argc when
 * none), or -1 after a usage error, or -2 when done (help, version). */
static int parse_globals(int argc, char **argv, struct globals *g)
{
    int i;
    for (i = 1; i < argc; i++) {
        const char *arg = argv[i];
        int got;
        if (arg[0] != '-')
            break;
        if (strcmp(arg, "--") == 0)
            return i + 1;
        if ((got = take_value(argc, argv, &i, "--db", &g->db)) != 0
            || (got = take_value(argc, argv, &i, "--config", &g->config)) != 0) {
            if (got < 0) {
                fprintf(stderr, _("rapport: option '%s' needs a value\n"),
                        arg);
                usage_hint();
                return -1;
            }
            continue;
        }
        if (strcmp(arg, "--demo") == 0) {
            g->demo = true;
        } else if (strcmp(arg, "--read-only") == 0) {
            g->read_only = true;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            cli_print_usage(stdout);
            return -2;
        } else if (strcmp(arg, "--version") == 0) {
            printf("rapport %s\n", VERSION);
            return -2;
        } else {
            char *shown = text_sanitize(arg, false);
            fprintf(stderr, _("rapport: unknown option '%s'\n"), shown);
            free(shown);
            usage_hint();
            return -1;
        }
    }
    return i;
}

/* A private folder holding a fresh database filled with the demo data. */
static int open_demo(struct app *app, bool read_only)
{
    if (app_use_scratch(app, "demo") != 0)
        return 1;
    app->read_only = false;
    if (app_open_store(app) != 0)
        return 1;
    if (demo_fill(app->st, time(NULL)) != STORE_OK) {
        char *message = app_store_error(app->st);
        fprintf(stderr, "rapport: %s\n", message ? message : store_error(app->st));
        free(message);
        return 1;
    }
    if (read_only) {
        /* Filled; now as the user asked. */
        app_close(app);
        app->read_only = true;
        return app_open_store(app);
    }
    return 0;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    /* RAPPORT_LOCALEDIR lets an uninstalled build (and its tests) find
     * the translations it just compiled. */
    const char *localedir = getenv("RAPPORT_LOCALEDIR");
    bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
    textdomain(PACKAGE);

    struct globals g = { 0 };
    int cmd = parse_globals(argc, argv, &g);
    if (cmd == -2)
        return CLI_OK;
    if (cmd < 0)
        return CLI_USAGE;
    if (cmd < argc && !cli_is_command(argv[cmd])) {
        char *shown = text_sanitize(argv[cmd], false);
        fprintf(stderr, _("rapport: unknown command '%s'\n"), shown);
        free(shown);
        usage_hint();
        return CLI_USAGE;
    }

    struct app app = { 0 };
    config_init(&app.cfg);
    struct strlist warnings = { 0 };
    int status = CLI_OK;
    char *config_path = g.config ? paths_expand_home(g.config) : NULL;
    int loaded = config_load(&app.cfg, config_path, &warnings);
    free(config_path);
    for (size_t i = 0; i < warnings.len; i++)
        fprintf(stderr, _("rapport: WARNING: %s\n"), warnings.items[i]);
    strlist_clear(&warnings);
    if (loaded != 0) {
        status = CLI_USER_ERROR;
        goto out;
    }

    app.read_only = g.read_only;
    if (g.db)
        app.db_path = paths_expand_home(g.db);
    else if (app.cfg.database)
        app.db_path = paths_expand_home(app.cfg.database);
    else
        app.db_path = paths_default_database();
    if (!app.db_path) {
        fputs(_("rapport: no database path: set HOME, XDG_DATA_HOME or use --db PATH\n"),
              stderr);
        status = CLI_USER_ERROR;
        goto out;
    }

    if (g.demo && open_demo(&app, g.read_only) != 0) {
        status = CLI_USER_ERROR;
        goto out;
    }

    if (cmd >= argc)
        status = ui_run(&app);
    else
        status = cli_run(&app, argc - cmd, argv + cmd);

out:
    app_close(&app);
    app_remove_scratch(&app);
    free(app.db_path);
    config_clear(&app.cfg);
    return status;
}
