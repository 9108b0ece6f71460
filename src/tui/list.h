/* The one windowed list every screen uses. It holds a window of rows
 * (about two screenfuls), read through a source's page function with a
 * keyset cursor (the row before the window), never a whole table.
 * May use tui/draw.h, tui/session.h and below. */
#ifndef RAPPORT_UI_LIST_H
#define RAPPORT_UI_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/session.h"
#include "tui/tags.h"

struct ui_list_source {
    size_t row_size;
    /* Up to limit rows after `after` (NULL: from the start) or, with
     * backward, the rows just before it, in list order. Returns how
     * many, or -1 after a store failure. *more: rows exist beyond. */
    int (*page)(struct ui *ui, void *ctx, const void *after, bool backward,
                size_t limit, void *rows, bool *more);
    void (*copy)(void *dst, const void *src);
    void (*release)(void *row);
    int64_t (*id)(const void *row);
};

struct ui_list {
    const struct ui_list_source *src;
    void *ctx;
    char *rows;
    size_t len, cap;
    size_t sel, top;
    bool more;              /* rows after the window */
    bool at_start;          /* nothing before the window */
    void *anchor;           /* the row before rows[0]; NULL: the start */
    bool anchor_known;      /* false after reading backwards */
    int height;
    bool failed;
    /* Tagged rows are marked in the column left of the list; a row is
     * tagged when tags holds (tag_kind, its id). NULL: no tagging. */
    const struct ui_tags *tags;
    enum ui_tag_kind tag_kind;
};

void ui_list_init(struct ui_list *l, const struct ui_list_source *src,
                  void *ctx);
void ui_list_free(struct ui_list *l);
/* Reads from the start. */
void ui_list_load(struct ui *ui, struct ui_list *l);
/* Reads the same window again, keeping the selected row (by id). */
void ui_list_reload(struct ui *ui, struct ui_list *l);
/* Moves the selection by delta rows; false when it could not move. */
bool ui_list_move(struct ui *ui, struct ui_list *l, int delta);
void ui_list_top(struct ui *ui, struct ui_list *l);
void ui_list_bottom(struct ui *ui, struct ui_list *l);
/* The moves every list answers the same way: down, up, top, bottom and
 * a page either way. True when act was one of them; a screen falls back
 * to it for the keys it does not handle itself. */
bool ui_list_request(struct ui *ui, struct ui_list *l, enum action act);
/* Makes the row with this id (sorted like row) the selected one. */
void ui_list_select(struct ui *ui, struct ui_list *l, const void *row);
void *ui_list_selected(struct ui_list *l);
int64_t ui_list_selected_id(struct ui_list *l);
/* Rows to show: sets the window size from the height. */
void ui_list_set_height(struct ui *ui, struct ui_list *l, int height);
/* Draws height rows from y through draw_row; an empty list shows
 * `empty`. */
void ui_list_draw(struct ui *ui, struct ui_list *l, int y, int x, int cols,
                  int height, bool focus, const char *empty,
                  void (*draw_row)(struct ui *ui, const void *row, int y,
                                   int x, int cols, int attr));

#endif
