/* Undo and redo of whole journal entries. Undoing an entry reverts its
 * rows while the triggers record what that changes into a new entry
 * marked undone, so reverting that one in turn redoes the change (and is
 * recorded as an ordinary entry, which undo reverts again). The undone
 * entries stay until a new change is made (store/journal.c drops them
 * then), as in vim. Uses base/i18n.h, base/text.h, store/db.h. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "base/text.h"
#include "store/db.h"
#include "store/journal.h"

/* The newest entry of one kind (undone = 1: the redo stack). */
static enum store_status newest_entry(struct store *st, bool redo,
                                      struct journal_entry *e, bool *undoable)
{
    sqlite3_stmt *stmt = db_prepare(st, "SELECT id, at, what, undoable, origin IS ? "
                                      "FROM journal WHERE undone = ? "
                                      "ORDER BY id DESC LIMIT 1");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, st->origin);
    sqlite3_bind_int(stmt, 2, redo);
    enum store_status rc = STORE_OK;
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW) {
        e->id = sqlite3_column_int64(stmt, 0);
        e->at = (time_t)sqlite3_column_int64(stmt, 1);
        e->what = db_column_text(stmt, 2);
        *undoable = sqlite3_column_int(stmt, 3) != 0;
        e->own = sqlite3_column_int(stmt, 4) != 0;
    } else if (step == SQLITE_DONE) {
        rc = store_fail(st, STORE_NOT_FOUND,
                        redo ? _("nothing to redo") : _("nothing to undo"));
    } else {
        rc = db_fail(st);
    }
    db_finish(st, stmt);
    return rc;
}

/* A mark that cannot be undone (a forget) goes, so the next undo
 * reaches the change before it; the caller is told why nothing else
 * happened. */
static enum store_status drop_mark(struct store *st, struct journal_entry *e)
{
    sqlite3_stmt *stmt = db_prepare(st, "DELETE FROM journal WHERE id = ?");
    if (stmt)
        sqlite3_bind_int64(stmt, 1, e->id);
    enum store_status rc = db_run(st, stmt);
    if (rc == STORE_OK)
        rc = db_exec(st, "COMMIT");
    if (rc != STORE_OK) {
        db_rollback_keeping(st, rc);
        journal_entry_clear(e);
        return rc;
    }
    char *what = text_sanitize(e->what, false);
    journal_entry_clear(e);
    rc = store_fail(st, STORE_INVALID,
                    _("the last change (%s) cannot be undone; undo again to revert the one before it"),
                    what ? what : "");
    free(what);
    return rc;
}

/* Adds the contacts first to last to those whose derived columns are
 * recomputed; an import's run spans thousands, so duplicates go once,
 * at the end (forget_duplicates). */
static enum store_status remember_contacts(struct store *st, int64_t first, int64_t last,
                                           int64_t **ids, size_t *n, size_t *cap)
{
    for (int64_t cid = first; cid <= last; cid++) {
        if (db_reserve((void **)ids, *n, cap, sizeof **ids))
            return db_no_memory(st);
        (*ids)[(*n)++] = cid;
    }
    return STORE_OK;
}

static int compare_ids(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static size_t forget_duplicates(int64_t *ids, size_t n)
{
    if (n == 0)
        return 0;
    qsort(ids, n, sizeof *ids, compare_ids);
    size_t kept = 1;
    for (size_t i = 1; i < n; i++)
        if (ids[i] != ids[kept - 1])
            ids[kept++] = ids[i];
    return kept;
}

/* Whether a row's span of contacts, first to last, is no wider than its
 * run of rows, row_id to row_last (each contact of a span has a row). */
static bool span_fits(int64_t first, int64_t last, int64_t row_id, int64_t row_last)
{
    if (last < first)
        return true;
    if (row_last < row_id)
        return false;
    return (uint64_t)last - (uint64_t)first <= (uint64_t)row_last - (uint64_t)row_id;
}

/* Reverts the rows of entry `id`, newest first, then recomputes the
 * derived columns of every contact they name. */
static enum store_status revert_rows(struct store *st, int64_t id)
{
    sqlite3_stmt *stmt = db_prepare(st, "SELECT op, tbl, row_id, contact_id, old_json, "
                                      "coalesce(row_last, row_id), "
                                      "coalesce(contact_last, contact_id) "
                                      "FROM journal_row WHERE journal_id = ? ORDER BY id DESC");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    int64_t *contacts = NULL;
    size_t ncontacts = 0, cap = 0;
    enum store_status rc = STORE_OK;
    int step;
    while (rc == STORE_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        char *op = db_column_text(stmt, 0), *tbl = db_column_text(stmt, 1);
        char *old = db_column_text(stmt, 4);
        int64_t row_id = sqlite3_column_int64(stmt, 2), row_last = sqlite3_column_int64(stmt, 5);
        int64_t first = sqlite3_column_int64(stmt, 3), last = sqlite3_column_int64(stmt, 6);
        if (!op || !tbl)
            rc = db_no_memory(st);
        /* A wider span is a damaged entry, not thousands to recompute. */
        else if (!span_fits(first, last, row_id, row_last))
            rc = store_fail(st, STORE_FAILED,
                            _("the undo journal is damaged; rapport check lists what is wrong"));
        else
            rc = db_journal_revert_row(st, op, tbl, row_id, row_last, old);
        if (rc == STORE_OK && sqlite3_column_type(stmt, 3) != SQLITE_NULL)
            rc = remember_contacts(st, first, last, &contacts, &ncontacts, &cap);
        free(op);
        free(tbl);
        free(old);
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    ncontacts = forget_duplicates(contacts, ncontacts);
    for (size_t i = 0; i < ncontacts && rc == STORE_OK; i++)
        rc = db_refresh_contact(st, contacts[i]);
    free(contacts);
    return rc;
}

/* Opens the entry that records this revert: undone when undoing (so
 * redo finds it), an ordinary change when redoing (so undo does). */
static enum store_status record_into(struct store *st, const struct journal_entry *e,
                                     bool undone)
{
    /* Who undid or redid it, as every change names its author. */
    sqlite3_stmt *stmt = db_prepare(st, "INSERT INTO journal(at, what, origin, undone, author) "
                                      "VALUES (?, ?, ?, ?, ?)");
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, (int64_t)time(NULL));
        db_bind_text(stmt, 2, e->what ? e->what : "");
        sqlite3_bind_int64(stmt, 3, st->origin);
        sqlite3_bind_int(stmt, 4, undone);
        db_bind_text(stmt, 5, st->author);
    }
    enum store_status rc = db_run(st, stmt);
    if (rc == STORE_OK) {
        stmt = db_prepare(st, "UPDATE journal_state SET recording = ? WHERE id = 1");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, sqlite3_last_insert_rowid(st->db));
        rc = db_run(st, stmt);
    }
    return rc;
}

/* One step back (redo false) or forward along the journal. */
static enum store_status step_entry(struct store *st, bool redo, int64_t expected,
                                    struct journal_entry *out)
{
    memset(out, 0, sizeof *out);
    if (st->read_only)
        return store_fail(st, STORE_READ_ONLY,
                          redo ? _("the database is open read-only; nothing was redone")
                               : _("the database is open read-only; nothing was undone"));
    if (st->depth > 0)
        return store_fail(st, STORE_INVALID,
                          redo ? _("nothing can be redone inside another change")
                               : _("nothing can be undone inside another change"));
    enum store_status rc = db_exec(st, "BEGIN IMMEDIATE");
    if (rc != STORE_OK)
        return rc;
    bool undoable = true;
    rc = newest_entry(st, redo, out, &undoable);
    if (rc == STORE_OK && expected > 0 && out->id != expected)
        rc = store_fail(st, STORE_CONFLICT,
                        redo ? _("another change was made meanwhile; nothing was redone")
                             : _("another change was made meanwhile; nothing was undone"));
    if (rc == STORE_OK && !undoable)
        return drop_mark(st, out);
    /* Rows come back in any order within the entry; the foreign keys are
     * checked at commit. */
    if (rc == STORE_OK)
        rc = db_exec(st, "PRAGMA defer_foreign_keys = ON");
    if (rc == STORE_OK)
        rc = record_into(st, out, !redo);
    if (rc == STORE_OK)
        rc = revert_rows(st, out->id);
    if (rc == STORE_OK)
        rc = db_exec(st, "UPDATE journal_state SET recording = NULL WHERE id = 1");
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st, "DELETE FROM journal WHERE id = ?");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, out->id);
        rc = db_run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = db_exec(st, "COMMIT");
    if (rc != STORE_OK) {
        db_rollback_keeping(st, rc);
        journal_entry_clear(out);
    }
    return rc;
}

enum store_status store_undo(struct store *st, struct journal_entry *undone)
{
    return step_entry(st, false, 0, undone);
}

enum store_status store_undo_entry(struct store *st, int64_t expected,
                                   struct journal_entry *undone)
{
    return step_entry(st, false, expected, undone);
}

enum store_status store_redo_entry(struct store *st, int64_t expected,
                                   struct journal_entry *redone)
{
    return step_entry(st, true, expected, redone);
}
