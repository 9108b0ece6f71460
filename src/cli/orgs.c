/* `rapport orgs`: organisations with their counts per stage, or one
 * with its decision-makers and users.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/cursor.h"
#include "core/org.h"
#include "core/stage.h"

static int print_members(struct app *app, const struct org *o, enum role role,
                         const char *heading)
{
    printf("\n%s\n", heading);
    struct contact_filter filter = org_member_filter(o, role);
    struct contact_cursor cur;
    cursor_contacts(&cur, app->st, &filter, CONTACT_SORT_NAME);
    size_t count = 0;
    for (const struct contact *c; (c = cursor_next_contact(&cur)); count++) {
        fputs("  ", stdout);
        output_contact(stdout, c);
        printf("  (%s", stage_label(c->stage));
        if (c->title) {
            fputs(", ", stdout);
            output_put(stdout, c->title);
        }
        if (c->department) {
            fputs(", ", stdout);
            output_put(stdout, c->department);
        }
        fputs(")\n", stdout);
    }
    int rc = cursor_close_contacts(&cur) == STORE_OK ? CLI_OK
                                                     : output_store_failed(app);
    if (rc == CLI_OK && count == 0)
        printf("  %s\n", _("none"));
    return rc;
}

static void print_counts(const struct org *o)
{
    for (int s = 0; s < STAGE_COUNT; s++)
        printf("%s%s %d", s ? ", " : "", stage_plural_label((enum stage)s),
               o->stage_counts[s]);
}

static int cmd_orgs(struct app *app, struct cli_args *p)
{
    if (p->nargs == 1) {
        struct org o = { 0 };
        if (org_resolve(app->st, p->args[0], &o) != STORE_OK)
            return output_store_failed(app);
        output_put(stdout, o.name);
        fputs("  ", stdout);
        print_counts(&o);
        putchar('\n');
        if (o.notes && *o.notes)
            output_block(stdout, o.notes, "  ");
        int rc = print_members(app, &o, ROLE_DECISION_MAKER,
                               _("Decision-makers"));
        if (rc == CLI_OK)
            rc = print_members(app, &o, ROLE_USER, _("Users"));
        org_clear(&o);
        return rc;
    }
    struct org_cursor cur;
    cursor_orgs(&cur, app->st);
    size_t count = 0;
    for (const struct org *o; (o = cursor_next_org(&cur)); count++) {
        /* A terminal gets a column; a pipe or file the whole name. */
        if (!isatty(STDOUT_FILENO) && text_width(o->name) > 36)
            output_put(stdout, o->name);
        else
            output_pad(stdout, o->name, 36);
        fputs("  ", stdout);
        print_counts(o);
        putchar('\n');
    }
    int rc = cursor_close_orgs(&cur) == STORE_OK ? CLI_OK : output_store_failed(app);
    if (rc == CLI_OK && count == 0)
        printf("%s\n", _("No organisations."));
    return rc;
}

const struct cli_command cli_cmd_orgs = {
    .name = "orgs",
    .synopsis = N_("[ORG]"),
    .summary =
        N_("organisations with counts per stage; one: its decision-makers and users"),
    .min_args = 0,
    .max_args = 1,
    .run = cmd_orgs,
};
