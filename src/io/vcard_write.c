/* vCard written (RFC 2426 for 3.0, RFC 6350 for 4.0): strict, folded at
 * 75 octets, rapport's own fields in X-RAPPORT-* properties (RFC 6350
 * §6.10), which other programs ignore. The reader is vcard.c. Uses
 * core/ and below. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/text.h"
#include "core/contact.h"
#include "core/stage.h"
#include "io/format.h"
#include "store/contact.h"

static void upper(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
}

/* ---- writing -------------------------------------------------------------- */

/* Writes one content line folded at 75 octets (RFC 6350 §3.2), never
 * inside a UTF-8 sequence, ended by CRLF. */
static void put_line(FILE *out, const char *line)
{
    size_t n = strlen(line), col = 0;
    for (size_t i = 0; i < n;) {
        size_t len = 1;
        unsigned char c = (unsigned char)line[i];
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        if (i + len > n)
            len = n - i;
        if (col + len > 75) {
            fputs("\r\n ", out);
            col = 1;
        }
        fwrite(line + i, 1, len, out);
        col += len;
        i += len;
    }
    fputs("\r\n", out);
}

/* RFC 6350 §3.4: backslash, comma, semicolon and newline are escaped. */
static void escape_into(struct io_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '\\': io_buf_adds(b, "\\\\"); break;
        case ',': io_buf_adds(b, "\\,"); break;
        case ';': io_buf_adds(b, "\\;"); break;
        case '\n': io_buf_adds(b, "\\n"); break;
        case '\r': break;
        default: io_buf_addc(b, *s);
        }
    }
}

static void put_prop(FILE *out, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    struct io_buf b = { 0 };
    io_buf_adds(&b, name);
    io_buf_addc(&b, ':');
    escape_into(&b, value);
    if (!b.failed)
        put_line(out, b.s);
    io_buf_free(&b);
}

static enum store_status put_note(struct io_export *ex, const struct note *n,
                                  void *arg)
{
    (void)arg;
    char stamp[32];
    struct tm tm;
    gmtime_r(&n->at, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    char name[96];
    snprintf(name, sizeof name, "NOTE;X-RAPPORT-KIND=%s;X-RAPPORT-AT=%s",
             n->kind, stamp);
    put_prop(ex->out, name, n->body);
    return STORE_OK;
}

/* "Jr.", "PhD", "III": what may follow a name after a comma. */
static bool is_suffix(const char *s)
{
    static const char *const suffixes[] = {
        "jr", "sr", "ii", "iii", "iv", "v", "vi", "phd", "md", "dds",
        "esq", "mba", "msc", "bsc", "rn", NULL,
    };
    char word[8];
    size_t n = 0;
    for (; *s && *s != ' ' && *s != ','; s++) {
        if (*s == '.')
            continue;
        if (n + 1 >= sizeof word)
            return false;
        word[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
    }
    word[n] = '\0';
    for (size_t i = 0; suffixes[i]; i++)
        if (strcmp(word, suffixes[i]) == 0)
            return true;
    return false;
}

/* N (family;given;additional;prefix;suffix, required in 3.0) from the
 * one name rapport keeps. After a comma comes either a suffix ("Ann
 * Smith, Jr.") or, as lists of people write names, the given names
 * ("Smith, Anna Maria"); without a comma the last word is the family
 * name. */
static void put_name(FILE *out, const char *name)
{
    struct io_buf n = { 0 };
    io_buf_adds(&n, "N:");
    const char *comma = strchr(name, ',');
    const char *after = comma ? comma + 1 + strspn(comma + 1, " ") : NULL;
    char *base = strndup(name, comma ? (size_t)(comma - name) : strlen(name));
    if (base)
        text_trim(base);
    if (base && after && *after && !is_suffix(after)) {
        char *given = strdup(after);
        char *space = given ? strchr(given, ' ') : NULL;
        if (space)
            *space = '\0';
        escape_into(&n, base);
        io_buf_addc(&n, ';');
        escape_into(&n, given);
        io_buf_addc(&n, ';');
        if (space)
            escape_into(&n, text_trim(space + 1));
        io_buf_adds(&n, ";;");
        free(given);
    } else if (base) {
        char *space = strrchr(base, ' ');
        if (space) {
            *space = '\0';
            escape_into(&n, space + 1);
            io_buf_addc(&n, ';');
            escape_into(&n, base);
        } else {
            escape_into(&n, base);
            io_buf_addc(&n, ';');
        }
        io_buf_adds(&n, ";;;");
        if (after)
            escape_into(&n, after);
    } else {
        n.failed = true;
    }
    free(base);
    if (!n.failed)
        put_line(out, n.s);
    io_buf_free(&n);
}

/* A contact that came without a name is named after its email,
 * organisation or phone (io/fields.c): such a name is no person's, and
 * its N stays empty, as the card had it. */
static bool named_after_detail(const struct contact *c)
{
    if (c->org && strcmp(c->org, c->name) == 0)
        return true;
    for (size_t i = 0; i < c->emails.len; i++)
        if (strcasecmp(c->emails.items[i], c->name) == 0)
            return true;
    for (size_t i = 0; i < c->phones.len; i++)
        if (strcmp(c->phones.items[i].number, c->name) == 0)
            return true;
    return false;
}

/* ORG:organisation;department, each part escaped (RFC 6350 §6.6.4). A
 * department without an organisation keeps its place: ORG:;department. */
static void put_org(FILE *out, const struct contact *c)
{
    if ((!c->org || !*c->org) && (!c->department || !*c->department))
        return;
    struct io_buf b = { 0 };
    io_buf_adds(&b, "ORG:");
    escape_into(&b, c->org);
    if (c->department && *c->department) {
        io_buf_addc(&b, ';');
        escape_into(&b, c->department);
    }
    if (!b.failed)
        put_line(out, b.s);
    io_buf_free(&b);
}

/* "TYPE=home" (4.0) or "TYPE=HOME" (3.0) after name, when kind is known. */
static void put_name_kind(char *buf, size_t size, const char *name,
                          const char *kind, bool v4)
{
    size_t n = (size_t)snprintf(buf, size, "%s", name);
    if (kind && *kind && n < size) {
        snprintf(buf + n, size - n, ";TYPE=%s", kind);
        if (!v4)
            upper(buf + n + 6);
    }
}

/* ADR;TYPE=work:pobox;extended;street;locality;region;code;country. */
static void put_addresses(FILE *out, const struct contact *c, bool v4)
{
    for (size_t i = 0; i < c->addresses.len; i++) {
        const struct address *a = &c->addresses.items[i];
        char name[48];
        put_name_kind(name, sizeof name, "ADR", a->kind, v4);
        struct io_buf b = { 0 };
        io_buf_adds(&b, name);
        io_buf_addc(&b, ':');
        for (int k = 0; k < ADDRESS_PARTS; k++) {
            if (k)
                io_buf_addc(&b, ';');
            escape_into(&b, a->part[k]);
        }
        if (!b.failed)
            put_line(out, b.s);
        io_buf_free(&b);
    }
}

/* URL is a URI (RFC 6350 §6.7.8), written as it is: escaping its
 * commas would change it. */
static void put_urls(FILE *out, const struct contact *c, bool v4)
{
    for (size_t i = 0; i < c->urls.len; i++) {
        char name[48];
        put_name_kind(name, sizeof name, "URL", c->urls.items[i].kind, v4);
        struct io_buf b = { 0 };
        io_buf_adds(&b, name);
        io_buf_addc(&b, ':');
        io_buf_adds(&b, c->urls.items[i].url);
        if (!b.failed)
            put_line(out, b.s);
        io_buf_free(&b);
    }
}

enum store_status io_vcard_put_card(struct io_export *ex,
                                    const struct contact *c)
{
    FILE *out = ex->out;
    bool v4 = ex->vcard_version == 4;
    fputs("BEGIN:VCARD\r\n", out);
    fputs(v4 ? "VERSION:4.0\r\n" : "VERSION:3.0\r\n", out);
    char *uid = NULL;
    enum store_status rc = store_contact_get_uid(ex->st, c->id, &uid);
    if (rc != STORE_OK && rc != STORE_NOT_FOUND)
        return rc;
    char made[64];
    if (!uid) {
        io_contact_uid(c, made, sizeof made);
    }
    put_prop(out, "UID", uid ? uid : made);
    free(uid);
    put_prop(out, "FN", c->name);
    if (named_after_detail(c))
        put_line(out, "N:;;;;");
    else
        put_name(out, c->name);
    put_org(out, c);
    put_prop(out, "TITLE", c->title);
    for (size_t i = 0; i < c->emails.len; i++)
        put_prop(out, v4 ? "EMAIL" : "EMAIL;TYPE=INTERNET", c->emails.items[i]);
    /* TYPE=cell, work, home, fax: abook keeps one number of each (its
     * mobile, workphone, phone and fax). A number of unknown kind is a
     * plain TEL, which abook takes for its phone; it reads no number
     * with VALUE=text or a TYPE of only VOICE. Both versions take a TEL
     * without VALUE as text (RFC 2426 §3.3.1; RFC 6350 §6.4.1 keeps text
     * as the default for backward compatibility). */
    for (size_t i = 0; i < c->phones.len; i++) {
        const struct phone *ph = &c->phones.items[i];
        char name[48] = "TEL";
        if (ph->kind && *ph->kind) {
            snprintf(name, sizeof name, "TEL;TYPE=%s", ph->kind);
            if (!v4)
                upper(name + 9);
        }
        put_prop(out, name, ph->number);
    }
    put_addresses(out, c, v4);
    put_urls(out, c, v4);
    /* The other properties of the card the contact came from, as they
     * came. */
    for (size_t i = 0; i < c->extras.len; i++)
        put_line(out, c->extras.items[i]);
    if (c->tags.len) {
        struct io_buf b = { 0 };
        io_buf_adds(&b, "CATEGORIES:");
        for (size_t i = 0; i < c->tags.len; i++) {
            if (i)
                io_buf_addc(&b, ',');
            escape_into(&b, c->tags.items[i]);
        }
        if (!b.failed)
            put_line(out, b.s);
        io_buf_free(&b);
    }
    rc = io_each_note(ex, c->id, put_note, NULL);
    if (rc != STORE_OK)
        return rc;
    put_prop(out, "X-RAPPORT-STAGE", stage_key(c->stage));
    const char *role_keys[CONTACT_ROLE_COUNT];
    size_t nroles = contact_role_keys(c->roles, role_keys);
    if (nroles > 0) {
        /* The role words as everywhere; "user,decision-maker" for both. */
        char roles[64];
        snprintf(roles, sizeof roles, "%s%s%s", role_keys[0],
                 nroles > 1 ? "," : "", nroles > 1 ? role_keys[1] : "");
        put_prop(out, "X-RAPPORT-ROLES", roles);
    }
    put_prop(out, "X-RAPPORT-PROJECTS", c->projects);
    put_prop(out, "X-RAPPORT-GOALS", c->goals);
    put_prop(out, "X-RAPPORT-CHANNEL", c->channel);
    put_prop(out, "X-RAPPORT-OWNER", c->owner);
    if (c->cadence_days != -1) {
        char days[16];
        snprintf(days, sizeof days, "%d", c->cadence_days);
        put_prop(out, "X-RAPPORT-CADENCE", days);
    }
    if (c->archived)
        put_prop(out, "X-RAPPORT-ARCHIVED", "yes");
    fputs("END:VCARD\r\n", out);
    return STORE_OK;
}

enum store_status io_vcard_export(struct io_export *ex)
{
    return io_each_contact(ex, io_vcard_put_card);
}
