/* Drawing for every part of the TUI: text cut or padded to its columns,
 * section headers, dates as the config shows them, and the message line.
 * Owns nothing but these; may use tui/session.h and the layers below
 * tui/. */
#ifndef RAPPORT_UI_DRAW_H
#define RAPPORT_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "tui/session.h"

/* Drawing: text from anywhere is sanitized, then padded or cut to
 * exactly cols columns. */
void ui_put(int y, int x, int cols, const char *text, int attr);
/* Draws a section header "Title (n)". */
void ui_header(int y, int x, int cols, const char *title, long count,
               int attr);

/* A date as the configured [general] date_format says (YYYY-MM-DD
 * when none is set); "" for an unset date. */
void ui_date(struct ui *ui, struct date d, char *buf, size_t size);
/* Columns a date takes in that format (at most 20). */
int ui_date_width(struct ui *ui);

/* The time of a change: now. */
time_t ui_now(void);

void ui_message(struct ui *ui, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The message of the store's last failure, as an error. */
void ui_store_error(struct ui *ui);
/* Redraws the whole screen through ui->repaint, which the top of tui/
 * registers; nothing happens before it has. */
void ui_repaint(struct ui *ui);

#endif
