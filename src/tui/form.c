/* Forms: a title, one labelled ui_line per field, a footer naming the
 * keys as bound, and the reason the last save failed kept in view. Uses
 * tui/line.h, tui/prompt.h (the discard question), tui/input.h and
 * tui/draw.h. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "tui/complete.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/input.h"
#include "tui/line.h"
#include "tui/prompt.h"

bool ui_form(struct ui *ui, const char *title, struct ui_field *fields,
             size_t count)
{
    struct ui_line *lines = calloc(count, sizeof *lines);
    if (!lines)
        abort();
    int label_w = 0;
    for (size_t i = 0; i < count; i++) {
        ui_line_init(&lines[i], fields[i].value);
        lines[i].cur = lines[i].len;
        int w = text_width(fields[i].label);
        if (w > label_w)
            label_w = w;
    }
    size_t at = 0;
    bool saved = false;
    curs_set(1);
    for (;;) {
        erase();
        int lw = label_w + 2 < COLS / 2 ? label_w + 2 : COLS / 2;
        ui_put(0, 0, COLS, title, ui->attr[UI_TITLE]);
        int height = LINES - 3;
        size_t first = at >= (size_t)height && height > 0
                           ? at - (size_t)height + 1 : 0;
        for (size_t i = first; i < count && (int)(i - first) < height; i++) {
            int y = 2 + (int)(i - first);
            ui_put(y, 0, lw, fields[i].label,
                   i == at ? ui->attr[UI_HEADER] : 0);
            ui_line_draw(&lines[i], y, lw, COLS - lw,
                         i == at ? (int)A_UNDERLINE : 0, false);
        }
        char next[32], prev[32], save[32], cancel[32], footer[256];
        keys_first_name(&ui->keys, ACT_NEXT_FIELD, next, sizeof next);
        keys_first_name(&ui->keys, ACT_PREV_FIELD, prev, sizeof prev);
        keys_first_name(&ui->keys, ACT_SAVE, save, sizeof save);
        keys_first_name(&ui->keys, ACT_CANCEL, cancel, sizeof cancel);
        /* TRANSLATORS: the keys to the next and previous field, to save
         * and to cancel. */
        snprintf(footer, sizeof footer,
                 _("%s/%s move  %s or Enter on the last field saves  %s cancels"),
                 next, prev, save, cancel);
        ui_put(LINES - 1, 0, COLS, footer, ui->attr[UI_STATUS]);
        /* Why the last save failed stays in view while fixing it. */
        if (ui->message[0])
            ui_put(LINES - 2, 0, COLS, ui->message,
                   ui->message_error ? ui->attr[UI_ERROR] : 0);
        int y = 2 + (int)(at - first);
        ui_line_draw(&lines[at], y, lw, COLS - lw, (int)A_UNDERLINE, true);
        refresh();
        int key = ui_getkey(ui, 500);
        if (ui_stopping())
            break;
        if (key == KEYS_NONE || key == KEYS_RESIZE)
            continue;
        ui->message[0] = '\0';
        if (keys_bound(&ui->keys, ACT_SAVE, key) || (key == KEYS_ENTER && at + 1 == count)) {
            saved = true;
            break;
        }
        if (key == '\t' && ui_complete(ui, &lines[at], fields[at].complete))
            continue;
        if (keys_bound(&ui->keys, ACT_NEXT_FIELD, key) || key == KEYS_ENTER) {
            at = (at + 1) % count;
            continue;
        }
        if (keys_bound(&ui->keys, ACT_PREV_FIELD, key)) {
            at = (at + count - 1) % count;
            continue;
        }
        if (keys_bound(&ui->keys, ACT_CANCEL, key)) {
            bool changed = false;
            for (size_t i = 0; i < count && !changed; i++) {
                char *now = ui_line_text(&lines[i]);
                changed = strcmp(now, fields[i].value ? fields[i].value : "");
                free(now);
            }
            if (!changed || ui_confirm(ui, _("Discard what you typed?")))
                break;
            curs_set(1);
            continue;
        }
        ui_line_key(&lines[at], key);
    }
    curs_set(0);
    for (size_t i = 0; i < count; i++) {
        if (saved) {
            free(fields[i].value);
            fields[i].value = ui_line_text(&lines[i]);
        }
        ui_line_free(&lines[i]);
    }
    free(lines);
    return saved;
}
