/* A libFuzzer target (issue 17): the TUI's one-line editor (tui/line.c)
 * without a terminal. The input is a starting text (up to a NUL byte)
 * and then keys: editing keys, typed characters and pastes, each from a
 * few bytes. After each, the cursor stays within the text, the text
 * stays terminated, and what it gives back is valid UTF-8 with no
 * control character or bidirectional override typed in. Built with
 * ./configure --enable-fuzzing CC=clang; run by make fuzz. */
#include <config.h>

#include <curses.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/text.h"
#include "tui/keys.h"
#include "tui/line.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int editing[] = {
    KEYS_FUNC | KEY_LEFT, KEYS_FUNC | KEY_RIGHT, KEYS_FUNC | KEY_HOME,
    KEYS_FUNC | KEY_END, KEYS_FUNC | KEY_BACKSPACE, KEYS_FUNC | KEY_DC,
    KEYS_CTRL('a'), KEYS_CTRL('b'), KEYS_CTRL('d'), KEYS_CTRL('e'),
    KEYS_CTRL('f'), KEYS_CTRL('h'), KEYS_CTRL('k'), KEYS_CTRL('u'),
    KEYS_CTRL('w'), 0x7f, '\t', '\n', 0x1b, 0x9b, 0x202e, 0x2066, 0x0301,
    0x200b, 0x4e2d, 0xfe0f, 0x1f600,
};

static void check(const struct ui_line *l, const char *start)
{
    if (l->cur > l->len || l->len >= l->cap || l->text[l->len] != L'\0')
        abort();
    char *text = ui_line_text(l);
    if (!text_is_utf8(text))
        abort();
    /* Nothing typed or pasted may be a control: only what the line
     * started with can hold one. */
    if (!strchr(start, '\x1b') && strchr(text, '\x1b'))
        abort();
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool ready;
    if (!ready) {
        setlocale(LC_ALL, "C.UTF-8");
        ready = true;
    }
    size_t n = 0;
    while (n < size && data[n])
        n++;
    char *start = malloc(n + 1);
    if (!start)
        return 0;
    memcpy(start, data, n);
    start[n] = '\0';
    struct ui_line l;
    ui_line_init(&l, start);
    check(&l, start);
    for (size_t i = n + 1; i < size; ) {
        uint8_t op = data[i++];
        if (op < 64) {
            ui_line_key(&l, editing[op % (sizeof editing / sizeof editing[0])]);
        } else if (op < 128) {
            /* A paste of the next few bytes, each a character. */
            size_t len = op - 64;
            wchar_t paste[64];
            size_t k = 0;
            for (; k < len && i < size; k++, i++)
                paste[k] = data[i] < 0x20 ? (wchar_t)data[i] : (wchar_t)(data[i] + 0x100 * (k % 3));
            ui_line_paste(&l, paste, k);
        } else if (i + 1 < size) {
            /* A character typed: any code point up to U+1FFFF. */
            int key = ((op & 1) << 16) | (data[i] << 8) | data[i + 1];
            i += 2;
            ui_line_key(&l, key);
        } else {
            i++;
        }
        check(&l, start);
    }
    ui_line_free(&l);
    free(start);
    return 0;
}
