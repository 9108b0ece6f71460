/* Gone quiet: the contacts whose last interaction is older than their
 * cadence and whose cadence is not paused, a window at a time, and
 * their count. Uses model/cadence.h,
 * store/contact.h, store/db.h. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "model/cadence.h"
#include "store/contact.h"
#include "store/db.h"
#include "store/quiet.h"

/* Gone quiet is read stage by stage (clients first), each stage from two
 * partial indexes in due order: contacts on their stage's cadence by
 * last touch, contacts with their own cadence by own_due (last touch +
 * cadence, a derived column). The two are merged here, so a window
 * costs its own rows, never the whole list. */

/* Contacts whose cadence is paused past today are not quiet. */
#define NOT_PAUSED "AND NOT EXISTS (SELECT 1 FROM contact_pause p " \
    "WHERE p.contact_id = contact.id AND p.until > :today) "

/* Each read twice: of anyone's contacts, and of one owner's (a
 * member's own, in a team database), which the owner's partial
 * indexes of version 7 answer without reading the others' rows. */
#define OWNER_ANY ""
#define OWNER_IS "AND owner = :owner "
#define QUIET_DEFAULT(OWNER, CMP, ORDER) \
    "SELECT id, last_touch + :k FROM contact WHERE stage = :s AND cadence_days IS NULL " \
    "AND archived = 0 AND last_touch < :cut " NOT_PAUSED OWNER \
    "AND (last_touch, id) " CMP " (:lt, :id) ORDER BY " ORDER " LIMIT :n"
#define QUIET_OWN(OWNER, CMP, ORDER) \
    "SELECT id, own_due FROM contact WHERE stage = :s AND own_due IS NOT NULL " \
    "AND archived = 0 AND own_due < :now " NOT_PAUSED OWNER \
    "AND (own_due, id) " CMP " (:due, :id) ORDER BY " ORDER " LIMIT :n"
/* Indexed by [owned][backward]: backwards from the end of a stage. */
static const char *const quiet_default_sql[2][2] = {
    { QUIET_DEFAULT(OWNER_ANY, ">", "last_touch, id"),
      QUIET_DEFAULT(OWNER_ANY, "<", "last_touch DESC, id DESC") },
    { QUIET_DEFAULT(OWNER_IS, ">", "last_touch, id"),
      QUIET_DEFAULT(OWNER_IS, "<", "last_touch DESC, id DESC") },
};
static const char *const quiet_own_sql[2][2] = {
    { QUIET_OWN(OWNER_ANY, ">", "own_due, id"),
      QUIET_OWN(OWNER_ANY, "<", "own_due DESC, id DESC") },
    { QUIET_OWN(OWNER_IS, ">", "own_due, id"),
      QUIET_OWN(OWNER_IS, "<", "own_due DESC, id DESC") },
};
#define QUIET_COUNT(OWNER) \
    "SELECT (SELECT count(*) FROM contact WHERE stage = :s AND cadence_days IS NULL " \
    "AND archived = 0 AND last_touch < :cut " NOT_PAUSED "AND :on " OWNER ") + " \
    "(SELECT count(*) FROM contact WHERE stage = :s AND own_due IS NOT NULL " \
    "AND archived = 0 AND own_due < :now " NOT_PAUSED OWNER ")"

/* Appends to ids the next rows of one stage after (due, id) — or,
 * backward, the rows before it, nearest first — at most n. */
static enum store_status quiet_stage(struct store *st, int stage, int days,
                                     const char *owner, time_t now, int64_t due, int64_t id,
                                     bool backward, size_t n, int64_t *ids,
                                     size_t *len)
{
    sqlite3_stmt *a = NULL, *b = db_prepare(st, quiet_own_sql[owner != NULL][backward]);
    if (!b)
        return STORE_FAILED;
    char today[11];
    date_format_iso(date_from_time(now), today);
    db_bind_named_int(b, ":s", stage);
    db_bind_named_text(b, ":owner", owner);
    db_bind_named_int(b, ":now", (int64_t)now);
    db_bind_named_text(b, ":today", today);
    db_bind_named_int(b, ":due", due);
    db_bind_named_int(b, ":id", id);
    db_bind_named_int(b, ":n", (int64_t)n);
    if (days > 0) {
        int64_t k = (int64_t)days * CADENCE_DAY_SECONDS;
        a = db_prepare(st, quiet_default_sql[owner != NULL][backward]);
        if (!a) {
            db_finish(st, b);
            return STORE_FAILED;
        }
        db_bind_named_int(a, ":s", stage);
        db_bind_named_text(a, ":owner", owner);
        db_bind_named_text(a, ":today", today);
        db_bind_named_int(a, ":k", k);
        db_bind_named_int(a, ":cut", (int64_t)now - k);
        db_bind_named_int(a, ":lt", due == INT64_MIN || due == INT64_MAX ? due : due - k);
        db_bind_named_int(a, ":id", id);
        db_bind_named_int(a, ":n", (int64_t)n);
    }
    int ra = a ? sqlite3_step(a) : SQLITE_DONE, rb = sqlite3_step(b);
    size_t taken = 0;
    while (taken < n && (ra == SQLITE_ROW || rb == SQLITE_ROW)) {
        bool from_a = ra == SQLITE_ROW;
        if (from_a && rb == SQLITE_ROW) {
            int64_t da = sqlite3_column_int64(a, 1), db = sqlite3_column_int64(b, 1);
            int64_t ia = sqlite3_column_int64(a, 0), ib = sqlite3_column_int64(b, 0);
            bool a_first = da < db || (da == db && ia < ib);
            from_a = backward ? !a_first : a_first;
        }
        sqlite3_stmt *from = from_a ? a : b;
        ids[(*len)++] = sqlite3_column_int64(from, 0);
        taken++;
        if (from_a)
            ra = sqlite3_step(a);
        else
            rb = sqlite3_step(b);
    }
    enum store_status rc = STORE_OK;
    if ((ra != SQLITE_ROW && ra != SQLITE_DONE) || (rb != SQLITE_ROW && rb != SQLITE_DONE))
        rc = db_fail(st);
    db_finish(st, a);
    db_finish(st, b);
    return rc;
}

/* Stages are read clients first; backwards, end users first, each
 * from its end, and the ids are turned round at the end. */
static enum store_status quiet_window(struct store *st,
                                      const int stage_cadence[STAGE_COUNT],
                                      const char *owner, time_t now, const struct contact *at,
                                      bool backward, size_t limit,
                                      struct contact_list *out)
{
    memset(out, 0, sizeof *out);
    int64_t *ids = calloc(limit + 1, sizeof *ids);
    if (!ids)
        return db_no_memory(st);
    size_t len = 0;
    enum store_status rc = STORE_OK;
    for (int i = 0; i < STAGE_COUNT && len <= limit && rc == STORE_OK; i++) {
        int stage = backward ? i : STAGE_COUNT - 1 - i;
        int64_t due = backward ? INT64_MAX : INT64_MIN;
        int64_t id = due;
        if (at && (backward ? (int)at->stage > stage : (int)at->stage < stage))
            continue;
        if (at && (int)at->stage == stage) {
            int days = cadence_days_for(at, stage_cadence);
            due = (int64_t)cadence_quiet_at(at, days);
            id = at->id;
        }
        rc = quiet_stage(st, stage, cadence_of_stage(stage_cadence, stage), owner, now,
                         due, id, backward, limit + 1 - len, ids, &len);
    }
    out->more = len > limit;
    if (len > limit)
        len = limit;
    if (backward) {
        for (size_t i = 0, j = len; i + 1 < j; i++, j--) {
            int64_t t = ids[i];
            ids[i] = ids[j - 1];
            ids[j - 1] = t;
        }
    }
    size_t cap = 0;
    for (size_t i = 0; i < len && rc == STORE_OK; i++) {
        if (db_reserve((void **)&out->items, out->len, &cap, sizeof *out->items)) {
            rc = db_no_memory(st);
            break;
        }
        rc = store_contact_get(st, ids[i], &out->items[out->len]);
        if (rc == STORE_OK)
            out->len++;
    }
    free(ids);
    if (rc != STORE_OK)
        contact_list_clear(out);
    return rc;
}

enum store_status store_quiet_page(struct store *st,
                                   const int stage_cadence[STAGE_COUNT],
                                   const char *owner,
                                   time_t now, const struct contact *after,
                                   size_t limit, struct contact_list *out)
{
    return quiet_window(st, stage_cadence, owner, now, after, false, limit, out);
}

enum store_status store_quiet_page_before(struct store *st,
                                          const int stage_cadence[STAGE_COUNT],
                                          const char *owner, time_t now,
                                          const struct contact *before,
                                          size_t limit,
                                          struct contact_list *out)
{
    return quiet_window(st, stage_cadence, owner, now, before, true, limit, out);
}

enum store_status store_quiet_count(struct store *st,
                                    const int stage_cadence[STAGE_COUNT],
                                    const char *owner, time_t now,
                                    int64_t *count)
{
    *count = 0;
    char today[11];
    date_format_iso(date_from_time(now), today);
    for (int stage = 0; stage < STAGE_COUNT; stage++) {
        int days = cadence_of_stage(stage_cadence, stage);
        sqlite3_stmt *stmt = db_prepare(st, owner ? QUIET_COUNT(OWNER_IS)
                                                  : QUIET_COUNT(OWNER_ANY));
        if (!stmt)
            return STORE_FAILED;
        db_bind_named_int(stmt, ":s", stage);
        db_bind_named_int(stmt, ":cut", (int64_t)now - (int64_t)days * CADENCE_DAY_SECONDS);
        db_bind_named_int(stmt, ":on", days > 0);
        db_bind_named_text(stmt, ":owner", owner);
        db_bind_named_int(stmt, ":now", (int64_t)now);
        db_bind_named_text(stmt, ":today", today);
        int64_t n = 0;
        enum store_status rc = db_step_int(st, stmt, &n);
        if (rc != STORE_OK)
            return rc;
        *count += n;
    }
    return STORE_OK;
}
