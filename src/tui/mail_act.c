/* The ways out of Needs review (see tui/mail_act.h). Uses
 * tui/mail_act.h, tui/prompt.h, tui/draw.h and core/. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "core/contact.h"
#include "core/mail.h"
#include "store/mail.h"
#include "tui/draw.h"
#include "tui/mail_act.h"
#include "tui/prompt.h"

/* The message as a message line names it: its subject, quoted. */
static bool message_title(struct ui *ui, int64_t id, char *buf, size_t size)
{
    struct mail_review r;
    if (store_mail_review_get(ui->st, id, &r) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    snprintf(buf, size, "\u201c%s\u201d", r.subject ? r.subject : _("(no subject)"));
    mail_review_clear(&r);
    return true;
}

struct attaching {
    int64_t id;
    const char *title;
};

static enum ui_answer take_contact(struct ui *ui, const char *answer, void *arg)
{
    const struct attaching *a = arg;
    char *typed = strdup(answer);
    if (!typed)
        abort();
    text_trim(typed);
    if (!*typed) {
        free(typed);
        ui_message(ui, true, _("Type a name or an id such as #12."));
        return UI_ANSWER_AGAIN;
    }
    struct contact c;
    enum store_status rc = contact_resolve(ui->st, typed, false, &c);
    free(typed);
    if (rc == STORE_NOT_FOUND || rc == STORE_AMBIGUOUS) {
        ui_store_error(ui);
        return UI_ANSWER_AGAIN;
    }
    if (rc != STORE_OK) {
        ui_store_error(ui);
        return UI_ANSWER_STOP;
    }
    rc = mail_review_attach(ui->st, a->id, c.id, ui_now(), NULL);
    if (rc == STORE_OK) {
        char undo[32];
        keys_first_name(&ui->keys, ACT_UNDO, undo, sizeof undo);
        /* TRANSLATORS: the message's subject, the contact, the undo key. */
        ui_message(ui, false, _("Logged %s on %s (%s undoes it)."), a->title, c.name, undo);
        ui->dirty = true;
    } else {
        ui_store_error(ui);
    }
    contact_clear(&c);
    return rc == STORE_OK ? UI_ANSWER_TAKEN : UI_ANSWER_STOP;
}

bool ui_act_mail_attach(struct ui *ui, int64_t review_id)
{
    char title[512];
    if (!message_title(ui, review_id, title, sizeof title))
        return false;
    struct attaching a = { review_id, title };
    char *text = NULL;
    bool ok = ui_ask(ui, _("Log it on which contact (a name or #12):"), &text,
                     take_contact, &a);
    free(text);
    return ok;
}

bool ui_act_mail_new(struct ui *ui, int64_t review_id)
{
    struct mail_review r;
    if (store_mail_review_get(ui->st, review_id, &r) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    char *who = text_sanitize(r.name ? r.name : r.email, false);
    char *email = text_sanitize(r.email, false);
    char q[768];
    /* TRANSLATORS: the sender's name, then their address. */
    snprintf(q, sizeof q, _("Make %s <%s> a new contact with this message?"), who, email);
    bool ok = false;
    if (ui_confirm(ui, q)) {
        int64_t id = 0;
        if (mail_review_new_contact(ui->st, review_id, ui_now(), &id) == STORE_OK) {
            char undo[32];
            keys_first_name(&ui->keys, ACT_UNDO, undo, sizeof undo);
            ui_message(ui, false, _("Added contact #%lld %s (%s undoes it)."),
                       (long long)id, who, undo);
            ui->dirty = true;
            ok = true;
        } else {
            ui_store_error(ui);
        }
    }
    free(who);
    free(email);
    mail_review_clear(&r);
    return ok;
}

bool ui_act_mail_discard(struct ui *ui, int64_t review_id)
{
    char title[512];
    if (!message_title(ui, review_id, title, sizeof title))
        return false;
    if (mail_review_discard(ui->st, review_id, ui_now()) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    char undo[32];
    keys_first_name(&ui->keys, ACT_UNDO, undo, sizeof undo);
    /* TRANSLATORS: the message's subject, then the key that undoes. */
    ui_message(ui, false, _("Discarded %s (%s undoes it)."), title, undo);
    ui->dirty = true;
    return true;
}
