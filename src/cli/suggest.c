/* `rapport suggest`: who is ready to move up a stage (SPEC §2), each
 * with its reason; --dismiss CONTACT drops a suggestion for good.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <stdlib.h>

#include "base/i18n.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/season.h"
#include "core/stage.h"

/* Suggestions listed before "… and N more". */
#define SUGGEST_MAX 100

static const struct option_spec suggest_options[] = {
    { "dismiss", OPTION_VALUE, "CONTACT",
      N_("do not suggest CONTACT for the next stage again (undo brings it back)") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int dismiss(struct app *app, const char *ref)
{
    struct contact c;
    int rc = args_contact(app, ref, false, &c);
    if (rc != CLI_OK)
        return rc;
    if (season_dismiss(app->st, &c, time(NULL)) != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        fputs(_("Dismissed: "), stdout);
        output_contact(stdout, &c);
        printf(_(" is not suggested as %s again.\n"),
               stage_label((enum stage)(c.stage + 1)));
    }
    contact_clear(&c);
    return rc;
}

static int cmd_suggest(struct app *app, struct cli_args *p)
{
    const char *ref = args_opt(p, "dismiss");
    if (ref)
        return dismiss(app, ref);
    time_t now = time(NULL);
    struct suggestion_list l = { 0 };
    if (season_ready_page(app->st, &app->cfg.pipeline, now, NULL, SUGGEST_MAX, &l)
        != STORE_OK) {
        suggestion_list_clear(&l);
        return output_store_failed(app);
    }
    if (l.len == 0)
        printf("%s\n", _("Nobody to move up."));
    for (size_t i = 0; i < l.len; i++) {
        char reason[256];
        season_reason(&l.items[i], &app->cfg.pipeline, now, reason, sizeof reason);
        output_contact(stdout, &l.items[i].contact);
        /* TRANSLATORS: " → Customer: 4 interactions in 90 days". */
        printf(_(" → %s: %s\n"), stage_label(l.items[i].to), reason);
    }
    if (l.more) {
        int64_t count = 0;
        if (season_ready_count(app->st, &app->cfg.pipeline, now, NULL, &count) == STORE_OK
            && count > (int64_t)l.len)
            printf(_("… and %lld more\n"), (long long)(count - (int64_t)l.len));
    }
    suggestion_list_clear(&l);
    return CLI_OK;
}

const struct cli_command cli_cmd_suggest = {
    .name = "suggest",
    .synopsis = N_("[--dismiss CONTACT]"),
    .summary = N_("who is ready to move up a stage, and why"),
    .options = suggest_options,
    .min_args = 0,
    .max_args = 0,
    .run = cmd_suggest,
};
