/* The TUI's pure parts: key names as the config writes them, rebinding
 * through [keys], and the line editor's keys. */
#include <config.h>

#include <curses.h>
#include <locale.h>
#include <stdlib.h>

#include "tui/keys.h"
#include "tui/line.h"
#include "../lib/tap.h"

static void test_parse(void)
{
    is_int(keys_parse("j"), 'j', "a letter is itself");
    is_int(keys_parse("^S"), KEYS_CTRL('s'), "^S is control-S");
    is_int(keys_parse("C-s"), KEYS_CTRL('s'), "C-s is control-S too");
    is_int(keys_parse("<Enter>"), KEYS_ENTER, "<Enter>");
    is_int(keys_parse("<esc>"), KEYS_ESC, "names ignore case");
    is_int(keys_parse("<F5>"), KEYS_FUNC | KEY_F(5), "<F5>");
    is_int(keys_parse("<PgDn>"), KEYS_FUNC | KEY_NPAGE, "<PgDn>");
    is_int(keys_parse("é"), 0xe9, "a UTF-8 character");
    is_int(keys_parse("<Nope>"), KEYS_NONE, "an unknown name is no key");
    is_int(keys_parse("jk"), KEYS_NONE, "two letters are no key");
    is_int(keys_parse(""), KEYS_NONE, "nothing is no key");
    is_int(keys_parse("<semicolon>"), ';', "<semicolon> is ; (which starts a comment in the config)");

    char buf[32];
    keys_name(KEYS_CTRL('s'), buf, sizeof buf);
    is_str(buf, "^S", "control keys are named ^X");
    keys_name(KEYS_ENTER, buf, sizeof buf);
    is_str(buf, "<Enter>", "Enter has its name");
    keys_name('>', buf, sizeof buf);
    is_str(buf, ">", "> is shown as itself");
    keys_name(';', buf, sizeof buf);
    is_str(buf, ";", "; is shown as itself");
    keys_name(KEYS_FUNC | KEY_F(2), buf, sizeof buf);
    is_str(buf, "<F2>", "function keys");
    keys_name(0x4e2d, buf, sizeof buf);
    is_str(buf, "中", "a wide character");
}

static void test_configure(void)
{
    struct keymap map;
    keys_init(&map);
    static const enum action screen[] = { ACT_MOVE_DOWN, ACT_PROMOTE,
                                          ACT_NONE };
    is_int(keys_lookup(&map, screen, 'j'), ACT_MOVE_DOWN, "j moves down");
    is_int(keys_lookup(&map, screen, KEYS_FUNC | KEY_DOWN), ACT_MOVE_DOWN,
           "so does the arrow");
    is_int(keys_lookup(&map, screen, '>'), ACT_PROMOTE, "> promotes");
    is_int(keys_lookup(&map, screen, 'x'), ACT_NONE,
           "a key of another screen does nothing here");

    struct strlist pairs = { 0 }, warnings = { 0 };
    strlist_push(&pairs, "promote=+ <F6>");
    strlist_push(&pairs, "fly=x");
    strlist_push(&pairs, "edit=<Nope>");
    strlist_push(&pairs, "nothing");
    keys_configure(&map, &pairs, &warnings);
    is_int(keys_lookup(&map, screen, '+'), ACT_PROMOTE, "rebound to +");
    is_int(keys_lookup(&map, screen, KEYS_FUNC | KEY_F(6)), ACT_PROMOTE,
           "and to F6");
    is_int(keys_lookup(&map, screen, '>'), ACT_NONE, "> no longer promotes");
    is_int(warnings.len, 3, "each bad line is a warning");
    ok(warnings.len > 0 && strstr(warnings.items[0], "fly"),
       "the warning names the unknown action");
    ok(keys_bound(&map, ACT_EDIT, 'e'), "a bad key keeps the default");
    char desc[64];
    keys_describe(&map, ACT_PROMOTE, desc, sizeof desc);
    is_str(desc, "+ <F6>", "the help describes the keys as bound");
    strlist_clear(&pairs);
    strlist_clear(&warnings);

    /* W is the Review's filter by author, and no other screen's. */
    keys_init(&map);
    ok(keys_bound(&map, ACT_BY, 'W'), "W filters by author");
    is_str(keys_action_name(ACT_BY), "by", "as [keys] writes it");
    int others = 0;
    for (int a = ACT_NONE + 1; a < ACT_SAVE; a++)
        others += a != ACT_BY && keys_bound(&map, (enum action)a, 'W');
    is_int(others, 0, "no other screen action has W");

    /* Keys of forms and the editor are bindings like the others. */
    keys_init(&map);
    strlist_push(&pairs, "save=^W");
    strlist_push(&pairs, "next_field=^N");
    strlist_push(&pairs, "sort=a");
    strlist_push(&pairs, "cancel=j");
    keys_configure(&map, &pairs, &warnings);
    ok(keys_bound(&map, ACT_SAVE, KEYS_CTRL('w')) && !keys_bound(&map, ACT_SAVE, KEYS_CTRL('s')),
       "save is remapped");
    ok(keys_bound(&map, ACT_NEXT_FIELD, KEYS_CTRL('n')), "so is the next field");
    is_int(warnings.len, 1, "one clash is reported");
    ok(warnings.len == 1 && strstr(warnings.items[0], "sort")
       && strstr(warnings.items[0], "also the key of add"),
       "a key taken from another screen action is named with both");
    char name[32];
    keys_first_name(&map, ACT_SAVE, name, sizeof name);
    is_str(name, "^W", "a footer names the bound key");
    strlist_clear(&pairs);
    strlist_clear(&warnings);
}

static char *last;

/* The line's text; the previous one is freed. */
static char *typed(struct ui_line *l)
{
    free(last);
    last = ui_line_text(l);
    return last;
}

static void type(struct ui_line *l, const wchar_t *s)
{
    for (; *s; s++)
        ui_line_key(l, (int)*s);
}

static void test_line(void)
{
    struct ui_line l;
    ui_line_init(&l, "Zoë");
    l.cur = l.len;
    type(&l, L" Ødegård");
    is_str(typed(&l), "Zoë Ødegård", "typing appends UTF-8");
    ui_line_key(&l, KEYS_CTRL('w'));
    is_str(typed(&l), "Zoë ", "^W drops the last word");
    ui_line_key(&l, KEYS_CTRL('a'));
    type(&l, L"中");
    is_str(typed(&l), "中Zoë ", "^A goes to the start");
    ui_line_key(&l, KEYS_CTRL('e'));
    ui_line_key(&l, 0x7f);
    is_str(typed(&l), "中Zoë", "^E goes to the end; Backspace deletes");
    ui_line_key(&l, KEYS_FUNC | KEY_LEFT);
    ui_line_key(&l, KEYS_FUNC | KEY_LEFT);
    ui_line_key(&l, KEYS_FUNC | KEY_DC);
    is_str(typed(&l), "中Zë", "Delete removes the character under the cursor");
    ui_line_key(&l, KEYS_FUNC | KEY_END);
    ui_line_key(&l, KEYS_FUNC | KEY_HOME);
    ui_line_key(&l, KEYS_FUNC | KEY_RIGHT);
    ui_line_key(&l, KEYS_CTRL('u'));
    is_str(typed(&l), "Zë", "^U deletes to the start");
    ok(!ui_line_key(&l, 0x1b), "Esc is not text");
    ok(!ui_line_key(&l, 0x202e), "a bidirectional override is refused");
    is_str(typed(&l), "Zë", "and nothing was inserted");
    ui_line_free(&l);

    ui_line_init(&l, "Zoe\xcc\x88x");
    l.cur = l.len;
    ui_line_key(&l, KEYS_FUNC | KEY_LEFT);
    ui_line_key(&l, KEYS_FUNC | KEY_LEFT);
    is_int(l.cur, 2, "Left steps over a combining mark with its letter");
    ui_line_key(&l, KEYS_FUNC | KEY_DC);
    is_str(typed(&l), "Zox", "Delete takes the letter and its mark");
    ui_line_free(&l);
    free(last);
    last = NULL;
}

int main(void)
{
    if (!setlocale(LC_ALL, "C.UTF-8"))
        setlocale(LC_ALL, "");
    test_parse();
    test_configure();
    test_line();
    return tap_done();
}
