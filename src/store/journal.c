/* The undo journal, in one place: the tables it records and the
 * triggers that record them, the write transaction that opens an entry
 * and names it (store_batch too), putting one recorded row back, and
 * the list of the newest entries; store/undo.c undoes and redoes whole
 * entries. Uses base/i18n.h, store/db.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "store/db.h"
#include "store/journal.h"

/* How many changes the undo journal keeps. */
#define JOURNAL_KEEP 200

/* The tables the undo journal records, with the columns it saves and
 * restores. The contact's derived columns are left out: they are
 * recomputed after an undo, and rewriting them records nothing. A
 * migration makes a table's triggers with the columns it has by then
 * (journal_triggers), so a column added later is listed here and its
 * migration makes the triggers of its table again. */
struct journaled {
    const char *table;
    const char *contact;      /* the column naming the contact, or NULL */
    const char *columns[20];  /* without id */
};

static const struct journaled journaled[] = {
    { "organisation", NULL, { "name", "notes", "budget_date" } },
    { "contact", "id",
      { "name", "name_key", "org_id", "title", "roles", "projects", "goals",
        "channel", "cadence_days", "uid", "created", "updated", "archived",
        "version", "department", "owner" } },
    { "contact_email", "contact_id", { "contact_id", "email", "position" } },
    { "contact_phone", "contact_id",
      { "contact_id", "phone", "position", "kind" } },
    { "contact_tag", "contact_id", { "contact_id", "tag" } },
    { "stage_change", "contact_id",
      { "contact_id", "from_stage", "to_stage", "at", "reason", "author" } },
    { "note", "contact_id", { "contact_id", "at", "kind", "body", "author", "message_id" } },
    { "followup", "contact_id",
      { "contact_id", "due", "due_minutes", "snoozed_until", "effective",
        "text", "every_count", "every_unit", "state", "done_at",
        "created", "uid", "created_by", "assigned_to", "done_by" } },
    { "score", "contact_id",
      { "contact_id", "at", "value", "comment", "author" } },
    { "suggestion_dismissed", "contact_id", { "contact_id", "stage", "at" } },
    { "mail_review", NULL,
      { "message_id", "at", "received", "name", "email", "subject", "body", "kind" } },
    { "contact_address", "contact_id",
      { "contact_id", "position", "kind", "pobox", "extended", "street",
        "locality", "region", "code", "country" } },
    { "contact_url", "contact_id", { "contact_id", "position", "url", "kind" } },
    { "contact_extra", "contact_id", { "contact_id", "position", "line" } },
    { "contact_pause", "contact_id", { "contact_id", "until", "reason", "at" } },
};
#define JOURNALED_COUNT (sizeof journaled / sizeof journaled[0])

static const struct journaled *journaled_find(const char *table)
{
    for (size_t i = 0; i < JOURNALED_COUNT; i++)
        if (strcmp(journaled[i].table, table) == 0)
            return &journaled[i];
    return NULL;
}

/* Whether table has column now: during a migration, a column of
 * journaled[] may come with a later version. */
static enum store_status has_column(struct store *st, const char *table,
                                    const char *column, bool *has)
{
    *has = false;
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2");
    if (!stmt)
        return STORE_FAILED;
    db_bind_text(stmt, 1, table);
    db_bind_text(stmt, 2, column);
    int64_t n = 0;
    enum store_status rc = db_step_int(st, stmt, &n);
    *has = n > 0;
    return rc;
}

/* From version 9, the insert trigger of a table whose rows belong to a
 * contact: a row next to the table's last run of this entry (the id
 * after its last or before its first, of the same contact or the next
 * one on that side, nothing of the table recorded since) extends it,
 * else it starts a run of its own. An import inserts upwards; a redo
 * puts rows back downwards. That only rows of other tables come
 * between keeps the undo right: it reverts the run where it began,
 * after everything recorded later, and a later update or delete of
 * the same table ends the run. Each contact of a run's span has a row
 * in it. */
static enum store_status run_trigger(struct store *st, const struct journaled *j)
{
    const char *recording = "(SELECT recording FROM journal_state WHERE id = 1)";
    const char *c = j->contact;
    char sql[2048];
    snprintf(sql, sizeof sql,
             "CREATE TRIGGER %s_journal_i AFTER INSERT ON %s "
             "WHEN %s IS NOT NULL BEGIN "
             "UPDATE journal_row SET row_id = min(row_id, NEW.id), "
             "row_last = max(coalesce(row_last, row_id), NEW.id), "
             "contact_id = min(contact_id, NEW.%s), "
             "contact_last = max(coalesce(contact_last, contact_id), NEW.%s) "
             "WHERE id = (SELECT max(id) FROM journal_row WHERE journal_id = %s "
             "AND tbl = '%s') AND op = 'I' AND "
             "((NEW.id = coalesce(row_last, row_id) + 1 "
             "AND NEW.%s - coalesce(contact_last, contact_id) IN (0, 1)) "
             "OR (NEW.id = row_id - 1 AND contact_id - NEW.%s IN (0, 1))); "
             "INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id) "
             "SELECT %s, 'I', '%s', NEW.id, NEW.%s WHERE changes() = 0; END;",
             j->table, j->table, recording, c, c, recording, j->table, c, c,
             recording, j->table, c);
    return db_exec(st, sql);
}

/* Creates the three journal triggers of one table, saving the columns
 * of j that the table has. */
static enum store_status journal_triggers(struct store *st,
                                          const struct journaled *j)
{
    static const char *const ops[] = { "INSERT", "UPDATE", "DELETE" };
    const char *columns[sizeof j->columns / sizeof j->columns[0] + 1] = { 0 };
    for (int c = 0, n = 0; j->columns[c]; c++) {
        bool has = false;
        enum store_status rc = has_column(st, j->table, j->columns[c], &has);
        if (rc != STORE_OK)
            return rc;
        if (has)
            columns[n++] = j->columns[c];
    }
    /* A table a later version makes gets its triggers then. */
    if (!columns[0])
        return STORE_OK;
    bool runs = false;
    if (j->contact) {
        enum store_status rc = has_column(st, "journal_row", "row_last", &runs);
        if (rc != STORE_OK)
            return rc;
    }
    for (int op = 0; op < 3; op++) {
        if (op == 0 && runs) {
            enum store_status rc = run_trigger(st, j);
            if (rc != STORE_OK)
                return rc;
            continue;
        }
        const char *row = op == 0 ? "NEW" : "OLD";
        char json[1024] = "NULL";
        if (op > 0) {
            size_t len = (size_t)snprintf(json, sizeof json, "json_object(");
            for (int c = 0; columns[c]; c++)
                len += (size_t)snprintf(json + len, sizeof json - len,
                                        "%s'%s', OLD.%s", c ? ", " : "",
                                        columns[c], columns[c]);
            snprintf(json + len, sizeof json - len, ")");
        }
        char of[512] = "";
        if (op == 1) {
            size_t len = (size_t)snprintf(of, sizeof of, " OF ");
            for (int c = 0; columns[c]; c++)
                len += (size_t)snprintf(of + len, sizeof of - len, "%s%s",
                                        c ? ", " : "", columns[c]);
        }
        char contact[64] = "NULL";
        if (j->contact)
            snprintf(contact, sizeof contact, "%s.%s", row, j->contact);
        /* With runs, a row this entry inserted is not recorded again
         * when it changes: the undo deletes it whatever it holds. */
        char inserted[512] = "";
        if (runs)
            snprintf(inserted, sizeof inserted,
                     "AND coalesce((SELECT coalesce(row_last, row_id) FROM journal_row "
                     "WHERE journal_id = (SELECT recording FROM journal_state WHERE id = 1) "
                     "AND tbl = '%s' AND op = 'I' AND row_id <= OLD.id "
                     "ORDER BY row_id DESC LIMIT 1), -1) < OLD.id ",
                     j->table);
        char sql[4096];
        snprintf(sql, sizeof sql,
                 "CREATE TRIGGER %s_journal_%c AFTER %s%s ON %s "
                 "WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL %s"
                 "BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) "
                 "VALUES ((SELECT recording FROM journal_state WHERE id = 1), '%c', '%s', "
                 "%s.id, %s, %s); END;",
                 j->table, "iud"[op], ops[op], of, j->table, inserted, "IUD"[op],
                 j->table, row, contact, json);
        enum store_status rc = db_exec(st, sql);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

enum store_status db_migrate_v2_triggers(struct store *st)
{
    for (size_t i = 0; i < JOURNALED_COUNT; i++) {
        enum store_status rc = journal_triggers(st, &journaled[i]);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

/* The journal triggers db_schema_v4 dropped, made again with the new
 * columns. */
enum store_status db_migrate_v4_triggers(struct store *st)
{
    static const char *const tables[] = { "contact", "contact_phone", "followup" };
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        enum store_status rc = journal_triggers(st, journaled_find(tables[i]));
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

/* Version 6: the organisation's triggers db_schema_v6 dropped, with
 * the budget date, and the dismissed suggestions' first ones. */
enum store_status db_migrate_v6_triggers(struct store *st)
{
    static const char *const tables[] = { "organisation", "suggestion_dismissed" };
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        enum store_status rc = journal_triggers(st, journaled_find(tables[i]));
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

/* Every journal trigger made again from journaled[]: for version 7, so
 * each part of the version that added a column to a journaled table, or
 * a journaled table, is recorded with it; for version 9, with runs. */
static enum store_status remake_triggers(struct store *st)
{
    static const char *const ops = "iud";
    for (size_t i = 0; i < JOURNALED_COUNT; i++) {
        for (int op = 0; op < 3; op++) {
            char sql[160];
            snprintf(sql, sizeof sql, "DROP TRIGGER IF EXISTS %s_journal_%c",
                     journaled[i].table, ops[op]);
            enum store_status rc = db_exec(st, sql);
            if (rc != STORE_OK)
                return rc;
        }
        enum store_status rc = journal_triggers(st, &journaled[i]);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

enum store_status db_migrate_v7_triggers(struct store *st)
{
    return remake_triggers(st);
}

enum store_status db_migrate_v9_triggers(struct store *st)
{
    return remake_triggers(st);
}

/* Rolls the open transaction back, keeping the message of what failed,
 * which a failing ROLLBACK would otherwise replace. */
void db_rollback_keeping(struct store *st, enum store_status rc)
{
    char *why = strdup(store_error(st));
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    if (why)
        store_fail(st, rc, "%s", why);
    free(why);
}

/* Starts a write: BEGIN IMMEDIATE and a new journal entry that the
 * triggers record into; inside a batch, a savepoint that joins it. */
enum store_status db_write_begin(struct store *st, time_t now)
{
    if (st->read_only)
        return store_fail(st, STORE_READ_ONLY,
                          _("the database is open read-only; the change was not saved"));
    if (st->depth > 0) {
        enum store_status rc = db_exec_kept(st, "SAVEPOINT store_write");
        if (rc == STORE_OK)
            st->depth++;
        return rc;
    }
    enum store_status rc = db_exec_kept(st, "BEGIN IMMEDIATE");
    if (rc != STORE_OK)
        return rc;
    sqlite3_stmt *stmt = db_prepare_kept(st,
        "INSERT INTO journal(at, what, origin, author) VALUES (?, '', ?, ?)");
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, (int64_t)now);
        sqlite3_bind_int64(stmt, 2, st->origin);
        db_bind_text(stmt, 3, st->author);
    }
    rc = db_run(st, stmt);
    if (rc == STORE_OK) {
        stmt = db_prepare_kept(st, "UPDATE journal_state SET recording = ? WHERE id = 1");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, sqlite3_last_insert_rowid(st->db));
        rc = db_run(st, stmt);
    }
    if (rc != STORE_OK) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    st->depth = 1;
    return STORE_OK;
}

/* Ends a write: commits when rc is STORE_OK (naming the change `what`,
 * which it frees), else rolls back and keeps the message. */
enum store_status db_write_end(struct store *st, enum store_status rc,
                               char *what)
{
    if (st->depth > 1) {
        st->depth--;
        free(what);
        if (rc == STORE_OK)
            return db_exec_kept(st, "RELEASE store_write");
        sqlite3_exec(st->db, "ROLLBACK TO store_write; RELEASE store_write",
                     NULL, NULL, NULL);
        return rc;
    }
    st->depth = 0;
    if (rc == STORE_OK && !what)
        rc = db_no_memory(st);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare_kept(st,
            "UPDATE journal SET what = ? WHERE id = (SELECT recording FROM journal_state WHERE id = 1)");
        if (stmt)
            db_bind_text(stmt, 1, what);
        rc = db_run(st, stmt);
    }
    /* A new change ends what could be redone: the undone entries
     * revert to a state that is no longer there (as in vim). */
    if (rc == STORE_OK)
        rc = db_exec_kept(st, "DELETE FROM journal WHERE undone = 1 AND EXISTS "
                              "(SELECT 1 FROM journal_row WHERE journal_id = "
                              "(SELECT recording FROM journal_state WHERE id = 1))");
    if (rc == STORE_OK && st->unjournaled)
        rc = db_exec_kept(st, "DELETE FROM journal WHERE id = "
                              "(SELECT recording FROM journal_state WHERE id = 1)");
    /* A write that changed no row (an import of what is already there)
     * is no step to undo. */
    if (rc == STORE_OK)
        rc = db_exec_kept(st, "DELETE FROM journal WHERE id = "
                              "(SELECT recording FROM journal_state WHERE id = 1) "
                              "AND NOT EXISTS (SELECT 1 FROM journal_row WHERE journal_id = journal.id)");
    if (rc == STORE_OK)
        rc = db_exec_kept(st, "UPDATE journal_state SET recording = NULL WHERE id = 1");
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare_kept(st,
            "DELETE FROM journal WHERE id <= (SELECT max(id) FROM journal) - ?");
        if (stmt)
            sqlite3_bind_int(stmt, 1, JOURNAL_KEEP);
        rc = db_run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = db_exec_kept(st, "COMMIT");
    free(what);
    if (rc != STORE_OK) {
        db_rollback_keeping(st, rc);
    }
    return rc;
}

enum store_status store_batch(struct store *st, const char *what,
                              enum store_status (*fn)(struct store *, void *),
                              void *arg)
{
    bool outermost = st->depth == 0;
    enum store_status rc = db_write_begin(st, time(NULL));
    if (rc != STORE_OK)
        return rc;
    if (outermost)
        st->unjournaled = what == NULL;
    rc = fn(st, arg);
    rc = db_write_end(st, rc, strdup(what ? what : ""));
    if (outermost)
        st->unjournaled = false;
    return rc;
}

/* Puts one recorded row back: an insert (or a run of them, row_id to
 * row_last) is deleted, an update or a delete is restored from the
 * saved columns. */
enum store_status db_journal_revert_row(struct store *st, const char *op,
                                        const char *table, int64_t row_id,
                                        int64_t row_last, const char *old_json)
{
    const struct journaled *j = journaled_find(table);
    if (!j)
        return store_fail(st, STORE_FAILED, _("the undo journal names an unknown table %s"),
                          table);
    struct sql_text sql = { .len = 0 };
    if (*op == 'I') {
        db_sql_add(&sql, "DELETE FROM ");
        db_sql_add(&sql, j->table);
        db_sql_add(&sql, " WHERE id BETWEEN ?1 AND ?3");
    } else if (*op == 'U') {
        db_sql_add(&sql, "UPDATE ");
        db_sql_add(&sql, j->table);
        db_sql_add(&sql, " SET ");
        /* A column the entry did not save (it was written before a
         * migration added the column) keeps its value. */
        for (int c = 0; j->columns[c]; c++) {
            char part[192];
            snprintf(part, sizeof part,
                     "%s%s = CASE WHEN json_type(?2, '$.%s') IS NULL THEN %s "
                     "ELSE json_extract(?2, '$.%s') END",
                     c ? ", " : "", j->columns[c], j->columns[c], j->columns[c],
                     j->columns[c]);
            db_sql_add(&sql, part);
        }
        db_sql_add(&sql, " WHERE id = ?1");
    } else {
        db_sql_add(&sql, "INSERT INTO ");
        db_sql_add(&sql, j->table);
        db_sql_add(&sql, "(id");
        for (int c = 0; j->columns[c]; c++) {
            db_sql_add(&sql, ", ");
            db_sql_add(&sql, j->columns[c]);
        }
        /* A contact's derived columns start from its creation and are
         * recomputed afterwards. */
        bool contact = strcmp(j->table, "contact") == 0;
        if (contact)
            db_sql_add(&sql, ", stage_since, last_touch");
        db_sql_add(&sql, ") VALUES (?1");
        for (int c = 0; j->columns[c]; c++) {
            char part[128];
            snprintf(part, sizeof part, ", json_extract(?2, '$.%s')", j->columns[c]);
            db_sql_add(&sql, part);
        }
        if (contact)
            db_sql_add(&sql, ", json_extract(?2, '$.created'), json_extract(?2, '$.created')");
        db_sql_add(&sql, ")");
    }
    sqlite3_stmt *stmt = db_prepare_text(st, &sql);
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, row_id);
        if (*op != 'I')
            db_bind_text(stmt, 2, old_json);
        else
            sqlite3_bind_int64(stmt, 3, row_last > row_id ? row_last : row_id);
    }
    return db_run(st, stmt);
}

static enum store_status journal_list(struct store *st, bool redo, size_t limit,
                                      struct journal_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st, "SELECT id, at, what, origin IS ?, author FROM journal "
                                      "WHERE undone = ? ORDER BY id DESC LIMIT ?");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, st->origin);
    sqlite3_bind_int(stmt, 2, redo);
    sqlite3_bind_int64(stmt, 3, (int64_t)limit + 1);
    size_t cap = 0;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out->len == limit) {
            out->more = true;
            break;
        }
        if (db_reserve((void **)&out->items, out->len, &cap, sizeof *out->items)) {
            rc = db_no_memory(st);
            break;
        }
        struct journal_entry *e = &out->items[out->len++];
        e->id = sqlite3_column_int64(stmt, 0);
        e->at = (time_t)sqlite3_column_int64(stmt, 1);
        e->what = db_column_text(stmt, 2);
        e->own = sqlite3_column_int(stmt, 3) != 0;
        const unsigned char *author = sqlite3_column_text(stmt, 4);
        snprintf(e->author, sizeof e->author, "%s", author ? (const char *)author : "");
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    if (rc != STORE_OK)
        journal_list_clear(out);
    return rc;
}

enum store_status store_journal_recent(struct store *st, size_t limit,
                                       struct journal_list *out)
{
    return journal_list(st, false, limit, out);
}

enum store_status store_journal_redoable(struct store *st, size_t limit,
                                         struct journal_list *out)
{
    return journal_list(st, true, limit, out);
}
