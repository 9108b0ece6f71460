/* The stack of screens: opening a screen on top, closing it, switching
 * to a top-level one. At most UI_STACK_MAX deep; past that the oldest
 * screen above the bottom one is closed. Uses tui/session.h only. */
#include <config.h>

#include <string.h>

#include "tui/view.h"

void ui_push(struct ui *ui, const struct ui_view *view, int64_t arg)
{
    if (ui->depth == UI_STACK_MAX) {
        struct ui_frame *bottom = &ui->stack[1];
        bottom->view->close(bottom->self);
        memmove(&ui->stack[1], &ui->stack[2],
                (UI_STACK_MAX - 2) * sizeof ui->stack[0]);
        ui->depth--;
    }
    void *self = view->open(ui, arg);
    if (!self)
        return;
    ui->stack[ui->depth].view = view;
    ui->stack[ui->depth].self = self;
    ui->depth++;
}

void ui_pop(struct ui *ui)
{
    if (ui->depth == 0)
        return;
    struct ui_frame *top = &ui->stack[--ui->depth];
    top->view->close(top->self);
    if (ui->depth == 0)
        ui->quit = true;
    else
        ui->dirty = true;
}

void ui_switch(struct ui *ui, const struct ui_view *view)
{
    if (ui->depth == 1 && ui->stack[0].view == view)
        return;
    ui_close_all(ui);
    ui_push(ui, view, 0);
}

void ui_close_all(struct ui *ui)
{
    while (ui->depth > 0) {
        struct ui_frame *top = &ui->stack[--ui->depth];
        top->view->close(top->self);
    }
}

const struct ui_view *ui_top_view(struct ui *ui)
{
    return ui->stack[ui->depth - 1].view;
}

void *ui_top_self(struct ui *ui)
{
    return ui->stack[ui->depth - 1].self;
}
