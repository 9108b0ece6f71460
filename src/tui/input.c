/* Input: keys from the terminal in raw mode, a lone Esc told from the
 * start of an escape sequence, bracketed paste (turned on and off, a
 * paste read whole as text), suspending with Ctrl-Z, and the stop flag
 * that SIGTERM, SIGHUP, SIGINT, SIGQUIT or a vanished terminal set.
 * Signal handlers only set the flag; every loop that waits for keys
 * asks ui_stopping(). Uses tui/session.h and tui/keys.h. */
#include <config.h>

#include <curses.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "tui/input.h"

#define F(k) (KEYS_FUNC | (k))

static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
    stop_signal = sig;
}

static void raw_terminal(void)
{
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    /* raw() should already do this; some terminals keep IXON on, and
     * then ^S would freeze the screen instead of saving. */
    struct termios tio;
    if (tcgetattr(STDIN_FILENO, &tio) == 0) {
        tio.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
        tcsetattr(STDIN_FILENO, TCSANOW, &tio);
    }
    curs_set(0);
}

void ui_input_start(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    /* In raw mode ^C is a key; a SIGINT or SIGQUIT sent from elsewhere
     * ends rapport the same orderly way, the terminal restored. */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    raw_terminal();
}

bool ui_stopping(void)
{
    return stop_signal != 0;
}

static int64_t monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The last bracketed paste: what the terminal sent between ESC [200~
 * and ESC [201~, line breaks as '\n'. Held here until the next one. */
static wchar_t *paste_text;
static size_t paste_len, paste_cap;

static void paste_add(wchar_t wc)
{
    if (paste_len + 2 > paste_cap) {
        if (paste_cap >= UI_PASTE_MAX)
            return;
        size_t cap = paste_cap ? paste_cap * 2 : 256;
        wchar_t *p = realloc(paste_text, cap * sizeof *p);
        if (!p)
            abort();
        paste_text = p;
        paste_cap = cap;
    }
    paste_text[paste_len++] = wc;
    paste_text[paste_len] = L'\0';
}

/* Reads a paste up to its end marker. Everything in it is text, never
 * a key: a CR or CR LF is a line break, other control characters and
 * keys the terminal's sequences would make are dropped. Gives up when
 * the terminal stops sending for a second without the end marker. */
static void read_paste(void)
{
    static const wchar_t end[] = L"[201~";
    paste_len = 0;
    bool after_cr = false;
    timeout(1000);
    for (;;) {
        wint_t wc;
        int rc = get_wch(&wc);
        if (rc == ERR || stop_signal)
            return;
        if (rc == KEY_CODE_YES)
            continue;
        if (wc == 27) {
            size_t matched = 0;
            while (end[matched]) {
                rc = get_wch(&wc);
                if (rc != OK || wc != (wint_t)end[matched])
                    break;
                matched++;
            }
            if (!end[matched])
                return;
            continue;   /* another sequence inside the paste: dropped */
        }
        if (wc == '\n' && after_cr) {
            after_cr = false;
            continue;
        }
        after_cr = wc == '\r';
        if (wc == '\r' || wc == '\n')
            paste_add(L'\n');
        else if (wc == '\t' || (wc >= ' ' && wc != 0x7f))
            paste_add((wchar_t)wc);
    }
}

const wchar_t *ui_paste(size_t *len)
{
    *len = paste_len;
    return paste_text ? paste_text : L"";
}

/* A lone Esc means back or cancel. When more bytes came with it, it was
 * Alt+key or a sequence this terminal's terminfo does not know (PuTTY's
 * Home is ESC [ 1 ~): read the rest of it and drop it, or it would
 * quit a screen and type its tail into a field. ESC [200~ starts a
 * bracketed paste, which is read whole. KEYS_ESC when Esc was alone,
 * KEYS_PASTE after a paste, KEYS_NONE after a dropped sequence. */
static int escape_sequence(void)
{
    timeout(0);
    wint_t wc;
    int rc = get_wch(&wc);
    if (rc == ERR)
        return KEYS_ESC;
    if (rc == OK && wc == 27) {
        /* Esc pressed twice quickly: two answers, not one sequence. */
        unget_wch(wc);
        return KEYS_ESC;
    }
    if (rc == OK && (wc == '[' || wc == 'O')) {
        /* CSI and SS3: parameters, then one final byte @ .. ~. */
        bool csi = wc == '[';
        char params[40];
        size_t n = 0;
        for (int i = 0; i < 32; i++) {
            rc = get_wch(&wc);
            if (rc == ERR || (rc == OK && wc >= 0x40 && wc <= 0x7e))
                break;
            if (rc == OK && n + 1 < sizeof params)
                params[n++] = (char)wc;
        }
        params[n] = '\0';
        if (csi && rc == OK && wc == '~' && strcmp(params, "200") == 0) {
            read_paste();
            return KEYS_PASTE;
        }
    }
    return KEYS_NONE;
}

void ui_terminal_leave(void)
{
    def_prog_mode();
    ui_paste_mode(false);
    endwin();
}

void ui_terminal_return(void)
{
    reset_prog_mode();
    raw_terminal();
    ui_paste_mode(true);
    clearok(curscr, TRUE);
}

void ui_suspend(void)
{
    /* Curses is put aside as for an editor, bracketed paste off, and
     * the stop is the shell's own (job control); after fg the screen
     * comes back whole. */
    ui_terminal_leave();
    struct sigaction dfl, old;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, &old);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &old, NULL);
    ui_terminal_return();
}

void ui_paste_mode(bool on)
{
    /* xterm's bracketed paste; terminals without it ignore the
     * private mode. Curses sends what it has first: its start (the
     * alternate screen) must not come after and reset it. */
    if (on)
        refresh();
    fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
    fflush(stdout);
}

bool ui_key_waiting(void)
{
    struct pollfd pfd = { .fd = 0, .events = POLLIN, .revents = 0 };
    return poll(&pfd, 1, 0) > 0;
}

int ui_getkey(struct ui *ui, int timeout_ms)
{
    (void)ui;
    /* A terminal that went away (a dropped SSH link without SIGHUP)
     * answers every read at once with nothing: stop instead of
     * spinning. */
    static int instant_errors;
    timeout(timeout_ms);
    wint_t wc;
    int64_t start = monotonic_ms();
    int rc = get_wch(&wc);
    if (stop_signal)
        return KEYS_NONE;
    if (rc == ERR) {
        if (timeout_ms > 0 && monotonic_ms() - start < timeout_ms / 4) {
            if (++instant_errors > 200)
                stop_signal = SIGHUP;
        } else {
            instant_errors = 0;
        }
        return KEYS_NONE;
    }
    instant_errors = 0;
    if (rc == KEY_CODE_YES) {
        if (wc == KEY_RESIZE)
            return KEYS_RESIZE;
        if (wc == KEY_ENTER)
            return KEYS_ENTER;
        return F((int)wc);
    }
    if (wc == '\r')
        return KEYS_ENTER;
    if (wc == 27)
        return escape_sequence();
    return (int)wc;
}
