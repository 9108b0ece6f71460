/* Forgetting a contact: erased with everything about them, journal
 * entries included, and wiped out of the file (full-text segments
 * merged, WAL checkpointed). Uses base/i18n.h, store/db.h. */
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
    enum store_status rc = db_exec(st, "BEGIN IMMEDIATE");
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = db_contact_name(st, id, &name);
    free(name);
    int64_t org_id = 0;
    if (rc == STORE_OK)
        rc = db_query_int(st, "SELECT coalesce(org_id, 0) FROM contact WHERE id = ?", id,
                          &org_id);
    /* Whole journal entries go: their descriptions name the person.
     * So do those whose runs of inserted rows span them (an import's). */
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st,
            "DELETE FROM journal WHERE id IN "
            "(SELECT journal_id FROM journal_row WHERE contact_id = ?1 "
            "UNION SELECT journal_id FROM journal_row WHERE " JOURNAL_RUN_SPANS("", "?1") ")");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, id);
        rc = db_run(st, stmt);
    }
    /* Mail from the person's addresses waiting for review is about them
     * too (their name, their words): it goes, and so do the journal
     * entries of such messages, which name them and could bring one
     * back (one queued, then discarded or attached to someone else). */
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st,
            "WITH addr AS (SELECT email FROM contact_email WHERE contact_id = ?1), "
            "ids AS (SELECT id FROM mail_review WHERE email COLLATE NOCASE IN "
            "(SELECT email FROM addr) UNION SELECT row_id FROM journal_row "
            "WHERE tbl = 'mail_review' AND json_extract(old_json, '$.email') "
            "COLLATE NOCASE IN (SELECT email FROM addr)) "
            "DELETE FROM journal WHERE id IN (SELECT journal_id FROM journal_row "
            "WHERE tbl = 'mail_review' AND row_id IN (SELECT id FROM ids))");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, id);
        rc = db_run(st, stmt);
    }
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st,
            "DELETE FROM mail_review WHERE email COLLATE NOCASE IN "
            "(SELECT email FROM contact_email WHERE contact_id = ?1)");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, id);
        rc = db_run(st, stmt);
    }
    /* Forgetting is a change: nothing undone before it can be redone. */
    if (rc == STORE_OK)
        rc = db_exec(st, "DELETE FROM journal WHERE undone = 1");
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st, "DELETE FROM contact WHERE id = ?");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, id);
        rc = db_run(st, stmt);
    }
    /* An organisation made for this person alone would keep their
     * employer's name in the file: it goes too when no contact, archived
     * ones included, belongs to it any more. Unless the undo journal
     * still names it: an older entry of someone else (a contact who left
     * it, an organisation row of its own) would, once undone, bring back
     * a row pointing at an organisation that is gone, and the foreign
     * key would make that undo fail; and organisation ids are reused, so
     * it could point at another one. Such an organisation was not this
     * person's alone, and stays. */
    if (rc == STORE_OK && org_id > 0) {
        sqlite3_stmt *stmt = db_prepare(st,
            "DELETE FROM organisation WHERE id = ?1 "
            "AND NOT EXISTS (SELECT 1 FROM contact WHERE org_id = ?1) "
            "AND NOT EXISTS (SELECT 1 FROM journal_row WHERE "
            "(tbl = 'organisation' AND row_id = ?1) OR (tbl = 'contact' AND op <> 'I' "
            "AND json_extract(old_json, '$.org_id') = ?1))");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, org_id);
        rc = db_run(st, stmt);
    }
    /* A mark in the journal, naming no one, so that undo says the last
     * change cannot be undone instead of reverting an older one. */
    if (rc == STORE_OK) {
        char *what = db_format(_("erased contact #%lld"), (long long)id);
        sqlite3_stmt *stmt = what ? db_prepare(st,
            "INSERT INTO journal(at, what, origin, undoable, author) "
            "VALUES (?, ?, ?, 0, ?)") : NULL;
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, (int64_t)time(NULL));
            db_bind_text(stmt, 2, what);
            sqlite3_bind_int64(stmt, 3, st->origin);
            db_bind_text(stmt, 4, st->author);
        }
        rc = what ? db_run(st, stmt) : db_no_memory(st);
        free(what);
    }
    if (rc == STORE_OK)
        rc = db_exec(st, "COMMIT");
    if (rc != STORE_OK) {
        db_rollback_keeping(st, rc);
        return rc;
    }
    /* FTS5 keeps a deleted row's terms in its segments until they are
     * merged; the merge rewrites them, secure_delete zeroes the freed
     * pages, and the checkpoint empties the WAL that held old copies. */
    rc = db_exec(st, "INSERT INTO contact_fts(contact_fts) VALUES ('optimize')");
    if (rc == STORE_OK)
        rc = db_exec(st, "INSERT INTO note_fts(note_fts) VALUES ('optimize')");
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
