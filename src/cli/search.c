/* `rapport search`: contacts and notes that match a query.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/stage.h"
#include "core/why.h"
#include "model/search.h"
#include "store/search.h"

static int cmd_search(struct app *app, struct cli_args *p)
{
    char *query = args_join(p, 0);
    struct search_hit_list hits = { 0 };
    int rc = CLI_OK;
    if (!query || store_search(app->st, query, 100, &hits) != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        for (size_t i = 0; i < hits.len; i++) {
            const struct search_hit *h = &hits.items[i];
            output_contact(stdout, &h->contact);
            if (h->note_id) {
                printf(_(", note #%" PRId64 ": "), h->note_id);
                output_put(stdout, h->snippet);
            } else {
                printf("  (%s", stage_label(h->contact.stage));
                if (h->contact.org) {
                    fputs(", ", stdout);
                    output_put(stdout, h->contact.org);
                }
                putchar(')');
                /* Why it matched, when its name does not say. */
                char *why = contact_why(app->st, h->contact.id, query);
                if (why) {
                    fputs(" — ", stdout);
                    output_put(stdout, why);
                    free(why);
                }
            }
            putchar('\n');
        }
        /* As grep: a script can tell "nothing" from "found". */
        if (hits.len == 0) {
            printf("%s\n", _("No matches."));
            rc = CLI_USER_ERROR;
        }
    }
    search_hit_list_clear(&hits);
    free(query);
    return rc;
}

const struct cli_command cli_cmd_search = {
    .name = "search",
    .synopsis = N_("QUERY"),
    .summary = N_("search contacts and notes"),
    .min_args = 1,
    .max_args = -1,
    .run = cmd_search,
};
