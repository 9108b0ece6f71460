/* The top of the TUI: the main loop (a key goes to the top screen's
 * key callback, then through the keymap to its request callback, then
 * to the actions every screen has), the frame around the screens (the
 * title with its tabs and the status line), live refresh when another
 * process commits or the day turns, and starting and ending curses.
 * Uses everything below it in tui/ (the order is in ui.h). */
#include <config.h>

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "tui/act.h"
#include "tui/color.h"
#include "tui/contact_form.h"
#include "tui/draw.h"
#include "tui/help.h"
#include "tui/input.h"
#include "tui/shell.h"
#include "tui/ui.h"
#include "tui/views.h"

#define MIN_COLS 40
#define MIN_LINES 12

/* Actions every screen has; a screen's own table is searched first. */
static const enum action global_actions[] = {
    ACT_HELP, ACT_BACK, ACT_REVIEW, ACT_PIPELINE, ACT_CONTACTS,
    ACT_ORGANISATIONS, ACT_REPORTS, ACT_SEARCH,
    ACT_ADD, ACT_UNDO, ACT_REDO, ACT_REDRAW, ACT_SUSPEND, ACT_SHELL, ACT_NONE
};

static bool too_small(void)
{
    return COLS < MIN_COLS || LINES < MIN_LINES;
}

static void draw_title(struct ui *ui)
{
    static const struct {
        enum action act;
        const struct ui_view *view;
    } tabs[] = {
        { ACT_REVIEW, &ui_review_view },
        { ACT_PIPELINE, &ui_pipeline_view },
        { ACT_CONTACTS, &ui_contacts_view },
        { ACT_ORGANISATIONS, &ui_organisations_view },
        { ACT_REPORTS, &ui_reports_view },
    };
    enum { TABS = sizeof tabs / sizeof tabs[0] };
    ui_put(0, 0, COLS, "", ui->attr[UI_TITLE]);
    char label[TABS][128];
    int need = 0;
    for (size_t i = 0; i < TABS; i++) {
        char key[32];
        keys_name(ui->keys.keys[tabs[i].act][0], key, sizeof key);
        snprintf(label[i], sizeof label[i], " %s %s ", key,
                 _(tabs[i].view->name));
        need += text_width(label[i]);
    }
    /* Every tab stays in view: at 40 columns the name goes first. */
    const char *brand = " rapport ";
    int x = 0;
    if (need + text_width(brand) <= COLS) {
        ui_put(0, 0, text_width(brand), brand, ui->attr[UI_TITLE]);
        x = text_width(brand);
    }
    for (size_t i = 0; i < TABS; i++) {
        int w = text_width(label[i]);
        if (x + w > COLS)
            w = COLS - x;
        if (w <= 0)
            break;
        bool current = false;
        for (int d = 0; d < ui->depth; d++)
            current = current || ui->stack[d].view == tabs[i].view;
        int attr = ui->attr[UI_TITLE];
        if (current)
            attr = (attr | (int)A_REVERSE) & ~(int)A_DIM;
        ui_put(0, x, w, label[i], attr);
        x += w;
    }
}

static void draw_status(struct ui *ui)
{
    char buf[2048];
    const struct ui_view *view = ui_top_view(ui);
    int y = LINES - 1;
    if (ui->message[0]) {
        snprintf(buf, sizeof buf, " %s ", ui->message);
        ui_put(y, 0, COLS, buf,
               ui->message_error ? ui->attr[UI_ERROR] : ui->attr[UI_STATUS]);
        return;
    }
    /* Hints come from the bindings, so a remapped key shows as such. */
    char hints[512] = "";
    size_t used = 0;
    for (const enum action *a = view->hints; *a != ACT_NONE; a++) {
        if (ui->keys.keys[*a][0] == KEYS_NONE)
            continue;
        char key[32];
        keys_name(ui->keys.keys[*a][0], key, sizeof key);
        int n = snprintf(hints + used, sizeof hints - used, "%s%s %s",
                         used ? "  " : "", key, keys_action_hint(*a));
        if (n < 0 || (size_t)n >= sizeof hints - used)
            break;
        used += (size_t)n;
    }
    char help[32];
    keys_name(ui->keys.keys[ACT_HELP][0], help, sizeof help);
    char head[384], tail[1024];
    snprintf(head, sizeof head, " %s%s%s | %s", _(view->name),
             ui->scope[0] ? ": " : "", ui->scope,
             store_read_only(ui->st) ? _("read-only | ") : "");
    snprintf(tail, sizeof tail, "%s %s  %s", help, _("help"), hints);
    /* The key hints matter more than the path: the path is shortened
     * first (its start cut), and left out below 8 columns. */
    int pathw = COLS - text_width(head) - text_width(tail) - 3;
    char path[512];
    const char *db = store_path(ui->st);
    if (pathw < 8)
        snprintf(path, sizeof path, "%s", "");
    else if (text_width(db) > pathw)
        snprintf(path, sizeof path, "…%s", db + strlen(db) - (size_t)(pathw - 1));
    else
        snprintf(path, sizeof path, "%s", db);
    snprintf(buf, sizeof buf, "%s%s%s%s", head, path, path[0] ? " | " : "",
             tail);
    ui_put(y, 0, COLS, buf, ui->attr[UI_STATUS]);
}

static void draw_screen(struct ui *ui)
{
    erase();
    if (too_small()) {
        char buf[128];
        snprintf(buf, sizeof buf, _("Too small: rapport needs %dx%d"),
                 MIN_COLS, MIN_LINES);
        ui_put(LINES / 2, 0, COLS, buf, ui->attr[UI_ERROR]);
        refresh();
        return;
    }
    if (ui->depth == 0)
        return;
    draw_title(ui);
    ui->cursor = false;
    ui->scope[0] = '\0';
    ui_top_view(ui)->draw(ui, ui_top_self(ui), 1, LINES - 2);
    draw_status(ui);
    if (ui->cursor) {
        move(ui->cursor_y, ui->cursor_x);
        curs_set(1);
    } else {
        curs_set(0);
    }
    refresh();
}

/* Back, from the key that asked: at the top, q quits and Esc stays,
 * so that one Esc too many (a vim reflex) never ends the session. A
 * key that also cancels is an Esc. */
static void go_back(struct ui *ui, int key)
{
    if (ui->depth > 1 || !keys_bound(&ui->keys, ACT_CANCEL, key)) {
        ui_pop(ui);
        return;
    }
    char quit[32] = "";
    for (int i = 0; i < KEYS_PER_ACTION; i++) {
        int k = ui->keys.keys[ACT_BACK][i];
        if (k != KEYS_NONE && !keys_bound(&ui->keys, ACT_CANCEL, k)) {
            keys_name(k, quit, sizeof quit);
            break;
        }
    }
    if (quit[0])
        ui_message(ui, false, _("This is the top screen; %s quits."), quit);
}

/* Actions that change the database: refused at once on a read-only
 * one, before anything is asked or typed. */
static bool writes(enum action act)
{
    switch (act) {
    case ACT_ADD: case ACT_EDIT: case ACT_NOTE: case ACT_FOLLOWUP:
    case ACT_DONE: case ACT_SNOOZE: case ACT_PROMOTE: case ACT_DEMOTE:
    case ACT_ARCHIVE: case ACT_FORGET: case ACT_UNDO: case ACT_EDITOR:
    case ACT_IMPORT: case ACT_TAGGED: case ACT_REDO: case ACT_SCORE: case ACT_PAUSE:
    case ACT_DISMISS:
        return true;
    default:
        return false;
    }
}

static void global_request(struct ui *ui, enum action act, int key)
{
    switch (act) {
    case ACT_HELP:
        ui_help_show(ui, global_actions);
        break;
    case ACT_BACK:
        go_back(ui, key);
        break;
    case ACT_REVIEW:
        ui_switch(ui, &ui_review_view);
        break;
    case ACT_PIPELINE:
        ui_switch(ui, &ui_pipeline_view);
        break;
    case ACT_CONTACTS:
        ui_switch(ui, &ui_contacts_view);
        break;
    case ACT_ORGANISATIONS:
        ui_switch(ui, &ui_organisations_view);
        break;
    case ACT_REPORTS:
        ui_switch(ui, &ui_reports_view);
        break;
    case ACT_SEARCH:
        ui_switch(ui, &ui_contacts_view);
        ui_top_view(ui)->request(ui, ui_top_self(ui), ACT_SEARCH);
        break;
    case ACT_ADD: {
        int64_t id = ui_contact_form_add(ui);
        if (id > 0)
            ui_push(ui, &ui_contact_view, id);
        break;
    }
    case ACT_UNDO:
        ui_act_undo(ui);
        break;
    case ACT_REDO:
        ui_act_redo(ui);
        break;
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        ui->dirty = true;
        break;
    case ACT_SUSPEND:
        ui_suspend();
        ui->dirty = true;
        break;
    case ACT_SHELL:
        ui_shell(ui);
        break;
    default:
        break;
    }
}

static void dispatch(struct ui *ui, int key)
{
    const struct ui_view *view = ui_top_view(ui);
    void *self = ui_top_self(ui);
    if (too_small()) {
        if (keys_bound(&ui->keys, ACT_BACK, key))
            go_back(ui, key);
        return;
    }
    if (view->key && view->key(ui, self, key))
        return;
    if (key == KEYS_PASTE) {
        /* Pasted text on a list is no command: none of it runs. */
        ui_message(ui, false, _("Pasted text ignored: no field is open here."));
        return;
    }
    enum action act = keys_lookup(&ui->keys, view->actions, key);
    bool own = act != ACT_NONE;
    if (!own)
        act = keys_lookup(&ui->keys, global_actions, key);
    if (writes(act) && store_read_only(ui->st)) {
        ui_message(ui, true, _("Read-only: “%s” would change the database."),
                   keys_action_help(act));
        return;
    }
    if (own && view->request(ui, self, act))
        return;
    if (act != ACT_NONE) {
        global_request(ui, act, key);
        return;
    }
    char name[32], help[32];
    keys_name(key, name, sizeof name);
    keys_name(ui->keys.keys[ACT_HELP][0], help, sizeof help);
    ui_message(ui, false, _("%s does nothing here; %s lists the keys"), name,
               help);
}

/* Another process's commit, or midnight: either changes what the
 * screens show (Today becomes Overdue at the turn of the day). */
static void check_other_writers(struct ui *ui)
{
    int64_t version = store_data_version(ui->st);
    if (version != ui->data_version) {
        ui->data_version = version;
        ui->dirty = true;
        /* A colleague's first write makes the rows name their authors. */
        if (ui->app->authors == 1)
            ui->app->authors = 0;
    }
    struct date today = date_from_time(ui_now());
    if (date_compare(today, ui->today) != 0) {
        ui->today = today;
        ui->dirty = true;
    }
}

static const struct ui_view *start_view(const struct app *app)
{
    const char *start = app->cfg.start_screen;
    if (start && strcasecmp(start, "pipeline") == 0)
        return &ui_pipeline_view;
    if (start && strcasecmp(start, "contacts") == 0)
        return &ui_contacts_view;
    if (start && strcasecmp(start, "organisations") == 0)
        return &ui_organisations_view;
    if (start && strcasecmp(start, "reports") == 0)
        return &ui_reports_view;
    return &ui_review_view;
}

/* Starts curses on the terminal, or says why it cannot (no terminal, an
 * unknown TERM, one that cannot move the cursor) and returns NULL. */
static SCREEN *open_terminal(void)
{
    /* Wide characters need the user's locale; main() normally set it. */
    const char *ctype = setlocale(LC_CTYPE, NULL);
    if (!ctype || strcmp(ctype, "C") == 0)
        setlocale(LC_ALL, "");
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, _("rapport: the screens need a terminal; see rapport "
                          "--help for the commands\n"));
        return NULL;
    }
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (!screen) {
        const char *term = getenv("TERM");
        fprintf(stderr, _("rapport: cannot use the terminal \"%s\"; set TERM "
                          "to xterm, screen, tmux or vt100\n"),
                term ? term : "");
        return NULL;
    }
    /* A terminal that cannot place the cursor (TERM=dumb, an editor's
     * shell buffer) would get a screen of garbage. */
    const char *cup = tigetstr("cup");
    if (!cup || cup == (const char *)-1) {
        endwin();
        delscreen(screen);
        const char *term = getenv("TERM");
        fprintf(stderr, _("rapport: the terminal \"%s\" cannot move the cursor, so the "
                          "screens cannot be drawn; set TERM to xterm, screen, tmux or "
                          "vt100, or use the commands (rapport agenda, rapport --help)\n"),
                term ? term : "");
        return NULL;
    }
    return screen;
}

/* The session: keys and colours as configured, their problems on the
 * message line, and the full redraw the prompts below may ask for. */
static struct ui *new_session(struct app *app)
{
    struct ui *ui = calloc(1, sizeof *ui);
    if (!ui)
        abort();
    ui->app = app;
    ui->st = app->st;
    ui->repaint = draw_screen;
    keys_init(&ui->keys);
    struct strlist *warnings = &ui->config_warnings;
    keys_configure(&ui->keys, &app->cfg.keys, warnings);
    ui_color_setup(ui, warnings);
    if (warnings->len > 0) {
        char help[32];
        keys_first_name(&ui->keys, ACT_HELP, help, sizeof help);
        if (warnings->len > 1)
            /* TRANSLATORS: how many problems, the help key, the first. */
            ui_message(ui, true, _("%zu problems in the config (%s lists them): %s"),
                       warnings->len, help, warnings->items[0]);
        else
            ui_message(ui, true, "%s", warnings->items[0]);
    }
    ui->data_version = store_data_version(ui->st);
    ui->today = date_from_time(ui_now());
    return ui;
}

int ui_run(struct app *app)
{
    if (!app->st && app_open_store(app) != 0)
        return 1;
    SCREEN *screen = open_terminal();
    if (!screen)
        return 1;
    ui_input_start();
    ui_paste_mode(true);

    struct ui *ui = new_session(app);
    ui_push(ui, start_view(app), 0);

    bool clear_message = ui->message[0] != '\0';
    while (!ui->quit && !ui_stopping() && ui->depth > 0) {
        if (ui->dirty) {
            ui->dirty = false;
            ui_top_view(ui)->reload(ui, ui_top_self(ui));
            ui->data_version = store_data_version(ui->st);
        }
        draw_screen(ui);
        /* The screen is complete as soon as the typing stops: what a
         * view left for then is done at once when no key is waiting,
         * never after a fixed delay. */
        if (ui_top_view(ui)->idle && !ui_key_waiting()
            && ui_top_view(ui)->idle(ui, ui_top_self(ui)))
            continue;
        int key = ui_getkey(ui, 250);
        if (key == KEYS_NONE) {
            check_other_writers(ui);
            continue;
        }
        if (key == KEYS_RESIZE)
            continue;
        if (clear_message)
            ui->message[0] = '\0';
        dispatch(ui, key);
        /* A message stays until the key after the one that made it. */
        clear_message = ui->message[0] != '\0';
    }
    ui_close_all(ui);
    ui_paste_mode(false);
    endwin();
    delscreen(screen);
    strlist_clear(&ui->config_warnings);
    free(ui);
    return 0;
}
