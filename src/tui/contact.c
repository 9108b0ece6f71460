/* The Contact screen (SPEC §3.4): the page tui/contact_lines.c builds,
 * which the cursor moves over an item at a time (the contact, a
 * follow-up, a note, ...; never a blank line), Space paging it as a
 * pager does. Keys act on the item: e and d edit and delete a note,
 * x and s act on a follow-up, elsewhere e edits the contact and d
 * archives it or brings it back; S records a score, p pauses the
 * cadence. A screen: uses tui/views.h (it defines ui_contact_view),
 * tui/act.h and the actions beside it, tui/contact_form.h,
 * tui/contact_lines.h and below; it pops itself when its contact is
 * forgotten. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "tui/act.h"
#include "tui/act_note.h"
#include "tui/act_pause.h"
#include "tui/act_score.h"
#include "tui/contact_form.h"
#include "tui/draw.h"
#include "tui/prompt.h"
#include "tui/contact_lines.h"
#include "tui/views.h"

static const enum action contact_actions[] = {
    ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_LEFT, ACT_RIGHT, ACT_TOP, ACT_BOTTOM,
    ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_EDIT, ACT_NOTE, ACT_EDITOR, ACT_FOLLOWUP,
    ACT_DONE, ACT_SNOOZE, ACT_PROMOTE, ACT_DEMOTE, ACT_ARCHIVE, ACT_FORGET,
    ACT_SCORE, ACT_PAUSE, ACT_NONE
};

/* What fits at 80 columns; ? lists the rest (p, > and <). */
static const enum action contact_hints[] = {
    ACT_EDIT, ACT_NOTE, ACT_FOLLOWUP, ACT_DONE, ACT_SNOOZE, ACT_SCORE, ACT_BACK,
    ACT_NONE
};

/* The first line of the item line i belongs to. */
static size_t item_start(const struct contact_page *p, size_t i)
{
    while (i > 0 && p->lines[i].item && p->lines[i - 1].item == p->lines[i].item)
        i--;
    return i;
}

/* The first line of the nearest item at or after line i (dir 1), or at
 * or before it (dir -1); len when there is none. */
static size_t item_near(const struct contact_page *p, size_t i, int dir)
{
    for (long at = (long)i; at >= 0 && at < (long)p->len; at += dir)
        if (p->lines[at].item)
            return item_start(p, (size_t)at);
    return p->len;
}

/* Puts the cursor on a selectable line: the item at or after the line
 * it is on, else the one before. */
static void settle(struct contact_page *p)
{
    if (p->len == 0) {
        p->sel = 0;
        return;
    }
    if (p->sel >= p->len)
        p->sel = p->len - 1;
    size_t at = item_near(p, p->sel, 1);
    if (at == p->len)
        at = item_near(p, p->sel, -1);
    p->sel = at < p->len ? at : 0;
}

static void *contact_open(struct ui *ui, int64_t id)
{
    struct contact_page *p = calloc(1, sizeof *p);
    if (!p)
        abort();
    p->id = id;
    if (!contact_page_fetch(ui, p)) {
        ui_store_error(ui);
        contact_page_free(p);
        return NULL;
    }
    contact_page_build(ui, p, COLS);
    settle(p);
    return p;
}

static void contact_close(void *self)
{
    contact_page_free(self);
}

/* After a change: the cursor stays on its item (a note, a follow-up)
 * when it is still there, else on the line it was on. */
static void contact_reload(struct ui *ui, void *self)
{
    struct contact_page *p = self;
    enum item_kind what = p->sel < p->len ? p->lines[p->sel].what : ITEM_NONE;
    int64_t id = p->sel < p->len ? p->lines[p->sel].id : 0;
    if (!contact_page_fetch(ui, p)) {
        /* Forgotten here or by another session. */
        ui_pop(ui);
        return;
    }
    contact_page_build(ui, p, COLS);
    for (size_t i = 0; id && i < p->len; i++)
        if (p->lines[i].what == what && p->lines[i].id == id) {
            p->sel = i;
            break;
        }
    settle(p);
}

static void contact_draw(struct ui *ui, void *self, int top, int height)
{
    struct contact_page *p = self;
    if (p->built_cols != COLS) {
        contact_page_build(ui, p, COLS);
        settle(p);
    }
    p->height = height;
    size_t item = p->sel < p->len ? p->lines[p->sel].item : 0;
    /* The whole item in view when it fits; an item taller than the
     * screen (a long note) keeps the view where it shows part of it, so
     * a page turns through it. */
    size_t end = p->sel;
    while (item && end + 1 < p->len && p->lines[end + 1].item == item)
        end++;
    if (end - p->sel < (size_t)height) {
        if (end >= p->top + (size_t)height)
            p->top = end - (size_t)height + 1;
        if (p->sel < p->top)
            p->top = p->sel;
    } else if (end < p->top || p->sel >= p->top + (size_t)height) {
        p->top = p->sel;
    }
    for (int i = 0; i < height; i++) {
        size_t at = p->top + (size_t)i;
        if (at >= p->len)
            break;
        const struct cline *l = &p->lines[at];
        int attr = l->attr;
        switch (l->kind) {
        case LINE_TITLE:
            attr = ui->attr[UI_HEADER] | (int)A_BOLD;
            break;
        case LINE_HEADER:
            attr = ui->attr[UI_HEADER];
            break;
        case LINE_MUTED:
        case LINE_MORE:
            attr = ui->attr[UI_MUTED];
            break;
        default:
            break;
        }
        /* Every line of the selected item is shown selected. */
        if (item && l->item == item)
            attr = ui->attr[UI_SELECTION];
        ui_put(top + i, 1, COLS - 1, l->text, attr);
    }
}

/* Reading the older history when the cursor reaches its last line. */
static void arrived(struct ui *ui, struct contact_page *p)
{
    if (p->sel < p->len && p->lines[p->sel].what == ITEM_MORE && p->history.more) {
        contact_page_more(ui, p);
        contact_page_build(ui, p, COLS);
        settle(p);
    }
}

/* Moves by count items (negative: up). */
static void move_items(struct ui *ui, struct contact_page *p, long count)
{
    for (; count != 0; count += count > 0 ? -1 : 1) {
        size_t item = p->lines[p->sel].item, at = p->sel;
        if (count > 0) {
            while (at < p->len && (p->lines[at].item == item || !p->lines[at].item))
                at++;
            if (at == p->len)
                break;
        } else {
            while (at > 0 && (p->lines[at].item == item || !p->lines[at].item))
                at--;
            if (!p->lines[at].item || p->lines[at].item == item)
                break;
            at = item_start(p, at);
        }
        p->sel = at;
        arrived(ui, p);
    }
}

/* h and l: the first item of the section before or after. */
static void jump_section(struct ui *ui, struct contact_page *p, int dir)
{
    long i = (long)p->sel;
    if (dir < 0) {
        /* Back past this section's title first. */
        while (i > 0 && p->lines[i].kind != LINE_HEADER)
            i--;
        i--;
        while (i > 0 && p->lines[i].kind != LINE_HEADER)
            i--;
    } else {
        i++;
        while (i < (long)p->len && p->lines[i].kind != LINE_HEADER)
            i++;
    }
    if (i < 0 || i >= (long)p->len) {
        p->sel = dir < 0 ? 0 : p->sel;
        settle(p);
        return;
    }
    size_t at = item_near(p, (size_t)i, 1);
    if (at < p->len)
        p->sel = at;
    arrived(ui, p);
}

static int64_t ask_followup(struct ui *ui, const int64_t *ids, size_t n,
                            const char *listed)
{
    char *text = NULL;
    int64_t picked = 0;
    ui_message(ui, false, "%s", listed);
    /* Follow-ups are named f7 (as listed); 7 and #7 are taken too. */
    char question[128];
    /* TRANSLATORS: %lld is a follow-up's number, as in "f7". */
    snprintf(question, sizeof question, _("Which follow-up (as f%lld)?"),
             (long long)ids[0]);
    while (!picked) {
        char *answer = NULL;
        if (!ui_prompt(ui, question, text, &answer))
            break;
        free(text);
        text = answer;
        const char *t = text + strspn(text, " #fF");
        long long want = strtoll(t, NULL, 10);
        for (size_t i = 0; i < n; i++)
            if (ids[i] == want)
                picked = ids[i];
        if (!picked) {
            ui_message(ui, true, _("Not one of these: %s"), listed);
            ui_repaint(ui);
        }
    }
    free(text);
    return picked;
}

/* The follow-up x and s act on: the selected one; with the cursor on
 * none, the only open one, or the one the user names when there are
 * several (acting on the first would be a guess). */
static int64_t pick_followup(struct ui *ui, struct contact_page *p)
{
    if (p->sel < p->len && p->lines[p->sel].what == ITEM_FOLLOWUP)
        return p->lines[p->sel].id;
    int64_t ids[32];
    size_t n = 0;
    char listed[512] = "";
    size_t used = 0;
    for (size_t i = 0; i < p->len && n < sizeof ids / sizeof ids[0]; i++) {
        int64_t id = p->lines[i].what == ITEM_FOLLOWUP ? p->lines[i].id : 0;
        if (!id || (n > 0 && ids[n - 1] == id))
            continue;
        ids[n++] = id;
        int w = snprintf(listed + used, sizeof listed - used, "%s%s",
                         used ? "; " : "", p->lines[i].text + strspn(p->lines[i].text, " "));
        if (w > 0 && (size_t)w < sizeof listed - used)
            used += (size_t)w;
    }
    if (n == 0) {
        char add[32];
        keys_first_name(&ui->keys, ACT_FOLLOWUP, add, sizeof add);
        /* TRANSLATORS: %s is the key that adds a follow-up. */
        ui_message(ui, false, _("No open follow-up; %s adds one."), add);
        return 0;
    }
    int64_t id = n == 1 ? ids[0] : ask_followup(ui, ids, n, listed);
    for (size_t i = 0; id && i < p->len; i++)
        if (p->lines[i].what == ITEM_FOLLOWUP && p->lines[i].id == id) {
            p->sel = i;
            break;
        }
    return id;
}

/* The note the cursor is on, or 0. */
static int64_t selected_note(const struct contact_page *p)
{
    return p->sel < p->len && p->lines[p->sel].what == ITEM_NOTE ? p->lines[p->sel].id : 0;
}

static bool contact_request(struct ui *ui, void *self, enum action act)
{
    struct contact_page *p = self;
    int page = p->height > 1 ? p->height - 1 : 1;
    switch (act) {
    case ACT_MOVE_DOWN:
        move_items(ui, p, 1);
        return true;
    case ACT_MOVE_UP:
        move_items(ui, p, -1);
        return true;
    case ACT_PAGE_DOWN:
    case ACT_PAGE_UP: {
        /* A page turns the view as well as the cursor (Space, as in a
         * pager), the cursor keeping its place on the screen as near as
         * an item allows. */
        long d = act == ACT_PAGE_DOWN ? page : -page;
        size_t row = p->sel >= p->top ? p->sel - p->top : 0;
        size_t last = p->len > (size_t)p->height ? p->len - (size_t)p->height : 0;
        long top = (long)p->top + d;
        p->top = top < 0 ? 0 : (size_t)top > last ? last : (size_t)top;
        size_t want = p->top + row < p->len ? p->top + row : p->len - 1;
        size_t at = item_near(p, want, 1);
        if (at >= p->top + (size_t)p->height || at == p->len)
            at = item_near(p, want, -1);
        if (at < p->len)
            p->sel = at;
        arrived(ui, p);
        return true;
    }
    case ACT_TOP:
        p->sel = 0;
        settle(p);
        return true;
    case ACT_BOTTOM:
        /* The last item, past the history without reading all of it. */
        if (p->len > 0 && item_near(p, p->len - 1, -1) < p->len)
            p->sel = item_near(p, p->len - 1, -1);
        arrived(ui, p);
        return true;
    case ACT_LEFT:
    case ACT_RIGHT:
        jump_section(ui, p, act == ACT_LEFT ? -1 : 1);
        return true;
    case ACT_EDIT:
        if (selected_note(p))
            ui_act_note_edit(ui, selected_note(p));
        else
            ui_contact_form_edit(ui, p->id);
        return true;
    case ACT_NOTE:
    case ACT_EDITOR:
        ui_act_note(ui, p->id, act == ACT_EDITOR);
        return true;
    case ACT_FOLLOWUP:
        ui_act_followup(ui, p->id);
        return true;
    case ACT_DONE:
    case ACT_SNOOZE: {
        int64_t fid = pick_followup(ui, p);
        if (fid && act == ACT_DONE)
            ui_act_done(ui, fid);
        else if (fid)
            ui_act_snooze(ui, fid);
        return true;
    }
    case ACT_PROMOTE:
    case ACT_DEMOTE:
        ui_act_stage(ui, p->id, act == ACT_PROMOTE, NULL);
        return true;
    case ACT_ARCHIVE:
        if (selected_note(p))
            ui_act_note_delete(ui, selected_note(p));
        else
            ui_act_archive(ui, p->id);
        return true;
    case ACT_FORGET:
        if (ui_act_forget(ui, p->id))
            ui_pop(ui);
        return true;
    case ACT_SCORE:
        ui_act_score(ui, p->id);
        return true;
    case ACT_PAUSE:
        ui_act_pause(ui, p->id);
        return true;
    default:
        return false;
    }
}

const struct ui_view ui_contact_view = {
    .name = N_("Contact"),
    .hints = contact_hints,
    .actions = contact_actions,
    .open = contact_open,
    .close = contact_close,
    .reload = contact_reload,
    .draw = contact_draw,
    .request = contact_request,
    .key = NULL,
};
