/* The search words: rapport_words(), which the triggers of the word
 * tables (field_word, note_word) call, and the tokenizer behind it,
 * which the search planner splits what is typed with. Uses base/i18n.h,
 * base/strlist.h, base/text.h, store/db.h. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/i18n.h"
#include "base/strlist.h"
#include "base/text.h"
#include "store/db.h"

/* Search as you type reads two tables of words (field_word, note_word),
 * which triggers fill from the contacts and their notes. The words are
 * FTS5's own: the text is folded as names are (ø is o), then split by
 * the unicode61 tokenizer, so they are the words `rapport search` knows.
 * A word longer than this is kept by its beginning. */
#define WORD_MAX 48

static int word_taken(void *ctx, int flags, const char *token, int len,
                      int start, int end)
{
    (void)start;
    (void)end;
    struct strlist *words = ctx;
    if ((flags & FTS5_TOKEN_COLOCATED) || len <= 0)
        return SQLITE_OK;
    size_t n = (size_t)len;
    if (n > WORD_MAX) {
        n = WORD_MAX;
        while (n > 0 && ((unsigned char)token[n] & 0xC0) == 0x80)
            n--;
    }
    char word[WORD_MAX + 1];
    memcpy(word, token, n);
    word[n] = '\0';
    return strlist_push(words, word) == 0 ? SQLITE_OK : SQLITE_NOMEM;
}

static int word_order(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The distinct words of text, sorted; SQLITE_OK or an SQLite error. */
int db_split_words(struct store *st, const char *text, struct strlist *out)
{
    memset(out, 0, sizeof *out);
    if (!text || !*text)
        return SQLITE_OK;
    if (!st->words)
        return SQLITE_ERROR;
    char *folded = text_fold(text);
    if (!folded)
        return SQLITE_NOMEM;
    int rc = st->word_api.xTokenize(st->words, out, FTS5_TOKENIZE_DOCUMENT,
                                    folded, (int)strlen(folded), word_taken);
    free(folded);
    if (rc != SQLITE_OK) {
        strlist_clear(out);
        return rc;
    }
    /* A text without words has no list at all: qsort must not see NULL
     * (C11 7.22.5, UBSan reports it even for a count of 0). */
    if (out->len > 1)
        qsort(out->items, out->len, sizeof *out->items, word_order);
    size_t kept = 0;
    for (size_t i = 0; i < out->len; i++) {
        if (kept > 0 && strcmp(out->items[kept - 1], out->items[i]) == 0)
            free(out->items[i]);
        else
            out->items[kept++] = out->items[i];
    }
    out->len = kept;
    return SQLITE_OK;
}

/* rapport_words(TEXT): the words of TEXT as a JSON array, for the
 * triggers to read with json_each. */
static void sql_words(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct store *st = sqlite3_user_data(ctx);
    struct strlist words;
    int rc = db_split_words(st, (const char *)sqlite3_value_text(argv[0]), &words);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    size_t cap = 3;
    for (size_t i = 0; i < words.len; i++)
        cap += strlen(words.items[i]) * 6 + 3;
    char *json = malloc(cap);
    if (!json) {
        strlist_clear(&words);
        sqlite3_result_error_nomem(ctx);
        return;
    }
    size_t len = 0;
    json[len++] = '[';
    for (size_t i = 0; i < words.len; i++) {
        if (i)
            json[len++] = ',';
        json[len++] = '"';
        for (const unsigned char *c = (const unsigned char *)words.items[i]; *c; c++) {
            if (*c == '"' || *c == '\\') {
                json[len++] = '\\';
                json[len++] = (char)*c;
            } else if (*c < 0x20) {
                len += (size_t)snprintf(json + len, cap - len, "\\u%04x", *c);
            } else {
                json[len++] = (char)*c;
            }
        }
        json[len++] = '"';
    }
    json[len++] = ']';
    strlist_clear(&words);
    /* The 64-bit call: a text past SQLite's length limit is an error,
     * never a length cut by a cast to int. */
    sqlite3_result_text64(ctx, json, (sqlite3_uint64)len, free, SQLITE_UTF8);
}

/* rapport_word_hash(ID, TERM): a 64-bit hash of a contact's term;
 * rapport_words_hash(ID, TEXT) the sum of those of the words of TEXT;
 * rapport_hash_sum(X) the sum of such hashes, all modulo 2^64. The
 * check compares the words of every note with the word rows so, in one
 * pass over each, without SQL's sum() ever overflowing. */
static uint64_t word_hash(sqlite3_int64 id, const unsigned char *term, size_t len)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)id;
    h *= 1099511628211ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= term[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 32;
    return h;
}

static void sql_hash_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    uint64_t *sum = sqlite3_aggregate_context(ctx, sizeof *sum);
    if (!sum) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    *sum += (uint64_t)sqlite3_value_int64(argv[0]);
}

static void sql_hash_final(sqlite3_context *ctx)
{
    uint64_t *sum = sqlite3_aggregate_context(ctx, 0);
    sqlite3_result_int64(ctx, sum ? (sqlite3_int64)*sum : 0);
}

static void sql_word_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *term = sqlite3_value_text(argv[1]);
    size_t len = (size_t)sqlite3_value_bytes(argv[1]);
    uint64_t h = word_hash(sqlite3_value_int64(argv[0]),
                           term ? term : (const unsigned char *)"", term ? len : 0);
    /* How many notes hold it, when given: its hash that many times. */
    if (argc > 2)
        h *= (uint64_t)sqlite3_value_int64(argv[2]);
    sqlite3_result_int64(ctx, (sqlite3_int64)h);
}

static void sql_words_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct store *st = sqlite3_user_data(ctx);
    struct strlist words;
    int rc = db_split_words(st, (const char *)sqlite3_value_text(argv[1]), &words);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    sqlite3_int64 id = sqlite3_value_int64(argv[0]);
    uint64_t sum = 0;
    for (size_t i = 0; i < words.len; i++)
        sum += word_hash(id, (const unsigned char *)words.items[i], strlen(words.items[i]));
    strlist_clear(&words);
    sqlite3_result_int64(ctx, (sqlite3_int64)sum);
}

/* rapport_fold(text): text_fold in SQL, so an organisation's name is
 * filtered as a contact's is, accents and case aside. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    char *folded = text_fold(text ? text : "");
    if (!folded) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_text(ctx, folded, -1, free);
}

/* rapport_phone_words(PHONE): the number's digits run together from
 * the start of each group of digits on, "+47 55 01" giving "475501
 * 5501 01": whoever types a number types it from some group on, with
 * or without the spaces. */
static void sql_phone_words(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *phone = (const char *)sqlite3_value_text(argv[0]);
    if (!phone) {
        sqlite3_result_null(ctx);
        return;
    }
    size_t n = strlen(phone);
    char *digits = malloc(n + 1);
    size_t *starts = malloc((n + 1) * sizeof *starts);
    if (!digits || !starts) {
        free(digits);
        free(starts);
        sqlite3_result_error_nomem(ctx);
        return;
    }
    size_t len = 0, groups = 0;
    bool in_group = false;
    for (const char *p = phone; *p; p++) {
        bool digit = *p >= '0' && *p <= '9';
        if (digit && !in_group)
            starts[groups++] = len;
        if (digit)
            digits[len++] = *p;
        in_group = digit;
    }
    /* At most n groups of at most n digits, a space after each. */
    size_t cap = groups * (len + 1) + 1;
    char *out = malloc(cap);
    if (!out) {
        free(digits);
        free(starts);
        sqlite3_result_error_nomem(ctx);
        return;
    }
    size_t w = 0;
    for (size_t g = 0; g < groups; g++) {
        if (g)
            out[w++] = ' ';
        memcpy(out + w, digits + starts[g], len - starts[g]);
        w += len - starts[g];
    }
    out[w] = '\0';
    free(digits);
    free(starts);
    sqlite3_result_text64(ctx, out, (sqlite3_uint64)w, free, SQLITE_UTF8);
}

/* Takes FTS5's unicode61 tokenizer and makes rapport_words(),
 * rapport_phone_words() and rapport_fold(): the triggers of version 5 on
 * need the first two, so a connection without them (the sqlite3 shell)
 * can read the database but not write contacts or notes. */
enum store_status db_words_open(struct store *st)
{
    fts5_api *api = NULL;
    sqlite3_stmt *stmt = db_prepare(st, "SELECT fts5(?1)");
    if (!stmt)
        return STORE_FAILED;
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(stmt);
    db_finish(st, stmt);
    void *user = NULL;
    const char *args[] = { "remove_diacritics", "2" };
    if (!api || api->iVersion < 2
        || api->xFindTokenizer(api, "unicode61", &user, &st->word_api) != SQLITE_OK
        || st->word_api.xCreate(user, args, 2, &st->words) != SQLITE_OK) {
        st->words = NULL;
        return store_fail(st, STORE_FAILED, _("database error: %s"),
                          _("SQLite has no FTS5 tokenizer"));
    }
    if (sqlite3_create_function(st->db, "rapport_words", 1,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                st, sql_words, NULL, NULL) != SQLITE_OK
        || sqlite3_create_function(st->db, "rapport_phone_words", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, sql_phone_words, NULL, NULL) != SQLITE_OK)
        return db_fail(st);
    if (sqlite3_create_function(st->db, "rapport_word_hash", -1,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                NULL, sql_word_hash, NULL, NULL) != SQLITE_OK
        || sqlite3_create_function(st->db, "rapport_hash_sum", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, NULL, sql_hash_step, sql_hash_final) != SQLITE_OK
        || sqlite3_create_function(st->db, "rapport_words_hash", 2,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   st, sql_words_hash, NULL, NULL) != SQLITE_OK)
        return db_fail(st);
    if (sqlite3_create_function(st->db, "rapport_fold", 1,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                NULL, sql_fold, NULL, NULL) != SQLITE_OK)
        return db_fail(st);
    return STORE_OK;
}
