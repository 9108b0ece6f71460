/* Paused cadences: set, ended and read, a row of contact_pause per
 * contact. Gone quiet (store/quiet.c) reads the table too. Uses
 * base/i18n.h, store/db.h. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "store/db.h"
#include "store/pause.h"

enum store_status store_pause_set(struct store *st, struct pause *p, time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = db_contact_name(st, p->contact_id, &name);
    p->at = now;
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st,
            "INSERT INTO contact_pause(contact_id, until, reason, at) VALUES (?1, ?2, ?3, ?4) "
            "ON CONFLICT (contact_id) DO UPDATE SET until = ?2, reason = ?3, at = ?4");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, p->contact_id);
            db_bind_date(stmt, 2, p->until);
            db_bind_text(stmt, 3, p->reason);
            sqlite3_bind_int64(stmt, 4, (int64_t)now);
        }
        rc = db_run(st, stmt);
    }
    char day[11];
    date_format_iso(p->until, day);
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("paused the cadence of %s until %s"), name, day) : NULL);
    free(name);
    return rc;
}

enum store_status store_pause_end(struct store *st, int64_t contact_id, time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = db_contact_name(st, contact_id, &name);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st, "DELETE FROM contact_pause WHERE contact_id = ?");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, contact_id);
        rc = db_run(st, stmt);
    }
    if (rc == STORE_OK && sqlite3_changes(st->db) == 0)
        rc = store_fail(st, STORE_NOT_FOUND, _("the cadence of %s is not paused"), name);
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("ended the pause of %s"), name) : NULL);
    free(name);
    return rc;
}

enum store_status store_pause_get(struct store *st, int64_t contact_id,
                                  struct pause *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st, "SELECT until, reason, at FROM contact_pause "
                                      "WHERE contact_id = ?");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, contact_id);
    enum store_status rc = STORE_OK;
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW) {
        out->contact_id = contact_id;
        out->until = db_column_date(stmt, 0);
        out->reason = db_column_text(stmt, 1);
        out->at = (time_t)sqlite3_column_int64(stmt, 2);
    } else if (step == SQLITE_DONE) {
        rc = STORE_NOT_FOUND;
    } else {
        rc = db_fail(st);
    }
    db_finish(st, stmt);
    return rc;
}
