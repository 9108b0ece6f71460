/* `rapport orgs`: organisations with their counts per stage, or one
 * with its decision-makers and users; with --budget, --notes, --rename
 * (and --merge) one is changed.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/cursor.h"
#include "core/org.h"
#include "core/season.h"
#include "base/text.h"
#include "store/org.h"
#include "core/stage.h"

static const struct option_spec orgs_options[] = {
    { "budget", OPTION_VALUE, "MM-DD",
      N_("the budget date (start of its budget year or round), or none") },
    { "notes", OPTION_VALUE, N_("TEXT"), N_("the organisation's notes") },
    { "rename", OPTION_VALUE, N_("NAME"), N_("a new name") },
    { "merge", OPTION_FLAG, NULL,
      N_("with --rename to another organisation's name: merge into it") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

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

/* --rename to a name taken: with --merge the organisation goes into
 * the other one, else the message says how. */
static int rename_onto(struct app *app, struct cli_args *p, const struct org *o,
                       const char *name)
{
    struct org other = { 0 };
    if (store_org_get(app->st, name, 0, &other) != STORE_OK)
        return output_store_failed(app);
    int rc = CLI_OK;
    if (!args_flag(p, "merge")) {
        char *shown = text_sanitize(name, false);
        fprintf(stderr,
                _("rapport orgs: there is already an organisation \"%s\"; add --merge to move every contact of this one into it\n"),
                shown ? shown : "");
        free(shown);
        rc = CLI_USAGE;
    } else if (org_merge(app->st, o->id, other.id, time(NULL)) != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        fputs(_("Merged into "), stdout);
        output_put(stdout, other.name);
        printf(_(" (rapport undo separates them again)\n"));
    }
    org_clear(&other);
    return rc;
}

/* --budget, --notes, --rename: one change of the organisation. */
static int edit_org(struct app *app, struct cli_args *p, const struct org *o)
{
    struct org_change change = { .notes = args_opt(p, "notes"),
                                 .name = args_opt(p, "rename"),
                                 .budget = args_opt(p, "budget") };
    if (change.budget && strcmp(change.budget, "none") == 0)
        change.budget = "";
    else if (change.budget && !season_budget_valid(change.budget))
        return args_bad_value(p, _("budget date"), change.budget,
                              _("MM-DD, such as 09-01, or none"));
    enum store_status rc = org_edit(app->st, o, &change, time(NULL));
    if (rc == STORE_CONFLICT && change.name)
        return rename_onto(app, p, o, change.name);
    if (rc != STORE_OK)
        return output_store_failed(app);
    fputs(_("Saved: "), stdout);
    output_put(stdout, change.name ? change.name : o->name);
    putchar('\n');
    return CLI_OK;
}

static int cmd_orgs(struct app *app, struct cli_args *p)
{
    if (p->nargs == 1 && args_any(p)) {
        struct org o = { 0 };
        if (org_resolve(app->st, p->args[0], &o) != STORE_OK)
            return output_store_failed(app);
        int rc = args_flag(p, "merge") && !args_opt(p, "rename")
            ? args_bad_value(p, "--merge", "", _("--merge goes with --rename NAME"))
            : edit_org(app, p, &o);
        org_clear(&o);
        return rc;
    }
    if (p->nargs == 0 && args_any(p)) {
        fprintf(stderr, "%s\n", _("rapport orgs: name the organisation to change"));
        return CLI_USAGE;
    }
    if (p->nargs == 1) {
        struct org o = { 0 };
        if (org_resolve(app->st, p->args[0], &o) != STORE_OK)
            return output_store_failed(app);
        output_put(stdout, o.name);
        fputs("  ", stdout);
        print_counts(&o);
        putchar('\n');
        if (o.budget_date[0])
            printf(_("  budget date %s\n"), o.budget_date);
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
    .synopsis = N_("[ORG] [--budget MM-DD|none] [--notes TEXT] [--rename NAME [--merge]]"),
    .summary =
        N_("organisations with counts per stage; one: its decision-makers and users"),
    .options = orgs_options,
    .min_args = 0,
    .max_args = 1,
    .run = cmd_orgs,
};
