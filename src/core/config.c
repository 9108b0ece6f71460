/* The configuration file (SPEC §6). Every option is one row of
 * config_options below: its section and key, where the value goes in
 * struct config, the function that parses it, and the form shown when a
 * value is wrong. Reading, validating and reporting come from that one
 * table; [keys] and [colors] are collected as they are, for the TUI to
 * check against its own tables. Uses store/ and below. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef HAVE_INIPARSER_INIPARSER_H
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif

#include "core/config.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "base/text.h"

/* A parser reads a trimmed value into the field at place; 0 or -1. */
typedef int (*option_parser)(const char *value, void *place);

struct option {
    const char *section;
    const char *key;
    option_parser parse;
    size_t offset;
    const char *form;   /* shown after "expected"; N_() */
};

/* Replaces a string field; an empty value means "the default", which
 * for these fields is NULL. */
static int set_string(const char *value, void *place, bool empty_is_null)
{
    char *copy = NULL;
    if (*value || !empty_is_null) {
        copy = strdup(value);
        if (!copy)
            return -1;
    }
    char **field = place;
    free(*field);
    *field = copy;
    return 0;
}

/* An empty path or command means the default: the XDG location, or
 * $VISUAL and $EDITOR. */
static int parse_path(const char *value, void *place)
{
    if (!*value)
        return set_string(value, place, true);
    char *path = paths_expand_home(value);
    if (!path)
        return -1;
    char **field = place;
    free(*field);
    *field = path;
    return 0;
}

static int parse_command(const char *value, void *place)
{
    return set_string(value, place, true);
}

static int parse_screen(const char *value, void *place)
{
    static const char *const screens[] = {
        "review", "pipeline", "contacts", "organisations", "reports",
    };
    for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
        if (strcasecmp(value, screens[i]) == 0)
            return set_string(screens[i], place, false);
    }
    return -1;
}

/* Accepts the conversions that describe a day; a time of day (%H, %M)
 * would always show midnight, and an unknown one would be printed as
 * it is. Flags, a width and the E/O modifiers are allowed. */
static bool is_date_pattern(const char *pattern)
{
    static const char date_conversions[] = "aAbBcCdDeFgGhjmnuUVwWxyYt%";
    for (const char *p = pattern; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        while (*p && strchr("_-0^#", *p))
            p++;
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p == 'E' || *p == 'O')
            p++;
        if (!*p || !strchr(date_conversions, *p))
            return false;
    }
    return true;
}

static int parse_date_format(const char *value, void *place)
{
    if (!is_date_pattern(value))
        return -1;
    /* formatting a day proves the pattern gives something readable */
    char shown[128];
    struct tm tm = { .tm_year = 126, .tm_mon = 11, .tm_mday = 1 };
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    size_t n = *value ? strftime(shown, sizeof shown, value, &tm) : 1;
#pragma GCC diagnostic pop
    if (n == 0)
        return -1;
    return set_string(value, place, false);
}

static int parse_week_start(const char *value, void *place)
{
    int *field = place;
    if (strcasecmp(value, "monday") == 0)
        *field = 0;
    else if (strcasecmp(value, "sunday") == 0)
        *field = 6;
    else
        return -1;
    return 0;
}

static int parse_bool(const char *value, void *place)
{
    static const char *const yes[] = { "yes", "true", "on", "1" };
    static const char *const no[] = { "no", "false", "off", "0" };
    bool *field = place;
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcasecmp(value, yes[i]) == 0) {
            *field = true;
            return 0;
        }
        if (strcasecmp(value, no[i]) == 0) {
            *field = false;
            return 0;
        }
    }
    return -1;
}

/* A whole number of at most digits digits, nothing else. */
static int parse_whole(const char *value, int digits, long *out)
{
    long n = 0;
    int count = 0;
    for (const char *p = value; *p; p++) {
        if (*p < '0' || *p > '9' || ++count > digits)
            return -1;
        n = n * 10 + (*p - '0');
    }
    if (count == 0)
        return -1;
    *out = n;
    return 0;
}

/* Days, "off", or an interval: a month counts as 30 days, since a
 * cadence is a rhythm, not a calendar date. */
static int parse_cadence(const char *value, void *place)
{
    int *field = place;
    long days;
    struct interval every;
    if (strcasecmp(value, "off") == 0) {
        *field = 0;
    } else if (parse_whole(value, 5, &days) == 0) {
        if (days > 36500)
            return -1;
        *field = (int)days;
    } else if (date_parse_interval(value, &every) == 0) {
        int per = every.unit == 'd' ? 1 : every.unit == 'w' ? 7 : 30;
        if ((long)every.count * per > 36500)
            return -1;
        *field = every.count * per;
    } else {
        return -1;
    }
    return 0;
}

static int parse_count(const char *value, void *place)
{
    long n;
    if (parse_whole(value, 5, &n) != 0 || n < 1)
        return -1;
    *(int *)place = (int)n;
    return 0;
}

/* Addresses separated by commas, semicolons or blanks, each with
 * something on both sides of its '@'. */
static int parse_addresses(const char *value, void *place)
{
    struct strlist got = { 0 };
    char *copy = strdup(value);
    if (!copy)
        return -1;
    int rc = 0;
    for (char *save = NULL, *a = strtok_r(copy, ",; \t", &save); a;
         a = strtok_r(NULL, ",; \t", &save)) {
        char *at = strchr(a, '@');
        if (!at || at == a || !at[1] || strchr(at + 1, '@')
            || text_find_control(a, false, NULL, 0) || strlist_push(&got, a) != 0) {
            rc = -1;
            break;
        }
    }
    free(copy);
    if (rc != 0) {
        strlist_clear(&got);
        return -1;
    }
    struct strlist *field = place;
    strlist_clear(field);
    *field = got;
    return 0;
}

#define FIELD(name) offsetof(struct config, name)

static const struct option config_options[] = {
    { "general", "database", parse_path, FIELD(database),
      N_("a file path such as ~/team/rapport.db, or nothing for the default") },
    { "general", "start_screen", parse_screen, FIELD(start_screen),
      N_("review, pipeline, contacts, organisations or reports") },
    { "general", "date_format", parse_date_format, FIELD(date_format),
      /* xgettext:no-c-format */
      N_("a strftime pattern of date fields such as %d.%m.%Y, or empty for YYYY-MM-DD") },
    { "general", "editor", parse_command, FIELD(editor),
      N_("a command such as vim or \"nano -w\", or nothing for $VISUAL or $EDITOR") },
    { "general", "week_start", parse_week_start, FIELD(week_start),
      N_("monday or sunday") },
    { "general", "shared_database", parse_bool, FIELD(shared_database),
      N_("yes or no") },
    { "cadence", "end_user", parse_cadence,
      FIELD(stage_cadence[STAGE_END_USER]),
      N_("a number of days up to 36500 (0 or off: never), or 3d, 2w, 1m") },
    { "cadence", "customer", parse_cadence,
      FIELD(stage_cadence[STAGE_CUSTOMER]),
      N_("a number of days up to 36500 (0 or off: never), or 3d, 2w, 1m") },
    { "cadence", "client", parse_cadence,
      FIELD(stage_cadence[STAGE_CLIENT]),
      N_("a number of days up to 36500 (0 or off: never), or 3d, 2w, 1m") },
    { "pipeline", "end_user_interactions", parse_count,
      FIELD(pipeline.end_user_interactions), N_("a whole number from 1 to 99999") },
    { "pipeline", "end_user_window_days", parse_count,
      FIELD(pipeline.end_user_window_days), N_("a whole number of days from 1 to 99999") },
    { "pipeline", "customer_min_days", parse_count,
      FIELD(pipeline.customer_min_days), N_("a whole number of days from 1 to 99999") },
    { "pipeline", "customer_min_touches", parse_count,
      FIELD(pipeline.customer_min_touches), N_("a whole number from 1 to 99999") },
    { "pipeline", "budget_lead_days", parse_count,
      FIELD(pipeline.budget_lead_days), N_("a whole number of days from 1 to 99999") },
    { "mail", "me", parse_addresses, FIELD(mail_me),
      N_("your own addresses, separated by commas, such as me@library.example, desk@library.example") },
};

#define OPTION_COUNT (sizeof config_options / sizeof config_options[0])

/* Sections whose every key is collected as "name=value". */
static const struct {
    const char *section;
    size_t offset;
} config_lists[] = {
    { "keys", FIELD(keys) },
    { "colors", FIELD(colors) },
};

#define LIST_COUNT (sizeof config_lists / sizeof config_lists[0])

void config_init(struct config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->start_screen = strdup("review");
    cfg->date_format = strdup("");
    cfg->week_start = 0;
    cfg->shared_database = false;
    /* SPEC §2: end users are served one transaction at a time, so they
     * have no cadence; customers and clients do. */
    cfg->stage_cadence[STAGE_END_USER] = 0;
    cfg->stage_cadence[STAGE_CUSTOMER] = 45;
    cfg->stage_cadence[STAGE_CLIENT] = 21;
    cfg->pipeline.end_user_interactions = 3;
    cfg->pipeline.end_user_window_days = 90;
    cfg->pipeline.customer_min_days = 180;
    cfg->pipeline.customer_min_touches = 6;
    cfg->pipeline.budget_lead_days = 60;
}

void config_clear(struct config *cfg)
{
    free(cfg->path);
    free(cfg->database);
    free(cfg->start_screen);
    free(cfg->date_format);
    free(cfg->editor);
    strlist_clear(&cfg->keys);
    strlist_clear(&cfg->colors);
    strlist_clear(&cfg->mail_me);
    memset(cfg, 0, sizeof *cfg);
}

/* iniparser reports syntax errors through one process-wide callback;
 * while a file is read it points at that read's warnings, so the
 * errors arrive, translated and on one line, with the others instead
 * of on a bare stderr. */
static struct strlist *syntax_warnings;
static const char *syntax_file;

__attribute__((format(printf, 1, 2)))
static int collect_syntax_error(const char *format, ...)
{
    if (!syntax_warnings)
        return 0;
    va_list ap;
    va_start(ap, format);
    /* iniparser 4's two messages about the file's content, recognised
     * by their formats so the user reads them in their language */
    if (strstr(format, "syntax error in %s (%d)")) {
        (void)va_arg(ap, const char *);
        int line = va_arg(ap, int);
        char *text = text_sanitize(va_arg(ap, const char *), false);
        strlist_pushf(syntax_warnings,
                      _("%s:%d: \"%s\" is not understood; expected "
                        "[section], key = value or a ; comment"),
                      syntax_file, line, text);
        free(text);
    } else if (strstr(format, "line too long in %s (%d)")) {
        (void)va_arg(ap, const char *);
        int line = va_arg(ap, int);
        strlist_pushf(syntax_warnings, _("%s:%d: the line is too long"),
                      syntax_file, line);
    } else {
        char message[1200];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        int n = vsnprintf(message, sizeof message, format, ap);
#pragma GCC diagnostic pop
        if (n >= 0) {
            for (char *p = message; *p; p++)
                if (*p == '\n')
                    *p = ' ';
            text_trim(message);
            char *safe = text_sanitize(message, false);
            strlist_push(syntax_warnings, safe);
            free(safe);
        }
    }
    va_end(ap);
    return 0;
}

static const struct option *find_option(const char *section, const char *key)
{
    for (size_t i = 0; i < OPTION_COUNT; i++) {
        if (strcmp(config_options[i].section, section) == 0
            && strcmp(config_options[i].key, key) == 0)
            return &config_options[i];
    }
    return NULL;
}

static struct strlist *find_list(struct config *cfg, const char *section)
{
    for (size_t i = 0; i < LIST_COUNT; i++) {
        if (strcmp(config_lists[i].section, section) == 0)
            return (struct strlist *)((char *)cfg + config_lists[i].offset);
    }
    return NULL;
}

static bool is_section(const char *section)
{
    for (size_t i = 0; i < OPTION_COUNT; i++)
        if (strcmp(config_options[i].section, section) == 0)
            return true;
    for (size_t i = 0; i < LIST_COUNT; i++)
        if (strcmp(config_lists[i].section, section) == 0)
            return true;
    return false;
}

/* The keys of section, for "expected one of ...". */
static char *section_keys(const char *section)
{
    struct strlist keys = { 0 };
    for (size_t i = 0; i < OPTION_COUNT; i++)
        if (strcmp(config_options[i].section, section) == 0)
            strlist_push(&keys, config_options[i].key);
    char *joined = strlist_join(&keys, ", ");
    strlist_clear(&keys);
    return joined;
}

static void apply_entry(struct config *cfg, const char *file,
                        const char *section, const char *key,
                        const char *raw, struct strlist *warnings)
{
    char *value = strdup(raw ? raw : "");
    if (!value)
        return;
    text_trim(value);
    char *safe_section = text_sanitize(section, false);
    char *safe_key = text_sanitize(key, false);
    struct strlist *list = find_list(cfg, section);
    const struct option *opt = find_option(section, key);
    if (list) {
        /* the TUI shows these in its own warnings; sanitised, a raw
         * control character still names the same key ("^[") */
        char *safe_value = text_sanitize(value, false);
        strlist_pushf(list, "%s=%s", safe_key, safe_value);
        free(safe_value);
    } else if (!is_section(section)) {
        /* a key of an unknown section was reported with the section */
        if (!*section)
            strlist_pushf(warnings,
                          _("%s: %s: a key outside any section; put it under "
                            "[general], [cadence] or [pipeline]"),
                          file, safe_key);
    } else if (!opt) {
        char *keys = section_keys(section);
        strlist_pushf(warnings,
                      _("%s: [%s] %s: unknown key; expected one of %s"),
                      file, safe_section, safe_key, keys ? keys : "");
        free(keys);
    } else if (opt->parse(value, (char *)cfg + opt->offset) != 0) {
        char *safe_value = text_sanitize(value, false);
        /* TRANSLATORS: the file, the section and key as written in
         * it, the value, then what the option accepts */
        strlist_pushf(warnings,
                      _("%s: [%s] %s: bad value \"%s\"; expected %s"),
                      file, safe_section, safe_key, safe_value,
                      _(opt->form));
        free(safe_value);
    }
    free(safe_section);
    free(safe_key);
    free(value);
}

/* Entries are walked in the dictionary's own order, which is the
 * file's: warnings then read top to bottom. A section is stored as an
 * entry without ':', a key as "section:key". */
static void apply_dictionary(struct config *cfg, const char *file,
                             const dictionary *d, struct strlist *warnings)
{
    for (ssize_t i = 0; i < d->size; i++) {
        const char *entry = d->key[i];
        if (!entry)
            continue;
        const char *colon = strchr(entry, ':');
        if (!colon) {
            if (!is_section(entry)) {
                char *safe = text_sanitize(entry, false);
                strlist_pushf(warnings,
                              _("%s: [%s]: unknown section; expected general, "
                                "cadence, pipeline, keys or colors"),
                              file, safe);
                free(safe);
            }
            continue;
        }
        char *section = strndup(entry, (size_t)(colon - entry));
        if (!section)
            continue;
        apply_entry(cfg, file, section, colon + 1, d->val[i], warnings);
        free(section);
    }
}

/* The configuration names the editor rapport runs and the database it
 * opens, so whoever can change it can run commands as the user: like
 * OpenSSH's own config, it is read only when it is the user's or root's
 * and nobody else can write it, nor the folder that holds it (who could
 * swap it). A symbolic link is followed only when the user or root made
 * it (paths_walk), and the file is checked with fstat on what was
 * opened. Returns true, after saying why in warnings, when refused. */
static bool config_refused(int fd, const struct paths_walk *w, const char *shown,
                           struct strlist *warnings)
{
    struct stat sb, dsb;
    if (fstat(fd, &sb) != 0 || fstat(w->dir, &dsb) != 0) {
        strlist_pushf(warnings, _("%s: cannot read the configuration: %s"),
                      shown, strerror(errno));
        return true;
    }
    if (S_ISCHR(sb.st_mode) && paths_trusted_owner(sb.st_uid))
        return false;   /* --config /dev/null: nothing to read */
    if (!S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)) {
        strlist_pushf(warnings, _("%s: the configuration is not a regular file"),
                      shown);
        return true;
    }
    if (!paths_trusted_owner(sb.st_uid)) {
        strlist_pushf(warnings, _("%s belongs to another user, who could change the editor it runs and the database it names; rapport reads only a configuration of yours (or root's)"),
                      shown);
        return true;
    }
    if (sb.st_mode & (S_IWGRP | S_IWOTH)) {
        strlist_pushf(warnings, _("%s can be written by other users, who could change the editor it runs and the database it names; make it private with: chmod go-w %s"),
                      shown, shown);
        return true;
    }
    bool foreign = !paths_trusted_owner(dsb.st_uid);
    if (!foreign && !(dsb.st_mode & (S_IWGRP | S_IWOTH)))
        return false;
    char *folder = text_sanitize(w->folder, false);
    if (foreign)
        strlist_pushf(warnings, _("the folder %s belongs to another user, who could replace the configuration; keep it in a folder of your own"),
                      folder);
    else
        strlist_pushf(warnings, _("the folder %s can be written by other users, who could replace the configuration; make it private with: chmod go-w %s"),
                      folder, folder);
    free(folder);
    return true;
}

int config_load(struct config *cfg, const char *path,
                struct strlist *warnings)
{
    bool explicit = path != NULL;
    char *file = explicit ? strdup(path) : paths_default_config();
    if (!file)
        return explicit ? -1 : 0;
    char *shown = text_sanitize(file, false);

    int rc = 0, fd = -1;
    struct paths_walk w;
    if (paths_walk(file, PATHS_FOLLOW_LAST | PATHS_SAFE_ABOVE, &w) != 0) {
        if (w.fault == PATHS_FAULT_ERRNO) {
            if (w.error == ENOENT && !explicit)
                goto out;   /* no config folder: the defaults */
            strlist_pushf(warnings, _("%s: cannot read the configuration: %s"),
                          shown, strerror(w.error));
            rc = explicit ? -1 : 0;
        } else {
            char *why = paths_walk_message(&w);
            strlist_push(warnings, why ? why : shown);
            free(why);
            rc = -1;
        }
        goto out;
    }
    fd = openat(w.dir, w.name, O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT && !explicit)
        goto out;   /* no config file: the defaults */
    if (fd < 0) {
        int saved = errno;
        strlist_pushf(warnings, _("%s: cannot read the configuration: %s"),
                      shown, strerror(saved));
        /* ELOOP: a link appeared since the walk; never followed */
        rc = explicit || saved == ELOOP ? -1 : 0;
        goto out;
    }
    if (config_refused(fd, &w, shown, warnings)) {
        rc = -1;
        goto out;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        strlist_pushf(warnings, _("%s: cannot read the configuration: %s"),
                      shown, strerror(EISDIR));
        rc = explicit ? -1 : 0;
        goto out;
    }

    /* iniparser opens by name: through /proc it opens the very file
     * checked above. Without /proc the name is read, which nobody else
     * can have swapped: the folders were checked. */
    char by_fd[64];
    snprintf(by_fd, sizeof by_fd, "/proc/self/fd/%d", fd);
    struct stat again;
    const char *load = stat(by_fd, &again) == 0 && again.st_dev == st.st_dev
                       && again.st_ino == st.st_ino ? by_fd : file;
    syntax_warnings = warnings;
    syntax_file = shown;
    iniparser_set_error_callback(collect_syntax_error);
    dictionary *d = iniparser_load(load);
    iniparser_set_error_callback(NULL);
    syntax_warnings = NULL;
    syntax_file = NULL;
    if (!d) {
        /* iniparser gives up on the whole file at a syntax error */
        strlist_pushf(warnings,
                      _("%s: not read because of the errors above; rapport "
                        "uses the defaults"),
                      shown);
        goto out;
    }
    free(cfg->path);
    cfg->path = strdup(file);
    apply_dictionary(cfg, shown, d, warnings);
    iniparser_freedict(d);
out:
    if (fd >= 0)
        close(fd);
    paths_walk_clear(&w);
    free(shown);
    free(file);
    return rc;
}
