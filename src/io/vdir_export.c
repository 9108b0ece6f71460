/* Writing a vdir: one .vcf per contact, named by its UID (a contact
 * without one is given one, stored), or one .ics per open follow-up,
 * as khard, todoman and vdirsyncer read them. Only what changed is
 * written; files of contacts forgotten and of follow-ups done go, but
 * only files rapport wrote there and nobody changed since: a hidden
 * list in the folder (MANIFEST) names each with a hash of what was
 * written. Every file is written as the export's output file is: a new
 * private file (O_EXCL | O_NOFOLLOW) in the folder held open, renamed
 * over the name, the folder made durable. Uses core/ and below. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/paths.h"
#include "base/text.h"
#include "core/cursor.h"
#include "io/format.h"
#include "io/output.h"
#include "io/vdir.h"
#include "store/contact.h"

/* The files rapport wrote in the folder: hidden, so that no program
 * reading the vdir takes it for an item. */
#define MANIFEST ".rapport-vdir"

/* What one file of the folder is to hold. */
struct item {
    char *name;
    char *text;
    size_t len;
};

struct vdir {
    struct store *st;
    const char *path;
    int dir;
    const char *ext;
    struct item *items;
    size_t count, cap;
    struct strlist names;      /* of items, to keep them distinct */
    struct strlist manifest;   /* "HASH NAME", as read */
    struct strlist written;    /* "HASH NAME", to be written */
    struct io_summary *sum;
};

static uint64_t hash_of(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* The file of a UID: the UID itself when it makes a plain file name
 * (urn:uuid: aside), as khard and vdirsyncer name theirs; else, or when
 * another item has that name already, a name made from its hash. */
static int name_for(struct vdir *v, const char *uid, char **name)
{
    const char *u = strncasecmp(uid, "urn:uuid:", 9) == 0 ? uid + 9 : uid;
    size_t n = strlen(u);
    bool plain = n > 0 && n <= 160 && u[0] != '.'
                 && strspn(u, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                              "0123456789._@+=-") == n;
    *name = NULL;
    if (plain && asprintf(name, "%s%s", u, v->ext) < 0)
        return -1;
    for (unsigned i = 0; !*name || strlist_contains(&v->names, *name); i++) {
        free(*name);
        *name = NULL;
        if (asprintf(name, "rapport-%016" PRIx64 "%s", hash_of(uid, strlen(uid)) + i,
                     v->ext) < 0)
            return -1;
    }
    return strlist_push(&v->names, *name);
}

static enum store_status no_memory(struct vdir *v)
{
    return store_fail(v->st, STORE_FAILED, _("out of memory"));
}

/* Adds the item that ex wrote into its memory stream. */
static enum store_status add_item(struct vdir *v, const char *uid, char *text,
                                  size_t len)
{
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        struct item *items = realloc(v->items, cap * sizeof *items);
        if (!items) {
            free(text);
            return no_memory(v);
        }
        v->items = items;
        v->cap = cap;
    }
    struct item *it = &v->items[v->count];
    if (name_for(v, uid, &it->name) != 0) {
        free(text);
        return no_memory(v);
    }
    it->text = text;
    it->len = len;
    v->count++;
    return STORE_OK;
}

/* Runs write for one record into memory. */
static enum store_status render(struct io_export *ex, char **text, size_t *len,
                                enum store_status (*write)(struct io_export *, const void *),
                                const void *record)
{
    *text = NULL;
    *len = 0;
    FILE *mem = open_memstream(text, len);
    if (!mem)
        return store_fail(ex->st, STORE_FAILED, _("out of memory"));
    FILE *out = ex->out;
    ex->out = mem;
    enum store_status rc = write(ex, record);
    ex->out = out;
    if (fclose(mem) != 0 && rc == STORE_OK)
        rc = store_fail(ex->st, STORE_FAILED, _("out of memory"));
    if (rc != STORE_OK) {
        free(*text);
        *text = NULL;
    }
    return rc;
}

static enum store_status write_card(struct io_export *ex, const void *c)
{
    return io_vcard_put_card(ex, c);
}

static enum store_status write_calendar(struct io_export *ex, const void *f)
{
    return io_ical_put_calendar(ex, f);
}

/* ---- the items ----------------------------------------------------------- */

struct uid_less {
    int64_t *ids;
    size_t len, cap;
};

static enum store_status note_uid_less(struct io_export *ex, const struct contact *c)
{
    struct uid_less *u = ex->arg;
    char *uid = NULL;
    enum store_status rc = store_contact_get_uid(ex->st, c->id, &uid);
    bool has = uid != NULL;
    free(uid);
    if (rc != STORE_OK || has)
        return rc;
    if (u->len == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 64;
        int64_t *ids = realloc(u->ids, cap * sizeof *ids);
        if (!ids)
            return store_fail(ex->st, STORE_FAILED, _("out of memory"));
        u->ids = ids;
        u->cap = cap;
    }
    u->ids[u->len++] = c->id;
    return STORE_OK;
}

static enum store_status store_uids(struct store *st, void *arg)
{
    struct uid_less *u = arg;
    for (size_t i = 0; i < u->len; i++) {
        struct contact c = { 0 };
        enum store_status rc = store_contact_get(st, u->ids[i], &c);
        char made[64];
        if (rc == STORE_OK) {
            io_contact_uid(&c, made, sizeof made);
            rc = store_contact_set_uid(st, c.id, made);
        }
        contact_clear(&c);
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

/* A vdir names each contact's file by its UID for good: a contact
 * without one is given the one exports already write for it, stored,
 * so its file keeps its name whatever changes. A read-only database
 * keeps them unstored, the same UIDs. */
static enum store_status give_uids(struct io_export *ex)
{
    struct uid_less u = { 0 };
    ex->arg = &u;
    enum store_status rc = io_each_contact(ex, note_uid_less);
    ex->arg = NULL;
    ex->sum->written = 0;
    if (rc == STORE_OK && u.len > 0) {
        rc = store_batch(ex->st, _("gave contacts a UID for a vdir"), store_uids, &u);
        if (rc == STORE_READ_ONLY)
            rc = STORE_OK;
    }
    free(u.ids);
    return rc;
}

static enum store_status card_item(struct io_export *ex, const struct contact *c)
{
    struct vdir *v = ex->arg;
    char *uid = NULL;
    enum store_status rc = store_contact_get_uid(ex->st, c->id, &uid);
    char made[64];
    if (rc == STORE_OK && !uid)
        io_contact_uid(c, made, sizeof made);
    char *text = NULL;
    size_t len = 0;
    if (rc == STORE_OK)
        rc = render(ex, &text, &len, write_card, c);
    if (rc == STORE_OK)
        rc = add_item(v, uid ? uid : made, text, len);
    free(uid);
    return rc;
}

static enum store_status task_items(struct io_export *ex, struct vdir *v)
{
    struct followup_filter filter = { .open_only = true };
    struct followup_cursor cur;
    cursor_followups(&cur, ex->st, &filter);
    enum store_status rc = STORE_OK;
    for (const struct followup *f;
         rc == STORE_OK && (f = cursor_next_followup(&cur)); ) {
        char uid[256];
        char *text = NULL;
        size_t len = 0;
        rc = io_ical_uid(ex, f, uid, sizeof uid);
        if (rc == STORE_OK)
            rc = render(ex, &text, &len, write_calendar, f);
        if (rc == STORE_OK)
            rc = add_item(v, uid, text, len);
    }
    enum store_status read = cursor_close_followups(&cur);
    return rc != STORE_OK ? rc : read;
}

/* ---- the folder ---------------------------------------------------------- */

/* What a file of the folder holds, when it is a file of the user's own
 * (never read through a link); 1 when it is none, -1 when it is not
 * there. */
static int read_own(int dir, const char *name, char **text, size_t *len)
{
    *text = NULL;
    *len = 0;
    int fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? -1 : 1;
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_uid != geteuid()
        || sb.st_size > IO_MAX_FILE) {
        close(fd);
        return 1;
    }
    FILE *mem = open_memstream(text, len);
    char buf[8192];
    ssize_t got;
    while (mem && (got = read(fd, buf, sizeof buf)) > 0)
        fwrite(buf, 1, (size_t)got, mem);
    close(fd);
    if (!mem || fclose(mem) != 0) {
        free(*text);
        *text = NULL;
        return 1;
    }
    return 0;
}

/* The hash the manifest has for name, or NULL. */
static const char *listed(const struct vdir *v, const char *name)
{
    for (size_t i = 0; i < v->manifest.len; i++) {
        const char *line = v->manifest.items[i];
        const char *space = strchr(line, ' ');
        if (space && strcmp(space + 1, name) == 0)
            return line;
    }
    return NULL;
}

/* Whether the file holds what rapport wrote there last. */
static bool as_written(const struct vdir *v, const char *name, const char *text,
                       size_t len)
{
    const char *line = listed(v, name);
    char hash[24];
    snprintf(hash, sizeof hash, "%016" PRIx64 " ", hash_of(text, len));
    return line && strncmp(line, hash, strlen(hash)) == 0;
}

static enum store_status write_failed(struct vdir *v, const char *name, int err)
{
    char *file = io_vdir_file(v->path, name);
    enum store_status rc = io_output_fail(v->st, file ? file : v->path, err);
    free(file);
    return rc;
}

/* A new private file renamed over name, as the export writes its file. */
static enum store_status put_file(struct vdir *v, const char *name,
                                  const char *text, size_t len)
{
    char *prefix = NULL, *tmp = NULL;
    if (asprintf(&prefix, ".%s.tmp-", name) < 0)
        return no_memory(v);
    int fd = paths_create_temp(v->dir, prefix, &tmp);
    free(prefix);
    if (fd < 0)
        return write_failed(v, name, errno);
    int err = 0;
    for (size_t done = 0; done < len && !err;) {
        ssize_t n = write(fd, text + done, len - done);
        if (n < 0 && errno != EINTR)
            err = errno;
        else if (n > 0)
            done += (size_t)n;
    }
    if (!err && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && renameat(v->dir, tmp, v->dir, name) != 0)
        err = errno;
    if (err)
        unlinkat(v->dir, tmp, 0);
    free(tmp);
    return err ? write_failed(v, name, err) : STORE_OK;
}

static void say_left(struct vdir *v, const char *name)
{
    char *file = io_vdir_file(v->path, name);
    char *shown = text_sanitize(file ? file : name, false);
    strlist_pushf(&v->sum->messages,
                  _("%s: not written by rapport, or changed since; left as it is"),
                  shown);
    free(shown);
    free(file);
    v->sum->left++;
}

static enum store_status remember(struct vdir *v, const char *name,
                                  const char *text, size_t len)
{
    return strlist_pushf(&v->written, "%016" PRIx64 " %s", hash_of(text, len),
                         name) == 0 ? STORE_OK : no_memory(v);
}

/* Each item written unless the file holds it already; a file that
 * holds something else is replaced only when rapport wrote it. */
static enum store_status write_items(struct vdir *v)
{
    enum store_status rc = STORE_OK;
    for (size_t i = 0; rc == STORE_OK && i < v->count; i++) {
        const struct item *it = &v->items[i];
        char *have = NULL;
        size_t len = 0;
        int got = read_own(v->dir, it->name, &have, &len);
        if (got == 0 && len == it->len && memcmp(have, it->text, len) == 0) {
            v->sum->unchanged++;
            rc = remember(v, it->name, it->text, it->len);
        } else if (got < 0 || (got == 0 && as_written(v, it->name, have, len))) {
            rc = put_file(v, it->name, it->text, it->len);
            if (rc == STORE_OK) {
                v->sum->written++;
                rc = remember(v, it->name, it->text, it->len);
            }
        } else {
            say_left(v, it->name);
        }
        free(have);
    }
    return rc;
}

/* Files rapport wrote that no item holds now (a contact forgotten, a
 * follow-up done) go, unless someone changed them since. */
static enum store_status remove_gone(struct vdir *v)
{
    for (size_t i = 0; i < v->manifest.len; i++) {
        const char *space = strchr(v->manifest.items[i], ' ');
        const char *name = space ? space + 1 : NULL;
        if (!name || strchr(name, '/') || name[0] == '.'
            || strlist_contains(&v->names, name))
            continue;
        char *have = NULL;
        size_t len = 0;
        int got = read_own(v->dir, name, &have, &len);
        if (got == 0 && as_written(v, name, have, len)) {
            if (unlinkat(v->dir, name, 0) != 0) {
                free(have);
                return write_failed(v, name, errno);
            }
            v->sum->removed++;
        } else if (got >= 0) {
            say_left(v, name);
        }
        free(have);
    }
    return STORE_OK;
}

static void read_manifest(struct vdir *v)
{
    char *text = NULL;
    size_t len = 0;
    if (read_own(v->dir, MANIFEST, &text, &len) != 0)
        return;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (line[0] != '#' && strchr(line, ' '))
            strlist_push(&v->manifest, line);
    }
    free(text);
}

static enum store_status write_manifest(struct vdir *v)
{
    struct io_buf b = { 0 };
    io_buf_adds(&b, "# The files rapport wrote in this vdir, each with a hash of what it\n"
                    "# wrote: rapport replaces or removes only those.\n");
    for (size_t i = 0; i < v->written.len; i++) {
        io_buf_adds(&b, v->written.items[i]);
        io_buf_addc(&b, '\n');
    }
    enum store_status rc = STORE_OK;
    char *have = NULL;
    size_t len = 0;
    if (b.failed)
        rc = no_memory(v);
    else if (read_own(v->dir, MANIFEST, &have, &len) != 0 || len != b.len
             || memcmp(have, b.s, len) != 0)
        rc = put_file(v, MANIFEST, b.s, b.len);
    free(have);
    io_buf_free(&b);
    return rc;
}

static void vdir_clear(struct vdir *v)
{
    for (size_t i = 0; i < v->count; i++) {
        free(v->items[i].name);
        free(v->items[i].text);
    }
    free(v->items);
    strlist_clear(&v->names);
    strlist_clear(&v->manifest);
    strlist_clear(&v->written);
    if (v->dir >= 0)
        close(v->dir);
}

enum store_status io_export_vdir(struct store *st, const char *path, int format,
                                 int vcard_version, struct io_summary *summary)
{
    if (format != IO_FORMAT_VCARD && format != IO_FORMAT_ICAL)
        return store_fail(st, STORE_INVALID,
                          _("--vdir writes vCard or iCalendar files: give --format vcard or ics"));
    struct vdir v = { .st = st, .path = path, .dir = -1, .sum = summary,
                      .ext = format == IO_FORMAT_VCARD ? ".vcf" : ".ics" };
    struct io_export ex = { .st = st, .sum = summary, .vcard_version = vcard_version,
                            .arg = &v };
    enum store_status rc = io_vdir_open(st, path, true, &v.dir);
    if (rc == STORE_OK && format == IO_FORMAT_VCARD) {
        rc = give_uids(&ex);
        ex.arg = &v;
        if (rc == STORE_OK)
            rc = io_each_contact(&ex, card_item);
    } else if (rc == STORE_OK) {
        rc = task_items(&ex, &v);
    }
    /* The items are all made before the folder is touched: a failure
     * leaves it as it was. */
    summary->written = 0;
    if (rc == STORE_OK) {
        read_manifest(&v);
        rc = write_items(&v);
    }
    if (rc == STORE_OK)
        rc = remove_gone(&v);
    if (rc == STORE_OK)
        rc = write_manifest(&v);
    if (rc == STORE_OK && fsync(v.dir) != 0)
        rc = write_failed(&v, ".", errno);
    vdir_clear(&v);
    return rc;
}
