/* What the commands share when they write for people: stored text made
 * safe for a terminal, padded columns, a contact as "#12 Name", dates in
 * the configured format, a follow-up's line, the store's failure. Uses
 * the layers below cli/. */
#include <config.h>

#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/cursor.h"
#include "core/followup.h"
#include "core/team.h"

/* Writes stored text made safe for a terminal (SPEC §8). */
void output_put(FILE *out, const char *s)
{
    char *safe = text_sanitize(s ? s : "", false);
    fputs(safe, out);
    free(safe);
}

/* Writes stored text padded or cut to exactly cols columns. */
void output_pad(FILE *out, const char *s, int cols)
{
    char *safe = text_sanitize(s ? s : "", false);
    size_t size = (size_t)cols * 4 + 8;
    char *buf = malloc(size);
    if (buf) {
        text_pad(safe, cols, buf, size);
        fputs(buf, out);
        free(buf);
    }
    free(safe);
}

/* Writes a multi-line stored text, each line after indent. */
void output_block(FILE *out, const char *s, const char *indent)
{
    char *safe = text_sanitize(s ? s : "", true);
    char *line = safe;
    while (line && *line) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        fprintf(out, "%s%s\n", indent, line);
        line = end ? end + 1 : NULL;
    }
    free(safe);
}

/* "#12 Zoë Ødegård": how every message names a contact (SPEC §4), so
 * the next command can refer to it. */
void output_contact_ref(FILE *out, int64_t id, const char *name)
{
    fprintf(out, "#%" PRId64 " ", id);
    output_put(out, name);
}

void output_contact(FILE *out, const struct contact *c)
{
    output_contact_ref(out, c->id, c->name);
}

void output_date(const struct app *app, struct date d, char *buf,
                 size_t size)
{
    if (!date_is_set(d)) {
        snprintf(buf, size, "%s", "");
    } else if (app->cfg.date_format && *app->cfg.date_format) {
        date_format(d, app->cfg.date_format, buf, size);
    } else {
        char iso[11];
        date_format_iso(d, iso);
        snprintf(buf, size, "%s", iso);
    }
}

/* ngettext takes an unsigned count; a count of days may be negative
 * (a clock set back), and its plural form follows its size. */
unsigned long output_plural(long long n)
{
    return n < 0 ? (unsigned long)-n : (unsigned long)n;
}

int output_store_failed(struct app *app)
{
    char *message = app_store_error(app->st);
    fprintf(stderr, "rapport: %s\n", message ? message : store_error(app->st));
    free(message);
    return CLI_USER_ERROR;
}

void output_json(FILE *out, json_t *j)
{
    char *s = json_dumps(j, JSON_PRESERVE_ORDER | JSON_INDENT(2));
    if (s)
        fputs(s, out);
    free(s);
}

void output_followup(const struct app *app, const struct followup *f,
                     bool with_contact)
{
    /* The day it comes up, as the TUI's Review shows it: a snoozed one's
     * later day, its due date in brackets after the text. The time has
     * its column whether there is one or not, so the texts line up; an
     * id is f7 (a contact's is #7). */
    char day[64], id[32];
    output_date(app, followup_effective(f), day, sizeof day);
    snprintf(id, sizeof id, "f%" PRId64, f->id);
    printf("  %-6s %s", id, day);
    if (f->due_minutes >= 0)
        printf(" %02d:%02d", f->due_minutes / 60, f->due_minutes % 60);
    else
        fputs("      ", stdout);
    fputs("  ", stdout);
    if (with_contact) {
        output_put(stdout, f->contact_name);
        printf(" (#%" PRId64 "): ", f->contact_id);
    }
    output_put(stdout, f->text);
    if (f->every.count > 0) {
        char every[16];
        date_format_interval(f->every, every, sizeof every);
        printf(_(" (every %s)"), every);
    }
    if (date_is_set(f->snoozed_until)) {
        char due[64];
        output_date(app, f->due, due, sizeof due);
        printf(_(" [snoozed; due %s]"), due);
    }
    /* In a team's database: whom it is for, and who handed it on. */
    if (app->authors == 2 && f->assigned_to[0]) {
        char *to = text_sanitize(f->assigned_to, false);
        char *from = text_sanitize(f->created_by, false);
        if (to && from && f->created_by[0] && strcmp(f->created_by, f->assigned_to) != 0)
            /* TRANSLATORS: a follow-up for bob, scheduled by ann. */
            printf(_(" — for %s, from %s"), to, from);
        else if (to)
            printf(_(" — %s"), to);
        free(to);
        free(from);
    }
    putchar('\n');
}

int64_t output_followups(struct app *app,
                         const struct followup_filter *filter,
                         const char *heading, bool with_contact, int64_t max)
{
    team_names_authors(app);
    struct followup_cursor cur;
    cursor_followups(&cur, app->st, filter);
    int64_t count = 0;
    for (const struct followup *f;
         (max <= 0 || count < max) && (f = cursor_next_followup(&cur)); count++) {
        if (count == 0 && heading)
            printf("%s\n", heading);
        output_followup(app, f, with_contact);
    }
    return cursor_close_followups(&cur) == STORE_OK ? count : -1;
}

void output_mail_review(const struct app *app, const struct mail_review *r,
                        const char *indent)
{
    char day[64];
    output_date(app, date_from_time(r->at), day, sizeof day);
    printf("%sm%-4" PRId64 " %s  ", indent, r->id, day);
    if (r->name) {
        output_put(stdout, r->name);
        fputs(" <", stdout);
        output_put(stdout, r->email);
        fputs(">  ", stdout);
    } else {
        output_put(stdout, r->email);
        fputs("  ", stdout);
    }
    output_put(stdout, r->subject ? r->subject : _("(no subject)"));
    putchar('\n');
}
