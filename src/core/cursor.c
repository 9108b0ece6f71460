/* Windowed iterators (cursor.h). Each next() hands out the window's rows
 * and, past its last, keeps the last row as the keyset cursor and reads
 * the window after it. Uses store/ and below. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "core/cursor.h"
#include "store/contact.h"
#include "store/followup.h"
#include "store/note.h"
#include "store/org.h"

static void state_open(struct cursor_state *s, struct store *st)
{
    memset(s, 0, sizeof *s);
    s->st = st;
}

/* True when the window is spent and another should be read. */
static bool state_spent(const struct cursor_state *s, size_t len)
{
    return !s->started || s->at >= len;
}

/* Records a read: its status, whether more rows follow. */
static bool state_read(struct cursor_state *s, enum store_status rc,
                       size_t len, bool more)
{
    s->started = true;
    s->at = 0;
    if (rc != STORE_OK) {
        s->status = rc;
        s->last = true;
        return false;
    }
    s->last = !more || len == 0;
    return len > 0;
}

static bool state_done(const struct cursor_state *s)
{
    return s->status != STORE_OK || (s->started && s->last);
}

/* ---- contacts ------------------------------------------------------------ */

void cursor_contacts(struct contact_cursor *cur, struct store *st,
                     const struct contact_filter *filter,
                     enum contact_sort sort)
{
    memset(cur, 0, sizeof *cur);
    state_open(&cur->s, st);
    cur->filter = *filter;
    cur->sort = sort;
}

const struct contact *cursor_next_contact(struct contact_cursor *cur)
{
    struct cursor_state *s = &cur->s;
    if (!state_spent(s, cur->window.len))
        return &cur->window.items[s->at++];
    if (state_done(s))
        return NULL;
    bool have_after = s->started;
    if (have_after) {
        contact_clear(&cur->after);
        if (contact_copy(&cur->after,
                               &cur->window.items[cur->window.len - 1]) != 0) {
            s->status = store_fail(s->st, STORE_FAILED, _("out of memory"));
            return NULL;
        }
    }
    contact_list_clear(&cur->window);
    enum store_status rc = store_contact_page(s->st, &cur->filter, cur->sort,
                                              have_after ? &cur->after : NULL,
                                              false, CURSOR_WINDOW,
                                              &cur->window);
    if (!state_read(s, rc, cur->window.len, cur->window.more))
        return NULL;
    return &cur->window.items[s->at++];
}

enum store_status cursor_close_contacts(struct contact_cursor *cur)
{
    contact_list_clear(&cur->window);
    contact_clear(&cur->after);
    return cur->s.status;
}

/* ---- notes --------------------------------------------------------------- */

void cursor_notes(struct note_cursor *cur, struct store *st,
                  int64_t contact_id)
{
    memset(cur, 0, sizeof *cur);
    state_open(&cur->s, st);
    cur->contact_id = contact_id;
}

const struct note *cursor_next_note(struct note_cursor *cur)
{
    struct cursor_state *s = &cur->s;
    if (!state_spent(s, cur->window.len))
        return &cur->window.items[s->at++];
    if (state_done(s))
        return NULL;
    bool have_after = s->started;
    if (have_after) {
        const struct note *last = &cur->window.items[cur->window.len - 1];
        /* The window is ordered by time and id only: no text is kept. */
        cur->after = (struct note){ .id = last->id, .at = last->at,
                                    .contact_id = cur->contact_id };
    }
    note_list_clear(&cur->window);
    enum store_status rc = store_note_page(s->st, cur->contact_id,
                                           have_after ? &cur->after : NULL,
                                           CURSOR_WINDOW, &cur->window);
    if (!state_read(s, rc, cur->window.len, cur->window.more))
        return NULL;
    return &cur->window.items[s->at++];
}

enum store_status cursor_close_notes(struct note_cursor *cur)
{
    note_list_clear(&cur->window);
    return cur->s.status;
}

/* ---- follow-ups ---------------------------------------------------------- */

void cursor_followups(struct followup_cursor *cur, struct store *st,
                      const struct followup_filter *filter)
{
    memset(cur, 0, sizeof *cur);
    state_open(&cur->s, st);
    cur->filter = *filter;
}

const struct followup *cursor_next_followup(struct followup_cursor *cur)
{
    struct cursor_state *s = &cur->s;
    if (!state_spent(s, cur->window.len))
        return &cur->window.items[s->at++];
    if (state_done(s))
        return NULL;
    bool have_after = s->started;
    if (have_after)
        cur->after = store_followup_key(&cur->window.items[cur->window.len - 1]);
    followup_list_clear(&cur->window);
    enum store_status rc = store_followup_page(s->st, &cur->filter,
                                               have_after ? &cur->after : NULL,
                                               CURSOR_WINDOW, &cur->window);
    if (!state_read(s, rc, cur->window.len, cur->window.more))
        return NULL;
    return &cur->window.items[s->at++];
}

enum store_status cursor_close_followups(struct followup_cursor *cur)
{
    followup_list_clear(&cur->window);
    return cur->s.status;
}

/* ---- organisations ------------------------------------------------------- */

void cursor_orgs(struct org_cursor *cur, struct store *st)
{
    memset(cur, 0, sizeof *cur);
    state_open(&cur->s, st);
}

const struct org *cursor_next_org(struct org_cursor *cur)
{
    struct cursor_state *s = &cur->s;
    if (!state_spent(s, cur->window.len))
        return &cur->window.items[s->at++];
    if (state_done(s))
        return NULL;
    bool have_after = s->started;
    if (have_after) {
        const struct org *last = &cur->window.items[cur->window.len - 1];
        char *name = strdup(last->name ? last->name : "");
        if (!name) {
            s->status = store_fail(s->st, STORE_FAILED, _("out of memory"));
            return NULL;
        }
        org_clear(&cur->after);
        cur->after.id = last->id;
        cur->after.name = name;
    }
    org_list_clear(&cur->window);
    enum store_status rc = store_org_page(s->st, have_after ? &cur->after : NULL,
                                          CURSOR_WINDOW, &cur->window);
    if (!state_read(s, rc, cur->window.len, cur->window.more))
        return NULL;
    return &cur->window.items[s->at++];
}

enum store_status cursor_close_orgs(struct org_cursor *cur)
{
    org_list_clear(&cur->window);
    org_clear(&cur->after);
    return cur->s.status;
}
