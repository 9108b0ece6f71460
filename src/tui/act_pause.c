/* Pausing a cadence: "until when" (a day, or none to end a pause), then
 * an optional reason ("on sabbatical"); gone quiet leaves the contact
 * out until then. Through core/pause.h, the command line's rule. An
 * action: uses tui/prompt.h, tui/draw.h and below. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/text.h"
#include "core/pause.h"
#include "tui/act_pause.h"
#include "tui/draw.h"
#include "tui/prompt.h"
#include "model/pause.h"

struct pausing {
    int64_t contact_id;
    struct date until;
    bool paused;               /* it had a pause, which "none" ends */
    const char *example;
};

static enum ui_answer take_until(struct ui *ui, const char *text, void *arg)
{
    struct pausing *p = arg;
    char *t = strdup(text);
    if (!t)
        abort();
    text_trim(t);
    enum ui_answer answer = UI_ANSWER_TAKEN;
    if (strcmp(t, "none") == 0 || strcmp(t, _("none")) == 0) {
        p->until = (struct date){ 0 };
        if (!p->paused) {
            ui_message(ui, false, _("The cadence was not paused; nothing changed."));
            answer = UI_ANSWER_STOP;
        } else if (pause_end(ui->st, p->contact_id, ui_now()) == STORE_OK) {
            ui_message(ui, false, _("The pause is over: gone quiet may list them again."));
            ui->dirty = true;
            answer = UI_ANSWER_STOP;
        } else {
            ui_store_error(ui);
            answer = UI_ANSWER_STOP;
        }
    } else if (date_parse(t, date_today(), ui->app->cfg.week_start, &p->until) != 0) {
        char *shown = text_sanitize(t, false);
        ui_message(ui, true, _("\"%s\" is no date; try +3m, mar 1 or %s."), shown,
                   p->example);
        free(shown);
        answer = UI_ANSWER_AGAIN;
    } else if (date_compare(p->until, date_today()) <= 0) {
        ui_message(ui, true, _("A pause lasts until a day after today."));
        answer = UI_ANSWER_AGAIN;
    }
    free(t);
    return answer;
}

static enum ui_answer take_reason(struct ui *ui, const char *text, void *arg)
{
    const struct pausing *p = arg;
    enum store_status rc = pause_set(ui->st, p->contact_id, p->until, text, ui_now());
    if (rc == STORE_OK) {
        char day[64], undo[32];
        ui_date(ui, p->until, day, sizeof day);
        keys_first_name(&ui->keys, ACT_UNDO, undo, sizeof undo);
        /* TRANSLATORS: the day, then the key that undoes. */
        ui_message(ui, false, _("Cadence paused until %s: not gone quiet before "
                                "then (%s undoes it)."), day, undo);
        ui->dirty = true;
        return UI_ANSWER_TAKEN;
    }
    ui_store_error(ui);
    return rc == STORE_INVALID ? UI_ANSWER_AGAIN : UI_ANSWER_STOP;
}

bool ui_act_pause(struct ui *ui, int64_t contact_id)
{
    struct pause now;
    bool paused = false;
    if (pause_current(ui->st, contact_id, ui_now(), &now, &paused) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    char example[11], question[160], *until = NULL, *reason = NULL;
    date_example_iso(date_today(), example);
    if (paused) {
        char iso[11];
        date_format_iso(now.until, iso);
        until = strdup(iso);
        reason = now.reason ? strdup(now.reason) : NULL;
        pause_clear(&now);
        snprintf(question, sizeof question,
                 _("Paused until (+3m, %s; none ends the pause):"), example);
    } else {
        snprintf(question, sizeof question, _("Pause the cadence until (+3m, %s):"),
                 example);
    }
    struct pausing p = { contact_id, { 0 }, paused, example };
    bool ok = ui_ask(ui, question, &until, take_until, &p)
              && ui_ask(ui, _("Why (optional, e.g. on sabbatical):"), &reason,
                        take_reason, &p);
    free(until);
    free(reason);
    return ok;
}
