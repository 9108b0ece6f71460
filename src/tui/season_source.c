/* The lists of the Review's pipeline sections, Budget season and Ready
 * to move up (core/season.h). Budget season is short by nature (the
 * people of organisations whose budget is near), so its page is cut
 * from the first SEASON_ROWS_MAX rows; Ready to move up is read by
 * keyset, a window at a time.
 * Uses tui/list.h, tui/draw.h and core/. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/review.h"
#include "core/season.h"
#include "tui/draw.h"
#include "tui/source.h"

/* The most rows either section lists on the Review. */
#define SEASON_ROWS_MAX 200

/* Where a page starts among n rows: after the row with id `after`
 * (forward) or before it (backward); NULL: the start, or the end. */
static void page_range(const char *rows, size_t size, size_t n,
                       int64_t (*id)(const void *), const void *after,
                       bool backward, size_t limit, size_t *from, size_t *to)
{
    size_t at = backward ? n : 0;
    if (after) {
        int64_t want = id(after);
        for (size_t i = 0; i < n; i++)
            if (id(rows + i * size) == want) {
                at = backward ? i : i + 1;
                break;
            }
    }
    if (backward) {
        *to = at;
        *from = at > limit ? at - limit : 0;
    } else {
        *from = at;
        *to = n - at > limit ? at + limit : n;
    }
}

static int64_t budget_id(const void *row)
{
    return ((const struct budget_entry *)row)->contact.id;
}

static int64_t suggestion_id(const void *row)
{
    return ((const struct suggestion *)row)->contact.id;
}

static int budget_page(struct ui *ui, void *ctx, const void *after,
                       bool backward, size_t limit, void *rows, bool *more)
{
    /* ctx: the Review's plan, whose member it shows (or NULL). */
    const char *mine = ctx ? ((const struct review *)ctx)->mine : NULL;
    struct budget_list list = { 0 };
    if (season_budget_page(ui->st, &ui->app->cfg.pipeline, date_today(), mine,
                           SEASON_ROWS_MAX, &list) != STORE_OK) {
        ui_store_error(ui);
        return -1;
    }
    size_t from, to;
    page_range((const char *)list.items, sizeof *list.items, list.len, budget_id,
               after, backward, limit, &from, &to);
    if (to > from)
        memcpy(rows, list.items + from, (to - from) * sizeof *list.items);
    /* The rows handed over are the window's now; clear the others. */
    for (size_t i = 0; i < list.len; i++)
        if (i < from || i >= to)
            contact_clear(&list.items[i].contact);
    *more = backward ? from > 0 : to < list.len;
    free(list.items);
    return (int)(to - from);
}

/* Read by keyset, a window at a time: every suggestion can be reached,
 * however many there are. */
static int ready_page(struct ui *ui, void *ctx, const void *after,
                      bool backward, size_t limit, void *rows, bool *more)
{
    const char *mine = ctx ? ((const struct review *)ctx)->mine : NULL;
    struct suggestion_list list = { 0 };
    if (season_ready_window(ui->st, &ui->app->cfg.pipeline, ui_now(), mine, after,
                            backward, limit, &list) != STORE_OK) {
        ui_store_error(ui);
        return -1;
    }
    if (list.len)
        memcpy(rows, list.items, list.len * sizeof *list.items);
    *more = list.more;
    free(list.items);
    return (int)list.len;
}

static void budget_copy(void *dst, const void *src)
{
    struct budget_entry *d = dst;
    const struct budget_entry *s = src;
    *d = *s;
    if (contact_copy(&d->contact, &s->contact) < 0)
        abort();
}

static void budget_release(void *row)
{
    contact_clear(&((struct budget_entry *)row)->contact);
}

static void suggestion_copy(void *dst, const void *src)
{
    struct suggestion *d = dst;
    const struct suggestion *s = src;
    *d = *s;
    if (contact_copy(&d->contact, &s->contact) < 0)
        abort();
}

static void suggestion_release(void *row)
{
    contact_clear(&((struct suggestion *)row)->contact);
}

const struct ui_list_source ui_budget_source = {
    .row_size = sizeof(struct budget_entry),
    .page = budget_page,
    .copy = budget_copy,
    .release = budget_release,
    .id = budget_id,
};

const struct ui_list_source ui_ready_source = {
    .row_size = sizeof(struct suggestion),
    .page = ready_page,
    .copy = suggestion_copy,
    .release = suggestion_release,
    .id = suggestion_id,
};
