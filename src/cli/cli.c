/* The command line (SPEC §4). One table of commands — name, synopsis,
 * summary, options, how many arguments, the function, whether it
 * writes — feeds parsing, `rapport --help`, `rapport COMMAND --help` and
 * the unknown-command error. Each command is one file (cli/add.c,
 * cli/list.c, ...) that defines its entry; this file only lists them,
 * parses their options and runs them. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/command.h"
#include "io/io.h"

static void parsed_clear(struct cli_args *p)
{
    for (int i = 0; i < MAX_OPTIONS; i++)
        strlist_clear(&p->list[i]);
}

/* What getopt_long found wrong (c is '?' or ':'), said as getopt would,
 * but with the argument made safe for a terminal: getopt's own messages
 * repeat argv raw (SPEC §8). */
static int option_error(const struct cli_args *p, const struct option *longopts,
                        int c, char **av)
{
    char *msg = NULL, *shown = NULL;
    int rc;
    if (optopt >= 1000) {
        /* One of ours, given without its value or with one it takes not. */
        char name[64];
        snprintf(name, sizeof name, "--%s", longopts[optopt - 1000].name);
        rc = c == ':' ? asprintf(&msg, _("%s needs a value"), name)
                      : asprintf(&msg, _("option '%s' takes no value"), name);
    } else if (optopt > 0) {
        char letter[3] = { '-', (char)optopt, '\0' };
        shown = text_sanitize(letter, false);
        rc = asprintf(&msg, _("unknown option '%s'"), shown);
    } else {
        /* A long option unknown, or the start of several. */
        const char *arg = optind > 0 && av[optind - 1] ? av[optind - 1] : "";
        const char *given = strncmp(arg, "--", 2) == 0 ? arg + 2 : arg;
        size_t len = strcspn(given, "=");
        struct strlist names = { 0 };
        for (int i = 0; len > 0 && longopts[i].name; i++)
            if (strncmp(longopts[i].name, given, len) == 0)
                strlist_pushf(&names, "--%s", longopts[i].name);
        char *list = names.len > 1 ? strlist_join(&names, ", ") : NULL;
        shown = text_sanitize(arg, false);
        rc = list ? asprintf(&msg, _("option '%s' is ambiguous: %s"), shown, list)
                  : asprintf(&msg, _("unknown option '%s'"), shown);
        free(list);
        strlist_clear(&names);
    }
    if (rc < 0)
        msg = NULL;
    rc = args_usage_fail(p, msg ? msg : _("unknown option"));
    free(msg);
    free(shown);
    return rc;
}

/* Parses argv (argv[0] the command) with getopt_long over the command's
 * option table; options may come after the arguments. Returns CLI_OK or
 * CLI_USAGE after a message. */
static int parse_options(const struct cli_command *cmd, int argc, char **argv,
                         struct cli_args *p, char ***copy)
{
    struct option longopts[MAX_OPTIONS + 1];
    int n = 0;
    for (; cmd->options && cmd->options[n].name; n++) {
        longopts[n] = (struct option){
            .name = cmd->options[n].name,
            .has_arg = cmd->options[n].kind == OPT_FLAG ? no_argument
                                                        : required_argument,
            .flag = NULL,
            .val = 1000 + n,
        };
    }
    longopts[n] = (struct option){ 0 };

    /* getopt names the program in its messages: "rapport add: ...". */
    char *prog = NULL;
    if (asprintf(&prog, "rapport %s", cmd->name) < 0)
        return CLI_USER_ERROR;
    char **av = calloc((size_t)argc + 2, sizeof *av);
    if (!av) {
        free(prog);
        return CLI_USER_ERROR;
    }
    av[0] = prog;
    for (int i = 1; i < argc; i++)
        av[i] = argv[i];
    *copy = av;

    optind = 0;   /* GNU getopt: start afresh */
    opterr = 0;   /* its messages are option_error()'s */
    int c;
    while ((c = getopt_long(argc, av, ":", longopts, NULL)) != -1) {
        if (c < 1000 || c >= 1000 + n)
            return option_error(p, longopts, c, av);
        int i = c - 1000;
        p->set[i] = true;
        p->value[i] = optarg;
        if (cmd->options[i].kind == OPT_LIST)
            strlist_push(&p->list[i], optarg);
    }
    p->args = av + optind;
    p->nargs = argc - optind;
    if (p->nargs < cmd->min_args)
        return args_usage_fail(p, _("missing argument"));
    if (cmd->max_args >= 0 && p->nargs > cmd->max_args)
        return args_usage_fail(p, _("too many arguments"));
    return CLI_OK;
}

static const struct cli_command cli_cmd_import = {
    .name = "import",
    .synopsis = N_("FILE [--format csv|vcard|ics] [--dry-run] [--strict] [--map SPEC]"),
    .summary = N_("import contacts or follow-ups"),
    .min_args = 0,
    .max_args = -1,
    .delegate = io_import_command,
    .needs_write = true,
};

static const struct cli_command cli_cmd_export = {
    .name = "export",
    .synopsis = N_("[--format csv|vcard|ics|json] [--output FILE] [--vcard-version 3|4]"),
    .summary = N_("export contacts or follow-ups"),
    .min_args = 0,
    .max_args = -1,
    .delegate = io_export_command,
};

/* Every command, in the order `rapport --help` lists them. */
static const struct cli_command *const commands[] = {
    &cli_cmd_add,
    &cli_cmd_list,
    &cli_cmd_show,
    &cli_cmd_stage,
    &cli_cmd_note,
    &cli_cmd_follow,
    &cli_cmd_done,
    &cli_cmd_snooze,
    &cli_cmd_edit,
    &cli_cmd_archive,
    &cli_cmd_unarchive,
    &cli_cmd_forget,
    &cli_cmd_agenda,
    &cli_cmd_search,
    &cli_cmd_score,
    &cli_cmd_orgs,
    &cli_cmd_report,
    &cli_cmd_import,
    &cli_cmd_export,
    &cli_cmd_backup,
    &cli_cmd_check,
    &cli_cmd_undo,
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static const struct cli_command *find_command(const char *name)
{
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

int cli_is_command(const char *name)
{
    return find_command(name) != NULL;
}

void cli_print_usage(FILE *out)
{
    fprintf(out, "%s\n",
            _("Usage: rapport [--db PATH] [--config PATH] [--demo] [--read-only] [COMMAND [ARGS]]"));
    fprintf(out, "%s\n\n",
            _("A keyboard-driven relationship manager; without a command it opens the full-screen interface."));
    fprintf(out, "%s\n", _("Global options (before the command):"));
    fprintf(out, "  %-22s %s\n", "--db PATH", _("the database to use"));
    fprintf(out, "  %-22s %s\n", "--config PATH", _("the configuration file"));
    fprintf(out, "  %-22s %s\n", "--demo",
            _("a throw-away database full of sample data"));
    fprintf(out, "  %-22s %s\n", "--read-only", _("change nothing"));
    fprintf(out, "  %-22s %s\n", "-h, --help", _("show this help"));
    fprintf(out, "  %-22s %s\n", "--version", _("show the version"));
    fprintf(out, "\n%s\n", _("Commands:"));
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        fprintf(out, "  %-10s %s\n", commands[i]->name, _(commands[i]->summary));
    fprintf(out, "\n%s\n",
            _("Run 'rapport COMMAND --help' for a command's arguments and options."));
}

static void print_command_help(const struct cli_command *cmd)
{
    printf(_("Usage: rapport %s %s\n"), cmd->name, _(cmd->synopsis));
    printf("%s\n", _(cmd->summary));
    if (cmd->options && cmd->options[0].name) {
        printf("\n%s\n", _("Options:"));
        for (int i = 0; cmd->options[i].name; i++) {
            char left[64];
            if (cmd->options[i].arg)
                snprintf(left, sizeof left, "--%s %s", cmd->options[i].name,
                         cmd->options[i].arg);
            else
                snprintf(left, sizeof left, "--%s", cmd->options[i].name);
            printf("  %-26s %s\n", left, _(cmd->options[i].help));
        }
    }
    printf("  %-26s %s\n", "-h, --help", _("show this help"));
}

static bool wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    }
    return false;
}

/* Whether argv holds the option before a "--". */
static bool has_flag(int argc, char **argv, const char *flag)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], flag) == 0)
            return true;
    return false;
}

int cli_run(struct app *app, int argc, char **argv)
{
    const struct cli_command *cmd = argc > 0 ? find_command(argv[0]) : NULL;
    if (!cmd) {
        char *shown = text_sanitize(argc > 0 ? argv[0] : "", false);
        fprintf(stderr, _("rapport: unknown command '%s'\n"), shown);
        free(shown);
        fputs(_("Try 'rapport --help'."), stderr);
        fputc('\n', stderr);
        return CLI_USAGE;
    }
    bool help = wants_help(argc, argv);
    if (cmd->delegate) {
        if (!help && cmd->needs_write && app->read_only) {
            fprintf(stderr, _("rapport: '%s' changes the database, which is open read-only\n"),
                    cmd->name);
            return CLI_USER_ERROR;
        }
        /* A dry run writes nothing, not even a new database file: with
         * none yet, it runs against an empty one that is thrown away. */
        if (!help && strcmp(cmd->name, "import") == 0 && !app->st
            && has_flag(argc, argv, "--dry-run") && access(app->db_path, F_OK) != 0
            && app_use_scratch(app, "dry-run") != 0)
            return CLI_USER_ERROR;
        if (!help && app_open_store(app) != 0)
            return CLI_USER_ERROR;
        return cmd->delegate(app, argc, argv);
    }
    if (help) {
        print_command_help(cmd);
        return CLI_OK;
    }

    struct cli_args p;
    memset(&p, 0, sizeof p);
    p.cmd = cmd;
    char **copy = NULL;
    int rc = parse_options(cmd, argc, argv, &p, &copy);
    if (rc == CLI_OK && cmd->needs_write && app->read_only) {
        fprintf(stderr, _("rapport: '%s' changes the database, which is open read-only\n"),
                cmd->name);
        rc = CLI_USER_ERROR;
    }
    if (rc == CLI_OK && app_open_store(app) != 0)
        rc = CLI_USER_ERROR;
    if (rc == CLI_OK)
        rc = cmd->run(app, &p);
    if (fflush(stdout) != 0 && rc == CLI_OK) {
        fprintf(stderr, _("rapport: cannot write the output: %s\n"),
                strerror(errno));
        rc = CLI_USER_ERROR;
    }
    parsed_clear(&p);
    if (copy)
        free(copy[0]);
    free(copy);
    return rc;
}
