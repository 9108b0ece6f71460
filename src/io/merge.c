/* Applying what the parsers read (SPEC §5): every record and follow-up
 * in one transaction, each record in a savepoint of its own, rolled back
 * again for a dry run and for an import that changes nothing. How one
 * contact merges is merge_contacts.c's, how one follow-up does
 * merge_followups.c's. Uses core/ and below. */
#include <config.h>

#include <stdlib.h>

#include "base/i18n.h"
#include "io/format.h"
#include "io/merge.h"
#include "base/text.h"
#include "store/contact.h"
#include "store/followup.h"
#include "store/note.h"
#include "store/search.h"

struct apply {
    struct io_import *im;
    bool finished;
    bool nothing;          /* nothing would change: rolled back */
};

void io_merge_plan(struct io_import *im, int line, const char *what,
                   const char *who)
{
    if (!(im->flags & IO_DRY_RUN))
        return;
    char *safe = text_sanitize(who, false);
    strlist_pushf(&im->sum->plan, "%s:%d: %s: %s", im->name, line, what,
                  safe);
    free(safe);
}

struct one_record {
    struct io_import *im;
    struct io_record *r;
};

static enum store_status apply_one_record(struct store *st, void *arg)
{
    struct one_record *one = arg;
    (void)st;
    return io_merge_contact(one->im, one->r);
}

static enum store_status apply_all(struct store *st, void *arg)
{
    struct apply *a = arg;
    struct io_import *im = a->im;
    for (size_t i = 0; i < im->record_count; i++) {
        /* Each record in a savepoint of its own: one the domain refuses
         * halfway (a note too long, after its contact went in) leaves
         * nothing of itself behind. */
        if (!io_record_settle(im, &im->records[i])) {
            if (im->flags & IO_STRICT)
                return STORE_INVALID;
            continue;
        }
        struct one_record one = { im, &im->records[i] };
        enum store_status rc = store_batch(st, NULL, apply_one_record, &one);
        if (rc == STORE_OK)
            io_record_warn_dropped(im, &im->records[i]);
        if (rc == STORE_INVALID) {
            /* The domain refused the record (a bad email, a control
             * character): its message says which field. */
            io_reject(im, im->records[i].line, "%s", store_error(st));
            if (im->flags & IO_STRICT)
                return rc;
        } else if (rc != STORE_OK) {
            return rc;
        }
    }
    for (size_t i = 0; i < im->task_count; i++) {
        enum store_status rc = io_merge_followup(im, &im->tasks[i]);
        if (rc != STORE_OK)
            return rc;
    }
    a->finished = true;
    /* A dry run does all the work, then rolls it back; so does an import
     * that changes nothing (its file came in before), so that it leaves
     * no trace: no commit that other programs see as a change, no step
     * to undo. */
    a->nothing = im->changed == 0;
    return (im->flags & IO_DRY_RUN) || a->nothing ? STORE_CONFLICT : STORE_OK;
}

enum store_status io_apply(struct io_import *im)
{
    struct apply a = { .im = im, .finished = false };
    struct io_summary before = *im->sum;
    enum store_status rc = store_batch(im->st, _("import"), apply_all, &a);
    if (a.finished && ((im->flags & IO_DRY_RUN) || a.nothing))
        rc = STORE_OK;
    if (rc != STORE_OK) {
        /* Nothing was written: the counts must not say otherwise. */
        im->sum->added = before.added;
        im->sum->merged = before.merged;
        im->sum->unchanged = before.unchanged;
    }
    return rc;
}
