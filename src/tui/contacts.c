/* The Contacts screen (SPEC §3.3): every contact, filtered as you type
 * after / (name, organisation, email, tags, and note text through the
 * full-text index), sortable; A shows the archived ones instead (d
 * brings one back); in a team database w shows only the contacts I own
 * (as the Review's w, Gone quiet's rule) or the team's again; also
 * importing and exporting files. A
 * screen: uses tui/views.h (to open a contact), tui/act.h,
 * tui/source.h, tui/line.h (the filter), tui/prompt.h and below, and
 * io/ for the files. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "io/io.h"
#include "base/paths.h"
#include "core/stage.h"
#include "core/team.h"
#include "core/why.h"
#include "base/text.h"
#include "tui/act.h"
#include "tui/draw.h"
#include "tui/input.h"
#include "tui/line.h"
#include "tui/prompt.h"
#include "tui/source.h"
#include "tui/tagged.h"
#include "tui/views.h"
#include "store/contact.h"

/* Rows whose reason to match is kept: a screenful and more. */
#define WHY_MAX 128

struct contacts {
    struct ui_contact_query query;
    struct ui_list list;
    struct ui_line filter;
    char *text;                /* the filter as the store gets it */
    bool filtering;            /* keys go to the filter */
    bool stale;                /* the filter changed; the list not yet */
    int64_t count;             /* -1: not counted yet */
    bool count_capped;         /* count is COUNT_SHOWN + 1: "1000+" */
    struct ui_tags tags;       /* t marks rows, ; acts on them */
    bool mine;                 /* a team database: only the contacts I own */
    /* Why each shown row matched the filter (NULL: its name says so),
     * found once the list and its count are drawn. */
    struct {
        int64_t id;
        char *why;
    } why[WHY_MAX];
    size_t nwhy;
};

static const enum action contacts_actions[] = {
    ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_TOP, ACT_BOTTOM, ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_OPEN, ACT_SEARCH, ACT_SORT, ACT_NOTE, ACT_EDITOR,
    ACT_FOLLOWUP, ACT_PROMOTE, ACT_DEMOTE, ACT_EDIT, ACT_ARCHIVE, ACT_FORGET,
    ACT_IMPORT, ACT_EXPORT, ACT_ARCHIVED, ACT_BACK, ACT_TAG, ACT_TAGGED, ACT_TEAM,
    ACT_NONE
};

static const enum action contacts_hints[] = {
    ACT_SEARCH, ACT_SORT, ACT_OPEN, ACT_ADD, ACT_ARCHIVED, ACT_IMPORT, ACT_EXPORT,
    ACT_NONE
};

static const char *const sort_names[] = {
    [CONTACT_SORT_NAME] = N_("name"),
    [CONTACT_SORT_STAGE] = N_("stage"),
    [CONTACT_SORT_LAST_TOUCH] = N_("last contact"),
    [CONTACT_SORT_NEXT_DUE] = N_("next follow-up"),
};

/* A search is counted up to here: "1000+" says enough, and counting
 * every match of a common prefix would slow each keystroke. The whole
 * list is counted exactly, once. */
#define COUNT_SHOWN 1000

static void count(struct ui *ui, struct contacts *c)
{
    const char *text = c->query.filter.text;
    int64_t limit = text && *text ? COUNT_SHOWN : 0;
    if (store_contact_count(ui->st, &c->query.filter, limit, &c->count) != STORE_OK)
        c->count = 0;
    c->count_capped = limit > 0 && c->count > limit;
}

static void forget_why(struct contacts *c)
{
    for (size_t i = 0; i < c->nwhy; i++)
        free(c->why[i].why);
    c->nwhy = 0;
}

static void *contacts_open(struct ui *ui, int64_t arg)
{
    (void)arg;
    struct contacts *c = calloc(1, sizeof *c);
    if (!c)
        abort();
    c->query.filter.stage = STAGE_NONE;
    c->query.sort = CONTACT_SORT_NAME;
    ui_line_init(&c->filter, NULL);
    ui_list_init(&c->list, &ui_contact_source, &c->query);
    c->list.tags = &c->tags;
    c->list.tag_kind = UI_TAG_CONTACT;
    ui_list_load(ui, &c->list);
    /* Counted once the first screen is drawn: the list comes first. */
    c->count = -1;
    return c;
}

static void contacts_close(void *self)
{
    struct contacts *c = self;
    ui_list_free(&c->list);
    ui_tags_free(&c->tags);
    ui_line_free(&c->filter);
    forget_why(c);
    free(c->text);
    free(c);
}


static bool why_known(const struct contacts *c, int64_t id, const char **why)
{
    for (size_t i = 0; i < c->nwhy; i++) {
        if (c->why[i].id == id) {
            *why = c->why[i].why;
            return true;
        }
    }
    return false;
}

/* Finds why one more shown row matched; false when every shown row's
 * reason is known (or there is no filter). */
static bool find_why(struct ui *ui, struct contacts *c)
{
    if (!c->text || !*c->text || c->nwhy == WHY_MAX)
        return false;
    const struct ui_list *l = &c->list;
    size_t end = l->top + (size_t)(l->height > 0 ? l->height : 0);
    for (size_t i = l->top; i < end && i < l->len; i++) {
        int64_t id = l->src->id(l->rows + i * l->src->row_size);
        const char *why;
        if (why_known(c, id, &why))
            continue;
        c->why[c->nwhy].id = id;
        c->why[c->nwhy++].why = contact_why(ui->st, id, c->text);
        return true;
    }
    return false;
}

static void contacts_reload(struct ui *ui, void *self)
{
    struct contacts *c = self;
    forget_why(c);
    ui_list_reload(ui, &c->list);
    count(ui, c);
}

/* True when more keys are already waiting: a fast typist's filter is
 * applied once, after the last of them. */
static bool typing_ahead(void)
{
    return ui_key_waiting();
}

static void apply_filter(struct ui *ui, struct contacts *c)
{
    c->stale = false;
    char *text = ui_line_text(&c->filter);
    text_trim(text);
    if (c->text && strcmp(c->text, text) == 0) {
        free(text);
        return;
    }
    free(c->text);
    c->text = text;
    c->query.filter.text = *text ? text : NULL;
    forget_why(c);
    ui_list_load(ui, &c->list);
    /* Counting a search costs as much as its window; it waits until
     * the typing pauses, so each keystroke pays for one query. */
    c->count = -1;
}

static bool contacts_idle(struct ui *ui, void *self)
{
    struct contacts *c = self;
    if (c->stale) {
        apply_filter(ui, c);
        return true;
    }
    if (c->count >= 0)
        return find_why(ui, c);
    count(ui, c);
    return true;
}

static void draw_row(struct ui *ui, const void *row, int y, int x, int cols,
                     int attr)
{
    const struct contact *c = row;
    /* While filtering, the organisation's column says why the row
     * matched when its name does not: "phone: …", "note: …". This
     * screen draws only as the top view. */
    const struct contacts *view = ui_top_self(ui);
    const char *why = NULL;
    if (!view || !view->text || !*view->text || !why_known(view, c->id, &why))
        why = NULL;
    int stagew = 10, datew = cols >= 70 ? ui_date_width(ui) + 1 : 0;
    int rest = cols - stagew - 2 * datew;
    int namew = rest / 2 + 2, orgw = rest - namew;
    /* Each column is cut one short so that a space always separates
     * it from the next. */
    ui_put(y, x, cols, "", attr);
    ui_put(y, x, namew - 1, c->name, attr);
    ui_put(y, x + namew, stagew - 1, stage_label(c->stage), attr);
    ui_put(y, x + namew + stagew, orgw - 1, why ? why : c->org ? c->org : "",
           why && !attr ? ui->attr[UI_MUTED] : attr);
    if (datew) {
        char day[64];
        ui_date(ui, date_from_time(c->last_touch), day, sizeof day);
        ui_put(y, x + namew + stagew + orgw, datew - 1, day,
               attr ? attr : ui->attr[UI_MUTED]);
        ui_date(ui, c->next_due, day, sizeof day);
        ui_put(y, x + namew + stagew + orgw + datew, datew - 1, day, attr);
    }
}

/* The status line's word on whose contacts are shown, with the key
 * that switches (only in a team database). */
static void say_scope(struct ui *ui, const struct contacts *c)
{
    const char *me = team_me(ui->app);
    if (!me)
        return;
    char key[32];
    keys_first_name(&ui->keys, ACT_TEAM, key, sizeof key);
    char *who = text_sanitize(me, false);
    if (c->mine)
        /* TRANSLATORS: the status line: my login, the key for the team's. */
        snprintf(ui->scope, sizeof ui->scope, _("%s's contacts (%s: the team's)"),
                 who ? who : "", key);
    else
        /* TRANSLATORS: the status line; then the key that shows mine. */
        snprintf(ui->scope, sizeof ui->scope, _("the team's contacts (%s: mine)"), key);
    free(who);
}

static void contacts_draw(struct ui *ui, void *self, int top, int height)
{
    struct contacts *c = self;
    if (c->stale && !typing_ahead())
        apply_filter(ui, c);
    say_scope(ui, c);
    char buf[256];
    /* The archived ones are a list of their own, said in the header. */
    bool archived = c->query.filter.only_archived;
    if (c->count < 0)
        snprintf(buf, sizeof buf, archived ? _("Archived contacts (…), by %s")
                                           : _("Contacts (…), by %s"),
                 _(sort_names[c->query.sort]));
    else if (c->count_capped)
        snprintf(buf, sizeof buf, archived ? _("Archived contacts (%lld+), by %s")
                                           : _("Contacts (%lld+), by %s"),
                 (long long)COUNT_SHOWN, _(sort_names[c->query.sort]));
    else
        snprintf(buf, sizeof buf, archived ? _("Archived contacts (%lld), by %s")
                                           : _("Contacts (%lld), by %s"),
                 (long long)c->count, _(sort_names[c->query.sort]));
    int w = text_width(buf) + 2;
    ui_put(top, 0, w, buf, ui->attr[UI_HEADER]);
    int fx = w;
    const char *label = _("Filter: ");
    int lw = text_width(label);
    if (c->filtering || c->filter.len > 0) {
        ui_put(top, fx, lw, label, ui->attr[UI_HEADER]);
        ui_line_draw(&c->filter, top, fx + lw, COLS - fx - lw,
                     c->filtering ? (int)A_UNDERLINE : 0, false);
    } else {
        ui_put(top, fx, COLS - fx, "", 0);
    }
    int stagew = 10, datew = COLS - 1 >= 70 ? ui_date_width(ui) + 1 : 0;
    int rest = COLS - 1 - stagew - 2 * datew;
    int namew = rest / 2 + 2, orgw = rest - namew;
    int y = top + 1;
    ui_put(y, 1, namew, _("Name"), ui->attr[UI_MUTED]);
    ui_put(y, 1 + namew, stagew, _("Stage"), ui->attr[UI_MUTED]);
    ui_put(y, 1 + namew + stagew, orgw, _("Organisation"), ui->attr[UI_MUTED]);
    if (datew) {
        ui_put(y, 1 + namew + stagew + orgw, datew, _("Last"),
               ui->attr[UI_MUTED]);
        ui_put(y, 1 + namew + stagew + orgw + datew, datew, _("Next"),
               ui->attr[UI_MUTED]);
    }
    char add[32], none[128];
    keys_first_name(&ui->keys, archived ? ACT_ARCHIVED : ACT_ADD, add, sizeof add);
    if (archived)
        /* TRANSLATORS: %s is the key that shows the other contacts. */
        snprintf(none, sizeof none, _("Nobody is archived; %s shows the others."), add);
    else
        /* TRANSLATORS: %s is the key that adds a contact. */
        snprintf(none, sizeof none, _("No contacts yet; %s adds one."), add);
    ui_list_draw(ui, &c->list, top + 2, 1, COLS - 1, height - 2, true,
                 c->text && *c->text ? _("No contact matches.") : none,
                 draw_row);
    if (c->filtering) {
        ui_line_draw(&c->filter, top, fx + lw, COLS - fx - lw,
                     (int)A_UNDERLINE, true);
        getyx(stdscr, ui->cursor_y, ui->cursor_x);
        ui->cursor = true;
    }
}

static bool import_one(struct ui *ui, char *path);

/* Asks for a file until one works; a refusal (no such file, an
 * unknown format) keeps the prompt and the path, only Esc leaves. */
static void import_file(struct ui *ui)
{
    char *path = NULL;
    for (;;) {
        char *answer = NULL;
        if (!ui_prompt_complete(ui, _("Import file (CSV, vCard, iCalendar):"), path,
                                UI_COMPLETE_FILE,
                       &answer))
            break;
        free(path);
        path = answer;
        if (import_one(ui, path))
            break;
        ui_repaint(ui);
    }
    free(path);
}

static bool import_one(struct ui *ui, char *path)
{
    text_trim(path);
    char *full = paths_expand_home(path);
    struct io_summary sum;
    memset(&sum, 0, sizeof sum);
    enum store_status rc = io_import_file(ui->st, full ? full : path,
                                          IO_FORMAT_GUESS, 0, NULL, &sum);
    if (rc == STORE_OK) {
        char *first = sum.messages.len
                          ? text_sanitize(sum.messages.items[0], false) : NULL;
        int skipped = sum.skipped_done + sum.skipped_cancelled + sum.skipped_past;
        /* A calendar's items done, cancelled or over are counted too,
         * so that the line adds up to the file. */
        if (skipped > 0)
            ui_message(ui, sum.rejected > 0,
                       _("Imported: %d added, %d merged, %d unchanged, %d skipped, %d rejected%s%s"),
                       sum.added, sum.merged, sum.unchanged, skipped, sum.rejected,
                       first ? "; " : "", first ? first : "");
        else
            ui_message(ui, sum.rejected > 0,
                       _("Imported: %d added, %d merged, %d unchanged, %d rejected%s%s"),
                       sum.added, sum.merged, sum.unchanged, sum.rejected, first ? "; " : "",
                       first ? first : "");
        free(first);
        ui->dirty = true;
    } else {
        ui_store_error(ui);
    }
    io_summary_clear(&sum);
    free(full);
    return rc == STORE_OK;
}

static bool export_one(struct ui *ui, char *path)
{
    text_trim(path);
    char *full = paths_expand_home(path);
    struct io_summary sum;
    memset(&sum, 0, sizeof sum);
    enum store_status rc = io_export_file(ui->st, full ? full : path,
                                          IO_FORMAT_GUESS, IO_VCARD_VERSION,
                                          &sum);
    if (rc == STORE_OK) {
        char *clean = text_sanitize(full ? full : path, false);
        ui_message(ui, false, _("Exported %d records to %s."), sum.written,
                   clean);
        free(clean);
    } else {
        ui_store_error(ui);
    }
    io_summary_clear(&sum);
    free(full);
    return rc == STORE_OK;
}

/* As import_file: a refused path keeps the prompt. */
static void export_file(struct ui *ui)
{
    char *path = NULL;
    for (;;) {
        char *answer = NULL;
        if (!ui_prompt_complete(ui, _("Export to (.csv, .vcf, .ics, .json):"), path,
                                UI_COMPLETE_FILE,
                       &answer))
            break;
        free(path);
        path = answer;
        if (export_one(ui, path))
            break;
        ui_repaint(ui);
    }
    free(path);
}

static bool contacts_key(struct ui *ui, void *self, int key)
{
    struct contacts *c = self;
    if (!c->filtering) {
        /* Esc first clears a filter, then goes back: a key of back that
         * also cancels does (Esc), one that only goes back (q) does not. */
        if (c->filter.len > 0 && keys_bound(&ui->keys, ACT_BACK, key)
            && keys_bound(&ui->keys, ACT_CANCEL, key)) {
            ui_line_free(&c->filter);
            ui_line_init(&c->filter, NULL);
            apply_filter(ui, c);
            return true;
        }
        return false;
    }
    if (keys_bound(&ui->keys, ACT_CANCEL, key)) {
        ui_line_free(&c->filter);
        ui_line_init(&c->filter, NULL);
        c->filtering = false;
        apply_filter(ui, c);
        return true;
    }
    if (key == KEYS_RESIZE || key == KEYS_NONE)
        return true;
    if (ui_line_key(&c->filter, key)) {
        if (typing_ahead())
            c->stale = true;
        else
            apply_filter(ui, c);
        return true;
    }
    /* A key that types nothing works as on the list, through the keymap:
     * open ends the filter and opens the contact; the others (move_down's
     * <Down>, page_down, help) fall through to the usual dispatch. */
    if (keys_bound(&ui->keys, ACT_OPEN, key)) {
        c->filtering = false;
        int64_t id = ui_list_selected_id(&c->list);
        if (id)
            ui_push(ui, &ui_contact_view, id);
        return true;
    }
    return false;
}

static bool contacts_request(struct ui *ui, void *self, enum action act)
{
    struct contacts *c = self;
    struct ui_list *l = &c->list;
    if (ui_list_request(ui, l, act))
        return true;
    switch (act) {
    case ACT_SEARCH:
        c->filtering = true;
        c->filter.cur = c->filter.len;
        return true;
    case ACT_SORT:
        c->query.sort = (enum contact_sort)((c->query.sort + 1)
                                            % (CONTACT_SORT_NEXT_DUE + 1));
        ui_list_load(ui, l);
        return true;
    case ACT_ARCHIVED: {
        /* The archived contacts, to read or bring back (d), or the
         * others again. */
        c->query.filter.only_archived = !c->query.filter.only_archived;
        ui_list_load(ui, l);
        count(ui, c);
        char key[32];
        keys_first_name(&ui->keys, ACT_ARCHIVE, key, sizeof key);
        if (c->query.filter.only_archived)
            /* TRANSLATORS: %s is the key that brings a contact back. */
            ui_message(ui, false, _("Archived contacts: %s brings one back."), key);
        else
            ui_message(ui, false, _("Active contacts."));
        return true;
    }
    case ACT_TEAM:
        if (!team_me(ui->app)) {
            ui_message(ui, false, _("Not a team database: every contact is shown."));
            return true;
        }
        /* The status line says whose contacts they are now. */
        c->mine = !c->mine;
        c->query.filter.owner = c->mine ? team_me(ui->app) : NULL;
        ui_list_load(ui, l);
        count(ui, c);
        return true;
    case ACT_IMPORT:
        import_file(ui);
        return true;
    case ACT_EXPORT:
        export_file(ui);
        return true;
    case ACT_BACK:
        return false;
    case ACT_TAGGED:
        ui_tagged_act(ui, &c->tags);
        return true;
    default:
        break;
    }
    int64_t id = ui_list_selected_id(l);
    if (!id) {
        ui_message(ui, false, _("Nobody selected."));
        return true;
    }
    if (act == ACT_TAG) {
        bool on = ui_tags_toggle(&c->tags, UI_TAG_CONTACT, id, id);
        ui_message(ui, false, on ? _("Tagged (%zu).") : _("Untagged (%zu)."),
                   c->tags.len);
        ui_list_move(ui, l, 1);
        return true;
    }
    if (act == ACT_OPEN) {
        ui_push(ui, &ui_contact_view, id);
        return true;
    }
    return ui_act_on_contact(ui, act, id);
}

const struct ui_view ui_contacts_view = {
    .name = N_("Contacts"),
    .hints = contacts_hints,
    .actions = contacts_actions,
    .open = contacts_open,
    .close = contacts_close,
    .reload = contacts_reload,
    .draw = contacts_draw,
    .request = contacts_request,
    .key = contacts_key,
    .idle = contacts_idle,
};
