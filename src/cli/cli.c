/* The command line (SPEC §4). One table of commands — name, synopsis,
 * summary, options, how many arguments, the function, whether it
 * writes — feeds parsing, `rapport --help`, `rapport COMMAND --help` and
 * the unknown-command error. Each command is one file (cli/add.c,
 * cli/list.c, ...) that defines its entry; this file only lists them,
 * parses their options (base/options.c) and runs them. May use
 * cli/command.h and the layers below cli/. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/command.h"

/* Reads the command's options and arguments (argv[0] its name) and
 * checks how many arguments it has. Returns CLI_OK, or CLI_USAGE after
 * a message; p must be cleared either way. */
static int parse_args(const struct cli_command *cmd, int argc, char **argv,
                      struct cli_args *p)
{
    p->cmd = cmd;
    if (options_parse(&p->opts, cmd->options, argc, argv, 0) != OPTIONS_OK) {
        char *msg = options_message(&p->opts);
        int rc = args_usage_fail(p, msg ? msg : _("unknown option"));
        free(msg);
        return rc;
    }
    p->args = p->opts.args;
    p->nargs = p->opts.nargs;
    if (p->nargs < cmd->min_args)
        return args_usage_fail(p, _("missing argument"));
    if (cmd->max_args >= 0 && p->nargs > cmd->max_args)
        return args_usage_fail(p, _("too many arguments"));
    return CLI_OK;
}

/* The global options, before any command: one table feeds their
 * parsing (main.c), their lines in `rapport --help` and their
 * completion. */
const struct option_spec cli_global_options[] = {
    { "db", OPTION_VALUE, "PATH", N_("the database to use") },
    { "config", OPTION_VALUE, "PATH", N_("the configuration file") },
    { "demo", OPTION_FLAG, NULL, N_("a throw-away database full of sample data") },
    { "read-only", OPTION_FLAG, NULL, N_("change nothing") },
    { "shared", OPTION_FLAG, NULL, N_("a team database its group shares (as shared_database = yes)") },
    { "help", OPTION_FINAL, NULL, N_("show this help") },
    { "version", OPTION_FINAL, NULL, N_("show the version") },
    { NULL, OPTION_FLAG, NULL, NULL },
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
    &cli_cmd_suggest,
    &cli_cmd_search,
    &cli_cmd_query,
    &cli_cmd_score,
    &cli_cmd_orgs,
    &cli_cmd_report,
    &cli_cmd_import,
    &cli_cmd_mail,
    &cli_cmd_inbox,
    &cli_cmd_export,
    &cli_cmd_backup,
    &cli_cmd_check,
    &cli_cmd_undo,
    &cli_cmd_team,
    &cli_cmd_redo,
    &cli_cmd_complete,
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

const struct cli_command *const *cli_commands(size_t *count)
{
    *count = COMMAND_COUNT;
    return commands;
}

static const struct cli_command *find_command(const char *name)
{
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

/* Edits from a to b (insert, delete, change, swap two neighbours),
 * counted up to 3: a typo is one or two of them. */
static int edits(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 30 || m > 30)
        return 3;
    int d[32][32];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
                && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[n][m] < 3 ? d[n][m] : 3;
}

/* The command a mistyped name most likely meant, or NULL: the one
 * nearest by edits (at most two, fewer than the name is long), or the
 * only one the name starts. */
static const struct cli_command *meant_command(const char *name)
{
    const struct cli_command *best = NULL, *started = NULL;
    int best_edits = 3, starts = 0;
    size_t len = strlen(name);
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        if (commands[i]->hidden)
            continue;
        int e = edits(name, commands[i]->name);
        if (e < best_edits && (size_t)e < len) {
            best_edits = e;
            best = commands[i];
        }
        if (len >= 2 && strncmp(commands[i]->name, name, len) == 0) {
            started = commands[i];
            starts++;
        }
    }
    if (!best && starts == 1)
        best = started;
    return best;
}

void cli_say_unknown(const char *name)
{
    char *shown = text_sanitize(name, false);
    fprintf(stderr, _("rapport: unknown command '%s'\n"), shown ? shown : "");
    free(shown);
    const struct cli_command *meant = meant_command(name);
    if (meant)
        /* TRANSLATORS: after "unknown command": the one nearest by spelling. */
        fprintf(stderr, _("Did you mean 'rapport %s'?\n"), meant->name);
}

int cli_is_command(const char *name)
{
    return find_command(name) != NULL;
}

void cli_print_usage(FILE *out, const struct option_spec *globals)
{
    fprintf(out, "%s\n",
            _("Usage: rapport [--db PATH] [--config PATH] [--demo] [--read-only] [--shared] [COMMAND [ARGS]]"));
    fprintf(out, "%s\n\n",
            _("A keyboard-driven relationship manager; without a command it opens the full-screen interface."));
    fprintf(out, "%s\n", _("Global options (before the command):"));
    for (int i = 0; globals[i].name; i++) {
        char left[64];
        options_synopsis(&globals[i], left, sizeof left);
        fprintf(out, "  %-22s %s\n", left, _(globals[i].help));
    }
    fprintf(out, "\n%s\n", _("Commands:"));
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        if (!commands[i]->hidden)
            fprintf(out, "  %-10s %s\n", commands[i]->name, _(commands[i]->summary));
    fprintf(out, "\n%s\n",
            _("Run 'rapport COMMAND --help' for a command's arguments and options."));
}

/* An option's help after its 29 columns of name, wrapped at spaces so
 * that a long one stays within 80 columns. */
#define HELP_INDENT 29
#define HELP_WIDTH 80

static void print_option_help(const char *left, const char *help)
{
    printf("  %-26s ", left);
    int room = HELP_WIDTH - HELP_INDENT;
    const char *p = help;
    while (*p) {
        const char *end = p, *cut = NULL;
        char word[512];
        /* The longest run of whole words that fits, else one word. */
        for (;;) {
            const char *next = end + strcspn(end, " ");
            size_t n = (size_t)(next - p) < sizeof word ? (size_t)(next - p)
                                                        : sizeof word - 1;
            memcpy(word, p, n);
            word[n] = '\0';
            if (cut && text_width(word) > room)
                break;
            cut = next;
            if (!*next)
                break;
            end = next + 1;
        }
        printf("%.*s\n", (int)(cut - p), p);
        p = *cut ? cut + 1 : cut;
        if (*p)
            printf("%*s", HELP_INDENT, "");
    }
    if (!*help)
        putchar('\n');
}

static void print_command_help(const struct cli_command *cmd)
{
    printf(_("Usage: rapport %s %s\n"), cmd->name, _(cmd->synopsis));
    printf("%s\n", _(cmd->summary));
    if (cmd->description)
        printf("\n%s\n", _(cmd->description));
    if (cmd->options && cmd->options[0].name) {
        printf("\n%s\n", _("Options:"));
        for (int i = 0; cmd->options[i].name; i++) {
            char left[64];
            options_synopsis(&cmd->options[i], left, sizeof left);
            print_option_help(left, _(cmd->options[i].help));
        }
    }
    print_option_help("-h, --help", _("show this help"));
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

int cli_run(struct app *app, int argc, char **argv)
{
    const struct cli_command *cmd = argc > 0 ? find_command(argv[0]) : NULL;
    if (!cmd) {
        cli_say_unknown(argc > 0 ? argv[0] : "");
        fputs(_("Try 'rapport --help'."), stderr);
        fputc('\n', stderr);
        return CLI_USAGE;
    }
    if (wants_help(argc, argv)) {
        print_command_help(cmd);
        return CLI_OK;
    }

    struct cli_args p;
    memset(&p, 0, sizeof p);
    int rc = parse_args(cmd, argc, argv, &p);
    if (rc == CLI_OK && cmd->needs_write && app->read_only) {
        fprintf(stderr, _("rapport: '%s' changes the database, which is open read-only\n"),
                cmd->name);
        rc = CLI_USER_ERROR;
    }
    if (rc == CLI_OK && cmd->prepare)
        rc = cmd->prepare(app, &p);
    /* A command that writes nothing reads a database that is there. */
    app->must_exist = !cmd->needs_write;
    if (rc == CLI_OK && !cmd->opens_store && app_open_store(app) != 0)
        rc = CLI_USER_ERROR;
    if (rc == CLI_OK)
        rc = cmd->run(app, &p);
    if (fflush(stdout) != 0 && rc == CLI_OK) {
        fprintf(stderr, _("rapport: cannot write the output: %s\n"),
                strerror(errno));
        rc = CLI_USER_ERROR;
    }
    options_clear(&p.opts);
    return rc;
}
