/* `rapport backup` and `rapport check`: the database file copied and
 * checked.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include "base/i18n.h"
#include "cli/command.h"
#include "cli/output.h"
#include "store/backup.h"
#include "store/check.h"

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
    struct check_problem_list problems = { 0 };
    enum store_status st = store_check(app->st, &problems);
    int rc = CLI_OK;
    if (st == STORE_OK && problems.len == 0) {
        printf("%s\n", _("The database is sound."));
    } else {
        for (size_t i = 0; i < problems.len; i++) {
            char *line = app_advised(problems.items[i].text,
                                     problems.items[i].advice);
            output_put(stdout, line ? line : problems.items[i].text);
            free(line);
            putchar('\n');
        }
        /* What --rebuild-index makes again from the contacts and notes
         * is no damage a backup must mend. */
        size_t rebuilt = 0;
        for (size_t i = 0; i < problems.len; i++)
            rebuilt += problems.items[i].advice == STORE_ADVICE_REBUILD_INDEX;
        if (problems.len > 0 && rebuilt == problems.len)
            fprintf(stderr, ngettext("rapport: %zu problem in what the database derives from its contacts and notes; rapport check --rebuild-index makes it again\n",
                                     "rapport: %zu problems in what the database derives from its contacts and notes; rapport check --rebuild-index makes them again\n",
                                     (unsigned long)problems.len),
                    problems.len);
        else if (problems.len > 0)
            fprintf(stderr, ngettext("rapport: the database is damaged (%zu problem); restore a backup or run sqlite3 .recover\n",
                                     "rapport: the database is damaged (%zu problems); restore a backup or run sqlite3 .recover\n",
                                     (unsigned long)problems.len),
                    problems.len);
        else
            output_store_failed(app);
        rc = CLI_USER_ERROR;
    }
    store_check_problems_clear(&problems);
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
