/* Migrations: PRAGMA user_version says which schema a file has; each
 * step to the next runs in its own transaction. Uses base/i18n.h,
 * store/db.h, store/schema.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "store/db.h"
#include "store/schema.h"

/* From this many notes on, an upgrade to version 5 says it is running. */
#define UPGRADE_NOTICE_NOTES 20000

/* Migration i takes the schema from version i to i + 1: its parts of
 * SQL in order, then its function. */
#define MIGRATION_PARTS 6
static const struct migration {
    const char *sql[MIGRATION_PARTS];
    enum store_status (*then)(struct store *st);
} migrations[] = {
    { { db_schema_v1 }, NULL },
    { { db_schema_v2 }, db_migrate_v2_triggers },
    { { db_schema_v3 }, NULL },
    { { db_schema_v4 }, db_migrate_v4_triggers },
    { { db_schema_v5 }, NULL },
    { { db_schema_v6 }, db_migrate_v6_triggers },
    { { db_schema_v7_team, db_schema_v7_fields, db_schema_v7_mail,
        db_schema_v7_contact_page, db_schema_v7_search, db_schema_v7_orgs },
      db_migrate_v7_triggers },
    { { db_schema_v8_owner }, NULL },
    { { db_schema_v9_runs }, db_migrate_v9_triggers },
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

int store_schema_version(void)
{
    return SCHEMA_VERSION;
}

enum store_status db_migrate(struct store *st)
{
    int64_t version = 0, tables = 0;
    enum store_status rc = db_query_int(st, "PRAGMA user_version", -1, &version);
    if (rc == STORE_OK)
        rc = db_query_int(st, "SELECT count(*) FROM sqlite_schema", -1, &tables);
    if (rc != STORE_OK)
        return rc;
    if (version > SCHEMA_VERSION)
        return store_fail(st, STORE_FAILED,
                          _("%s was written by a newer rapport (schema %lld; this one knows %d); install the newer rapport to use it"),
                          st->shown_path, (long long)version, SCHEMA_VERSION);
    if (version == 0 && tables > 0)
        return db_advise(st, store_fail(st, STORE_FAILED,
                                        _("%s is an SQLite database of another program, not rapport's"),
                                        st->shown_path),
                         STORE_ADVICE_OTHER_FILE);
    if (version == SCHEMA_VERSION)
        return STORE_OK;
    if (st->read_only)
        return db_advise(st, store_fail(st, STORE_READ_ONLY,
                                        _("%s needs an upgrade of its schema (version %lld to %d)"),
                                        st->shown_path, (long long)version, SCHEMA_VERSION),
                         STORE_ADVICE_UPGRADE);
    /* Versions 5 and 7 split every note into words: on a long history
     * that takes a minute, which must not look like a hang. The front
     * end is told before the screen is drawn, and says so. */
    int64_t notes = 0;
    if (version >= 1 && version < 7 && st->opening && st->opening->upgrading
        && db_query_int(st, "SELECT count(*) FROM note", -1, &notes) == STORE_OK
        && notes >= UPGRADE_NOTICE_NOTES)
        st->opening->upgrading(st->opening->arg, st->shown_path, SCHEMA_VERSION, notes);
    for (int v = (int)version; v < SCHEMA_VERSION; v++) {
        rc = db_exec(st, "BEGIN IMMEDIATE");
        if (rc != STORE_OK)
            return rc;
        for (int part = 0; rc == STORE_OK && part < MIGRATION_PARTS; part++)
            if (migrations[v].sql[part] && migrations[v].sql[part][0])
                rc = db_exec(st, migrations[v].sql[part]);
        if (rc == STORE_OK && migrations[v].then)
            rc = migrations[v].then(st);
        if (rc == STORE_OK) {
            char sql[64];
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
            rc = db_exec(st, sql);
        }
        if (rc == STORE_OK)
            rc = db_exec(st, "COMMIT");
        if (rc != STORE_OK) {
            char *why = strdup(store_error(st));
            sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
            store_fail(st, STORE_FAILED,
                       _("upgrading %s to schema version %d failed: %s"),
                       st->shown_path, v + 1, why ? why : "");
            free(why);
            return STORE_FAILED;
        }
    }
    return STORE_OK;
}
