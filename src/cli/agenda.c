/* `rapport agenda`: overdue, today, the next days and who has gone quiet.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <errno.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/cadence.h"
#include "core/stage.h"

/* Gone-quiet contacts the agenda shows before "... and N more". */
#define AGENDA_QUIET_MAX 20

static const struct option_spec agenda_options[] = {
    { "days", OPTION_VALUE, "N", N_("how many days ahead (default 7)") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_agenda(struct app *app, struct cli_args *p)
{
    long days = 7;
    const char *given = args_opt(p, "days");
    if (given) {
        char *end;
        errno = 0;
        days = strtol(given, &end, 10);
        if (errno || *end || !*given || days < 0 || days > 3660)
            return args_bad_value(p, _("days"), given,
                                  _("a number of days from 0 to 3660"));
    }
    struct date today = date_today();
    time_t now = time(NULL);
    char heading[128];
    int64_t total = 0, n;

    struct followup_filter f = { .open_only = true };
    f.to = date_add_days(today, -1);
    if ((n = output_followups(app, &f, _("Overdue"), true)) < 0)
        return output_store_failed(app);
    total += n;

    f.from = today;
    f.to = today;
    snprintf(heading, sizeof heading, "%s%s", total ? "\n" : "", _("Today"));
    if ((n = output_followups(app, &f, heading, true)) < 0)
        return output_store_failed(app);
    total += n;

    if (days > 0) {
        f.from = date_add_days(today, 1);
        f.to = date_add_days(today, days);
        char label[96];
        snprintf(label, sizeof label,
                 ngettext("Next %ld day", "Next %ld days", output_plural(days)), days);
        snprintf(heading, sizeof heading, "%s%s", total ? "\n" : "", label);
        if ((n = output_followups(app, &f, heading, true)) < 0)
            return output_store_failed(app);
        total += n;
    }

    struct contact_list quiet = { 0 };
    if (store_quiet_page(app->st, app->cfg.stage_cadence, now, NULL,
                         AGENDA_QUIET_MAX, &quiet) != STORE_OK) {
        store_contact_list_clear(&quiet);
        return output_store_failed(app);
    }
    if (quiet.len > 0)
        printf("%s%s\n", total ? "\n" : "", _("Gone quiet"));
    for (size_t i = 0; i < quiet.len; i++) {
        const struct contact *c = &quiet.items[i];
        fputs("  ", stdout);
        output_contact(stdout, c);
        long long since = (long long)cadence_days_since(c, now);
        printf(ngettext(" — %s, %lld day since the last contact (every %d)\n",
                        " — %s, %lld days since the last contact (every %d)\n",
                        output_plural(since)),
               stage_label(c->stage), since,
               cadence_days_for(c, app->cfg.stage_cadence));
    }
    if (quiet.more) {
        int64_t count = 0;
        if (store_quiet_count(app->st, app->cfg.stage_cadence, now, &count)
            == STORE_OK && count > (int64_t)quiet.len)
            printf(_("  … and %lld more\n"),
                   (long long)(count - (int64_t)quiet.len));
    }
    store_contact_list_clear(&quiet);
    return CLI_OK;
}

const struct cli_command cli_cmd_agenda = {
    .name = "agenda",
    .synopsis = N_("[--days N]"),
    .summary = N_("overdue, today, the next days and who has gone quiet"),
    .options = agenda_options,
    .min_args = 0,
    .max_args = 0,
    .run = cmd_agenda,
};
