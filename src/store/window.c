/* Windows of contacts: a filter made into SQL conditions, the keyset
 * order of each sort, a window read in sort order (from the contact
 * table, or from what the planner drives it with), and the list's
 * public reads and counts. The planner is store/plan.c. Uses
 * base/text.h, store/contact.h, store/db.h, store/plan.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/text.h"
#include "store/contact.h"
#include "store/db.h"
#include "store/plan.h"

/* Which contacts a filter takes by their archived flag: 0 the active
 * ones (the usual list), 1 the archived ones, -1 both. */
int db_filter_archived(const struct contact_filter *f)
{
    if (!f)
        return 0;
    return f->only_archived ? 1 : f->include_archived ? -1 : 0;
}

/* Whether a filter needs the contact row beyond its archived flag. */
bool db_filter_reads_contact(const struct contact_filter *f)
{
    return f && (f->stage != STAGE_NONE || f->tag || f->org || f->role
                 || f->owner || f->unowned || f->by);
}

/* The conditions of a filter but its text, each " AND ..."; the archived
 * flag too unless the word rows already hold it to. */
void db_filter_conditions(const struct contact_filter *f, bool archived_done,
                          struct sql_text *sql)
{
    int archived = db_filter_archived(f);
    if (!archived_done && archived >= 0)
        db_sql_addf(sql, " AND c.archived = %d", archived);
    if (!f)
        return;
    if (f->stage != STAGE_NONE)
        db_sql_add(sql, " AND c.stage = :stage");
    if (f->tag)
        db_sql_add(sql, " AND EXISTS (SELECT 1 FROM contact_tag t "
                        "WHERE t.contact_id = c.id AND t.tag = :tag)");
    if (f->org)
        db_sql_add(sql, " AND c.org_id = (SELECT id FROM organisation WHERE name = :org)");
    if (f->role)
        db_sql_add(sql, " AND (c.roles & :role) = :role");
    if (f->owner)
        db_sql_add(sql, " AND c.owner = :owner");
    if (f->unowned)
        db_sql_add(sql, " AND c.owner IS NULL");
    if (f->by)
        db_sql_add(sql, " AND EXISTS (SELECT 1 FROM note n "
                        "WHERE n.contact_id = c.id AND n.author = :by)");
}

/* " AND" the contact whose id is `id` (c.id, m.contact_id) holds a word
 * that token i begins. */
void db_token_probe(const struct search *s, size_t i, const char *id,
                    struct sql_text *sql)
{
    (void)s;   /* every token reaches the notes (its range :nhi) */
    db_sql_addf(sql, " AND (EXISTS (SELECT 1 FROM field_word_by_contact w WHERE w.contact_id = %s "
                     "AND w.term >= :lo%zu AND w.term < :hi%zu)", id, i, i);
    db_sql_addf(sql, " OR EXISTS (SELECT 1 FROM note_word_by_contact w WHERE w.contact_id = %s "
                     "AND w.term >= :lo%zu AND w.term < :nhi%zu)", id, i, i);
    db_sql_add(sql, ")");
}

void db_filter_bind(sqlite3_stmt *stmt, const struct contact_filter *f,
                    const struct search *s)
{
    for (size_t i = 0; s && i < s->len; i++) {
        char name[32];
        snprintf(name, sizeof name, ":lo%zu", i);
        db_bind_named_text(stmt, name, s->tokens[i].lo);
        snprintf(name, sizeof name, ":hi%zu", i);
        db_bind_named_text(stmt, name, s->tokens[i].hi);
        snprintf(name, sizeof name, ":nhi%zu", i);
        db_bind_named_text(stmt, name, s->tokens[i].note_hi);
    }
    if (!f)
        return;
    db_bind_named_int(stmt, ":stage", f->stage);
    db_bind_named_text(stmt, ":tag", f->tag);
    db_bind_named_text(stmt, ":org", f->org);
    db_bind_named_int(stmt, ":role", f->role);
    db_bind_named_text(stmt, ":owner", f->owner);
    db_bind_named_text(stmt, ":by", f->by);
}

/* Keyset windows: the condition "after the cursor" and the order, each
 * way. Backward reads in reverse and the rows are turned round. */
static const struct {
    const char *after, *before, *order, *reverse;
} contact_sorts[] = {
    [CONTACT_SORT_NAME] = {
        "(c.name_key, c.id) > (:key, :id)", "(c.name_key, c.id) < (:key, :id)",
        "c.name_key, c.id", "c.name_key DESC, c.id DESC" },
    [CONTACT_SORT_STAGE] = {
        "(c.stage < :stage_at OR (c.stage = :stage_at AND (c.name_key, c.id) > (:key, :id)))",
        "(c.stage > :stage_at OR (c.stage = :stage_at AND (c.name_key, c.id) < (:key, :id)))",
        "c.stage DESC, c.name_key, c.id", "c.stage, c.name_key DESC, c.id DESC" },
    [CONTACT_SORT_LAST_TOUCH] = {
        "(c.last_touch, c.id) > (:touch, :id)", "(c.last_touch, c.id) < (:touch, :id)",
        "c.last_touch, c.id", "c.last_touch DESC, c.id DESC" },
    [CONTACT_SORT_NEXT_DUE] = {
        "(c.next_due, c.id) > (:due, :id)", "(c.next_due, c.id) < (:due, :id)",
        "c.next_due, c.id", "c.next_due DESC, c.id DESC" },
};

static void reverse_contacts(struct contact_list *l)
{
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        struct contact t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

static void window_bind(sqlite3_stmt *stmt, const struct window *w)
{
    if (w->after) {
        db_bind_named_text(stmt, ":key", w->key);
        db_bind_named_int(stmt, ":id", w->after->id);
        db_bind_named_int(stmt, ":stage_at", w->after->stage);
        db_bind_named_int(stmt, ":touch", (int64_t)w->after->last_touch);
        char due[11] = NO_DUE;
        if (date_is_set(w->after->next_due))
            date_format_iso(w->after->next_due, due);
        db_bind_named_text(stmt, ":due", due);
    }
    db_bind_named_int(stmt, ":limit", (int64_t)w->limit + 1);
}

/* Counts the rows of a statement, up to limit + 1. */
static enum store_status count_rows(struct store *st, sqlite3_stmt *stmt,
                                    int64_t *counted)
{
    *counted = 0;
    if (!stmt)
        return STORE_FAILED;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW)
        (*counted)++;
    enum store_status rc = step == SQLITE_DONE ? STORE_OK : db_fail(st);
    db_finish(st, stmt);
    return rc;
}

/* The window read from the contact table in sort order: from a driver,
 * its contacts are read and sorted, and the other tokens looked up for
 * each; else the sort order is walked. Without out, the matches are
 * counted instead (up to the window's limit + 1), in no order: from a
 * driver token's word rows alone when the filter needs no more than
 * their archived flag. */
enum store_status db_page_sorted(struct store *st, const struct contact_filter *f,
                                 const struct search *s, const struct driver *d,
                                 const struct window *w, struct contact_list *out,
                                 int64_t *counted)
{
    struct sql_text sql = { .len = 0 };
    const char *id = "c.id";
    bool words_only = !out && !w->after && d && d->token >= 0 && !db_filter_reads_contact(f);
    int archived = db_filter_archived(f);
    if (d && d->token >= 0) {
        char flag[32] = "";
        if (words_only && archived >= 0)
            snprintf(flag, sizeof flag, " AND archived = %d", archived);
        /* A contact holds several words a prefix may begin (a: Ada and
         * Analytical), a row each: DISTINCT and UNION make it one row,
         * so it is listed and counted once. */
        db_sql_addf(&sql, "%s FROM (SELECT DISTINCT contact_id FROM field_word "
                          "WHERE term >= :lo%d AND term < :hi%d%s",
                    words_only ? "SELECT m.contact_id" : out ? "SELECT " CONTACT_COLUMNS : "SELECT c.id",
                    d->token, d->token, flag);
        db_sql_addf(&sql, " UNION SELECT contact_id FROM note_word "
                          "WHERE term >= :lo%d AND term < :nhi%d%s", d->token, d->token, flag);
        if (words_only) {
            db_sql_add(&sql, ") m WHERE 1");
            id = "m.contact_id";
        } else {
            db_sql_add(&sql, ") m CROSS JOIN contact c ON c.id = m.contact_id "
                             "LEFT JOIN organisation o ON o.id = c.org_id WHERE 1");
        }
    } else if (d && d->ids) {
        db_sql_add(&sql, out ? "SELECT " CONTACT_COLUMNS : "SELECT c.id");
        db_sql_add(&sql, " FROM json_each(:ids) m CROSS JOIN contact c ON c.id = m.value "
                         "LEFT JOIN organisation o ON o.id = c.org_id WHERE 1");
    } else {
        db_sql_add(&sql, out ? "SELECT " CONTACT_COLUMNS : "SELECT c.id");
        db_sql_add(&sql, CONTACT_FROM "WHERE 1");
    }
    db_filter_conditions(f, words_only, &sql);
    for (size_t i = 0; s && i < s->len; i++)
        if (!d || (d->token != (int)i && !(d->ids && d->covered[i])))
            db_token_probe(s, i, id, &sql);
    if (w->after) {
        db_sql_add(&sql, " AND ");
        db_sql_add(&sql, w->backward ? contact_sorts[w->sort].before
                                  : contact_sorts[w->sort].after);
    }
    if (out) {
        db_sql_add(&sql, " ORDER BY ");
        db_sql_add(&sql, w->backward ? contact_sorts[w->sort].reverse
                                  : contact_sorts[w->sort].order);
    }
    db_sql_add(&sql, " LIMIT :limit");
    sqlite3_stmt *stmt = db_prepare_text(st, &sql);
    if (stmt) {
        db_filter_bind(stmt, f, s);
        window_bind(stmt, w);
        if (d && d->ids)
            db_bind_named_text(stmt, ":ids", d->ids);
    }
    if (!out)
        return count_rows(st, stmt, counted);
    return db_collect_contacts(st, stmt, w->limit, out);
}

enum store_status store_contact_page(struct store *st,
                                     const struct contact_filter *filter,
                                     enum contact_sort sort,
                                     const struct contact *after,
                                     bool backward, size_t limit,
                                     struct contact_list *out)
{
    memset(out, 0, sizeof *out);
    if ((unsigned)sort > CONTACT_SORT_NEXT_DUE)
        sort = CONTACT_SORT_NAME;
    struct window w = { sort, after, NULL, backward, limit };
    if (after && !(w.key = text_fold(after->name ? after->name : "")))
        return db_no_memory(st);
    struct search s = { .len = 0 };
    enum store_status rc = STORE_OK;
    if (filter && filter->text && *filter->text)
        rc = db_search_prepare(st, filter->text, &s);
    if (rc == STORE_OK) {
        if (s.len > 0)
            rc = db_page_searched(st, filter, &s, &w, out, NULL);
        else
            rc = db_page_sorted(st, filter, NULL, NULL, &w, out, NULL);
    }
    db_search_clear(&s);
    free(w.key);
    if (rc == STORE_OK && backward)
        reverse_contacts(out);
    return rc;
}

enum store_status store_contact_count(struct store *st,
                                      const struct contact_filter *filter,
                                      int64_t limit, int64_t *count)
{
    *count = 0;
    struct search s = { .len = 0 };
    enum store_status rc = STORE_OK;
    if (filter && filter->text && *filter->text)
        rc = db_search_prepare(st, filter->text, &s);
    if (rc != STORE_OK)
        return rc;
    if (s.len > 0 && limit > 0) {
        /* Counted as the window is read, which a search makes quick. */
        struct window w = { CONTACT_SORT_NAME, NULL, NULL, false, (size_t)limit };
        rc = db_page_searched(st, filter, &s, &w, NULL, count);
        db_search_clear(&s);
        return rc;
    }
    struct sql_text sql = { .len = 0 };
    db_sql_add(&sql, "SELECT count(*) FROM (SELECT 1 FROM contact c WHERE 1");
    db_filter_conditions(filter, false, &sql);
    for (size_t i = 0; i < s.len; i++)
        db_token_probe(&s, i, "c.id", &sql);
    db_sql_add(&sql, limit > 0 ? " LIMIT :limit)" : ")");
    sqlite3_stmt *stmt = db_prepare_text(st, &sql);
    if (stmt) {
        db_filter_bind(stmt, filter, &s);
        db_bind_named_int(stmt, ":limit", limit + 1);
    }
    rc = db_step_int(st, stmt, count);
    db_search_clear(&s);
    return rc;
}
