/* Forgetting a contact: erased with everything about them, journal
 * entries included, and wiped out of the file (full-text segments
 * merged, WAL checkpointed). */
#include <config.h>

#include <stdlib.h>
#include <time.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "store/db.h"
#include "store/forget.h"

enum store_status store_contact_forget(struct store *st, int64_t id)
{
    if (st->read_only)
        return store_fail(st, STORE_READ_ONLY,
                          _("the database is open read-only; the change was not saved"));
    if (st->depth > 0)
        return store_fail(st, STORE_INVALID,
                          _("a contact cannot be forgotten inside another change"));
    enum store_status rc = exec(st, "BEGIN IMMEDIATE");
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = contact_name(st, id, &name);
    free(name);
    /* Whole journal entries go: their descriptions name the person. */
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = prepare(st,
            "DELETE FROM journal WHERE id IN "
            "(SELECT journal_id FROM journal_row WHERE contact_id = ?)");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, id);
        rc = run(st, stmt);
    }
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = prepare(st, "DELETE FROM contact WHERE id = ?");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, id);
        rc = run(st, stmt);
    }
    /* A mark in the journal, naming no one, so that undo says the last
     * change cannot be undone instead of reverting an older one. */
    if (rc == STORE_OK) {
        char *what = format(_("erased contact #%lld"), (long long)id);
        sqlite3_stmt *stmt = what ? prepare(st,
            "INSERT INTO journal(at, what, origin, undoable) VALUES (?, ?, ?, 0)") : NULL;
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, (int64_t)time(NULL));
            bind_text(stmt, 2, what);
            sqlite3_bind_int64(stmt, 3, st->origin);
        }
        rc = what ? run(st, stmt) : no_memory(st);
        free(what);
    }
    if (rc == STORE_OK)
        rc = exec(st, "COMMIT");
    if (rc != STORE_OK) {
        rollback_keeping(st, rc);
        return rc;
    }
    /* FTS5 keeps a deleted row's terms in its segments until they are
     * merged; the merge rewrites them, secure_delete zeroes the freed
     * pages, and the checkpoint empties the WAL that held old copies. */
    rc = exec(st, "INSERT INTO contact_fts(contact_fts) VALUES ('optimize')");
    if (rc == STORE_OK)
        rc = exec(st, "INSERT INTO note_fts(note_fts) VALUES ('optimize')");
    /* A reader holding an old snapshot keeps the checkpoint from
     * finishing; the caller must be told, not assured. */
    st->wipe_pending = false;
    if (rc == STORE_OK) {
        int frames = -1, copied = -1;
        int ck = sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE,
                                           &frames, &copied);
        if (ck == SQLITE_BUSY || (ck == SQLITE_OK && frames != 0))
            st->wipe_pending = true;
        else if (ck != SQLITE_OK)
            rc = db_fail(st);
    }
    return rc;
}

bool store_wipe_pending(const struct store *st)
{
    return st->wipe_pending;
}
