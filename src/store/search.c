/* Full-text search (FTS5): what a person typed made into a query, the
 * search over contacts and notes, and resolving a name. Uses
 * base/text.h, store/db.h. */
#include <config.h>

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/strlist.h"
#include "base/text.h"
#include "store/db.h"
#include "store/search.h"

static bool has_word_char(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z')
            || (ch >= 'A' && ch <= 'Z'))
            return true;
    }
    return false;
}

size_t db_utf8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Makes room for need more bytes at *len in the growing *buf. */
static bool text_reserve(char **buf, size_t *cap, size_t len, size_t need)
{
    if (need <= *cap - len)
        return true;
    size_t want = *cap;
    while (need > want - len) {
        if (want > SIZE_MAX / 2)
            return false;
        want *= 2;
    }
    char *grown = realloc(*buf, want);
    if (!grown)
        return false;
    *buf = grown;
    *cap = want;
    return true;
}

/* Turns what a person typed into an FTS5 query: every word a quoted
 * prefix ("zoe"* "ode"*), so no character of theirs is FTS syntax, and
 * all of them within columns ("{name name_key}") unless it is NULL. The
 * text is folded first, matching the folded name column for letters the
 * tokenizer keeps (ø, ł). NULL when there is no word; sets *oom.
 * The query grows as it is written: a word of one letter takes five
 * bytes ("a"* and a space) and every '"' two, so no fixed multiple of
 * the text's length is safe to size it by. */
char *db_fts_query(const char *text, const char *columns, bool *oom)
{
    *oom = false;
    if (!text)
        return NULL;
    char *folded = text_fold(text);
    if (!folded) {
        *oom = true;
        return NULL;
    }
    size_t cap = 64;
    char *q = malloc(cap);
    if (!q) {
        free(folded);
        *oom = true;
        return NULL;
    }
    size_t len = 0;
    int words = 0;
    if (columns) {
        if (!text_reserve(&q, &cap, 0, strlen(columns) + 6)) {
            free(folded);
            free(q);
            *oom = true;
            return NULL;
        }
        len += (size_t)snprintf(q, cap, "%s : (", columns);
    }
    const char *p = folded;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
        if (p == start || !has_word_char(start, (size_t)(p - start)))
            continue;
        /* A space, the word with each '"' doubled, '"', '"', '*', and
         * room for the closing ')' and the NUL. */
        if (!text_reserve(&q, &cap, len, 2 * (size_t)(p - start) + 6)) {
            free(folded);
            free(q);
            *oom = true;
            return NULL;
        }
        if (words++)
            q[len++] = ' ';
        q[len++] = '"';
        for (const char *c = start; c < p; c++) {
            if (*c == '"')
                q[len++] = '"';
            q[len++] = *c;
        }
        q[len++] = '"';
        q[len++] = '*';
    }
    free(folded);
    if (!words) {
        free(q);
        return NULL;
    }
    if (columns)
        q[len++] = ')';
    q[len] = '\0';
    return q;
}

enum store_status store_contact_match(struct store *st, const char *needle,
                                      bool include_archived, size_t limit,
                                      struct contact_list *out)
{
    memset(out, 0, sizeof *out);
    bool oom;
    char *q = db_fts_query(needle, "{name name_key}", &oom);
    if (oom)
        return db_no_memory(st);
    enum store_status rc = STORE_OK;
    if (q) {
        sqlite3_stmt *stmt = db_prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM
            "WHERE c.id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH :q) "
            "AND (:all OR c.archived = 0) ORDER BY c.name_key, c.id LIMIT :limit");
        if (stmt) {
            db_bind_named_text(stmt, ":q", q);
            db_bind_named_int(stmt, ":all", include_archived);
            db_bind_named_int(stmt, ":limit", (int64_t)limit + 1);
        }
        rc = db_collect_contacts(st, stmt, limit, out);
        free(q);
        if (rc != STORE_OK || out->len > 0)
            return rc;
    }
    /* Any part of the name: slower, but only for resolving a name. */
    char *key = text_fold(needle ? needle : "");
    if (!key)
        return db_no_memory(st);
    text_trim(key);
    if (!*key) {
        free(key);
        return STORE_OK;
    }
    sqlite3_stmt *stmt = db_prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM
        "WHERE instr(c.name_key, :key) > 0 AND (:all OR c.archived = 0) "
        "ORDER BY c.name_key, c.id LIMIT :limit");
    if (stmt) {
        db_bind_named_text(stmt, ":key", key);
        db_bind_named_int(stmt, ":all", include_archived);
        db_bind_named_int(stmt, ":limit", (int64_t)limit + 1);
    }
    free(key);
    contact_list_clear(out);
    return db_collect_contacts(st, stmt, limit, out);
}

enum store_status store_search(struct store *st, const char *query,
                               size_t limit, struct search_hit_list *out)
{
    memset(out, 0, sizeof *out);
    bool oom;
    char *q = db_fts_query(query, NULL, &oom);
    if (oom)
        return db_no_memory(st);
    if (!q)
        return STORE_OK;
    struct contact_list contacts;
    sqlite3_stmt *stmt = db_prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM
        "JOIN contact_fts ON contact_fts.rowid = c.id WHERE contact_fts MATCH ? "
        "ORDER BY c.archived, rank LIMIT ?");
    if (stmt) {
        db_bind_text(stmt, 1, q);
        sqlite3_bind_int64(stmt, 2, (int64_t)limit + 1);
    }
    enum store_status rc = db_collect_contacts(st, stmt, limit, &contacts);
    if (rc != STORE_OK) {
        free(q);
        return rc;
    }
    size_t cap = contacts.len;
    out->items = contacts.len ? calloc(contacts.len, sizeof *out->items) : NULL;
    if (contacts.len && !out->items) {
        contact_list_clear(&contacts);
        free(q);
        return db_no_memory(st);
    }
    for (size_t i = 0; i < contacts.len; i++)
        out->items[out->len++].contact = contacts.items[i];
    free(contacts.items);
    out->more = contacts.more;
    if (out->len < limit && !out->more) {
        stmt = db_prepare(st, "SELECT " CONTACT_COLUMNS ", n.id, "
            "snippet(note_fts, 0, '', '', '…', 12) "
            /* The index leads (its row id is the note's) in its own
             * order: ranking every note with a common word would cost
             * more than the few rows shown are worth. */
            "FROM note_fts CROSS JOIN note n ON n.id = note_fts.rowid "
            "CROSS JOIN contact c ON c.id = n.contact_id "
            "LEFT JOIN organisation o ON o.id = c.org_id "
            "WHERE note_fts MATCH ? LIMIT ?");
        if (!stmt)
            rc = STORE_FAILED;
        else {
            db_bind_text(stmt, 1, q);
            sqlite3_bind_int64(stmt, 2, (int64_t)(limit - out->len) + 1);
        }
        int step = SQLITE_DONE;
        while (stmt && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
            if (out->len == limit) {
                out->more = true;
                break;
            }
            if (db_reserve((void **)&out->items, out->len, &cap, sizeof *out->items)) {
                rc = db_no_memory(st);
                break;
            }
            struct search_hit *h = &out->items[out->len++];
            rc = db_read_contact(st, stmt, 0, &h->contact);
            h->note_id = sqlite3_column_int64(stmt, CONTACT_COLUMN_COUNT);
            h->snippet = db_column_text(stmt, CONTACT_COLUMN_COUNT + 1);
            if (rc != STORE_OK)
                break;
        }
        if (rc == STORE_OK && step != SQLITE_ROW && step != SQLITE_DONE)
            rc = db_fail(st);
        db_finish(st, stmt);
    }
    free(q);
    if (rc != STORE_OK)
        search_hit_list_clear(out);
    return rc;
}

/* Whether one of the words of text begins with word. */
static bool words_begin(struct store *st, const char *text, const char *word)
{
    struct strlist words;
    if (db_split_words(st, text, &words) != SQLITE_OK)
        return false;
    size_t n = strlen(word);
    bool found = false;
    for (size_t i = 0; !found && i < words.len; i++)
        found = strncmp(words.items[i], word, n) == 0;
    strlist_clear(&words);
    return found;
}

/* Where in value the first word starting with word (folded) begins:
 * a byte offset, 0 when it is the first or is not found (the first
 * 4 KiB are looked through). */
static size_t word_offset(const char *value, const char *word)
{
    size_t n = strlen(word), len = strlen(value);
    for (size_t i = 0; i < len && i < 4096; i++) {
        unsigned char prev = i ? (unsigned char)value[i - 1] : ' ';
        if (prev >= 0x80 || isalnum(prev) || ((unsigned char)value[i] & 0xc0) == 0x80)
            continue;
        if (!isalnum((unsigned char)value[i]) && (unsigned char)value[i] < 0x80)
            continue;
        /* A few bytes more than the word: enough for its accents. */
        size_t take = len - i < 2 * n + 8 ? len - i : 2 * n + 8;
        char *part = strndup(value + i, take);
        char *folded = part ? text_fold(part) : NULL;
        bool here = folded && strncmp(folded, word, n) == 0;
        free(folded);
        free(part);
        if (here)
            return i;
    }
    return 0;
}

/* A long text that matched is shown from the word that did, after an
 * ellipsis, so that a narrow column still shows why. */
static void from_word(char **text, const char *word)
{
    size_t at = *text ? word_offset(*text, word) : 0;
    if (at == 0)
        return;
    size_t rest = strlen(*text + at);
    char *shown = malloc(rest + 4);
    if (!shown)
        return;
    memcpy(shown, "…", 3);
    memcpy(shown + 3, *text + at, rest + 1);
    free(*text);
    *text = shown;
}

enum store_status store_contact_why(struct store *st, int64_t id,
                                    const char *typed,
                                    enum search_field *field, char **text)
{
    *field = SEARCH_IN_NAME;
    *text = NULL;
    struct strlist words;
    if (db_split_words(st, typed, &words) != SQLITE_OK)
        return db_no_memory(st);
    char *name = NULL;
    sqlite3_stmt *stmt = db_prepare(st, "SELECT name FROM contact WHERE id = ?");
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, id);
        if (sqlite3_step(stmt) == SQLITE_ROW)
            name = db_column_text(stmt, 0);
        db_finish(st, stmt);
    }
    /* The first typed word the name does not explain. */
    const char *word = NULL;
    for (size_t i = 0; !word && i < words.len; i++)
        if (!name || !words_begin(st, name, words.items[i]))
            word = words.items[i];
    free(name);
    enum store_status rc = STORE_OK;
    if (word) {
        /* Each field's values, in the order of enum search_field; a
         * phone is matched by its digits too. */
        stmt = db_prepare(st,
            "SELECT 1, o.name, o.name FROM contact c JOIN organisation o ON o.id = c.org_id "
            "WHERE c.id = :id "
            "UNION ALL SELECT 2, email, email FROM contact_email WHERE contact_id = :id "
            "UNION ALL SELECT 3, phone, phone || ' ' || rapport_phone_words(phone) "
            "FROM contact_phone WHERE contact_id = :id "
            "UNION ALL SELECT 4, tag, tag FROM contact_tag WHERE contact_id = :id "
            "UNION ALL SELECT 5, title, title FROM contact WHERE id = :id "
            "UNION ALL SELECT 6, department, department FROM contact WHERE id = :id "
            "UNION ALL SELECT 7, projects, projects FROM contact WHERE id = :id "
            "UNION ALL SELECT 8, goals, goals FROM contact WHERE id = :id "
            "UNION ALL SELECT 9, channel, channel FROM contact WHERE id = :id "
            "UNION ALL SELECT 10, text, text FROM followup WHERE contact_id = :id AND state = 0 "
            "ORDER BY 1");
        if (!stmt)
            rc = STORE_FAILED;
        else
            db_bind_named_int(stmt, ":id", id);
        while (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
            const char *value = (const char *)sqlite3_column_text(stmt, 2);
            if (value && words_begin(st, value, word)) {
                *field = (enum search_field)sqlite3_column_int(stmt, 0);
                *text = db_column_text(stmt, 1);
                /* The free texts, from the word; the others whole. */
                if (*field == SEARCH_IN_PROJECTS || *field == SEARCH_IN_GOALS
                    || *field == SEARCH_IN_FOLLOWUP)
                    from_word(text, word);
                break;
            }
        }
        db_finish(st, stmt);
    }
    if (rc == STORE_OK && word && !*text) {
        bool oom;
        char *q = db_fts_query(word, NULL, &oom);
        /* The match is made once, and its notes kept when they are the
         * contact's: a prefix's matches are gathered whole however few
         * rows are asked for, so looking up each note would gather them
         * once per note. */
        stmt = q ? db_prepare(st, "SELECT snippet(note_fts, 0, char(1), '', '…', 6) FROM note_fts "
                                  "WHERE note_fts MATCH ?1 AND rowid IN "
                                  "(SELECT id FROM note WHERE contact_id = ?2) LIMIT 1") : NULL;
        if (stmt) {
            db_bind_text(stmt, 1, q);
            sqlite3_bind_int64(stmt, 2, id);
            if (sqlite3_step(stmt) == SQLITE_ROW) {
                *field = SEARCH_IN_NOTE;
                *text = db_column_text(stmt, 0);
            }
            /* The part shown starts at the word that matched (marked by
             * a 0x01 byte), so that a narrow column still shows it. */
            char *mark = *text ? strchr(*text, '\x01') : NULL;
            if (mark) {
                size_t skip = (size_t)(mark - *text);
                if (skip > 0) {
                    /* "…" is three bytes, the mark one: the text after
                     * the mark moves to just after an ellipsis. */
                    if (skip >= 3) {
                        memcpy(*text + skip - 3, "…", 3);
                        memmove(*text, *text + skip - 3, strlen(*text + skip - 3) + 1);
                        mark = *text + 3;
                    } else {
                        mark = *text + skip;
                    }
                }
                memmove(mark, mark + 1, strlen(mark + 1) + 1);
                /* Any other mark (a second matching word) goes too. */
                for (char *m; (m = strchr(*text, '\x01'));)
                    memmove(m, m + 1, strlen(m + 1) + 1);
            }
            db_finish(st, stmt);
        } else if (oom) {
            rc = db_no_memory(st);
        }
        free(q);
    }
    strlist_clear(&words);
    return rc;
}
