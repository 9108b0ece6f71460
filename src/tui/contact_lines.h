/* The lines of the Contact screen: what the page holds, built section by
 * section, each line belonging to an item the cursor stops on (the
 * contact, a follow-up, a note, ...) or to none (a blank line, a
 * section's title). tui/contact.c moves over them and acts on the item.
 * May use tui/draw.h and below. */
#ifndef RAPPORT_UI_CONTACT_LINES_H
#define RAPPORT_UI_CONTACT_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/session.h"
#include "model/contact.h"
#include "model/timeline.h"

enum line_kind { LINE_TEXT, LINE_HEADER, LINE_TITLE, LINE_MUTED, LINE_DUE,
                 LINE_MORE };

/* What an item is, so a key acts on it (e and d on a note, x and s on a
 * follow-up, the contact's keys elsewhere). */
enum item_kind { ITEM_NONE, ITEM_CONTACT, ITEM_FOLLOWUP, ITEM_NOTE, ITEM_DONE,
                 ITEM_MORE, ITEM_OTHER };

struct cline {
    char *text;
    enum line_kind kind;
    int attr;                  /* extra colour, e.g. overdue */
    size_t item;               /* 0: no item (blank, a title); else its number */
    enum item_kind what;
    int64_t id;                /* the follow-up's or the note's */
};

struct contact_page {
    int64_t id;
    struct contact contact;
    bool loaded;
    struct timeline_list history;   /* as far as it was read */
    int64_t done_count;
    struct cline *lines;
    size_t len, cap;
    size_t items;              /* items numbered so far by the build */
    size_t sel, top;
    int built_cols;
    int height;
};

/* Reads the contact and the first entries of its history (as many as
 * were read before, on a reload); false when it is gone. */
bool contact_page_fetch(struct ui *ui, struct contact_page *p);
/* Reads the next window of the history. */
bool contact_page_more(struct ui *ui, struct contact_page *p);
/* Builds the lines for cols columns. */
void contact_page_build(struct ui *ui, struct contact_page *p, int cols);
void contact_page_free(struct contact_page *p);

#endif
