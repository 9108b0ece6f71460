/* `rapport backup` and `rapport check`: the database file copied and
 * checked.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include "base/i18n.h"
#include "cli/command.h"
#include "cli/output.h"

static int cmd_backup(struct app *app, struct cli_args *p)
{
    if (store_backup(app->st, p->args[0]) != STORE_OK)
        return output_store_failed(app);
    printf(_("Backed up to "));
    output_put(stdout, p->args[0]);
    putchar('\n');
    return CLI_OK;
}

const struct cli_command cli_cmd_backup = {
    .name = "backup",
    .synopsis = N_("FILE"),
    .summary = N_("write an online, consistent copy"),
    .min_args = 1,
    .max_args = 1,
    .run = cmd_backup,
};

static const struct option_spec check_options[] = {
    { "rebuild-index", OPTION_FLAG, NULL, N_("make the search index again from the contacts and notes") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_check(struct app *app, struct cli_args *p)
{
    if (args_flag(p, "rebuild-index")) {
        if (app->read_only) {
            fprintf(stderr, _("rapport: --rebuild-index changes the database, which is open read-only\n"));
            return CLI_USER_ERROR;
        }
        if (store_rebuild_search(app->st) != STORE_OK)
            return output_store_failed(app);
        printf("%s\n", _("The search index was made again."));
    }
    struct strlist problems = { 0 };
    enum store_status st = store_check(app->st, &problems);
    int rc = CLI_OK;
    if (st == STORE_OK && problems.len == 0) {
        printf("%s\n", _("The database is sound."));
    } else {
        for (size_t i = 0; i < problems.len; i++) {
            output_put(stdout, problems.items[i]);
            putchar('\n');
        }
        if (problems.len > 0)
            fprintf(stderr, ngettext("rapport: the database is damaged (%zu problem); restore a backup or run sqlite3 .recover\n",
                                     "rapport: the database is damaged (%zu problems); restore a backup or run sqlite3 .recover\n",
                                     (unsigned long)problems.len),
                    problems.len);
        else
            fprintf(stderr, "rapport: %s\n", store_error(app->st));
        rc = CLI_USER_ERROR;
    }
    strlist_clear(&problems);
    return rc;
}

const struct cli_command cli_cmd_check = {
    .name = "check",
    .synopsis = N_("[--rebuild-index]"),
    .summary = N_("check the database's integrity"),
    .options = check_options,
    .min_args = 0,
    .max_args = 0,
    .run = cmd_check,
};
