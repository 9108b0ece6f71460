/* The contacts a text may name ("Send reading list to Ahmed"), found
 * through indexes, never by reading every contact: a whole name is a
 * run of the text's words equal to a contact's folded name (the
 * name_key index), a part of a name one of the text's words in the
 * full-text index's name_key column. What names them is for the caller
 * to decide (io/merge_names.c). Uses base/strlist.h, base/text.h, store/db.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/strlist.h"
#include "base/text.h"
#include "store/db.h"
#include "store/named.h"

/* A long description is looked at by its beginning only, so that one
 * item costs at most a few thousand index lookups. */
#define TEXT_MAX 4096
/* A whole name is at most this many words and bytes. */
#define NAME_WORDS 8
#define NAME_BYTES 200
/* Contacts read for one word of the text: a word more contacts share
 * cannot name one of them alone anyway. */
#define PER_WORD 50
/* Distinct words of the text looked up. */
#define WORDS_MAX 512

static bool wordish(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
           || (c >= 'A' && c <= 'Z');
}

struct ids {
    int64_t *items;
    size_t len, cap, limit;
};

static bool ids_add(struct ids *ids, int64_t id)
{
    for (size_t i = 0; i < ids->len; i++)
        if (ids->items[i] == id)
            return true;
    if (ids->len >= ids->limit)
        return true;
    return db_reserve((void **)&ids->items, ids->len, &ids->cap, sizeof *ids->items) == 0
           && (ids->items[ids->len++] = id, true);
}

/* Runs stmt (its parameters bound) and adds the ids of its rows. */
static enum store_status take_ids(struct store *st, sqlite3_stmt *stmt, struct ids *ids)
{
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW)
        if (!ids_add(ids, sqlite3_column_int64(stmt, 0))) {
            sqlite3_reset(stmt);
            return db_no_memory(st);
        }
    sqlite3_reset(stmt);
    return step == SQLITE_DONE ? STORE_OK : db_fail(st);
}

/* Every run of words of folded (starting at a word, ending after a word
 * or a mark, at most NAME_WORDS words) looked up as a name_key. */
static enum store_status whole_names(struct store *st, const char *f, size_t len,
                                     struct ids *ids)
{
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT id FROM contact WHERE name_key = ?1 AND archived = 0 LIMIT ?2");
    if (!stmt)
        return STORE_FAILED;
    enum store_status rc = STORE_OK;
    for (size_t i = 0; rc == STORE_OK && i < len; i++) {
        if (!wordish((unsigned char)f[i]) || (i > 0 && wordish((unsigned char)f[i - 1])))
            continue;
        int words = 0;
        for (size_t j = i + 1; rc == STORE_OK && j <= len && j - i <= NAME_BYTES; j++) {
            bool end = j == len || !wordish((unsigned char)f[j]);
            if (!end || f[j - 1] == ' ')
                continue;
            if (wordish((unsigned char)f[j - 1]) && ++words > NAME_WORDS)
                break;
            sqlite3_bind_text(stmt, 1, f + i, (int)(j - i), SQLITE_TRANSIENT);
            sqlite3_bind_int64(stmt, 2, PER_WORD);
            rc = take_ids(st, stmt, ids);
        }
    }
    db_finish(st, stmt);
    return rc;
}

/* Each distinct word of folded looked up in the names' column of the
 * full-text index. */
static enum store_status name_parts(struct store *st, const char *f, size_t len,
                                    struct ids *ids)
{
    sqlite3_stmt *stmt = db_prepare(st,
        "SELECT id FROM contact WHERE id IN (SELECT rowid FROM contact_fts "
        "WHERE contact_fts MATCH ?1) AND archived = 0 ORDER BY name_key, id LIMIT ?2");
    if (!stmt)
        return STORE_FAILED;
    enum store_status rc = STORE_OK;
    struct strlist seen = { 0 };
    char query[NAME_BYTES + 32];
    for (size_t i = 0; rc == STORE_OK && i < len; ) {
        while (i < len && !wordish((unsigned char)f[i]))
            i++;
        size_t start = i;
        while (i < len && wordish((unsigned char)f[i]))
            i++;
        size_t n = i - start;
        if (n < 2)
            continue;
        /* A word said again was looked up already. */
        char word[NAME_BYTES + 1];
        if (n > NAME_BYTES)
            n = NAME_BYTES;
        memcpy(word, f + start, n);
        word[n] = '\0';
        if (strlist_contains(&seen, word))
            continue;
        if (seen.len >= WORDS_MAX)
            break;
        if (strlist_push(&seen, word) != 0) {
            rc = db_no_memory(st);
            break;
        }
        /* A word has no '"' (it is no part of a word): quoted, it is
         * one token of FTS5's, never its syntax. */
        snprintf(query, sizeof query, "name_key : \"%s\"", word);
        sqlite3_bind_text(stmt, 1, query, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(stmt, 2, PER_WORD);
        rc = take_ids(st, stmt, ids);
    }
    strlist_clear(&seen);
    db_finish(st, stmt);
    return rc;
}

enum store_status store_contacts_named_in(struct store *st, const char *text,
                                          size_t limit, struct contact_list *out)
{
    memset(out, 0, sizeof *out);
    char *f = text_fold(text ? text : "");
    if (!f)
        return db_no_memory(st);
    size_t len = strlen(f);
    if (len > TEXT_MAX) {
        len = TEXT_MAX;
        while (len > 0 && ((unsigned char)f[len] & 0xC0) == 0x80)
            len--;
        f[len] = '\0';
    }
    struct ids ids = { .limit = limit };
    enum store_status rc = whole_names(st, f, len, &ids);
    if (rc == STORE_OK)
        rc = name_parts(st, f, len, &ids);
    free(f);
    if (rc != STORE_OK || ids.len == 0) {
        free(ids.items);
        return rc;
    }
    /* The candidates in the order of the name list, read at once. */
    size_t cap = 32 + ids.len * 21;
    char *list = malloc(cap);
    size_t at = 0;
    if (list) {
        list[at++] = '[';
        for (size_t i = 0; i < ids.len; i++)
            at += (size_t)snprintf(list + at, cap - at, "%s%lld", i ? "," : "",
                                   (long long)ids.items[i]);
        snprintf(list + at, cap - at, "]");
    }
    free(ids.items);
    if (!list)
        return db_no_memory(st);
    sqlite3_stmt *stmt = db_prepare(st, "SELECT " CONTACT_COLUMNS CONTACT_FROM
        "WHERE c.id IN (SELECT value FROM json_each(?1)) ORDER BY c.name_key, c.id");
    if (stmt)
        sqlite3_bind_text(stmt, 1, list, -1, SQLITE_TRANSIENT);
    free(list);
    return db_collect_contacts(st, stmt, limit, out);
}
