/* `rapport export`: every contact (CSV, vCard, JSON) or the open
 * follow-ups (iCalendar), written privately by io/ (SPEC §5). Its --help
 * adds a paragraph on what each format holds.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "io/io.h"

static const struct option_spec export_options[] = {
    { "format", OPTION_VALUE, "FORMAT", N_("csv, vcard, ics or json (default: from --output's name, else csv)") },
    { "output", OPTION_VALUE, "FILE", N_("where to write; - or none: standard output") },
    { "vcard-version", OPTION_VALUE, "N", N_("3 or 4 (default 4)") },
    { "vdir", OPTION_VALUE, "DIR",
      N_("write a vdir: a .vcf per contact or an .ics per open follow-up") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_export(struct app *app, struct cli_args *p)
{
    if (p->nargs > 0)
        return args_usage_failf(p, _("unexpected argument '%s' (use --output FILE)"),
                                p->args[0]);
    const char *output = args_opt(p, "output");
    const char *format_name = args_opt(p, "format");
    const char *version = args_opt(p, "vcard-version");
    int format = IO_FORMAT_GUESS;
    if (format_name) {
        format = io_format_parse(format_name);
        if (format == IO_FORMAT_GUESS)
            return args_usage_failf(p, _("unknown format '%s' (expected csv, vcard, ics or json)"),
                                    format_name);
    }
    int vcard_version = IO_VCARD_VERSION;
    if (version) {
        if (strcmp(version, "3") == 0 || strcmp(version, "3.0") == 0)
            vcard_version = 3;
        else if (strcmp(version, "4") != 0 && strcmp(version, "4.0") != 0)
            return args_usage_failf(p, _("--vcard-version: expected 3 or 4, not '%s'"),
                                    version);
    }
    const char *vdir = args_opt(p, "vdir");
    if (vdir && output)
        return args_usage_failf(p, _("give --output or --vdir, not both"));
    if (vdir && format != IO_FORMAT_VCARD && format != IO_FORMAT_ICAL)
        return args_usage_failf(p, _("--vdir needs --format vcard or --format ics"));
    struct io_summary sum = { 0 };
    enum store_status rc = vdir
        ? io_export_vdir(app->st, vdir, format, vcard_version, &sum)
        : io_export_file(app->st, output, format, vcard_version, &sum);
    for (size_t i = 0; i < sum.messages.len; i++) {
        char *safe = text_sanitize(sum.messages.items[i], false);
        fprintf(stderr, "%s\n", safe);
        free(safe);
    }
    int status = CLI_OK;
    if (rc != STORE_OK) {
        char *message = app_store_error(app->st);
        char *safe = text_sanitize(message ? message : store_error(app->st), false);
        fprintf(stderr, "rapport: %s\n", safe);
        free(safe);
        free(message);
        status = CLI_USER_ERROR;
    } else if (vdir) {
        char *safe = text_sanitize(vdir, false);
        fprintf(stderr, ngettext("Wrote %d file to %s; %d unchanged, %d removed.\n",
                                 "Wrote %d files to %s; %d unchanged, %d removed.\n",
                                 (unsigned long)sum.written),
                sum.written, safe, sum.unchanged, sum.removed);
        free(safe);
    } else if (output && strcmp(output, "-") != 0) {
        char *safe = text_sanitize(output, false);
        fprintf(stderr, ngettext("Exported %d record to %s.\n",
                                 "Exported %d records to %s.\n",
                                 (unsigned long)sum.written),
                sum.written, safe);
        free(safe);
    }
    io_summary_clear(&sum);
    return status;
}

const struct cli_command cli_cmd_export = {
    .name = "export",
    .synopsis = N_("[--format csv|vcard|ics|json] [--output FILE | --vdir DIR] [--vcard-version 3|4]"),
    .summary = N_("export contacts or follow-ups"),
    .options = export_options,
    /* Counted by cmd_export, which points to --output. */
    .min_args = 0,
    .max_args = -1,
    .run = cmd_export,
    .description = N_("Exports every contact (CSV, vCard, JSON with notes, follow-ups, stage\n"
                      "history and scores) or the open follow-ups (iCalendar VTODO items).\n"
                      "Files are written private (0600). With --vdir, a folder gets one\n"
                      "file per contact (named by its UID) or per open follow-up, as khard,\n"
                      "todoman and vdirsyncer read them; only what changed is written, and\n"
                      "the files rapport wrote of contacts forgotten and follow-ups done are\n"
                      "removed. rapport import DIR reads such a folder back."),
};
