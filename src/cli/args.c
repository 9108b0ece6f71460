/* What the commands share when they read their arguments: the options
 * given, a usage error, the words of a contact, a date, a stage, roles
 * and a follow-up's id. Uses the layers below cli/. */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/contact.h"
#include "core/stage.h"

/* Reads in (a note, a mail message), but no more than max bytes: what
 * is longer is refused anyway, and reading it whole would cost its
 * whole size in memory. *len (when not NULL) is how much was read; the
 * text ends with a NUL past it. NULL on failure. */
char *args_read_input(FILE *in, size_t max, size_t *got_len)
{
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    size_t got;
    while (len < max
           && (got = fread(buf + len, 1,
                           cap - len - 1 < max - len ? cap - len - 1 : max - len,
                           in)) > 0) {
        len += got;
        if (cap - len - 1 == 0 && len < max) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    if (ferror(in)) {
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    if (got_len)
        *got_len = len;
    return buf;
}

/* A dry run writes nothing, not even a new database file: with none
 * yet, it runs against an empty one that is thrown away. */
int args_prepare_dry_run(struct app *app, const struct cli_args *p)
{
    if (args_flag(p, "dry-run") && !app->st && access(app->db_path, F_OK) != 0
        && app_use_scratch(app, "dry-run") != 0)
        return CLI_USER_ERROR;
    return CLI_OK;
}

const char *args_opt(const struct cli_args *p, const char *name)
{
    return options_value(&p->opts, name);
}

bool args_flag(const struct cli_args *p, const char *name)
{
    return options_set(&p->opts, name);
}

bool args_any(const struct cli_args *p)
{
    return options_any(&p->opts);
}

const struct strlist *args_list(const struct cli_args *p, const char *name)
{
    return options_list(&p->opts, name);
}

int args_usage_fail(const struct cli_args *p, const char *message)
{
    fprintf(stderr, "rapport %s: %s\n", p->cmd->name, message);
    fprintf(stderr, _("Try 'rapport %s --help'."), p->cmd->name);
    fputc('\n', stderr);
    return CLI_USAGE;
}

int args_usage_failf(const struct cli_args *p, const char *fmt, ...)
{
    char *msg = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    char *safe = text_sanitize(msg ? msg : fmt, false);
    int rc = args_usage_fail(p, safe ? safe : fmt);
    free(safe);
    free(msg);
    return rc;
}

/* A one-line usage error naming a bad value: "bad date "x"". */
int args_bad_value(const struct cli_args *p, const char *what,
                   const char *value, const char *expected)
{
    char *shown = text_sanitize(value, false);
    char *msg = NULL;
    if (asprintf(&msg, _("%s: \"%s\" is not valid; expected %s"), what, shown,
                 expected) < 0)
        msg = NULL;
    int rc = args_usage_fail(p, msg ? msg : what);
    free(msg);
    free(shown);
    return rc;
}

/* Joins args[from..] with spaces (a text typed without quotes). */
char *args_join(const struct cli_args *p, int from)
{
    struct strlist words = { 0 };
    for (int i = from; i < p->nargs; i++)
        strlist_push(&words, p->args[i]);
    char *text = strlist_join(&words, " ");
    strlist_clear(&words);
    return text;
}

int args_contact(struct app *app, const char *ref, bool include_archived,
                 struct contact *c)
{
    contact_init(c);
    if (contact_resolve(app->st, ref, include_archived, c) != STORE_OK)
        return output_store_failed(app);
    return CLI_OK;
}

/* A FOLLOWUP argument: "12" or "#12". */
int args_followup_id(const struct cli_args *p, const char *text,
                     int64_t *id)
{
    /* f12 as rapport shows it; 12 and #12 as well */
    const char *s = text[0] == '#' || text[0] == 'f' || text[0] == 'F' ? text + 1 : text;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || errno || v <= 0 || *s < '0' || *s > '9')
        return args_bad_value(p, _("follow-up"), text, _("an id such as f12 (or 12)"));
    *id = v;
    return CLI_OK;
}

int args_date(const struct app *app, const struct cli_args *p,
              const char *text, struct date *d)
{
    struct date today = date_today();
    if (date_parse(text, today, app->cfg.week_start, d) != 0) {
        char example[11], expected[200];
        date_example_iso(today, example);
        snprintf(expected, sizeof expected,
                 _("%s, today, tomorrow, +3d, 2w, in 2 weeks, next week, dec 15, mon..sun or next friday"),
                 example);
        return args_bad_value(p, _("date"), text, expected);
    }
    return CLI_OK;
}

int args_roles(const struct cli_args *p, const struct strlist *roles,
               unsigned *out)
{
    unsigned bits = 0;
    for (size_t i = 0; i < roles->len; i++) {
        int r = contact_parse_role(roles->items[i]);
        if (r < 0)
            return args_bad_value(p, _("role"), roles->items[i],
                                  _("user, decision-maker or both"));
        bits |= (unsigned)r;
    }
    *out = bits;
    return CLI_OK;
}

int args_stage(const struct cli_args *p, const char *text, int *s)
{
    *s = stage_parse(text);
    if (*s == STAGE_NONE)
        return args_bad_value(p, _("stage"), text, "end-user, customer, client");
    return CLI_OK;
}
