/* Contacts: validation of what people type, resolving a CONTACT
 * argument, archiving and forgetting. The storage does the writing.
 * Uses store/ and below. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/contact.h"
#include "base/i18n.h"
#include "base/text.h"
#include "store/contact.h"
#include "store/forget.h"
#include "store/search.h"

/* How many candidates an ambiguity message lists. */
#define CANDIDATES_SHOWN 8

void contact_init(struct contact *c)
{
    memset(c, 0, sizeof *c);
    c->stage = STAGE_END_USER;
    c->cadence_days = -1;
    c->roles = ROLE_USER;
}

/* The role words (SPEC §1), as files and scripts read and write them;
 * the first of each row is the one written. The rows of one role come
 * first, one per role, in the order they are written. */
static const struct {
    unsigned bits;
    const char *words[4];
} role_words[] = {
    { ROLE_USER, { "user", NULL } },
    { ROLE_DECISION_MAKER,
      { "decision-maker", "decision maker", "decisionmaker", "dm" } },
    { ROLE_USER | ROLE_DECISION_MAKER, { "both", NULL } },
};
#define ROLE_WORDS (sizeof role_words / sizeof role_words[0])

/* One word's bits; -1 when it is no role. */
static int parse_one_role(const char *word, size_t len)
{
    for (size_t i = 0; i < ROLE_WORDS; i++)
        for (size_t w = 0; w < 4 && role_words[i].words[w]; w++)
            if (strlen(role_words[i].words[w]) == len
                && strncasecmp(role_words[i].words[w], word, len) == 0)
                return (int)role_words[i].bits;
    return -1;
}

int contact_parse_role(const char *text)
{
    if (!text)
        return -1;
    /* "user;decision-maker", as CSV writes both, or "user, decision-maker". */
    int bits = 0;
    const char *p = text;
    do {
        p += strspn(p, " \t");
        size_t len = strcspn(p, ";,");
        size_t word = len;
        while (word > 0 && (p[word - 1] == ' ' || p[word - 1] == '\t'))
            word--;
        int one = parse_one_role(p, word);
        if (one < 0)
            return -1;
        bits |= one;
        p += len;
    } while (*p && *++p);
    return bits;
}

size_t contact_role_keys(unsigned roles,
                         const char *keys[CONTACT_ROLE_COUNT])
{
    size_t n = 0;
    /* The rows of one role each, in the order they are written. */
    for (size_t i = 0; i < CONTACT_ROLE_COUNT; i++)
        if (roles & role_words[i].bits)
            keys[n++] = role_words[i].words[0];
    return n;
}

const char *contact_roles_label(unsigned roles)
{
    switch (roles & (ROLE_USER | ROLE_DECISION_MAKER)) {
    case ROLE_USER:
        return _("user");
    case ROLE_DECISION_MAKER:
        return _("decision-maker");
    case ROLE_USER | ROLE_DECISION_MAKER:
        return _("user, decision-maker");
    default:
        return "";
    }
}

bool contact_email_valid(const char *email)
{
    if (!email)
        return false;
    const char *at = strchr(email, '@');
    if (!at || at == email || !at[1] || strchr(at + 1, '@'))
        return false;
    for (const char *p = email; *p; p++)
        if (isspace((unsigned char)*p) || (unsigned char)*p < 0x20)
            return false;
    return true;
}

char *contact_label(const struct contact *c)
{
    char *name = text_sanitize(c->name ? c->name : "", false);
    char *label = NULL;
    if (name && asprintf(&label, "#%lld %s", (long long)c->id, name) < 0)
        label = NULL;
    free(name);
    return label;
}

/* An id as people type it: "12" or "#12". Returns 0 when ref is none. */
static int64_t parse_id(const char *ref)
{
    if (*ref == '#')
        ref++;
    if (!*ref)
        return 0;
    char *end;
    errno = 0;
    long long id = strtoll(ref, &end, 10);
    if (errno || *end || id <= 0 || !isdigit((unsigned char)*ref))
        return 0;
    return id;
}

enum store_status contact_resolve(struct store *st, const char *ref,
                                  bool include_archived, struct contact *out)
{
    char *needle = strdup(ref ? ref : "");
    if (!needle)
        return store_fail(st, STORE_FAILED, _("out of memory"));
    text_trim(needle);
    enum store_status rc;
    if (!*needle) {
        rc = store_fail(st, STORE_INVALID, _("no contact given"));
        goto out;
    }
    int64_t id = parse_id(needle);
    if (id) {
        rc = store_contact_get(st, id, out);
        if (rc == STORE_NOT_FOUND)
            rc = store_fail(st, STORE_NOT_FOUND, _("no contact #%lld"),
                            (long long)id);
        goto out;
    }

    struct contact_list found = { 0 };
    rc = store_contact_match(st, needle, include_archived,
                             CANDIDATES_SHOWN + 1, &found);
    if (rc != STORE_OK)
        goto out;
    if (found.len == 0) {
        char *shown = text_sanitize(needle, false);
        rc = store_fail(st, STORE_NOT_FOUND, _("no contact matches \"%s\""),
                        shown);
        free(shown);
    } else {
        /* A name typed in full picks that contact even when it is also
         * part of longer names ("Ann" among "Ann" and "Anna"). */
        size_t pick = found.len == 1 ? 0 : found.len;
        if (found.len > 1) {
            char *key = text_fold(needle);
            size_t exact = 0, at = 0;
            for (size_t i = 0; i < found.len; i++) {
                char *name = text_fold(found.items[i].name);
                if (strcmp(name, key) == 0) {
                    exact++;
                    at = i;
                }
                free(name);
            }
            free(key);
            if (exact == 1)
                pick = at;
        }
        if (pick < found.len) {
            *out = found.items[pick];
            memset(&found.items[pick], 0, sizeof found.items[pick]);
            /* A match comes from a list's window: the details too, as
             * an id would give them. */
            rc = store_contact_read_details(st, out);
            if (rc != STORE_OK)
                contact_clear(out);
        } else {
            struct strlist names = { 0 };
            for (size_t i = 0; i < found.len && i < CANDIDATES_SHOWN; i++) {
                char *name = text_sanitize(found.items[i].name, false);
                strlist_pushf(&names, "#%lld %s",
                              (long long)found.items[i].id, name);
                free(name);
            }
            if (found.more || found.len > CANDIDATES_SHOWN)
                strlist_push(&names, "…");
            char *list = strlist_join(&names, ", ");
            char *shown = text_sanitize(needle, false);
            rc = store_fail(st, STORE_AMBIGUOUS,
                            _("\"%s\" matches several contacts: %s"), shown,
                            list ? list : "");
            free(shown);
            free(list);
            strlist_clear(&names);
        }
    }
    contact_list_clear(&found);
out:
    free(needle);
    return rc;
}

/* Refuses a control character (SPEC §8): shown later, a terminal would
 * take it as a command. Tabs and line breaks are text in multi-line
 * fields; the bidirectional overrides are data, shown as placeholders. */
static enum store_status refuse_controls(struct store *st, const char *text,
                                         const char *what, bool multi_line)
{
    char shown[16];
    if (!text_find_control(text, multi_line, shown, sizeof shown))
        return STORE_OK;
    return store_fail(st, STORE_INVALID,
                      _("%s: holds the control character %s, which a terminal would take as a command; remove it"),
                      what, shown);
}

/* Trims a one-line field in place; NULL for an empty one. */
static enum store_status clean_line(struct store *st, char **field,
                                    const char *what, bool required)
{
    if (*field) {
        text_trim(*field);
        if (!**field) {
            free(*field);
            *field = NULL;
        }
    }
    if (!*field)
        return required ? store_fail(st, STORE_INVALID,
                                     _("%s: must not be empty"), what)
                        : STORE_OK;
    if (!text_is_utf8(*field))
        return store_fail(st, STORE_INVALID, _("%s: not valid UTF-8"), what);
    if (strpbrk(*field, "\r\n"))
        return store_fail(st, STORE_INVALID, _("%s: must be one line"), what);
    return refuse_controls(st, *field, what, false);
}

static enum store_status clean_text(struct store *st, char **field,
                                    const char *what)
{
    if (*field && !text_is_utf8(*field))
        return store_fail(st, STORE_INVALID, _("%s: not valid UTF-8"), what);
    if (*field) {
        text_trim(*field);
        if (!**field) {
            free(*field);
            *field = NULL;
        }
    }
    return refuse_controls(st, *field, what, true);
}

/* Trims every item, drops empty ones and repeats (case-insensitive);
 * `separated` refuses items holding the list separators. */
static enum store_status clean_list(struct store *st, struct strlist *list,
                                    const char *what, bool separated)
{
    struct strlist kept = { 0 };
    enum store_status rc = STORE_OK;
    for (size_t i = 0; i < list->len && rc == STORE_OK; i++) {
        char *item = list->items[i];
        text_trim(item);
        if (!*item || strlist_contains(&kept, item))
            continue;
        if (!text_is_utf8(item))
            rc = store_fail(st, STORE_INVALID, _("%s: not valid UTF-8"), what);
        else if (strpbrk(item, "\r\n"))
            rc = store_fail(st, STORE_INVALID, _("%s: must be one line"), what);
        else if (text_find_control(item, false, NULL, 0))
            rc = refuse_controls(st, item, what, false);
        /* A semicolon separates tags wherever they are one text: CSV
         * cells, rapport list, the form's field. */
        else if (separated && strchr(item, ';')) {
            char *shown = text_sanitize(item, false);
            rc = store_fail(st, STORE_INVALID,
                            _("%s: \"%s\" holds a semicolon, which separates the items of a list; give each one on its own"),
                            what, shown);
            free(shown);
        }
        else if (strlist_push(&kept, item) != 0)
            rc = store_fail(st, STORE_FAILED, _("out of memory"));
    }
    if (rc != STORE_OK) {
        strlist_clear(&kept);
        return rc;
    }
    strlist_clear(list);
    *list = kept;
    return STORE_OK;
}

/* Trims every number, drops empty ones and repeats (a repeat gives its
 * kind to a first one without), and checks kinds against the known ones. */
static enum store_status clean_phones(struct store *st, struct phone_list *list)
{
    struct phone_list kept = { 0 };
    enum store_status rc = STORE_OK;
    for (size_t i = 0; i < list->len && rc == STORE_OK; i++) {
        struct phone *p = &list->items[i];
        text_trim(p->number);
        const char *kind = p->kind && *p->kind ? phone_kind_find(p->kind) : NULL;
        if (!*p->number)
            continue;
        if (!text_is_utf8(p->number))
            rc = store_fail(st, STORE_INVALID, _("%s: not valid UTF-8"), _("phone"));
        else if (strpbrk(p->number, "\r\n"))
            rc = store_fail(st, STORE_INVALID, _("%s: must be one line"), _("phone"));
        else if (text_find_control(p->number, false, NULL, 0))
            rc = refuse_controls(st, p->number, _("phone"), false);
        else if (p->kind && *p->kind && !kind) {
            char *shown = text_sanitize(p->kind, false);
            rc = store_fail(st, STORE_INVALID,
                            _("phone: \"%s\" is not a kind of number (expected %s)"),
                            shown, phone_kind_keys());
            free(shown);
        } else if (phone_list_merge(&kept, p->number, kind) < 0)
            rc = store_fail(st, STORE_FAILED, _("out of memory"));
    }
    if (rc != STORE_OK) {
        phone_list_clear(&kept);
        return rc;
    }
    phone_list_clear(list);
    *list = kept;
    return STORE_OK;
}

/* One part of an address or a web page: trimmed (NULL when empty),
 * one line of UTF-8 without control characters. */
static enum store_status clean_part(struct store *st, char **field,
                                    const char *what)
{
    return clean_line(st, field, what, false);
}

/* Trims every part, drops empty addresses and repeats (a repeat gives
 * its kind to a first one without), and checks the kinds. */
static enum store_status clean_addresses(struct store *st,
                                         struct address_list *list)
{
    struct address_list kept = { 0 };
    enum store_status rc = STORE_OK;
    for (size_t i = 0; i < list->len && rc == STORE_OK; i++) {
        struct address *a = &list->items[i];
        for (int k = 0; k < ADDRESS_PARTS && rc == STORE_OK; k++)
            rc = clean_part(st, &a->part[k], _("address"));
        if (rc != STORE_OK || address_empty(a))
            continue;
        if (a->kind && strcmp(a->kind, "home") != 0 && strcmp(a->kind, "work") != 0) {
            char *shown = text_sanitize(a->kind, false);
            rc = store_fail(st, STORE_INVALID,
                            _("address: \"%s\" is not a kind of address (expected home or work)"),
                            shown);
            free(shown);
            continue;
        }
        long at = address_list_find(&kept, a);
        if (at >= 0) {
            if (!kept.items[at].kind && a->kind) {
                kept.items[at].kind = a->kind;
                a->kind = NULL;
            }
        } else if (address_list_push(&kept, a) != 0) {
            rc = store_fail(st, STORE_FAILED, _("out of memory"));
        }
    }
    if (rc != STORE_OK) {
        address_list_clear(&kept);
        return rc;
    }
    address_list_clear(list);
    *list = kept;
    return STORE_OK;
}

static enum store_status clean_urls(struct store *st, struct url_list *list)
{
    struct url_list kept = { 0 };
    enum store_status rc = STORE_OK;
    for (size_t i = 0; i < list->len && rc == STORE_OK; i++) {
        struct url *u = &list->items[i];
        rc = clean_part(st, &u->url, _("web page"));
        if (rc != STORE_OK || !u->url)
            continue;
        if (u->kind && strcmp(u->kind, "home") != 0 && strcmp(u->kind, "work") != 0) {
            char *shown = text_sanitize(u->kind, false);
            rc = store_fail(st, STORE_INVALID,
                            _("web page: \"%s\" is not a kind of web page (expected home or work)"),
                            shown);
            free(shown);
        } else if (url_list_merge(&kept, u->url, u->kind) < 0) {
            rc = store_fail(st, STORE_FAILED, _("out of memory"));
        }
    }
    if (rc != STORE_OK) {
        url_list_clear(&kept);
        return rc;
    }
    url_list_clear(list);
    *list = kept;
    return STORE_OK;
}

/* A property kept from a card: one content line, "NAME[;PARAMS]:value". */
static enum store_status clean_extras(struct store *st, struct strlist *list)
{
    for (size_t i = 0; i < list->len; i++) {
        const char *line = list->items[i];
        size_t name = strcspn(line, ";: ");
        enum store_status rc = STORE_OK;
        if (!text_is_utf8(line))
            rc = store_fail(st, STORE_INVALID, _("%s: not valid UTF-8"), _("property"));
        else if (strpbrk(line, "\r\n"))
            rc = store_fail(st, STORE_INVALID, _("%s: must be one line"), _("property"));
        else if (text_find_control(line, false, NULL, 0))
            rc = refuse_controls(st, line, _("property"), false);
        else if (name == 0 || (line[name] != ':' && line[name] != ';')
                 || !strchr(line + name, ':')) {
            char *shown = text_sanitize(line, false);
            rc = store_fail(st, STORE_INVALID,
                            _("property: \"%s\" is not a vCard property (expected NAME:value)"),
                            shown);
            free(shown);
        }
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

/* Counted after repeats are gone, so that only distinct items count. */
static enum store_status check_count(struct store *st, size_t n,
                                     const char *what)
{
    if (n <= CONTACT_LIST_MAX)
        return STORE_OK;
    return store_fail(st, STORE_INVALID,
                      _("%s: a contact keeps at most %d, not %zu; drop some first"),
                      what, CONTACT_LIST_MAX, n);
}

static enum store_status validate(struct store *st, struct contact *c)
{
    enum store_status rc;
    if ((rc = clean_line(st, &c->name, _("name"), true)) != STORE_OK
        || (rc = clean_line(st, &c->org, _("organisation"), false)) != STORE_OK
        || (rc = clean_line(st, &c->department, _("department"), false)) != STORE_OK
        || (rc = clean_line(st, &c->title, _("title"), false)) != STORE_OK
        || (rc = clean_line(st, &c->channel, _("channel"), false)) != STORE_OK
        || (rc = clean_line(st, &c->owner, _("owner"), false)) != STORE_OK
        || (rc = clean_text(st, &c->projects, _("projects"))) != STORE_OK
        || (rc = clean_text(st, &c->goals, _("goals"))) != STORE_OK
        || (rc = clean_list(st, &c->emails, _("email"), false)) != STORE_OK
        || (rc = clean_phones(st, &c->phones)) != STORE_OK
        || (rc = clean_list(st, &c->tags, _("tag"), true)) != STORE_OK
        || (rc = check_count(st, c->emails.len, _("email"))) != STORE_OK
        || (rc = check_count(st, c->phones.len, _("phone"))) != STORE_OK
        || (rc = check_count(st, c->tags.len, _("tag"))) != STORE_OK
        || (rc = clean_addresses(st, &c->addresses)) != STORE_OK
        || (rc = clean_urls(st, &c->urls)) != STORE_OK
        || (rc = clean_extras(st, &c->extras)) != STORE_OK
        || (rc = check_count(st, c->addresses.len, _("address"))) != STORE_OK
        || (rc = check_count(st, c->urls.len, _("web page"))) != STORE_OK
        || (rc = check_count(st, c->extras.len, _("property"))) != STORE_OK)
        return rc;
    for (size_t i = 0; i < c->emails.len; i++) {
        if (!contact_email_valid(c->emails.items[i])) {
            char *shown = text_sanitize(c->emails.items[i], false);
            rc = store_fail(st, STORE_INVALID,
                            _("email: \"%s\" is not an address (expected name@domain)"),
                            shown);
            free(shown);
            return rc;
        }
    }
    if ((unsigned)c->stage >= STAGE_COUNT)
        return store_fail(st, STORE_INVALID, _("stage: unknown stage"));
    if (c->cadence_days < -1)
        return store_fail(st, STORE_INVALID,
                          _("cadence: expected a number of days, off or default"));
    c->roles &= ROLE_USER | ROLE_DECISION_MAKER;
    return STORE_OK;
}

enum store_status contact_add(struct store *st, struct contact *c, time_t now)
{
    enum store_status rc = validate(st, c);
    return rc != STORE_OK ? rc : store_contact_add(st, c, now);
}

/* Exact, in order: the storage keeps the order people gave. */
static bool same_list(const struct strlist *a, const struct strlist *b)
{
    if (a->len != b->len)
        return false;
    for (size_t i = 0; i < a->len; i++)
        if (strcmp(a->items[i], b->items[i]) != 0)
            return false;
    return true;
}

/* The fields store_contact_update writes, and nothing else. */
static bool same_fields(const struct contact *a, const struct contact *b)
{
    return text_same(a->name, b->name) && text_same(a->org, b->org)
           && text_same(a->department, b->department)
           && text_same(a->title, b->title) && a->roles == b->roles
           && text_same(a->projects, b->projects)
           && text_same(a->goals, b->goals)
           && text_same(a->channel, b->channel)
           && text_same(a->owner, b->owner)
           && a->cadence_days == b->cadence_days
           && same_list(&a->emails, &b->emails)
           && phone_list_same(&a->phones, &b->phones)
           && same_list(&a->tags, &b->tags)
           && (!a->details
               || (address_list_same(&a->addresses, &b->addresses)
                   && url_list_same(&a->urls, &b->urls)
                   && same_list(&a->extras, &b->extras)));
}

enum store_status contact_update_changed(struct store *st, struct contact *c,
                                         time_t now, bool *changed)
{
    if (changed)
        *changed = false;
    enum store_status rc = validate(st, c);
    if (rc != STORE_OK)
        return rc;
    /* Compared after validate, so a value that differs only in blanks
     * or a repeated tag counts as no change. Even when someone else
     * wrote meanwhile, an edit that matches what is stored now has
     * nothing left to say: no conflict to report. */
    struct contact stored = { 0 };
    rc = store_contact_get(st, c->id, &stored);
    bool same = rc == STORE_OK && same_fields(c, &stored);
    contact_clear(&stored);
    if (same)
        return STORE_OK;
    rc = store_contact_update(st, c, now);
    if (rc == STORE_OK && changed)
        *changed = true;
    return rc;
}

enum store_status contact_update(struct store *st, struct contact *c,
                                 time_t now)
{
    return contact_update_changed(st, c, now, NULL);
}

size_t contact_list_drop(struct strlist *list, const char *value)
{
    char *want = strdup(value ? value : "");
    if (!want)
        return 0;
    text_trim(want);
    size_t kept = 0, dropped = 0;
    for (size_t i = 0; i < list->len; i++) {
        if (*want && strcasecmp(list->items[i], want) == 0) {
            free(list->items[i]);
            dropped++;
        } else {
            list->items[kept++] = list->items[i];
        }
    }
    list->len = kept;
    free(want);
    return dropped;
}

static enum store_status set_archived(struct store *st, int64_t id,
                                      bool archived, time_t now)
{
    struct contact c = { 0 };
    enum store_status rc = store_contact_get(st, id, &c);
    if (rc != STORE_OK)
        return rc;
    if (c.archived == archived) {
        char *who = contact_label(&c);
        rc = store_fail(st, STORE_INVALID,
                        archived ? _("%s is already archived")
                                 : _("%s is not archived"), who ? who : "");
        free(who);
    } else {
        rc = store_contact_set_archived(st, id, archived, now);
    }
    contact_clear(&c);
    return rc;
}

enum store_status contact_archive(struct store *st, int64_t id, time_t now)
{
    return set_archived(st, id, true, now);
}

enum store_status contact_unarchive(struct store *st, int64_t id, time_t now)
{
    return set_archived(st, id, false, now);
}

enum store_status contact_forget(struct store *st, int64_t id)
{
    return store_contact_forget(st, id);
}
