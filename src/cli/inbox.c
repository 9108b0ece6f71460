/* `rapport inbox`: the mail that named no contact (Needs review), and
 * the three ways out of it — attached to a contact, made into a new
 * contact, discarded — each one change that `rapport undo` reverts.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/mail.h"
#include "store/contact.h"
#include "store/mail.h"

static const struct option_spec inbox_options[] = {
    { "attach", OPTION_VALUE, "CONTACT", N_("log the message on this contact") },
    { "new", OPTION_FLAG, NULL,
      N_("make its sender a new contact (name and address from the message) and log it there") },
    { "discard", OPTION_FLAG, NULL, N_("drop the message from the queue") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

/* MESSAGE: "m3" as rapport shows it, or 3. */
static int message_id(const struct cli_args *p, const char *text, int64_t *id)
{
    const char *s = text[0] == 'm' || text[0] == 'M' ? text + 1 : text;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || errno || v <= 0 || *s < '0' || *s > '9')
        return args_bad_value(p, _("message"), text, _("an id such as m3 (or 3)"));
    *id = v;
    return CLI_OK;
}

static int list_inbox(struct app *app)
{
    struct mail_review_list page = { 0 };
    struct mail_review last = { 0 };
    bool first = true, any = false;
    int64_t example = 0;
    int rc = CLI_OK;
    do {
        mail_review_list_clear(&page);
        if (store_mail_review_page(app->st, first ? NULL : &last, false, 100, &page) != STORE_OK) {
            rc = output_store_failed(app);
            break;
        }
        first = false;
        for (size_t i = 0; i < page.len; i++) {
            if (!any) {
                printf("%s\n", _("Needs review (mail that matched no contact):"));
                example = page.items[i].id;
            }
            any = true;
            output_mail_review(app, &page.items[i], "");
        }
        if (page.len) {
            last.id = page.items[page.len - 1].id;
            last.at = page.items[page.len - 1].at;
        }
    } while (page.more);
    mail_review_list_clear(&page);
    if (rc == CLI_OK && !any)
        printf("%s\n", _("No mail waits for review."));
    else if (rc == CLI_OK)
        printf(_("Show one with 'rapport inbox m%" PRId64 "'; then --attach CONTACT, --new or --discard.\n"),
               example);
    return rc;
}

static int show_message(struct app *app, int64_t id)
{
    struct mail_review r;
    if (store_mail_review_get(app->st, id, &r) != STORE_OK)
        return output_store_failed(app);
    output_mail_review(app, &r, "");
    putchar('\n');
    output_block(stdout, r.body, "  ");
    mail_review_clear(&r);
    return CLI_OK;
}

static int cmd_inbox(struct app *app, struct cli_args *p)
{
    const char *attach = args_opt(p, "attach");
    int actions = (attach != NULL) + args_flag(p, "new") + args_flag(p, "discard");
    if (p->nargs == 0) {
        if (actions)
            return args_usage_fail(p, _("which message? rapport inbox m3 --attach CONTACT"));
        return list_inbox(app);
    }
    int64_t id = 0;
    int rc = message_id(p, p->args[0], &id);
    if (rc != CLI_OK)
        return rc;
    if (actions > 1)
        return args_usage_fail(p, _("one of --attach, --new and --discard at a time"));
    if (actions == 0)
        return show_message(app, id);
    time_t now = time(NULL);
    if (attach) {
        struct contact c;
        if ((rc = args_contact(app, attach, false, &c)) != CLI_OK)
            return rc;
        int64_t note = 0;
        if (mail_review_attach(app->st, id, c.id, now, &note) != STORE_OK) {
            rc = output_store_failed(app);
        } else {
            printf(_("Logged m%" PRId64 " as note #%" PRId64 " on "), id, note);
            output_contact(stdout, &c);
            putchar('\n');
        }
        contact_clear(&c);
        return rc;
    }
    if (args_flag(p, "new")) {
        int64_t cid = 0;
        if (mail_review_new_contact(app->st, id, now, &cid) != STORE_OK)
            return output_store_failed(app);
        struct contact c;
        if (store_contact_get(app->st, cid, &c) != STORE_OK)
            return output_store_failed(app);
        fputs(_("Added contact "), stdout);
        output_contact(stdout, &c);
        printf(_(" with m%" PRId64 " as its first note\n"), id);
        contact_clear(&c);
        return CLI_OK;
    }
    if (mail_review_discard(app->st, id, now) != STORE_OK)
        return output_store_failed(app);
    printf(_("Discarded m%" PRId64 " ('rapport undo' brings it back).\n"), id);
    return CLI_OK;
}

const struct cli_command cli_cmd_inbox = {
    .name = "inbox",
    .synopsis = N_("[MESSAGE [--attach CONTACT | --new | --discard]]"),
    .summary = N_("mail that matched no contact, to review"),
    .description = N_("Without MESSAGE, lists the mail 'rapport mail' kept because no contact has its addresses, newest first. With MESSAGE (m3), shows it; --attach logs it on a contact, --new makes its sender a contact and logs it there, --discard drops it. Each is one change: 'rapport undo' reverts it."),
    .options = inbox_options,
    .min_args = 0,
    .max_args = 1,
    .run = cmd_inbox,
};
