/* What every command file of cli/ shares: its entry in the command
 * table, its option table, the options and arguments it was given, and
 * the helpers that read them (args.c). A command file defines one
 * `const struct cli_command cli_cmd_NAME` (or a few, for a small family)
 * that cli.c lists. May use the layers below cli/. */
#ifndef RAPPORT_CLI_COMMAND_H
#define RAPPORT_CLI_COMMAND_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/date.h"
#include "base/options.h"
#include "base/strlist.h"
#include "cli/cli.h"
#include "core/app.h"
#include "store/store.h"
#include "model/contact.h"

struct cli_command;

/* What the options and arguments of one command came to. */
struct cli_args {
    const struct cli_command *cmd;
    struct options opts;       /* read with args_opt, args_flag, args_list */
    char **args;               /* the arguments, nargs of them */
    int nargs;
};

struct cli_command {
    const char *name;
    const char *synopsis;            /* N_(): after "rapport NAME " */
    const char *summary;             /* N_() */
    const struct option_spec *options;  /* ends with a NULL name; NULL
                                           for none */
    int min_args;
    int max_args;                    /* -1: any number */
    int (*run)(struct app *app, struct cli_args *p);
    /* Optional, N_(): a paragraph that --help prints after the summary,
     * where a line is not enough (what an import merges, what each
     * export format holds). */
    const char *description;
    /* Optional: run after parsing, before the database is opened. */
    int (*prepare)(struct app *app, const struct cli_args *p);
    /* Changes the database: refused with --read-only; one that does not
     * never creates a missing database (it says there is none). */
    bool needs_write;
    /* Left out of `rapport --help` (a helper for scripts, not people). */
    bool hidden;
    /* Opens the database itself, when it needs one: cli_run does not. */
    bool opens_store;
};

/* The command table (cli.c), count rows of it. */
const struct cli_command *const *cli_commands(size_t *count);

/* ---- the options and arguments given (args.c) ---------------------------- */

/* The value of --name (the last one given), or NULL. */
const char *args_opt(const struct cli_args *p, const char *name);
/* True when --name was given. */
bool args_flag(const struct cli_args *p, const char *name);
/* True when any option at all was given. */
bool args_any(const struct cli_args *p);
/* Every value given to the repeatable --name, in order. */
const struct strlist *args_list(const struct cli_args *p, const char *name);
/* Joins args[from..] with spaces (a text typed without quotes). */
char *args_join(const struct cli_args *p, int from);

/* Reads in, at most max bytes (see args.c); NULL on failure. */
char *args_read_input(FILE *in, size_t max, size_t *len);
/* The prepare step of a command with --dry-run: without a database
 * yet, it runs against a throw-away one. */
int args_prepare_dry_run(struct app *app, const struct cli_args *p);

/* "rapport CMD: message" and where to look; returns CLI_USAGE. */
int args_usage_fail(const struct cli_args *p, const char *message);
/* args_usage_fail with a message formatted, made safe for a terminal:
 * "one file at a time, not also '%s'". */
int args_usage_failf(const struct cli_args *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A one-line usage error naming a bad value; returns CLI_USAGE. */
int args_bad_value(const struct cli_args *p, const char *what,
                   const char *value, const char *expected);

/* The contact a CONTACT argument names, or the store's message. */
int args_contact(struct app *app, const char *ref, bool include_archived,
                 struct contact *c);
/* A FOLLOWUP argument: "12" or "#12". */
int args_followup_id(const struct cli_args *p, const char *text, int64_t *id);
/* A DATE argument: 2026-12-01, today, +3d, fri and the like (weeks as
 * the config's week_start says). */
int args_date(const struct app *app, const struct cli_args *p,
              const char *text, struct date *d);
/* --role R...: the role bits of every one given. */
int args_roles(const struct cli_args *p, const struct strlist *roles,
               unsigned *out);
/* A stage's key or name. */
int args_stage(const struct cli_args *p, const char *text, int *s);

/* ---- the commands, each defined in its own file ------------------------- */

extern const struct cli_command cli_cmd_add, cli_cmd_edit;        /* add.c */
extern const struct cli_command cli_cmd_list;                     /* list.c */
extern const struct cli_command cli_cmd_show;                     /* show.c */
extern const struct cli_command cli_cmd_stage;                    /* stage.c */
extern const struct cli_command cli_cmd_note;                     /* note.c */
extern const struct cli_command cli_cmd_score;                    /* score.c */
extern const struct cli_command cli_cmd_follow, cli_cmd_done,
    cli_cmd_snooze;                                               /* follow.c */
extern const struct cli_command cli_cmd_archive, cli_cmd_unarchive,
    cli_cmd_forget, cli_cmd_undo, cli_cmd_redo;                   /* archive.c */
extern const struct cli_command cli_cmd_agenda;                   /* agenda.c */
extern const struct cli_command cli_cmd_suggest;                  /* suggest.c */
extern const struct cli_command cli_cmd_search;                   /* search.c */
extern const struct cli_command cli_cmd_query;                    /* query.c */
extern const struct cli_command cli_cmd_mail;                     /* mail.c */
extern const struct cli_command cli_cmd_inbox;                    /* inbox.c */
extern const struct cli_command cli_cmd_orgs;                     /* orgs.c */
extern const struct cli_command cli_cmd_report;                   /* report.c */
extern const struct cli_command cli_cmd_backup, cli_cmd_check;    /* backup.c */
extern const struct cli_command cli_cmd_import;                   /* import.c */
extern const struct cli_command cli_cmd_export;                   /* export.c */
extern const struct cli_command cli_cmd_team;                     /* team.c */
extern const struct cli_command cli_cmd_complete;                 /* complete.c */

#endif
