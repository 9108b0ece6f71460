/* `rapport stage`: a contact moved along the pipeline.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include "base/i18n.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/stage.h"

static const struct option_spec stage_options[] = {
    { "reason", OPTION_VALUE, "TEXT", N_("why the stage changed") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_stage(struct app *app, struct cli_args *p)
{
    int to;
    int rc = args_stage(p, p->args[1], &to);
    if (rc != CLI_OK)
        return rc;
    struct contact c;
    if ((rc = args_contact(app, p->args[0], false, &c)) != CLI_OK)
        return rc;
    enum stage from = c.stage;
    if (stage_set(app->st, c.id, (enum stage)to, args_opt(p, "reason"),
                  time(NULL)) != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        output_contact(stdout, &c);
        printf(": %s → %s\n", stage_label(from), stage_label((enum stage)to));
    }
    store_contact_clear(&c);
    return rc;
}

const struct cli_command cli_cmd_stage = {
    .name = "stage",
    .synopsis = N_("CONTACT end-user|customer|client [--reason TEXT]"),
    .summary = N_("move a contact along the pipeline"),
    .options = stage_options,
    .min_args = 2,
    .max_args = 2,
    .run = cmd_stage,
    .needs_write = true,
};
