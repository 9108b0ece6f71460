/* `rapport import`: contacts from a vCard or CSV file, or follow-ups from
 * an iCalendar file (SPEC §5), read and merged by io/. Its --help adds
 * a paragraph on what merging keeps.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "io/io.h"

static const struct option_spec import_options[] = {
    { "format", OPTION_VALUE, "FORMAT", N_("csv, vcard or ics (default: from the name and content)") },
    { "dry-run", OPTION_FLAG, NULL, N_("show what would be added, merged and rejected; write nothing") },
    { "strict", OPTION_FLAG, NULL, N_("import nothing when any record is rejected") },
    { "map", OPTION_VALUE, "SPEC", N_("CSV columns by field, e.g. name=Full Name,email=Mail (fields: name, first, last, email, phone, org, department, title, notes, tags, uid, street, city, region, postcode, country, pobox, address, url, birthday, anniversary, nickname)") },
    { "encoding", OPTION_VALUE, "NAME", N_("the file's encoding, any name iconv knows, e.g. windows-1252 (default: detected)") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static void print_lines(const struct strlist *lines, FILE *out)
{
    for (size_t i = 0; i < lines->len; i++) {
        char *safe = text_sanitize(lines->items[i], false);
        fprintf(out, "%s\n", safe);
        free(safe);
    }
}

/* The progress line of a large import, on a terminal only: rewritten
 * in place, ended once the import is. */
struct progress {
    bool shown;
};

static void show_progress(void *arg, long done, long total, double rate)
{
    struct progress *pr = arg;
    fprintf(stderr, "\r");
    fprintf(stderr, ngettext("Importing: %ld of about %ld record (%.0f a second)",
                             "Importing: %ld of about %ld records (%.0f a second)",
                             (unsigned long)total),
            done, total, rate);
    fflush(stderr);
    pr->shown = true;
}

static int cmd_import(struct app *app, struct cli_args *p)
{
    if (p->nargs == 0)
        return args_usage_failf(p, _("which file? %s"), "rapport import FILE");
    if (p->nargs > 1)
        return args_usage_failf(p, _("one file at a time, not also '%s'"),
                                p->args[1]);
    const char *file = p->args[0];
    const char *format_name = args_opt(p, "format");
    unsigned flags = (args_flag(p, "dry-run") ? IO_DRY_RUN : 0)
                     | (args_flag(p, "strict") ? IO_STRICT : 0);
    int format = IO_FORMAT_GUESS;
    if (format_name) {
        format = io_format_parse(format_name);
        if (format == IO_FORMAT_GUESS || format == IO_FORMAT_JSON)
            return args_usage_failf(p, _("unknown format '%s' (expected csv, vcard or ics)"),
                                    format_name);
    }
    struct progress shown = { false };
    struct io_summary sum = { .encoding = args_opt(p, "encoding") };
    if (isatty(STDERR_FILENO)) {
        sum.progress = show_progress;
        sum.progress_arg = &shown;
    }
    enum store_status rc = io_import_file(app->st, file, format, flags,
                                          args_opt(p, "map"), &sum);
    if (shown.shown)
        fputc('\n', stderr);
    print_lines(&sum.plan, stdout);
    fflush(stdout);
    print_lines(&sum.messages, stderr);
    int status = CLI_OK;
    if (rc != STORE_OK) {
        char *message = app_store_error(app->st);
        char *safe = text_sanitize(message ? message : store_error(app->st), false);
        fprintf(stderr, "rapport: %s\n", safe);
        free(safe);
        free(message);
        status = CLI_USER_ERROR;
    } else if (sum.skipped_done + sum.skipped_cancelled + sum.skipped_past > 0) {
        /* A calendar's summary adds up to its items: those done,
         * cancelled or over are counted too. */
        printf((flags & IO_DRY_RUN)
               ? _("Dry run: would add %d, merge %d, leave %d unchanged, skip %d done, %d cancelled and %d past, reject %d; nothing was written.\n")
               : _("Added %d, merged %d, unchanged %d, skipped %d done, %d cancelled and %d past, rejected %d.\n"),
               sum.added, sum.merged, sum.unchanged, sum.skipped_done,
               sum.skipped_cancelled, sum.skipped_past, sum.rejected);
    } else if (flags & IO_DRY_RUN) {
        printf(_("Dry run: would add %d, merge %d, leave %d unchanged, reject %d; nothing was written.\n"),
               sum.added, sum.merged, sum.unchanged, sum.rejected);
    } else {
        /* "Unchanged" apart from "merged": a file imported before adds
         * nothing, and says so. */
        printf(_("Added %d, merged %d, unchanged %d, rejected %d.\n"),
               sum.added, sum.merged, sum.unchanged, sum.rejected);
    }
    if (rc == STORE_OK && sum.overdue > 0)
        printf(ngettext("%d to-do was due before today: it is kept as an overdue follow-up.\n",
                        "%d to-dos were due before today: they are kept as overdue follow-ups.\n",
                        (unsigned long)sum.overdue),
               sum.overdue);
    if (rc == STORE_OK && sum.named > 0)
        printf(ngettext("%d had no name and was named after its email, organisation or phone.\n",
                        "%d had no name and were named after their email, organisation or phone.\n",
                        (unsigned long)sum.named),
               sum.named);
    io_summary_clear(&sum);
    return status;
}

const struct cli_command cli_cmd_import = {
    .name = "import",
    .synopsis = N_("FILE [--format csv|vcard|ics] [--dry-run] [--strict] [--map SPEC] [--encoding NAME]"),
    .summary = N_("import contacts or follow-ups"),
    .options = import_options,
    /* Counted by cmd_import, which words a missing or second file. */
    .min_args = 0,
    .max_args = -1,
    .run = cmd_import,
    .description = N_("Imports contacts from a vCard (2.1, 3.0, 4.0) or CSV file (rapport's own\n"
                      "layout, Google Contacts, Outlook, Thunderbird, Yahoo, Apple Contacts;\n"
                      "any other header is read by what its columns hold, or as --map says),\n"
                      "or follow-ups from an iCalendar file. Contacts already present (same\n"
                      "email or UID) are merged: new emails, phones, addresses, web pages,\n"
                      "tags and notes are added, and a stored number without a kind takes the\n"
                      "file's; nothing else stored is replaced, but a card's birthday,\n"
                      "anniversary or gender, which it holds once, is the file's. Valid\n"
                      "records go in together, in one transaction. FILE may be a vdir, a\n"
                      "folder of .vcf or .ics files (as export --vdir writes it): each of its\n"
                      "files is read so, all in one transaction."),
    .prepare = args_prepare_dry_run,
    .needs_write = true,
};
