/* Changing organisations: an edit of name, notes and budget date, and a
 * merge of one into another. Each is one undoable write. Uses
 * base/i18n.h, base/text.h, store/db.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "base/text.h"
#include "store/db.h"
#include "store/org.h"

enum store_status store_org_edit(struct store *st, const struct org *o, time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT count(*) FROM organisation WHERE name = ? AND id != ?");
    int64_t clash = 0;
    if (stmt) {
        db_bind_text(stmt, 1, o->name ? o->name : "");
        sqlite3_bind_int64(stmt, 2, o->id);
    }
    rc = db_step_int(st, stmt, &clash);
    if (rc == STORE_OK && clash > 0) {
        char *shown = text_sanitize(o->name, false);
        rc = store_fail(st, STORE_CONFLICT, _("there is already an organisation \"%s\""),
                        shown ? shown : "");
        free(shown);
    }
    if (rc == STORE_OK) {
        stmt = db_prepare(st, "UPDATE organisation SET name = ?, notes = ?, "
                              "budget_date = ? WHERE id = ?");
        if (stmt) {
            db_bind_text(stmt, 1, o->name ? o->name : "");
            db_bind_text(stmt, 2, o->notes && *o->notes ? o->notes : NULL);
            db_bind_text(stmt, 3, o->budget_date[0] ? o->budget_date : NULL);
            sqlite3_bind_int64(stmt, 4, o->id);
        }
        rc = db_run(st, stmt);
        if (rc == STORE_OK && sqlite3_changes(st->db) == 0)
            rc = store_fail(st, STORE_NOT_FOUND, _("no organisation #%lld"),
                            (long long)o->id);
    }
    char *shown = text_sanitize(o->name ? o->name : "", false);
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("edited organisation %s"), shown ? shown : "") : NULL);
    free(shown);
    return rc;
}

enum store_status store_org_merge(struct store *st, int64_t from, int64_t into,
                                  time_t now)
{
    if (from == into)
        return store_fail(st, STORE_INVALID, _("an organisation cannot be merged into itself"));
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    struct org a = { 0 }, b = { 0 };
    rc = store_org_get(st, NULL, from, &a);
    if (rc == STORE_OK)
        rc = store_org_get(st, NULL, into, &b);
    sqlite3_stmt *stmt = NULL;
    if (rc == STORE_OK) {
        stmt = db_prepare(st, "UPDATE contact SET org_id = ?2 WHERE org_id = ?1");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, from);
            sqlite3_bind_int64(stmt, 2, into);
        }
        rc = db_run(st, stmt);
    }
    /* Nothing lost: the notes of both, and the kept one's budget date
     * unless only the other had one. */
    if (rc == STORE_OK) {
        stmt = db_prepare(st,
            "UPDATE organisation SET notes = CASE "
            "WHEN coalesce(?2, '') = '' THEN notes "
            "WHEN coalesce(notes, '') = '' THEN ?2 ELSE notes || char(10) || ?2 END, "
            "budget_date = coalesce(budget_date, ?3) WHERE id = ?1");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, into);
            db_bind_text(stmt, 2, a.notes);
            db_bind_text(stmt, 3, a.budget_date[0] ? a.budget_date : NULL);
        }
        rc = db_run(st, stmt);
    }
    if (rc == STORE_OK) {
        stmt = db_prepare(st, "DELETE FROM organisation WHERE id = ?");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, from);
        rc = db_run(st, stmt);
    }
    char *na = text_sanitize(a.name ? a.name : "", false);
    char *nb = text_sanitize(b.name ? b.name : "", false);
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("merged organisation %s into %s"), na ? na : "", nb ? nb : "") : NULL);
    free(na);
    free(nb);
    org_clear(&a);
    org_clear(&b);
    return rc;
}
