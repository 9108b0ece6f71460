/* Unit tests of config.c with the fixture files in tests/data/config:
 * defaults, every option, the other accepted forms, bad values and
 * unknown names (each reported with its section and key, the default
 * kept), [keys] and [colors] collected, syntax errors, the default
 * location and a missing explicit file; and paths.c, which finds that
 * location and walks a path following only the user's own links.
 * HOME and XDG_CONFIG_HOME point
 * into a temporary folder, so the user's own files are never read. */
#include <config.h>

#include <errno.h>
#include <ftw.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* by its path: "config.h" alone would find autoconf's, which comes
 * first on the include path */
#include "core/config.h"
#include "base/paths.h"
#include "../lib/tap.h"

static char fixtures[1024];
static char tmp[256] = "/tmp/rapport-config-XXXXXX";

static const char *fixture(const char *name)
{
    static char path[1100];
    snprintf(path, sizeof path, "%s/%s", fixtures, name);
    return path;
}

/* The one warning that mentions needle, or NULL. */
static const char *warning_with(const struct strlist *w, const char *needle)
{
    for (size_t i = 0; i < w->len; i++)
        if (strstr(w->items[i], needle))
            return w->items[i];
    return NULL;
}

static void test_defaults(void)
{
    struct config cfg;
    config_init(&cfg);
    ok(cfg.path == NULL, "no file read yet");
    ok(cfg.database == NULL, "database: the default location");
    is_str(cfg.start_screen, "review", "start_screen: review");
    is_str(cfg.date_format, "", "date_format: empty (YYYY-MM-DD)");
    ok(cfg.editor == NULL, "editor: $VISUAL/$EDITOR");
    is_int(cfg.week_start, 0, "week_start: Monday");
    ok(!cfg.shared_database, "shared_database: no");
    is_int(cfg.stage_cadence[STAGE_END_USER], 0, "cadence end_user: off");
    is_int(cfg.stage_cadence[STAGE_CUSTOMER], 45, "cadence customer: 45");
    is_int(cfg.stage_cadence[STAGE_CLIENT], 21, "cadence client: 21");
    is_int(cfg.pipeline.end_user_interactions, 3, "end_user_interactions: 3");
    is_int(cfg.pipeline.end_user_window_days, 90, "end_user_window_days: 90");
    is_int(cfg.pipeline.customer_min_days, 180, "customer_min_days: 180");
    is_int(cfg.pipeline.customer_min_touches, 6, "customer_min_touches: 6");
    is_int(cfg.keys.len, 0, "no keys");
    is_int(cfg.colors.len, 0, "no colours");
    config_clear(&cfg);
}

static void test_full(void)
{
    struct config cfg;
    struct strlist w = { 0 };
    config_init(&cfg);
    is_int(config_load(&cfg, fixture("full.ini"), &w), 0, "full.ini loads");
    is_int(w.len, 0, "without a warning");
    for (size_t i = 0; i < w.len; i++)
        printf("# %s\n", w.items[i]);
    is_str(cfg.path, fixture("full.ini"), "the file read is remembered");
    char want[600];
    snprintf(want, sizeof want, "%s/team/rapport.db", getenv("HOME"));
    is_str(cfg.database, want, "database, with ~ expanded");
    is_str(cfg.start_screen, "pipeline", "start_screen, in lower case");
    is_str(cfg.date_format, "%d.%m.%Y", "date_format");
    is_str(cfg.editor, "nano -w", "editor with its argument");
    is_int(cfg.week_start, 6, "week_start sunday");
    ok(cfg.shared_database, "shared_database yes");
    is_int(cfg.stage_cadence[STAGE_END_USER], 14, "cadence end_user 2w = 14 days");
    is_int(cfg.stage_cadence[STAGE_CUSTOMER], 30, "cadence customer 30");
    is_int(cfg.stage_cadence[STAGE_CLIENT], 0, "cadence client off");
    is_int(cfg.pipeline.end_user_interactions, 4, "end_user_interactions");
    is_int(cfg.pipeline.end_user_window_days, 60, "end_user_window_days");
    is_int(cfg.pipeline.customer_min_days, 365, "customer_min_days");
    is_int(cfg.pipeline.customer_min_touches, 10, "customer_min_touches");
    is_int(cfg.keys.len, 3, "three keys collected");
    if (cfg.keys.len == 3) {
        is_str(cfg.keys.items[0], "move_down=j", "a key as name=value");
        is_str(cfg.keys.items[1], "search=/", "a quoted key");
        is_str(cfg.keys.items[2], "note=#", "a quoted comment character");
    }
    is_int(cfg.colors.len, 2, "two colours collected");
    if (cfg.colors.len == 2) {
        is_str(cfg.colors.items[0], "overdue=red,default,bold", "a colour");
        is_str(cfg.colors.items[1], "title=bold", "an attribute");
    }

    /* a second file applies on top: the other forms of values */
    is_int(config_load(&cfg, fixture("forms.ini"), &w), 0, "forms.ini loads");
    is_int(w.len, 0, "without a warning");
    for (size_t i = 0; i < w.len; i++)
        printf("# %s\n", w.items[i]);
    ok(cfg.database == NULL, "an empty database means the default again");
    ok(cfg.editor == NULL, "an empty editor means $VISUAL/$EDITOR");
    ok(!cfg.shared_database, "shared_database off");
    is_int(cfg.week_start, 0, "week_start MONDAY");
    is_str(cfg.date_format, "%-d %B %Y", "a pattern with a flag");
    is_str(cfg.start_screen, "organisations", "start_screen organisations");
    is_int(cfg.stage_cadence[STAGE_END_USER], 0, "cadence 0 is off");
    is_int(cfg.stage_cadence[STAGE_CUSTOMER], 30, "cadence 1m = 30 days");
    is_int(cfg.stage_cadence[STAGE_CLIENT], 10, "cadence 10d");
    strlist_clear(&w);
    config_clear(&cfg);
}

static void test_bad(void)
{
    struct config cfg;
    struct strlist w = { 0 };
    config_init(&cfg);
    is_int(config_load(&cfg, fixture("bad.ini"), &w), 0,
           "bad.ini still loads: rapport starts");
    static const struct {
        const char *where, *value, *form;
    } cases[] = {
        { "[general] start_screen", "calendar", "review, pipeline" },
        { "[general] date_format", "%H:%M", "strftime" },
        { "[general] week_start", "tuesday", "monday or sunday" },
        { "[general] shared_database", "maybe", "yes or no" },
        { "[cadence] end_user", "-3", "number of days" },
        { "[cadence] customer", "banana", "number of days" },
        { "[cadence] client", "2y", "number of days" },
        { "[pipeline] end_user_interactions", "0", "whole number" },
        { "[pipeline] end_user_window_days", "ninety", "whole number" },
        { "[pipeline] customer_min_days", "99999999999", "whole number" },
        { "[pipeline] customer_min_touches", "6.5", "whole number" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char want[1400], name[600];
        snprintf(want, sizeof want, "%s: %s: bad value \"%s\"; expected ",
                 fixture("bad.ini"), cases[i].where, cases[i].value);
        const char *got = warning_with(&w, want);
        snprintf(name, sizeof name, "%s \"%s\" is reported", cases[i].where,
                 cases[i].value);
        ok(got != NULL, name);
        snprintf(name, sizeof name, "... with the expected form (%s)",
                 cases[i].form);
        ok(got && strstr(got, cases[i].form), name);
    }
    const char *unknown = warning_with(&w, "[general] favourite_colour");
    ok(unknown && strstr(unknown, "unknown key"), "an unknown key is reported");
    ok(unknown && strstr(unknown, "start_screen"),
       "... with the keys the section has");
    const char *section = warning_with(&w, "[display]");
    ok(section && strstr(section, "unknown section"),
       "an unknown section is reported");
    ok(!warning_with(&w, "theme"), "... once, not again for each of its keys");
    const char *orphan = warning_with(&w, ": colour: ");
    ok(orphan && strstr(orphan, "outside any section"),
       "a key before any section is reported");
    is_int(w.len, 14, "one warning per problem");

    is_str(cfg.start_screen, "review", "the default start screen is kept");
    is_str(cfg.date_format, "", "the default date format is kept");
    is_int(cfg.week_start, 0, "the default week start is kept");
    ok(!cfg.shared_database, "the default sharing is kept");
    is_int(cfg.stage_cadence[STAGE_END_USER], 0, "cadence end_user kept");
    is_int(cfg.stage_cadence[STAGE_CUSTOMER], 45, "cadence customer kept");
    is_int(cfg.stage_cadence[STAGE_CLIENT], 21, "cadence client kept");
    is_int(cfg.pipeline.end_user_interactions, 3, "thresholds kept (1)");
    is_int(cfg.pipeline.end_user_window_days, 90, "thresholds kept (2)");
    is_int(cfg.pipeline.customer_min_days, 180, "thresholds kept (3)");
    is_int(cfg.pipeline.customer_min_touches, 6, "thresholds kept (4)");
    strlist_clear(&w);
    config_clear(&cfg);
}

static void test_syntax_and_escapes(void)
{
    struct config cfg;
    struct strlist w = { 0 };
    config_init(&cfg);
    is_int(config_load(&cfg, fixture("syntax.ini"), &w), 0,
           "a file with a syntax error does not stop rapport");
    const char *syntax = warning_with(&w, "this line has no equals sign");
    char where[1200];
    snprintf(where, sizeof where, "%s:3: ", fixture("syntax.ini"));
    ok(syntax && strncmp(syntax, where, strlen(where)) == 0,
       "the syntax error names its file and line");
    ok(syntax && strstr(syntax, "key = value"), "... and the expected form");
    ok(syntax && !strchr(syntax, '\n'), "... on one line");
    ok(warning_with(&w, "defaults") != NULL, "and says the defaults are used");
    is_str(cfg.start_screen, "review", "the defaults are used");
    strlist_clear(&w);

    is_int(config_load(&cfg, fixture("escape.ini"), &w), 0, "escape.ini loads");
    const char *escape = warning_with(&w, "start_screen");
    ok(escape && strstr(escape, "\"^[[31mred\""),
       "an escape sequence in a value is shown, not sent");
    ok(escape && !strchr(escape, '\x1b'), "... no raw ESC in the message");
    strlist_clear(&w);
    config_clear(&cfg);
}

static void test_locations(void)
{
    struct config cfg;
    struct strlist w = { 0 };
    char missing[400];
    snprintf(missing, sizeof missing, "%s/nowhere.ini", tmp);
    config_init(&cfg);
    is_int(config_load(&cfg, missing, &w), -1, "a missing explicit file fails");
    ok(w.len == 1 && strstr(w.items[0], missing)
       && strstr(w.items[0], "No such file"),
       "with a message naming the file and the reason");
    ok(cfg.path == NULL, "and no file is remembered");
    strlist_clear(&w);
    config_clear(&cfg);

    config_init(&cfg);
    is_int(config_load(&cfg, NULL, &w), 0, "a missing default file is fine");
    is_int(w.len, 0, "and silent");
    config_clear(&cfg);

    char dir[400], file[450];
    snprintf(dir, sizeof dir, "%s/config/rapport", tmp);
    snprintf(file, sizeof file, "%s/config.ini", dir);
    char parent[400];
    snprintf(parent, sizeof parent, "%s/config", tmp);
    mkdir(parent, 0700);
    mkdir(dir, 0700);
    FILE *f = fopen(file, "w");
    if (f) {
        fputs("[general]\nstart_screen = contacts\n", f);
        fclose(f);
    }
    config_init(&cfg);
    is_int(config_load(&cfg, NULL, &w), 0, "the default file is read");
    is_str(cfg.start_screen, "contacts", "from $XDG_CONFIG_HOME/rapport");
    is_str(cfg.path, file, "and its path remembered");
    config_clear(&cfg);

    config_init(&cfg);
    is_int(config_load(&cfg, dir, &w), -1, "a folder is no config file");
    ok(w.len == 1 && strstr(w.items[0], dir), "... and says which");
    strlist_clear(&w);
    config_clear(&cfg);
}

static void test_paths(void)
{
    char *p = paths_default_config();
    char want[600];
    snprintf(want, sizeof want, "%s/config/rapport/config.ini", tmp);
    is_str(p, want, "the config under $XDG_CONFIG_HOME");
    free(p);
    char *saved = strdup(getenv("XDG_CONFIG_HOME"));
    setenv("XDG_CONFIG_HOME", "relative/dir", 1);
    p = paths_default_config();
    snprintf(want, sizeof want, "%s/.config/rapport/config.ini", getenv("HOME"));
    is_str(p, want, "a relative $XDG_CONFIG_HOME is ignored, as XDG says");
    free(p);
    setenv("XDG_CONFIG_HOME", saved, 1);
    free(saved);

    setenv("XDG_DATA_HOME", "/srv/data", 1);
    p = paths_default_database();
    is_str(p, "/srv/data/rapport/rapport.db", "the database under $XDG_DATA_HOME");
    free(p);
    unsetenv("XDG_DATA_HOME");
    p = paths_default_database();
    snprintf(want, sizeof want, "%s/.local/share/rapport/rapport.db",
             getenv("HOME"));
    is_str(p, want, "else under ~/.local/share");
    free(p);
    char *home = strdup(getenv("HOME"));
    unsetenv("HOME");
    ok(paths_default_database() == NULL, "no home, no XDG: no path");
    p = paths_expand_home("~/x");
    is_str(p, "~/x", "no home: ~ stays as it is");
    free(p);
    setenv("HOME", home, 1);

    p = paths_expand_home("~/team/r.db");
    snprintf(want, sizeof want, "%s/team/r.db", home);
    is_str(p, want, "~/ expands to $HOME");
    free(p);
    p = paths_expand_home("~");
    is_str(p, home, "~ alone too");
    free(p);
    p = paths_expand_home("/abs/~/x");
    is_str(p, "/abs/~/x", "a ~ inside a path stays");
    free(p);
    p = paths_expand_home("~other/x");
    is_str(p, "~other/x", "~user is not guessed");
    free(p);
    ok(paths_expand_home(NULL) == NULL, "NULL stays NULL");

    char file[600], dir[600];
    snprintf(file, sizeof file, "%s/a/b/c/file.db", tmp);
    mode_t old = umask(0);
    is_int(paths_make_parent(file), 0, "missing folders are made");
    umask(old);
    struct stat st;
    snprintf(dir, sizeof dir, "%s/a/b/c", tmp);
    ok(stat(dir, &st) == 0 && S_ISDIR(st.st_mode), "the innermost exists");
    is_int(st.st_mode & 0777, 0700, "... private (0700) whatever the umask");
    snprintf(dir, sizeof dir, "%s/a", tmp);
    ok(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700, "and so is the outermost");
    is_int(paths_make_parent(file), 0, "existing folders are fine");
    FILE *f = fopen(file, "w");
    if (f)
        fclose(f);
    snprintf(dir, sizeof dir, "%s/a/b/c/file.db/x.db", tmp);
    ok(paths_make_parent(dir) == -1 && errno == ENOTDIR,
       "a file in the way is an error (ENOTDIR)");
    free(home);
}

/* paths_walk with the user's own links (another user's need a second
 * user: tests/cli/shared-server.sh). */
/* The network file system check, from the statfs types it is given
 * (no NFS is needed to test it), and this test's own folder. */
static void test_network_fs(void)
{
    ok(paths_network_fs(0x6969), "NFS is a network file system");
    ok(paths_network_fs(0xFF534D42), "so is CIFS");
    ok(paths_network_fs(0xFE534D42), "and SMB2");
    ok(paths_network_fs(0x517B), "and SMB");
    ok(paths_network_fs(0x01021997), "and 9P");
    ok(paths_network_fs(0xFFFFFFFFFF534D42ul), "the type read as a sign-extended long too");
    ok(!paths_network_fs(0xEF53), "ext4 is not");
    ok(!paths_network_fs(0x01021994), "nor tmpfs");
    ok(!paths_network_fs(0x58465342), "nor XFS");
    ok(!paths_network_fs(0x9123683E), "nor Btrfs");
    ok(!paths_network_fs(0), "nor an unknown type 0");
}

static void test_paths_walk(void)
{
    char base[600], path[700], target[700];
    snprintf(base, sizeof base, "%s/walk", tmp);
    snprintf(path, sizeof path, "%s/real", base);
    mode_t old = umask(077);
    mkdir(base, 0700);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/rel", base);
    ok(symlink("real/file.db", path) == 0, "a relative link of the user's");
    snprintf(path, sizeof path, "%s/abs", base);
    snprintf(target, sizeof target, "%s/real", base);
    ok(symlink(target, path) == 0, "an absolute one");
    snprintf(path, sizeof path, "%s/loop1", base);
    symlink("loop2", path);
    snprintf(path, sizeof path, "%s/loop2", base);
    symlink("loop1/x", path);

    struct paths_walk w;
    snprintf(path, sizeof path, "%s/rel", base);
    is_int(paths_walk(path, PATHS_FOLLOW_LAST, &w), 0, "a last link is followed");
    is_str(w.name, "file.db", "to the name it holds");
    is_str(w.folder, target, "in the folder it leads to");
    paths_walk_clear(&w);
    is_int(paths_walk(path, 0, &w), 0, "or, if asked, not");
    is_str(w.name, "rel", "and the name is the link's");
    paths_walk_clear(&w);

    snprintf(path, sizeof path, "%s/abs/../abs/new.db", base);
    is_int(paths_walk(path, PATHS_FOLLOW_LAST | PATHS_SAFE_ABOVE, &w), 0,
           "links and .. on the way");
    is_str(w.name, "new.db", "end at a name yet to be made");
    struct stat a, b;
    ok(fstat(w.dir, &a) == 0 && stat(target, &b) == 0 && a.st_ino == b.st_ino,
       "in the folder the links lead to, held open");
    paths_walk_clear(&w);

    snprintf(path, sizeof path, "%s/loop1", base);
    ok(paths_walk(path, PATHS_FOLLOW_LAST, &w) == -1
       && w.fault == PATHS_FAULT_ERRNO && w.error == ELOOP,
       "a loop of links ends (ELOOP)");
    paths_walk_clear(&w);
    snprintf(path, sizeof path, "%s/none/x.db", base);
    ok(paths_walk(path, 0, &w) == -1 && w.error == ENOENT,
       "a missing folder on the way is ENOENT");
    paths_walk_clear(&w);

    struct stat ls;
    if (lstat("/dev/stdout", &ls) == 0 && S_ISLNK(ls.st_mode)) {
        is_int(paths_walk("/dev/stdout", PATHS_FOLLOW_LAST, &w), 0,
               "/dev/stdout is walked");
        ok(w.kernel_link, "to a link of /proc's, left to the kernel");
        paths_walk_clear(&w);
    } else {
        ok(1, "no /dev/stdout link here");
        ok(1, "no /dev/stdout link here");
    }

    /* A folder above that every user can write, not sticky. */
    snprintf(path, sizeof path, "%s/open", base);
    mkdir(path, 0700);
    chmod(path, 0777);
    snprintf(path, sizeof path, "%s/open/inner", base);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/open/inner/x.db", base);
    ok(paths_walk(path, PATHS_SAFE_ABOVE, &w) == -1
       && w.fault == PATHS_FAULT_FOLDER && w.where && strstr(w.where, "/walk/open"),
       "a folder above that every user can write is at fault");
    char *message = paths_walk_message(&w);
    ok(message && strstr(message, "/walk/open"), "and named in the message");
    free(message);
    paths_walk_clear(&w);
    snprintf(target, sizeof target, "%s/open", base);
    chmod(target, 01777);
    is_int(paths_walk(path, PATHS_SAFE_ABOVE, &w), 0, "unless it is sticky");
    paths_walk_clear(&w);
    chmod(target, 0700);

    is_int(paths_walk(target, 0, &w), 0, "a folder to make files in");
    char *name = NULL;
    int fd = paths_create_temp(w.dir, ".x.tmp-", &name);
    ok(fd >= 0 && name && strncmp(name, ".x.tmp-", 7) == 0, "a temporary file");
    struct stat st;
    ok(fd >= 0 && fstat(fd, &st) == 0 && (st.st_mode & 0777) == 0600, "0600");
    if (fd >= 0)
        close(fd);
    free(name);
    fd = paths_make_temp_folder(w.dir, ".x.dir-", &name);
    ok(fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)
       && (st.st_mode & 0777) == 0700, "a temporary folder, 0700");
    if (fd >= 0)
        close(fd);
    free(name);
    paths_walk_clear(&w);
    umask(old);
}

static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    return remove(path);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const char *srcdir = getenv("top_srcdir");
    snprintf(fixtures, sizeof fixtures, "%s/tests/data/config",
             srcdir && *srcdir ? srcdir : ".");
    if (!mkdtemp(tmp)) {
        printf("1..0 # SKIP no temporary folder\n");
        return 77;
    }
    char home[400], config_home[400];
    snprintf(home, sizeof home, "%s/home", tmp);
    snprintf(config_home, sizeof config_home, "%s/config", tmp);
    mkdir(home, 0700);
    setenv("HOME", home, 1);
    setenv("XDG_CONFIG_HOME", config_home, 1);

    test_defaults();
    test_full();
    test_bad();
    test_syntax_and_escapes();
    test_locations();
    test_paths();
    test_paths_walk();
    test_network_fs();

    nftw(tmp, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    return tap_done();
}
