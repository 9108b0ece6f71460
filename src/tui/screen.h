/* What the TUI's screens share: the session (struct ui), the table of
 * callbacks each screen fills (like tig's views), and the drawing and
 * prompting helpers of ui.c. */
#ifndef RAPPORT_UI_SCREEN_H
#define RAPPORT_UI_SCREEN_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/app.h"
#include "tui/keys.h"

enum ui_color {
    UI_TITLE, UI_STATUS, UI_SELECTION, UI_HEADER, UI_OVERDUE, UI_TODAY,
    UI_MUTED, UI_ERROR, UI_COLOR_COUNT
};

struct ui;

struct ui_view {
    const char *name;              /* N_(): shown in the status line */
    const enum action *hints;      /* for the status line, ACT_NONE-ended */
    const enum action *actions;    /* ACT_NONE-terminated, screen's own */
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
    /* Optional: called when no key came for a moment, for work that
     * waits until the typing pauses. */
    void (*idle)(struct ui *ui, void *self);
};

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
    bool quit;
    bool dirty;                    /* reload the top screen */
    int64_t data_version;
    struct date today;             /* the day the screens were read on */
    bool cursor;                   /* a screen wants the cursor shown ... */
    int cursor_y, cursor_x;        /* ... here */
    struct strlist config_warnings;  /* [keys] and [colors] problems */
};

extern const struct ui_view ui_review_view;
extern const struct ui_view ui_pipeline_view;
extern const struct ui_view ui_contacts_view;
extern const struct ui_view ui_contact_view;

/* Screens */
void ui_push(struct ui *ui, const struct ui_view *view, int64_t arg);
/* Replaces the whole stack with one top-level screen. */
void ui_switch(struct ui *ui, const struct ui_view *view);
void ui_pop(struct ui *ui);
void ui_message(struct ui *ui, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The message of the store's last failure, as an error. */
void ui_store_error(struct ui *ui);

/* Input: a key (KEYS_FUNC for function keys, '\n' for Enter),
 * KEYS_NONE on timeout, KEYS_RESIZE after a resize. */
int ui_getkey(struct ui *ui, int timeout_ms);
/* True once rapport should end (SIGTERM, SIGHUP, the terminal gone):
 * every loop that waits for keys gives up. */
bool ui_stopping(void);
/* Redraws the whole screen (the top screen and the status line). */
void ui_draw(struct ui *ui);

/* Drawing: text from anywhere is sanitized, then padded or cut to
 * exactly cols columns. */
void ui_put(int y, int x, int cols, const char *text, int attr);
/* Draws a section header "Title (n)". */
void ui_header(int y, int x, int cols, const char *title, long count,
               int attr);

/* Prompts on the bottom line. A line of text, initial text allowed;
 * false when cancelled with Esc. *out is a new string. */
bool ui_prompt(struct ui *ui, const char *question, const char *initial,
               char **out);
/* y/n question; true for yes. */
bool ui_confirm(struct ui *ui, const char *question);

/* A date as the configured [general] date_format says (YYYY-MM-DD
 * when none is set); "" for an unset date. */
void ui_date(struct ui *ui, struct date d, char *buf, size_t size);
/* Columns a date takes in that format (at most 20). */
int ui_date_width(struct ui *ui);

/* The time of a change: now. */
time_t ui_now(void);

#endif
