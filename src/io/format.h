/* What the interchange formats share (private to io/): the records a
 * parser hands over (record.c), applied through the domain in one
 * transaction (merge.c), the stable UIDs (uid.c), and the context an
 * exporter writes with. Uses core/ and below. */
#ifndef RAPPORT_IO_FORMAT_H
#define RAPPORT_IO_FORMAT_H

#include <stdio.h>

#include "core/contact.h"
#include "io/io.h"
#include "model/contact.h"
#include "model/followup.h"
#include "model/note.h"
#include "store/store.h"

/* Lines longer than this are refused: no address book writes them, and
 * a bound keeps garbage input from costing unbounded memory. */
#define IO_MAX_LINE (1024 * 1024)
/* Files larger than this are refused before they are read. */
#define IO_MAX_FILE (256L * 1024 * 1024)

struct io_note {
    char kind[16];
    time_t at;             /* 0: the time of the import */
    char *body;            /* line breaks are LF only */
    bool joined;           /* several notes joined by blank lines, as
                              rapport's own CSV export writes them */
};

/* A contact's lists, which keep at most CONTACT_LIST_MAX items each. */
enum io_list {
    IO_EMAILS, IO_PHONES, IO_TAGS, IO_ADDRESSES, IO_URLS, IO_EXTRAS,
    IO_LIST_COUNT
};

/* What a record had more of than a contact keeps: dropped, counted, and
 * warned about once per list when the record is applied. */
struct io_dropped {
    size_t count;
    int line;              /* of the first value dropped */
    char *field;           /* its property or column, as the file names it */
};

/* Where a value came from: its line and field as the file names them. */
struct io_origin {
    int line;              /* 0: unknown (the record's line is used) */
    char field[40];
};

/* A contact read from a file. */
struct io_record {
    int line;
    struct contact c;
    char *uid;             /* NULL when the file has none */
    struct io_note *notes;
    size_t note_count;
    struct io_dropped dropped[IO_LIST_COUNT];
    struct io_origin *email_from;   /* of c.emails, CONTACT_LIST_MAX of
                                       them once one is added, or NULL */
};

/* A follow-up read from a calendar file; the contact is found when the
 * records are applied. */
struct io_task {
    int line;
    char *who;             /* a name from the summary, or NULL */
    char *email;           /* an attendee's address, or NULL */
    char *uid;             /* the item's UID, or NULL */
    struct date due;
    int due_minutes;
    bool dateless;         /* the item has no date: due is the import's day */
    struct date snoozed_until;   /* unset when not snoozed */
    char *text;
    char *context;         /* the summary and description, to find a
                              name written in ordinary words; or NULL */
    struct interval every;
};

struct io_import {
    struct store *st;
    const char *name;      /* the file as messages name it */
    unsigned flags;
    const char *map;       /* --map SPEC for CSV, or NULL */
    time_t now;
    struct io_summary *sum;
    struct io_record *records;
    size_t record_count, record_cap;
    struct io_task *tasks;
    size_t task_count, task_cap;
    int changed;           /* records and follow-ups that wrote something */
    struct io_unkept *unkept;   /* properties read and not kept */
    size_t unkept_count;
    int binary_records;    /* records whose embedded binary data (PHOTO,
                              LOGO, SOUND, KEY) was dropped */
    /* The parser runs inside the import's transaction, and the records
     * it reads are applied a batch at a time (io_record_new), so a large
     * file never holds every parsed record in memory. */
    size_t records_read;   /* every record the parser kept, applied or not */
    size_t records_done;   /* applied (or refused by the domain) */
    bool applying;         /* inside the transaction: batches may go */
    enum store_status failed;   /* a batch failed: the parse stops */
    char *failure;         /* and its message, which the parser's own
                              "out of memory" must not replace */
    int lines;             /* of the whole file, for the progress line */
    double started;        /* seconds, when the apply began */
    double told;           /* seconds, when progress was last told */
    uintptr_t released;    /* the file's memory is given back up to here */
};

/* A property (or column) a file holds that rapport does not keep, and
 * how often it came. */
struct io_unkept {
    char name[32];
    size_t count;
};

struct io_export {
    struct store *st;
    FILE *out;
    struct io_summary *sum;
    int vcard_version;     /* 3 or 4 */
    void *arg;             /* the caller's, for what io_each_contact calls */
};

/* Records a rejected record: "FILE:LINE: rejected: reason". */
void io_reject(struct io_import *im, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A new record at line (contact_init'ed); NULL when out of memory. */
struct io_record *io_record_new(struct io_import *im, int line);
/* The parser is done with data before end: the memory of a large
 * file's lines behind it is given back to the system (they read as
 * zeros after), so a file is never held whole in memory as well as its
 * database pages. */
void io_data_done(struct io_import *im, char *data, const char *end);
/* Frees the records applied (io_apply_batch). */
void io_records_forget(struct io_import *im);
/* Drops the newest record (the parser found it unusable). */
void io_record_drop(struct io_import *im);
/* True when r's list is full (CONTACT_LIST_MAX): the parser then drops
 * the value it read at line from field, and this counts it. Asked only
 * for a value the list does not hold yet. */
bool io_record_full(struct io_record *r, enum io_list list, int line,
                    const char *field);
/* Counts a value of r's list dropped at line from field (the first one
 * dropped names the line and field in the warning). */
void io_record_count_dropped(struct io_record *r, enum io_list list,
                             int line, const char *field);
/* The warnings for what r had more of than a contact keeps, one per
 * list, into the summary's messages. */
void io_record_warn_dropped(struct io_import *im, const struct io_record *r);
/* Adds a note, its line breaks made LF (CR LF and a lone CR alike). */
int io_record_add_note(struct io_record *r, const char *kind, time_t at,
                       const char *body);
/* Drops the control characters in text (NULL: none), and says so in the
 * summary's messages: "FILE:LINE: repaired: ... from the WHAT". On one
 * line a tab becomes a space; multi_line text keeps tabs and breaks. */
void io_repair_text(struct io_import *im, int line, const char *what,
                    char *text, bool multi_line);
/* io_repair_text for every field of r's contact and its notes. */
void io_record_repair(struct io_import *im, struct io_record *r);
/* Adds an email read at line from field (kept with it for a warning),
 * unless r holds it already or its list is full. */
void io_record_add_email(struct io_record *r, int line, const char *field,
                         const char *value);
/* Adds a tag read at line from field; one holding a semicolon becomes
 * several, and the repair is said (not with IO_STRICT). */
void io_record_add_tag(struct io_import *im, struct io_record *r, int line,
                       const char *field, const char *value);
/* A copy of s with each byte that is not UTF-8 made U+FFFD; *bad counts
 * them. NULL when out of memory. */
char *io_utf8_repair(const char *s, size_t *bad);
/* NULL when value is valid UTF-8; else its repaired copy, and the repair
 * said in the summary's messages ("FILE:LINE: repaired: FIELD: ..."). */
char *io_utf8_field(struct io_import *im, int line, const char *field,
                    const char *value);
/* Field-level checks before r is applied (fields.c): repairs or drops
 * its bad fields with a warning each (not with IO_STRICT), names it
 * after its email, organisation or phone when it has no name. False
 * (and r rejected) when nothing in it identifies a person. */
bool io_record_settle(struct io_import *im, struct io_record *r);
/* A copy of v with each line break (CR LF, CR, LF) made ", ", trimmed:
 * an address's part is shown on one line. NULL when out of memory. */
char *io_one_line(const char *v);
/* Counts one value of property name that is not kept. */
void io_count_unkept(struct io_import *im, const char *name);
/* Says once what was not kept: "FILE: not kept: ADR (3), URL (2)", and
 * how many records lost embedded binary data. */
void io_report_unkept(struct io_import *im);
struct io_task *io_task_new(struct io_import *im, int line);
/* Replaces *field with a copy of value (NULL or "" leaves it NULL). */
int io_set(char **field, const char *value);
/* A stable UID for a contact that has none stored. */
void io_contact_uid(const struct contact *c, char *buf, size_t size);
/* The UID an iCalendar export gives follow-up f ("rapport-followup-ID-
 * CREATED"); series_id and series_created name the first occurrence of
 * a recurring series (f's own when it is the first or does not recur). */
void io_followup_uid(int64_t series_id, int64_t series_created, char *buf,
                     size_t size);
/* Reads such a UID back; false when uid is not one rapport wrote. */
bool io_followup_uid_parse(const char *uid, int64_t *id, int64_t *created);

/* A growable byte buffer, always NUL-terminated once used. */
struct io_buf {
    char *s;
    size_t len, cap;
    bool failed;           /* out of memory: the content is incomplete */
};
void io_buf_add(struct io_buf *b, const char *s, size_t n);
void io_buf_addc(struct io_buf *b, char c);
void io_buf_adds(struct io_buf *b, const char *s);
void io_buf_reset(struct io_buf *b);
void io_buf_free(struct io_buf *b);

/* Splits a text into the lines of a file: returns the next line
 * (terminated in place, CR LF or LF) and advances *pos; NULL at the end. */
char *io_next_line(char *data, size_t len, size_t *pos);

/* Makes the file's bytes UTF-8 (encoding.c): UTF-16 with or without a
 * byte order mark, the encoding named (an iconv name, or NULL), or the
 * one common encoding bytes that are not UTF-8 plausibly fit; what was
 * chosen is said in messages. On failure *buf is freed. */
enum store_status io_decode(struct store *st, const char *name,
                            const char *encoding, char **buf, size_t *n,
                            struct strlist *messages);

/* s converted from encoding (an iconv name) to UTF-8; NULL when it is
 * not text in it or the name is unknown. */
char *io_convert(const char *encoding, const char *s);

/* Reads the open file f (closed here, unless it is stdin), which path
 * names, and imports it as io_import_file does a file. */
enum store_status io_import_stream(struct store *st, FILE *f,
                                   const char *path, int format,
                                   unsigned flags, const char *map,
                                   struct io_summary *summary);
/* Imports every .vcf and .ics file of the folder path (vdir_import.c),
 * each as a file is imported, all in one transaction. */
enum store_status io_import_vdir(struct store *st, const char *path,
                                 int format, unsigned flags,
                                 struct io_summary *summary);
/* One contact's card (vcard_write.c); one follow-up's calendar with
 * its VTODO alone, and the UID it goes out with (ical.c): what the
 * files of a vdir hold. */
enum store_status io_vcard_put_card(struct io_export *ex,
                                    const struct contact *c);
enum store_status io_ical_put_calendar(struct io_export *ex,
                                       const struct followup *f);
enum store_status io_ical_uid(struct io_export *ex, const struct followup *f,
                              char *buf, size_t size);

/* Runs parse over data inside one transaction (rolled back again for
 * IO_DRY_RUN), applying what it reads a batch at a time, then the rest
 * and the follow-ups. */
enum store_status io_apply(struct io_import *im,
                           enum store_status (*parse)(struct io_import *, char *, size_t),
                           char *data, size_t len);
/* Applies the records read so far and frees them (io_record_new calls
 * it when a batch is full). */
enum store_status io_apply_batch(struct io_import *im);
void io_import_clear(struct io_import *im);

/* Each format's two halves. The data is the whole file, NUL-terminated,
 * its UTF-8 byte order mark removed. */
enum store_status io_vcard_import(struct io_import *im, char *data, size_t len);
enum store_status io_vcard_export(struct io_export *ex);
enum store_status io_csv_import(struct io_import *im, char *data, size_t len);
enum store_status io_csv_export(struct io_export *ex);
enum store_status io_ical_import(struct io_import *im, char *data, size_t len);
enum store_status io_ical_export(struct io_export *ex);
enum store_status io_json_export(struct io_export *ex);

/* The listing's halves (listing.c): `list --format csv|json` writes
 * contacts with the export's writers, over the fields a listing shows. */
void io_csv_listing_header(FILE *out);
void io_csv_listing_row(FILE *out, const struct contact *c);
void io_json_listing_begin(FILE *out);
/* index: how many contacts came before this one. */
void io_json_listing_contact(FILE *out, const struct contact *c,
                             size_t index);
void io_json_listing_end(FILE *out, size_t count);

/* Calls fn for every contact, archived ones too, a window at a time, in
 * name order. */
enum store_status io_each_contact(struct io_export *ex,
                                  enum store_status (*fn)(struct io_export *,
                                                          const struct contact *));
/* Calls fn for each of c's notes, newest first, a window at a time. */
enum store_status io_each_note(struct io_export *ex, int64_t contact_id,
                               enum store_status (*fn)(struct io_export *,
                                                       const struct note *,
                                                       void *),
                               void *arg);

#endif
