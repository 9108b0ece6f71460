/* `rapport score`: a satisfaction score recorded.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <stdlib.h>

#include "base/i18n.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/score.h"

static int cmd_score(struct app *app, struct cli_args *p)
{
    int value = score_parse(p->args[1]);
    if (value < 0)
        return args_bad_value(p, _("score"), p->args[1],
                              _("a whole number from 0 to 10"));
    struct contact c;
    int rc = args_contact(app, p->args[0], false, &c);
    if (rc != CLI_OK)
        return rc;
    char *comment = p->nargs > 2 ? args_join(p, 2) : NULL;
    int64_t id = 0;
    if (score_add(app->st, c.id, value, comment, time(NULL), &id)
        != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        printf(_("Score %d/10 for "), value);
        output_contact(stdout, &c);
        putchar('\n');
    }
    free(comment);
    store_contact_clear(&c);
    return rc;
}

const struct cli_command cli_cmd_score = {
    .name = "score",
    .synopsis = N_("CONTACT 0-10 [COMMENT]"),
    .summary = N_("record a satisfaction score"),
    .min_args = 2,
    .max_args = -1,
    .run = cmd_score,
    .needs_write = true,
};
