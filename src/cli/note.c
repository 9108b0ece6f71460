/* `rapport note`: an interaction recorded, from the arguments or
 * standard input.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/note.h"
#include "model/contact.h"

static const struct option_spec note_options[] = {
    { "kind", OPTION_VALUE, "K",
      N_("note, call, email, meeting, consultation or delivery") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_note(struct app *app, struct cli_args *p)
{
    const char *kind = args_opt(p, "kind");
    if (kind && !note_kind_valid(kind))
        return args_bad_value(p, _("kind"), kind,
                              "note, call, email, meeting, consultation, delivery");
    struct contact c;
    int rc = args_contact(app, p->args[0], false, &c);
    if (rc != CLI_OK)
        return rc;
    if (p->nargs == 1 && isatty(STDIN_FILENO))
        fputs(_("Type the note; end it with Ctrl-D on a line of its own.\n"),
              stderr);
    /* One byte past the limit is enough for note_add to refuse it. */
    char *body = p->nargs > 1 ? args_join(p, 1)
                              : args_read_input(stdin, NOTE_MAX_BYTES + 1, NULL);
    int64_t id = 0;
    if (!body) {
        fprintf(stderr, _("rapport: cannot read the note: %s\n"),
                strerror(errno));
        rc = CLI_USER_ERROR;
    } else if (note_add(app->st, c.id, kind, body, time(NULL), &id)
               != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        printf(_("Note #%" PRId64 " on "), id);
        output_contact(stdout, &c);
        putchar('\n');
    }
    free(body);
    contact_clear(&c);
    return rc;
}

const struct cli_command cli_cmd_note = {
    .name = "note",
    .synopsis = N_("CONTACT [TEXT] [--kind K]"),
    .summary = N_("record an interaction (TEXT or standard input)"),
    .options = note_options,
    .min_args = 1,
    .max_args = -1,
    .run = cmd_note,
    .needs_write = true,
};
