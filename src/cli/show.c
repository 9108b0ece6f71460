/* `rapport show`: everything about one contact.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/cadence.h"
#include "core/contact.h"
#include "core/cursor.h"
#include "core/note.h"
#include "core/pause.h"
#include "core/stage.h"
#include "core/team.h"
#include "model/score.h"
#include "store/score.h"
#include "store/stage.h"
#include "store/timeline.h"

static void show_field(const char *label, const char *value)
{
    if (!value || !*value)
        return;
    printf("  %-14s ", label);
    output_put(stdout, value);
    putchar('\n');
}

static void show_list(const char *label, const struct strlist *l)
{
    if (l->len == 0)
        return;
    char *joined = strlist_join(l, ", ");
    show_field(label, joined);
    free(joined);
}

static void show_header(const struct app *app, const struct contact *c)
{
    output_contact(stdout, c);
    if (c->archived)
        printf("  %s", _("(archived)"));
    putchar('\n');
    show_field(_("Organisation:"), c->org);
    show_field(_("Department:"), c->department);
    show_field(_("Title:"), c->title);
    show_field(_("Roles:"), contact_roles_label(c->roles));
    char since[64], line[160];
    output_date(app, date_from_time(c->stage_since), since, sizeof since);
    snprintf(line, sizeof line, _("%s since %s"), stage_label(c->stage), since);
    show_field(_("Stage:"), line);
    show_list(_("Tags:"), &c->tags);
    show_list(_("Emails:"), &c->emails);
    if (c->phones.len) {
        char *phones = phone_list_describe(&c->phones, ", ");
        show_field(_("Phones:"), phones);
        free(phones);
    }
    for (size_t i = 0; i < c->addresses.len; i++) {
        char *a = address_describe(&c->addresses.items[i]);
        show_field(i ? "" : _("Addresses:"), a);
        free(a);
    }
    for (size_t i = 0; i < c->urls.len; i++) {
        char *u = url_list_describe(&(struct url_list){ &c->urls.items[i], 1, 1 }, "");
        show_field(i ? "" : _("Web pages:"), u);
        free(u);
    }
    /* The other properties of the card, as an export gives them back. */
    for (size_t i = 0; i < c->extras.len; i++)
        show_field(i ? "" : _("Also kept:"), c->extras.items[i]);
    show_field(_("Channel:"), c->channel);
    show_field(_("Owner:"), c->owner);
    time_t now = time(NULL);
    int days = cadence_days_for(c, app->cfg.stage_cadence);
    char touched[64];
    output_date(app, date_from_time(c->last_touch), touched, sizeof touched);
    long long ago = (long long)cadence_days_since(c, now);
    if (ago == 0)
        snprintf(line, sizeof line, _("%s (today)"), touched);
    else
        snprintf(line, sizeof line,
                 ngettext("%s (%lld day ago)", "%s (%lld days ago)", output_plural(ago)),
                 touched, ago);
    show_field(_("Last contact:"), line);
    if (days > 0) {
        snprintf(line, sizeof line,
                 c->cadence_days > 0
                     ? ngettext("every %d day", "every %d days", output_plural(days))
                     : ngettext("every %d day (stage default)",
                                "every %d days (stage default)", output_plural(days)),
                 days);
        struct pause pause;
        bool paused = false;
        if (pause_current(app->st, c->id, now, &pause, &paused) != STORE_OK)
            paused = false;
        if (!paused && cadence_is_quiet(c, app->cfg.stage_cadence, now)) {
            size_t len = strlen(line);
            snprintf(line + len, sizeof line - len, _(" — gone quiet"));
        }
        show_field(_("Cadence:"), line);
        if (paused) {
            char until[64];
            output_date(app, pause.until, until, sizeof until);
            snprintf(line, sizeof line, _("until %s"), until);
            if (pause.reason) {
                size_t len = strlen(line);
                snprintf(line + len, sizeof line - len, " (%s)", pause.reason);
            }
            show_field(_("Paused:"), line);
            pause_clear(&pause);
        }
    }
}

/* "  by ann" after a row, when the database has more than one author. */
static void show_author(bool authors, const char *login)
{
    if (!authors || !login || !*login)
        return;
    fputs("  ", stdout);
    /* TRANSLATORS: after a note, a stage change or a score: who made it. */
    char *shown = text_sanitize(login, false);
    printf(_("by %s"), shown ? shown : "");
    free(shown);
}

static int show_notes(struct app *app, const struct contact *c)
{
    bool authors = team_names_authors(app);
    printf("\n%s (%d)\n", _("Notes"), c->note_count);
    struct note_cursor cur;
    cursor_notes(&cur, app->st, c->id);
    for (const struct note *n; (n = cursor_next_note(&cur));) {
        char when[32];
        date_format_moment(n->at, when, sizeof when);
        printf("  #%" PRId64 "  %s  ", n->id, when);
        output_put(stdout, note_kind_label(n->kind));
        show_author(authors, n->author);
        putchar('\n');
        output_block(stdout, n->body, "      ");
    }
    return cursor_close_notes(&cur) == STORE_OK ? CLI_OK : output_store_failed(app);
}

/* The follow-ups done, newest first, as the contact page's timeline
 * shows them among the notes: read a window at a time. */
static int show_done(struct app *app, const struct contact *c)
{
    int64_t count = 0;
    if (store_timeline_done_count(app->st, c->id, &count) != STORE_OK)
        return output_store_failed(app);
    if (count == 0)
        return CLI_OK;
    bool authors = team_names_authors(app);
    printf("\n%s (%" PRId64 ")\n", _("Follow-ups done"), count);
    struct timeline_list page = { 0 };
    struct timeline_entry after = { 0 };
    bool first = true;
    for (;;) {
        if (store_timeline_page(app->st, c->id, first ? NULL : &after, 100,
                                &page) != STORE_OK) {
            timeline_entry_clear(&after);
            return output_store_failed(app);
        }
        for (size_t i = 0; i < page.len; i++) {
            const struct timeline_entry *e = &page.items[i];
            if (e->kind != TIMELINE_DONE)
                continue;
            char when[32], due[64], id[32];
            date_format_moment(e->at, when, sizeof when);
            output_date(app, e->due, due, sizeof due);
            snprintf(id, sizeof id, "f%" PRId64, e->id);
            printf("  %-6s %s  ", id, when);
            output_put(stdout, e->text);
            /* TRANSLATORS: after a follow-up done: the day it was due. */
            printf(_(" (due %s)"), due);
            show_author(authors, e->author);
            putchar('\n');
        }
        bool more = page.more && page.len > 0;
        if (more) {
            timeline_entry_clear(&after);
            after = page.items[page.len - 1];
            after.text = NULL;
        }
        timeline_list_clear(&page);
        if (!more)
            break;
        first = false;
    }
    return CLI_OK;
}

static int cmd_show(struct app *app, struct cli_args *p)
{
    struct contact c;
    int rc = args_contact(app, p->args[0], true, &c);
    if (rc != CLI_OK)
        return rc;
    show_header(app, &c);
    if (c.projects) {
        printf("\n%s\n", _("Projects"));
        output_block(stdout, c.projects, "  ");
    }
    if (c.goals) {
        printf("\n%s\n", _("Goals"));
        output_block(stdout, c.goals, "  ");
    }
    if ((rc = show_notes(app, &c)) != CLI_OK)
        goto out;

    struct followup_filter ff = {
        .contact_id = c.id, .open_only = true, .include_archived = true,
    };
    char heading[128];
    snprintf(heading, sizeof heading, "\n%s", _("Open follow-ups"));
    if (output_followups(app, &ff, heading, false, 0) < 0) {
        rc = output_store_failed(app);
        goto out;
    }

    if ((rc = show_done(app, &c)) != CLI_OK)
        goto out;

    struct stage_change_list history = { 0 };
    if (store_stage_history(app->st, c.id, &history) != STORE_OK) {
        rc = output_store_failed(app);
        goto out;
    }
    printf("\n%s\n", _("Stage history"));
    for (size_t i = 0; i < history.len; i++) {
        const struct stage_change *s = &history.items[i];
        char when[32];
        date_format_moment(s->at, when, sizeof when);
        printf("  %s  ", when);
        if (s->from == STAGE_NONE)
            printf("%s", stage_label(s->to));
        else
            printf("%s → %s", stage_label((enum stage)s->from),
                   stage_label(s->to));
        if (s->reason && *s->reason) {
            fputs(": ", stdout);
            output_put(stdout, s->reason);
        }
        show_author(team_names_authors(app), s->author);
        putchar('\n');
    }
    stage_change_list_clear(&history);

    struct score_list scores = { 0 };
    if (store_score_list(app->st, c.id, &scores) != STORE_OK) {
        rc = output_store_failed(app);
        goto out;
    }
    if (scores.len > 0) {
        printf("\n%s\n", _("Satisfaction"));
        for (size_t i = 0; i < scores.len; i++) {
            char when[32];
            date_format_moment(scores.items[i].at, when, sizeof when);
            printf("  %s  %2d/10", when, scores.items[i].value);
            if (scores.items[i].comment && *scores.items[i].comment) {
                fputs("  ", stdout);
                output_put(stdout, scores.items[i].comment);
            }
            show_author(team_names_authors(app), scores.items[i].author);
            putchar('\n');
        }
    }
    score_list_clear(&scores);
out:
    contact_clear(&c);
    return rc;
}

const struct cli_command cli_cmd_show = {
    .name = "show",
    .synopsis = N_("CONTACT"),
    .summary = N_("show everything about a contact"),
    .min_args = 1,
    .max_args = 1,
    .run = cmd_show,
};
