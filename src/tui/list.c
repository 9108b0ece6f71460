/* The windowed list: keyset paging forwards and backwards through the
 * source, keeping the selection when the data under it changes. Uses
 * tui/draw.h; knows nothing of what the rows are. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "tui/draw.h"
#include "tui/list.h"

#define ROW(l, i) ((void *)((l)->rows + (i) * (l)->src->row_size))

static void *xmalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        abort();
    return p;
}

static void *row_dup(const struct ui_list *l, const void *row)
{
    void *p = xmalloc(l->src->row_size);
    l->src->copy(p, row);
    return p;
}

static void row_free(const struct ui_list *l, void *row)
{
    if (row) {
        l->src->release(row);
        free(row);
    }
}

static void clear_rows(struct ui_list *l)
{
    for (size_t i = 0; i < l->len; i++)
        l->src->release(ROW(l, i));
    l->len = 0;
}

static void set_anchor(struct ui_list *l, void *row)
{
    row_free(l, l->anchor);
    l->anchor = row;
    l->anchor_known = true;
}

void ui_list_init(struct ui_list *l, const struct ui_list_source *src,
                  void *ctx)
{
    memset(l, 0, sizeof *l);
    l->src = src;
    l->ctx = ctx;
    l->cap = 40;
    l->rows = xmalloc(l->cap * src->row_size);
    l->at_start = true;
    l->anchor_known = true;
}

void ui_list_free(struct ui_list *l)
{
    if (!l->src)
        return;
    clear_rows(l);
    free(l->rows);
    row_free(l, l->anchor);
    memset(l, 0, sizeof *l);
}

/* Reads the window that follows the anchor. */
static void fetch(struct ui *ui, struct ui_list *l)
{
    clear_rows(l);
    bool more = false;
    int n = l->src->page(ui, l->ctx, l->anchor, false, l->cap, l->rows, &more);
    l->failed = n < 0;
    l->len = n > 0 ? (size_t)n : 0;
    l->more = more;
    l->at_start = l->anchor == NULL;
}

void ui_list_load(struct ui *ui, struct ui_list *l)
{
    set_anchor(l, NULL);
    fetch(ui, l);
    l->sel = l->top = 0;
}

/* After reading backwards the row before the window is unknown; one
 * more backward read of a single row finds it. */
static void find_anchor(struct ui *ui, struct ui_list *l)
{
    if (l->anchor_known)
        return;
    if (l->len == 0 || l->at_start) {
        set_anchor(l, NULL);
        return;
    }
    void *one = xmalloc(l->src->row_size);
    bool more = false;
    int n = l->src->page(ui, l->ctx, ROW(l, 0), true, 1, one, &more);
    if (n == 1) {
        set_anchor(l, one);
    } else {
        free(one);
        set_anchor(l, NULL);
    }
}

static bool find_id(struct ui_list *l, int64_t id, size_t *at)
{
    for (size_t i = 0; i < l->len; i++) {
        if (l->src->id(ROW(l, i)) == id) {
            *at = i;
            return true;
        }
    }
    return false;
}

void ui_list_reload(struct ui *ui, struct ui_list *l)
{
    int64_t id = ui_list_selected_id(l);
    size_t old_sel = l->sel, old_top = l->top;
    find_anchor(ui, l);
    fetch(ui, l);
    if (l->len == 0 && l->anchor) {
        /* Everything after the cursor went away: start again. */
        ui_list_load(ui, l);
        return;
    }
    size_t at;
    if (id && find_id(l, id, &at)) {
        l->sel = at;
        l->top = old_top + at >= old_sel ? old_top + at - old_sel : 0;
    } else {
        l->sel = l->len == 0 ? 0 : (old_sel < l->len ? old_sel : l->len - 1);
        l->top = old_top;
    }
    if (l->top > l->sel)
        l->top = l->sel;
    /* Keeping the selected row in place must not hide rows above it
     * when the whole rest fits on the screen. */
    if (!l->more && l->height > 0 && l->len - l->top < (size_t)l->height)
        l->top = l->len > (size_t)l->height ? l->len - (size_t)l->height : 0;
}

/* Moves the window so it starts at the first visible row. */
static void shift_forward(struct ui *ui, struct ui_list *l)
{
    /* A long move only updates top at its end: drop every row that is
     * already scrolled out of sight by the selection, not just one, or
     * each further step would cost a whole window read. */
    size_t k = l->top;
    if (l->height > 0 && l->sel + 1 > (size_t)l->height
        && l->sel + 1 - (size_t)l->height > k)
        k = l->sel + 1 - (size_t)l->height;
    if (k == 0)
        k = 1;
    if (k > l->len)
        return;
    find_anchor(ui, l);
    set_anchor(l, row_dup(l, ROW(l, k - 1)));
    size_t sel = l->sel >= k ? l->sel - k : 0;
    fetch(ui, l);
    l->sel = sel < l->len ? sel : (l->len ? l->len - 1 : 0);
    l->top = 0;
}

/* Brings rows before the window in; true when there were any. */
static bool shift_back(struct ui *ui, struct ui_list *l)
{
    if (l->at_start || l->len == 0)
        return false;
    size_t want = l->cap / 2;
    char *before = xmalloc(want * l->src->row_size);
    bool more = false;
    int n = l->src->page(ui, l->ctx, ROW(l, 0), true, want, before, &more);
    if (n <= 0) {
        free(before);
        l->at_start = true;
        return false;
    }
    size_t got = (size_t)n;
    size_t keep = l->len < l->cap - got ? l->len : l->cap - got;
    for (size_t i = keep; i < l->len; i++)
        l->src->release(ROW(l, i));
    if (keep < l->len)
        l->more = true;
    memmove(l->rows + got * l->src->row_size, l->rows,
            keep * l->src->row_size);
    memcpy(l->rows, before, got * l->src->row_size);
    free(before);
    l->len = got + keep;
    l->sel += got;
    l->top += got;
    l->at_start = !more;
    l->anchor_known = false;
    return true;
}

bool ui_list_move(struct ui *ui, struct ui_list *l, int delta)
{
    bool moved = false;
    while (delta > 0) {
        if (l->sel + 1 >= l->len) {
            if (!l->more)
                break;
            shift_forward(ui, l);
            if (l->sel + 1 >= l->len)
                break;
        }
        l->sel++;
        delta--;
        moved = true;
    }
    while (delta < 0) {
        if (l->sel == 0 && !shift_back(ui, l))
            break;
        if (l->sel == 0)
            break;
        l->sel--;
        delta++;
        moved = true;
    }
    if (l->height > 0) {
        if (l->sel < l->top)
            l->top = l->sel;
        if (l->sel >= l->top + (size_t)l->height)
            l->top = l->sel - (size_t)l->height + 1;
    }
    return moved;
}

void ui_list_top(struct ui *ui, struct ui_list *l)
{
    ui_list_load(ui, l);
}

void ui_list_bottom(struct ui *ui, struct ui_list *l)
{
    clear_rows(l);
    set_anchor(l, NULL);
    bool more = false;
    int n = l->src->page(ui, l->ctx, NULL, true, l->cap, l->rows, &more);
    l->failed = n < 0;
    l->len = n > 0 ? (size_t)n : 0;
    l->more = false;
    l->at_start = !more;
    l->anchor_known = !more;
    l->sel = l->len ? l->len - 1 : 0;
    l->top = l->height > 0 && l->sel + 1 > (size_t)l->height
                 ? l->sel + 1 - (size_t)l->height : 0;
}

bool ui_list_request(struct ui *ui, struct ui_list *l, enum action act)
{
    /* A page keeps one row of the last in view. */
    int page = l->height > 1 ? l->height - 1 : 1;
    switch (act) {
    case ACT_MOVE_DOWN:
        ui_list_move(ui, l, 1);
        return true;
    case ACT_MOVE_UP:
        ui_list_move(ui, l, -1);
        return true;
    case ACT_TOP:
        ui_list_top(ui, l);
        return true;
    case ACT_BOTTOM:
        ui_list_bottom(ui, l);
        return true;
    case ACT_PAGE_DOWN:
        ui_list_move(ui, l, page);
        return true;
    case ACT_PAGE_UP:
        ui_list_move(ui, l, -page);
        return true;
    default:
        return false;
    }
}

void ui_list_select(struct ui *ui, struct ui_list *l, const void *row)
{
    int64_t id = l->src->id(row);
    size_t at;
    if (find_id(l, id, &at)) {
        l->sel = at;
        ui_list_move(ui, l, 0);
        return;
    }
    /* Let the window start at row, then find what precedes it. */
    clear_rows(l);
    l->src->copy(ROW(l, 0), row);
    l->len = 1;
    l->at_start = false;
    l->anchor_known = false;
    find_anchor(ui, l);
    fetch(ui, l);
    l->sel = find_id(l, id, &at) ? at : 0;
    l->top = 0;
}

void *ui_list_selected(struct ui_list *l)
{
    return l->sel < l->len ? ROW(l, l->sel) : NULL;
}

int64_t ui_list_selected_id(struct ui_list *l)
{
    void *row = ui_list_selected(l);
    return row ? l->src->id(row) : 0;
}

void ui_list_set_height(struct ui *ui, struct ui_list *l, int height)
{
    if (height < 1)
        height = 1;
    l->height = height;
    size_t cap = (size_t)height * 2 + 2;
    if (cap < 20)
        cap = 20;
    if (cap > l->cap) {
        char *p = realloc(l->rows, cap * l->src->row_size);
        if (!p)
            abort();
        l->rows = p;
        l->cap = cap;
        if (l->more)
            ui_list_reload(ui, l);
    }
    ui_list_move(ui, l, 0);
}

void ui_list_draw(struct ui *ui, struct ui_list *l, int y, int x, int cols,
                  int height, bool focus, const char *empty,
                  void (*draw_row)(struct ui *ui, const void *row, int y,
                                   int x, int cols, int attr))
{
    if (height <= 0)
        return;
    if (l->height != height)
        ui_list_set_height(ui, l, height);
    /* A list that grew since its last reload (a Review section given
     * more lines after a follow-up was added or moved into it) must
     * not keep rows scrolled out above while lines below stay blank. */
    if (!l->more && l->top > 0 && l->len - l->top < (size_t)height)
        l->top = l->len > (size_t)height ? l->len - (size_t)height : 0;
    if (l->len == 0) {
        /* A failed read is not an empty list; the status line says why. */
        if (l->failed)
            ui_put(y, x, cols, _("(could not be read)"), ui->attr[UI_ERROR]);
        else
            ui_put(y, x, cols, empty, ui->attr[UI_MUTED]);
        for (int i = 1; i < height; i++)
            ui_put(y + i, x, cols, "", 0);
        return;
    }
    for (int i = 0; i < height; i++) {
        size_t at = l->top + (size_t)i;
        if (at >= l->len) {
            ui_put(y + i, x, cols, "", 0);
            continue;
        }
        int attr = 0;
        if (at == l->sel)
            attr = focus ? ui->attr[UI_SELECTION] : (int)A_UNDERLINE;
        draw_row(ui, ROW(l, at), y + i, x, cols, attr);
        if (l->tags && x > 0)
        {
            bool tagged = ui_tags_has(l->tags, l->tag_kind,
                                      l->src->id(ROW(l, at)));
            ui_put(y + i, x - 1, 1, tagged ? "*" : " ",
                   tagged ? ui->attr[UI_HEADER] : 0);
        }
    }
}
