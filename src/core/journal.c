/* The change journal's front door: undo the last change.
 * Uses store/ and below. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "core/journal.h"
#include "store/journal.h"

enum store_status journal_undo_entry(struct store *st, int64_t id, char **what)
{
    struct journal_entry undone = { 0 };
    enum store_status rc = store_undo_entry(st, id, &undone);
    if (rc == STORE_NOT_FOUND)
        return store_fail(st, rc, _("nothing to undo"));
    if (rc != STORE_OK)
        return rc;
    if (what) {
        *what = undone.what;
        undone.what = NULL;
    }
    journal_entry_clear(&undone);
    return STORE_OK;
}

enum store_status journal_undo(struct store *st, char **what)
{
    return journal_undo_entry(st, 0, what);
}

enum store_status journal_newest(struct store *st, struct journal_entry *entry)
{
    memset(entry, 0, sizeof *entry);
    struct journal_list recent = { 0 };
    enum store_status rc = store_journal_recent(st, 1, &recent);
    if (rc != STORE_OK)
        return rc;
    if (recent.len == 0) {
        journal_list_clear(&recent);
        return store_fail(st, STORE_NOT_FOUND, _("nothing to undo"));
    }
    *entry = recent.items[0];
    recent.items[0] = (struct journal_entry){ 0 };
    journal_list_clear(&recent);
    return STORE_OK;
}
