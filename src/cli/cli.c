/* The command line (SPEC §4). One table of commands — name, synopsis,
 * summary, options, how many arguments, the function, whether it
 * writes — feeds parsing, `rapport --help`, `rapport COMMAND --help` and
 * the unknown-command error. Each command is one function over the
 * domain modules; none of them knows any SQL. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/cadence.h"
#include "cli/cli.h"
#include "core/contact.h"
#include "core/followup.h"
#include "base/i18n.h"
#include "io/io.h"
#include "core/journal.h"
#include "core/note.h"
#include "core/org.h"
#include "core/report.h"
#include "core/score.h"
#include "core/stage.h"
#include "base/text.h"
#include "model/note.h"
#include "model/score.h"
#include "model/search.h"
#include "store/backup.h"
#include "store/check.h"
#include "store/contact.h"
#include "store/followup.h"
#include "store/forget.h"
#include "store/note.h"
#include "store/quiet.h"
#include "store/score.h"
#include "store/search.h"
#include "store/stage.h"

/* Rows read per window: lists never hold a whole table in memory. */
#define WINDOW 200
/* Gone-quiet contacts the agenda shows before "... and N more". */
#define AGENDA_QUIET_MAX 20
#define MAX_OPTIONS 20

enum opt_kind {
    OPT_FLAG,    /* --yes */
    OPT_VALUE,   /* --org O: the last one given counts */
    OPT_LIST,    /* --tag T...: every one given counts */
};

struct cli_option {
    const char *name;
    enum opt_kind kind;
    const char *arg;      /* the value's placeholder in help */
    const char *help;     /* N_() */
};

struct command;

/* What the options and arguments of one command came to. */
struct parsed {
    const struct command *cmd;
    bool set[MAX_OPTIONS];
    const char *value[MAX_OPTIONS];
    struct strlist list[MAX_OPTIONS];
    char **args;
    int nargs;
};

struct command {
    const char *name;
    const char *synopsis;            /* N_(): after "rapport NAME " */
    const char *summary;             /* N_() */
    const struct cli_option *options;   /* ends with a NULL name */
    int min_args;
    int max_args;                    /* -1: any number */
    int (*run)(struct app *app, struct parsed *p);
    /* Commands that parse their own options (import, export). */
    int (*delegate)(struct app *app, int argc, char **argv);
    bool needs_write;
};

/* ---- output helpers ---------------------------------------------------- */

/* Writes stored text made safe for a terminal (SPEC §8). */
static void put(FILE *out, const char *s)
{
    char *safe = text_sanitize(s ? s : "", false);
    fputs(safe, out);
    free(safe);
}

/* Writes stored text padded or cut to exactly cols columns. */
static void put_pad(FILE *out, const char *s, int cols)
{
    char *safe = text_sanitize(s ? s : "", false);
    size_t size = (size_t)cols * 4 + 8;
    char *buf = malloc(size);
    if (buf) {
        text_pad(safe, cols, buf, size);
        fputs(buf, out);
        free(buf);
    }
    free(safe);
}

/* Writes a multi-line stored text, each line after indent. */
static void put_block(FILE *out, const char *s, const char *indent)
{
    char *safe = text_sanitize(s ? s : "", true);
    char *line = safe;
    while (line && *line) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        fprintf(out, "%s%s\n", indent, line);
        line = end ? end + 1 : NULL;
    }
    free(safe);
}

/* "#12 Zoë Ødegård": how every message names a contact (SPEC §4), so
 * the next command can refer to it. */
static void put_contact_ref(FILE *out, int64_t id, const char *name)
{
    fprintf(out, "#%" PRId64 " ", id);
    put(out, name);
}

static void put_contact(FILE *out, const struct contact *c)
{
    put_contact_ref(out, c->id, c->name);
}

static void fmt_date(const struct app *app, struct date d, char *buf,
                     size_t size)
{
    if (!date_is_set(d)) {
        snprintf(buf, size, "%s", "");
    } else if (app->cfg.date_format && *app->cfg.date_format) {
        date_format(d, app->cfg.date_format, buf, size);
    } else {
        char iso[11];
        date_format_iso(d, iso);
        snprintf(buf, size, "%s", iso);
    }
}

/* ngettext takes an unsigned count; a count of days may be negative
 * (a clock set back), and its plural form follows its size. */
static unsigned long plural_n(long long n)
{
    return n < 0 ? (unsigned long)-n : (unsigned long)n;
}

static int store_failed(struct app *app)
{
    char *message = app_store_error(app->st);
    fprintf(stderr, "rapport: %s\n", message ? message : store_error(app->st));
    free(message);
    return CLI_USER_ERROR;
}

static int usage_fail(const struct parsed *p, const char *message)
{
    fprintf(stderr, "rapport %s: %s\n", p->cmd->name, message);
    fprintf(stderr, _("Try 'rapport %s --help'."), p->cmd->name);
    fputc('\n', stderr);
    return CLI_USAGE;
}

/* A one-line usage error naming a bad value: "bad date "x"". */
static int bad_value(const struct parsed *p, const char *what,
                     const char *value, const char *expected)
{
    char *shown = text_sanitize(value, false);
    char *msg = NULL;
    if (asprintf(&msg, _("%s: \"%s\" is not valid; expected %s"), what, shown,
                 expected) < 0)
        msg = NULL;
    int rc = usage_fail(p, msg ? msg : what);
    free(msg);
    free(shown);
    return rc;
}

/* ---- options ----------------------------------------------------------- */

static int option_index(const struct parsed *p, const char *name)
{
    for (int i = 0; p->cmd->options && p->cmd->options[i].name; i++)
        if (strcmp(p->cmd->options[i].name, name) == 0)
            return i;
    return -1;
}

static const char *opt(const struct parsed *p, const char *name)
{
    int i = option_index(p, name);
    return i >= 0 ? p->value[i] : NULL;
}

static bool opt_set(const struct parsed *p, const char *name)
{
    int i = option_index(p, name);
    return i >= 0 && p->set[i];
}

static const struct strlist *opt_list(const struct parsed *p,
                                      const char *name)
{
    static const struct strlist none = { 0 };
    int i = option_index(p, name);
    return i >= 0 ? &p->list[i] : &none;
}

static void parsed_clear(struct parsed *p)
{
    for (int i = 0; i < MAX_OPTIONS; i++)
        strlist_clear(&p->list[i]);
}

/* What getopt_long found wrong (c is '?' or ':'), said as getopt would,
 * but with the argument made safe for a terminal: getopt's own messages
 * repeat argv raw (SPEC §8). */
static int option_error(const struct parsed *p, const struct option *longopts,
                        int c, char **av)
{
    char *msg = NULL, *shown = NULL;
    int rc;
    if (optopt >= 1000) {
        /* One of ours, given without its value or with one it takes not. */
        char name[64];
        snprintf(name, sizeof name, "--%s", longopts[optopt - 1000].name);
        rc = c == ':' ? asprintf(&msg, _("%s needs a value"), name)
                      : asprintf(&msg, _("option '%s' takes no value"), name);
    } else if (optopt > 0) {
        char letter[3] = { '-', (char)optopt, '\0' };
        shown = text_sanitize(letter, false);
        rc = asprintf(&msg, _("unknown option '%s'"), shown);
    } else {
        /* A long option unknown, or the start of several. */
        const char *arg = optind > 0 && av[optind - 1] ? av[optind - 1] : "";
        const char *given = strncmp(arg, "--", 2) == 0 ? arg + 2 : arg;
        size_t len = strcspn(given, "=");
        struct strlist names = { 0 };
        for (int i = 0; len > 0 && longopts[i].name; i++)
            if (strncmp(longopts[i].name, given, len) == 0)
                strlist_pushf(&names, "--%s", longopts[i].name);
        char *list = names.len > 1 ? strlist_join(&names, ", ") : NULL;
        shown = text_sanitize(arg, false);
        rc = list ? asprintf(&msg, _("option '%s' is ambiguous: %s"), shown, list)
                  : asprintf(&msg, _("unknown option '%s'"), shown);
        free(list);
        strlist_clear(&names);
    }
    if (rc < 0)
        msg = NULL;
    rc = usage_fail(p, msg ? msg : _("unknown option"));
    free(msg);
    free(shown);
    return rc;
}

/* Parses argv (argv[0] the command) with getopt_long over the command's
 * option table; options may come after the arguments. Returns CLI_OK or
 * CLI_USAGE after a message. */
static int parse_options(const struct command *cmd, int argc, char **argv,
                         struct parsed *p, char ***copy)
{
    struct option longopts[MAX_OPTIONS + 1];
    int n = 0;
    for (; cmd->options && cmd->options[n].name; n++) {
        longopts[n] = (struct option){
            .name = cmd->options[n].name,
            .has_arg = cmd->options[n].kind == OPT_FLAG ? no_argument
                                                        : required_argument,
            .flag = NULL,
            .val = 1000 + n,
        };
    }
    longopts[n] = (struct option){ 0 };

    /* getopt names the program in its messages: "rapport add: ...". */
    char *prog = NULL;
    if (asprintf(&prog, "rapport %s", cmd->name) < 0)
        return CLI_USER_ERROR;
    char **av = calloc((size_t)argc + 2, sizeof *av);
    if (!av) {
        free(prog);
        return CLI_USER_ERROR;
    }
    av[0] = prog;
    for (int i = 1; i < argc; i++)
        av[i] = argv[i];
    *copy = av;

    optind = 0;   /* GNU getopt: start afresh */
    opterr = 0;   /* its messages are option_error()'s */
    int c;
    while ((c = getopt_long(argc, av, ":", longopts, NULL)) != -1) {
        if (c < 1000 || c >= 1000 + n)
            return option_error(p, longopts, c, av);
        int i = c - 1000;
        p->set[i] = true;
        p->value[i] = optarg;
        if (cmd->options[i].kind == OPT_LIST)
            strlist_push(&p->list[i], optarg);
    }
    p->args = av + optind;
    p->nargs = argc - optind;
    if (p->nargs < cmd->min_args)
        return usage_fail(p, _("missing argument"));
    if (cmd->max_args >= 0 && p->nargs > cmd->max_args)
        return usage_fail(p, _("too many arguments"));
    return CLI_OK;
}

/* Joins args[from..] with spaces (a text typed without quotes). */
static char *join_args(const struct parsed *p, int from)
{
    struct strlist words = { 0 };
    for (int i = from; i < p->nargs; i++)
        strlist_push(&words, p->args[i]);
    char *text = strlist_join(&words, " ");
    strlist_clear(&words);
    return text;
}

/* ---- shared pieces ----------------------------------------------------- */

static int resolve(struct app *app, const char *ref, bool include_archived,
                   struct contact *c)
{
    contact_init(c);
    if (contact_resolve(app->st, ref, include_archived, c) != STORE_OK)
        return store_failed(app);
    return CLI_OK;
}

/* A FOLLOWUP argument: "12" or "#12". */
static int parse_followup_id(const struct parsed *p, const char *text,
                             int64_t *id)
{
    const char *s = text[0] == '#' ? text + 1 : text;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || errno || v <= 0 || *s < '0' || *s > '9')
        return bad_value(p, _("follow-up"), text, _("an id such as 12 or #12"));
    *id = v;
    return CLI_OK;
}

static int parse_date_arg(const struct parsed *p, const char *text,
                          struct date *d)
{
    if (date_parse(text, date_today(), d) != 0)
        return bad_value(p, _("date"), text,
                         _("2026-12-01, today, tomorrow, +3d, +2w, +1m, mon..sun or next friday"));
    return CLI_OK;
}

static int parse_roles(const struct parsed *p, const struct strlist *roles,
                       unsigned *out)
{
    unsigned bits = 0;
    for (size_t i = 0; i < roles->len; i++) {
        int r = contact_parse_role(roles->items[i]);
        if (r < 0)
            return bad_value(p, _("role"), roles->items[i],
                             _("user, decision-maker or both"));
        bits |= (unsigned)r;
    }
    *out = bits;
    return CLI_OK;
}

static int parse_stage_arg(const struct parsed *p, const char *text, int *s)
{
    *s = stage_parse(text);
    if (*s == STAGE_NONE)
        return bad_value(p, _("stage"), text, "end-user, customer, client");
    return CLI_OK;
}

/* ---- add, edit --------------------------------------------------------- */

/* --phone "KIND:NUMBER" or a plain number; a number already there takes
 * the kind given with it. */
static int add_phones(const struct parsed *p, const struct strlist *given,
                      struct phone_list *into)
{
    for (size_t i = 0; i < given->len; i++) {
        char *number = NULL;
        const char *kind = NULL;
        if (phone_parse(given->items[i], &number, &kind) != 0) {
            char *expected = NULL;
            if (asprintf(&expected, _("a number, or KIND:NUMBER with KIND one of %s"),
                         phone_kind_keys()) < 0)
                expected = NULL;
            int rc = bad_value(p, _("phone"), given->items[i],
                               expected ? expected : phone_kind_keys());
            free(expected);
            return rc;
        }
        long at = number && *number ? phone_list_find(into, number) : -1;
        if (at >= 0 && kind) {
            free(into->items[at].kind);
            into->items[at].kind = strdup(kind);
        } else if (at < 0 && number && *number) {
            phone_list_push(into, number, kind);
        }
        free(number);
    }
    return CLI_OK;
}

static int cmd_add(struct app *app, struct parsed *p)
{
    struct contact c;
    contact_init(&c);
    int rc = CLI_OK;
    int stage = STAGE_END_USER;
    if (opt(p, "stage") && (rc = parse_stage_arg(p, opt(p, "stage"), &stage)))
        return rc;
    unsigned roles = 0;
    if ((rc = parse_roles(p, opt_list(p, "role"), &roles)) != CLI_OK)
        return rc;
    int cadence = -1;
    if (opt(p, "cadence") && cadence_parse(opt(p, "cadence"), &cadence) != 0)
        return bad_value(p, _("cadence"), opt(p, "cadence"),
                         _("Nd, Nw, Nm, off or default"));
    c.stage = (enum stage)stage;
    if (roles)
        c.roles = roles;
    c.cadence_days = cadence;
    c.name = strdup(p->args[0]);
    if (opt(p, "org"))
        c.org = strdup(opt(p, "org"));
    if (opt(p, "department"))
        c.department = strdup(opt(p, "department"));
    if (opt(p, "title"))
        c.title = strdup(opt(p, "title"));
    if (opt(p, "channel"))
        c.channel = strdup(opt(p, "channel"));
    if (opt(p, "projects"))
        c.projects = strdup(opt(p, "projects"));
    if (opt(p, "goals"))
        c.goals = strdup(opt(p, "goals"));
    const char *lists[] = { "email", "tag" };
    struct strlist *into[] = { &c.emails, &c.tags };
    for (size_t l = 0; l < 2; l++) {
        const struct strlist *given = opt_list(p, lists[l]);
        for (size_t i = 0; i < given->len; i++)
            strlist_push(into[l], given->items[i]);
    }
    if ((rc = add_phones(p, opt_list(p, "phone"), &c.phones)) != CLI_OK) {
        /* Reported. */
    } else if (contact_add(app->st, &c, time(NULL)) != STORE_OK) {
        rc = store_failed(app);
    } else {
        printf(_("Added contact "));
        put_contact(stdout, &c);
        printf(" (%s)\n", stage_label(c.stage));
    }
    contact_clear(&c);
    return rc;
}

static void replace_field(char **field, const char *value)
{
    if (!value)
        return;
    free(*field);
    *field = strdup(value);
}

static int cmd_edit(struct app *app, struct parsed *p)
{
    bool any = false;
    for (int i = 0; p->cmd->options[i].name; i++)
        any = any || p->set[i];
    if (!any)
        return usage_fail(p, _("nothing to change: give at least one option"));
    unsigned roles = 0;
    int rc;
    if ((rc = parse_roles(p, opt_list(p, "role"), &roles)) != CLI_OK)
        return rc;
    int cadence = 0;
    if (opt(p, "cadence") && cadence_parse(opt(p, "cadence"), &cadence) != 0)
        return bad_value(p, _("cadence"), opt(p, "cadence"),
                         _("Nd, Nw, Nm, off or default"));

    struct contact c;
    if ((rc = resolve(app, p->args[0], true, &c)) != CLI_OK)
        return rc;
    const char *adds[] = { "email", "phone", "tag" };
    const char *drops[] = { "drop-email", "drop-phone", "untag" };
    struct strlist *into[] = { &c.emails, NULL, &c.tags };
    for (size_t l = 0; l < 3 && rc == CLI_OK; l++) {
        const struct strlist *gone = opt_list(p, drops[l]);
        for (size_t i = 0; i < gone->len && rc == CLI_OK; i++) {
            /* Removing what is not there is a mistake worth hearing
             * about (a typo in an address), not a silent success. A
             * number may be given with its kind, as --phone takes it. */
            size_t dropped = 0;
            if (into[l]) {
                dropped = contact_list_drop(into[l], gone->items[i]);
            } else {
                char *number = NULL;
                const char *kind = NULL;
                phone_parse(gone->items[i], &number, &kind);
                dropped = phone_list_drop(&c.phones, number ? number
                                                            : gone->items[i]);
                free(number);
            }
            if (dropped == 0) {
                char *name = text_sanitize(c.name, false);
                char *value = text_sanitize(gone->items[i], false);
                fprintf(stderr,
                        l == 0 ? _("rapport: #%lld %s has no email address \"%s\"\n")
                        : l == 1 ? _("rapport: #%lld %s has no phone number \"%s\"\n")
                                 : _("rapport: #%lld %s has no tag \"%s\"\n"),
                        (long long)c.id, name, value);
                free(name);
                free(value);
                rc = CLI_USER_ERROR;
            }
        }
        const struct strlist *added = opt_list(p, adds[l]);
        if (!into[l] && rc == CLI_OK)
            rc = add_phones(p, added, &c.phones);
        for (size_t i = 0; into[l] && i < added->len; i++)
            if (!strlist_contains(into[l], added->items[i]))
                strlist_push(into[l], added->items[i]);
    }
    /* After the lists: a missing value is named as the contact is now. */
    replace_field(&c.name, opt(p, "name"));
    replace_field(&c.title, opt(p, "title"));
    replace_field(&c.org, opt(p, "org"));
    replace_field(&c.department, opt(p, "department"));
    replace_field(&c.projects, opt(p, "projects"));
    replace_field(&c.goals, opt(p, "goals"));
    replace_field(&c.channel, opt(p, "channel"));
    if (roles)
        c.roles = roles;
    if (opt(p, "cadence"))
        c.cadence_days = cadence;
    bool changed = false;
    if (rc != CLI_OK) {
        /* Reported above; nothing was written. */
    } else if (contact_update_changed(app->st, &c, time(NULL), &changed)
               != STORE_OK) {
        rc = store_failed(app);
    } else {
        printf("%s", changed ? _("Updated ") : _("Nothing to change for "));
        put_contact(stdout, &c);
        putchar('\n');
    }
    contact_clear(&c);
    return rc;
}

/* ---- list -------------------------------------------------------------- */

enum list_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON };

static void csv_field(FILE *out, const char *s, bool last)
{
    s = s ? s : "";
    if (strpbrk(s, ",\"\r\n")) {
        putc('"', out);
        for (; *s; s++) {
            if (*s == '"')
                putc('"', out);
            putc(*s, out);
        }
        putc('"', out);
    } else {
        fputs(s, out);
    }
    fputs(last ? "\r\n" : ",", out);
}

static const char *const csv_columns[] = {
    "id", "name", "organisation", "title", "stage", "roles", "emails",
    "phones", "tags", "channel", "created", "last_touch", "next_due",
    "archived", "department", "phone_kinds",
};
#define CSV_COLUMNS (sizeof csv_columns / sizeof csv_columns[0])

static const char *roles_key(unsigned roles)
{
    switch (roles & (ROLE_USER | ROLE_DECISION_MAKER)) {
    case ROLE_USER:
        return "user";
    case ROLE_DECISION_MAKER:
        return "decision-maker";
    case ROLE_USER | ROLE_DECISION_MAKER:
        return "user;decision-maker";
    default:
        return "";
    }
}

static void moment_iso(time_t t, char *buf, size_t size)
{
    if (t <= 0)
        snprintf(buf, size, "%s", "");
    else
        date_format_moment(t, buf, size);
}

static void list_csv_row(FILE *out, const struct contact *c)
{
    char id[24], created[32], touched[32], due[11];
    snprintf(id, sizeof id, "%" PRId64, c->id);
    moment_iso(c->created, created, sizeof created);
    moment_iso(c->last_touch, touched, sizeof touched);
    date_format_iso(c->next_due, due);
    char *emails = strlist_join(&c->emails, ";");
    /* Numbers and kinds in two columns, the n-th kind the n-th number's
     * ("" when unknown), so the phones column reads as it always did. */
    struct strlist numbers = { 0 }, kinds = { 0 };
    for (size_t i = 0; i < c->phones.len; i++) {
        strlist_push(&numbers, c->phones.items[i].number);
        strlist_push(&kinds, c->phones.items[i].kind ? c->phones.items[i].kind : "");
    }
    char *phones = strlist_join(&numbers, ";");
    char *phone_kinds = strlist_join(&kinds, ";");
    char *tags = strlist_join(&c->tags, ";");
    const char *fields[CSV_COLUMNS] = {
        id, c->name, c->org, c->title, stage_key(c->stage),
        roles_key(c->roles), emails, phones, tags, c->channel, created,
        touched, due, c->archived ? "yes" : "no", c->department, phone_kinds,
    };
    for (size_t i = 0; i < CSV_COLUMNS; i++)
        csv_field(out, fields[i], i + 1 == CSV_COLUMNS);
    free(emails);
    free(phones);
    free(phone_kinds);
    free(tags);
    strlist_clear(&numbers);
    strlist_clear(&kinds);
}

static json_t *json_text(const char *s)
{
    if (!s)
        return json_null();
    json_t *j = json_string(s);
    if (!j) {
        /* Not UTF-8 after all: show it safely rather than lose the row. */
        char *safe = text_sanitize(s, true);
        j = json_string(safe);
        free(safe);
    }
    return j ? j : json_null();
}

static json_t *json_strings(const struct strlist *l)
{
    json_t *a = json_array();
    for (size_t i = 0; i < l->len; i++)
        json_array_append_new(a, json_text(l->items[i]));
    return a;
}

static json_t *contact_json(const struct contact *c)
{
    char created[32], touched[32], due[11];
    moment_iso(c->created, created, sizeof created);
    moment_iso(c->last_touch, touched, sizeof touched);
    date_format_iso(c->next_due, due);
    json_t *roles = json_array();
    if (c->roles & ROLE_USER)
        json_array_append_new(roles, json_string("user"));
    if (c->roles & ROLE_DECISION_MAKER)
        json_array_append_new(roles, json_string("decision-maker"));
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(c->id));
    json_object_set_new(o, "name", json_text(c->name));
    json_object_set_new(o, "organisation", json_text(c->org));
    json_object_set_new(o, "department", json_text(c->department));
    json_object_set_new(o, "title", json_text(c->title));
    json_object_set_new(o, "stage", json_string(stage_key(c->stage)));
    json_object_set_new(o, "roles", roles);
    json_object_set_new(o, "emails", json_strings(&c->emails));
    json_t *phones = json_array(), *kinds = json_array();
    for (size_t i = 0; i < c->phones.len; i++) {
        json_array_append_new(phones, json_text(c->phones.items[i].number));
        json_array_append_new(kinds, json_text(c->phones.items[i].kind));
    }
    json_object_set_new(o, "phones", phones);
    json_object_set_new(o, "phone_kinds", kinds);
    json_object_set_new(o, "tags", json_strings(&c->tags));
    json_object_set_new(o, "channel", json_text(c->channel));
    json_object_set_new(o, "created", json_string(created));
    json_object_set_new(o, "last_touch", json_string(touched));
    json_object_set_new(o, "next_due", *due ? json_string(due) : json_null());
    json_object_set_new(o, "archived", json_boolean(c->archived));
    return o;
}

static void put_json(FILE *out, json_t *j)
{
    char *s = json_dumps(j, JSON_PRESERVE_ORDER | JSON_INDENT(2));
    if (s)
        fputs(s, out);
    free(s);
}

static void list_table_row(const struct app *app, const struct contact *c)
{
    char due[64];
    fmt_date(app, c->next_due, due, sizeof due);
    /* Ids are right-aligned so the names line up. */
    char id[24];
    snprintf(id, sizeof id, "#%" PRId64, c->id);
    printf("%7s  ", id);
    put_pad(stdout, c->name, 26);
    fputs("  ", stdout);
    put_pad(stdout, stage_label(c->stage), 9);
    fputs("  ", stdout);
    if (*due || c->archived) {
        put_pad(stdout, c->org, 22);
        printf("  %s", due);
        if (c->archived)
            printf("%s%s", *due ? " " : "          ", _("(archived)"));
    } else {
        /* The last column: cut like the others, never padded. */
        char *org = text_sanitize(c->org ? c->org : "", false);
        size_t fit = text_fit(org, 22);
        if (fit < strlen(org))
            put_pad(stdout, org, 22);
        else
            fputs(org, stdout);
        free(org);
    }
    putchar('\n');
}

static int cmd_list(struct app *app, struct parsed *p)
{
    struct contact_filter filter = { .stage = STAGE_NONE };
    int rc;
    if (opt(p, "stage") && (rc = parse_stage_arg(p, opt(p, "stage"),
                                                 &filter.stage)))
        return rc;
    unsigned roles = 0;
    if ((rc = parse_roles(p, opt_list(p, "role"), &roles)) != CLI_OK)
        return rc;
    filter.role = (int)roles;
    filter.tag = opt(p, "tag");
    filter.org = opt(p, "org");
    filter.only_archived = opt_set(p, "archived");
    filter.include_archived = opt_set(p, "all") || filter.only_archived;

    static const char *const sorts[] = { "name", "stage", "last", "next" };
    enum contact_sort sort = CONTACT_SORT_NAME;
    const char *order = opt(p, "sort");
    if (order) {
        size_t i = 0;
        while (i < 4 && strcmp(order, sorts[i]) != 0)
            i++;
        if (i == 4)
            return bad_value(p, _("sort"), order, "name, stage, last, next");
        sort = (enum contact_sort)i;
    }
    enum list_format format = FORMAT_TABLE;
    const char *form = opt(p, "format");
    if (form) {
        if (strcmp(form, "csv") == 0)
            format = FORMAT_CSV;
        else if (strcmp(form, "json") == 0)
            format = FORMAT_JSON;
        else if (strcmp(form, "table") != 0)
            return bad_value(p, _("format"), form, "table, csv, json");
    }

    /* Written to a file or a pipe, the data goes out exactly; shown on
     * a terminal, sanitised (SPEC §8), as a database from before
     * control characters were refused may hold them. */
    FILE *out = stdout;
    if (format != FORMAT_TABLE && isatty(STDOUT_FILENO)
        && !(out = text_terminal_stream(stdout))) {
        fputs(_("rapport: out of memory\n"), stderr);
        return CLI_USER_ERROR;
    }
    if (format == FORMAT_CSV)
        for (size_t i = 0; i < CSV_COLUMNS; i++)
            csv_field(out, csv_columns[i], i + 1 == CSV_COLUMNS);
    if (format == FORMAT_JSON)
        fputs("[", out);

    struct contact last = { 0 };
    bool have_last = false;
    size_t shown = 0;
    rc = CLI_OK;
    for (;;) {
        struct contact_list page = { 0 };
        if (store_contact_page(app->st, &filter, sort,
                               have_last ? &last : NULL, false, WINDOW,
                               &page) != STORE_OK) {
            rc = store_failed(app);
            contact_list_clear(&page);
            break;
        }
        for (size_t i = 0; i < page.len; i++, shown++) {
            const struct contact *c = &page.items[i];
            if (format == FORMAT_CSV) {
                list_csv_row(out, c);
            } else if (format == FORMAT_JSON) {
                fputs(shown ? ",\n" : "\n", out);
                json_t *o = contact_json(c);
                put_json(out, o);
                json_decref(o);
            } else {
                list_table_row(app, c);
            }
        }
        bool more = page.more && page.len > 0;
        if (page.len > 0) {
            contact_clear(&last);
            contact_copy(&last, &page.items[page.len - 1]);
            have_last = true;
        }
        contact_list_clear(&page);
        if (!more)
            break;
    }
    contact_clear(&last);
    if (format == FORMAT_JSON)
        fputs(shown ? "\n]\n" : "]\n", out);
    if (out != stdout && fclose(out) != 0 && rc == CLI_OK) {
        fprintf(stderr, _("rapport: cannot write the output: %s\n"),
                strerror(errno));
        rc = CLI_USER_ERROR;
    }
    if (format == FORMAT_TABLE && shown == 0 && rc == CLI_OK)
        printf("%s\n", _("No contacts."));
    return rc;
}

/* ---- show -------------------------------------------------------------- */

static void show_field(const char *label, const char *value)
{
    if (!value || !*value)
        return;
    printf("  %-14s ", label);
    put(stdout, value);
    putchar('\n');
}

static void show_list(const char *label, const struct strlist *l)
{
    if (l->len == 0)
        return;
    char *joined = strlist_join(l, ", ");
    show_field(label, joined);
    free(joined);
}

static void show_header(const struct app *app, const struct contact *c)
{
    put_contact(stdout, c);
    if (c->archived)
        printf("  %s", _("(archived)"));
    putchar('\n');
    show_field(_("Organisation:"), c->org);
    show_field(_("Department:"), c->department);
    show_field(_("Title:"), c->title);
    show_field(_("Roles:"), contact_roles_label(c->roles));
    char since[64], line[160];
    fmt_date(app, date_from_time(c->stage_since), since, sizeof since);
    snprintf(line, sizeof line, _("%s since %s"), stage_label(c->stage), since);
    show_field(_("Stage:"), line);
    show_list(_("Tags:"), &c->tags);
    show_list(_("Emails:"), &c->emails);
    if (c->phones.len) {
        char *phones = phone_list_describe(&c->phones, ", ");
        show_field(_("Phones:"), phones);
        free(phones);
    }
    show_field(_("Channel:"), c->channel);
    time_t now = time(NULL);
    int days = cadence_days_for(c, app->cfg.stage_cadence);
    char touched[64];
    fmt_date(app, date_from_time(c->last_touch), touched, sizeof touched);
    long long ago = (long long)cadence_days_since(c, now);
    snprintf(line, sizeof line,
             ngettext("%s (%lld day ago)", "%s (%lld days ago)", plural_n(ago)),
             touched, ago);
    show_field(_("Last contact:"), line);
    if (days > 0) {
        snprintf(line, sizeof line,
                 c->cadence_days > 0
                     ? ngettext("every %d day", "every %d days", plural_n(days))
                     : ngettext("every %d day (stage default)",
                                "every %d days (stage default)", plural_n(days)),
                 days);
        if (cadence_is_quiet(c, app->cfg.stage_cadence, now)) {
            size_t len = strlen(line);
            snprintf(line + len, sizeof line - len, _(" — gone quiet"));
        }
        show_field(_("Cadence:"), line);
    }
}

static int show_notes(struct app *app, const struct contact *c)
{
    printf("\n%s (%d)\n", _("Notes"), c->note_count);
    struct note last = { 0 };
    bool have_last = false;
    int rc = CLI_OK;
    for (;;) {
        struct note_list page = { 0 };
        if (store_note_page(app->st, c->id, have_last ? &last : NULL, WINDOW,
                            &page) != STORE_OK) {
            note_list_clear(&page);
            rc = store_failed(app);
            break;
        }
        for (size_t i = 0; i < page.len; i++) {
            const struct note *n = &page.items[i];
            char when[32];
            date_format_moment(n->at, when, sizeof when);
            printf("  #%" PRId64 "  %s  ", n->id, when);
            put(stdout, note_kind_label(n->kind));
            putchar('\n');
            put_block(stdout, n->body, "      ");
        }
        bool more = page.more && page.len > 0;
        if (page.len > 0) {
            note_clear(&last);
            last = page.items[page.len - 1];
            memset(&page.items[page.len - 1], 0, sizeof last);
            have_last = true;
        }
        note_list_clear(&page);
        if (!more)
            break;
    }
    note_clear(&last);
    return rc;
}

static void put_followup(const struct app *app, const struct followup *f,
                         bool with_contact)
{
    char due[64];
    fmt_date(app, f->due, due, sizeof due);
    printf("  #%-5" PRId64 " %s", f->id, due);
    if (f->due_minutes >= 0)
        printf(" %02d:%02d", f->due_minutes / 60, f->due_minutes % 60);
    fputs("  ", stdout);
    if (with_contact) {
        put(stdout, f->contact_name);
        printf(" (#%" PRId64 "): ", f->contact_id);
    }
    put(stdout, f->text);
    if (f->every.count > 0) {
        char every[16];
        date_format_interval(f->every, every, sizeof every);
        printf(_(" (every %s)"), every);
    }
    if (date_is_set(f->snoozed_until)) {
        char until[64];
        fmt_date(app, f->snoozed_until, until, sizeof until);
        printf(_(" (snoozed until %s)"), until);
    }
    putchar('\n');
}

/* Streams follow-ups matching filter; returns how many, or -1. */
static int64_t print_followups(struct app *app,
                               const struct followup_filter *filter,
                               const char *heading, bool with_contact)
{
    struct followup last = { 0 };
    bool have_last = false;
    int64_t count = 0;
    for (;;) {
        struct followup_list page = { 0 };
        if (store_followup_page(app->st, filter, have_last ? &last : NULL,
                                WINDOW, &page) != STORE_OK) {
            followup_list_clear(&page);
            followup_clear(&last);
            return -1;
        }
        for (size_t i = 0; i < page.len; i++, count++) {
            if (count == 0 && heading)
                printf("%s\n", heading);
            put_followup(app, &page.items[i], with_contact);
        }
        bool more = page.more && page.len > 0;
        if (page.len > 0) {
            followup_clear(&last);
            last = page.items[page.len - 1];
            memset(&page.items[page.len - 1], 0, sizeof last);
            have_last = true;
        }
        followup_list_clear(&page);
        if (!more)
            break;
    }
    followup_clear(&last);
    return count;
}

static int cmd_show(struct app *app, struct parsed *p)
{
    struct contact c;
    int rc = resolve(app, p->args[0], true, &c);
    if (rc != CLI_OK)
        return rc;
    show_header(app, &c);
    if (c.projects) {
        printf("\n%s\n", _("Projects"));
        put_block(stdout, c.projects, "  ");
    }
    if (c.goals) {
        printf("\n%s\n", _("Goals"));
        put_block(stdout, c.goals, "  ");
    }
    if ((rc = show_notes(app, &c)) != CLI_OK)
        goto out;

    struct followup_filter ff = {
        .contact_id = c.id, .open_only = true, .include_archived = true,
    };
    char heading[128];
    snprintf(heading, sizeof heading, "\n%s", _("Open follow-ups"));
    if (print_followups(app, &ff, heading, false) < 0) {
        rc = store_failed(app);
        goto out;
    }

    struct stage_change_list history = { 0 };
    if (store_stage_history(app->st, c.id, &history) != STORE_OK) {
        rc = store_failed(app);
        goto out;
    }
    printf("\n%s\n", _("Stage history"));
    for (size_t i = 0; i < history.len; i++) {
        const struct stage_change *s = &history.items[i];
        char when[32];
        date_format_moment(s->at, when, sizeof when);
        printf("  %s  ", when);
        if (s->from == STAGE_NONE)
            printf("%s", stage_label(s->to));
        else
            printf("%s → %s", stage_label((enum stage)s->from),
                   stage_label(s->to));
        if (s->reason && *s->reason) {
            fputs(": ", stdout);
            put(stdout, s->reason);
        }
        putchar('\n');
    }
    stage_change_list_clear(&history);

    struct score_list scores = { 0 };
    if (store_score_list(app->st, c.id, &scores) != STORE_OK) {
        rc = store_failed(app);
        goto out;
    }
    if (scores.len > 0) {
        printf("\n%s\n", _("Satisfaction"));
        for (size_t i = 0; i < scores.len; i++) {
            char when[32];
            date_format_moment(scores.items[i].at, when, sizeof when);
            printf("  %s  %2d/10", when, scores.items[i].value);
            if (scores.items[i].comment && *scores.items[i].comment) {
                fputs("  ", stdout);
                put(stdout, scores.items[i].comment);
            }
            putchar('\n');
        }
    }
    score_list_clear(&scores);
out:
    contact_clear(&c);
    return rc;
}

/* ---- stage, note, score ------------------------------------------------ */

static int cmd_stage(struct app *app, struct parsed *p)
{
    int to;
    int rc = parse_stage_arg(p, p->args[1], &to);
    if (rc != CLI_OK)
        return rc;
    struct contact c;
    if ((rc = resolve(app, p->args[0], false, &c)) != CLI_OK)
        return rc;
    enum stage from = c.stage;
    if (stage_set(app->st, c.id, (enum stage)to, opt(p, "reason"),
                  time(NULL)) != STORE_OK) {
        rc = store_failed(app);
    } else {
        put_contact(stdout, &c);
        printf(": %s → %s\n", stage_label(from), stage_label((enum stage)to));
    }
    contact_clear(&c);
    return rc;
}

/* Reads standard input (a multi-line note), but no more than max bytes:
 * what is longer is refused anyway, and reading it whole would cost its
 * whole size in memory. NULL on failure. */
static char *read_at_most(FILE *in, size_t max)
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
    return buf;
}

static int cmd_note(struct app *app, struct parsed *p)
{
    const char *kind = opt(p, "kind");
    if (kind && !note_kind_valid(kind))
        return bad_value(p, _("kind"), kind,
                         "note, call, email, meeting, consultation, delivery");
    struct contact c;
    int rc = resolve(app, p->args[0], false, &c);
    if (rc != CLI_OK)
        return rc;
    if (p->nargs == 1 && isatty(STDIN_FILENO))
        fputs(_("Type the note; end it with Ctrl-D on a line of its own.\n"),
              stderr);
    /* One byte past the limit is enough for note_add to refuse it. */
    char *body = p->nargs > 1 ? join_args(p, 1)
                              : read_at_most(stdin, NOTE_MAX_BYTES + 1);
    int64_t id = 0;
    if (!body) {
        fprintf(stderr, _("rapport: cannot read the note: %s\n"),
                strerror(errno));
        rc = CLI_USER_ERROR;
    } else if (note_add(app->st, c.id, kind, body, time(NULL), &id)
               != STORE_OK) {
        rc = store_failed(app);
    } else {
        printf(_("Note #%" PRId64 " on "), id);
        put_contact(stdout, &c);
        putchar('\n');
    }
    free(body);
    contact_clear(&c);
    return rc;
}

static int cmd_score(struct app *app, struct parsed *p)
{
    int value = score_parse(p->args[1]);
    if (value < 0)
        return bad_value(p, _("score"), p->args[1],
                         _("a whole number from 0 to 10"));
    struct contact c;
    int rc = resolve(app, p->args[0], false, &c);
    if (rc != CLI_OK)
        return rc;
    char *comment = p->nargs > 2 ? join_args(p, 2) : NULL;
    int64_t id = 0;
    if (score_add(app->st, c.id, value, comment, time(NULL), &id)
        != STORE_OK) {
        rc = store_failed(app);
    } else {
        printf(_("Score %d/10 for "), value);
        put_contact(stdout, &c);
        putchar('\n');
    }
    free(comment);
    contact_clear(&c);
    return rc;
}

/* ---- follow-ups -------------------------------------------------------- */

static int cmd_follow(struct app *app, struct parsed *p)
{
    struct date due;
    int minutes = -1;
    /* "fri 14:00": a time of day may end DATE; a refusal is worded as
     * for any date. */
    int rc = date_parse_with_time(p->args[1], date_today(), &due, &minutes) == 0
                 ? CLI_OK : parse_date_arg(p, p->args[1], &due);
    if (rc != CLI_OK)
        return rc;
    struct interval every = { 0 };
    if (opt(p, "every") && date_parse_interval(opt(p, "every"), &every) != 0)
        return bad_value(p, _("every"), opt(p, "every"),
                         _("a number of days, weeks or months (3d, 2w, 1m)"));
    if (opt(p, "at") && (minutes = date_parse_time(opt(p, "at"))) < 0)
        return bad_value(p, _("time"), opt(p, "at"), "HH:MM");
    struct contact c;
    if ((rc = resolve(app, p->args[0], false, &c)) != CLI_OK)
        return rc;
    char *text = join_args(p, 2);
    int64_t id = 0;
    if (!text || followup_add(app->st, c.id, due, minutes, text, every,
                              time(NULL), &id) != STORE_OK) {
        rc = store_failed(app);
    } else {
        char when[64];
        fmt_date(app, due, when, sizeof when);
        printf(_("Follow-up #%" PRId64 " for "), id);
        put_contact(stdout, &c);
        printf(_(" on %s"), when);
        if (minutes >= 0)
            printf(" %02d:%02d", minutes / 60, minutes % 60);
        if (every.count > 0) {
            char buf[16];
            date_format_interval(every, buf, sizeof buf);
            printf(_(" (every %s)"), buf);
        }
        putchar('\n');
    }
    free(text);
    contact_clear(&c);
    return rc;
}

static int cmd_done(struct app *app, struct parsed *p)
{
    int64_t id;
    int rc = parse_followup_id(p, p->args[0], &id);
    if (rc != CLI_OK)
        return rc;
    struct followup f = { 0 };
    if (store_followup_get(app->st, id, &f) != STORE_OK) {
        fprintf(stderr, _("rapport: no follow-up #%" PRId64 "\n"), id);
        return CLI_USER_ERROR;
    }
    struct followup next = { 0 };
    if (followup_done(app->st, id, opt(p, "note"), time(NULL), &next)
        != STORE_OK) {
        rc = store_failed(app);
    } else {
        printf(_("Done: follow-up #%" PRId64 " for "), id);
        put_contact_ref(stdout, f.contact_id, f.contact_name);
        fputs(": ", stdout);
        put(stdout, f.text);
        putchar('\n');
        if (next.id) {
            char when[64];
            fmt_date(app, next.due, when, sizeof when);
            printf(_("Next: follow-up #%" PRId64 " on %s\n"), next.id, when);
        }
    }
    followup_clear(&next);
    followup_clear(&f);
    return rc;
}

static int cmd_snooze(struct app *app, struct parsed *p)
{
    int64_t id;
    struct date until;
    int rc = parse_followup_id(p, p->args[0], &id);
    if (rc != CLI_OK || (rc = parse_date_arg(p, p->args[1], &until)))
        return rc;
    if (followup_snooze(app->st, id, until, time(NULL)) != STORE_OK)
        return store_failed(app);
    struct followup f = { 0 };
    if (store_followup_get(app->st, id, &f) != STORE_OK)
        return store_failed(app);
    char when[64], due[64];
    fmt_date(app, until, when, sizeof when);
    fmt_date(app, f.due, due, sizeof due);
    printf(_("Snoozed follow-up #%" PRId64 " for "), id);
    put_contact_ref(stdout, f.contact_id, f.contact_name);
    printf(_(" until %s (due %s)\n"), when, due);
    followup_clear(&f);
    return CLI_OK;
}

/* ---- archive, forget, undo --------------------------------------------- */

static int set_archived(struct app *app, struct parsed *p, bool archived)
{
    struct contact c;
    int rc = resolve(app, p->args[0], true, &c);
    if (rc != CLI_OK)
        return rc;
    enum store_status st = archived ? contact_archive(app->st, c.id, time(NULL))
                                    : contact_unarchive(app->st, c.id,
                                                        time(NULL));
    if (st != STORE_OK) {
        rc = store_failed(app);
    } else {
        printf("%s ", archived ? _("Archived") : _("Unarchived"));
        put_contact(stdout, &c);
        putchar('\n');
    }
    contact_clear(&c);
    return rc;
}

static int cmd_archive(struct app *app, struct parsed *p)
{
    return set_archived(app, p, true);
}

static int cmd_unarchive(struct app *app, struct parsed *p)
{
    return set_archived(app, p, false);
}

/* Asks on the terminal for the contact's name; true when it matches. */
static bool confirm_forget(const struct contact *c)
{
    fputs(_("This erases "), stderr);
    put_contact(stderr, c);
    fputs(_(" and everything about them; it cannot be undone.\n"), stderr);
    fputs(_("Earlier backups and exports still hold their data.\n"), stderr);
    fputs(_("Type the name to confirm: "), stderr);
    fflush(stderr);
    char line[1024];
    if (!fgets(line, sizeof line, stdin))
        return false;
    text_trim(line);
    line[strcspn(line, "\r\n")] = '\0';
    char *typed = text_fold(line);
    char *name = text_fold(c->name);
    bool same = typed && name && strcmp(typed, name) == 0;
    free(typed);
    free(name);
    return same;
}

static int cmd_forget(struct app *app, struct parsed *p)
{
    struct contact c;
    int rc = resolve(app, p->args[0], true, &c);
    if (rc != CLI_OK)
        return rc;
    if (!opt_set(p, "yes")) {
        if (!isatty(STDIN_FILENO)) {
            fprintf(stderr, _("rapport: forget asks for the name on a terminal; use --yes to erase #%" PRId64 " without asking\n"),
                    c.id);
            contact_clear(&c);
            return CLI_USER_ERROR;
        }
        if (!confirm_forget(&c)) {
            fputs(_("rapport: the name did not match; nothing was erased\n"),
                  stderr);
            contact_clear(&c);
            return CLI_USER_ERROR;
        }
    }
    if (contact_forget(app->st, c.id) != STORE_OK) {
        rc = store_failed(app);
    } else {
        printf(_("Erased contact #%" PRId64 " and everything about them\n"),
               c.id);
        /* The database forgets; the copies made of it do not. */
        fputs(_("Earlier backups and exports still hold their data; delete those that must not keep it.\n"),
              stdout);
        if (store_wipe_pending(app->st))
            fputs(_("rapport: WARNING: another program is reading the database, so old copies of what was erased stay in the file until it stops; run rapport check afterwards\n"),
                  stderr);
    }
    contact_clear(&c);
    return rc;
}

static int cmd_undo(struct app *app, struct parsed *p)
{
    (void)p;
    char *what = NULL;
    if (journal_undo(app->st, &what) != STORE_OK)
        return store_failed(app);
    printf(_("Undone: "));
    put(stdout, what);
    putchar('\n');
    free(what);
    return CLI_OK;
}

/* ---- agenda ------------------------------------------------------------ */

static int cmd_agenda(struct app *app, struct parsed *p)
{
    long days = 7;
    const char *given = opt(p, "days");
    if (given) {
        char *end;
        errno = 0;
        days = strtol(given, &end, 10);
        if (errno || *end || !*given || days < 0 || days > 3660)
            return bad_value(p, _("days"), given,
                             _("a number of days from 0 to 3660"));
    }
    struct date today = date_today();
    time_t now = time(NULL);
    char heading[128];
    int64_t total = 0, n;

    struct followup_filter f = { .open_only = true };
    f.to = date_add_days(today, -1);
    if ((n = print_followups(app, &f, _("Overdue"), true)) < 0)
        return store_failed(app);
    total += n;

    f.from = today;
    f.to = today;
    snprintf(heading, sizeof heading, "%s%s", total ? "\n" : "", _("Today"));
    if ((n = print_followups(app, &f, heading, true)) < 0)
        return store_failed(app);
    total += n;

    if (days > 0) {
        f.from = date_add_days(today, 1);
        f.to = date_add_days(today, days);
        char label[96];
        snprintf(label, sizeof label,
                 ngettext("Next %ld day", "Next %ld days", plural_n(days)), days);
        snprintf(heading, sizeof heading, "%s%s", total ? "\n" : "", label);
        if ((n = print_followups(app, &f, heading, true)) < 0)
            return store_failed(app);
        total += n;
    }

    struct contact_list quiet = { 0 };
    if (store_quiet_page(app->st, app->cfg.stage_cadence, now, NULL,
                         AGENDA_QUIET_MAX, &quiet) != STORE_OK) {
        contact_list_clear(&quiet);
        return store_failed(app);
    }
    if (quiet.len > 0)
        printf("%s%s\n", total ? "\n" : "", _("Gone quiet"));
    for (size_t i = 0; i < quiet.len; i++) {
        const struct contact *c = &quiet.items[i];
        fputs("  ", stdout);
        put_contact(stdout, c);
        long long since = (long long)cadence_days_since(c, now);
        printf(ngettext(" — %s, %lld day since the last contact (every %d)\n",
                        " — %s, %lld days since the last contact (every %d)\n",
                        plural_n(since)),
               stage_label(c->stage), since,
               cadence_days_for(c, app->cfg.stage_cadence));
    }
    if (quiet.more) {
        int64_t count = 0;
        if (store_quiet_count(app->st, app->cfg.stage_cadence, now, &count)
            == STORE_OK && count > (int64_t)quiet.len)
            printf(_("  … and %lld more\n"),
                   (long long)(count - (int64_t)quiet.len));
    }
    contact_list_clear(&quiet);
    return CLI_OK;
}

/* ---- search ------------------------------------------------------------ */

static int cmd_search(struct app *app, struct parsed *p)
{
    char *query = join_args(p, 0);
    struct search_hit_list hits = { 0 };
    int rc = CLI_OK;
    if (!query || store_search(app->st, query, 100, &hits) != STORE_OK) {
        rc = store_failed(app);
    } else {
        for (size_t i = 0; i < hits.len; i++) {
            const struct search_hit *h = &hits.items[i];
            put_contact(stdout, &h->contact);
            if (h->note_id) {
                printf(_(", note #%" PRId64 ": "), h->note_id);
                put(stdout, h->snippet);
            } else {
                printf("  (%s", stage_label(h->contact.stage));
                if (h->contact.org) {
                    fputs(", ", stdout);
                    put(stdout, h->contact.org);
                }
                putchar(')');
            }
            putchar('\n');
        }
        if (hits.len == 0)
            printf("%s\n", _("No matches."));
    }
    search_hit_list_clear(&hits);
    free(query);
    return rc;
}

/* ---- organisations ----------------------------------------------------- */

static int print_members(struct app *app, const struct org *o, enum role role,
                         const char *heading)
{
    printf("\n%s\n", heading);
    struct contact last = { 0 };
    bool have_last = false;
    size_t count = 0;
    int rc = CLI_OK;
    for (;;) {
        struct contact_list page = { 0 };
        if (org_members(app->st, o, role, have_last ? &last : NULL, WINDOW,
                        &page) != STORE_OK) {
            contact_list_clear(&page);
            rc = store_failed(app);
            break;
        }
        for (size_t i = 0; i < page.len; i++, count++) {
            const struct contact *c = &page.items[i];
            fputs("  ", stdout);
            put_contact(stdout, c);
            printf("  (%s", stage_label(c->stage));
            if (c->title) {
                fputs(", ", stdout);
                put(stdout, c->title);
            }
            if (c->department) {
                fputs(", ", stdout);
                put(stdout, c->department);
            }
            fputs(")\n", stdout);
        }
        bool more = page.more && page.len > 0;
        if (page.len > 0) {
            contact_clear(&last);
            contact_copy(&last, &page.items[page.len - 1]);
            have_last = true;
        }
        contact_list_clear(&page);
        if (!more)
            break;
    }
    contact_clear(&last);
    if (rc == CLI_OK && count == 0)
        printf("  %s\n", _("none"));
    return rc;
}

static void print_counts(const struct org *o)
{
    for (int s = 0; s < STAGE_COUNT; s++)
        printf("%s%s %d", s ? ", " : "", stage_plural_label((enum stage)s),
               o->stage_counts[s]);
}

static int cmd_orgs(struct app *app, struct parsed *p)
{
    if (p->nargs == 1) {
        struct org o = { 0 };
        if (org_resolve(app->st, p->args[0], &o) != STORE_OK)
            return store_failed(app);
        put(stdout, o.name);
        fputs("  ", stdout);
        print_counts(&o);
        putchar('\n');
        if (o.notes && *o.notes)
            put_block(stdout, o.notes, "  ");
        int rc = print_members(app, &o, ROLE_DECISION_MAKER,
                               _("Decision-makers"));
        if (rc == CLI_OK)
            rc = print_members(app, &o, ROLE_USER, _("Users"));
        org_clear(&o);
        return rc;
    }
    struct org last = { 0 };
    bool have_last = false;
    size_t count = 0;
    int rc = CLI_OK;
    for (;;) {
        struct org_list page = { 0 };
        if (org_page(app->st, have_last ? &last : NULL, WINDOW, &page)
            != STORE_OK) {
            org_list_clear(&page);
            rc = store_failed(app);
            break;
        }
        for (size_t i = 0; i < page.len; i++, count++) {
            put_pad(stdout, page.items[i].name, 36);
            fputs("  ", stdout);
            print_counts(&page.items[i]);
            putchar('\n');
        }
        bool more = page.more && page.len > 0;
        if (page.len > 0) {
            org_clear(&last);
            last = page.items[page.len - 1];
            memset(&page.items[page.len - 1], 0, sizeof last);
            have_last = true;
        }
        org_list_clear(&page);
        if (!more)
            break;
    }
    org_clear(&last);
    if (rc == CLI_OK && count == 0)
        printf("%s\n", _("No organisations."));
    return rc;
}

/* ---- report ------------------------------------------------------------ */

#define BAR_WIDTH 40

static void bar(double value, double max)
{
    int len = max > 0 ? (int)(value / max * BAR_WIDTH + 0.5) : 0;
    if (value > 0 && len == 0)
        len = 1;
    for (int i = 0; i < len; i++)
        putchar('#');
    for (int i = len; i < BAR_WIDTH; i++)
        putchar(' ');
}

static void nps_line(const char *label, const struct nps *n)
{
    put_pad(stdout, label, 16);
    double value;
    if (score_nps(n, &value)) {
        /* Each count has its own plural; the sentence puts them together. */
        char answered[64], promoters[64], detractors[64];
        snprintf(answered, sizeof answered,
                 ngettext("%d answered", "%d answered", plural_n(n->answered)),
                 n->answered);
        snprintf(promoters, sizeof promoters,
                 ngettext("%d promoter", "%d promoters", plural_n(n->promoters)),
                 n->promoters);
        snprintf(detractors, sizeof detractors,
                 ngettext("%d detractor", "%d detractors",
                          plural_n(n->detractors)),
                 n->detractors);
        /* TRANSLATORS: the net promoter score, then "3 answered",
         * "2 promoters" and "1 detractor". */
        printf(_(" %+4.0f  (%s: %s, %s)\n"), value, answered, promoters,
               detractors);
    } else
        printf(" %4s  (%s)\n", "—", _("nobody answered"));
}

static json_t *nps_json(const struct nps *n)
{
    json_t *o = json_object();
    double value;
    json_object_set_new(o, "answered", json_integer(n->answered));
    json_object_set_new(o, "promoters", json_integer(n->promoters));
    json_object_set_new(o, "detractors", json_integer(n->detractors));
    json_object_set_new(o, "nps", score_nps(n, &value) ? json_real(value)
                                                       : json_null());
    return o;
}

static void report_json(const struct report *r)
{
    json_t *o = json_object();
    json_t *funnel = json_object(), *median = json_object();
    json_t *nps = json_object();
    for (int s = 0; s < STAGE_COUNT; s++) {
        const char *key = stage_key((enum stage)s);
        json_object_set_new(funnel, key, json_integer(r->stage_counts[s]));
        json_object_set_new(median, key, r->median_days[s] < 0
                                             ? json_null()
                                             : json_real(r->median_days[s]));
        json_object_set_new(nps, key, nps_json(&r->nps_stage[s]));
    }
    json_object_set_new(nps, "user", nps_json(&r->nps_user));
    json_object_set_new(nps, "decision-maker",
                        nps_json(&r->nps_decision_maker));
    json_object_set_new(nps, "all", nps_json(&r->nps_all));
    json_t *promotions = json_object();
    json_object_set_new(promotions, "month",
                        json_integer(r->promotions_month));
    json_object_set_new(promotions, "quarter",
                        json_integer(r->promotions_quarter));
    json_object_set_new(o, "funnel", funnel);
    json_object_set_new(o, "promotions", promotions);
    json_object_set_new(o, "median_days", median);
    json_object_set_new(o, "nps", nps);
    json_object_set_new(o, "overdue", json_integer(r->overdue));
    json_object_set_new(o, "quiet", json_integer(r->quiet));
    put_json(stdout, o);
    putchar('\n');
    json_decref(o);
}

static int cmd_report(struct app *app, struct parsed *p)
{
    bool json = false;
    const char *form = opt(p, "format");
    if (form) {
        json = strcmp(form, "json") == 0;
        if (!json && strcmp(form, "table") != 0)
            return bad_value(p, _("format"), form, "table, json");
    }
    struct report r;
    memset(&r, 0, sizeof r);
    if (report_build(app->st, app->cfg.stage_cadence, time(NULL), &r)
        != STORE_OK)
        return store_failed(app);
    if (json) {
        report_json(&r);
        return CLI_OK;
    }
    double max = 0;
    for (int s = 0; s < STAGE_COUNT; s++)
        if (r.stage_counts[s] > max)
            max = (double)r.stage_counts[s];
    printf("%s\n", _("Funnel"));
    for (int s = 0; s < STAGE_COUNT; s++) {
        fputs("  ", stdout);
        put_pad(stdout, stage_plural_label((enum stage)s), 14);
        bar((double)r.stage_counts[s], max);
        printf(" %lld\n", (long long)r.stage_counts[s]);
    }
    printf("\n%s\n", _("Promotions"));
    printf(_("  this month %lld, this quarter %lld\n"),
           (long long)r.promotions_month, (long long)r.promotions_quarter);

    /* The bars scale the whole days printed beside them: a median of
     * minutes is "0 days" and gets no bar, rather than a full one when
     * every median is that small. */
    long long days[STAGE_COUNT];
    max = 0;
    for (int s = 0; s < STAGE_COUNT; s++) {
        days[s] = r.median_days[s] < 0 ? -1
                                       : (long long)(r.median_days[s] + 0.5);
        if ((double)days[s] > max)
            max = (double)days[s];
    }
    printf("\n%s\n", _("Median days in each stage"));
    for (int s = 0; s < STAGE_COUNT; s++) {
        fputs("  ", stdout);
        put_pad(stdout, stage_plural_label((enum stage)s), 14);
        if (days[s] < 0) {
            printf("%s\n", _("no data"));
        } else {
            bar((double)days[s], max);
            printf(ngettext(" %lld day\n", " %lld days\n", plural_n(days[s])),
                   days[s]);
        }
    }
    printf("\n%s\n", _("Net promoter score"));
    for (int s = 0; s < STAGE_COUNT; s++) {
        fputs("  ", stdout);
        nps_line(stage_plural_label((enum stage)s), &r.nps_stage[s]);
    }
    fputs("  ", stdout);
    nps_line(_("Users"), &r.nps_user);
    fputs("  ", stdout);
    nps_line(_("Decision-makers"), &r.nps_decision_maker);
    fputs("  ", stdout);
    nps_line(_("Everyone"), &r.nps_all);
    printf("\n%s\n", _("Workload"));
    printf(_("  overdue follow-ups %lld, gone quiet %lld\n"),
           (long long)r.overdue, (long long)r.quiet);
    return CLI_OK;
}

/* ---- whole file -------------------------------------------------------- */

static int cmd_backup(struct app *app, struct parsed *p)
{
    if (store_backup(app->st, p->args[0]) != STORE_OK)
        return store_failed(app);
    printf(_("Backed up to "));
    put(stdout, p->args[0]);
    putchar('\n');
    return CLI_OK;
}

static int cmd_check(struct app *app, struct parsed *p)
{
    if (opt_set(p, "rebuild-index")) {
        if (app->read_only) {
            fprintf(stderr, _("rapport: --rebuild-index changes the database, which is open read-only\n"));
            return CLI_USER_ERROR;
        }
        if (store_rebuild_search(app->st) != STORE_OK)
            return store_failed(app);
        printf("%s\n", _("The search index was made again."));
    }
    struct check_problem_list problems = { 0 };
    enum store_status st = store_check(app->st, &problems);
    int rc = CLI_OK;
    if (st == STORE_OK && problems.len == 0) {
        printf("%s\n", _("The database is sound."));
    } else {
        for (size_t i = 0; i < problems.len; i++) {
            char *line = app_advised(problems.items[i].text, problems.items[i].advice);
            put(stdout, line ? line : problems.items[i].text);
            putchar('\n');
            free(line);
        }
        if (problems.len > 0)
            fprintf(stderr, ngettext("rapport: the database is damaged (%zu problem); restore a backup or run sqlite3 .recover\n",
                                     "rapport: the database is damaged (%zu problems); restore a backup or run sqlite3 .recover\n",
                                     (unsigned long)problems.len),
                    problems.len);
        else
            store_failed(app);
        rc = CLI_USER_ERROR;
    }
    store_check_problems_clear(&problems);
    return rc;
}

/* ---- the table --------------------------------------------------------- */

static const struct cli_option add_options[] = {
    { "email", OPT_LIST, "E", N_("an email address (repeatable)") },
    { "phone", OPT_LIST, "[KIND:]P",
      N_("a phone number, with its kind: cell:+47 123 (repeatable)") },
    { "org", OPT_VALUE, "O", N_("organisation") },
    { "department", OPT_VALUE, "D", N_("department within the organisation") },
    { "title", OPT_VALUE, "T", N_("job title") },
    { "stage", OPT_VALUE, "S", N_("end-user (default), customer or client") },
    { "role", OPT_LIST, "R", N_("user (default), decision-maker or both") },
    { "tag", OPT_LIST, "T", N_("a tag or subject area (repeatable)") },
    { "channel", OPT_VALUE, "C", N_("preferred channel") },
    { "projects", OPT_VALUE, "TEXT", N_("their projects") },
    { "goals", OPT_VALUE, "TEXT", N_("their desired outcomes") },
    { "cadence", OPT_VALUE, "Nd|Nw|Nm", N_("how often to touch them") },
    { NULL, OPT_FLAG, NULL, NULL },
};

static const struct cli_option edit_options[] = {
    { "name", OPT_VALUE, "N", N_("a new name") },
    { "title", OPT_VALUE, "T", N_("job title (\"\" clears it)") },
    { "org", OPT_VALUE, "O", N_("organisation (\"\" clears it)") },
    { "department", OPT_VALUE, "D", N_("department (\"\" clears it)") },
    { "role", OPT_LIST, "R", N_("user, decision-maker or both (replaces)") },
    { "email", OPT_LIST, "E", N_("add an email address") },
    { "phone", OPT_LIST, "[KIND:]P",
      N_("add a phone number, or set its kind: work:+47 123") },
    { "tag", OPT_LIST, "T", N_("add a tag") },
    { "drop-email", OPT_LIST, "E", N_("remove an email address") },
    { "drop-phone", OPT_LIST, "P", N_("remove a phone number") },
    { "untag", OPT_LIST, "T", N_("remove a tag") },
    { "projects", OPT_VALUE, "TEXT", N_("their projects") },
    { "goals", OPT_VALUE, "TEXT", N_("their desired outcomes") },
    { "channel", OPT_VALUE, "C", N_("preferred channel") },
    { "cadence", OPT_VALUE, "Nd|Nw|Nm|default",
      N_("how often to touch them; default: the stage's") },
    { NULL, OPT_FLAG, NULL, NULL },
};

static const struct cli_option list_options[] = {
    { "stage", OPT_VALUE, "S", N_("only this stage") },
    { "tag", OPT_VALUE, "T", N_("only contacts with this tag") },
    { "org", OPT_VALUE, "O", N_("only this organisation") },
    { "role", OPT_LIST, "R", N_("only users or decision-makers") },
    { "archived", OPT_FLAG, NULL, N_("only archived contacts") },
    { "all", OPT_FLAG, NULL, N_("archived contacts too") },
    { "sort", OPT_VALUE, "name|stage|last|next",
      N_("order: name, stage, last contact, next follow-up") },
    { "format", OPT_VALUE, "table|csv|json", N_("output format") },
    { NULL, OPT_FLAG, NULL, NULL },
};

static const struct cli_option stage_options[] = {
    { "reason", OPT_VALUE, "TEXT", N_("why the stage changed") },
    { NULL, OPT_FLAG, NULL, NULL },
};

static const struct cli_option note_options[] = {
    { "kind", OPT_VALUE, "K",
      N_("note, call, email, meeting, consultation or delivery") },
    { NULL, OPT_FLAG, NULL, NULL },
};

static const struct cli_option follow_options[] = {
    { "every", OPT_VALUE, "Nd|Nw|Nm", N_("repeat after each completion") },
    { "at", OPT_VALUE, "HH:MM", N_("time of day") },
    { NULL, OPT_FLAG, NULL, NULL },
};

static const struct cli_option done_options[] = {
    { "note", OPT_VALUE, "TEXT", N_("log a note with it") },
    { NULL, OPT_FLAG, NULL, NULL },
};

static const struct cli_option forget_options[] = {
    { "yes", OPT_FLAG, NULL, N_("do not ask for the name") },
    { NULL, OPT_FLAG, NULL, NULL },
};

static const struct cli_option agenda_options[] = {
    { "days", OPT_VALUE, "N", N_("how many days ahead (default 7)") },
    { NULL, OPT_FLAG, NULL, NULL },
};

static const struct cli_option report_options[] = {
    { "format", OPT_VALUE, "table|json", N_("output format") },
    { NULL, OPT_FLAG, NULL, NULL },
};

static const struct cli_option check_options[] = {
    { "rebuild-index", OPT_FLAG, NULL, N_("make the search index again from the contacts and notes") },
    { NULL, OPT_FLAG, NULL, NULL },
};

static const struct cli_option no_options[] = {
    { NULL, OPT_FLAG, NULL, NULL },
};

static const struct command commands[] = {
    { "add", N_("NAME [OPTIONS]"), N_("add a contact"), add_options, 1, 1,
      cmd_add, NULL, true },
    { "list", N_("[OPTIONS]"), N_("list contacts"), list_options, 0, 0,
      cmd_list, NULL, false },
    { "show", N_("CONTACT"), N_("show everything about a contact"),
      no_options, 1, 1, cmd_show, NULL, false },
    { "stage", N_("CONTACT end-user|customer|client [--reason TEXT]"),
      N_("move a contact along the pipeline"), stage_options, 2, 2,
      cmd_stage, NULL, true },
    { "note", N_("CONTACT [TEXT] [--kind K]"),
      N_("record an interaction (TEXT or standard input)"), note_options, 1,
      -1, cmd_note, NULL, true },
    { "follow", N_("CONTACT DATE TEXT [--every Nd|Nw|Nm] [--at HH:MM]"),
      N_("schedule a follow-up"), follow_options, 3, -1, cmd_follow, NULL,
      true },
    { "done", N_("FOLLOWUP [--note TEXT]"), N_("mark a follow-up done"),
      done_options, 1, 1, cmd_done, NULL, true },
    { "snooze", N_("FOLLOWUP DATE"),
      N_("move a follow-up to a later day; its due date stays"), no_options,
      2, 2, cmd_snooze, NULL, true },
    { "edit", N_("CONTACT [OPTIONS]"), N_("change a contact"), edit_options,
      1, 1, cmd_edit, NULL, true },
    { "archive", N_("CONTACT"), N_("hide a contact, keeping everything"),
      no_options, 1, 1, cmd_archive, NULL, true },
    { "unarchive", N_("CONTACT"), N_("bring an archived contact back"),
      no_options, 1, 1, cmd_unarchive, NULL, true },
    { "forget", N_("CONTACT [--yes]"),
      N_("erase a contact completely; cannot be undone"), forget_options, 1,
      1, cmd_forget, NULL, true },
    { "agenda", N_("[--days N]"),
      N_("overdue, today, the next days and who has gone quiet"),
      agenda_options, 0, 0, cmd_agenda, NULL, false },
    { "search", N_("QUERY"), N_("search contacts and notes"), no_options, 1,
      -1, cmd_search, NULL, false },
    { "score", N_("CONTACT 0-10 [COMMENT]"),
      N_("record a satisfaction score"), no_options, 2, -1, cmd_score, NULL,
      true },
    { "orgs", N_("[ORG]"),
      N_("organisations with counts per stage; one: its decision-makers and users"),
      no_options, 0, 1, cmd_orgs, NULL, false },
    { "report", N_("[--format table|json]"),
      N_("funnel, promotions, days per stage, NPS"), report_options, 0, 0,
      cmd_report, NULL, false },
    { "import",
      N_("FILE [--format csv|vcard|ics] [--dry-run] [--strict] [--map SPEC]"),
      N_("import contacts or follow-ups"), NULL, 0, -1, NULL,
      io_import_command, true },
    { "export",
      N_("[--format csv|vcard|ics|json] [--output FILE] [--vcard-version 3|4]"),
      N_("export contacts or follow-ups"), NULL, 0, -1, NULL,
      io_export_command, false },
    { "backup", N_("FILE"), N_("write an online, consistent copy"),
      no_options, 1, 1, cmd_backup, NULL, false },
    { "check", N_("[--rebuild-index]"), N_("check the database's integrity"), check_options, 0, 0,
      cmd_check, NULL, false },
    { "undo", "", N_("revert the last change"), no_options, 0, 0, cmd_undo,
      NULL, true },
};
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int cli_is_command(const char *name)
{
    return find_command(name) != NULL;
}

void cli_print_usage(FILE *out)
{
    fprintf(out, "%s\n",
            _("Usage: rapport [--db PATH] [--config PATH] [--demo] [--read-only] [COMMAND [ARGS]]"));
    fprintf(out, "%s\n\n",
            _("A keyboard-driven relationship manager; without a command it opens the full-screen interface."));
    fprintf(out, "%s\n", _("Global options (before the command):"));
    fprintf(out, "  %-22s %s\n", "--db PATH", _("the database to use"));
    fprintf(out, "  %-22s %s\n", "--config PATH", _("the configuration file"));
    fprintf(out, "  %-22s %s\n", "--demo",
            _("a throw-away database full of sample data"));
    fprintf(out, "  %-22s %s\n", "--read-only", _("change nothing"));
    fprintf(out, "  %-22s %s\n", "-h, --help", _("show this help"));
    fprintf(out, "  %-22s %s\n", "--version", _("show the version"));
    fprintf(out, "\n%s\n", _("Commands:"));
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
    fprintf(out, "\n%s\n",
            _("Run 'rapport COMMAND --help' for a command's arguments and options."));
}

static void print_command_help(const struct command *cmd)
{
    printf(_("Usage: rapport %s %s\n"), cmd->name, _(cmd->synopsis));
    printf("%s\n", _(cmd->summary));
    if (cmd->options && cmd->options[0].name) {
        printf("\n%s\n", _("Options:"));
        for (int i = 0; cmd->options[i].name; i++) {
            char left[64];
            if (cmd->options[i].arg)
                snprintf(left, sizeof left, "--%s %s", cmd->options[i].name,
                         cmd->options[i].arg);
            else
                snprintf(left, sizeof left, "--%s", cmd->options[i].name);
            printf("  %-26s %s\n", left, _(cmd->options[i].help));
        }
    }
    printf("  %-26s %s\n", "-h, --help", _("show this help"));
}

static bool wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    }
    return false;
}

/* Whether argv holds the option before a "--". */
static bool has_flag(int argc, char **argv, const char *flag)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], flag) == 0)
            return true;
    return false;
}

int cli_run(struct app *app, int argc, char **argv)
{
    const struct command *cmd = argc > 0 ? find_command(argv[0]) : NULL;
    if (!cmd) {
        char *shown = text_sanitize(argc > 0 ? argv[0] : "", false);
        fprintf(stderr, _("rapport: unknown command '%s'\n"), shown);
        free(shown);
        fputs(_("Try 'rapport --help'."), stderr);
        fputc('\n', stderr);
        return CLI_USAGE;
    }
    bool help = wants_help(argc, argv);
    if (cmd->delegate) {
        if (!help && cmd->needs_write && app->read_only) {
            fprintf(stderr, _("rapport: '%s' changes the database, which is open read-only\n"),
                    cmd->name);
            return CLI_USER_ERROR;
        }
        /* A dry run writes nothing, not even a new database file: with
         * none yet, it runs against an empty one that is thrown away. */
        if (!help && strcmp(cmd->name, "import") == 0 && !app->st
            && has_flag(argc, argv, "--dry-run") && access(app->db_path, F_OK) != 0
            && app_use_scratch(app, "dry-run") != 0)
            return CLI_USER_ERROR;
        if (!help && app_open_store(app) != 0)
            return CLI_USER_ERROR;
        return cmd->delegate(app, argc, argv);
    }
    if (help) {
        print_command_help(cmd);
        return CLI_OK;
    }

    struct parsed p;
    memset(&p, 0, sizeof p);
    p.cmd = cmd;
    char **copy = NULL;
    int rc = parse_options(cmd, argc, argv, &p, &copy);
    if (rc == CLI_OK && cmd->needs_write && app->read_only) {
        fprintf(stderr, _("rapport: '%s' changes the database, which is open read-only\n"),
                cmd->name);
        rc = CLI_USER_ERROR;
    }
    if (rc == CLI_OK && app_open_store(app) != 0)
        rc = CLI_USER_ERROR;
    if (rc == CLI_OK)
        rc = cmd->run(app, &p);
    if (fflush(stdout) != 0 && rc == CLI_OK) {
        fprintf(stderr, _("rapport: cannot write the output: %s\n"),
                strerror(errno));
        rc = CLI_USER_ERROR;
    }
    parsed_clear(&p);
    if (copy)
        free(copy[0]);
    free(copy);
    return rc;
}
