/* `rapport query TEXT`: address completion for mutt and neomutt
 * (`set query_command = "rapport query %s"`). Their query format is a
 * first line of free text, which they show as a message, then one line
 * per address: address, TAB, name, TAB, anything else. Nothing found is
 * exit 1 and no line at all, as abook's --mutt-query does.
 * A command: uses cli/command.h, cli/output.h and the layers below cli/. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/stage.h"
#include "store/query.h"

/* More than a completion menu is worth scrolling through. */
#define QUERY_LIMIT 100

static void put_hit(const struct query_hit *h)
{
    for (size_t i = 0; i < h->emails.len; i++) {
        output_put(stdout, h->emails.items[i]);
        putchar('\t');
        output_put(stdout, h->name);
        putchar('\t');
        if (h->org) {
            output_put(stdout, h->org);
            fputs(" · ", stdout);
        }
        fputs(stage_label(h->stage), stdout);
        putchar('\n');
    }
}

static int cmd_query(struct app *app, struct cli_args *p)
{
    char *text = args_join(p, 0);
    if (!text)
        return output_store_failed(app);
    struct query_hit_list hits;
    enum store_status st = store_query_addresses(app->st, text, QUERY_LIMIT, &hits);
    free(text);
    if (st != STORE_OK)
        return output_store_failed(app);
    if (hits.len == 0)
        return CLI_USER_ERROR;
    if (hits.more)
        printf(_("rapport: the first %d contacts that match; type more to narrow them down\n"),
               QUERY_LIMIT);
    else
        printf(ngettext("rapport: %zu contact matches\n",
                        "rapport: %zu contacts match\n", hits.len),
               hits.len);
    for (size_t i = 0; i < hits.len; i++)
        put_hit(&hits.items[i]);
    query_hit_list_clear(&hits);
    return CLI_OK;
}

const struct cli_command cli_cmd_query = {
    .name = "query",
    .synopsis = N_("TEXT"),
    .summary = N_("addresses for a mail program (mutt's query format)"),
    /* xgettext:no-c-format */
    .description = N_("Lists every address of the active contacts whose name, organisation or addresses have words beginning with the words of TEXT, one line each: address, tab, name, tab, organisation and stage, after a first line for the mail program to show. Exits 1, printing nothing, when no contact matches. For mutt and neomutt: set query_command = \"rapport query %s\"."),
    .min_args = 1,
    .max_args = -1,
    .run = cmd_query,
};
