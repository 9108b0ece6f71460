/* The command line (SPEC §4): a table of commands, one function each. */
#ifndef RAPPORT_CLI_H
#define RAPPORT_CLI_H

#include <stdio.h>

#include "base/options.h"
#include "core/app.h"

/* Exit statuses. */
enum {
    CLI_OK = 0,
    CLI_USER_ERROR = 1,
    CLI_USAGE = 2,
};

/* The global options, before any command (main.c parses them). */
extern const struct option_spec cli_global_options[];

/* Runs the command argv[0] with its arguments. */
int cli_run(struct app *app, int argc, char **argv);
/* True when name is a command. */
int cli_is_command(const char *name);
/* On standard error: name is no command, and the one it likely meant. */
void cli_say_unknown(const char *name);
/* Prints the global usage, the global options (main.c's table) and
 * the list of commands. */
void cli_print_usage(FILE *out, const struct option_spec *globals);

#endif
