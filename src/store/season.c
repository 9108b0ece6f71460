/* The Review's pipeline rows (store/season.h): budget season and ready
 * to move up, read through the indexes version 6 made, and the
 * dismissed suggestions. Uses base/i18n.h, store/db.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "store/db.h"
#include "store/schema.h"
#include "store/season.h"

/* A member's own contacts (Gone quiet's rule, store/quiet.c). */
#define READY_OWNER "(:owner IS NULL OR c.owner = :owner)"

/* The date of an organisation's coming budget date (this year or, past
 * today's MM-DD, next year), and when its window opened. */
#define BUDGET_YEAR "(CASE WHEN o.budget_date >= :from THEN :year ELSE :year + 1 END)"
#define BUDGET_OPENED \
    "CAST(strftime('%s', " BUDGET_YEAR " || '-' || o.budget_date, " \
    ":lead, 'utc') AS INTEGER)"
/* Organisations in season, from organisation_by_budget. */
#define BUDGET_IN "o.budget_date BETWEEN :from AND :to"
#define BUDGET_IN_WRAP "(o.budget_date >= :from OR o.budget_date <= :to)"
#define BUDGET_PEOPLE_HEAD \
    " FROM organisation o JOIN contact c ON c.org_id = o.id " \
    "WHERE o.budget_date IS NOT NULL AND "
#define BUDGET_PEOPLE_TAIL \
    " AND c.archived = 0 AND (c.roles & 2) != 0 AND c.last_touch < " BUDGET_OPENED \
    " AND " READY_OWNER

static sqlite3_stmt *budget_prepare(struct store *st, const struct budget_season *s,
                                    const char *head, const char *tail)
{
    char sql[2048];
    snprintf(sql, sizeof sql, "%s%s%s%s%s", head, BUDGET_PEOPLE_HEAD,
             strcmp(s->from, s->to) <= 0 ? BUDGET_IN : BUDGET_IN_WRAP,
             BUDGET_PEOPLE_TAIL, tail);
    sqlite3_stmt *stmt = db_prepare(st, sql);
    if (!stmt)
        return NULL;
    char lead[32];
    snprintf(lead, sizeof lead, "-%d days", s->lead_days);
    db_bind_named_text(stmt, ":from", s->from);
    db_bind_named_text(stmt, ":to", s->to);
    db_bind_named_int(stmt, ":year", s->year);
    db_bind_named_text(stmt, ":lead", lead);
    db_bind_named_text(stmt, ":owner", s->owner);
    return stmt;
}

enum store_status store_budget_page(struct store *st,
                                    const struct budget_season *season,
                                    size_t limit, struct budget_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt = budget_prepare(st, season,
        "SELECT " CONTACT_COLUMNS ", o.budget_date",
        " ORDER BY " BUDGET_YEAR ", o.budget_date, o.name, c.name_key, c.id LIMIT :limit");
    if (!stmt)
        return STORE_FAILED;
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
        struct budget_entry *e = &out->items[out->len++];
        memset(e, 0, sizeof *e);
        const unsigned char *md = sqlite3_column_text(stmt, CONTACT_COLUMN_COUNT);
        snprintf(e->budget_date, sizeof e->budget_date, "%s", md ? (const char *)md : "");
        if ((rc = db_read_contact(st, stmt, 0, &e->contact)) != STORE_OK)
            break;
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    if (rc != STORE_OK)
        budget_list_clear(out);
    return rc;
}

enum store_status store_budget_count(struct store *st,
                                     const struct budget_season *season,
                                     int64_t *count)
{
    *count = 0;
    sqlite3_stmt *stmt = budget_prepare(st, season, "SELECT count(*)", "");
    if (!stmt)
        return STORE_FAILED;
    return db_step_int(st, stmt, count);
}

/* Ready to move up: customers by contact_by_stage_since, end users by
 * contact_by_stage_touch (an end user last touched before the window
 * cannot have interactions in it), each counting its notes from
 * note_by_contact. */
#define READY_CLIENT_WHERE \
    CONTACT_READY_CLIENT " AND c.stage_since < :before " \
    "AND c.note_count >= :touches AND " READY_OWNER " " \
    "AND NOT EXISTS (SELECT 1 FROM suggestion_dismissed d " \
    "WHERE d.contact_id = c.id AND d.stage = 2)"
#define READY_CUSTOMER_COUNT \
    "(SELECT count(*) FROM note n WHERE n.contact_id = c.id AND n.at >= :since)"
#define READY_CUSTOMER_WHERE \
    "c.stage = 0 AND c.archived = 0 AND c.last_touch >= :since AND " READY_OWNER " " \
    "AND " READY_CUSTOMER_COUNT " >= :n " \
    "AND NOT EXISTS (SELECT 1 FROM suggestion_dismissed d " \
    "WHERE d.contact_id = c.id AND d.stage = 1)"

static void ready_bind(sqlite3_stmt *stmt, const struct ready_rule *r)
{
    db_bind_named_int(stmt, ":before", (int64_t)r->customer_before);
    db_bind_named_int(stmt, ":touches", r->touches);
    db_bind_named_int(stmt, ":since", (int64_t)r->since);
    db_bind_named_int(stmt, ":n", r->interactions);
    db_bind_named_text(stmt, ":owner", r->owner);
}

/* Appends up to limit - out->len rows of one kind; more when one was
 * left. */
static enum store_status ready_collect(struct store *st, sqlite3_stmt *stmt,
                                       int to, size_t limit,
                                       struct suggestion_list *out, size_t *cap)
{
    if (!stmt)
        return STORE_FAILED;
    enum store_status rc = STORE_OK;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out->len == limit) {
            out->more = true;
            break;
        }
        if (db_reserve((void **)&out->items, out->len, cap, sizeof *out->items)) {
            rc = db_no_memory(st);
            break;
        }
        struct suggestion *s = &out->items[out->len++];
        memset(s, 0, sizeof *s);
        s->to = (enum stage)to;
        s->interactions = sqlite3_column_int64(stmt, CONTACT_COLUMN_COUNT);
        if ((rc = db_read_contact(st, stmt, 0, &s->contact)) != STORE_OK)
            break;
    }
    if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    return rc;
}

/* Named: without statistics, the planner takes the index of every
 * active customer (contact_active, stage = 1) over the partial one of
 * those with projects or goals, and reads them all (15 ms on the bench
 * database, where none has either). */
#define READY_CLIENT_FROM " FROM contact c INDEXED BY contact_ready_client "

/* The suggestions in list order: customers ready to be clients by
 * (stage_since, id), then end users ready to be customers by
 * (last_touch, id) descending. A window starts after (or, backward,
 * ends before) the row `after`, found by those keys. */
#define READY_CLIENTS \
    "SELECT " CONTACT_COLUMNS ", c.note_count" READY_CLIENT_FROM \
    "LEFT JOIN organisation o ON o.id = c.org_id WHERE " READY_CLIENT_WHERE
#define READY_CUSTOMERS \
    "SELECT " CONTACT_COLUMNS ", " READY_CUSTOMER_COUNT CONTACT_FROM "WHERE " READY_CUSTOMER_WHERE

static enum store_status ready_part(struct store *st, const struct ready_rule *rule,
                                    const char *sql, const struct suggestion *after,
                                    int to, size_t limit,
                                    struct suggestion_list *out, size_t *cap)
{
    sqlite3_stmt *stmt = db_prepare(st, sql);
    if (stmt) {
        ready_bind(stmt, rule);
        db_bind_named_int(stmt, ":limit", (int64_t)(limit - out->len) + 1);
        if (after) {
            db_bind_named_int(stmt, ":since_key", (int64_t)after->contact.stage_since);
            db_bind_named_int(stmt, ":touch_key", (int64_t)after->contact.last_touch);
            db_bind_named_int(stmt, ":id", after->contact.id);
        }
    }
    return ready_collect(st, stmt, to, limit, out, cap);
}

enum store_status store_ready_window(struct store *st, const struct ready_rule *rule,
                                     const struct suggestion *after, bool backward,
                                     size_t limit, struct suggestion_list *out)
{
    memset(out, 0, sizeof *out);
    size_t cap = 0;
    enum store_status rc = STORE_OK;
    bool client = after && after->to == STAGE_CLIENT;
    if (!backward) {
        if (!after || client)
            rc = ready_part(st, rule, after
                ? READY_CLIENTS " AND (c.stage_since, c.id) > (:since_key, :id) "
                  "ORDER BY c.stage_since, c.id LIMIT :limit"
                : READY_CLIENTS " ORDER BY c.stage_since, c.id LIMIT :limit",
                after, STAGE_CLIENT, limit, out, &cap);
        if (rc == STORE_OK && !out->more)
            rc = ready_part(st, rule, after && !client
                ? READY_CUSTOMERS " AND (c.last_touch, c.id) < (:touch_key, :id) "
                  "ORDER BY c.last_touch DESC, c.id DESC LIMIT :limit"
                : READY_CUSTOMERS " ORDER BY c.last_touch DESC, c.id DESC LIMIT :limit",
                after && !client ? after : NULL, STAGE_CUSTOMER, limit, out, &cap);
    } else {
        /* Read nearest first, then turned into list order. */
        if (!client)
            rc = ready_part(st, rule, after
                ? READY_CUSTOMERS " AND (c.last_touch, c.id) > (:touch_key, :id) "
                  "ORDER BY c.last_touch, c.id LIMIT :limit"
                : READY_CUSTOMERS " ORDER BY c.last_touch, c.id LIMIT :limit",
                after, STAGE_CUSTOMER, limit, out, &cap);
        if (rc == STORE_OK && !out->more)
            rc = ready_part(st, rule, client
                ? READY_CLIENTS " AND (c.stage_since, c.id) < (:since_key, :id) "
                  "ORDER BY c.stage_since DESC, c.id DESC LIMIT :limit"
                : READY_CLIENTS " ORDER BY c.stage_since DESC, c.id DESC LIMIT :limit",
                client ? after : NULL, STAGE_CLIENT, limit, out, &cap);
        for (size_t i = 0; rc == STORE_OK && i < out->len / 2; i++) {
            struct suggestion t = out->items[i];
            out->items[i] = out->items[out->len - 1 - i];
            out->items[out->len - 1 - i] = t;
        }
    }
    if (rc != STORE_OK)
        suggestion_list_clear(out);
    return rc;
}

enum store_status store_ready_page(struct store *st, const struct ready_rule *rule,
                                   size_t limit, struct suggestion_list *out)
{
    return store_ready_window(st, rule, NULL, false, limit, out);
}

enum store_status store_ready_count(struct store *st, const struct ready_rule *rule,
                                    int64_t *count)
{
    *count = 0;
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT (SELECT count(*)" READY_CLIENT_FROM "WHERE " READY_CLIENT_WHERE ") + "
        "(SELECT count(*) FROM contact c WHERE " READY_CUSTOMER_WHERE ")");
    if (!stmt)
        return STORE_FAILED;
    ready_bind(stmt, rule);
    return db_step_int(st, stmt, count);
}

enum store_status store_ready_one(struct store *st, const struct ready_rule *rule,
                                  int64_t contact_id, int to, bool *ready)
{
    *ready = false;
    sqlite3_stmt *stmt = db_prepare(st, to == STAGE_CLIENT
        ? "SELECT count(*) FROM contact c WHERE c.id = :id AND " READY_CLIENT_WHERE
        : "SELECT count(*) FROM contact c WHERE c.id = :id AND " READY_CUSTOMER_WHERE);
    if (!stmt)
        return STORE_FAILED;
    ready_bind(stmt, rule);
    db_bind_named_int(stmt, ":id", contact_id);
    int64_t n = 0;
    enum store_status rc = db_step_int(st, stmt, &n);
    *ready = n > 0;
    return rc;
}

enum store_status store_suggestion_dismiss(struct store *st, int64_t contact_id,
                                           int to, time_t now)
{
    enum store_status rc = db_write_begin(st, now);
    if (rc != STORE_OK)
        return rc;
    char *name = NULL;
    rc = db_contact_name(st, contact_id, &name);
    sqlite3_stmt *stmt = NULL;
    if (rc == STORE_OK)
        stmt = db_prepare(st, "INSERT OR IGNORE INTO suggestion_dismissed(contact_id, stage, at) "
                              "VALUES (?, ?, ?)");
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, contact_id);
        sqlite3_bind_int(stmt, 2, to);
        sqlite3_bind_int64(stmt, 3, (int64_t)now);
        rc = db_run(st, stmt);
    } else if (rc == STORE_OK)
        rc = STORE_FAILED;
    rc = db_write_end(st, rc, rc == STORE_OK
        ? db_format(_("dismissed the suggestion to move %s up"), name) : NULL);
    free(name);
    return rc;
}
