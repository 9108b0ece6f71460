/* `!`: a shell command, as mutt runs one. The command is asked for on
 * the bottom line, runs under $SHELL -c (/bin/sh when $SHELL is unset
 * or not a full path) on the terminal curses gave back, and a key
 * returns to rapport, whose screens are then read again: the command
 * may have changed the database (a `rapport add` in another window of
 * the same shell, say).
 *
 * It runs under --read-only too: that flag says rapport itself will not
 * write, and running a command is no write of rapport's; what the
 * command does is the user's own, as at any other shell prompt.
 *
 * While the command runs, rapport ignores SIGINT and SIGQUIT (as
 * system() does), so a ^C meant for the command does not end rapport;
 * the command gets them back at their defaults. Uses tui/prompt.h,
 * tui/input.h and tui/draw.h. */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "base/i18n.h"
#include "tui/draw.h"
#include "tui/input.h"
#include "tui/prompt.h"
#include "tui/shell.h"

static bool blank(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t')
            return false;
    return true;
}

/* "Press a key": one key read from the terminal as it is after the
 * command (not curses), without echo and without ^C turning into a
 * signal; the rest of a function key's sequence is dropped. */
static void wait_for_key(void)
{
    fputs("\n", stdout);
    fputs(_("Press any key to return to rapport."), stdout);
    fflush(stdout);
    struct termios was, now;
    bool got = tcgetattr(STDIN_FILENO, &was) == 0;
    if (got) {
        now = was;
        now.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG);
        now.c_cc[VMIN] = 1;
        now.c_cc[VTIME] = 0;
        tcsetattr(STDIN_FILENO, TCSANOW, &now);
    }
    char c;
    while (read(STDIN_FILENO, &c, 1) < 0 && errno == EINTR && !ui_stopping())
        ;
    /* An escape sequence's other bytes arrive with its first. */
    usleep(30000);
    tcflush(STDIN_FILENO, TCIFLUSH);
    if (got)
        tcsetattr(STDIN_FILENO, TCSANOW, &was);
}

static const int held_signals[] = { SIGINT, SIGQUIT };
#define HELD (sizeof held_signals / sizeof held_signals[0])

static int run(const char *shell, const char *command)
{
    struct sigaction ign, old[HELD];
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    for (size_t i = 0; i < HELD; i++)
        sigaction(held_signals[i], &ign, &old[i]);
    fflush(stdout);
    pid_t pid = fork();
    int fork_errno = errno;
    if (pid == 0) {
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigemptyset(&dfl.sa_mask);
        for (size_t i = 0; i < HELD; i++)
            sigaction(held_signals[i], &dfl, NULL);
        sigaction(SIGPIPE, &dfl, NULL);
        execl(shell, shell, "-c", command, (char *)NULL);
        _exit(127);
    }
    int status = -1;
    if (pid > 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    for (size_t i = 0; i < HELD; i++)
        sigaction(held_signals[i], &old[i], NULL);
    errno = fork_errno;
    return pid > 0 ? status : -1;
}

bool ui_shell(struct ui *ui)
{
    char *command = NULL;
    if (!ui_prompt(ui, _("Shell command:"), NULL, &command))
        return false;
    if (blank(command)) {
        ui_message(ui, false, _("No command; nothing was run."));
        free(command);
        return false;
    }
    const char *shell = getenv("SHELL");
    if (!shell || shell[0] != '/')
        shell = "/bin/sh";
    ui_terminal_leave();
    int status = run(shell, command);
    wait_for_key();
    ui_terminal_return();
    if (status == -1)
        ui_message(ui, true, _("Cannot run %s: %s"), shell, strerror(errno));
    else if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        ui_message(ui, false, _("The command ended."));
    else if (WIFEXITED(status))
        ui_message(ui, true, _("The command ended with status %d."),
                   WEXITSTATUS(status));
    else
        ui_message(ui, true, _("The command was ended by signal %d."),
                   WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    /* What the command did to the database is shown. */
    ui->dirty = true;
    free(command);
    return status != -1;
}
