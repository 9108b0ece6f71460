/* The one option parser (options.h). It reads argv as GNU getopt_long
 * does for long options, which is what rapport's commands always
 * accepted: options anywhere among the arguments unless told to stop at
 * the first, a value after "=" or in the next element (whatever it looks
 * like), any unambiguous start of a name, "--" ending the options and
 * "-" being an argument (standard input). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/options.h"
#include "base/text.h"

static int count_rows(const struct option_spec *spec)
{
    int n = 0;
    while (spec && spec[n].name)
        n++;
    return n;
}

static int find_row(const struct option_spec *spec, const char *name)
{
    for (int i = 0; spec && spec[i].name; i++)
        if (strcmp(spec[i].name, name) == 0)
            return i;
    return -1;
}

static enum options_status fail(struct options *o, enum options_status why,
                                const char *given, int row)
{
    o->status = why;
    o->given = given;
    o->failed = row;
    return why;
}

/* The row "--NAME[=...]" names: the whole name, else the only one it
 * begins. -1 with o's failure set when none or several. */
static int match_long(struct options *o, const char *arg)
{
    const char *name = arg + 2;
    size_t len = strcspn(name, "=");
    int found = -1;
    for (int i = 0; len > 0 && o->spec[i].name; i++) {
        if (strncmp(o->spec[i].name, name, len) != 0)
            continue;
        if (strlen(o->spec[i].name) == len)
            return i;
        if (found >= 0) {
            /* Keep looking: a whole name wins over being a start. */
            for (int j = i + 1; o->spec[j].name; j++)
                if (strncmp(o->spec[j].name, name, len) == 0
                    && strlen(o->spec[j].name) == len)
                    return j;
            fail(o, OPTIONS_AMBIGUOUS, arg, -1);
            return -1;
        }
        found = i;
    }
    if (found < 0)
        fail(o, OPTIONS_UNKNOWN, arg, -1);
    return found;
}

/* Records row i given with value (NULL for a flag). */
static enum options_status take(struct options *o, int i, const char *value)
{
    o->set[i] = true;
    o->value[i] = value;
    if (o->spec[i].kind == OPTION_LIST
        && strlist_push(&o->list[i], value) != 0)
        return fail(o, OPTIONS_NO_MEMORY, value, i);
    return OPTIONS_OK;
}

/* "--name", "--name=value" or "--name value" at argv[*at]. */
static enum options_status parse_long(struct options *o, int argc,
                                      char **argv, int *at)
{
    const char *arg = argv[*at];
    int i = match_long(o, arg);
    if (i < 0)
        return o->status;
    const char *eq = strchr(arg, '=');
    bool wants = o->spec[i].kind == OPTION_VALUE
                 || o->spec[i].kind == OPTION_LIST;
    if (!wants)
        return eq ? fail(o, OPTIONS_NO_VALUE, arg, i) : take(o, i, NULL);
    if (eq)
        return take(o, i, eq + 1);
    if (*at + 1 >= argc)
        return fail(o, OPTIONS_NEEDS_VALUE, arg, i);
    return take(o, i, argv[++*at]);
}

/* "-h" and letters run together ("-hx"): only -h exists, as --help. */
static enum options_status parse_short(struct options *o, const char *arg)
{
    int help = find_row(o->spec, "help");
    for (const char *c = arg + 1; *c; c++) {
        if (*c == 'h' && help >= 0)
            return take(o, help, NULL);
        o->letter[0] = '-';
        o->letter[1] = *c;
        o->letter[2] = '\0';
        return fail(o, OPTIONS_UNKNOWN, o->letter, -1);
    }
    return OPTIONS_OK;
}

/* True once --help or another option that ends the parse was given. */
static bool final_given(const struct options *o)
{
    for (int i = 0; o->spec[i].name; i++)
        if (o->set[i] && o->spec[i].kind == OPTION_FINAL)
            return true;
    return false;
}

enum options_status options_parse(struct options *o,
                                  const struct option_spec *spec, int argc,
                                  char **argv, unsigned flags)
{
    static const struct option_spec none[] = {
        { NULL, OPTION_FLAG, NULL, NULL },
    };
    memset(o, 0, sizeof *o);
    o->spec = spec ? spec : none;
    spec = o->spec;
    o->failed = -1;
    o->end = argc;
    if (count_rows(spec) > OPTIONS_MAX)
        return fail(o, OPTIONS_NO_MEMORY, "", -1);
    o->args = calloc(argc > 0 ? (size_t)argc : 1, sizeof *o->args);
    if (!o->args)
        return fail(o, OPTIONS_NO_MEMORY, "", -1);
    bool only_args = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        bool option = !only_args && arg[0] == '-' && arg[1] != '\0';
        if (!option) {
            if (flags & OPTIONS_IN_ORDER) {
                o->end = i;
                break;
            }
            o->args[o->nargs++] = argv[i];
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            if (flags & OPTIONS_IN_ORDER) {
                o->end = i + 1;
                break;
            }
            only_args = true;
            continue;
        }
        int before = i;
        enum options_status st = arg[1] == '-' ? parse_long(o, argc, argv, &i)
                                               : parse_short(o, arg);
        if (st != OPTIONS_OK) {
            o->end = before;
            return st;
        }
        if (final_given(o)) {
            o->end = i + 1;
            break;
        }
    }
    if (flags & OPTIONS_IN_ORDER) {
        for (int i = o->end; i < argc; i++)
            o->args[o->nargs++] = argv[i];
    }
    return OPTIONS_OK;
}

const char *options_value(const struct options *o, const char *name)
{
    int i = find_row(o->spec, name);
    return i >= 0 ? o->value[i] : NULL;
}

bool options_set(const struct options *o, const char *name)
{
    int i = find_row(o->spec, name);
    return i >= 0 && o->set[i];
}

const struct strlist *options_list(const struct options *o, const char *name)
{
    static const struct strlist none = { 0 };
    int i = find_row(o->spec, name);
    return i >= 0 ? &o->list[i] : &none;
}

bool options_any(const struct options *o)
{
    for (int i = 0; o->spec && o->spec[i].name; i++)
        if (o->set[i])
            return true;
    return false;
}

/* The rows whose names "--NAME..." begins: "--email, --edit". */
static char *candidates(const struct options *o)
{
    const char *given = strncmp(o->given, "--", 2) == 0 ? o->given + 2
                                                        : o->given;
    size_t len = strcspn(given, "=");
    struct strlist names = { 0 };
    for (int i = 0; len > 0 && o->spec[i].name; i++)
        if (strncmp(o->spec[i].name, given, len) == 0)
            strlist_pushf(&names, "--%s", o->spec[i].name);
    char *list = strlist_join(&names, ", ");
    strlist_clear(&names);
    return list;
}

char *options_message(const struct options *o)
{
    char *msg = NULL, *list = NULL;
    char *shown = text_sanitize(o->given ? o->given : "", false);
    char name[64] = "";
    if (o->failed >= 0)
        snprintf(name, sizeof name, "--%s", o->spec[o->failed].name);
    int rc = -1;
    switch (o->status) {
    case OPTIONS_OK:
        rc = asprintf(&msg, "%s", "");
        break;
    case OPTIONS_UNKNOWN:
        rc = asprintf(&msg, _("unknown option '%s'"), shown);
        break;
    case OPTIONS_AMBIGUOUS:
        list = candidates(o);
        rc = asprintf(&msg, _("option '%s' is ambiguous: %s"), shown,
                      list ? list : "");
        break;
    case OPTIONS_NEEDS_VALUE:
        rc = asprintf(&msg, _("%s needs a value"), name);
        break;
    case OPTIONS_NO_VALUE:
        rc = asprintf(&msg, _("option '%s' takes no value"), name);
        break;
    case OPTIONS_NO_MEMORY:
        rc = asprintf(&msg, "%s", _("out of memory"));
        break;
    }
    free(list);
    free(shown);
    return rc < 0 ? NULL : msg;
}

void options_synopsis(const struct option_spec *spec, char *buf, size_t size)
{
    if (strcmp(spec->name, "help") == 0)
        snprintf(buf, size, "-h, --%s", spec->name);
    else if (spec->arg)
        snprintf(buf, size, "--%s %s", spec->name, spec->arg);
    else
        snprintf(buf, size, "--%s", spec->name);
}

void options_clear(struct options *o)
{
    for (int i = 0; i < OPTIONS_MAX; i++)
        strlist_clear(&o->list[i]);
    free(o->args);
    o->args = NULL;
    o->nargs = 0;
}
