/* The change journal's front door: undo the last change, redo the last
 * undone one. Uses store/ and below. */
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

enum store_status journal_redo_entry(struct store *st, int64_t id, char **what)
{
    struct journal_entry redone = { 0 };
    enum store_status rc = store_redo_entry(st, id, &redone);
    if (rc == STORE_NOT_FOUND)
        return store_fail(st, rc, _("nothing to redo: only an undone change "
                                    "can be redone, until the next change"));
    if (rc != STORE_OK)
        return rc;
    if (what) {
        *what = redone.what;
        redone.what = NULL;
    }
    journal_entry_clear(&redone);
    return STORE_OK;
}

enum store_status journal_redo(struct store *st, char **what)
{
    return journal_redo_entry(st, 0, what);
}

/* The first entry of a list of one, moved into *entry. */
static enum store_status first_of(struct store *st, enum store_status rc,
                                  struct journal_list *list,
                                  struct journal_entry *entry, const char *none)
{
    if (rc != STORE_OK)
        return rc;
    if (list->len == 0) {
        journal_list_clear(list);
        return store_fail(st, STORE_NOT_FOUND, "%s", none);
    }
    *entry = list->items[0];
    list->items[0] = (struct journal_entry){ 0 };
    journal_list_clear(list);
    return STORE_OK;
}

enum store_status journal_newest(struct store *st, struct journal_entry *entry)
{
    memset(entry, 0, sizeof *entry);
    struct journal_list recent = { 0 };
    enum store_status rc = store_journal_recent(st, 1, &recent);
    return first_of(st, rc, &recent, entry, _("nothing to undo"));
}

enum store_status journal_newest_undone(struct store *st,
                                        struct journal_entry *entry)
{
    memset(entry, 0, sizeof *entry);
    struct journal_list undone = { 0 };
    enum store_status rc = store_journal_redoable(st, 1, &undone);
    return first_of(st, rc, &undone, entry,
                    _("nothing to redo: only an undone change can be redone, "
                      "until the next change"));
}
