/* Prompts: a question and a one-line answer, or a yes/no question, on
 * the bottom line. Each draws only its own lines; after a resize the
 * whole screen is redrawn through ui_repaint, which the top of tui/
 * registers, so that nothing here calls up into the screen stack. Uses
 * tui/line.h, tui/input.h and tui/draw.h. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/text.h"
#include "tui/complete.h"
#include "tui/draw.h"
#include "tui/input.h"
#include "tui/line.h"
#include "tui/prompt.h"

bool ui_prompt(struct ui *ui, const char *question, const char *initial,
               char **out)
{
    return ui_prompt_complete(ui, question, initial, UI_COMPLETE_NONE, out);
}

bool ui_prompt_complete(struct ui *ui, const char *question,
                        const char *initial, enum ui_complete complete,
                        char **out)
{
    struct ui_line line;
    ui_line_init(&line, initial);
    line.cur = line.len;
    bool ok = false;
    curs_set(1);
    for (;;) {
        /* The question may take most of the line: it says what the
         * answer does. */
        int qw = text_width(question) + 1;
        if (qw > COLS - 16)
            qw = COLS - 16 > COLS / 2 ? COLS - 16 : COLS / 2;
        if (ui->message[0])
            ui_put(LINES - 2, 0, COLS, ui->message,
                   ui->message_error ? ui->attr[UI_ERROR] : ui->attr[UI_STATUS]);
        ui_put(LINES - 1, 0, qw, question, ui->attr[UI_HEADER]);
        ui_line_draw(&line, LINES - 1, qw, COLS - qw, 0, true);
        refresh();
        int key = ui_getkey(ui, 500);
        if (ui_stopping())
            break;
        if (key == KEYS_NONE)
            continue;
        if (key == KEYS_RESIZE) {
            ui_repaint(ui);
            continue;
        }
        if (key == KEYS_ENTER) {
            *out = ui_line_text(&line);
            ok = true;
            /* The message above was about this answer or an older one:
             * whatever comes next (the next question, or why this
             * answer is refused) must not stand under it. */
            if (ui->message[0]) {
                ui->message[0] = '\0';
                ui_repaint(ui);
            }
            break;
        }
        if (keys_bound(&ui->keys, ACT_CANCEL, key))
            break;
        if (key == '\t' && complete != UI_COMPLETE_NONE) {
            ui_complete(ui, &line, complete);
            continue;
        }
        ui_line_key(&line, key);
    }
    curs_set(0);
    if (!ok && line.len > 0)
        ui_message(ui, false, _("Cancelled; nothing was stored."));
    ui_line_free(&line);
    return ok;
}

bool ui_ask(struct ui *ui, const char *question, char **text,
            enum ui_answer (*take)(struct ui *ui, const char *answer,
                                   void *arg),
            void *arg)
{
    return ui_ask_complete(ui, question, UI_COMPLETE_NONE, text, take, arg);
}

bool ui_ask_complete(struct ui *ui, const char *question,
                     enum ui_complete complete, char **text,
                     enum ui_answer (*take)(struct ui *ui, const char *answer,
                                            void *arg),
                     void *arg)
{
    for (;;) {
        char *answer = NULL;
        if (!ui_prompt_complete(ui, question, *text, complete, &answer))
            return false;
        free(*text);
        *text = answer;
        enum ui_answer got = take(ui, answer, arg);
        if (got != UI_ANSWER_AGAIN)
            return got == UI_ANSWER_TAKEN;
        ui_repaint(ui);
    }
}

bool ui_confirm(struct ui *ui, const char *question)
{
    char buf[512];
    /* TRANSLATORS: the keys that answer a yes/no question. */
    snprintf(buf, sizeof buf, "%s %s", question, _("(y/n)"));
    const char *yes = _("y");
    for (;;) {
        ui_put(LINES - 1, 0, COLS, buf, ui->attr[UI_HEADER]);
        refresh();
        int key = ui_getkey(ui, 500);
        if (ui_stopping())
            return false;
        if (key == KEYS_NONE || key == KEYS_PASTE)
            continue;
        if (key == KEYS_RESIZE) {
            ui_repaint(ui);
            continue;
        }
        return key == 'y' || key == 'Y' || key == (unsigned char)yes[0];
    }
}
