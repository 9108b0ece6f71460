/* The list of the Review's Needs review section: the mail that matched
 * no contact, newest first, a window at a time. Uses tui/list.h,
 * tui/draw.h and store/. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "store/mail.h"
#include "tui/draw.h"
#include "tui/source.h"

static int mail_page(struct ui *ui, void *ctx, const void *after, bool backward,
                     size_t limit, void *rows, bool *more)
{
    (void)ctx;
    struct mail_review_list list = { 0 };
    if (store_mail_review_page(ui->st, after, backward, limit, &list) != STORE_OK) {
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

static char *copy_text(const char *s)
{
    if (!s)
        return NULL;
    char *c = strdup(s);
    if (!c)
        abort();
    return c;
}

static void mail_copy(void *dst, const void *src)
{
    struct mail_review *d = dst;
    const struct mail_review *s = src;
    *d = *s;
    d->message_id = copy_text(s->message_id);
    d->name = copy_text(s->name);
    d->email = copy_text(s->email);
    d->subject = copy_text(s->subject);
    d->body = copy_text(s->body);
}

static void mail_release(void *row)
{
    mail_review_clear(row);
}

static int64_t mail_id(const void *row)
{
    return ((const struct mail_review *)row)->id;
}

const struct ui_list_source ui_mail_source = {
    .row_size = sizeof(struct mail_review),
    .page = mail_page,
    .copy = mail_copy,
    .release = mail_release,
    .id = mail_id,
};
