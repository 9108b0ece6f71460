/* Unit tests of base/options.c, the one option parser: values given
 * both ways, lists, flags, names cut short, ambiguity, missing and
 * unwanted values, "--", "-", options after arguments or not, and the
 * options that end a parse. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/options.h"
#include "../lib/tap.h"

static const struct option_spec specs[] = {
    { "org", OPTION_VALUE, "O", "organisation" },
    { "tag", OPTION_LIST, "T", "a tag" },
    { "yes", OPTION_FLAG, NULL, "do not ask" },
    { "email", OPTION_LIST, "E", "an address" },
    { "edit", OPTION_FLAG, NULL, "edit" },
    { "help", OPTION_FINAL, NULL, "show this help" },
    { NULL, OPTION_FLAG, NULL, NULL },
};

/* Parses the words of line (split at spaces) after a program name. */
static enum options_status parse(struct options *o, const char *line,
                                 unsigned flags, char **buf, char **argv)
{
    static char prog[] = "prog";
    int argc = 0;
    argv[argc++] = prog;
    *buf = strdup(line);
    for (char *w = strtok(*buf, " "); w; w = strtok(NULL, " "))
        argv[argc++] = w;
    argv[argc] = NULL;
    return options_parse(o, specs, argc, argv, flags);
}

static void is_message(const char *line, const char *want, const char *name)
{
    struct options o;
    char *buf, *argv[32];
    parse(&o, line, 0, &buf, argv);
    char *msg = options_message(&o);
    is_str(msg, want, name);
    free(msg);
    options_clear(&o);
    free(buf);
}

static void test_values(void)
{
    struct options o;
    char *buf, *argv[32];
    is_int(parse(&o, "a --org X --tag t1 b --tag=t2 --yes --org=Y c", 0,
                 &buf, argv), OPTIONS_OK, "a line with every kind parses");
    is_str(options_value(&o, "org"), "Y", "the last value counts");
    const struct strlist *tags = options_list(&o, "tag");
    is_int(tags->len, 2, "every value of a list counts");
    is_str(tags->len == 2 ? tags->items[1] : NULL, "t2", "in order, = or not");
    ok(options_set(&o, "yes") && !options_set(&o, "edit"), "flags given and not");
    ok(options_any(&o), "something was given");
    is_int(o.nargs, 3, "the arguments, wherever they stand");
    is_str(o.nargs == 3 ? o.args[2] : NULL, "c", "in their order");
    is_str(options_value(&o, "nosuch"), NULL, "an unknown name has no value");
    options_clear(&o);
    free(buf);

    parse(&o, "--org --yes - -- --tag", 0, &buf, argv);
    is_str(options_value(&o, "org"), "--yes", "a value is the next word, whatever it looks like");
    is_int(o.nargs, 2, "\"-\" is an argument and \"--\" ends the options");
    is_str(o.nargs == 2 ? o.args[1] : NULL, "--tag", "what follows \"--\" is an argument");
    ok(!options_any(&(struct options){ .spec = specs }), "nothing given");
    options_clear(&o);
    free(buf);

    parse(&o, "--o X --ta t --ye", 0, &buf, argv);
    ok(o.status == OPTIONS_OK && strcmp(options_value(&o, "org"), "X") == 0
       && options_list(&o, "tag")->len == 1 && options_set(&o, "yes"),
       "names may be cut short while they stay unambiguous");
    options_clear(&o);
    free(buf);
}

static void test_order(void)
{
    struct options o;
    char *buf, *argv[32];
    parse(&o, "--yes list --org X", OPTIONS_IN_ORDER, &buf, argv);
    is_int(o.end, 2, "in order, parsing stops at the first argument");
    ok(options_set(&o, "yes") && !options_value(&o, "org"), "what follows is not read");
    options_clear(&o);
    free(buf);
    parse(&o, "--yes -- --org", OPTIONS_IN_ORDER, &buf, argv);
    is_int(o.end, 3, "or just after \"--\"");
    options_clear(&o);
    free(buf);
    parse(&o, "--yes --help --bogus", 0, &buf, argv);
    ok(o.status == OPTIONS_OK && options_set(&o, "help"),
       "--help ends the parse: what follows is not looked at");
    options_clear(&o);
    free(buf);
    parse(&o, "-h", 0, &buf, argv);
    ok(options_set(&o, "help"), "-h is --help");
    options_clear(&o);
    free(buf);
}

static void test_failures(void)
{
    is_message("--bogus", "unknown option '--bogus'", "an unknown option");
    is_message("--bogus=1", "unknown option '--bogus=1'", "named as given");
    is_message("-x", "unknown option '-x'", "an unknown letter");
    is_message("-xy", "unknown option '-x'", "the first of several letters");
    is_message("--e", "option '--e' is ambiguous: --email, --edit",
               "the start of two names");
    is_message("--org", "--org needs a value", "a value missing at the end");
    is_message("--or", "--org needs a value", "named in full when cut short");
    is_message("--yes=1", "option '--yes' takes no value", "a flag given a value");
    is_message("--\x1b[31m", "unknown option '--^[[31m'",
               "made safe for a terminal");
    struct options o;
    char *buf, *argv[32];
    is_int(parse(&o, "a --org", 0, &buf, argv), OPTIONS_NEEDS_VALUE,
           "the status says what failed");
    is_str(o.given, "--org", "and the word that did");
    options_clear(&o);
    free(buf);
}

static void test_synopsis(void)
{
    char buf[64];
    options_synopsis(&specs[0], buf, sizeof buf);
    is_str(buf, "--org O", "an option with a value, as --help lists it");
    options_synopsis(&specs[2], buf, sizeof buf);
    is_str(buf, "--yes", "a flag");
    options_synopsis(&specs[5], buf, sizeof buf);
    is_str(buf, "-h, --help", "help, with its letter");
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    test_values();
    test_order();
    test_failures();
    test_synopsis();
    return tap_done();
}
