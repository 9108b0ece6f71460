/* Input: keys from the terminal in raw mode, a lone Esc told from the
 * start of an escape sequence, and the stop flag that SIGTERM, SIGHUP or
 * a vanished terminal set. Signal handlers only set the flag; every loop
 * that waits for keys asks ui_stopping(). Uses tui/session.h and
 * tui/keys.h. */
#include <config.h>

#include <curses.h>
#include <signal.h>
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

/* A lone Esc means back or cancel. When more bytes came with it, it was
 * Alt+key or a sequence this terminal's terminfo does not know (PuTTY's
 * Home is ESC [ 1 ~): read the rest of it and drop it, or it would
 * quit a screen and type its tail into a field. */
static bool escape_sequence_follows(void)
{
    timeout(0);
    wint_t wc;
    int rc = get_wch(&wc);
    if (rc == ERR)
        return false;
    if (rc == OK && wc == 27) {
        /* Esc pressed twice quickly: two answers, not one sequence. */
        unget_wch(wc);
        return false;
    }
    if (rc == OK && (wc == '[' || wc == 'O')) {
        /* CSI and SS3: parameters, then one final byte @ .. ~. */
        for (int i = 0; i < 32; i++) {
            rc = get_wch(&wc);
            if (rc == ERR || (rc == OK && wc >= 0x40 && wc <= 0x7e))
                break;
        }
    }
    return true;
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
    if (wc == 27 && escape_sequence_follows())
        return KEYS_NONE;
    return (int)wc;
}
