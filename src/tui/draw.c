/* Drawing: text cut or padded to its columns, section headers, dates
 * as the config shows them, and the message line every screen, prompt
 * and editor shares. Uses tui/session.h only. */
#include <config.h>

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/text.h"
#include "tui/draw.h"

void ui_put(int y, int x, int cols, const char *text, int attr)
{
    if (y < 0 || y >= LINES || x >= COLS || cols <= 0)
        return;
    if (x + cols > COLS)
        cols = COLS - x;
    char *clean = text_sanitize(text ? text : "", false);
    size_t size = (size_t)cols * 4 + 8 + strlen(clean);
    char *buf = malloc(size);
    if (!buf)
        abort();
    text_pad(clean, cols, buf, size);
    attrset((attr_t)attr);
    /* The last cell of the screen cannot be written without scrolling;
     * curses reports an error there that is harmless. */
    mvaddstr(y, x, buf);
    attrset(A_NORMAL);
    free(buf);
    free(clean);
}

void ui_header(int y, int x, int cols, const char *title, long count,
               int attr)
{
    char buf[256], num[32];
    snprintf(buf, sizeof buf, "%s (%ld)", title, count);
    snprintf(num, sizeof num, " (%ld)", count);
    int numw = (int)strlen(num);
    /* In a narrow column the count matters more than the whole title. */
    if (text_width(buf) <= cols || numw + 2 > cols) {
        ui_put(y, x, cols, buf, attr);
        return;
    }
    ui_put(y, x, cols - numw, title, attr);
    ui_put(y, x + cols - numw, numw, num, attr);
}

void ui_date(struct ui *ui, struct date d, char *buf, size_t size)
{
    const char *pattern = ui->app->cfg.date_format;
    if (!date_is_set(d)) {
        buf[0] = '\0';
    } else if (pattern && *pattern) {
        date_format(d, pattern, buf, size);
    } else {
        char iso[11];
        date_format_iso(d, iso);
        snprintf(buf, size, "%s", iso);
    }
}

int ui_date_width(struct ui *ui)
{
    /* The longest month name and day give the column's width. */
    char buf[64];
    ui_date(ui, (struct date){ 2026, 9, 30 }, buf, sizeof buf);
    int w = text_width(buf);
    return w < 5 ? 5 : w > 20 ? 20 : w;
}

time_t ui_now(void)
{
    return time(NULL);
}

void ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ui->message, sizeof ui->message, fmt, ap);
    va_end(ap);
    ui->message_error = error;
}

void ui_store_error(struct ui *ui)
{
    char *message = app_store_error(ui->st);
    ui_message(ui, true, "%s", message ? message : store_error(ui->st));
    free(message);
}

void ui_repaint(struct ui *ui)
{
    if (ui->repaint)
        ui->repaint(ui);
}
