/* Indexing an import's words a batch at a time: while the import runs,
 * the triggers of version 7 note which contacts and new notes need
 * their words (search_pending, search_pending_note), and the catch-up
 * indexes them all in a few statements. Uses store/db.h, store/schema.h. */
#include <config.h>

#include "store/db.h"
#include "store/schema.h"
#include "store/search.h"

/* Page cache sizes, in KiB (negative: SQLite's way of saying KiB). */
#define IMPORT_CACHE "-6144"
#define USUAL_CACHE "-2000"

enum store_status store_search_defer(struct store *st)
{
    if (st->depth == 0)
        return store_fail(st, STORE_INVALID, "%s",
                          "store_search_defer outside a write");
    /* More of the pages an import changes stay in memory than SQLite's
     * usual 2 MiB lets, instead of going to the write-ahead log and
     * coming back; not many more, so that the import of 100,000 cards
     * stays under 64 MiB (SPEC §9): measured, 6 MiB took no more time
     * than 24. */
    enum store_status rc = db_exec(st, "PRAGMA cache_size = " IMPORT_CACHE);
    if (rc == STORE_OK)
        rc = db_exec_kept(st, "UPDATE search_state SET deferring = 1 WHERE id = 1");
    return rc;
}

enum store_status store_search_catch_up(struct store *st, bool stop)
{
    static const char *const steps[] = {
        "DELETE FROM contact_fts WHERE rowid IN (SELECT contact_id FROM search_pending)",
        CONTACT_FTS_INSERT_V7 "WHERE c.id IN (SELECT contact_id FROM search_pending)",
        "DELETE FROM field_word WHERE (term, name_key, contact_id) IN (SELECT b.term, c.name_key, c.id "
        "FROM search_pending p CROSS JOIN contact c ON c.id = p.contact_id "
        "CROSS JOIN field_word_by_contact b ON b.contact_id = c.id)",
        /* In the words' order: each page of the word table is written
         * once per batch, not once per row. */
        FIELD_WORD_INSERT_V7 "WHERE c.id IN (SELECT contact_id FROM search_pending) "
        "ORDER BY 1, 2, 3",
        "DELETE FROM search_pending",
        "INSERT INTO note_fts(rowid, body) SELECT n.id, n.body "
        "FROM search_pending_note p CROSS JOIN note n ON n.id = p.note_id",
        "INSERT INTO note_word(term, name_key, contact_id, archived, notes) "
        "SELECT j.value, c.name_key, c.id, c.archived, count(*) FROM search_pending_note p "
        "CROSS JOIN note n ON n.id = p.note_id JOIN contact c ON c.id = n.contact_id, "
        "json_each(rapport_words(n.body)) j GROUP BY j.value, c.name_key, c.id "
        "ON CONFLICT (term, name_key, contact_id) DO UPDATE SET notes = notes + excluded.notes",
        "DELETE FROM search_pending_note",
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        enum store_status rc = db_exec_kept(st, steps[i]);
        if (rc != STORE_OK)
            return rc;
    }
    if (!stop)
        return STORE_OK;
    enum store_status rc = db_exec(st, "PRAGMA cache_size = " USUAL_CACHE);
    if (rc == STORE_OK)
        rc = db_exec_kept(st, "UPDATE search_state SET deferring = NULL WHERE id = 1");
    return rc;
}
