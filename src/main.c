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
#include "base/options.h"
#include "base/paths.h"
#include "base/text.h"
#include "tui/ui.h"

struct globals {
    const char *db;
    const char *config;
    bool demo;
    bool read_only;
    bool shared;
};

static void usage_hint(void)
{
    fputs(_("Try 'rapport --help'."), stderr);
    fputc('\n', stderr);
}

/* Parses the global options; returns the index of the command (argc when
 * none), or -1 after a usage error, or -2 when done (help, version). */
static int parse_globals(int argc, char **argv, struct globals *g)
{
    struct options o;
    int cmd = -2;
    if (options_parse(&o, cli_global_options, argc, argv, OPTIONS_IN_ORDER)
        != OPTIONS_OK) {
        char *shown = text_sanitize(o.given ? o.given : "", false);
        if (o.status == OPTIONS_NEEDS_VALUE)
            fprintf(stderr, _("rapport: option '%s' needs a value\n"), shown);
        else
            fprintf(stderr, _("rapport: unknown option '%s'\n"), shown);
        free(shown);
        usage_hint();
        cmd = -1;
    } else if (options_set(&o, "help")) {
        cli_print_usage(stdout, cli_global_options);
    } else if (options_set(&o, "version")) {
        printf("rapport %s\n", VERSION);
    } else {
        g->db = options_value(&o, "db");
        g->config = options_value(&o, "config");
        g->demo = options_set(&o, "demo");
        g->read_only = options_set(&o, "read-only");
        g->shared = options_set(&o, "shared");
        cmd = o.end;
    }
    options_clear(&o);
    return cmd;
}

/* The voice both front ends speak with on standard error (core/app.h). */
static void say_warning(const char *text)
{
    fprintf(stderr, _("rapport: WARNING: %s\n"), text);
}

static void say_error(const char *text)
{
    fprintf(stderr, "rapport: %s\n", text);
}

static void say_upgrading(const char *path, int version, int64_t notes)
{
    fprintf(stderr, _("rapport: upgrading %s to schema version %d for %lld notes; this is done once and takes a while…\n"),
            path, version, (long long)notes);
}

static void say_created(const char *path)
{
    char *shown = text_sanitize(path, false);
    fprintf(stderr, _("rapport: created a new database at %s\n"), shown ? shown : path);
    free(shown);
}

static const struct app_voice stderr_voice = {
    .warning = say_warning,
    .error = say_error,
    .upgrading = say_upgrading,
    .created = say_created,
};

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
    i18n_bind();

    struct globals g = { 0 };
    int cmd = parse_globals(argc, argv, &g);
    if (cmd == -2)
        return CLI_OK;
    if (cmd < 0)
        return CLI_USAGE;
    if (cmd < argc && !cli_is_command(argv[cmd])) {
        cli_say_unknown(argv[cmd]);
        usage_hint();
        return CLI_USAGE;
    }

    struct app app = { .voice = &stderr_voice };
    config_init(&app.cfg);
    struct strlist warnings = { 0 };
    int status = CLI_OK;
    char *config_path = g.config ? paths_expand_home(g.config) : NULL;
    int loaded = config_load(&app.cfg, config_path, &warnings);
    free(config_path);
    /* When the file cannot be used, the last line says why: an error. */
    size_t shown_as_warnings = warnings.len - (loaded != 0 && warnings.len > 0);
    for (size_t i = 0; i < shown_as_warnings; i++)
        fprintf(stderr, _("rapport: WARNING: %s\n"), warnings.items[i]);
    if (shown_as_warnings < warnings.len)
        fprintf(stderr, "rapport: %s\n", warnings.items[warnings.len - 1]);
    strlist_clear(&warnings);
    if (loaded != 0) {
        status = CLI_USER_ERROR;
        goto out;
    }

    app.read_only = g.read_only;
    if (g.shared)
        app.cfg.shared_database = true;
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
