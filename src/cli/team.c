/* `rapport team init PATH --group GROUP`: a team database on a shared
 * server, and the lines each member puts in their configuration.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/team.h"
#include "store/store.h"

static const struct option_spec team_options[] = {
    { "group", OPTION_VALUE, "GROUP", N_("the Unix group whose members share the database") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_team(struct app *app, struct cli_args *p)
{
    if (strcmp(p->args[0], "init") != 0)
        return args_bad_value(p, _("what to do"), p->args[0], "init");
    const char *group = args_opt(p, "group");
    if (!group)
        return args_usage_fail(p, _("--group GROUP is needed: the group whose members share the database"));
    if (app->read_only) {
        fprintf(stderr, _("rapport: '%s' changes the database, which is open read-only\n"),
                "team");
        return CLI_USER_ERROR;
    }
    /* The members' configurations need the path from anywhere. */
    char *path = NULL;
    if (p->args[1][0] == '/') {
        path = strdup(p->args[1]);
    } else {
        char *cwd = getcwd(NULL, 0);
        if (cwd && asprintf(&path, "%s/%s", cwd, p->args[1]) < 0)
            path = NULL;
        free(cwd);
    }
    if (!path) {
        fprintf(stderr, "rapport: %s\n", _("out of memory"));
        return CLI_USER_ERROR;
    }
    if (team_init(app, path, group) != 0) {
        free(path);
        return CLI_USER_ERROR;
    }
    char *shown = text_sanitize(path, false);
    char *group_shown = text_sanitize(group, false);
    printf(_("The team database %s is ready for the group %s.\n"),
           shown ? shown : "", group_shown ? group_shown : "");
    printf("%s\n\n", _("Each member puts these lines in ~/.config/rapport/config.ini:"));
    printf("[general]\ndatabase = %s\nshared_database = yes\n", shown ? shown : "");
    free(group_shown);
    free(shown);
    free(path);
    return CLI_OK;
}

const struct cli_command cli_cmd_team = {
    .name = "team",
    .synopsis = N_("init PATH --group GROUP"),
    .summary = N_("set up a database a Unix group shares"),
    .description = N_("Run by any member of the group, or by root: makes PATH's folder the group's (setgid, 2770) and the database in it (0660), and prints the lines each member puts in their configuration. Its -wal and -shm files are made for the group too, whichever member opens the database first; users outside the group are refused."),
    .options = team_options,
    .min_args = 2,
    .max_args = 2,
    .run = cmd_team,
    .opens_store = true,
};
