/* `rapport mail`: one RFC 5322 message on standard input — from mutt's
 * or neomutt's pipe-message, a procmail, maildrop or sieve rule, a saved
 * .eml — logged on every contact it names, once per Message-ID; one
 * that names nobody waits for review (`rapport inbox`).
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
#include "core/mail.h"
#include "core/note.h"
#include "io/mail.h"

static const struct option_spec mail_options[] = {
    { "kind", OPTION_VALUE, "K",
      N_("the kind of interaction (default email): note, call, email, meeting, consultation or delivery") },
    { "dry-run", OPTION_FLAG, NULL, N_("say whom the message would be logged on; write nothing") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static void say_outcome(const struct mail_outcome *o, bool dry_run)
{
    switch (o->result) {
    case MAIL_ALREADY:
        printf("%s\n", _("This message was logged before; nothing was added."));
        break;
    case MAIL_QUEUED:
        if (dry_run)
            printf("%s\n", _("No contact has an address of this message: it would wait for review."));
        else
            printf(_("No contact has an address of this message: it waits for review as m%" PRId64
                     " (rapport inbox).\n"), o->review_id);
        break;
    case MAIL_RECORDED:
        for (size_t i = 0; i < o->contacts.len; i++) {
            if (dry_run)
                fputs(_("Would log the email on "), stdout);
            else
                printf(_("Logged the email as note #%" PRId64 " on "), o->note_ids[i]);
            output_contact(stdout, &o->contacts.items[i]);
            putchar('\n');
        }
        break;
    case MAIL_ONLY_ME:
        break;
    }
    if (o->cut)
        fprintf(stderr, _("rapport mail: the message's text is longer than a note holds (%d MiB); only its beginning was kept\n"),
                NOTE_MAX_BYTES / (1024 * 1024));
}

static int cmd_mail(struct app *app, struct cli_args *p)
{
    const char *kind = args_opt(p, "kind");
    if (kind && !note_kind_valid(kind))
        return args_bad_value(p, _("kind"), kind,
                              "note, call, email, meeting, consultation, delivery");
    if (isatty(STDIN_FILENO))
        fputs(_("Paste the message (its headers first); end it with Ctrl-D on a line of its own.\n"),
              stderr);
    size_t len = 0;
    char *raw = args_read_input(stdin, MAIL_MAX_BYTES + 1, &len);
    if (!raw) {
        fprintf(stderr, _("rapport mail: cannot read the message: %s\n"), strerror(errno));
        return CLI_USER_ERROR;
    }
    if (len > MAIL_MAX_BYTES) {
        free(raw);
        fprintf(stderr, _("rapport mail: the message is larger than %d MiB; nothing was logged\n"),
                MAIL_MAX_BYTES / (1024 * 1024));
        return CLI_USER_ERROR;
    }
    struct mail_message m;
    char *error = NULL;
    int parsed = mail_parse(raw, len, &m, &error);
    free(raw);
    if (parsed != 0) {
        char *shown = text_sanitize(error ? error : "", false);
        fprintf(stderr, _("rapport mail: standard input: %s; nothing was logged\n"), shown);
        free(shown);
        free(error);
        return CLI_USER_ERROR;
    }
    bool dry_run = args_flag(p, "dry-run");
    struct mail_outcome o;
    int rc = CLI_OK;
    if (mail_record(app->st, &m, kind, &app->cfg.mail_me, dry_run, time(NULL), &o)
        != STORE_OK) {
        rc = output_store_failed(app);
    } else if (o.result == MAIL_ONLY_ME) {
        fprintf(stderr, "%s\n",
                _("rapport mail: the message names only your own addresses ([mail] me in the configuration); nothing was logged"));
        rc = CLI_USER_ERROR;
    } else {
        say_outcome(&o, dry_run);
    }
    mail_outcome_clear(&o);
    mail_message_clear(&m);
    return rc;
}

const struct cli_command cli_cmd_mail = {
    .name = "mail",
    .synopsis = N_("[--kind K] [--dry-run] < MESSAGE"),
    .summary = N_("log a mail message (on standard input) on the contacts it names"),
    .description = N_("Reads one RFC 5322 message on standard input (from mutt's pipe-message, a mail filter, a saved .eml) and logs it as an interaction on every contact with an address in its From, To or Cc, your own addresses ([mail] me in the configuration) aside: its subject and plain text, quoted replies left out, attachments named but not kept, dated by its Date header. A message is logged once: piping it again adds nothing. One that names no contact waits for review (rapport inbox, and the Review's Needs review)."),
    .options = mail_options,
    .min_args = 0,
    .max_args = 0,
    .run = cmd_mail,
    .prepare = args_prepare_dry_run,
    .needs_write = true,
};
