/* The storage: store/ is the only folder that speaks SQL. This header
 * opens and closes a database and says how calls went; the headers
 * beside it hold one concern each (store/contact.h, store/note.h, ...).
 *
 * It opens and checks the database file, sets the pragmas, migrates the
 * schema (PRAGMA user_version), and owns every statement. Every write is
 * one transaction (BEGIN IMMEDIATE) that also records what it changed in
 * the undo journal. Lists come a window at a time: a limit and a keyset
 * cursor (the last row the caller has), never a whole table.
 *
 * Functions return STORE_OK (0) or another enum store_status; the message
 * for the user is then in store_error(). The store takes records the
 * domain (core/) has checked: names, notes, scores and dates are not
 * checked again here, and what breaks a rule of the schema (a NOT NULL,
 * a CHECK) comes back as STORE_INVALID.
 *
 * The files of store/ use model/ and base/ and nothing above; the ones
 * that share more than this folder's public headers do so through the
 * private store/db.h, store/schema.h and store/plan.h. Uses
 * base/strlist.h. */
#ifndef RAPPORT_STORE_H
#define RAPPORT_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/strlist.h"

enum store_status {
    STORE_OK = 0,
    STORE_NOT_FOUND,   /* no such contact, follow-up, ... */
    STORE_INVALID,     /* bad input: the message says which field */
    STORE_AMBIGUOUS,   /* a name matched several contacts or organisations */
    STORE_CONFLICT,    /* the record changed since it was read */
    STORE_READ_ONLY,   /* opened read-only, or the file is not writable */
    STORE_FAILED,      /* the database failed: damaged, disk full, ... */
};

/* What a person can do about a failure, beyond what the message says.
 * The front ends word it: the store names none of their commands and
 * options. */
enum store_advice {
    STORE_ADVICE_NONE = 0,
    STORE_ADVICE_CREATE,         /* no database there: create it, or name another */
    STORE_ADVICE_MISSING,        /* none there, and a command that only reads
                                    does not make one: check the name */
    STORE_ADVICE_NAME_FILE,      /* not a regular file: name the database file */
    STORE_ADVICE_RESTORE,        /* not a database of ours or damaged: restore a
                                    backup, or name another file */
    STORE_ADVICE_OTHER_FILE,     /* another program's database: choose another file */
    STORE_ADVICE_UPGRADE,        /* an older schema opened read-only: open it
                                    once writable */
    STORE_ADVICE_CHECK,          /* damaged: check it and restore a backup */
    STORE_ADVICE_REBUILD_INDEX,  /* the search index: make it again */
    STORE_ADVICE_OWN_FOLDER,     /* a folder others may change: keep the
                                    database in a folder of one's own */
};

/* ---- opening ---------------------------------------------------------- */

struct store;

enum store_open_flags {
    STORE_OPEN_READ_ONLY = 1 << 0,
    STORE_OPEN_SHARED = 1 << 1,   /* a team database: group may read and write */
    STORE_OPEN_CREATE = 1 << 2,   /* create file (0600) and folder (0700) if missing */
};

/* Checks the file (regular file, owner, mode: refuses one others can
 * write unless shared), creates it when asked, sets WAL,
 * synchronous=FULL, a busy timeout, foreign keys, secure_delete, and
 * migrates the schema. On failure *out is NULL and the message is in
 * *error (free it). Warnings (readable by others, network file system)
 * are appended to warnings when it is not NULL. */
enum store_status store_open(const char *path, unsigned flags,
                             struct store **out, char **error,
                             struct strlist *warnings);

/* What store_open_with is given and gives back besides the store. */
struct store_opening {
    struct strlist *warnings;    /* as for store_open; NULL: not kept */
    /* Told before an upgrade that takes a while (the notes of a long
     * history split into words), so that the front end can say it is
     * running; path is made safe for a terminal. NULL: nobody is told. */
    void (*upgrading)(void *arg, const char *path, int version, int64_t notes);
    void *arg;
    char *error;                 /* on failure, the message (free it) */
    enum store_advice advice;    /* and what the person can do about it */
    bool created;                /* the file did not exist and was made */
};
/* store_open, with the advice of a failure and the upgrade's notice. */
enum store_status store_open_with(const char *path, unsigned flags,
                                  struct store_opening *how, struct store **out);
void store_close(struct store *st);
const char *store_path(const struct store *st);
bool store_read_only(const struct store *st);
/* The message for the last failed call. */
const char *store_error(const struct store *st);
/* What to do about it, for the front end to word; STORE_ADVICE_NONE
 * after a failure without advice (and after store_fail). */
enum store_advice store_advice(const struct store *st);
/* Domain modules use this to report a validation failure the same way. */
enum store_status store_fail(struct store *st, enum store_status status,
                             const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The schema version this build writes. */
int store_schema_version(void);
/* Changes when another connection commits (PRAGMA data_version). */
int64_t store_data_version(struct store *st);

/* Runs fn inside one write transaction (BEGIN IMMEDIATE), so that several
 * store calls (an import, a demo fill) commit together or not at all.
 * `what` names the change in the undo journal; NULL keeps it out of the
 * journal (the demo's own data is not a change to undo). Calls made
 * inside join the outer transaction. */
enum store_status store_batch(struct store *st, const char *what,
                              enum store_status (*fn)(struct store *, void *),
                              void *arg);

#endif
