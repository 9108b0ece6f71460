/* Interchange (SPEC §5): import and export formats behind one table
 * (io.c), one format per file (vcard.c, csv.c and csv_write.c, ical.c,
 * json.c), what a parser reads merged into the database (merge.c), and
 * the listing `list --format csv|json` writes with the export's writers
 * (listing.c). Uses core/ and below. */
#ifndef RAPPORT_IO_H
#define RAPPORT_IO_H

#include <stdio.h>

#include "core/app.h"
#include "store/store.h"
#include "base/strlist.h"
#include "model/contact.h"

enum io_format {
    IO_FORMAT_GUESS = -1,   /* from the file's name and first bytes */
    IO_FORMAT_CSV = 0,
    IO_FORMAT_VCARD,
    IO_FORMAT_ICAL,
    IO_FORMAT_JSON,
};

enum io_flags {
    IO_DRY_RUN = 1 << 0,    /* report what would happen, write nothing */
    IO_STRICT = 1 << 1,     /* any rejected record aborts the whole file */
    IO_WITHIN = 1 << 2,     /* one file of a folder imported as one: the
                               folder's dry run rolls them all back at
                               its end (set by io_import_vdir) */
};

struct io_summary {
    int added;
    int merged;             /* already present, and the file added to them */
    int unchanged;          /* already present with everything the file has */
    int rejected;
    int skipped_done;       /* calendar items completed */
    int skipped_cancelled;  /* calendar items cancelled */
    int skipped_past;       /* calendar events over before today */
    int overdue;            /* of those added, calendar to-dos due
                               before today: overdue follow-ups */
    int named;              /* had no name: named after their email,
                               organisation or phone */
    int written;            /* records exported; a vdir's files written */
    int removed;            /* a vdir's files of records gone, removed */
    int left;               /* a vdir's files rapport did not write, or
                               that changed since, left as they are */
    struct strlist messages;   /* "FILE:LINE: rejected: reason", one per
                                  rejected record, and "FILE:LINE:
                                  warning: ..." for values dropped, and
                                  "FILE:LINE: repaired: ..." per repaired
                                  field */
    struct strlist plan;       /* IO_DRY_RUN: "FILE:LINE: would add: NAME",
                                  one per record */
    const char *encoding;      /* in: the file's encoding (an iconv name,
                                  --encoding), or NULL to detect it */
    /* in: told now and then while a large file is applied: records
     * done, of about how many (estimated from the lines read), and
     * records a second; NULL: not told. */
    void (*progress)(void *arg, long done, long total, double rate);
    void *progress_arg;
};

/* "csv", "vcard", "ics"/"ical", "json"; IO_FORMAT_GUESS when unknown. */
int io_format_parse(const char *name);
/* Reads path ("-": standard input); with IO_FORMAT_GUESS the format comes
 * from the name, else from the first bytes. Contacts already present
 * (same UID, else same email, else with neither the same whole name) are
 * merged; everything valid is written in one transaction, and nothing
 * at all (not even a step to undo) when nothing would change. Returns
 * STORE_OK even when some records were rejected (they are counted and
 * described in summary->messages), unless IO_STRICT; on failure the
 * message is in store_error(st) and nothing was written. map: which CSV
 * column feeds which field (--map SPEC), or NULL. */
enum store_status io_import_file(struct store *st, const char *path,
                                 int format, unsigned flags, const char *map,
                                 struct io_summary *summary);
/* The vCard version written unless told: 4.0 (RFC 6350). */
#define IO_VCARD_VERSION 4
/* Writes every contact (CSV, vCard 3.0 or 4.0, JSON) or the open follow-ups
 * (iCalendar) to path (NULL or "-": standard output), privately (0600)
 * and all or nothing (a temporary file renamed into place). With
 * IO_FORMAT_GUESS the format comes from path's extension (.csv, .vcf,
 * .ics, .json). summary->written counts the records. */
enum store_status io_export_file(struct store *st, const char *path,
                                 int format, int vcard_version,
                                 struct io_summary *summary);
/* Writes a vdir into the folder path (made when missing): one vCard
 * file per contact (IO_FORMAT_VCARD), named by its UID, which a contact
 * without one is given and keeps; or one iCalendar file per open
 * follow-up (IO_FORMAT_ICAL). Files that hold what they would get are
 * not written again; files rapport wrote of contacts forgotten and
 * follow-ups done are removed; a file another program wrote or changed
 * is left as it is, said in messages. summary->written counts the files
 * written, ->unchanged those left as they were, ->removed and ->left
 * the others. `rapport import DIR` reads such a folder back. */
enum store_status io_export_vdir(struct store *st, const char *path, int format,
                                 int vcard_version, struct io_summary *summary);
void io_summary_clear(struct io_summary *summary);

/* `rapport list --format csv|json` (SPEC §4): contacts written one at a
 * time by the export's own writers, over the fields a listing shows, so
 * that a listing and an export name every field alike (data/rapport.1
 * lists them). */
struct io_listing {
    FILE *out;
    int format;             /* IO_FORMAT_CSV or IO_FORMAT_JSON */
    size_t count;           /* contacts written so far */
};
/* The CSV header, or JSON's opening bracket. */
void io_listing_begin(struct io_listing *l, FILE *out, int format);
void io_listing_contact(struct io_listing *l, const struct contact *c);
/* JSON's closing bracket. */
void io_listing_end(struct io_listing *l);


#endif
