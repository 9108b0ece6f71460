/* Writing contacts: adding, editing (each list written from its first
 * change), the UID and the archived flag, and the columns derived from
 * a contact's history that every write rewrites. Uses base/i18n.h,
 * base/text.h, store/contact.h, store/db.h. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "base/text.h"
#include "store/contact.h"
#include "store/db.h"

/* The organisation's id by name, created when missing; 0 for none. */
static enum store_status org_id_for(struct store *st, const char *name,
                                    int64_t *id)
{
    *id = 0;
    if (!name || !*name)
        return STORE_OK;
    sqlite3_stmt *stmt = db_prepare_kept(st, "SELECT id FROM organisation WHERE name = ?");
    if (!stmt)
        return STORE_FAILED;
    db_bind_text(stmt, 1, name);
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW)
        *id = sqlite3_column_int64(stmt, 0);
    db_finish(st, stmt);
    if (step == SQLITE_ROW)
        return STORE_OK;
    if (step != SQLITE_DONE)
        return db_fail(st);
    stmt = db_prepare(st, "INSERT INTO organisation(name) VALUES (?)");
    if (stmt)
        db_bind_text(stmt, 1, name);
    enum store_status rc = db_run(st, stmt);
    if (rc == STORE_OK)
        *id = sqlite3_last_insert_rowid(st->db);
    return rc;
}

static enum store_status insert_strings(struct store *st, const char *sql,
                                        int64_t id, const struct strlist *list)
{
    for (size_t i = 0; i < list->len; i++) {
        sqlite3_stmt *stmt = db_prepare_kept(st, sql);
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, id);
            db_bind_text(stmt, 2, list->items[i]);
            sqlite3_bind_int64(stmt, 3, (int64_t)i);
        }
        enum store_status rc = db_run(st, stmt);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

static enum store_status write_phones(struct store *st, const struct contact *c)
{
    enum store_status rc = STORE_OK;
    for (size_t i = 0; rc == STORE_OK && i < c->phones.len; i++) {
        sqlite3_stmt *stmt = db_prepare_kept(st,
            "INSERT INTO contact_phone(contact_id, phone, position, kind) VALUES (?, ?, ?, ?)");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, c->id);
            db_bind_text(stmt, 2, c->phones.items[i].number);
            sqlite3_bind_int64(stmt, 3, (int64_t)i);
            db_bind_text(stmt, 4, c->phones.items[i].kind);
        }
        rc = db_run(st, stmt);
    }
    return rc;
}

#define EMAIL_INSERT \
    "INSERT INTO contact_email(contact_id, email, position) VALUES (?, ?, ?)"
#define TAG_INSERT "INSERT INTO contact_tag(contact_id, tag) VALUES (?, ?)"

static enum store_status write_lists(struct store *st, const struct contact *c)
{
    enum store_status rc = insert_strings(st, EMAIL_INSERT, c->id, &c->emails);
    if (rc == STORE_OK)
        rc = write_phones(st, c);
    if (rc == STORE_OK)
        rc = insert_strings(st, TAG_INSERT, c->id, &c->tags);
    return rc;
}

/* One list of a contact as stored, to be made what the edit says. */
static const struct stored_list {
    const char *select;    /* id, value, position of contact ?1, in order */
    const char *position;  /* sets row ?2's position to ?1; NULL: none */
    const char *delete;    /* removes row ?1 */
    const char *insert;
} stored_emails = {
    "SELECT id, email, position FROM contact_email WHERE contact_id = ?1 "
    "ORDER BY position, id",
    "UPDATE contact_email SET position = ?1 WHERE id = ?2",
    "DELETE FROM contact_email WHERE id = ?1",
    EMAIL_INSERT,
}, stored_tags = {
    "SELECT id, tag, 0 FROM contact_tag WHERE contact_id = ?1 ORDER BY id",
    NULL,
    "DELETE FROM contact_tag WHERE id = ?1",
    TAG_INSERT,
};

/* Writes one list from its first item that differs from what is
 * stored: every email or tag row written re-indexes all of its
 * contact's words through the triggers, so an edit that leaves a list
 * alone writes no row of it, and one that adds an item writes one. */
static enum store_status rewrite_list(struct store *st, const struct stored_list *l,
                                      int64_t id, const struct strlist *list)
{
    sqlite3_stmt *stmt = db_prepare(st, l->select);
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    /* The stored rows' ids, and how many lead the list unchanged. */
    int64_t *rows = NULL;
    size_t len = 0, cap = 0, same = 0;
    bool moved = false;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (db_reserve((void **)&rows, len, &cap, sizeof *rows)) {
            rc = db_no_memory(st);
            break;
        }
        const char *value = (const char *)sqlite3_column_text(stmt, 1);
        if (same == len && same < list->len && value
            && strcmp(value, list->items[same]) == 0) {
            moved |= sqlite3_column_int64(stmt, 2) != (int64_t)same;
            same++;
        }
        rows[len++] = sqlite3_column_int64(stmt, 0);
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    /* Positions change no word, and so cost no re-indexing. */
    for (size_t i = 0; rc == STORE_OK && moved && l->position && i < same; i++) {
        stmt = db_prepare_kept(st, l->position);
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, (int64_t)i);
            sqlite3_bind_int64(stmt, 2, rows[i]);
        }
        rc = db_run(st, stmt);
    }
    for (size_t i = same; rc == STORE_OK && i < len; i++) {
        stmt = db_prepare_kept(st, l->delete);
        if (stmt)
            sqlite3_bind_int64(stmt, 1, rows[i]);
        rc = db_run(st, stmt);
    }
    free(rows);
    for (size_t i = same; rc == STORE_OK && i < list->len; i++) {
        stmt = db_prepare_kept(st, l->insert);
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, id);
            db_bind_text(stmt, 2, list->items[i]);
            if (l->position)
                sqlite3_bind_int64(stmt, 3, (int64_t)i);
        }
        rc = db_run(st, stmt);
    }
    return rc;
}

/* Binds the editable fields shared by insert and update (:name ...). */
static enum store_status bind_fields(struct store *st, sqlite3_stmt *stmt,
                                     const struct contact *c, int64_t org_id)
{
    char *key = text_fold(c->name);
    if (!key)
        return db_no_memory(st);
    db_bind_named_text(stmt, ":name", c->name);
    db_bind_named_text(stmt, ":key", key);
    free(key);
    if (org_id)
        db_bind_named_int(stmt, ":org", org_id);
    db_bind_named_text(stmt, ":department", c->department);
    db_bind_named_text(stmt, ":title", c->title);
    db_bind_named_int(stmt, ":roles", c->roles);
    db_bind_named_text(stmt, ":projects", c->projects);
    db_bind_named_text(stmt, ":goals", c->goals);
    db_bind_named_text(stmt, ":channel", c->channel);
    db_bind_named_text(stmt, ":owner", c->owner && *c->owner ? c->owner : NULL);
    if (c->cadence_days >= 0)
        db_bind_named_int(stmt, ":cadence", c->cadence_days);
    return STORE_OK;
}

enum store_status store_contact_add(struct store *st, struct contact *c,
                                    time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    int64_t org_id = 0;
    rc = org_id_for(st, c->org, &org_id);
    /* The lists go in before the contact row, under deferred foreign
     * keys: their rows' triggers find no contact to index yet, and the
     * contact's own insert trigger then indexes its words once, with
     * every email and tag, instead of once per row (which made a card
     * of thousands of emails take minutes). The id is the one SQLite
     * would give the row. */
    int64_t id = 0, deferred = 0;
    bool deferring = false;
    if (rc == STORE_OK)
        rc = db_query_int(st, "SELECT coalesce(max(id), 0) + 1 FROM contact", -1, &id);
    if (rc == STORE_OK)
        rc = db_query_int(st, "PRAGMA defer_foreign_keys", -1, &deferred);
    if (rc == STORE_OK && !deferred) {
        rc = db_exec_kept(st, "PRAGMA defer_foreign_keys = ON");
        deferring = rc == STORE_OK;
    }
    if (rc == STORE_OK) {
        c->id = id;
        rc = write_lists(st, c);
    }
    sqlite3_stmt *stmt = NULL;
    if (rc == STORE_OK) {
        stmt = db_prepare(st,
            "INSERT INTO contact(id, name, name_key, org_id, department, title, roles, "
            "projects, goals, channel, cadence_days, created, updated, archived, "
            "version, stage, stage_since, last_touch, own_due, owner) VALUES (:id, :name, "
            ":key, :org, :department, :title, :roles, :projects, :goals, :channel, :cadence, "
            ":now, :now, 0, 1, :stage, :now, :now, "
            "CASE WHEN :cadence > 0 THEN :now + 86400 * :cadence END, :owner)");
        rc = stmt ? bind_fields(st, stmt, c, org_id) : STORE_FAILED;
    }
    if (rc == STORE_OK) {
        db_bind_named_int(stmt, ":id", id);
        db_bind_named_int(stmt, ":now", (int64_t)now);
        db_bind_named_int(stmt, ":stage", c->stage);
        rc = db_run(st, stmt);
        stmt = NULL;
    }
    db_finish(st, stmt);
    /* Off again whatever happened, outside a batch. Inside one it stays
     * on until the batch commits (SQLite turns it off then): setting a
     * flag pragma expires every prepared statement, so turning it on and
     * off per contact made an import prepare each statement, with all
     * its triggers, twice per record. A savepoint rolled back takes its
     * deferred violations with it, so one record's failure stays its own. */
    if (deferring && st->depth <= 1) {
        enum store_status off = db_exec_kept(st, "PRAGMA defer_foreign_keys = OFF");
        if (rc == STORE_OK)
            rc = off;
    }
    if (rc == STORE_OK)
        rc = db_write_details(st, c, true);
    if (rc == STORE_OK) {
        stmt = db_prepare(st, "INSERT INTO stage_change(contact_id, from_stage, to_stage, at, author) "
                              "VALUES (?, NULL, ?, ?, ?)");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, c->id);
            sqlite3_bind_int(stmt, 2, c->stage);
            sqlite3_bind_int64(stmt, 3, (int64_t)now);
            db_bind_text(stmt, 4, st->author);
        }
        rc = db_run(st, stmt);
    }
    /* No db_refresh_contact(): a new contact's derived columns are
     * those its row went in with (its one stage change is now, it has no
     * note, follow-up or score yet), and recomputing them rewrote a
     * dozen index entries, the most of an import's time after its
     * words. check compares them with the history, as every contact's. */
    char *name = text_sanitize(c->name, false);
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("added contact #%lld %s"), (long long)c->id, name) : NULL);
    free(name);
    if (rc == STORE_OK) {
        c->created = c->updated = c->stage_since = c->last_touch = now;
        c->version = 1;
        c->note_count = 0;
        c->archived = false;
        c->next_due = (struct date){ 0 };
    } else {
        c->id = 0;
    }
    return rc;
}

enum store_status store_contact_update(struct store *st, struct contact *c,
                                       time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    int64_t version = 0;
    rc = db_query_int(st, "SELECT version FROM contact WHERE id = ?", c->id, &version);
    if (rc == STORE_NOT_FOUND)
        store_fail(st, rc, _("no contact #%lld"), (long long)c->id);
    char *name = text_sanitize(c->name, false);
    char by[64];
    if (rc == STORE_OK && version != c->version
        && db_team_last_author(st, c->id, by, sizeof by) && strcmp(by, st->author) != 0)
        rc = store_fail(st, STORE_CONFLICT,
                        _("%s was changed by %s since you opened it; reload it and make your change again"),
                        name, by);
    else if (rc == STORE_OK && version != c->version)
        rc = store_fail(st, STORE_CONFLICT,
                        _("%s was changed by someone else since you opened it; reload it and make your change again"),
                        name);
    int64_t org_id = 0;
    if (rc == STORE_OK)
        rc = org_id_for(st, c->org, &org_id);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st,
            "UPDATE contact SET name = :name, name_key = :key, org_id = :org, "
            "department = :department, title = :title, roles = :roles, "
            "projects = :projects, goals = :goals, "
            "channel = :channel, cadence_days = :cadence, owner = :owner, updated = :now, "
            "version = version + 1 WHERE id = :id");
        rc = stmt ? bind_fields(st, stmt, c, org_id) : STORE_FAILED;
        if (rc == STORE_OK) {
            db_bind_named_int(stmt, ":now", (int64_t)now);
            db_bind_named_int(stmt, ":id", c->id);
            rc = db_run(st, stmt);
        } else {
            db_finish(st, stmt);
        }
    }
    if (rc == STORE_OK)
        rc = rewrite_list(st, &stored_emails, c->id, &c->emails);
    if (rc == STORE_OK) {
        /* Phones are no words: written again whole, as they cost little. */
        sqlite3_stmt *stmt = db_prepare(st, "DELETE FROM contact_phone WHERE contact_id = ?");
        if (stmt)
            sqlite3_bind_int64(stmt, 1, c->id);
        rc = db_run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = write_phones(st, c);
    if (rc == STORE_OK)
        rc = rewrite_list(st, &stored_tags, c->id, &c->tags);
    if (rc == STORE_OK)
        rc = db_write_details(st, c, false);
    if (rc == STORE_OK)
        rc = db_refresh_contact(st, c->id);
    rc = db_write_end(st, rc, rc == STORE_OK ? db_format(_("edited %s"), name) : NULL);
    free(name);
    if (rc == STORE_OK) {
        c->version = version + 1;
        c->updated = now;
    }
    return rc;
}

enum store_status store_contact_set_uid(struct store *st, int64_t id,
                                        const char *uid)
{
    enum store_status rc = db_write_begin(st, time(NULL));
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = db_contact_name(st, id, &name);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st, "UPDATE contact SET uid = ? WHERE id = ?");
        if (stmt) {
            db_bind_text(stmt, 1, uid);
            sqlite3_bind_int64(stmt, 2, id);
        }
        rc = db_run(st, stmt);
    }
    rc = db_write_end(st, rc, rc == STORE_OK ? db_format(_("set the UID of %s"), name) : NULL);
    free(name);
    return rc;
}

enum store_status store_contact_set_archived(struct store *st, int64_t id,
                                             bool archived, time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = db_contact_name(st, id, &name);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st,
            "UPDATE contact SET archived = ?, updated = ?, version = version + 1 WHERE id = ?");
        if (stmt) {
            sqlite3_bind_int(stmt, 1, archived);
            sqlite3_bind_int64(stmt, 2, (int64_t)now);
            sqlite3_bind_int64(stmt, 3, id);
        }
        rc = db_run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = db_refresh_contact(st, id);
    char *what = NULL;
    if (rc == STORE_OK)
        what = archived ? db_format(_("archived %s"), name)
                        : db_format(_("brought %s back from the archive"), name);
    rc = db_write_end(st, rc, what);
    free(name);
    return rc;
}

/* Rewrites a contact's derived columns from its history. Recomputed,
 * never incremented, so a write, an undo and a repair all agree. */
enum store_status db_refresh_contact(struct store *st, int64_t id)
{
    sqlite3_stmt *stmt = db_prepare_kept(st,
        "UPDATE contact SET " CONTACT_DERIVED_COLUMNS("") " = " CONTACT_DERIVED("?1", "")
        " WHERE id = ?1");
    if (stmt)
        sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = db_run(st, stmt);
    if (rc != STORE_OK)
        return rc;
    /* After the update above: it reads the new last_touch. */
    stmt = db_prepare_kept(st,
        "UPDATE contact SET own_due = " CONTACT_OWN_DUE("") " WHERE id = ?1");
    if (stmt)
        sqlite3_bind_int64(stmt, 1, id);
    rc = db_run(st, stmt);
    if (rc != STORE_OK)
        return rc;
    stmt = db_prepare_kept(st,
        "UPDATE followup SET contact_archived = c.archived, contact_owner = c.owner "
        "FROM (SELECT archived, owner FROM contact WHERE id = ?1) AS c "
        "WHERE contact_id = ?1 AND " FOLLOWUP_CONTACT_WRONG("followup", "c"));
    if (stmt)
        sqlite3_bind_int64(stmt, 1, id);
    return db_run(st, stmt);
}

/* The contact's name made safe for a terminal, for messages and the
 * journal; NOT_FOUND with a message when there is no such contact. */
enum store_status db_contact_name(struct store *st, int64_t id, char **name)
{
    *name = NULL;
    sqlite3_stmt *stmt = db_prepare_kept(st, "SELECT name FROM contact WHERE id = ?");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = STORE_OK;
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW) {
        *name = text_sanitize((const char *)sqlite3_column_text(stmt, 0), false);
    } else if (step == SQLITE_DONE) {
        rc = store_fail(st, STORE_NOT_FOUND, _("no contact #%lld"), (long long)id);
    } else {
        rc = db_fail(st);
    }
    db_finish(st, stmt);
    return rc;
}
