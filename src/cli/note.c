/* `rapport note`: an interaction recorded, from the arguments or
 * standard input; with --edit or --delete, one changed or deleted.
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
#include "model/note.h"
#include "store/note.h"

static const struct option_spec note_options[] = {
    { "kind", OPTION_VALUE, "K",
      N_("note, call, email, meeting, consultation or delivery") },
    { "edit", OPTION_VALUE, N_("NOTE"),
      N_("change note #NOTE instead: its text (TEXT or standard input) or, "
         "with only --kind, its kind") },
    { "delete", OPTION_VALUE, N_("NOTE"),
      N_("delete note #NOTE (rapport undo brings it back)") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

/* A NOTE argument: "12" or "#12", as rapport shows note ids. */
static int note_id(const struct cli_args *p, const char *text, int64_t *id)
{
    const char *s = text[0] == '#' ? text + 1 : text;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || errno || v <= 0 || *s < '0' || *s > '9')
        return args_bad_value(p, _("note"), text, _("an id such as #12 (or 12)"));
    *id = v;
    return CLI_OK;
}

/* "Edited note #3 on #1 Zoë Ødegård": the note named with its contact. */
static int say_note(struct app *app, bool deleted, int64_t contact_id, int64_t id)
{
    struct contact c;
    char ref[32];
    snprintf(ref, sizeof ref, "%" PRId64, contact_id);
    int rc = args_contact(app, ref, true, &c);
    if (rc != CLI_OK)
        return rc;
    if (deleted)
        printf(_("Deleted note #%" PRId64 " on "), id);
    else
        printf(_("Edited note #%" PRId64 " on "), id);
    output_contact(stdout, &c);
    putchar('\n');
    contact_clear(&c);
    return CLI_OK;
}

/* --edit and --delete: a note changed or deleted by its id. */
static int change_note(struct app *app, struct cli_args *p, const char *kind)
{
    const char *edit = args_opt(p, "edit"), *del = args_opt(p, "delete");
    if (edit && del)
        return args_usage_fail(p, _("--edit and --delete: one at a time"));
    if (del && (p->nargs > 0 || kind))
        return args_usage_fail(p, _("--delete takes only the note's id"));
    int64_t id = 0;
    int rc = note_id(p, edit ? edit : del, &id);
    if (rc != CLI_OK)
        return rc;
    struct note n;
    if (store_note_get(app->st, id, &n) != STORE_OK)
        return output_store_failed(app);
    int64_t contact_id = n.contact_id;
    note_clear(&n);
    if (del) {
        if (note_delete(app->st, id, time(NULL)) != STORE_OK)
            return output_store_failed(app);
        rc = say_note(app, true, contact_id, id);
        if (rc == CLI_OK)
            fputs(_("rapport undo brings it back.\n"), stdout);
        return rc;
    }
    char *body = NULL;
    if (p->nargs > 0) {
        body = args_join(p, 0);
    } else if (!kind) {
        if (isatty(STDIN_FILENO))
            fputs(_("Type the note's new text; end it with Ctrl-D on a line of its own.\n"),
                  stderr);
        body = args_read_input(stdin, NOTE_MAX_BYTES + 1, NULL);
        if (!body) {
            fprintf(stderr, _("rapport: cannot read the note: %s\n"), strerror(errno));
            return CLI_USER_ERROR;
        }
    }
    if (note_edit(app->st, id, kind, body, time(NULL)) != STORE_OK)
        rc = output_store_failed(app);
    else
        rc = say_note(app, false, contact_id, id);
    free(body);
    return rc;
}

static int cmd_note(struct app *app, struct cli_args *p)
{
    const char *kind = args_opt(p, "kind");
    if (kind && !note_kind_valid(kind))
        return args_bad_value(p, _("kind"), kind,
                              "note, call, email, meeting, consultation, delivery");
    if (args_opt(p, "edit") || args_opt(p, "delete"))
        return change_note(app, p, kind);
    if (p->nargs < 1)
        return args_usage_fail(p, _("missing argument"));
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
    .synopsis = N_("CONTACT [TEXT] [--kind K] | --edit NOTE [TEXT] | --delete NOTE"),
    .summary = N_("record an interaction (TEXT or standard input), or change one"),
    .options = note_options,
    .min_args = 0,
    .max_args = -1,
    .run = cmd_note,
    .needs_write = true,
};
