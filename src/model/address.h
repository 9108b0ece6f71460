/* Postal addresses and web pages of a contact: the lists a contact
 * holds, their kinds (home, work), and the one-line text the command
 * line and rapport's own CSV use for one of them. Uses base/. */
#ifndef RAPPORT_MODEL_ADDRESS_H
#define RAPPORT_MODEL_ADDRESS_H

#include <stdbool.h>
#include <stddef.h>

/* The parts of a postal address, in vCard's ADR order (RFC 6350
 * §6.3.1), which every address book's fields map onto. */
enum address_part {
    ADDRESS_POBOX, ADDRESS_EXTENDED, ADDRESS_STREET, ADDRESS_LOCALITY,
    ADDRESS_REGION, ADDRESS_CODE, ADDRESS_COUNTRY, ADDRESS_PARTS
};

struct address {
    char *kind;                    /* "home", "work", NULL when unknown */
    char *part[ADDRESS_PARTS];     /* NULL when empty */
};

struct address_list {
    struct address *items;
    size_t len;
    size_t cap;
};

/* A web page: its address and kind, as vCard's URL;TYPE=work has. */
struct url {
    char *url;
    char *kind;                    /* "home", "work", NULL when unknown */
};

struct url_list {
    struct url *items;
    size_t len;
    size_t cap;
};

void address_clear(struct address *a);
/* Appends a copy of a; 0, or -1 when out of memory. */
int address_list_push(struct address_list *list, const struct address *a);
/* The index of an address with the same parts (kind aside), or -1. */
long address_list_find(const struct address_list *list,
                       const struct address *a);
/* True when every part is empty. */
bool address_empty(const struct address *a);
/* The same parts, kind aside (blanks around parts and case ignored). */
bool address_same_place(const struct address *a, const struct address *b);
bool address_list_same(const struct address_list *a,
                       const struct address_list *b);
int address_list_copy(struct address_list *dst,
                      const struct address_list *src);
void address_list_clear(struct address_list *list);
/* Removes items [at]; the rest keep their order. */
void address_list_remove(struct address_list *list, size_t at);

/* Reads "[KIND:]STREET; LOCALITY; REGION; CODE; COUNTRY", or the seven
 * parts of vCard's ADR when seven are given (PO BOX; EXTENDED; STREET;
 * ...), into out; a part may hold "\;". KIND is home or work. Returns
 * -1 when out of memory, 0 otherwise (an empty text gives an empty
 * address). */
int address_parse(const char *text, struct address *out);
/* What address_parse reads back. Free it; NULL when out of memory. */
char *address_format(const struct address *a);
/* "1 Main St, 62701 Springfield, IL, USA (work)": for people. Free it. */
char *address_describe(const struct address *a);

/* The kind other programs' words give: a vCard TYPE list ("home,pref"),
 * a CSV header or label ("Business Street", "Work", "Personal"): "home",
 * "work", or NULL when no word names one. */
const char *address_kind_guess(const char *text);
/* The kind's name for people, translated. */
const char *address_kind_label(const char *kind);

int url_list_push(struct url_list *list, const char *url, const char *kind);
/* The index of url (exact bytes), or -1. */
long url_list_find(const struct url_list *list, const char *url);
/* Adds url unless the list has it; when it has it without a kind, gives
 * it this kind. 1 when the list changed, 0 when not, -1 out of memory. */
int url_list_merge(struct url_list *list, const char *url, const char *kind);
/* Removes url (surrounding blanks ignored); returns how many went. */
size_t url_list_drop(struct url_list *list, const char *url);
bool url_list_same(const struct url_list *a, const struct url_list *b);
int url_list_copy(struct url_list *dst, const struct url_list *src);
void url_list_clear(struct url_list *list);
/* Reads "[KIND:]URL" (KIND home or work; "https:" is no kind) into a
 * new *url and the kind's key. 0, or -1 when out of memory. */
int url_parse(const char *text, char **url, const char **kind);
/* "work:https://…", or the address alone. Free it. */
char *url_format(const struct url *u);
/* "https://… (work), https://…": for people. Free it. */
char *url_list_describe(const struct url_list *list, const char *sep);

#endif
