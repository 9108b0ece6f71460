/* The one option parser (SPEC §4): the global options before a command
 * and every command's options are rows of a table, parsed here. It
 * prints nothing; a failure comes back as what went wrong and where, for
 * the front end to word. Uses nothing above base/.
 *
 *     static const struct option_spec specs[] = {
 *         { "org", OPTION_VALUE, "O", org_help },
 *         { NULL, OPTION_FLAG, NULL, NULL },
 *     };
 *
 * (a help text such as org_help is marked for translation where it is
 * written, and translated where it is shown.)
 *     struct options o;
 *     if (options_parse(&o, specs, argc, argv, 0) != OPTIONS_OK)
 *         ... options_message(&o) ...
 *     const char *org = options_value(&o, "org");
 *     options_clear(&o);
 *
 * Options are "--name VALUE" or "--name=VALUE", or any unambiguous
 * start of the name; "--" ends them. "-h" is "--help" when the table
 * has a "help" row. */
#ifndef RAPPORT_BASE_OPTIONS_H
#define RAPPORT_BASE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strlist.h"

/* The most rows one table has. */
#define OPTIONS_MAX 32

enum option_kind {
    OPTION_FLAG,     /* --yes */
    OPTION_VALUE,    /* --org O: the last one given counts */
    OPTION_LIST,     /* --tag T...: every one given counts */
    OPTION_FINAL,    /* --help, --version: a flag that ends the parse, so
                        what follows it is not looked at */
};

struct option_spec {
    const char *name;      /* given as --name */
    enum option_kind kind;
    const char *arg;       /* the value's placeholder in help ("PATH") */
    const char *help;      /* N_(): its line in --help */
};

enum options_status {
    OPTIONS_OK,
    OPTIONS_UNKNOWN,       /* no such option */
    OPTIONS_AMBIGUOUS,     /* the start of several */
    OPTIONS_NEEDS_VALUE,   /* --org at the end */
    OPTIONS_NO_VALUE,      /* --yes=1 */
    OPTIONS_NO_MEMORY,
};

/* Flags for options_parse. */
enum {
    /* Stop at the first argument (the global options, which end at the
     * command's name); else options may come after the arguments. */
    OPTIONS_IN_ORDER = 1 << 0,
};

/* What a parse came to. */
struct options {
    const struct option_spec *spec;
    bool set[OPTIONS_MAX];
    const char *value[OPTIONS_MAX];
    struct strlist list[OPTIONS_MAX];
    char **args;           /* the arguments, in order (into argv) */
    int nargs;
    int end;               /* where in argv parsing stopped: with
                              OPTIONS_IN_ORDER, the first argument */
    /* After a failure: */
    enum options_status status;
    const char *given;     /* the argv element that failed */
    int failed;            /* its row (NEEDS_VALUE, NO_VALUE), else -1 */
    char letter[3];        /* "-x": given, for a letter that failed */
};

/* Parses argv[1..argc-1] over spec (ending with a NULL name). Returns
 * OPTIONS_OK, or what went wrong (also in o->status); either way o must
 * be cleared after. */
enum options_status options_parse(struct options *o,
                                  const struct option_spec *spec, int argc,
                                  char **argv, unsigned flags);
/* The last value given to --name, or NULL. */
const char *options_value(const struct options *o, const char *name);
/* True when --name was given. */
bool options_set(const struct options *o, const char *name);
/* Every value given to --name, in order (empty when none). */
const struct strlist *options_list(const struct options *o,
                                   const char *name);
/* True when any option at all was given. */
bool options_any(const struct options *o);
/* A failed parse in words, the argument made safe for a terminal:
 * "unknown option '--x'", "--org needs a value" (translated). Free it;
 * NULL when out of memory. */
char *options_message(const struct options *o);
/* An option as --help lists it: "--org O", "-h, --help". */
void options_synopsis(const struct option_spec *spec, char *buf,
                      size_t size);
void options_clear(struct options *o);

#endif
