/* Completion: the candidates for what a line holds, and what Tab makes
 * of them. Organisation names come from the name index (a window of at
 * most UI_COMPLETE_MAX, by prefix, case aside); file names from the
 * folder the text names ("~/" is the home folder), folders with a "/"
 * so that the next Tab goes inside, hidden files only when the name
 * typed starts with a dot; logins from the notes and follow-ups (the
 * store's, store/team.h), case kept. Uses tui/line.h, tui/draw.h and store/. */
#include <config.h>

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/text.h"
#include "store/org.h"
#include "store/team.h"
#include "tui/complete.h"
#include "tui/draw.h"

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The file names that start with text, each written as text writes its
 * folder. */
static void file_candidates(const char *text, struct strlist *out)
{
    const char *slash = strrchr(text, '/');
    size_t dir_len = slash ? (size_t)(slash - text) + 1 : 0;
    const char *base = text + dir_len;
    char dir[4096];
    if (dir_len == 0) {
        snprintf(dir, sizeof dir, ".");
    } else if (text[0] == '~' && text[1] == '/') {
        const char *home = getenv("HOME");
        snprintf(dir, sizeof dir, "%s/%.*s", home ? home : "",
                 (int)(dir_len - 2), text + 2);
    } else {
        snprintf(dir, sizeof dir, "%.*s", (int)dir_len, text);
    }
    DIR *d = opendir(dir);
    if (!d)
        return;
    size_t base_len = strlen(base);
    struct dirent *e;
    while ((e = readdir(d)) && out->len < UI_COMPLETE_MAX) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (e->d_name[0] == '.' && base[0] != '.')
            continue;
        if (strncmp(e->d_name, base, base_len) != 0)
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat sb;
        bool folder = stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
        strlist_pushf(out, "%.*s%s%s", (int)dir_len, text, e->d_name,
                      folder ? "/" : "");
    }
    closedir(d);
    if (out->len > 1)
        qsort(out->items, out->len, sizeof *out->items, by_name);
}

/* How many bytes all candidates share from the start (case aside for
 * organisations, whose names are matched so). */
static size_t shared(const struct strlist *c, bool nocase)
{
    size_t n = strlen(c->items[0]);
    for (size_t i = 1; i < c->len; i++) {
        size_t k = 0;
        while (k < n && c->items[i][k]
               && (nocase ? tolower((unsigned char)c->items[i][k])
                                == tolower((unsigned char)c->items[0][k])
                          : c->items[i][k] == c->items[0][k]))
            k++;
        n = k;
    }
    /* Not inside a character. */
    while (n > 0 && ((unsigned char)c->items[0][n] & 0xc0) == 0x80)
        n--;
    return n;
}

static void set_text(struct ui_line *l, const char *text)
{
    ui_line_free(l);
    ui_line_init(l, text);
    l->cur = l->len;
}

static void list_them(struct ui *ui, const struct strlist *c)
{
    char *all = strlist_join(c, ", ");
    /* TRANSLATORS: the names Tab can complete to, comma-separated. */
    ui_message(ui, false, _("Tab: %s"), all ? all : "");
    free(all);
}

/* Going through the candidates in turn: the text they were found for,
 * and the one shown last. A Tab on that one shows the next of the
 * same candidates. */
static char *turn_from, *turn_shown;

static void remember_turn(const char *from, const char *shown)
{
    free(turn_from);
    free(turn_shown);
    turn_from = from ? strdup(from) : NULL;
    turn_shown = shown ? strdup(shown) : NULL;
}

bool ui_complete(struct ui *ui, struct ui_line *l, enum ui_complete kind)
{
    if (kind == UI_COMPLETE_NONE)
        return false;
    char *shown = ui_line_text(l);
    /* An empty organisation is left as it is: Tab goes on. */
    if (kind == UI_COMPLETE_ORG && !shown[0]) {
        free(shown);
        return false;
    }
    bool turning = turn_shown && turn_from && strcmp(shown, turn_shown) == 0;
    char *text = turning ? strdup(turn_from) : strdup(shown);
    if (!text)
        abort();
    struct strlist c = { 0 };
    if (kind == UI_COMPLETE_ORG) {
        if (store_org_names(ui->st, text, UI_COMPLETE_MAX, &c) != STORE_OK)
            ui_store_error(ui);
    } else if (kind == UI_COMPLETE_LOGIN) {
        if (store_team_logins(ui->st, text, UI_COMPLETE_MAX, &c) != STORE_OK)
            ui_store_error(ui);
    } else {
        file_candidates(text, &c);
    }
    bool nocase = kind == UI_COMPLETE_ORG;
    bool used = true;
    if (turning && c.len > 1) {
        size_t next = 0;
        for (size_t i = 0; i < c.len; i++)
            if (strcmp(c.items[i], shown) == 0)
                next = (i + 1) % c.len;
        set_text(l, c.items[next]);
        remember_turn(text, c.items[next]);
        list_them(ui, &c);
    } else if (c.len == 0
        || (c.len == 1 && (nocase ? strcasecmp(c.items[0], text)
                                  : strcmp(c.items[0], text)) == 0)) {
        used = false;
    } else if (c.len == 1) {
        set_text(l, c.items[0]);
    } else {
        size_t n = shared(&c, nocase);
        if (n > strlen(text)) {
            char *common = strndup(c.items[0], n);
            if (!common)
                abort();
            set_text(l, common);
            free(common);
        } else {
            /* Nothing more in common: the candidates in turn. */
            set_text(l, c.items[0]);
            remember_turn(text, c.items[0]);
        }
        list_them(ui, &c);
    }
    if (!used)
        remember_turn(NULL, NULL);
    strlist_clear(&c);
    free(text);
    free(shown);
    return used;
}
