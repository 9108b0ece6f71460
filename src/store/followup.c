/* Follow-ups: reading, adding, done (with the next occurrence and a
 * note in the same transaction), snoozing, and windows by date. Uses
 * base/i18n.h, store/db.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "store/db.h"
#include "store/followup.h"

#define FOLLOWUP_COLUMNS \
    "f.id, f.contact_id, c.name, c.stage, f.due, f.due_minutes, f.snoozed_until, " \
    "f.text, f.every_count, f.every_unit, f.state, f.done_at, f.created, " \
    "f.effective, f.uid, f.created_by, f.assigned_to, f.done_by"
#define FOLLOWUP_FROM " FROM followup f JOIN contact c ON c.id = f.contact_id "

static void read_followup(sqlite3_stmt *stmt, struct followup *f)
{
    memset(f, 0, sizeof *f);
    f->id = sqlite3_column_int64(stmt, 0);
    f->contact_id = sqlite3_column_int64(stmt, 1);
    f->contact_name = db_column_text(stmt, 2);
    f->contact_stage = (enum stage)sqlite3_column_int(stmt, 3);
    f->due = db_column_date(stmt, 4);
    f->due_minutes = sqlite3_column_int(stmt, 5);
    f->snoozed_until = db_column_date(stmt, 6);
    f->text = db_column_text(stmt, 7);
    f->every.count = sqlite3_column_int(stmt, 8);
    const unsigned char *unit = sqlite3_column_text(stmt, 9);
    f->every.unit = unit && *unit ? (char)unit[0] : 0;
    f->state = sqlite3_column_int(stmt, 10) ? FOLLOWUP_DONE : FOLLOWUP_OPEN;
    f->done_at = (time_t)sqlite3_column_int64(stmt, 11);
    f->created = (time_t)sqlite3_column_int64(stmt, 12);
    f->uid = db_column_text(stmt, 14);
    static const int logins[] = { 15, 16, 17 };
    char *const into[] = { f->created_by, f->assigned_to, f->done_by };
    for (int i = 0; i < 3; i++) {
        const unsigned char *login = sqlite3_column_text(stmt, logins[i]);
        snprintf(into[i], sizeof f->created_by, "%s", login ? (const char *)login : "");
    }
}

/* Reads the one follow-up stmt selects and finishes stmt;
 * STORE_NOT_FOUND, without a message, when there is none. */
static enum store_status step_followup(struct store *st, sqlite3_stmt *stmt,
                                       struct followup *out)
{
    enum store_status rc = STORE_OK;
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW)
        read_followup(stmt, out);
    else if (step == SQLITE_DONE)
        rc = STORE_NOT_FOUND;
    else
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}

enum store_status store_followup_get(struct store *st, int64_t id,
                                     struct followup *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st, "SELECT " FOLLOWUP_COLUMNS FOLLOWUP_FROM
                                        "WHERE f.id = ?");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_int64(stmt, 1, id);
    enum store_status rc = step_followup(st, stmt, out);
    if (rc == STORE_NOT_FOUND)
        rc = store_fail(st, STORE_NOT_FOUND, _("no follow-up f%lld"), (long long)id);
    return rc;
}

enum store_status store_followup_by_uid(struct store *st, const char *uid,
                                        struct followup *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = db_prepare(st, "SELECT " FOLLOWUP_COLUMNS FOLLOWUP_FROM
                                        "WHERE f.uid = ? ORDER BY f.state, f.id DESC LIMIT 1");
    if (!stmt)
        return STORE_FAILED;
    db_bind_text(stmt, 1, uid);
    return step_followup(st, stmt, out);
}

enum store_status store_followup_set_uid(struct store *st, int64_t id,
                                         const char *uid, time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    sqlite3_stmt *stmt = db_prepare(st,
        "UPDATE followup SET uid = ? WHERE id = ? AND uid IS NULL");
    if (stmt) {
        db_bind_text(stmt, 1, uid);
        sqlite3_bind_int64(stmt, 2, id);
    }
    rc = db_run(st, stmt);
    return db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("set the UID of follow-up f%lld"), (long long)id) : NULL);
}

static enum store_status insert_followup(struct store *st, struct followup *f,
                                         time_t now)
{
    sqlite3_stmt *stmt = db_prepare_kept(st,
        "INSERT INTO followup(contact_id, due, due_minutes, snoozed_until, effective, "
        "text, every_count, every_unit, state, done_at, created, contact_archived, "
        "contact_owner, uid, created_by, assigned_to, done_by) "
        "VALUES (?1, ?2, ?3, ?4, coalesce(?4, ?2), ?5, ?6, ?7, ?8, ?9, ?10, "
        "(SELECT archived FROM contact WHERE id = ?1), "
        "(SELECT owner FROM contact WHERE id = ?1), ?11, ?12, ?13, ?14)");
    /* Scheduled by whoever runs rapport; for them unless handed on. */
    snprintf(f->created_by, sizeof f->created_by, "%s", st->author);
    if (!f->assigned_to[0])
        snprintf(f->assigned_to, sizeof f->assigned_to, "%s", st->author);
    if (f->state == FOLLOWUP_DONE)
        snprintf(f->done_by, sizeof f->done_by, "%s", st->author);
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, f->contact_id);
        db_bind_date(stmt, 2, f->due);
        sqlite3_bind_int(stmt, 3, f->due_minutes);
        db_bind_date(stmt, 4, f->snoozed_until);
        db_bind_text(stmt, 5, f->text ? f->text : "");
        sqlite3_bind_int(stmt, 6, f->every.count);
        char unit[2] = { f->every.unit, '\0' };
        db_bind_text(stmt, 7, f->every.count ? unit : NULL);
        sqlite3_bind_int(stmt, 8, f->state == FOLLOWUP_DONE);
        if (f->state == FOLLOWUP_DONE)
            sqlite3_bind_int64(stmt, 9, (int64_t)(f->done_at ? f->done_at : now));
        sqlite3_bind_int64(stmt, 10, (int64_t)now);
        db_bind_text(stmt, 11, f->uid && *f->uid ? f->uid : NULL);
        db_bind_text(stmt, 12, f->created_by);
        db_bind_text(stmt, 13, f->assigned_to);
        db_bind_text(stmt, 14, f->state == FOLLOWUP_DONE ? f->done_by : NULL);
    }
    enum store_status rc = db_run(st, stmt);
    if (rc == STORE_OK) {
        f->id = sqlite3_last_insert_rowid(st->db);
        f->created = now;
    }
    return rc;
}

enum store_status store_followup_add(struct store *st, struct followup *f,
                                     time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = db_contact_name(st, f->contact_id, &name);
    if (rc == STORE_OK)
        rc = insert_followup(st, f, now);
    if (rc == STORE_OK)
        rc = db_refresh_contact(st, f->contact_id);
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("follow-up f%lld for %s"), (long long)f->id, name) : NULL);
    free(name);
    return rc;
}

enum store_status store_followup_done(struct store *st, int64_t id,
                                      struct followup *next, struct note *log,
                                      time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    struct followup f = { 0 };
    rc = store_followup_get(st, id, &f);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st,
            "UPDATE followup SET state = 1, done_at = ?, done_by = ? WHERE id = ?");
        if (stmt) {
            sqlite3_bind_int64(stmt, 1, (int64_t)now);
            db_bind_text(stmt, 2, st->author);
            sqlite3_bind_int64(stmt, 3, id);
        }
        rc = db_run(st, stmt);
    }
    if (rc == STORE_OK && next) {
        if (!next->contact_id)
            next->contact_id = f.contact_id;
        next->state = FOLLOWUP_OPEN;
        /* The next occurrence stays with whom the done one was for. */
        if (!next->assigned_to[0])
            snprintf(next->assigned_to, sizeof next->assigned_to, "%s", f.assigned_to);
        rc = insert_followup(st, next, now);
    }
    if (rc == STORE_OK && log) {
        if (!log->contact_id)
            log->contact_id = f.contact_id;
        rc = db_insert_note(st, log, now);
        if (rc == STORE_OK && log->contact_id != f.contact_id)
            rc = db_refresh_contact(st, log->contact_id);
    }
    if (rc == STORE_OK)
        rc = db_refresh_contact(st, f.contact_id);
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("follow-up f%lld done"), (long long)id) : NULL);
    followup_clear(&f);
    return rc;
}

enum store_status store_followup_snooze(struct store *st, int64_t id,
                                        struct date until, time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    struct followup f = { 0 };
    rc = store_followup_get(st, id, &f);
    if (rc == STORE_OK) {
        sqlite3_stmt *stmt = db_prepare(st,
            "UPDATE followup SET snoozed_until = ?1, effective = ?1 WHERE id = ?2");
        if (stmt) {
            db_bind_date(stmt, 1, until);
            sqlite3_bind_int64(stmt, 2, id);
        }
        rc = db_run(st, stmt);
    }
    if (rc == STORE_OK)
        rc = db_refresh_contact(st, f.contact_id);
    char day[11];
    date_format_iso(until, day);
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("follow-up f%lld snoozed until %s"), (long long)id, day) : NULL);
    followup_clear(&f);
    return rc;
}

/* "My follow-ups" (filter->mine) are those for me or on a contact I
 * own. Read as one OR, SQLite walks every open follow-up; read as two
 * branches, each is a range of its own index (followup_for,
 * followup_owned), the second leaving out what the first has. */
enum mine_branch {
    MINE_ANY,       /* the OR itself: for a filter without mine */
    MINE_FOR_ME,    /* assigned to me */
    MINE_OWNED,     /* on a contact I own, assigned to someone else */
};

static void followup_where(const struct followup_filter *filter,
                           enum mine_branch branch, struct sql_text *sql)
{
    db_sql_add(sql, " WHERE 1");
    if (!filter)
        return;
    if (filter->contact_id)
        db_sql_add(sql, " AND f.contact_id = :contact");
    if (filter->org_id)
        db_sql_add(sql, " AND c.org_id = :org");
    if (filter->open_only)
        db_sql_add(sql, " AND f.state = 0");
    if (date_is_set(filter->from))
        db_sql_add(sql, " AND f.effective >= :from");
    if (date_is_set(filter->to))
        db_sql_add(sql, " AND f.effective <= :to");
    if (!filter->include_archived)
        db_sql_add(sql, " AND f.contact_archived = 0");
    if (filter->mine && branch == MINE_FOR_ME)
        db_sql_add(sql, " AND f.assigned_to = :mine");
    else if (filter->mine && branch == MINE_OWNED)
        db_sql_add(sql, " AND f.contact_owner = :mine AND f.assigned_to IS NOT :mine");
    else if (filter->mine)
        db_sql_add(sql, " AND (f.assigned_to = :mine OR f.contact_owner = :mine)");
    if (filter->by)
        db_sql_add(sql, " AND f.created_by = :by");
    if (filter->assigned_to)
        db_sql_add(sql, " AND f.assigned_to = :for");
}

static void followup_bind(sqlite3_stmt *stmt, const struct followup_filter *filter)
{
    if (!filter)
        return;
    db_bind_named_int(stmt, ":contact", filter->contact_id);
    db_bind_named_int(stmt, ":org", filter->org_id);
    db_bind_named_text(stmt, ":mine", filter->mine);
    db_bind_named_text(stmt, ":by", filter->by);
    db_bind_named_text(stmt, ":for", filter->assigned_to);
    int i = sqlite3_bind_parameter_index(stmt, ":from");
    if (i > 0)
        db_bind_date(stmt, i, filter->from);
    i = sqlite3_bind_parameter_index(stmt, ":to");
    if (i > 0)
        db_bind_date(stmt, i, filter->to);
}

static void reverse_followups(struct followup_list *l)
{
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        struct followup t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

/* Backwards reads the rows just before `at` (NULL: the end) in reverse
 * order and turns them round, so the caller always gets list order. */
static enum store_status followup_window(struct store *st,
                                         const struct followup_filter *filter,
                                         const struct followup *at,
                                         bool backward, size_t limit,
                                         struct followup_list *out)
{
    memset(out, 0, sizeof *out);
    struct sql_text sql = { .len = 0 };
    /* Mine: the two branches merged in order (the ORDER BY of a
     * compound names result columns: 14 effective, 6 due_minutes, 1 id). */
    bool mine = filter && filter->mine;
    for (int branch = mine ? MINE_FOR_ME : MINE_ANY;
         branch <= (mine ? MINE_OWNED : MINE_ANY); branch++) {
        if (branch == MINE_OWNED)
            db_sql_add(&sql, " UNION ALL");
        db_sql_add(&sql, " SELECT " FOLLOWUP_COLUMNS FOLLOWUP_FROM);
        followup_where(filter, branch, &sql);
        if (at)
            db_sql_add(&sql, backward
                ? " AND (f.effective, f.due_minutes, f.id) < (:eff, :min, :id)"
                : " AND (f.effective, f.due_minutes, f.id) > (:eff, :min, :id)");
    }
    db_sql_add(&sql, backward
        ? " ORDER BY 14 DESC, 6 DESC, 1 DESC LIMIT :limit"
        : " ORDER BY 14, 6, 1 LIMIT :limit");
    sqlite3_stmt *stmt = db_prepare_text(st, &sql);
    if (!stmt)
        return STORE_FAILED;
    followup_bind(stmt, filter);
    if (at) {
        struct date eff = date_is_set(at->snoozed_until) ? at->snoozed_until
                                                         : at->due;
        db_bind_date(stmt, sqlite3_bind_parameter_index(stmt, ":eff"), eff);
        db_bind_named_int(stmt, ":min", at->due_minutes);
        db_bind_named_int(stmt, ":id", at->id);
    }
    db_bind_named_int(stmt, ":limit", (int64_t)limit + 1);
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
        read_followup(stmt, &out->items[out->len++]);
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    if (rc != STORE_OK)
        followup_list_clear(out);
    else if (backward)
        reverse_followups(out);
    return rc;
}

struct followup store_followup_key(const struct followup *f)
{
    return (struct followup){ .id = f->id, .due = f->due,
                              .snoozed_until = f->snoozed_until,
                              .due_minutes = f->due_minutes };
}

enum store_status store_followup_page(struct store *st,
                                      const struct followup_filter *filter,
                                      const struct followup *after,
                                      size_t limit, struct followup_list *out)
{
    return followup_window(st, filter, after, false, limit, out);
}

enum store_status store_followup_page_before(struct store *st,
                                             const struct followup_filter *filter,
                                             const struct followup *before,
                                             size_t limit,
                                             struct followup_list *out)
{
    return followup_window(st, filter, before, true, limit, out);
}

enum store_status store_followup_count(struct store *st,
                                       const struct followup_filter *filter,
                                       int64_t *count)
{
    *count = 0;
    struct sql_text sql = { .len = 0 };
    bool mine = filter && filter->mine;
    db_sql_add(&sql, "SELECT 0");
    for (int branch = mine ? MINE_FOR_ME : MINE_ANY;
         branch <= (mine ? MINE_OWNED : MINE_ANY); branch++) {
        db_sql_add(&sql, " + (SELECT count(*) FROM followup f");
        if (filter && filter->org_id)
            db_sql_add(&sql, " JOIN contact c ON c.id = f.contact_id");
        followup_where(filter, branch, &sql);
        db_sql_add(&sql, ")");
    }
    sqlite3_stmt *stmt = db_prepare_text(st, &sql);
    if (!stmt)
        return STORE_FAILED;
    followup_bind(stmt, filter);
    return db_step_int(st, stmt, count);
}
