/* Windowed iterators: every contact, note, follow-up or organisation of
 * a filter, one row at a time, read from the store a window at a time
 * (SPEC §9: no list reads a whole table). They replace the keyset loops
 * that each export, import and command once wrote for itself.
 *
 *     struct contact_cursor cur;
 *     cursor_contacts(&cur, st, &filter, CONTACT_SORT_NAME);
 *     for (const struct contact *c; (c = cursor_next_contact(&cur)); )
 *         if (done_with(c))
 *             break;
 *     rc = cursor_close_contacts(&cur);
 *
 * A row lives until the next call on its cursor. Breaking out early is
 * fine; close always frees and returns the first read's failure (the
 * message is in store_error) or STORE_OK.
 *
 * Uses store/ and below. */
#ifndef RAPPORT_CORE_CURSOR_H
#define RAPPORT_CORE_CURSOR_H

#include <stdbool.h>
#include <stddef.h>

#include "model/contact.h"
#include "model/followup.h"
#include "model/note.h"
#include "model/org.h"
#include "store/contact.h"
#include "store/followup.h"
#include "store/store.h"

/* Rows per read: small enough to stay within SPEC §9's memory, large
 * enough that a cursor over 100,000 contacts makes few statements. */
#define CURSOR_WINDOW 200

struct cursor_state {
    struct store *st;
    size_t at;                 /* the next row of the window */
    bool started;              /* a window was read */
    bool last;                 /* the window read was the last one */
    enum store_status status;  /* the first failure, else STORE_OK */
};

struct contact_cursor {
    struct cursor_state s;
    struct contact_filter filter;
    enum contact_sort sort;
    struct contact_list window;
    struct contact after;
};
void cursor_contacts(struct contact_cursor *cur, struct store *st,
                     const struct contact_filter *filter,
                     enum contact_sort sort);
const struct contact *cursor_next_contact(struct contact_cursor *cur);
enum store_status cursor_close_contacts(struct contact_cursor *cur);

/* A contact's notes, newest first. */
struct note_cursor {
    struct cursor_state s;
    int64_t contact_id;
    struct note_list window;
    struct note after;
};
void cursor_notes(struct note_cursor *cur, struct store *st,
                  int64_t contact_id);
const struct note *cursor_next_note(struct note_cursor *cur);
enum store_status cursor_close_notes(struct note_cursor *cur);

/* Follow-ups by effective date, time, id. */
struct followup_cursor {
    struct cursor_state s;
    struct followup_filter filter;
    struct followup_list window;
    struct followup after;
};
void cursor_followups(struct followup_cursor *cur, struct store *st,
                      const struct followup_filter *filter);
const struct followup *cursor_next_followup(struct followup_cursor *cur);
enum store_status cursor_close_followups(struct followup_cursor *cur);

/* Organisations by name, with their counts per stage. */
struct org_cursor {
    struct cursor_state s;
    struct org_list window;
    struct org after;
};
void cursor_orgs(struct org_cursor *cur, struct store *st);
const struct org *cursor_next_org(struct org_cursor *cur);
enum store_status cursor_close_orgs(struct org_cursor *cur);

#endif
