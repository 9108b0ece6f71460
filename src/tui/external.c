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
#include "base/text.h"
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

/* Takes the comment lines rapport wrote off the top of text (in
 * place): at most `count`, each starting with the mark. */
static void strip_comments(char *text, size_t count, struct strlist *back)
{
    size_t mark = strlen(UI_COMMENT_MARK);
    char *p = text;
    for (size_t n = 0; n < count && strncmp(p, UI_COMMENT_MARK, mark) == 0; n++) {
        char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (back) {
            const char *said = p + mark;
            size_t said_len = len - mark;
            if (said_len > 0 && *said == ' ') {
                said++;
                said_len--;
            }
            char *one = strndup(said, said_len);
            if (!one || strlist_push(back, one) < 0)
                abort();
            free(one);
        }
        p = nl ? nl + 1 : p + len;
    }
    memmove(text, p, strlen(p) + 1);
}

static bool write_all(int fd, const char *s, size_t len)
{
    return write(fd, s, len) == (ssize_t)len;
}

bool ui_external_edit(struct ui *ui, const char *initial,
                      const char *const *comments, size_t max,
                      struct strlist *comments_back, char **out)
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
    size_t written = 0, header = 0;
    bool fine = true;
    for (size_t i = 0; comments && comments[i] && fine; i++) {
        /* What the comments name (a contact) comes from the database:
         * no control character reaches the editor's screen. */
        char *clean = text_sanitize(comments[i], false);
        fine = write_all(fd, UI_COMMENT_MARK " ", strlen(UI_COMMENT_MARK) + 1)
               && write_all(fd, clean ? clean : "", clean ? strlen(clean) : 0)
               && write_all(fd, "\n", 1);
        header += strlen(UI_COMMENT_MARK) + 2 + (clean ? strlen(clean) : 0);
        free(clean);
        written++;
    }
    if (!fine || (initial && *initial)) {
        size_t len = initial ? strlen(initial) : 0;
        if (!fine || !write_all(fd, initial, len)) {
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
            text = read_at_most(fd, max + header + 1, &len);
            close(fd);
        }
    }
    /* The comments do not count against the note's size. */
    if (text && len > max + header) {
        /* Too long to store: the file stays, so nothing written is lost. */
        free(text);
        ui_message(ui, true,
                   _("Not stored (over %zu KiB); the text is kept in %s"),
                   max / 1024, path);
        return false;
    }
    unlink(path);
    if (ok && text)
        strip_comments(text, written, comments_back);
    if (!ok || !text) {
        free(text);
        ui_message(ui, true, _("The editor (%s) failed; nothing was stored."),
                   editor);
        return false;
    }
    *out = text;
    return true;
}
