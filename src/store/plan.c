/* The search planner of the contact list: the words typed made into
 * tokens, each with the rows it would read estimated, and the window
 * read the cheapest way (the rarest word's rows whole, or a name-order
 * merge of the word rows). The windows it reads are in store/window.c.
 * Uses base/i18n.h, store/db.h. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "store/db.h"
#include "store/plan.h"

/* A note is found by a word's beginning from its third letter on: a
 * shorter prefix matches most of a large history, and the names it
 * should find would drown in it; a shorter word finds notes that hold
 * it whole (UX, OA). The contacts' own fields match from the first
 * letter. */
#define NOTE_WORD_MIN 3
/* A word typed that fewer rows hold than this is read whole and sorted,
 * which is quick in any sort order; so are the first contacts of a merge
 * when there are no more than this many. */
#define SEARCH_SPARSE 2000
/* A common word is read in name order from its terms' rows when it has
 * at most this many (one merge each). */
#define SEARCH_BRANCHES 8
/* Rows read per round of a name-order merge, at most. */
#define SEARCH_CHUNK_MAX 4096

void db_search_clear(struct search *s)
{
    for (size_t i = 0; i < s->len; i++) {
        free(s->tokens[i].lo);
        free(s->tokens[i].hi);
        free(s->tokens[i].note_hi);
        strlist_clear(&s->tokens[i].field_terms);
        strlist_clear(&s->tokens[i].note_terms);
    }
    s->len = 0;
}

/* Rows of table (field_word or note_word) in token's range, counted up
 * to SEARCH_SPARSE. */
static enum store_status token_rows(struct store *st, const char *sql,
                                    const struct search_token *t, const char *hi,
                                    int64_t *rows)
{
    sqlite3_stmt *stmt = db_prepare_kept(st, sql);
    if (!stmt)
        return STORE_FAILED;
    db_bind_text(stmt, 1, t->lo);
    db_bind_text(stmt, 2, hi);
    sqlite3_bind_int(stmt, 3, SEARCH_SPARSE);
    int64_t n = 0;
    enum store_status rc = db_step_int(st, stmt, &n);
    *rows += n;
    return rc;
}

static const char field_rows_sql[] =
    "SELECT count(*) FROM (SELECT 1 FROM field_word WHERE term >= ?1 AND term < ?2 LIMIT ?3)";
static const char note_rows_sql[] =
    "SELECT count(*) FROM (SELECT 1 FROM note_word WHERE term >= ?1 AND term < ?2 LIMIT ?3)";
static const char field_next_sql[] =
    "SELECT term FROM field_word WHERE term >= ?1 AND term < ?2 ORDER BY term LIMIT 1";
static const char note_next_sql[] =
    "SELECT term FROM note_word WHERE term >= ?1 AND term < ?2 ORDER BY term LIMIT 1";

/* The distinct terms of token's range in one table, one seek each,
 * until there are more than SEARCH_BRANCHES in all. */
static enum store_status token_terms(struct store *st, const char *sql,
                                     struct search_token *t, const char *hi,
                                     struct strlist *out)
{
    sqlite3_stmt *stmt = db_prepare_kept(st, sql);
    if (!stmt)
        return STORE_FAILED;
    char *from = strdup(t->lo);
    enum store_status rc = from ? STORE_OK : db_no_memory(st);
    while (rc == STORE_OK && t->branches <= SEARCH_BRANCHES) {
        db_bind_text(stmt, 1, from);
        db_bind_text(stmt, 2, hi);
        int step = sqlite3_step(stmt);
        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW) {
            rc = db_fail(st);
            break;
        }
        const char *term = (const char *)sqlite3_column_text(stmt, 0);
        /* The least text after term: term itself followed by U+0001. */
        char *next = term ? db_format("%s\x01", term) : NULL;
        if (!next || strlist_push(out, term) != 0) {
            free(next);
            rc = db_no_memory(st);
            break;
        }
        free(from);
        from = next;
        t->branches++;
        sqlite3_reset(stmt);
    }
    free(from);
    db_finish(st, stmt);
    return rc;
}

/* The words of text as tokens, each with its rows estimated. No words
 * (only punctuation typed): s->len is 0. */
enum store_status db_search_prepare(struct store *st, const char *text,
                                    struct search *s)
{
    memset(s, 0, sizeof *s);
    struct strlist words;
    int split = db_split_words(st, text, &words);
    if (split == SQLITE_NOMEM)
        return db_no_memory(st);
    if (split != SQLITE_OK)
        return store_fail(st, STORE_FAILED, _("database error: %s"), sqlite3_errstr(split));
    enum store_status rc = STORE_OK;
    for (size_t i = 0; i < words.len && s->len < SEARCH_TOKENS; i++) {
        struct search_token *t = &s->tokens[s->len++];
        size_t n = strlen(words.items[i]);
        t->lo = words.items[i];
        words.items[i] = NULL;
        /* Every text that begins with lo sorts before lo with its last
         * byte one higher (no UTF-8 byte is 0xFF). */
        t->hi = strdup(t->lo);
        if (!t->hi) {
            rc = db_no_memory(st);
            break;
        }
        t->hi[n - 1] = (char)((unsigned char)t->hi[n - 1] + 1);
        t->note_hi = db_utf8_chars(t->lo, n) < NOTE_WORD_MIN
                         ? db_format("%s\x01", t->lo) : strdup(t->hi);
        if (!t->note_hi) {
            rc = db_no_memory(st);
            break;
        }
        rc = token_rows(st, field_rows_sql, t, t->hi, &t->estimate);
        if (rc == STORE_OK)
            rc = token_rows(st, note_rows_sql, t, t->note_hi, &t->estimate);
        if (rc != STORE_OK)
            break;
    }
    strlist_clear(&words);
    if (rc != STORE_OK)
        db_search_clear(s);
    return rc;
}

/* The branches of a name-order merge: SELECT name_key, contact_id of one
 * term each, from the cursor on, of the contacts archived or not as
 * archived says (< 0: both). */
static void merge_branches(struct sql_text *sql, const char *table,
                           const struct strlist *terms, const char *op,
                           bool backward, int archived, int *n)
{
    for (size_t i = 0; i < terms->len; i++) {
        if (*n > 0)
            db_sql_add(sql, op);
        db_sql_addf(sql, "SELECT name_key, contact_id FROM %s WHERE term = :t%d "
                         "AND (name_key, contact_id) %s (:mkey, :mid)",
                    table, *n, backward ? "<" : ">");
        if (archived >= 0)
            db_sql_addf(sql, " AND archived = %d", archived);
        (*n)++;
    }
}

/* The merge of the streamed tokens' terms, LIMIT :chunk. */
static void merge_compound(struct sql_text *sql, const struct search *s,
                           const bool *streamed, bool intersect, bool backward,
                           int archived)
{
    int n = 0;
    const char *op = intersect ? " INTERSECT " : " UNION ";
    for (size_t i = 0; i < s->len; i++) {
        if (streamed[i]) {
            merge_branches(sql, "field_word", &s->tokens[i].field_terms, op, backward,
                           archived, &n);
            merge_branches(sql, "note_word", &s->tokens[i].note_terms, op, backward,
                           archived, &n);
        }
    }
    db_sql_add(sql, backward ? " ORDER BY 1 DESC, 2 DESC" : " ORDER BY 1, 2");
    db_sql_add(sql, " LIMIT :chunk");
}

/* Binds the merge's terms and its cursor (key NULL: from the start). */
static void merge_bind(sqlite3_stmt *stmt, const struct search *s, const bool *streamed,
                       bool backward, const char *key, int64_t id, int64_t chunk)
{
    int n = 0;
    for (size_t i = 0; i < s->len; i++) {
        if (!streamed[i])
            continue;
        const struct strlist *lists[] = { &s->tokens[i].field_terms,
                                          &s->tokens[i].note_terms };
        for (size_t l = 0; l < 2; l++) {
            for (size_t t = 0; t < lists[l]->len; t++) {
                char name[32];
                snprintf(name, sizeof name, ":t%d", n++);
                db_bind_named_text(stmt, name, lists[l]->items[t]);
            }
        }
    }
    int kx = sqlite3_bind_parameter_index(stmt, ":mkey");
    if (key)
        sqlite3_bind_text(stmt, kx, key, -1, SQLITE_TRANSIENT);
    else if (backward)
        sqlite3_bind_blob(stmt, kx, "", 0, SQLITE_STATIC);   /* after all text */
    else
        sqlite3_bind_text(stmt, kx, "", 0, SQLITE_STATIC);
    db_bind_named_int(stmt, ":mid", key ? id : (backward ? INT64_MAX : INT64_MIN));
    db_bind_named_int(stmt, ":chunk", chunk);
}

/* The first contacts of the merge, up to max + 1, as a JSON array; *n
 * says how many. Only the word rows are read. */
static enum store_status merged_ids(struct store *st, const struct search *s,
                                    const bool *streamed, bool intersect, int archived,
                                    int64_t max, char **json, int64_t *n)
{
    *json = NULL;
    *n = 0;
    struct sql_text sql = { .len = 0 };
    db_sql_add(&sql, "SELECT contact_id FROM (");
    merge_compound(&sql, s, streamed, intersect, false, archived);
    db_sql_add(&sql, ")");
    sqlite3_stmt *stmt = db_prepare_text(st, &sql);
    if (!stmt)
        return STORE_FAILED;
    merge_bind(stmt, s, streamed, false, NULL, 0, max + 1);
    size_t cap = (size_t)(max + 1) * 21 + 3, len = 0;
    char *text = malloc(cap);
    enum store_status rc = text ? STORE_OK : db_no_memory(st);
    int step = SQLITE_DONE;
    if (text)
        text[len++] = '[';
    while (rc == STORE_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        /* The text is sized for max + 1 ids, as the LIMIT promises. */
        if (*n > max) {
            step = SQLITE_DONE;
            break;
        }
        len += (size_t)snprintf(text + len, cap - len, "%s%lld", (*n)++ ? "," : "",
                                (long long)sqlite3_column_int64(stmt, 0));
    }
    if (rc == STORE_OK && step != SQLITE_DONE)
        rc = db_fail(st);
    db_finish(st, stmt);
    if (rc != STORE_OK) {
        free(text);
        return rc;
    }
    snprintf(text + len, cap - len, "]");
    *json = text;
    return STORE_OK;
}

/* The window in name order, read from the word rows of the streamed
 * tokens' terms: one term's rows are in name order, so SQLite merges
 * them (UNION for the terms of one token, INTERSECT for several tokens
 * of one term each) and stops after a round of rows. The contacts
 * those name are then filtered, and the other tokens looked up; when a
 * round leaves the window short, the next round starts after it. */
static enum store_status page_merged(struct store *st, const struct contact_filter *f,
                                     const struct search *s, const bool *streamed,
                                     bool intersect, const struct window *w,
                                     struct contact_list *out, int64_t *counted)
{
    struct contact_list counting = { 0 };
    if (!out)
        out = &counting;
    memset(out, 0, sizeof *out);
    /* Counting the usual list reads the word rows alone; a window reads
     * its contacts, and a filter on more than the archived flag looks
     * at every contact of the merge. Columns: whether the row is kept,
     * the merge's cursor, then the contact. */
    bool contacts = out != &counting || db_filter_reads_contact(f);
    struct sql_text sql = { .len = 0 };
    db_sql_add(&sql, "SELECT (1");
    db_filter_conditions(f, true, &sql);
    for (size_t i = 0; i < s->len; i++)
        if (!streamed[i])
            db_token_probe(s, i, "m.contact_id", &sql);
    db_sql_add(&sql, "), m.name_key, m.contact_id");
    if (contacts)
        db_sql_add(&sql, ", " CONTACT_COLUMNS);
    db_sql_add(&sql, " FROM (");
    merge_compound(&sql, s, streamed, intersect, w->backward, db_filter_archived(f));
    db_sql_add(&sql, ") m");
    if (contacts)
        db_sql_add(&sql, " CROSS JOIN contact c ON c.id = m.contact_id "
                         "LEFT JOIN organisation o ON o.id = c.org_id");
    db_sql_add(&sql, " ORDER BY ");
    db_sql_add(&sql, w->backward ? "m.name_key DESC, m.contact_id DESC"
                              : "m.name_key, m.contact_id");
    sqlite3_stmt *stmt = db_prepare_text(st, &sql);
    if (!stmt)
        return STORE_FAILED;
    db_filter_bind(stmt, f, s);

    char *key = w->after && w->key ? strdup(w->key) : NULL;
    int64_t id = w->after ? w->after->id : 0;
    if (w->after && !key) {
        db_finish(st, stmt);
        return db_no_memory(st);
    }
    size_t cap = 0;
    int64_t chunk = (int64_t)w->limit + 1;
    enum store_status rc = STORE_OK;
    for (bool done = false; rc == STORE_OK && !done;) {
        merge_bind(stmt, s, streamed, w->backward, key, id, chunk);
        int64_t rows = 0;
        int step;
        while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
            rows++;
            const char *k = (const char *)sqlite3_column_text(stmt, 1);
            char *copy = strdup(k ? k : "");
            if (!copy) {
                rc = db_no_memory(st);
                break;
            }
            free(key);
            key = copy;
            id = sqlite3_column_int64(stmt, 2);
            if (!sqlite3_column_int(stmt, 0))
                continue;
            if (out->len == w->limit) {
                out->more = true;
                done = true;
                break;
            }
            if (out == &counting)
                out->len++;
            else if ((rc = db_append_contact(st, stmt, 3, out, &cap)) != STORE_OK)
                break;
        }
        if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
            rc = db_fail(st);
        sqlite3_reset(stmt);
        if (rows < chunk)
            done = true;
        if (chunk < SEARCH_CHUNK_MAX)
            chunk *= 4;
    }
    free(key);
    db_finish(st, stmt);
    if (out == &counting) {
        *counted = (int64_t)out->len + out->more;
        return rc;
    }
    if (rc != STORE_OK)
        contact_list_clear(out);
    return rc;
}

/* The window of a filter with words typed. When few rows hold the
 * rarest word, they are read whole and sorted. Else the words with few
 * terms are merged in name order: the name list reads its window from
 * the merge; another order sorts the merge's contacts when they are few,
 * and walks its own order when many match (so a window fills quickly). */
enum store_status db_page_searched(struct store *st, const struct contact_filter *f,
                                   struct search *s, const struct window *w,
                                   struct contact_list *out, int64_t *counted)
{
    int rarest = 0;
    for (size_t i = 1; i < s->len; i++)
        if (s->tokens[i].estimate < s->tokens[rarest].estimate)
            rarest = (int)i;
    if (s->tokens[rarest].estimate < SEARCH_SPARSE) {
        struct driver d = { rarest, NULL, NULL };
        return db_page_sorted(st, f, s, &d, w, out, counted);
    }
    enum store_status rc = STORE_OK;
    for (size_t i = 0; i < s->len && rc == STORE_OK; i++) {
        struct search_token *t = &s->tokens[i];
        if (t->branches > 0)
            continue;
        rc = token_terms(st, field_next_sql, t, t->hi, &t->field_terms);
        if (rc == STORE_OK)
            rc = token_terms(st, note_next_sql, t, t->note_hi, &t->note_terms);
    }
    if (rc != STORE_OK)
        return rc;
    /* The words of one term each are intersected; else the rarest word
     * of few terms is merged alone. The other words are looked up. */
    bool streamed[SEARCH_TOKENS] = { false };
    bool intersect = false;
    for (size_t i = 0; i < s->len; i++) {
        if (s->tokens[i].branches == 1)
            streamed[i] = intersect = true;
    }
    if (!intersect) {
        int best = -1;
        for (size_t i = 0; i < s->len; i++)
            if (s->tokens[i].branches <= SEARCH_BRANCHES
                && (best < 0 || s->tokens[i].estimate < s->tokens[best].estimate))
                best = (int)i;
        if (best < 0)
            return db_page_sorted(st, f, s, NULL, w, out, counted);
        streamed[best] = true;
    }
    if (w->sort == CONTACT_SORT_NAME)
        return page_merged(st, f, s, streamed, intersect, w, out, counted);
    char *ids = NULL;
    int64_t n = 0;
    rc = merged_ids(st, s, streamed, intersect, db_filter_archived(f), SEARCH_SPARSE, &ids, &n);
    if (rc == STORE_OK) {
        struct driver d = { -1, ids, streamed };
        rc = db_page_sorted(st, f, s, n <= SEARCH_SPARSE ? &d : NULL, w, out, counted);
    }
    free(ids);
    return rc;
}
