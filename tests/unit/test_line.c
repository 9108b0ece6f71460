/* Unit tests of the TUI's one-line editor (tui/line.c) without a
 * terminal: what it is started with and what is typed or pasted comes
 * back as valid UTF-8, and the editing keys keep the cursor in the text.
 * The cases are those the fuzz target (tests/fuzz/line.c) found. */
#include <config.h>

#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "tui/keys.h"
#include "tui/line.h"
#include "../lib/tap.h"

static void is_line(const struct ui_line *l, const char *want, const char *name)
{
    char *got = ui_line_text(l);
    is_str(got, want, name);
    free(got);
}

static void test_start(void)
{
    struct ui_line l;
    /* glibc decodes the old five-byte form of UTF-8 as one character
     * beyond U+10FFFF; written back it was five bytes again. */
    ui_line_init(&l, "Ann \xf9\xbe\x99\xbe\x9d Lee");
    is_line(&l, "Ann \xef\xbf\xbd Lee", "a five-byte sequence comes back as U+FFFD");
    ui_line_free(&l);
    ui_line_init(&l, "x\xed\xa0\x80y");
    char *text = ui_line_text(&l);
    ok(text_is_utf8(text), "a surrogate in the start text comes back as valid UTF-8");
    free(text);
    ui_line_free(&l);
    ui_line_init(&l, "Zoë 李小龙");
    is_line(&l, "Zoë 李小龙", "valid UTF-8 is kept");
    ui_line_free(&l);
}

static void test_keys(void)
{
    struct ui_line l;
    ui_line_init(&l, "");
    ok(!ui_line_key(&l, 0xd800), "a surrogate cannot be typed");
    ok(!ui_line_key(&l, 0x110000), "nor a code point past U+10FFFF");
    ok(!ui_line_key(&l, 0x202e), "nor a bidirectional override");
    ok(!ui_line_key(&l, 0x1b), "nor Esc as text");
    ok(ui_line_key(&l, 0x4e2d), "a wide character can");
    ui_line_key(&l, 'a');
    ui_line_key(&l, KEYS_FUNC | KEY_HOME);
    is_int(l.cur, 0, "Home goes to the start");
    ui_line_key(&l, KEYS_FUNC | KEY_DC);
    is_line(&l, "a", "Delete takes the character under the cursor");
    ui_line_key(&l, KEYS_CTRL('e'));
    ui_line_key(&l, KEYS_FUNC | KEY_RIGHT);
    is_int(l.cur, 1, "Right at the end stays at the end");
    ui_line_key(&l, KEYS_CTRL('u'));
    is_line(&l, "", "^U clears what is before the cursor");
    ui_line_free(&l);
}

static void test_paste(void)
{
    struct ui_line l;
    ui_line_init(&l, "x");
    const wchar_t paste[] = { L'\n', L'a', L'\t', L'\n', L'b', 0x1b, 0xd800, 0x202e, L'c', L'\n' };
    ui_line_paste(&l, paste, sizeof paste / sizeof paste[0]);
    is_line(&l, "x a bc", "a paste: breaks become one space, controls and surrogates are dropped");
    ui_line_free(&l);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    test_start();
    test_keys();
    test_paste();
    return tap_done();
}
