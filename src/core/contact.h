/* Contacts: adding, editing, finding, archiving and forgetting people.
 * Uses store/ and below. */
#ifndef RAPPORT_CONTACT_H
#define RAPPORT_CONTACT_H

#include "model/contact.h"
#include "store/store.h"

/* The most emails, phone numbers or tags one contact keeps. A person
 * has a handful; a file with thousands on one card is a mistake or an
 * attack, and every stored one is searched and shown. */
#define CONTACT_LIST_MAX 100

/* An empty contact: end user, stage cadence, no fields. */
void contact_init(struct contact *c);

/* Resolves what a user typed for CONTACT: an id ("12" or "#12") or an
 * unambiguous part of a name, case- and accent-insensitive. Ambiguity is
 * STORE_AMBIGUOUS with a message that lists the candidates. */
enum store_status contact_resolve(struct store *st, const char *ref,
                                  bool include_archived, struct contact *out);

/* Validates (a name; valid UTF-8; emails with one '@'; phone, address and web page kinds
 * rapport knows; no control characters, tabs and line breaks aside in
 * projects and goals; no line breaks in one-line fields; at most
 * CONTACT_LIST_MAX of each list), trims, and stores. */
enum store_status contact_add(struct store *st, struct contact *c, time_t now);
/* Same checks; STORE_CONFLICT when someone else changed it meanwhile.
 * An edit that leaves every field as stored writes nothing, so it leaves
 * no undo step and does not bump the version; it is still STORE_OK. */
enum store_status contact_update(struct store *st, struct contact *c,
                                 time_t now);
/* contact_update that also says in *changed whether anything was
 * written, for front ends that report "nothing to change". */
enum store_status contact_update_changed(struct store *st, struct contact *c,
                                         time_t now, bool *changed);
/* Removes value from one of c's lists (emails, tags; phones go with
 * phone_list_drop), ignoring
 * case and surrounding blanks as they are stored; returns how many items
 * went, 0 when the contact had no such value. */
size_t contact_list_drop(struct strlist *list, const char *value);
enum store_status contact_archive(struct store *st, int64_t id, time_t now);
enum store_status contact_unarchive(struct store *st, int64_t id, time_t now);
/* Erases the person completely (SPEC §2 Privacy); cannot be undone. */
enum store_status contact_forget(struct store *st, int64_t id);

/* "#12 Zoë Ødegård", safe for a terminal: how messages name a contact
 * (SPEC §4), so the next command can refer to it. Free it; NULL when
 * out of memory. */
char *contact_label(const struct contact *c);

/* How many roles there are: user, decision-maker. */
#define CONTACT_ROLE_COUNT 2

/* "user", "decision-maker", "both", or several joined by ';' or ','
 * ("user;decision-maker", as CSV writes them) -> role bits; -1 when
 * unknown. */
int contact_parse_role(const char *text);
/* The words of the roles in `roles`, user's first: how CSV (joined by
 * ';') and JSON (an array) write them, and contact_parse_role reads
 * them back. Returns how many it put in keys. */
size_t contact_role_keys(unsigned roles,
                         const char *keys[CONTACT_ROLE_COUNT]);
/* "user", "decision-maker", "user, decision-maker", "" (translated). */
const char *contact_roles_label(unsigned roles);
/* Checks an email address's shape: one '@', something either side. */
bool contact_email_valid(const char *email);

#endif
