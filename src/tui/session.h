/* The TUI's session: what every part of tui/ shares. The app and its
 * store, the keymap, the colours, the message line, the day the screens
 * were read on, and the stack of screens (view.c owns it).
 *
 * It is defined here, at the bottom of tui/ (the order is in ui.h), so
 * that prompts, editors, lists and actions can take a struct ui without
 * including anything above them. May use: core/app.h, tui/keys.h. */
#ifndef RAPPORT_UI_SESSION_H
#define RAPPORT_UI_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "base/date.h"
#include "base/strlist.h"
#include "core/app.h"
#include "tui/keys.h"
#include "store/store.h"

enum ui_color {
    UI_TITLE, UI_STATUS, UI_SELECTION, UI_HEADER, UI_OVERDUE, UI_TODAY,
    UI_MUTED, UI_ERROR,
    UI_BAR,                        /* the Reports screen's bars */
    UI_COLOR_COUNT
};

struct ui_view;                    /* tui/view.h */

#define UI_STACK_MAX 16

struct ui_frame {
    const struct ui_view *view;
    void *self;
};

struct ui {
    struct app *app;
    struct store *st;
    struct keymap keys;
    int attr[UI_COLOR_COUNT];
    struct ui_frame stack[UI_STACK_MAX];
    int depth;
    char message[512];
    bool message_error;
    /* What the top screen shows of the team's work ("my work"), said
     * in the status line; the screen sets it as it draws. */
    char scope[256];
    bool quit;
    bool dirty;                    /* reload the top screen */
    int64_t data_version;
    struct date today;             /* the day the screens were read on */
    bool cursor;                   /* a screen wants the cursor shown ... */
    int cursor_y, cursor_x;        /* ... here */
    struct strlist config_warnings;  /* [keys] and [colors] problems */
    /* Redraws the whole screen (the top screen and the status line).
     * The top of tui/ sets it; a prompt reaches it through ui_repaint
     * after a resize, without including anything above itself. */
    void (*repaint)(struct ui *ui);
};

#endif
