/* `rapport follow`, `done` and `snooze`: follow-ups scheduled, done and
 * put off.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>

#include <stdio.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/followup.h"
#include "core/team.h"
#include "model/contact.h"
#include "store/followup.h"

static const struct option_spec follow_options[] = {
    { "every", OPTION_VALUE, "Nd|Nw|Nm", N_("repeat after each completion") },
    { "at", OPTION_VALUE, "HH:MM", N_("time of day") },
    { "for", OPTION_VALUE, "LOGIN", N_("hand it to a colleague: whom it is for") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_follow(struct app *app, struct cli_args *p)
{
    struct date due;
    int minutes = -1;
    /* "fri 14:00": a time of day may end DATE; a refusal is worded as
     * for any date. */
    int rc = date_parse_with_time(p->args[1], date_today(), app->cfg.week_start,
                                  &due, &minutes) == 0
                 ? CLI_OK : args_date(app, p, p->args[1], &due);
    if (rc != CLI_OK)
        return rc;
    struct interval every = { 0 };
    if (args_opt(p, "every") && date_parse_interval(args_opt(p, "every"), &every) != 0)
        return args_bad_value(p, _("every"), args_opt(p, "every"),
                              _("a number of days, weeks or months (3d, 2w, 1m)"));
    if (args_opt(p, "at") && (minutes = date_parse_time(args_opt(p, "at"))) < 0)
        return args_bad_value(p, _("time"), args_opt(p, "at"), "HH:MM");
    const char *for_login = NULL;
    if (args_opt(p, "for") && (team_login(args_opt(p, "for"), &for_login) != 0 || !for_login))
        return args_bad_value(p, _("for"), args_opt(p, "for"),
                              _("the login of a user of this system"));
    struct contact c;
    if ((rc = args_contact(app, p->args[0], false, &c)) != CLI_OK)
        return rc;
    char *text = args_join(p, 2);
    int64_t id = 0;
    if (!text || followup_add_for(app->st, c.id, due, minutes, text, every,
                                  for_login, time(NULL), &id) != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        char when[64];
        output_date(app, due, when, sizeof when);
        printf(_("Follow-up f%" PRId64 " for "), id);
        output_contact(stdout, &c);
        printf(_(" on %s"), when);
        if (minutes >= 0)
            printf(" %02d:%02d", minutes / 60, minutes % 60);
        if (every.count > 0) {
            char buf[16];
            date_format_interval(every, buf, sizeof buf);
            printf(_(" (every %s)"), buf);
        }
        if (for_login) {
            char *shown = text_sanitize(for_login, false);
            printf(_(", handed to %s"), shown ? shown : "");
            free(shown);
        }
        putchar('\n');
    }
    free(text);
    contact_clear(&c);
    return rc;
}

const struct cli_command cli_cmd_follow = {
    .name = "follow",
    .synopsis = N_("CONTACT DATE TEXT [--every Nd|Nw|Nm] [--at HH:MM] [--for LOGIN]"),
    .summary = N_("schedule a follow-up"),
    .options = follow_options,
    .min_args = 3,
    .max_args = -1,
    .run = cmd_follow,
    .needs_write = true,
};

/* f12, 12 or #12: a follow-up's id; anything else names a contact. */
static bool is_followup_id(const char *text)
{
    const char *s = *text == 'f' || *text == 'F' || *text == '#' ? text + 1 : text;
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* The follow-up a FOLLOWUP argument means: its id, or a contact with
 * exactly one open follow-up. With several, lists them and asks for
 * one (CLI_USER_ERROR), as with none. */
static int followup_argument(struct app *app, const struct cli_args *p,
                             const char *text, int64_t *id)
{
    if (is_followup_id(text))
        return args_followup_id(p, text, id);
    struct contact c;
    int rc = args_contact(app, text, false, &c);
    if (rc != CLI_OK)
        return rc;
    struct followup_filter filter = { .contact_id = c.id, .open_only = true };
    struct followup_list open = { 0 };
    if (store_followup_page(app->st, &filter, NULL, 50, &open) != STORE_OK) {
        rc = output_store_failed(app);
    } else if (open.len == 1) {
        *id = open.items[0].id;
    } else {
        char *name = text_sanitize(c.name, false);
        if (open.len == 0)
            fprintf(stderr, _("rapport: #%" PRId64 " %s has no open follow-up\n"),
                    c.id, name ? name : "");
        else
            fprintf(stderr, _("rapport: #%" PRId64 " %s has %zu%s open follow-ups; name one by its id:\n"),
                    c.id, name ? name : "", open.len, open.more ? "+" : "");
        free(name);
        for (size_t i = 0; i < open.len; i++)
            output_followup(app, &open.items[i], false);
        rc = CLI_USER_ERROR;
    }
    followup_list_clear(&open);
    contact_clear(&c);
    return rc;
}

static const struct option_spec done_options[] = {
    { "note", OPTION_VALUE, "TEXT", N_("log a note with it") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_done(struct app *app, struct cli_args *p)
{
    int64_t id;
    int rc = followup_argument(app, p, p->args[0], &id);
    if (rc != CLI_OK)
        return rc;
    struct followup f = { 0 };
    if (store_followup_get(app->st, id, &f) != STORE_OK) {
        fprintf(stderr, _("rapport: no follow-up f%" PRId64 "\n"), id);
        return CLI_USER_ERROR;
    }
    struct followup next = { 0 };
    if (followup_done(app->st, id, args_opt(p, "note"), time(NULL), &next)
        != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        printf(_("Done: follow-up f%" PRId64 " for "), id);
        output_contact_ref(stdout, f.contact_id, f.contact_name);
        fputs(": ", stdout);
        output_put(stdout, f.text);
        putchar('\n');
        if (next.id) {
            char when[64];
            output_date(app, next.due, when, sizeof when);
            printf(_("Next: follow-up f%" PRId64 " on %s\n"), next.id, when);
        }
    }
    followup_clear(&next);
    followup_clear(&f);
    return rc;
}

const struct cli_command cli_cmd_done = {
    .name = "done",
    .synopsis = N_("FOLLOWUP|CONTACT [--note TEXT]"),
    .summary = N_("mark a follow-up done"),
    .options = done_options,
    .min_args = 1,
    .max_args = 1,
    .run = cmd_done,
    .needs_write = true,
};

static int cmd_snooze(struct app *app, struct cli_args *p)
{
    int64_t id;
    struct date until;
    int rc = args_date(app, p, p->args[1], &until);
    if (rc != CLI_OK || (rc = followup_argument(app, p, p->args[0], &id)))
        return rc;
    if (followup_snooze(app->st, id, until, time(NULL)) != STORE_OK)
        return output_store_failed(app);
    struct followup f = { 0 };
    if (store_followup_get(app->st, id, &f) != STORE_OK)
        return output_store_failed(app);
    char when[64], due[64];
    output_date(app, until, when, sizeof when);
    output_date(app, f.due, due, sizeof due);
    printf(_("Snoozed follow-up f%" PRId64 " for "), id);
    output_contact_ref(stdout, f.contact_id, f.contact_name);
    printf(_(" until %s (due %s)\n"), when, due);
    followup_clear(&f);
    return CLI_OK;
}

const struct cli_command cli_cmd_snooze = {
    .name = "snooze",
    .synopsis = N_("FOLLOWUP|CONTACT DATE"),
    .summary = N_("move a follow-up to a later day; its due date stays"),
    .min_args = 2,
    .max_args = 2,
    .run = cmd_snooze,
    .needs_write = true,
};
