/* The external editor: the text goes to a private temporary file,
 * $VISUAL, $EDITOR or [general] editor runs on it with curses put
 * aside (and bracketed paste off), and what it wrote comes back. Uses
 * tui/draw.h and tui/input.h. */
#include <config.h>

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/i18n.h"
#include "tui/draw.h"
#include "tui/external.h"
#include "tui/input.h"

/* Reads no more than max bytes (*len says how many): the caller
 * refuses longer text, which would otherwise cost its whole size in
 * memory. */
static char *read_at_most(int fd, size_t max, size_t *len)
{
    size_t size = 0, cap = 4096;
    char *buf = malloc(cap);
    if (!buf)
        abort();
    while (size < max) {
        if (size + 1024 > cap) {
            cap *= 2;
            char *p = realloc(buf, cap);
            if (!p)
                abort();
            buf = p;
        }
        size_t room = cap - size - 1;
        ssize_t n = read(fd, buf + size, room < max - size ? room : max - size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        size += (size_t)n;
    }
    buf[size] = '\0';
    *len = size;
    return buf;
}

bool ui_external_edit(struct ui *ui, const char *initial, size_t max,
                      char **out)
{
    const char *editor = getenv("VISUAL");
    if (!editor || !*editor)
        editor = getenv("EDITOR");
    if ((!editor || !*editor) && ui->app->cfg.editor && *ui->app->cfg.editor)
        editor = ui->app->cfg.editor;
    if (!editor || !*editor)
        editor = "vi";
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/rapport-note-XXXXXX.txt",
             tmp && *tmp ? tmp : "/tmp");
    /* mkstemps creates the file 0600: the note stays private. */
    int fd = mkstemps(path, 4);
    if (fd < 0) {
        ui_message(ui, true, _("Cannot create a temporary file in %s: %s"),
                   tmp && *tmp ? tmp : "/tmp", strerror(errno));
        return false;
    }
    if (initial && *initial) {
        size_t len = strlen(initial);
        if (write(fd, initial, len) != (ssize_t)len) {
            ui_message(ui, true, _("Cannot write %s: %s"), path,
                       strerror(errno));
            close(fd);
            unlink(path);
            return false;
        }
    }
    close(fd);
    def_prog_mode();
    ui_paste_mode(false);
    endwin();
    pid_t pid = fork();
    if (pid == 0) {
        /* The shell splits "$EDITOR" the way people expect ("emacs -nw"). */
        setenv("RAPPORT_EDITOR", editor, 1);
        execl("/bin/sh", "sh", "-c", "exec $RAPPORT_EDITOR \"$1\"", "sh",
              path, (char *)NULL);
        _exit(127);
    }
    int status = -1;
    if (pid > 0) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    }
    reset_prog_mode();
    ui_paste_mode(true);
    refresh();
    bool ok = pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    char *text = NULL;
    size_t len = 0;
    if (ok) {
        fd = open(path, O_RDONLY);
        if (fd >= 0) {
            text = read_at_most(fd, max + 1, &len);
            close(fd);
        }
    }
    if (text && len > max) {
        /* Too long to store: the file stays, so nothing written is lost. */
        free(text);
        ui_message(ui, true,
                   _("Not stored (over %zu KiB); the text is kept in %s"),
                   max / 1024, path);
        return false;
    }
    unlink(path);
    if (!ok || !text) {
        free(text);
        ui_message(ui, true, _("The editor (%s) failed; nothing was stored."),
                   editor);
        return false;
    }
    *out = text;
    return true;
}
