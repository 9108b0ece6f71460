/* `rapport add` and `rapport edit`: a contact made or changed from its
 * options, its cadence paused or resumed.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/cadence.h"
#include "core/contact.h"
#include "core/pause.h"
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

/* --address "[KIND:]STREET; LOCALITY; REGION; CODE; COUNTRY"; an
 * address already there takes the kind given with it. */
static int add_addresses(const struct strlist *given,
                         struct address_list *into)
{
    for (size_t i = 0; i < given->len; i++) {
        struct address a;
        if (address_parse(given->items[i], &a) != 0)
            return CLI_USER_ERROR;
        long at = address_list_find(into, &a);
        if (at >= 0 && a.kind) {
            free(into->items[at].kind);
            into->items[at].kind = a.kind;
            a.kind = NULL;
        } else if (at < 0 && !address_empty(&a)) {
            address_list_push(into, &a);
        }
        address_clear(&a);
    }
    return CLI_OK;
}

/* --url "[KIND:]URL"; a page already there takes the kind given. */
static int add_urls(const struct strlist *given, struct url_list *into)
{
    for (size_t i = 0; i < given->len; i++) {
        char *url = NULL;
        const char *kind = NULL;
        if (url_parse(given->items[i], &url, &kind) != 0)
            return CLI_USER_ERROR;
        long at = *url ? url_list_find(into, url) : -1;
        if (at >= 0 && kind) {
            free(into->items[at].kind);
            into->items[at].kind = strdup(kind);
        } else if (at < 0 && *url) {
            url_list_push(into, url, kind);
        }
        free(url);
    }
    return CLI_OK;
}

/* The address --drop-address names: its parts as --address gives
 * them, or its street alone. */
static size_t drop_address(struct address_list *list, const char *text)
{
    struct address want;
    if (address_parse(text, &want) != 0)
        return 0;
    size_t dropped = 0;
    for (size_t i = list->len; i-- > 0;) {
        const char *street = list->items[i].part[ADDRESS_STREET];
        const char *given = want.part[ADDRESS_STREET];
        bool only_street = true;
        for (int k = 0; k < ADDRESS_PARTS; k++)
            if (k != ADDRESS_STREET && want.part[k])
                only_street = false;
        if (address_same_place(&list->items[i], &want)
            || (only_street && street && given && strcasecmp(street, given) == 0)) {
            address_list_remove(list, i);
            dropped++;
        }
    }
    address_clear(&want);
    return dropped;
}

/* The kept properties named NAME (a group's "item1." aside, any case),
 * removed; returns how many went. */
static size_t drop_property(struct strlist *extras, const char *name)
{
    size_t kept = 0, dropped = 0, want = strlen(name);
    for (size_t i = 0; i < extras->len; i++) {
        size_t len;
        const char *prop = contact_extra_name(extras->items[i], &len);
        if (want && len == want && strncasecmp(prop, name, want) == 0) {
            free(extras->items[i]);
            dropped++;
        } else {
            extras->items[kept++] = extras->items[i];
        }
    }
    extras->len = kept;
    return dropped;
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
    { "address", OPTION_LIST, "[KIND:]A",
      N_("a postal address: work:STREET; PLACE; REGION; CODE; COUNTRY (repeatable)") },
    { "url", OPTION_LIST, "[KIND:]U", N_("a web page, with its kind: work:https://… (repeatable)") },
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
    if ((rc = add_phones(p, args_list(p, "phone"), &c.phones)) != CLI_OK
        || (rc = add_addresses(args_list(p, "address"), &c.addresses)) != CLI_OK
        || (rc = add_urls(args_list(p, "url"), &c.urls)) != CLI_OK) {
        /* Reported, or out of memory. */
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
    { "address", OPTION_LIST, "[KIND:]A",
      N_("add a postal address: home:STREET; PLACE; REGION; CODE; COUNTRY") },
    { "drop-address", OPTION_LIST, "A",
      N_("remove a postal address (as --address gives it, or its street)") },
    { "url", OPTION_LIST, "[KIND:]U", N_("add a web page, or set its kind: work:https://…") },
    { "drop-url", OPTION_LIST, "U", N_("remove a web page") },
    { "drop-property", OPTION_LIST, "NAME",
      N_("remove the properties of that name kept from a card (BDAY, X-…)") },
    { "projects", OPTION_VALUE, "TEXT", N_("their projects") },
    { "goals", OPTION_VALUE, "TEXT", N_("their desired outcomes") },
    { "channel", OPTION_VALUE, "C", N_("preferred channel") },
    { "cadence", OPTION_VALUE, "Nd|Nw|Nm|default",
      N_("how often to touch them; default: the stage's") },
    { "owner", OPTION_VALUE, "LOGIN|none", N_("the team member who looks after them") },
    { "pause-until", OPTION_VALUE, N_("DATE|none"),
      N_("not listed as gone quiet before DATE (on sabbatical); none ends the pause") },
    { "pause-reason", OPTION_VALUE, N_("TEXT"), N_("why, with --pause-until") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

/* --pause-until (and --pause-reason): the cadence paused or resumed. */
static int edit_pause(struct app *app, struct cli_args *p, const struct contact *c)
{
    const char *until = args_opt(p, "pause-until");
    enum store_status rc;
    struct date day = { 0 };
    if (strcmp(until, "none") == 0) {
        rc = pause_end(app->st, c->id, time(NULL));
    } else {
        int bad = args_date(app, p, until, &day);
        if (bad != CLI_OK)
            return bad;
        rc = pause_set(app->st, c->id, day, args_opt(p, "pause-reason"), time(NULL));
    }
    if (rc != STORE_OK)
        return output_store_failed(app);
    if (date_is_set(day)) {
        char iso[11];
        date_format_iso(day, iso);
        printf(_("Paused the cadence of "));
        output_contact(stdout, c);
        printf(_(" until %s\n"), iso);
    } else {
        printf(_("The cadence of "));
        output_contact(stdout, c);
        printf(_(" is no longer paused\n"));
    }
    return CLI_OK;
}

/* Whether an option other than the pause's was given. */
static bool edits_fields(const struct cli_args *p)
{
    for (const struct option_spec *o = edit_options; o->name; o++)
        if (strncmp(o->name, "pause-", 6) != 0 && args_flag(p, o->name))
            return true;
    return false;
}

/* Removing what is not there is a mistake worth hearing about. */
enum missing { NO_ADDRESS, NO_URL, NO_PROPERTY };

static int no_such(const struct contact *c, enum missing what, const char *value)
{
    char *name = text_sanitize(c->name, false);
    char *shown = text_sanitize(value, false);
    if (what == NO_ADDRESS)
        fprintf(stderr, _("rapport: #%lld %s has no postal address \"%s\"\n"),
                (long long)c->id, name, shown);
    else if (what == NO_URL)
        fprintf(stderr, _("rapport: #%lld %s has no web page \"%s\"\n"),
                (long long)c->id, name, shown);
    else
        fprintf(stderr, _("rapport: #%lld %s has no property %s kept from a card\n"),
                (long long)c->id, name, shown);
    free(name);
    free(shown);
    return CLI_USER_ERROR;
}

static int cmd_edit(struct app *app, struct cli_args *p)
{
    if (!args_any(p))
        return args_usage_fail(p, _("nothing to change: give at least one option"));
    if (args_opt(p, "pause-reason") && !args_opt(p, "pause-until"))
        return args_usage_fail(p, _("--pause-reason goes with --pause-until"));
    bool fields = edits_fields(p);
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
    const struct strlist *gone = args_list(p, "drop-address");
    for (size_t i = 0; i < gone->len && rc == CLI_OK; i++)
        if (drop_address(&c.addresses, gone->items[i]) == 0)
            rc = no_such(&c, NO_ADDRESS, gone->items[i]);
    gone = args_list(p, "drop-url");
    for (size_t i = 0; i < gone->len && rc == CLI_OK; i++)
        if (url_list_drop(&c.urls, gone->items[i]) == 0)
            rc = no_such(&c, NO_URL, gone->items[i]);
    gone = args_list(p, "drop-property");
    for (size_t i = 0; i < gone->len && rc == CLI_OK; i++)
        if (drop_property(&c.extras, gone->items[i]) == 0)
            rc = no_such(&c, NO_PROPERTY, gone->items[i]);
    if (rc == CLI_OK)
        rc = add_addresses(args_list(p, "address"), &c.addresses);
    if (rc == CLI_OK)
        rc = add_urls(args_list(p, "url"), &c.urls);
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
    if (rc != CLI_OK || !fields) {
        /* Reported above (nothing was written), or only the pause. */
    } else if (contact_update_changed(app->st, &c, time(NULL), &changed)
               != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        printf("%s", changed ? _("Updated ") : _("Nothing to change for "));
        output_contact(stdout, &c);
        putchar('\n');
    }
    if (rc == CLI_OK && args_opt(p, "pause-until"))
        rc = edit_pause(app, p, &c);
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
