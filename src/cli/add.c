/* `rapport add` and `rapport edit`: a contact made or changed from its
 * options.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/cadence.h"
#include "core/contact.h"
#include "core/stage.h"
#include "core/team.h"

/* --phone "KIND:NUMBER" or a plain number; a number already there takes
 * the kind given with it. */
static int add_phones(const struct cli_args *p, const struct strlist *given,
                      struct phone_list *into)
{
    for (size_t i = 0; i < given->len; i++) {
        char *number = NULL;
        const char *kind = NULL;
        if (phone_parse(given->items[i], &number, &kind) != 0) {
            char *expected = NULL;
            if (asprintf(&expected, _("a number, or KIND:NUMBER with KIND one of %s"),
                         phone_kind_keys()) < 0)
                expected = NULL;
            int rc = args_bad_value(p, _("phone"), given->items[i],
                                    expected ? expected : phone_kind_keys());
            free(expected);
            return rc;
        }
        long at = number && *number ? phone_list_find(into, number) : -1;
        if (at >= 0 && kind) {
            free(into->items[at].kind);
            into->items[at].kind = strdup(kind);
        } else if (at < 0 && number && *number) {
            phone_list_push(into, number, kind);
        }
        free(number);
    }
    return CLI_OK;
}

static const struct option_spec add_options[] = {
    { "email", OPTION_LIST, "E", N_("an email address (repeatable)") },
    { "phone", OPTION_LIST, "[KIND:]P",
      N_("a phone number, with its kind: cell:+47 123 (repeatable)") },
    { "org", OPTION_VALUE, "O", N_("organisation") },
    { "department", OPTION_VALUE, "D", N_("department within the organisation") },
    { "title", OPTION_VALUE, "T", N_("job title") },
    { "stage", OPTION_VALUE, "S", N_("end-user (default), customer or client") },
    { "role", OPTION_LIST, "R", N_("user (default), decision-maker or both") },
    { "tag", OPTION_LIST, "T", N_("a tag or subject area (repeatable)") },
    { "channel", OPTION_VALUE, "C", N_("preferred channel") },
    { "projects", OPTION_VALUE, "TEXT", N_("their projects") },
    { "goals", OPTION_VALUE, "TEXT", N_("their desired outcomes") },
    { "cadence", OPTION_VALUE, "Nd|Nw|Nm", N_("how often to touch them") },
    { "owner", OPTION_VALUE, "LOGIN", N_("the team member who looks after them") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

/* --owner LOGIN|none: a user of this system, or nobody. */
static int owner_option(const struct cli_args *p, struct contact *c)
{
    const char *given = args_opt(p, "owner"), *login = NULL;
    if (!given)
        return CLI_OK;
    if (team_login(given, &login) != 0)
        return args_bad_value(p, _("owner"), given,
                              _("the login of a user of this system, or none"));
    free(c->owner);
    c->owner = login ? strdup(login) : NULL;
    return CLI_OK;
}

static int cmd_add(struct app *app, struct cli_args *p)
{
    struct contact c;
    contact_init(&c);
    int rc = CLI_OK;
    int stage = STAGE_END_USER;
    if (args_opt(p, "stage") && (rc = args_stage(p, args_opt(p, "stage"), &stage)))
        return rc;
    unsigned roles = 0;
    if ((rc = args_roles(p, args_list(p, "role"), &roles)) != CLI_OK)
        return rc;
    int cadence = -1;
    if (args_opt(p, "cadence") && cadence_parse(args_opt(p, "cadence"), &cadence) != 0)
        return args_bad_value(p, _("cadence"), args_opt(p, "cadence"),
                              _("Nd, Nw, Nm, off or default"));
    c.stage = (enum stage)stage;
    if (roles)
        c.roles = roles;
    c.cadence_days = cadence;
    c.name = strdup(p->args[0]);
    if (args_opt(p, "org"))
        c.org = strdup(args_opt(p, "org"));
    if (args_opt(p, "department"))
        c.department = strdup(args_opt(p, "department"));
    if (args_opt(p, "title"))
        c.title = strdup(args_opt(p, "title"));
    if (args_opt(p, "channel"))
        c.channel = strdup(args_opt(p, "channel"));
    if (args_opt(p, "projects"))
        c.projects = strdup(args_opt(p, "projects"));
    if (args_opt(p, "goals"))
        c.goals = strdup(args_opt(p, "goals"));
    if ((rc = owner_option(p, &c)) != CLI_OK) {
        contact_clear(&c);
        return rc;
    }
    const char *lists[] = { "email", "tag" };
    struct strlist *into[] = { &c.emails, &c.tags };
    for (size_t l = 0; l < 2; l++) {
        const struct strlist *given = args_list(p, lists[l]);
        for (size_t i = 0; i < given->len; i++)
            strlist_push(into[l], given->items[i]);
    }
    if ((rc = add_phones(p, args_list(p, "phone"), &c.phones)) != CLI_OK) {
        /* Reported. */
    } else if (contact_add(app->st, &c, time(NULL)) != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        printf(_("Added contact "));
        output_contact(stdout, &c);
        printf(" (%s)\n", stage_label(c.stage));
    }
    contact_clear(&c);
    return rc;
}

const struct cli_command cli_cmd_add = {
    .name = "add",
    .synopsis = N_("NAME [OPTIONS]"),
    .summary = N_("add a contact"),
    .options = add_options,
    .min_args = 1,
    .max_args = 1,
    .run = cmd_add,
    .needs_write = true,
};

static void replace_field(char **field, const char *value)
{
    if (!value)
        return;
    free(*field);
    *field = strdup(value);
}

static const struct option_spec edit_options[] = {
    { "name", OPTION_VALUE, "N", N_("a new name") },
    { "title", OPTION_VALUE, "T", N_("job title (\"\" clears it)") },
    { "org", OPTION_VALUE, "O", N_("organisation (\"\" clears it)") },
    { "department", OPTION_VALUE, "D", N_("department (\"\" clears it)") },
    { "role", OPTION_LIST, "R", N_("user, decision-maker or both (replaces)") },
    { "email", OPTION_LIST, "E", N_("add an email address") },
    { "phone", OPTION_LIST, "[KIND:]P",
      N_("add a phone number, or set its kind: work:+47 123") },
    { "tag", OPTION_LIST, "T", N_("add a tag") },
    { "drop-email", OPTION_LIST, "E", N_("remove an email address") },
    { "drop-phone", OPTION_LIST, "P", N_("remove a phone number") },
    { "untag", OPTION_LIST, "T", N_("remove a tag") },
    { "projects", OPTION_VALUE, "TEXT", N_("their projects") },
    { "goals", OPTION_VALUE, "TEXT", N_("their desired outcomes") },
    { "channel", OPTION_VALUE, "C", N_("preferred channel") },
    { "cadence", OPTION_VALUE, "Nd|Nw|Nm|default",
      N_("how often to touch them; default: the stage's") },
    { "owner", OPTION_VALUE, "LOGIN|none", N_("the team member who looks after them") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_edit(struct app *app, struct cli_args *p)
{
    if (!args_any(p))
        return args_usage_fail(p, _("nothing to change: give at least one option"));
    unsigned roles = 0;
    int rc;
    if ((rc = args_roles(p, args_list(p, "role"), &roles)) != CLI_OK)
        return rc;
    int cadence = 0;
    if (args_opt(p, "cadence") && cadence_parse(args_opt(p, "cadence"), &cadence) != 0)
        return args_bad_value(p, _("cadence"), args_opt(p, "cadence"),
                              _("Nd, Nw, Nm, off or default"));

    struct contact c;
    if ((rc = args_contact(app, p->args[0], true, &c)) != CLI_OK)
        return rc;
    const char *adds[] = { "email", "phone", "tag" };
    const char *drops[] = { "drop-email", "drop-phone", "untag" };
    struct strlist *into[] = { &c.emails, NULL, &c.tags };
    for (size_t l = 0; l < 3 && rc == CLI_OK; l++) {
        const struct strlist *gone = args_list(p, drops[l]);
        for (size_t i = 0; i < gone->len && rc == CLI_OK; i++) {
            /* Removing what is not there is a mistake worth hearing
             * about (a typo in an address), not a silent success. A
             * number may be given with its kind, as --phone takes it. */
            size_t dropped = 0;
            if (into[l]) {
                dropped = contact_list_drop(into[l], gone->items[i]);
            } else {
                char *number = NULL;
                const char *kind = NULL;
                phone_parse(gone->items[i], &number, &kind);
                dropped = phone_list_drop(&c.phones, number ? number
                                                            : gone->items[i]);
                free(number);
            }
            if (dropped == 0) {
                char *name = text_sanitize(c.name, false);
                char *value = text_sanitize(gone->items[i], false);
                fprintf(stderr,
                        l == 0 ? _("rapport: #%lld %s has no email address \"%s\"\n")
                        : l == 1 ? _("rapport: #%lld %s has no phone number \"%s\"\n")
                                 : _("rapport: #%lld %s has no tag \"%s\"\n"),
                        (long long)c.id, name, value);
                free(name);
                free(value);
                rc = CLI_USER_ERROR;
            }
        }
        const struct strlist *added = args_list(p, adds[l]);
        if (!into[l] && rc == CLI_OK)
            rc = add_phones(p, added, &c.phones);
        for (size_t i = 0; into[l] && i < added->len; i++)
            if (!strlist_contains(into[l], added->items[i]))
                strlist_push(into[l], added->items[i]);
    }
    /* After the lists: a missing value is named as the contact is now. */
    replace_field(&c.name, args_opt(p, "name"));
    replace_field(&c.title, args_opt(p, "title"));
    replace_field(&c.org, args_opt(p, "org"));
    replace_field(&c.department, args_opt(p, "department"));
    replace_field(&c.projects, args_opt(p, "projects"));
    replace_field(&c.goals, args_opt(p, "goals"));
    replace_field(&c.channel, args_opt(p, "channel"));
    if (roles)
        c.roles = roles;
    if (args_opt(p, "cadence"))
        c.cadence_days = cadence;
    if (rc == CLI_OK)
        rc = owner_option(p, &c);
    bool changed = false;
    if (rc != CLI_OK) {
        /* Reported above; nothing was written. */
    } else if (contact_update_changed(app->st, &c, time(NULL), &changed)
               != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        printf("%s", changed ? _("Updated ") : _("Nothing to change for "));
        output_contact(stdout, &c);
        putchar('\n');
    }
    contact_clear(&c);
    return rc;
}

const struct cli_command cli_cmd_edit = {
    .name = "edit",
    .synopsis = N_("CONTACT [OPTIONS]"),
    .summary = N_("change a contact"),
    .options = edit_options,
    .min_args = 1,
    .max_args = 1,
    .run = cmd_edit,
    .needs_write = true,
};
