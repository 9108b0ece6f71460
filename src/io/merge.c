/* Applying what the parsers read (SPEC §5): every record and follow-up
 * in one transaction, each record in a savepoint of its own, rolled back
 * again for a dry run and for an import that changes nothing. How one
 * contact merges is merge_contacts.c's, how one follow-up does
 * merge_followups.c's. Uses core/ and below. */
#include <config.h>

#include <stdlib.h>
#include <time.h>

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

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Tells the front end how far the import is, twice a second at most. */
static void tell_progress(struct io_import *im, bool last)
{
    if (!im->sum->progress)
        return;
    double now = seconds();
    if (!last && now - im->told < 0.5)
        return;
    im->told = now;
    long done = (long)im->records_done, total = done;
    /* How many records the file holds, from how far into it the parser
     * is: its line count is known, its record count is not. */
    if (!last && im->record_count > 0 && im->lines > 0) {
        int at = im->records[im->record_count - 1].line;
        if (at > 0)
            total = (long)((double)done * im->lines / at);
    }
    if (total < done)
        total = done;
    double took = now - im->started;
    im->sum->progress(im->sum->progress_arg, done, total,
                      took > 0 ? done / took : 0);
}

enum store_status io_apply_batch(struct io_import *im)
{
    struct store *st = im->st;
    enum store_status rc = STORE_OK;
    for (size_t i = 0; i < im->record_count && rc == STORE_OK; i++) {
        /* Each record in a savepoint of its own: one the domain refuses
         * halfway (a note too long, after its contact went in) leaves
         * nothing of itself behind. */
        if (!io_record_settle(im, &im->records[i])) {
            if (im->flags & IO_STRICT)
                rc = STORE_INVALID;
            continue;
        }
        struct one_record one = { im, &im->records[i] };
        rc = store_batch(st, NULL, apply_one_record, &one);
        if (rc == STORE_OK)
            io_record_warn_dropped(im, &im->records[i]);
        if (rc == STORE_INVALID) {
            /* The domain refused the record (a bad email, a control
             * character): its message says which field. */
            io_reject(im, im->records[i].line, "%s", store_error(st));
            if (!(im->flags & IO_STRICT))
                rc = STORE_OK;
        }
        im->records_done++;
    }
    /* Outside every record's savepoint: see store_search_catch_up(). */
    if (rc == STORE_OK)
        rc = store_search_catch_up(st, false);
    tell_progress(im, false);
    io_records_forget(im);
    return rc;
}

struct parsing {
    struct io_import *im;
    enum store_status (*parse)(struct io_import *, char *, size_t);
    char *data;
    size_t len;
    bool finished;
    bool nothing;          /* nothing would change: rolled back */
};

static enum store_status apply_all(struct store *st, void *arg)
{
    struct parsing *a = arg;
    struct io_import *im = a->im;
    enum store_status rc = store_search_defer(st);
    if (rc != STORE_OK)
        return rc;
    im->applying = true;
    im->started = im->told = seconds();
    rc = a->parse(im, a->data, a->len);
    im->applying = false;
    /* A batch that failed stopped the parser, which may have said
     * something else since (its "out of memory" for the record it was
     * not given). */
    if (im->failed != STORE_OK) {
        store_fail(st, im->failed, "%s", im->failure ? im->failure : "");
        return im->failed;
    }
    if (rc != STORE_OK)
        return rc;
    /* --strict: one record rejected, nothing imported. */
    if ((im->flags & IO_STRICT) && im->sum->rejected > 0)
        return STORE_INVALID;
    if ((rc = io_apply_batch(im)) != STORE_OK)
        return rc;
    /* Calendar items find their contacts by name: by then, every
     * contact's words are indexed, and written as they go again. */
    if ((rc = store_search_catch_up(st, true)) != STORE_OK)
        return rc;
    for (size_t i = 0; i < im->task_count; i++) {
        rc = io_merge_followup(im, &im->tasks[i]);
        if (rc != STORE_OK)
            return rc;
    }
    if (im->records_done >= 1000)
        tell_progress(im, true);
    a->finished = true;
    /* A dry run does all the work, then rolls it back; so does an import
     * that changes nothing (its file came in before), so that it leaves
     * no trace: no commit that other programs see as a change, no step
     * to undo. */
    a->nothing = im->changed == 0;
    /* One file of a folder's dry run stays until the folder's end: the
     * next file's cards merge with what this one would add. */
    bool dry = (im->flags & IO_DRY_RUN) && !(im->flags & IO_WITHIN);
    return dry || a->nothing ? STORE_CONFLICT : STORE_OK;
}

enum store_status io_apply(struct io_import *im,
                           enum store_status (*parse)(struct io_import *, char *, size_t),
                           char *data, size_t len)
{
    struct parsing a = { .im = im, .parse = parse, .data = data, .len = len };
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
