/* Keys and actions of the TUI: one table of actions (name used in the
 * config's [keys], default keys, help text), the bindings the config
 * may change, and the names of keys as people write them ("j", "^S",
 * "C-s", "<Enter>", "<F5>"). Dispatch and the help overlay both read
 * this table, so they cannot disagree. May use base/ only. */
#ifndef RAPPORT_KEYS_H
#define RAPPORT_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strlist.h"

/* A key is a Unicode character, or a curses function key with this bit
 * set (KEY_UP etc. would otherwise collide with characters above 255). */
#define KEYS_FUNC 0x01000000
#define KEYS_NONE (-1)
#define KEYS_RESIZE (-2)
/* A bracketed paste, read whole: text for a field, never a key. */
#define KEYS_PASTE (-3)
#define KEYS_ESC 27
#define KEYS_ENTER '\n'
#define KEYS_CTRL(c) ((c) & 0x1f)

enum action {
    ACT_NONE = 0,
    ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_LEFT, ACT_RIGHT, ACT_TOP, ACT_BOTTOM,
    ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_OPEN, ACT_BACK, ACT_HELP,
    ACT_REVIEW, ACT_PIPELINE, ACT_CONTACTS, ACT_ORGANISATIONS, ACT_REPORTS,
    ACT_SEARCH, ACT_ADD, ACT_EDIT, ACT_NOTE, ACT_FOLLOWUP, ACT_DONE,
    ACT_SNOOZE, ACT_PROMOTE, ACT_DEMOTE, ACT_ARCHIVE, ACT_FORGET, ACT_UNDO,
    ACT_REDRAW, ACT_SUSPEND, ACT_EDITOR, ACT_SORT, ACT_IMPORT, ACT_EXPORT,
    ACT_PERIOD, ACT_PERIOD_PREV, ACT_PERIOD_NEXT, ACT_DISMISS, ACT_SHELL,
    ACT_TAG, ACT_TAGGED, ACT_REDO, ACT_SCORE, ACT_PAUSE, ACT_ARCHIVED, ACT_TEAM,
    ACT_BY,
    /* In forms, the note editor and questions, where other keys type. */
    ACT_SAVE, ACT_CANCEL, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_NEXT_KIND,
    ACT_COUNT
};

#define KEYS_PER_ACTION 4

struct keymap {
    int keys[ACT_COUNT][KEYS_PER_ACTION];   /* KEYS_NONE where unused */
};

/* The defaults of SPEC §3. */
void keys_init(struct keymap *map);
/* Applies "action=key [key...]" pairs from [keys]; what cannot be used
 * is appended to warnings and the default kept. */
void keys_configure(struct keymap *map, const struct strlist *pairs,
                    struct strlist *warnings);
/* The first action of `actions` (ACT_NONE-terminated) bound to key. */
enum action keys_lookup(const struct keymap *map, const enum action *actions,
                        int key);
bool keys_bound(const struct keymap *map, enum action act, int key);

/* The name in [keys] ("move_down"), and the translated help text. */
const char *keys_action_name(enum action act);
const char *keys_action_help(enum action act);
/* A word or two for the status line's key hints, translated. */
const char *keys_action_hint(enum action act);
/* Parses one key as written in the config; KEYS_NONE when not a key. */
int keys_parse(const char *text);
/* Writes a key's name ("j", "^S", "<Enter>") into buf. */
void keys_name(int key, char *buf, size_t size);
/* The first key of an action, named ("^S"), for a footer. */
void keys_first_name(const struct keymap *map, enum action act, char *buf,
                     size_t size);
/* The keys of an action joined with "/" ("j/<Down>"). */
void keys_describe(const struct keymap *map, enum action act, char *buf,
                   size_t size);

#endif
