/* The change journal's front door: undo the last change. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "journal.h"

enum store_status journal_undo(struct store *st, char **what)
{
    struct journal_entry undone = { 0 };
    enum store_status rc = store_undo(st, &undone);
    if (rc == STORE_NOT_FOUND)
        return store_fail(st, rc, _("nothing to undo"));
    if (rc != STORE_OK)
        return rc;
    if (what) {
        *what = undone.what;
        undone.what = NULL;
    }
    store_journal_entry_clear(&undone);
    return STORE_OK;
}
