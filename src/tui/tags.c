/* The set of tagged rows: a short array searched in order (people tag
 * a handful of rows, not thousands). Uses tui/tags.h only. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "tui/tags.h"

static size_t find(const struct ui_tags *t, enum ui_tag_kind kind, int64_t id)
{
    for (size_t i = 0; i < t->len; i++)
        if (t->v[i].kind == kind && t->v[i].id == id)
            return i;
    return t->len;
}

bool ui_tags_has(const struct ui_tags *t, enum ui_tag_kind kind, int64_t id)
{
    return t && find(t, kind, id) < t->len;
}

bool ui_tags_toggle(struct ui_tags *t, enum ui_tag_kind kind, int64_t id,
                    int64_t contact_id)
{
    size_t at = find(t, kind, id);
    if (at < t->len) {
        memmove(t->v + at, t->v + at + 1, (t->len - at - 1) * sizeof *t->v);
        t->len--;
        return false;
    }
    if (t->len == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        struct ui_tag *p = realloc(t->v, cap * sizeof *p);
        if (!p)
            abort();
        t->v = p;
        t->cap = cap;
    }
    t->v[t->len++] = (struct ui_tag){ kind, id, contact_id };
    return true;
}

void ui_tags_clear(struct ui_tags *t)
{
    t->len = 0;
}

void ui_tags_free(struct ui_tags *t)
{
    free(t->v);
    memset(t, 0, sizeof *t);
}
