/* `rapport follow`, `done` and `snooze`: follow-ups scheduled, done and
 * put off.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/followup.h"

static const struct option_spec follow_options[] = {
    { "every", OPTION_VALUE, "Nd|Nw|Nm", N_("repeat after each completion") },
    { "at", OPTION_VALUE, "HH:MM", N_("time of day") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_follow(struct app *app, struct cli_args *p)
{
    struct date due;
    int minutes = -1;
    /* "fri 14:00": a time of day may end DATE; a refusal is worded as
     * for any date. */
    int rc = date_parse_with_time(p->args[1], date_today(), &due, &minutes) == 0
                 ? CLI_OK : args_date(p, p->args[1], &due);
    if (rc != CLI_OK)
        return rc;
    struct interval every = { 0 };
    if (args_opt(p, "every") && date_parse_interval(args_opt(p, "every"), &every) != 0)
        return args_bad_value(p, _("every"), args_opt(p, "every"),
                              _("a number of days, weeks or months (3d, 2w, 1m)"));
    if (args_opt(p, "at") && (minutes = date_parse_time(args_opt(p, "at"))) < 0)
        return args_bad_value(p, _("time"), args_opt(p, "at"), "HH:MM");
    struct contact c;
    if ((rc = args_contact(app, p->args[0], false, &c)) != CLI_OK)
        return rc;
    char *text = args_join(p, 2);
    int64_t id = 0;
    if (!text || followup_add(app->st, c.id, due, minutes, text, every,
                              time(NULL), &id) != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        char when[64];
        output_date(app, due, when, sizeof when);
        printf(_("Follow-up #%" PRId64 " for "), id);
        output_contact(stdout, &c);
        printf(_(" on %s"), when);
        if (minutes >= 0)
            printf(" %02d:%02d", minutes / 60, minutes % 60);
        if (every.count > 0) {
            char buf[16];
            date_format_interval(every, buf, sizeof buf);
            printf(_(" (every %s)"), buf);
        }
        putchar('\n');
    }
    free(text);
    store_contact_clear(&c);
    return rc;
}

const struct cli_command cli_cmd_follow = {
    .name = "follow",
    .synopsis = N_("CONTACT DATE TEXT [--every Nd|Nw|Nm] [--at HH:MM]"),
    .summary = N_("schedule a follow-up"),
    .options = follow_options,
    .min_args = 3,
    .max_args = -1,
    .run = cmd_follow,
    .needs_write = true,
};

static const struct option_spec done_options[] = {
    { "note", OPTION_VALUE, "TEXT", N_("log a note with it") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_done(struct app *app, struct cli_args *p)
{
    int64_t id;
    int rc = args_followup_id(p, p->args[0], &id);
    if (rc != CLI_OK)
        return rc;
    struct followup f = { 0 };
    if (store_followup_get(app->st, id, &f) != STORE_OK) {
        fprintf(stderr, _("rapport: no follow-up #%" PRId64 "\n"), id);
        return CLI_USER_ERROR;
    }
    struct followup next = { 0 };
    if (followup_done(app->st, id, args_opt(p, "note"), time(NULL), &next)
        != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        printf(_("Done: follow-up #%" PRId64 " for "), id);
        output_contact_ref(stdout, f.contact_id, f.contact_name);
        fputs(": ", stdout);
        output_put(stdout, f.text);
        putchar('\n');
        if (next.id) {
            char when[64];
            output_date(app, next.due, when, sizeof when);
            printf(_("Next: follow-up #%" PRId64 " on %s\n"), next.id, when);
        }
    }
    store_followup_clear(&next);
    store_followup_clear(&f);
    return rc;
}

const struct cli_command cli_cmd_done = {
    .name = "done",
    .synopsis = N_("FOLLOWUP [--note TEXT]"),
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
    int rc = args_followup_id(p, p->args[0], &id);
    if (rc != CLI_OK || (rc = args_date(p, p->args[1], &until)))
        return rc;
    if (followup_snooze(app->st, id, until, time(NULL)) != STORE_OK)
        return output_store_failed(app);
    struct followup f = { 0 };
    if (store_followup_get(app->st, id, &f) != STORE_OK)
        return output_store_failed(app);
    char when[64], due[64];
    output_date(app, until, when, sizeof when);
    output_date(app, f.due, due, sizeof due);
    printf(_("Snoozed follow-up #%" PRId64 " for "), id);
    output_contact_ref(stdout, f.contact_id, f.contact_name);
    printf(_(" until %s (due %s)\n"), when, due);
    store_followup_clear(&f);
    return CLI_OK;
}

const struct cli_command cli_cmd_snooze = {
    .name = "snooze",
    .synopsis = N_("FOLLOWUP DATE"),
    .summary = N_("move a follow-up to a later day; its due date stays"),
    .min_args = 2,
    .max_args = 2,
    .run = cmd_snooze,
    .needs_write = true,
};
