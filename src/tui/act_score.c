/* A satisfaction score (SPEC §2: 0-10, an optional comment) asked on
 * the bottom line and recorded through score_add, the command line's
 * rule. An action: uses tui/prompt.h, tui/draw.h and below. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "core/score.h"
#include "tui/act_score.h"
#include "tui/draw.h"
#include "tui/prompt.h"

struct scoring {
    int64_t contact_id;
    int value;
};

static enum ui_answer take_value(struct ui *ui, const char *text, void *arg)
{
    struct scoring *s = arg;
    char *t = strdup(text);
    if (!t)
        abort();
    text_trim(t);
    s->value = score_parse(t);
    if (s->value < 0) {
        char *shown = text_sanitize(t, false);
        ui_message(ui, true, _("\"%s\" is no score: a whole number from 0 to 10."),
                   shown);
        free(shown);
    }
    free(t);
    return s->value < 0 ? UI_ANSWER_AGAIN : UI_ANSWER_TAKEN;
}

static enum ui_answer take_comment(struct ui *ui, const char *text, void *arg)
{
    const struct scoring *s = arg;
    char *comment = strdup(text);
    if (!comment)
        abort();
    text_trim(comment);
    enum store_status rc = score_add(ui->st, s->contact_id, s->value,
                                     *comment ? comment : NULL, ui_now(), NULL);
    free(comment);
    if (rc == STORE_OK) {
        char undo[32];
        keys_first_name(&ui->keys, ACT_UNDO, undo, sizeof undo);
        /* TRANSLATORS: the score, then the key that undoes. */
        ui_message(ui, false, _("Score %d/10 recorded (%s undoes it)."), s->value, undo);
        ui->dirty = true;
        return UI_ANSWER_TAKEN;
    }
    ui_store_error(ui);
    /* A refused comment (a control character) is asked again. */
    return rc == STORE_INVALID ? UI_ANSWER_AGAIN : UI_ANSWER_STOP;
}

bool ui_act_score(struct ui *ui, int64_t contact_id)
{
    struct scoring s = { contact_id, -1 };
    char *value = NULL, *comment = NULL;
    bool ok = ui_ask(ui, _("Satisfaction score (0-10):"), &value, take_value, &s)
              && ui_ask(ui, _("Comment (optional):"), &comment, take_comment, &s);
    free(value);
    free(comment);
    return ok;
}
