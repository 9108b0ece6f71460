/* Adapters from the store's pages to the windowed list. Uses
 * tui/list.h and tui/draw.h (for the store's errors), and store/. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/review.h"
#include "tui/draw.h"
#include "tui/source.h"
#include "model/followup.h"
#include "store/contact.h"
#include "store/followup.h"
#include "store/quiet.h"

static int contact_page(struct ui *ui, void *ctx, const void *after,
                        bool backward, size_t limit, void *rows, bool *more)
{
    struct ui_contact_query *q = ctx;
    struct contact_list list = { 0 };
    if (store_contact_page(ui->st, &q->filter, q->sort, after, backward, limit,
                           &list) != STORE_OK) {
        ui_store_error(ui);
        return -1;
    }
    /* The rows move into the window; only the array is freed here. */
    if (list.len)
        memcpy(rows, list.items, list.len * sizeof *list.items);
    *more = list.more;
    int n = (int)list.len;
    free(list.items);
    return n;
}

static void contact_row_copy(void *dst, const void *src)
{
    if (contact_copy(dst, src) < 0)
        abort();
}

static void contact_release(void *row)
{
    contact_clear(row);
}

static int64_t contact_id(const void *row)
{
    return ((const struct contact *)row)->id;
}

const struct ui_list_source ui_contact_source = {
    .row_size = sizeof(struct contact),
    .page = contact_page,
    .copy = contact_row_copy,
    .release = contact_release,
    .id = contact_id,
};

static int followup_page(struct ui *ui, void *ctx, const void *after,
                         bool backward, size_t limit, void *rows, bool *more)
{
    struct followup_list list = { 0 };
    enum store_status rc = backward
        ? store_followup_page_before(ui->st, ctx, after, limit, &list)
        : store_followup_page(ui->st, ctx, after, limit, &list);
    if (rc != STORE_OK) {
        ui_store_error(ui);
        return -1;
    }
    if (list.len)
        memcpy(rows, list.items, list.len * sizeof *list.items);
    *more = list.more;
    int n = (int)list.len;
    free(list.items);
    return n;
}

static char *dup_or_null(const char *s)
{
    if (!s)
        return NULL;
    char *p = strdup(s);
    if (!p)
        abort();
    return p;
}

static void followup_copy(void *dst, const void *src)
{
    const struct followup *f = src;
    struct followup *d = dst;
    *d = *f;
    d->contact_name = dup_or_null(f->contact_name);
    d->text = dup_or_null(f->text);
}

static void followup_release(void *row)
{
    followup_clear(row);
}

static int64_t followup_id(const void *row)
{
    return ((const struct followup *)row)->id;
}

const struct ui_list_source ui_followup_source = {
    .row_size = sizeof(struct followup),
    .page = followup_page,
    .copy = followup_copy,
    .release = followup_release,
    .id = followup_id,
};

static int quiet_page(struct ui *ui, void *ctx, const void *after,
                      bool backward, size_t limit, void *rows, bool *more)
{
    /* ctx: the Review's plan, whose member it shows (or NULL). */
    const char *owner = ctx ? ((const struct review *)ctx)->mine : NULL;
    struct contact_list list = { 0 };
    const int *cadence = ui->app->cfg.stage_cadence;
    enum store_status rc = backward
        ? store_quiet_page_before(ui->st, cadence, owner, ui_now(), after, limit, &list)
        : store_quiet_page(ui->st, cadence, owner, ui_now(), after, limit, &list);
    if (rc != STORE_OK) {
        ui_store_error(ui);
        return -1;
    }
    if (list.len)
        memcpy(rows, list.items, list.len * sizeof *list.items);
    *more = list.more;
    int n = (int)list.len;
    free(list.items);
    return n;
}

const struct ui_list_source ui_quiet_source = {
    .row_size = sizeof(struct contact),
    .page = quiet_page,
    .copy = contact_row_copy,
    .release = contact_release,
    .id = contact_id,
};
