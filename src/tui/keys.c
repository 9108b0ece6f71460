/* The action table, default bindings, and key names for the TUI: the
 * one source of keys that dispatch, the status line hints and the help
 * overlay read. The bottom of tui/: uses base/ only, and curses only
 * for the names of function keys. */
#include <config.h>

#include <ctype.h>
#include <limits.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "base/i18n.h"
#include "tui/keys.h"

#define F(k) (KEYS_FUNC | (k))

struct action_info {
    const char *name;          /* as written in [keys] */
    const char *help;          /* N_() */
    const char *hint;          /* NC_(): a word or two for the status line */
    int defaults[KEYS_PER_ACTION];
};

/* Unused default slots must be KEYS_NONE, so every row lists four. */
#define NO KEYS_NONE
/* TRANSLATORS: the "key hint" words follow a key on the status line
 * ("j down  n note"); keep them short. */
static const struct action_info actions[ACT_COUNT] = {
    [ACT_NONE] = { "", "", "", { NO, NO, NO, NO } },
    [ACT_MOVE_DOWN] = { "move_down", N_("Move down"), NC_("key hint", "down"), { 'j', F(KEY_DOWN), NO, NO } },
    [ACT_MOVE_UP] = { "move_up", N_("Move up"), NC_("key hint", "up"), { 'k', F(KEY_UP), NO, NO } },
    [ACT_LEFT] = { "left", N_("Previous column or section"), NC_("key hint", "left"), { 'h', F(KEY_LEFT), NO, NO } },
    [ACT_RIGHT] = { "right", N_("Next column or section"), NC_("key hint", "right"), { 'l', F(KEY_RIGHT), NO, NO } },
    [ACT_TOP] = { "top", N_("Go to the top"), NC_("key hint", "top"), { 'g', F(KEY_HOME), NO, NO } },
    [ACT_BOTTOM] = { "bottom", N_("Go to the bottom"), NC_("key hint", "bottom"), { 'G', F(KEY_END), NO, NO } },
    [ACT_PAGE_UP] = { "page_up", N_("Page up"), NC_("key hint", "page up"), { F(KEY_PPAGE), KEYS_CTRL('b'), NO, NO } },
    [ACT_PAGE_DOWN] = { "page_down", N_("Page down"), NC_("key hint", "page down"), { F(KEY_NPAGE), KEYS_CTRL('f'), ' ', NO } },
    [ACT_OPEN] = { "open", N_("Open the contact"), NC_("key hint", "open"), { KEYS_ENTER, NO, NO, NO } },
    [ACT_BACK] = { "back", N_("Back; at the top, quit (Esc never quits)"), NC_("key hint", "back"), { 'q', KEYS_ESC, NO, NO } },
    [ACT_HELP] = { "help", N_("This help"), NC_("key hint", "help"), { '?', F(KEY_F(1)), NO, NO } },
    [ACT_REVIEW] = { "review", N_("Review screen"), NC_("key hint", "review"), { '1', 'R', NO, NO } },
    [ACT_PIPELINE] = { "pipeline", N_("Pipeline screen"), NC_("key hint", "pipeline"), { '2', 'P', NO, NO } },
    [ACT_CONTACTS] = { "contacts", N_("Contacts screen"), NC_("key hint", "contacts"), { '3', 'C', NO, NO } },
    [ACT_ORGANISATIONS] = { "organisations", N_("Organisations screen"), NC_("key hint", "organisations"), { '4', 'O', NO, NO } },
    [ACT_REPORTS] = { "reports", N_("Reports screen"), NC_("key hint", "reports"), { '5', 'T', NO, NO } },
    [ACT_SEARCH] = { "search", N_("Filter as you type"), NC_("key hint", "search"), { '/', NO, NO, NO } },
    [ACT_ADD] = { "add", N_("Add a contact"), NC_("key hint", "add"), { 'a', NO, NO, NO } },
    [ACT_EDIT] = { "edit", N_("Edit the contact; on a note of its page, the note"), NC_("key hint", "edit"), { 'e', NO, NO, NO } },
    [ACT_NOTE] = { "note", N_("Write a note"), NC_("key hint", "note"), { 'n', NO, NO, NO } },
    [ACT_FOLLOWUP] = { "followup", N_("Add a follow-up"), NC_("key hint", "follow-up"), { 'f', NO, NO, NO } },
    [ACT_DONE] = { "done", N_("Mark the follow-up done"), NC_("key hint", "done"), { 'x', NO, NO, NO } },
    [ACT_SNOOZE] = { "snooze", N_("Snooze the follow-up"), NC_("key hint", "snooze"), { 's', NO, NO, NO } },
    [ACT_PROMOTE] = { "promote", N_("Promote one stage"), NC_("key hint", "promote"), { '>', NO, NO, NO } },
    [ACT_DEMOTE] = { "demote", N_("Demote one stage"), NC_("key hint", "demote"), { '<', NO, NO, NO } },
    [ACT_ARCHIVE] = { "archive", N_("Archive the contact or bring it back; on a note, delete the note"), NC_("key hint", "archive"), { 'd', NO, NO, NO } },
    [ACT_FORGET] = { "forget", N_("Forget the contact (erase)"), NC_("key hint", "forget"), { 'D', NO, NO, NO } },
    [ACT_UNDO] = { "undo", N_("Undo the last change"), NC_("key hint", "undo"), { 'u', NO, NO, NO } },
    [ACT_REDRAW] = { "redraw", N_("Redraw the screen"), NC_("key hint", "redraw"), { KEYS_CTRL('l'), NO, NO, NO } },
    [ACT_SUSPEND] = { "suspend", N_("Suspend to the shell (fg comes back)"), NC_("key hint", "suspend"), { KEYS_CTRL('z'), NO, NO, NO } },
    [ACT_EDITOR] = { "editor", N_("Write a note in $VISUAL/$EDITOR"), NC_("key hint", "editor"), { 'E', NO, NO, NO } },
    [ACT_SORT] = { "sort", N_("Change the sort order"), NC_("key hint", "sort"), { 'o', NO, NO, NO } },
    [ACT_IMPORT] = { "import", N_("Import a file"), NC_("key hint", "import"), { 'i', NO, NO, NO } },
    [ACT_EXPORT] = { "export", N_("Export to a file"), NC_("key hint", "export"), { 'X', NO, NO, NO } },
    [ACT_PERIOD] = { "period", N_("Change the period"), NC_("key hint", "period"), { 'p', NO, NO, NO } },
    [ACT_PERIOD_PREV] = { "period_prev", N_("The period before"), NC_("key hint", "earlier"), { '[', NO, NO, NO } },
    [ACT_PERIOD_NEXT] = { "period_next", N_("The period after"), NC_("key hint", "later"), { ']', NO, NO, NO } },
    [ACT_DISMISS] = { "dismiss", N_("Dismiss the suggestion to move up"), NC_("key hint", "dismiss"), { 'z', NO, NO, NO } },
    [ACT_TEAM] = { "team", N_("In a team database: my work or the whole team's"), NC_("key hint", "team"), { 'w', NO, NO, NO } },
    [ACT_BY] = { "by", N_("Only the follow-ups one member scheduled, or everyone's again"), NC_("key hint", "by"), { 'W', NO, NO, NO } },
    [ACT_SHELL] = { "shell", N_("Run a shell command (a key comes back)"), NC_("key hint", "shell"), { '!', NO, NO, NO } },
    [ACT_TAG] = { "tag", N_("Tag or untag the row"), NC_("key hint", "tag"), { 't', NO, NO, NO } },
    [ACT_TAGGED] = { "tagged", N_("Act on every tagged row: done, snooze, stage or archive (the next key)"), NC_("key hint", "on tagged"), { ';', NO, NO, NO } },
    [ACT_REDO] = { "redo", N_("Redo the change undone last"), NC_("key hint", "redo"), { KEYS_CTRL('r'), NO, NO, NO } },
    [ACT_SCORE] = { "score", N_("Record a satisfaction score (0-10)"), NC_("key hint", "score"), { 'S', NO, NO, NO } },
    [ACT_PAUSE] = { "pause", N_("Pause the contact's cadence until a day"), NC_("key hint", "pause"), { 'p', NO, NO, NO } },
    [ACT_ARCHIVED] = { "archived", N_("Show the archived contacts, or the others again"), NC_("key hint", "archived"), { 'A', NO, NO, NO } },
    [ACT_SAVE] = { "save", N_("Save the form or the note"), NC_("key hint", "save"), { KEYS_CTRL('s'), NO, NO, NO } },
    [ACT_CANCEL] = { "cancel", N_("Cancel the form, the note or the question"), NC_("key hint", "cancel"), { KEYS_ESC, KEYS_CTRL('g'), NO, NO } },
    [ACT_NEXT_FIELD] = { "next_field", N_("Next field of the form"), NC_("key hint", "next field"), { '\t', F(KEY_DOWN), NO, NO } },
    [ACT_PREV_FIELD] = { "prev_field", N_("Previous field of the form"), NC_("key hint", "previous field"), { F(KEY_BTAB), F(KEY_UP), NO, NO } },
    [ACT_NEXT_KIND] = { "note_kind", N_("Next kind of note (call, meeting, …)"), NC_("key hint", "kind"), { KEYS_CTRL('t'), NO, NO, NO } },
};

/* Actions of the editing group share keys with typing, not with the
 * screens; a clash matters only within a group. */
static bool editing_action(int act)
{
    return act >= ACT_SAVE && act < ACT_COUNT;
}
#undef NO

struct key_name {
    const char *name;
    int key;
};

/* Names accepted in the config and shown in help; the first name of a
 * key is the one shown. */
static const struct key_name key_names[] = {
    { "Enter", KEYS_ENTER }, { "Return", KEYS_ENTER }, { "Esc", KEYS_ESC },
    { "Escape", KEYS_ESC }, { "Tab", '\t' }, { "S-Tab", F(KEY_BTAB) },
    { "Space", ' ' }, { "Up", F(KEY_UP) }, { "Down", F(KEY_DOWN) },
    { "Left", F(KEY_LEFT) }, { "Right", F(KEY_RIGHT) },
    { "Home", F(KEY_HOME) }, { "End", F(KEY_END) },
    { "PgUp", F(KEY_PPAGE) }, { "PageUp", F(KEY_PPAGE) },
    { "PgDn", F(KEY_NPAGE) }, { "PageDown", F(KEY_NPAGE) },
    { "Backspace", F(KEY_BACKSPACE) }, { "Del", F(KEY_DC) },
    { "Delete", F(KEY_DC) }, { "Ins", F(KEY_IC) }, { "Insert", F(KEY_IC) },
    { "lt", '<' }, { "gt", '>' },
    /* In the config a ; would start a comment. */
    { "semicolon", ';' },
};

const char *keys_action_name(enum action act)
{
    return act > ACT_NONE && act < ACT_COUNT ? actions[act].name : "";
}

const char *keys_action_hint(enum action act)
{
    return act > ACT_NONE && act < ACT_COUNT ? C_(actions[act].hint) : "";
}

const char *keys_action_help(enum action act)
{
    return act > ACT_NONE && act < ACT_COUNT ? _(actions[act].help) : "";
}

void keys_init(struct keymap *map)
{
    for (int a = 0; a < ACT_COUNT; a++)
        for (int i = 0; i < KEYS_PER_ACTION; i++)
            map->keys[a][i] = actions[a].defaults[i];
}

static int parse_named(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
        if (strlen(key_names[i].name) == len
            && strncasecmp(key_names[i].name, name, len) == 0)
            return key_names[i].key;
    if ((name[0] == 'F' || name[0] == 'f') && len >= 2 && len <= 3) {
        int n = 0;
        for (size_t i = 1; i < len; i++) {
            if (!isdigit((unsigned char)name[i]))
                return KEYS_NONE;
            n = n * 10 + (name[i] - '0');
        }
        if (n >= 1 && n <= 12)
            return F(KEY_F(n));
    }
    if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-'
        && isalpha((unsigned char)name[2]))
        return KEYS_CTRL(name[2]);
    return KEYS_NONE;
}

int keys_parse(const char *text)
{
    if (!text || !*text)
        return KEYS_NONE;
    size_t len = strlen(text);
    if (text[0] == '<' && len > 2 && text[len - 1] == '>')
        return parse_named(text + 1, len - 2);
    if (len == 2 && text[0] == '^' && (isalpha((unsigned char)text[1])
                                       || strchr("[\\]^_@", text[1])))
        return KEYS_CTRL(toupper((unsigned char)text[1]));
    if (len == 3 && (text[0] == 'C' || text[0] == 'c') && text[1] == '-'
        && isalpha((unsigned char)text[2]))
        return KEYS_CTRL(text[2]);
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    wchar_t wc;
    size_t n = mbrtowc(&wc, text, len, &ps);
    if (n == len && wc > ' ' && wc != 0x7f)
        return (int)wc;
    return KEYS_NONE;
}

void keys_name(int key, char *buf, size_t size)
{
    for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
        if (key_names[i].key == key && key != '<' && key != '>' && key != ';') {
            snprintf(buf, size, "<%s>", key_names[i].name);
            return;
        }
    }
    if (key & KEYS_FUNC) {
        int k = key & ~KEYS_FUNC;
        if (k >= KEY_F(1) && k <= KEY_F(12))
            snprintf(buf, size, "<F%d>", k - KEY_F(0));
        else
            snprintf(buf, size, "<%s>", keyname(k) ? keyname(k) : "?");
        return;
    }
    if (key >= 0 && key < 32) {
        snprintf(buf, size, "^%c", key + '@');
        return;
    }
    char mb[MB_LEN_MAX + 1];
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    size_t n = wcrtomb(mb, (wchar_t)key, &ps);
    if (n == (size_t)-1)
        n = 0;
    mb[n] = '\0';
    snprintf(buf, size, "%s", mb);
}

/* Returns the action it bound, or ACT_NONE. */
static int configure_one(struct keymap *map, const char *pair,
                         struct strlist *warnings)
{
    const char *eq = strchr(pair, '=');
    if (!eq) {
        strlist_pushf(warnings, _("[keys] %s: expected action=key"), pair);
        return ACT_NONE;
    }
    size_t nlen = (size_t)(eq - pair);
    while (nlen > 0 && pair[nlen - 1] == ' ')
        nlen--;
    int act = ACT_NONE;
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
        if (strlen(actions[a].name) == nlen
            && strncmp(actions[a].name, pair, nlen) == 0)
            act = a;
    if (act == ACT_NONE) {
        strlist_pushf(warnings, _("[keys] %.*s: no such action; the actions are listed "
                                  "in the example rapport.ini"), (int)nlen, pair);
        return ACT_NONE;
    }
    int keys[KEYS_PER_ACTION];
    int n = 0;
    char *copy = strdup(eq + 1);
    if (!copy)
        return ACT_NONE;
    char *save = NULL;
    for (char *tok = strtok_r(copy, " \t", &save); tok;
         tok = strtok_r(NULL, " \t", &save)) {
        int key = keys_parse(tok);
        if (key == KEYS_NONE) {
            strlist_pushf(warnings,
                          _("[keys] %s: \"%s\" is no key; expected j, ^S, "
                            "C-s, <Enter>, <F5> ..."),
                          actions[act].name, tok);
            free(copy);
            return ACT_NONE;
        }
        if (n < KEYS_PER_ACTION)
            keys[n++] = key;
    }
    free(copy);
    if (n == 0) {
        strlist_pushf(warnings, _("[keys] %s: no key given"),
                      actions[act].name);
        return ACT_NONE;
    }
    for (int i = 0; i < KEYS_PER_ACTION; i++)
        map->keys[act][i] = i < n ? keys[i] : KEYS_NONE;
    return act;
}

void keys_configure(struct keymap *map, const struct strlist *pairs,
                    struct strlist *warnings)
{
    bool configured[ACT_COUNT] = { false };
    for (size_t i = 0; i < pairs->len; i++) {
        int act = configure_one(map, pairs->items[i], warnings);
        if (act != ACT_NONE)
            configured[act] = true;
    }
    /* A key given to one action that another still has: the screens
     * look actions up in their own order, so one of the two is lost. */
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
        if (!configured[a])
            continue;
        for (int i = 0; i < KEYS_PER_ACTION; i++) {
            int key = map->keys[a][i];
            if (key == KEYS_NONE)
                continue;
            for (int b = ACT_NONE + 1; b < ACT_COUNT; b++) {
                if (b == a || editing_action(a) != editing_action(b)
                    || !keys_bound(map, (enum action)b, key)
                    || (configured[b] && b < a))
                    continue;
                char name[32];
                keys_name(key, name, sizeof name);
                strlist_pushf(warnings, _("[keys] %s: %s is also the key of %s; give one of them another key"),
                              actions[a].name, name, actions[b].name);
            }
        }
    }
}

void keys_first_name(const struct keymap *map, enum action act, char *buf,
                     size_t size)
{
    buf[0] = '\0';
    for (int i = 0; i < KEYS_PER_ACTION && !buf[0]; i++)
        if (map->keys[act][i] != KEYS_NONE)
            keys_name(map->keys[act][i], buf, size);
}

bool keys_bound(const struct keymap *map, enum action act, int key)
{
    for (int i = 0; i < KEYS_PER_ACTION; i++)
        if (map->keys[act][i] == key && key != KEYS_NONE)
            return true;
    return false;
}

enum action keys_lookup(const struct keymap *map, const enum action *list,
                        int key)
{
    for (; *list != ACT_NONE; list++)
        if (keys_bound(map, *list, key))
            return *list;
    return ACT_NONE;
}

void keys_describe(const struct keymap *map, enum action act, char *buf,
                   size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < KEYS_PER_ACTION; i++) {
        int key = map->keys[act][i];
        if (key == KEYS_NONE)
            continue;
        char name[32];
        keys_name(key, name, sizeof name);
        int n = snprintf(buf + used, size - used, "%s%s", used ? " " : "",
                         name);
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
    }
}
