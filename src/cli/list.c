/* `rapport list`: contacts a window at a time, as a table, or as CSV or
 * JSON written by io/ (the export's writers).
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/cursor.h"
#include "core/stage.h"
#include "io/io.h"

/* --format table: for people, not for parsing. */
#define FORMAT_TABLE (-1)

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
    { "owner", OPTION_VALUE, "LOGIN|none", N_("only contacts this team member owns (none: nobody)") },
    { "by", OPTION_VALUE, "LOGIN", N_("only contacts with a note by this team member") },
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
    if (args_opt(p, "owner")) {
        if (strcmp(args_opt(p, "owner"), "none") == 0)
            filter.unowned = true;
        else
            filter.owner = args_opt(p, "owner");
    }
    filter.by = args_opt(p, "by");
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
    /* CSV and JSON are the export's writers (io/), over the fields a
     * listing shows. */
    int format = FORMAT_TABLE;
    const char *form = args_opt(p, "format");
    if (form) {
        if (strcmp(form, "csv") == 0)
            format = IO_FORMAT_CSV;
        else if (strcmp(form, "json") == 0)
            format = IO_FORMAT_JSON;
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
    struct io_listing listing;
    if (format != FORMAT_TABLE)
        io_listing_begin(&listing, out, format);

    struct contact_cursor cur;
    cursor_contacts(&cur, app->st, &filter, sort);
    size_t shown = 0;
    for (const struct contact *c; (c = cursor_next_contact(&cur)); shown++) {
        if (format != FORMAT_TABLE)
            io_listing_contact(&listing, c);
        else
            list_table_row(app, c);
    }
    rc = cursor_close_contacts(&cur) == STORE_OK ? CLI_OK
                                                 : output_store_failed(app);
    if (format != FORMAT_TABLE)
        io_listing_end(&listing);
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
