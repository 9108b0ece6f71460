/* `rapport archive`, `unarchive`, `forget`, `undo` and `redo`: a
 * contact hidden, brought back or erased, the last change reverted and
 * the last undone one brought back.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/contact.h"
#include "core/journal.h"
#include "store/forget.h"
#include "store/team.h"

static int set_archived(struct app *app, struct cli_args *p, bool archived)
{
    struct contact c;
    int rc = args_contact(app, p->args[0], true, &c);
    if (rc != CLI_OK)
        return rc;
    enum store_status st = archived ? contact_archive(app->st, c.id, time(NULL))
                                    : contact_unarchive(app->st, c.id,
                                                        time(NULL));
    if (st != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        printf("%s ", archived ? _("Archived") : _("Unarchived"));
        output_contact(stdout, &c);
        putchar('\n');
    }
    contact_clear(&c);
    return rc;
}

static int cmd_archive(struct app *app, struct cli_args *p)
{
    return set_archived(app, p, true);
}

const struct cli_command cli_cmd_archive = {
    .name = "archive",
    .synopsis = N_("CONTACT"),
    .summary = N_("hide a contact, keeping everything"),
    .min_args = 1,
    .max_args = 1,
    .run = cmd_archive,
    .needs_write = true,
};

static int cmd_unarchive(struct app *app, struct cli_args *p)
{
    return set_archived(app, p, false);
}

const struct cli_command cli_cmd_unarchive = {
    .name = "unarchive",
    .synopsis = N_("CONTACT"),
    .summary = N_("bring an archived contact back"),
    .min_args = 1,
    .max_args = 1,
    .run = cmd_unarchive,
    .needs_write = true,
};

/* Asks on the terminal for the contact's name; true when it matches. */
static bool confirm_forget(const struct contact *c)
{
    fputs(_("This erases "), stderr);
    output_contact(stderr, c);
    fputs(_(" and everything about them; it cannot be undone.\n"), stderr);
    fputs(_("Earlier backups and exports still hold their data.\n"), stderr);
    fputs(_("Type the name to confirm: "), stderr);
    fflush(stderr);
    char line[1024];
    if (!fgets(line, sizeof line, stdin))
        return false;
    text_trim(line);
    line[strcspn(line, "\r\n")] = '\0';
    char *typed = text_fold(line);
    char *name = text_fold(c->name);
    bool same = typed && name && strcmp(typed, name) == 0;
    free(typed);
    free(name);
    return same;
}

static const struct option_spec forget_options[] = {
    { "yes", OPTION_FLAG, NULL, N_("do not ask for the name") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_forget(struct app *app, struct cli_args *p)
{
    struct contact c;
    int rc = args_contact(app, p->args[0], true, &c);
    if (rc != CLI_OK)
        return rc;
    if (!args_flag(p, "yes")) {
        if (!isatty(STDIN_FILENO)) {
            fprintf(stderr, _("rapport: forget asks for the name on a terminal; use --yes to erase #%" PRId64 " without asking\n"),
                    c.id);
            contact_clear(&c);
            return CLI_USER_ERROR;
        }
        if (!confirm_forget(&c)) {
            fputs(_("rapport: the name did not match; nothing was erased\n"),
                  stderr);
            contact_clear(&c);
            return CLI_USER_ERROR;
        }
    }
    if (contact_forget(app->st, c.id) != STORE_OK) {
        rc = output_store_failed(app);
    } else {
        printf(_("Erased contact #%" PRId64 " and everything about them\n"),
               c.id);
        /* The database forgets; the copies made of it do not. */
        fputs(_("Earlier backups and exports still hold their data; delete those that must not keep it.\n"),
              stdout);
        if (store_wipe_pending(app->st))
            fputs(_("rapport: WARNING: another program is reading the database, so old copies of what was erased stay in the file until it stops; run rapport check afterwards\n"),
                  stderr);
    }
    contact_clear(&c);
    return rc;
}

const struct cli_command cli_cmd_forget = {
    .name = "forget",
    .synopsis = N_("CONTACT [--yes]"),
    .summary = N_("erase a contact completely; cannot be undone"),
    .options = forget_options,
    .min_args = 1,
    .max_args = 1,
    .run = cmd_forget,
    .needs_write = true,
};

static const struct option_spec undo_options[] = {
    { "theirs", OPTION_FLAG, NULL, N_("also when a colleague made the last change") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_undo(struct app *app, struct cli_args *p)
{
    /* A colleague's change is not undone unasked: it is named, and
     * --theirs says it is meant. */
    struct journal_entry newest;
    if (journal_newest(app->st, &newest) != STORE_OK)
        return output_store_failed(app);
    const char *me = store_author(app->st);
    bool theirs = newest.author[0] && strcmp(newest.author, me) != 0;
    if (theirs && !args_flag(p, "theirs")) {
        char *clean = text_sanitize(newest.what, false);
        char *who = text_sanitize(newest.author, false);
        fprintf(stderr, _("rapport: the last change, “%s”, was made by %s; to undo it all the same: rapport undo --theirs\n"),
                clean ? clean : "", who ? who : "");
        free(who);
        free(clean);
        journal_entry_clear(&newest);
        return CLI_USER_ERROR;
    }
    int64_t id = newest.id;
    journal_entry_clear(&newest);
    char *what = NULL;
    if (journal_undo_entry(app->st, id, &what) != STORE_OK)
        return output_store_failed(app);
    printf(_("Undone: "));
    output_put(stdout, what);
    putchar('\n');
    free(what);
    return CLI_OK;
}

const struct cli_command cli_cmd_undo = {
    .name = "undo",
    .synopsis = N_("[--theirs]"),
    .summary = N_("revert the last change"),
    .options = undo_options,
    .min_args = 0,
    .max_args = 0,
    .run = cmd_undo,
    .needs_write = true,
};

static int cmd_redo(struct app *app, struct cli_args *p)
{
    (void)p;
    char *what = NULL;
    if (journal_redo(app->st, &what) != STORE_OK)
        return output_store_failed(app);
    printf(_("Redone: "));
    output_put(stdout, what);
    putchar('\n');
    free(what);
    return CLI_OK;
}

const struct cli_command cli_cmd_redo = {
    .name = "redo",
    .synopsis = "",
    .summary = N_("bring back the change undone last (until the next change)"),
    .min_args = 0,
    .max_args = 0,
    .run = cmd_redo,
    .needs_write = true,
};
