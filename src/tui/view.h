/* What a screen is, and the stack of them. Each screen fills one
 * struct ui_view, a small table of callbacks like tig's views; this
 * module opens, stacks and closes them, and the top of tui/ draws the
 * top one and sends it the keys.
 *
 * It sits below the screens, not beside the main loop, because a
 * screen pushes the screens it opens itself (Enter on a contact pushes
 * ui_contact_view) and pops itself when its contact is gone. May use
 * tui/session.h, tui/keys.h and below; knows no screen by name. */
#ifndef RAPPORT_UI_VIEW_H
#define RAPPORT_UI_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "tui/keys.h"
#include "tui/session.h"

/* What an action does on one screen, when the keymap's words for it
 * would mislead there (Enter on an organisation opens it). */
struct ui_view_word {
    enum action act;
    const char *help;              /* N_() */
};

struct ui_view {
    const char *name;              /* N_(): shown in the status line */
    const enum action *hints;      /* for the status line, ACT_NONE-ended */
    const enum action *actions;    /* ACT_NONE-terminated, screen's own */
    /* Optional, N_(): what the screen's marks mean, for the help. */
    const char *legend;
    /* Optional, ended by ACT_NONE: the help's own words for actions. */
    const struct ui_view_word *words;
    void *(*open)(struct ui *ui, int64_t arg);
    void (*close)(void *self);
    /* Re-reads from the store, keeping the selection (by id). */
    void (*reload)(struct ui *ui, void *self);
    /* Draws rows top .. top+height-1. */
    void (*draw)(struct ui *ui, void *self, int top, int height);
    /* Returns false when the action does not apply here. */
    bool (*request)(struct ui *ui, void *self, enum action act);
    /* Optional: sees every key first (typing into a filter); true when
     * it used the key. */
    bool (*key)(struct ui *ui, void *self, int key);
    /* Optional: work that waits until the typing pauses, called as soon
     * as no key is waiting (and again when none came for a moment);
     * true when it did some, and the screen is drawn again. */
    bool (*idle)(struct ui *ui, void *self);
};

/* Opens view with arg (a contact's id, or 0) on top of the stack; when
 * it cannot open (its contact is gone), the stack stays as it was. */
void ui_push(struct ui *ui, const struct ui_view *view, int64_t arg);
/* Replaces the whole stack with one top-level screen. */
void ui_switch(struct ui *ui, const struct ui_view *view);
/* Closes the top screen; closing the last one ends the session. */
void ui_pop(struct ui *ui);
/* Closes every screen, top first. */
void ui_close_all(struct ui *ui);
/* The top screen and its state; only while ui->depth > 0. */
const struct ui_view *ui_top_view(struct ui *ui);
void *ui_top_self(struct ui *ui);

#endif
