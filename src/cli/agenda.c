/* `rapport agenda`: overdue, today, the next days, who has gone quiet,
 * budget season, who is ready to move up, and the mail that needs
 * review.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <errno.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/cadence.h"
#include "core/review.h"
#include "core/season.h"
#include "core/stage.h"
#include "core/team.h"
#include "store/mail.h"
#include "store/quiet.h"

/* The rows each section shows before "... and N more": the agenda is
 * read at a glance (and from ~/.profile), and stays as quick on a
 * team's 70,000 overdue follow-ups as on ten. */
#define AGENDA_SECTION_ROWS 20

static const struct option_spec agenda_options[] = {
    { "days", OPTION_VALUE, "N", N_("how many days ahead (default 7)") },
    { "all", OPTION_FLAG, NULL, N_("in a team database, the whole team's work, not only mine") },
    { "by", OPTION_VALUE, "LOGIN", N_("only follow-ups scheduled by LOGIN") },
    { "for", OPTION_VALUE, "LOGIN", N_("only follow-ups for LOGIN") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

/* The follow-up sections; returns how many follow-ups they listed, or
 * -1 after a failed read. */
static int64_t print_followup_sections(struct app *app,
                                       const struct review *r)
{
    int64_t total = 0;
    for (int s = 0; review_lists_followups(s); s++) {
        if (!review_shows(r, s))
            continue;
        char title[96], heading[128];
        review_title(r, s, title, sizeof title);
        /* A blank line between sections, once one was printed. */
        snprintf(heading, sizeof heading, "%s%s", total ? "\n" : "", title);
        const struct followup_filter *filter = review_filter(r, s);
        int64_t n = output_followups(app, filter, heading, true, AGENDA_SECTION_ROWS);
        if (n < 0)
            return -1;
        int64_t count = 0;
        if (n == AGENDA_SECTION_ROWS) {
            if (store_followup_count(app->st, filter, &count) != STORE_OK)
                return -1;
            if (count > n)
                printf(_("  … and %lld more\n"), (long long)(count - n));
        }
        total += n;
    }
    return total;
}

/* Budget season and Ready to move up, after `printed` lines of the
 * sections before; returns how many rows it printed, or -1. */
static int64_t print_pipeline_sections(struct app *app, const struct review *r,
                                       time_t now, int64_t printed)
{
    char title[96];
    struct budget_list budget = { 0 };
    if (season_budget_page(app->st, &app->cfg.pipeline, r->today, r->mine,
                           AGENDA_SECTION_ROWS, &budget) != STORE_OK)
        return -1;
    review_title(r, REVIEW_BUDGET, title, sizeof title);
    if (budget.len > 0)
        printf("%s%s\n", printed ? "\n" : "", title);
    for (size_t i = 0; i < budget.len; i++) {
        const struct budget_entry *e = &budget.items[i];
        long long days = (long long)date_diff_days(season_budget_due(e, r->today),
                                                   r->today);
        fputs("  ", stdout);
        output_contact(stdout, &e->contact);
        /* The organisation whose budget it is, as the Review says it. */
        if (e->contact.org && *e->contact.org) {
            fputs(" — ", stdout);
            output_put(stdout, e->contact.org);
        }
        printf(ngettext(" — budget %s, in %lld day\n", " — budget %s, in %lld days\n",
                        output_plural(days)), e->budget_date, days);
    }
    int64_t total = (int64_t)budget.len;
    budget_list_clear(&budget);

    struct suggestion_list ready = { 0 };
    if (season_ready_page(app->st, &app->cfg.pipeline, now, r->mine,
                          AGENDA_SECTION_ROWS, &ready) != STORE_OK)
        return -1;
    review_title(r, REVIEW_READY, title, sizeof title);
    if (ready.len > 0)
        printf("%s%s\n", printed + total ? "\n" : "", title);
    for (size_t i = 0; i < ready.len; i++) {
        char reason[256];
        season_reason(&ready.items[i], &app->cfg.pipeline, now, reason, sizeof reason);
        fputs("  ", stdout);
        output_contact(stdout, &ready.items[i].contact);
        /* TRANSLATORS: " → Customer: 4 interactions in 90 days". */
        printf(_(" → %s: %s\n"), stage_label(ready.items[i].to), reason);
    }
    total += (int64_t)ready.len;
    suggestion_list_clear(&ready);
    return total;
}

/* Whether any section of r has a row (the pipeline's by the config). */
static bool agenda_has_rows(struct app *app, const struct review *r, time_t now)
{
    struct review all = *r;
    review_use_pipeline(&all, &app->cfg.pipeline);
    for (int s = 0; s < REVIEW_SECTIONS; s++) {
        int64_t n = 0;
        if (review_shows(&all, s)
            && review_count(app->st, &all, s, app->cfg.stage_cadence, now, &n) == STORE_OK
            && n > 0)
            return true;
    }
    return false;
}

/* Needs review, when mail waits; returns how many rows it printed, or
 * -1. */
static int64_t print_mail_section(struct app *app, const struct review *r,
                                  int64_t printed)
{
    struct mail_review_list waiting = { 0 };
    if (store_mail_review_page(app->st, NULL, false, AGENDA_SECTION_ROWS, &waiting) != STORE_OK)
        return -1;
    char title[96];
    review_title(r, REVIEW_MAIL, title, sizeof title);
    if (waiting.len > 0)
        printf("%s%s\n", printed ? "\n" : "", title);
    for (size_t i = 0; i < waiting.len; i++)
        output_mail_review(app, &waiting.items[i], "  ");
    if (waiting.more) {
        int64_t count = 0;
        if (store_mail_review_count(app->st, &count) == STORE_OK
            && count > (int64_t)waiting.len)
            printf(_("  … and %lld more\n"), (long long)(count - (int64_t)waiting.len));
    }
    if (waiting.len > 0)
        printf("  %s\n", _("(rapport inbox: attach each to a contact, make a contact of it, or discard it)"));
    int64_t total = (int64_t)waiting.len;
    mail_review_list_clear(&waiting);
    return total;
}

static int cmd_agenda(struct app *app, struct cli_args *p)
{
    long days = REVIEW_DAYS;
    const char *given = args_opt(p, "days");
    if (given) {
        char *end;
        errno = 0;
        days = strtol(given, &end, 10);
        if (errno || *end || !*given || days < 0 || days > 3660)
            return args_bad_value(p, _("days"), given,
                                  _("a number of days from 0 to 3660"));
    }
    struct review r;
    review_plan(&r, date_today(), days);
    const char *me = team_me(app);
    const char *by = NULL, *for_login = NULL;
    if (team_login(args_opt(p, "by"), &by) != 0)
        return args_bad_value(p, _("by"), args_opt(p, "by"),
                              _("the login of a user of this system"));
    if (team_login(args_opt(p, "for"), &for_login) != 0)
        return args_bad_value(p, _("for"), args_opt(p, "for"),
                              _("the login of a user of this system"));
    review_only_by(&r, by);
    for (int s = 0; review_lists_followups(s); s++)
        r.filters[s].assigned_to = for_login;
    time_t now = time(NULL);
    if (me && !args_flag(p, "all") && !by && !for_login) {
        review_only_mine(&r, me);
        /* Said above my day, never alone: an empty agenda prints
         * nothing, so that it can sit in ~/.profile. */
        if (agenda_has_rows(app, &r, now)) {
            output_put(stdout, me);
            printf(_(": my work; rapport agenda --all shows the team's\n\n"));
        }
    }
    int64_t total = print_followup_sections(app, &r);
    if (total < 0)
        return output_store_failed(app);

    struct contact_list quiet = { 0 };
    if (store_quiet_page(app->st, app->cfg.stage_cadence, r.mine, now, NULL,
                         AGENDA_SECTION_ROWS, &quiet) != STORE_OK) {
        contact_list_clear(&quiet);
        return output_store_failed(app);
    }
    char title[96];
    review_title(&r, REVIEW_QUIET, title, sizeof title);
    if (quiet.len > 0)
        printf("%s%s\n", total ? "\n" : "", title);
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
        if (review_count(app->st, &r, REVIEW_QUIET, app->cfg.stage_cadence,
                         now, &count) == STORE_OK
            && count > (int64_t)quiet.len)
            printf(_("  … and %lld more\n"),
                   (long long)(count - (int64_t)quiet.len));
    }
    int64_t printed = total + (int64_t)quiet.len;
    contact_list_clear(&quiet);
    review_use_pipeline(&r, &app->cfg.pipeline);
    int64_t pipeline = print_pipeline_sections(app, &r, now, printed);
    if (pipeline < 0 || print_mail_section(app, &r, printed + pipeline) < 0)
        return output_store_failed(app);
    return CLI_OK;
}

const struct cli_command cli_cmd_agenda = {
    .name = "agenda",
    .synopsis = N_("[--days N] [--all] [--by LOGIN] [--for LOGIN]"),
    .summary = N_("overdue, today, the next days, gone quiet, budget season, ready to move up"),
    .options = agenda_options,
    .min_args = 0,
    .max_args = 0,
    .run = cmd_agenda,
};
