/* `rapport complete INDEX WORD...`: what the shell completions of bash
 * and zsh (data/completion/) offer for word INDEX of the command line
 * WORD... ("rapport" first), one candidate a line, "value" or
 * "value<TAB>description"; "@files" alone asks the shell for file names.
 * Commands, options and their values come from the command table and
 * the option tables, so completion cannot disagree with the parser;
 * contacts, organisations, tags, open follow-ups and waiting messages
 * from a window of the database (store/complete.h). Hidden from --help.
 * A command: uses cli/command.h and the layers below cli/. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "core/contact.h"
#include "core/note.h"
#include "model/stage.h"
#include "store/complete.h"

/* A window of each list: a shell shows no more at once. */
#define COMPLETE_LIMIT 100

/* What a word may be. */
enum value_kind {
    VALUE_NONE,
    VALUE_FILES,
    VALUE_CONTACT,
    VALUE_FOLLOWUP_OR_CONTACT,
    VALUE_ORG,
    VALUE_TAG,
    VALUE_MESSAGE,
    VALUE_STAGE,
    VALUE_KIND,
    VALUE_ROLE,
    VALUE_DATE,
    VALUE_WORDS,     /* the alternatives of a placeholder: table|csv|json */
};

struct completing {
    struct app *app;
    const char *cur;          /* the word as typed so far */
    bool store_tried;
};

static bool begins(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void offer(const struct completing *c, const char *value, const char *about)
{
    if (!begins(value, c->cur))
        return;
    char *v = text_sanitize(value, false);
    if (about && *about) {
        char *a = text_sanitize(about, false);
        printf("%s\t%s\n", v, a);
        free(a);
    } else {
        printf("%s\n", v);
    }
    free(v);
}

/* "table|csv|json": alternatives to offer, not a placeholder such as
 * Nd|Nw|Nm or MM-DD|none. */
static bool is_alternatives(const char *s)
{
    if (!s || !strchr(s, '|'))
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '|'))
            return false;
    return true;
}

static void offer_words(const struct completing *c, const char *alternatives)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", alternatives);
    for (char *save = NULL, *w = strtok_r(buf, "|", &save); w; w = strtok_r(NULL, "|", &save))
        offer(c, w, NULL);
}

/* The database, opened when a list needs it: quietly, since a shell's
 * completion has no place for messages; without one there is nothing
 * to offer. */
static struct store *store_of(struct completing *c)
{
    if (!c->app->st && !c->store_tried) {
        c->store_tried = true;
        static const struct app_voice silent = { 0 };
        const struct app_voice *voice = c->app->voice;
        c->app->voice = &silent;
        c->app->must_exist = true;
        if (app_open_store(c->app) != 0)
            c->app->st = NULL;
        c->app->voice = voice;
    }
    return c->app->st;
}

static void offer_list(struct completing *c,
                       enum store_status (*read)(struct store *, const char *, size_t,
                                                 struct strlist *))
{
    struct store *st = store_of(c);
    struct strlist found = { 0 };
    if (st && read(st, c->cur, COMPLETE_LIMIT, &found) == STORE_OK) {
        /* The store matched accents and case aside: shown as they are. */
        for (size_t i = 0; i < found.len; i++) {
            char *tab = strchr(found.items[i], '\t');
            if (tab)
                *tab = '\0';
            char *v = text_sanitize(found.items[i], false);
            char *a = tab ? text_sanitize(tab + 1, false) : NULL;
            printf(a ? "%s\t%s\n" : "%s\n", v, a);
            free(v);
            free(a);
        }
    }
    strlist_clear(&found);
}

static void offer_value(struct completing *c, enum value_kind kind, const char *words)
{
    switch (kind) {
    case VALUE_FILES:
        printf("@files\n");
        break;
    case VALUE_CONTACT:
        offer_list(c, store_complete_contacts);
        break;
    case VALUE_FOLLOWUP_OR_CONTACT:
        if (!*c->cur || c->cur[0] == 'f' || (c->cur[0] >= '0' && c->cur[0] <= '9'))
            offer_list(c, store_complete_followups);
        offer_list(c, store_complete_contacts);
        break;
    case VALUE_ORG:
        offer_list(c, store_complete_orgs);
        break;
    case VALUE_TAG:
        offer_list(c, store_complete_tags);
        break;
    case VALUE_MESSAGE:
        offer_list(c, store_complete_messages);
        break;
    case VALUE_STAGE:
        for (int s = 0; s < STAGE_COUNT; s++)
            offer(c, stage_key(s), NULL);
        break;
    case VALUE_KIND:
        for (int i = 0; note_kinds[i]; i++)
            offer(c, note_kinds[i], NULL);
        break;
    case VALUE_ROLE:
        offer(c, "user", NULL);
        offer(c, "decision-maker", NULL);
        break;
    case VALUE_DATE: {
        static const char *const days[] = {
            "today", "tomorrow", "+1d", "+1w", "+1m", "mon", "tue", "wed",
            "thu", "fri", "sat", "sun", "next",
        };
        for (size_t i = 0; i < sizeof days / sizeof days[0]; i++)
            offer(c, days[i], NULL);
        break;
    }
    case VALUE_WORDS:
        offer_words(c, words);
        break;
    case VALUE_NONE:
        break;
    }
}

/* What a placeholder of the synopsis stands for. */
static enum value_kind placeholder_kind(const char *p)
{
    static const struct { const char *name; enum value_kind kind; } names[] = {
        { "CONTACT", VALUE_CONTACT }, { "FOLLOWUP|CONTACT", VALUE_FOLLOWUP_OR_CONTACT },
        { "FOLLOWUP", VALUE_FOLLOWUP_OR_CONTACT }, { "ORG", VALUE_ORG },
        { "FILE", VALUE_FILES }, { "PATH", VALUE_FILES }, { "DIR", VALUE_FILES },
        { "MESSAGE", VALUE_MESSAGE }, { "DATE", VALUE_DATE },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(p, names[i].name) == 0)
            return names[i].kind;
    return is_alternatives(p) ? VALUE_WORDS : VALUE_NONE;
}

/* The placeholder of an option's value: its own (FILE, table|csv|json),
 * else what its name says (--stage, --kind, --org, --tag), else the
 * alternatives the command's synopsis gives it ("--format csv|vcard"). */
static enum value_kind option_kind(const struct cli_command *cmd,
                                   const struct option_spec *o, char *words,
                                   size_t size)
{
    snprintf(words, size, "%s", o->arg ? o->arg : "");
    enum value_kind k = placeholder_kind(words);
    if (k != VALUE_NONE)
        return k;
    static const struct { const char *name; enum value_kind kind; } by_name[] = {
        { "stage", VALUE_STAGE }, { "kind", VALUE_KIND }, { "org", VALUE_ORG },
        { "tag", VALUE_TAG }, { "untag", VALUE_TAG }, { "role", VALUE_ROLE },
    };
    for (size_t i = 0; i < sizeof by_name / sizeof by_name[0]; i++)
        if (strcmp(o->name, by_name[i].name) == 0)
            return by_name[i].kind;
    char pattern[64];
    snprintf(pattern, sizeof pattern, "--%s ", o->name);
    const char *at = cmd->synopsis ? strstr(cmd->synopsis, pattern) : NULL;
    if (at) {
        at += strlen(pattern);
        size_t n = strcspn(at, " ]");
        snprintf(words, size, "%.*s", (int)n, at);
        return is_alternatives(words) ? VALUE_WORDS : VALUE_NONE;
    }
    return VALUE_NONE;
}

/* The placeholder of the command's positional argument number pos in
 * its synopsis ("CONTACT DATE TEXT [--every Nd|Nw|Nm]"): options and
 * what follows them within their brackets are not arguments. */
static bool positional(const struct cli_command *cmd, int pos, char *out, size_t size)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", cmd->synopsis ? cmd->synopsis : "");
    int depth = 0, skip_below = -1, n = 0;
    bool redirect = false;
    for (char *save = NULL, *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        int opens = 0;
        while (*t == '[') {
            t++;
            opens++;
        }
        size_t len = strlen(t);
        int closes = 0;
        while (len > 0 && t[len - 1] == ']') {
            t[--len] = '\0';
            closes++;
        }
        depth += opens;
        if (skip_below < 0 && *t == '-')
            skip_below = depth;
        bool word = skip_below < 0 && *t && strcmp(t, "|") != 0 && strcmp(t, "OPTIONS") != 0;
        if (strcmp(t, "<") == 0)
            redirect = true;
        else if (word && !redirect && n++ == pos) {
            snprintf(out, size, "%s", t);
            return true;
        }
        depth -= closes;
        if (skip_below >= 0 && depth < skip_below)
            skip_below = -1;
    }
    return false;
}

/* The row of --name (or of an unambiguous start of it) in specs. */
static const struct option_spec *find_option(const struct option_spec *specs,
                                             const char *word)
{
    if (!specs || strncmp(word, "--", 2) != 0)
        return NULL;
    const char *name = word + 2;
    size_t n = strcspn(name, "=");
    const struct option_spec *found = NULL;
    for (int i = 0; specs[i].name; i++) {
        if (strlen(specs[i].name) == n && strncmp(specs[i].name, name, n) == 0)
            return &specs[i];
        if (strncmp(specs[i].name, name, n) == 0)
            found = found ? NULL : &specs[i];
    }
    return found;
}

static bool takes_value(const struct option_spec *o, const char *word)
{
    return o && (o->kind == OPTION_VALUE || o->kind == OPTION_LIST) && !strchr(word, '=');
}

static void offer_options(const struct completing *c, const struct option_spec *specs,
                          bool with_help)
{
    for (int i = 0; specs && specs[i].name; i++) {
        char name[64];
        snprintf(name, sizeof name, "--%s", specs[i].name);
        offer(c, name, _(specs[i].help));
    }
    if (with_help)
        offer(c, "--help", _("show this help"));
}

static const struct cli_command *find_command(const char *name)
{
    size_t n;
    const struct cli_command *const *all = cli_commands(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(all[i]->name, name) == 0)
            return all[i];
    return NULL;
}

/* Word `index` of a command's words (from its name on). */
static void complete_command(struct completing *c, const struct cli_command *cmd,
                             char **words, int index)
{
    int pos = 0;
    bool only_args = false;
    char values[256];
    for (int i = 1; i < index; i++) {
        const char *w = words[i];
        if (!only_args && strcmp(w, "--") == 0) {
            only_args = true;
            continue;
        }
        const struct option_spec *o = only_args ? NULL : find_option(cmd->options, w);
        if (o || (!only_args && w[0] == '-' && w[1])) {
            if (takes_value(o, w)) {
                if (i + 1 == index) {
                    offer_value(c, option_kind(cmd, o, values, sizeof values), values);
                    return;
                }
                i++;
            }
            continue;
        }
        pos++;
    }
    if (!only_args && c->cur[0] == '-') {
        offer_options(c, cmd->options, true);
        return;
    }
    if (cmd->max_args >= 0 && pos >= cmd->max_args)
        return;
    char placeholder[128];
    if (positional(cmd, pos, placeholder, sizeof placeholder)) {
        enum value_kind k = placeholder_kind(placeholder);
        offer_value(c, k, placeholder);
    }
}

static int cmd_complete(struct app *app, struct cli_args *p)
{
    char *end;
    long index = strtol(p->args[0], &end, 10);
    char **words = p->args + 1;
    int n = p->nargs - 1;
    if (*end || index < 1 || n < 1)
        return CLI_USAGE;
    struct completing c = { .app = app, .cur = index < n ? words[index] : "" };
    /* The global options before the command; --db names the database
     * the lists come from. */
    int i = 1;
    while (i < index && i < n && words[i][0] == '-' && strcmp(words[i], "--") != 0) {
        const struct option_spec *o = find_option(cli_global_options, words[i]);
        if (takes_value(o, words[i])) {
            if (i + 1 == index) {
                printf("@files\n");
                return CLI_OK;
            }
            if (strcmp(o->name, "db") == 0 && i + 1 < n) {
                char *path = strdup(words[i + 1]);
                if (path) {
                    free(app->db_path);
                    app->db_path = path;
                }
            }
            i++;
        }
        i++;
    }
    if (i >= index) {
        if (c.cur[0] == '-') {
            offer_options(&c, cli_global_options, false);
            return CLI_OK;
        }
        size_t count;
        const struct cli_command *const *all = cli_commands(&count);
        for (size_t k = 0; k < count; k++)
            if (!all[k]->hidden)
                offer(&c, all[k]->name, _(all[k]->summary));
        return CLI_OK;
    }
    const struct cli_command *cmd = find_command(words[i]);
    if (cmd && !cmd->hidden)
        complete_command(&c, cmd, words + i, (int)(index - i));
    return CLI_OK;
}

const struct cli_command cli_cmd_complete = {
    .name = "complete",
    .synopsis = "INDEX WORD...",
    .summary = "",
    .min_args = 2,
    .max_args = -1,
    .run = cmd_complete,
    .hidden = true,
    .opens_store = true,
};
