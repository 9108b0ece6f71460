/* Merging an imported contact (SPEC §5): finding the stored contact a
 * record is (by UID, email, then whole name), adding what the record
 * knows and the stored one does not, never replacing anything, and its
 * notes without doubling those already there. Uses core/ and below. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/contact.h"
#include "core/cursor.h"
#include "base/i18n.h"
#include "io/format.h"
#include "io/merge.h"
#include "core/note.h"
#include "base/text.h"
#include "store/contact.h"
#include "store/search.h"

/* A note as it compares: LF line breaks, no trailing blanks (note_add
 * makes them so). Notes stored by an older rapport may still hold CR LF. */
static char *comparable(const char *body)
{
    char *s = strdup(body ? body : "");
    if (!s)
        return NULL;
    text_unify_breaks(s);
    size_t n = strlen(s);
    while (n > 0 && strchr(" \t\n", s[n - 1]))
        s[--n] = '\0';
    return s;
}

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\n", s[i]))
            return false;
    return true;
}

/* Keeps the n bytes at text as one part, unless they are blank;
 * -1 when out of memory. */
static int push_part(struct strlist *parts, const char *text, size_t n)
{
    if (is_blank(text, n))
        return 0;
    char *part = strndup(text, n);
    int rc = part ? strlist_push(parts, part) : -1;
    free(part);
    return rc != 0 ? -1 : 0;
}

static bool holds(const struct strlist *have, const char *body)
{
    for (size_t i = 0; i < have->len; i++)
        if (strcmp(have->items[i], body) == 0)
            return true;
    return false;
}

/* Every note of the contact, comparable. */
static enum store_status stored_notes(struct io_import *im, int64_t contact_id,
                                      struct strlist *have)
{
    struct note_cursor cur;
    cursor_notes(&cur, im->st, contact_id);
    enum store_status rc = STORE_OK;
    for (const struct note *n;
         rc == STORE_OK && (n = cursor_next_note(&cur)); ) {
        char *c = comparable(n->body);
        if (!c || strlist_push(have, c) != 0)
            rc = store_fail(im->st, STORE_FAILED, _("out of memory"));
        free(c);
    }
    enum store_status read = cursor_close_notes(&cur);
    return rc != STORE_OK ? rc : read;
}

/* rapport's CSV export writes all of a contact's notes into one cell,
 * newest first, a blank line between them. Taken back whole, that cell
 * would be one more note repeating all the others; so the stored notes
 * it is made of are recognised (whole, so one that holds a blank line
 * itself still is) and only the stretches between them that are no
 * stored note come back, each as one note: nothing when the file was
 * exported from here, what was written into the cell when it was
 * edited. */
static int new_parts(const char *cell, const struct strlist *have,
                     struct strlist *parts)
{
    size_t len = strlen(cell), p = 0, from = 0, to = 0;
    bool open = false;
    while (p < len) {
        size_t best = 0;
        for (size_t i = 0; i < have->len; i++) {
            size_t n = strlen(have->items[i]);
            if (n > best && n <= len - p
                && memcmp(cell + p, have->items[i], n) == 0
                && (p + n == len || strncmp(cell + p + n, "\n\n", 2) == 0))
                best = n;
        }
        size_t end;
        if (best > 0) {
            if (open && push_part(parts, cell + from, to - from) != 0)
                return -1;
            open = false;
            end = p + best;
        } else {
            const char *sep = strstr(cell + p, "\n\n");
            end = sep ? (size_t)(sep - cell) : len;
            if (!open)
                from = p;
            open = true;
            to = end;
        }
        p = end < len ? end + 2 : len;
    }
    if (open && push_part(parts, cell + from, to - from) != 0)
        return -1;
    return 0;
}

static enum store_status add_note(struct io_import *im, int64_t contact_id,
                                  const struct io_note *n, const char *body,
                                  int *added)
{
    enum store_status rc = note_add(im->st, contact_id, n->kind, body,
                                    n->at ? n->at : im->now, NULL);
    if (rc == STORE_OK)
        ++*added;
    return rc;
}

/* Adds the record's notes; with check, only those the contact does not
 * have yet. *added counts the notes written. */
static enum store_status add_notes(struct io_import *im, struct io_record *r,
                                   int64_t contact_id, bool check, int *added)
{
    if (!check) {
        for (size_t i = 0; i < r->note_count; i++) {
            enum store_status rc = add_note(im, contact_id, &r->notes[i],
                                            r->notes[i].body, added);
            if (rc != STORE_OK)
                return rc;
        }
        return STORE_OK;
    }
    if (r->note_count == 0)
        return STORE_OK;
    struct strlist have = { 0 };
    enum store_status rc = stored_notes(im, contact_id, &have);
    for (size_t i = 0; rc == STORE_OK && i < r->note_count; i++) {
        const struct io_note *n = &r->notes[i];
        char *body = comparable(n->body);
        struct strlist parts = { 0 };
        int failed = -1;
        if (body && n->joined)
            failed = new_parts(body, &have, &parts);
        else if (body)
            failed = holds(&have, body) ? 0 : strlist_push(&parts, body);
        if (failed)
            rc = store_fail(im->st, STORE_FAILED, _("out of memory"));
        for (size_t k = 0; rc == STORE_OK && k < parts.len; k++) {
            if (holds(&have, parts.items[k]))
                continue;
            rc = add_note(im, contact_id, n, parts.items[k], added);
            /* A file that holds the same note twice adds it once. */
            if (rc == STORE_OK && strlist_push(&have, parts.items[k]) != 0)
                rc = store_fail(im->st, STORE_FAILED, _("out of memory"));
        }
        strlist_clear(&parts);
        free(body);
    }
    strlist_clear(&have);
    return rc;
}

/* What the stored contact has, and what the file adds, stay within
 * CONTACT_LIST_MAX; the rest is counted in r as dropped. */
static bool merge_list(struct io_record *r, enum io_list list,
                       const char *field, struct strlist *into,
                       const struct strlist *from)
{
    bool changed = false;
    for (size_t i = 0; i < from->len; i++) {
        if (strlist_contains(into, from->items[i]))
            continue;
        if (into->len >= CONTACT_LIST_MAX) {
            io_record_count_dropped(r, list, r->line, field);
        } else {
            strlist_push(into, from->items[i]);
            changed = true;
        }
    }
    return changed;
}

/* New numbers are added; a number stored without a kind takes the
 * file's, and one stored with a kind keeps it. */
static bool merge_phones(struct io_record *r, struct phone_list *into,
                         const struct phone_list *from)
{
    bool changed = false;
    for (size_t i = 0; i < from->len; i++) {
        if (phone_list_find(into, from->items[i].number) < 0
            && into->len >= CONTACT_LIST_MAX)
            io_record_count_dropped(r, IO_PHONES, r->line, _("phone"));
        else if (phone_list_merge(into, from->items[i].number,
                                  from->items[i].kind) > 0)
            changed = true;
    }
    return changed;
}

/* New addresses are added; one stored without a kind takes the file's. */
static bool merge_addresses(struct io_record *r, struct address_list *into,
                            struct address_list *from)
{
    bool changed = false;
    for (size_t i = 0; i < from->len; i++) {
        struct address *a = &from->items[i];
        long at = address_list_find(into, a);
        if (at >= 0) {
            if (!into->items[at].kind && a->kind) {
                into->items[at].kind = a->kind;
                a->kind = NULL;
                changed = true;
            }
        } else if (into->len >= CONTACT_LIST_MAX) {
            io_record_count_dropped(r, IO_ADDRESSES, r->line, _("address"));
        } else if (address_list_push(into, a) == 0) {
            changed = true;
        }
    }
    return changed;
}

static bool merge_urls(struct io_record *r, struct url_list *into,
                       const struct url_list *from)
{
    bool changed = false;
    for (size_t i = 0; i < from->len; i++) {
        if (url_list_find(into, from->items[i].url) < 0
            && into->len >= CONTACT_LIST_MAX)
            io_record_count_dropped(r, IO_URLS, r->line, _("web page"));
        else if (url_list_merge(into, from->items[i].url,
                                from->items[i].kind) > 0)
            changed = true;
    }
    return changed;
}

/* Properties compare as the lines they are, exactly. One a card holds
 * only once (a birthday) is the file's when its value differs: the
 * card's program is where it is kept, and rapport cannot edit it. */
static bool merge_extras(struct io_record *r, struct strlist *into,
                         const struct strlist *from)
{
    bool changed = false;
    for (size_t i = 0; i < from->len; i++) {
        bool have = false;
        for (size_t k = 0; k < into->len && !have; k++)
            have = strcmp(into->items[k], from->items[i]) == 0;
        if (have)
            continue;
        size_t single = into->len;
        for (size_t k = 0; k < into->len && single == into->len; k++)
            if (contact_extra_same_single(into->items[k], from->items[i]))
                single = k;
        if (single < into->len) {
            char *line = strdup(from->items[i]);
            if (line) {
                free(into->items[single]);
                into->items[single] = line;
                changed = true;
            }
            continue;
        }
        if (into->len >= CONTACT_LIST_MAX)
            io_record_count_dropped(r, IO_EXTRAS, r->line, _("property"));
        else if (strlist_push(into, from->items[i]) == 0)
            changed = true;
    }
    return changed;
}

static bool fill(char **into, char **from)
{
    if ((*into && **into) || !*from || !**from)
        return false;
    free(*into);
    *into = *from;
    *from = NULL;
    return true;
}

/* The UID a contact goes out with when none is stored (io_contact_uid)
 * is uid. */
static bool is_derived_uid(const struct contact *c, const char *uid)
{
    char made[64];
    io_contact_uid(c, made, sizeof made);
    return uid && strcmp(made, uid) == 0;
}

/* A record without email (an abook entry, a phone's card with only a
 * number, or rapport's own export of such a contact) is the contact of
 * exactly the same name: when there is just one, or, when the record
 * carries the UID rapport exports for a contact without one stored,
 * the one whose UID that is. Else importing its file twice would double
 * it. */
static enum store_status find_by_name(struct io_import *im, const char *name,
                                      const char *uid, struct contact *out,
                                      bool *found)
{
    struct contact_list l = { 0 };
    /* The records before this one may be waiting for their words. */
    enum store_status rc = store_search_catch_up(im->st, false);
    if (rc == STORE_OK)
        rc = store_contact_match(im->st, name, true, 64, &l);
    if (rc == STORE_NOT_FOUND)
        rc = STORE_OK;
    char *want = text_fold(name);
    size_t hits = 0, hit = 0, owner = 0;
    bool owned = false;
    for (size_t i = 0; rc == STORE_OK && want && i < l.len; i++) {
        char *have = text_fold(l.items[i].name);
        if (have && strcmp(have, want) == 0) {
            hits++;
            hit = i;
            if (is_derived_uid(&l.items[i], uid)) {
                owned = true;
                owner = i;
            }
        }
        free(have);
    }
    if (rc == STORE_OK && (owned || (hits == 1 && !uid))) {
        if (contact_copy(out, &l.items[owned ? owner : hit]) != 0)
            rc = store_fail(im->st, STORE_FAILED, _("out of memory"));
        else
            *found = true;
    }
    free(want);
    contact_list_clear(&l);
    return rc;
}

/* Finds the stored contact this record is: by UID first, then by any of
 * its emails, then (with no email) by its whole name. */
static enum store_status find_existing(struct io_import *im,
                                       struct io_record *r,
                                       struct contact *out, bool *found)
{
    *found = false;
    enum store_status rc;
    if (r->uid) {
        rc = store_contact_by_uid(im->st, r->uid, out);
        if (rc == STORE_OK) {
            *found = true;
            return rc;
        }
        if (rc != STORE_NOT_FOUND)
            return rc;
    }
    for (size_t i = 0; i < r->c.emails.len; i++) {
        rc = store_contact_by_email(im->st, r->c.emails.items[i], out);
        if (rc == STORE_OK) {
            *found = true;
            return rc;
        }
        if (rc != STORE_NOT_FOUND)
            return rc;
    }
    if (r->c.emails.len == 0 && r->c.name)
        return find_by_name(im, r->c.name, r->uid, out, found);
    return STORE_OK;
}

/* Adds what the record knows and the stored contact does not; never
 * replaces or removes anything stored. *changed: something was added. */
static enum store_status merge_record(struct io_import *im,
                                      struct io_record *r,
                                      struct contact *old, bool *changed)
{
    /* Found by name, the contact comes from a list's window. */
    if (!old->details) {
        enum store_status rc = store_contact_read_details(im->st, old);
        if (rc != STORE_OK)
            return rc;
    }
    bool fields = merge_list(r, IO_EMAILS, _("email"), &old->emails, &r->c.emails);
    fields |= merge_addresses(r, &old->addresses, &r->c.addresses);
    fields |= merge_urls(r, &old->urls, &r->c.urls);
    fields |= merge_extras(r, &old->extras, &r->c.extras);
    fields |= merge_phones(r, &old->phones, &r->c.phones);
    fields |= merge_list(r, IO_TAGS, _("tag"), &old->tags, &r->c.tags);
    fields |= fill(&old->org, &r->c.org);
    fields |= fill(&old->department, &r->c.department);
    fields |= fill(&old->title, &r->c.title);
    fields |= fill(&old->projects, &r->c.projects);
    fields |= fill(&old->goals, &r->c.goals);
    fields |= fill(&old->channel, &r->c.channel);
    fields |= fill(&old->owner, &r->c.owner);
    if ((old->roles | r->c.roles) != old->roles) {
        old->roles |= r->c.roles;
        fields = true;
    }
    *changed = fields;
    enum store_status rc = STORE_OK;
    if (fields)
        rc = contact_update(im->st, old, im->now);
    /* The UID this contact is exported with already (its own file
     * coming back) is nothing to store. */
    if (rc == STORE_OK && r->uid && !is_derived_uid(old, r->uid)) {
        char *stored = NULL;
        rc = store_contact_get_uid(im->st, old->id, &stored);
        if (rc == STORE_NOT_FOUND || (rc == STORE_OK && !stored)) {
            rc = store_contact_set_uid(im->st, old->id, r->uid);
            *changed = true;
        }
        free(stored);
    }
    int added = 0;
    if (rc == STORE_OK)
        rc = add_notes(im, r, old->id, true, &added);
    if (added > 0)
        *changed = true;
    return rc;
}

enum store_status io_merge_contact(struct io_import *im, struct io_record *r)
{
    io_record_repair(im, r);
    struct contact old = { 0 };
    bool found = false;
    enum store_status rc = find_existing(im, r, &old, &found);
    if (rc != STORE_OK)
        return rc;
    if (found) {
        char *name = strdup(old.name ? old.name : "");
        bool changed = false;
        rc = merge_record(im, r, &old, &changed);
        if (rc == STORE_OK && changed) {
            io_merge_plan(im, r->line, _("would merge into"), name ? name : "");
            im->sum->merged++;
            im->changed++;
        } else if (rc == STORE_OK) {
            io_merge_plan(im, r->line, _("already there"), name ? name : "");
            im->sum->unchanged++;
        }
        free(name);
        contact_clear(&old);
        return rc;
    }
    char *name = strdup(r->c.name ? r->c.name : "");
    bool archived = r->c.archived;
    int notes = 0;
    rc = contact_add(im->st, &r->c, im->now);
    if (rc == STORE_OK && r->uid)
        rc = store_contact_set_uid(im->st, r->c.id, r->uid);
    if (rc == STORE_OK)
        rc = add_notes(im, r, r->c.id, false, &notes);
    if (rc == STORE_OK && archived)
        rc = contact_archive(im->st, r->c.id, im->now);
    if (rc == STORE_OK) {
        io_merge_plan(im, r->line, _("would add"), name ? name : "");
        im->sum->added++;
        im->changed++;
    }
    free(name);
    return rc;
}
