/* `rapport list`: contacts a window at a time, as a table, CSV or JSON.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/cursor.h"
#include "core/stage.h"

enum list_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON };

static void csv_field(FILE *out, const char *s, bool last)
{
    s = s ? s : "";
    if (strpbrk(s, ",\"\r\n")) {
        putc('"', out);
        for (; *s; s++) {
            if (*s == '"')
                putc('"', out);
            putc(*s, out);
        }
        putc('"', out);
    } else {
        fputs(s, out);
    }
    fputs(last ? "\r\n" : ",", out);
}

static const char *const csv_columns[] = {
    "id", "name", "organisation", "title", "stage", "roles", "emails",
    "phones", "tags", "channel", "created", "last_touch", "next_due",
    "archived", "department", "phone_kinds",
};

#define CSV_COLUMNS (sizeof csv_columns / sizeof csv_columns[0])

static const char *roles_key(unsigned roles)
{
    switch (roles & (ROLE_USER | ROLE_DECISION_MAKER)) {
    case ROLE_USER:
        return "user";
    case ROLE_DECISION_MAKER:
        return "decision-maker";
    case ROLE_USER | ROLE_DECISION_MAKER:
        return "user;decision-maker";
    default:
        return "";
    }
}

static void moment_iso(time_t t, char *buf, size_t size)
{
    if (t <= 0)
        snprintf(buf, size, "%s", "");
    else
        date_format_moment(t, buf, size);
}

static void list_csv_row(FILE *out, const struct contact *c)
{
    char id[24], created[32], touched[32], due[11];
    snprintf(id, sizeof id, "%" PRId64, c->id);
    moment_iso(c->created, created, sizeof created);
    moment_iso(c->last_touch, touched, sizeof touched);
    date_format_iso(c->next_due, due);
    char *emails = strlist_join(&c->emails, ";");
    /* Numbers and kinds in two columns, the n-th kind the n-th number's
     * ("" when unknown), so the phones column reads as it always did. */
    struct strlist numbers = { 0 }, kinds = { 0 };
    for (size_t i = 0; i < c->phones.len; i++) {
        strlist_push(&numbers, c->phones.items[i].number);
        strlist_push(&kinds, c->phones.items[i].kind ? c->phones.items[i].kind : "");
    }
    char *phones = strlist_join(&numbers, ";");
    char *phone_kinds = strlist_join(&kinds, ";");
    char *tags = strlist_join(&c->tags, ";");
    const char *fields[CSV_COLUMNS] = {
        id, c->name, c->org, c->title, stage_key(c->stage),
        roles_key(c->roles), emails, phones, tags, c->channel, created,
        touched, due, c->archived ? "yes" : "no", c->department, phone_kinds,
    };
    for (size_t i = 0; i < CSV_COLUMNS; i++)
        csv_field(out, fields[i], i + 1 == CSV_COLUMNS);
    free(emails);
    free(phones);
    free(phone_kinds);
    free(tags);
    strlist_clear(&numbers);
    strlist_clear(&kinds);
}

static json_t *json_text(const char *s)
{
    if (!s)
        return json_null();
    json_t *j = json_string(s);
    if (!j) {
        /* Not UTF-8 after all: show it safely rather than lose the row. */
        char *safe = text_sanitize(s, true);
        j = json_string(safe);
        free(safe);
    }
    return j ? j : json_null();
}

static json_t *json_strings(const struct strlist *l)
{
    json_t *a = json_array();
    for (size_t i = 0; i < l->len; i++)
        json_array_append_new(a, json_text(l->items[i]));
    return a;
}

static json_t *contact_json(const struct contact *c)
{
    char created[32], touched[32], due[11];
    moment_iso(c->created, created, sizeof created);
    moment_iso(c->last_touch, touched, sizeof touched);
    date_format_iso(c->next_due, due);
    json_t *roles = json_array();
    if (c->roles & ROLE_USER)
        json_array_append_new(roles, json_string("user"));
    if (c->roles & ROLE_DECISION_MAKER)
        json_array_append_new(roles, json_string("decision-maker"));
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(c->id));
    json_object_set_new(o, "name", json_text(c->name));
    json_object_set_new(o, "organisation", json_text(c->org));
    json_object_set_new(o, "department", json_text(c->department));
    json_object_set_new(o, "title", json_text(c->title));
    json_object_set_new(o, "stage", json_string(stage_key(c->stage)));
    json_object_set_new(o, "roles", roles);
    json_object_set_new(o, "emails", json_strings(&c->emails));
    json_t *phones = json_array(), *kinds = json_array();
    for (size_t i = 0; i < c->phones.len; i++) {
        json_array_append_new(phones, json_text(c->phones.items[i].number));
        json_array_append_new(kinds, json_text(c->phones.items[i].kind));
    }
    json_object_set_new(o, "phones", phones);
    json_object_set_new(o, "phone_kinds", kinds);
    json_object_set_new(o, "tags", json_strings(&c->tags));
    json_object_set_new(o, "channel", json_text(c->channel));
    json_object_set_new(o, "created", json_string(created));
    json_object_set_new(o, "last_touch", json_string(touched));
    json_object_set_new(o, "next_due", *due ? json_string(due) : json_null());
    json_object_set_new(o, "archived", json_boolean(c->archived));
    return o;
}

static void list_table_row(const struct app *app, const struct contact *c)
{
    char due[64];
    output_date(app, c->next_due, due, sizeof due);
    /* Ids are right-aligned so the names line up. */
    char id[24];
    snprintf(id, sizeof id, "#%" PRId64, c->id);
    printf("%7s  ", id);
    output_pad(stdout, c->name, 26);
    fputs("  ", stdout);
    output_pad(stdout, stage_label(c->stage), 9);
    fputs("  ", stdout);
    if (*due || c->archived) {
        output_pad(stdout, c->org, 22);
        printf("  %s", due);
        if (c->archived)
            printf("%s%s", *due ? " " : "          ", _("(archived)"));
    } else {
        /* The last column: cut like the others, never padded. */
        char *org = text_sanitize(c->org ? c->org : "", false);
        size_t fit = text_fit(org, 22);
        if (fit < strlen(org))
            output_pad(stdout, org, 22);
        else
            fputs(org, stdout);
        free(org);
    }
    putchar('\n');
}

static const struct option_spec list_options[] = {
    { "stage", OPTION_VALUE, "S", N_("only this stage") },
    { "tag", OPTION_VALUE, "T", N_("only contacts with this tag") },
    { "org", OPTION_VALUE, "O", N_("only this organisation") },
    { "role", OPTION_LIST, "R", N_("only users or decision-makers") },
    { "archived", OPTION_FLAG, NULL, N_("only archived contacts") },
    { "all", OPTION_FLAG, NULL, N_("archived contacts too") },
    { "sort", OPTION_VALUE, "name|stage|last|next",
      N_("order: name, stage, last contact, next follow-up") },
    { "format", OPTION_VALUE, "table|csv|json", N_("output format") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_list(struct app *app, struct cli_args *p)
{
    struct contact_filter filter = { .stage = STAGE_NONE };
    int rc;
    if (args_opt(p, "stage") && (rc = args_stage(p, args_opt(p, "stage"),
                                                 &filter.stage)))
        return rc;
    unsigned roles = 0;
    if ((rc = args_roles(p, args_list(p, "role"), &roles)) != CLI_OK)
        return rc;
    filter.role = (int)roles;
    filter.tag = args_opt(p, "tag");
    filter.org = args_opt(p, "org");
    filter.only_archived = args_flag(p, "archived");
    filter.include_archived = args_flag(p, "all") || filter.only_archived;

    static const char *const sorts[] = { "name", "stage", "last", "next" };
    enum contact_sort sort = CONTACT_SORT_NAME;
    const char *order = args_opt(p, "sort");
    if (order) {
        size_t i = 0;
        while (i < 4 && strcmp(order, sorts[i]) != 0)
            i++;
        if (i == 4)
            return args_bad_value(p, _("sort"), order, "name, stage, last, next");
        sort = (enum contact_sort)i;
    }
    enum list_format format = FORMAT_TABLE;
    const char *form = args_opt(p, "format");
    if (form) {
        if (strcmp(form, "csv") == 0)
            format = FORMAT_CSV;
        else if (strcmp(form, "json") == 0)
            format = FORMAT_JSON;
        else if (strcmp(form, "table") != 0)
            return args_bad_value(p, _("format"), form, "table, csv, json");
    }

    /* Written to a file or a pipe, the data goes out exactly; shown on
     * a terminal, sanitised (SPEC §8), as a database from before
     * control characters were refused may hold them. */
    FILE *out = stdout;
    if (format != FORMAT_TABLE && isatty(STDOUT_FILENO)
        && !(out = text_terminal_stream(stdout))) {
        fputs(_("rapport: out of memory\n"), stderr);
        return CLI_USER_ERROR;
    }
    if (format == FORMAT_CSV)
        for (size_t i = 0; i < CSV_COLUMNS; i++)
            csv_field(out, csv_columns[i], i + 1 == CSV_COLUMNS);
    if (format == FORMAT_JSON)
        fputs("[", out);

    struct contact_cursor cur;
    cursor_contacts(&cur, app->st, &filter, sort);
    size_t shown = 0;
    for (const struct contact *c; (c = cursor_next_contact(&cur)); shown++) {
        if (format == FORMAT_CSV) {
            list_csv_row(out, c);
        } else if (format == FORMAT_JSON) {
            fputs(shown ? ",\n" : "\n", out);
            json_t *o = contact_json(c);
            output_json(out, o);
            json_decref(o);
        } else {
            list_table_row(app, c);
        }
    }
    rc = cursor_close_contacts(&cur) == STORE_OK ? CLI_OK
                                                 : output_store_failed(app);
    if (format == FORMAT_JSON)
        fputs(shown ? "\n]\n" : "]\n", out);
    if (out != stdout && fclose(out) != 0 && rc == CLI_OK) {
        fprintf(stderr, _("rapport: cannot write the output: %s\n"),
                strerror(errno));
        rc = CLI_USER_ERROR;
    }
    if (format == FORMAT_TABLE && shown == 0 && rc == CLI_OK)
        printf("%s\n", _("No contacts."));
    return rc;
}

const struct cli_command cli_cmd_list = {
    .name = "list",
    .synopsis = N_("[OPTIONS]"),
    .summary = N_("list contacts"),
    .options = list_options,
    .min_args = 0,
    .max_args = 0,
    .run = cmd_list,
};
