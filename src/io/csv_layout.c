/* The CSV layouts rapport recognises by their headers: its own, Google
 * Contacts' (today's and the older one), Thunderbird's, Apple Contacts'
 * (as its exporters write it), Outlook's, Gmail's first and Yahoo's;
 * each a row of one table naming which column feeds which field. Any
 * other header is guessed by what its columns hold. Uses base/ only. */
#include <config.h>

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "io/csv_layout.h"

/* rapport's own layout, as the export writes it (csv_write.c). A file
 * written before a column was added imports all the same: columns are
 * found by their header. Organisation was once spelt Organization. A
 * cell of Phones holds "kind:number". */
static const struct rule rapport_rules[] = {
    { "Name", F_NAME }, { "Organi[sz]ation", F_ORG },
    { "Department", F_DEPT }, { "Title", F_TITLE },
    { "Stage", F_STAGE }, { "Roles", F_ROLES }, { "Emails", F_EMAIL },
    { "Phones", F_PHONE }, { "Tags", F_TAGS }, { "Projects", F_PROJECTS },
    { "Goals", F_GOALS }, { "Channel", F_CHANNEL }, { "Cadence", F_CADENCE },
    { "Archived", F_ARCHIVED }, { "UID", F_UID }, { "Notes", F_NOTES },
    { "Addresses", F_ADDRESS }, { "Web pages", F_URL },
    { "Properties", F_EXTRA },
    { "Owner", F_OWNER },
    { NULL, F_NONE },
};
static const char *const rapport_needs[] = { "Name", "Stage", "Emails", NULL };

static const struct rule google_rules[] = {
    { "First Name", F_FIRST }, { "Middle Name", F_MIDDLE },
    { "Last Name", F_LAST }, { "Name Prefix", F_PREFIX },
    { "Name Suffix", F_SUFFIX }, { "Organization Name", F_ORG },
    { "Organization Title", F_TITLE },
    { "Organization Department", F_DEPT }, { "Notes", F_NOTES },
    { "Labels", F_TAGS }, { "E-mail * - Value", F_EMAIL },
    { "Phone * - Value", F_PHONE }, { "Phone * - Label", F_KIND },
    { "Address * - Type", F_ADR_KIND }, { "Address * - Label", F_ADR_KIND },
    { "Address * - Formatted", F_ADR_FORMATTED },
    { "Address * - Street", F_ADR_STREET }, { "Address * - City", F_ADR_LOCALITY },
    { "Address * - PO Box", F_ADR_POBOX }, { "Address * - Region", F_ADR_REGION },
    { "Address * - Postal Code", F_ADR_CODE }, { "Address * - Country", F_ADR_COUNTRY },
    { "Address * - Extended Address", F_ADR_EXT },
    { "Website * - Value", F_URL }, { "Website * - Type", F_URL_KIND },
    { "Website * - Label", F_URL_KIND },
    { "Birthday", F_BDAY }, { "Nickname", F_NICKNAME },
    { NULL, F_NONE },
};
static const char *const google_needs[] = {
    "First Name",
    "Labels|E-mail 1 - Value|Organization Name|Phone 1 - Value", NULL,
};

static const struct rule google_old_rules[] = {
    { "Name", F_NAME }, { "Given Name", F_FIRST },
    { "Additional Name", F_MIDDLE }, { "Family Name", F_LAST },
    { "Name Prefix", F_PREFIX }, { "Name Suffix", F_SUFFIX },
    { "Notes", F_NOTES }, { "Group Membership", F_TAGS },
    { "E-mail * - Value", F_EMAIL }, { "Phone * - Value", F_PHONE },
    { "Phone * - Type", F_KIND }, { "Organization 1 - Name", F_ORG }, { "Organization 1 - Title", F_TITLE },
    { "Organization 1 - Department", F_DEPT },
    { "Address * - Type", F_ADR_KIND }, { "Address * - Label", F_ADR_KIND },
    { "Address * - Formatted", F_ADR_FORMATTED },
    { "Address * - Street", F_ADR_STREET }, { "Address * - City", F_ADR_LOCALITY },
    { "Address * - PO Box", F_ADR_POBOX }, { "Address * - Region", F_ADR_REGION },
    { "Address * - Postal Code", F_ADR_CODE }, { "Address * - Country", F_ADR_COUNTRY },
    { "Address * - Extended Address", F_ADR_EXT },
    { "Website * - Value", F_URL }, { "Website * - Type", F_URL_KIND },
    { "Website * - Label", F_URL_KIND },
    { "Birthday", F_BDAY }, { "Nickname", F_NICKNAME },
    { NULL, F_NONE },
};
static const char *const google_old_needs[] = { "Name", "Given Name", NULL };

static const struct rule outlook_rules[] = {
    { "First Name", F_FIRST }, { "Middle Name", F_MIDDLE },
    { "Last Name", F_LAST }, { "Title", F_PREFIX }, { "Suffix", F_SUFFIX },
    { "Company", F_ORG }, { "Department", F_DEPT }, { "Job Title", F_TITLE },
    { "Notes", F_NOTES }, { "Categories", F_TAGS },
    { "E-mail Address", F_EMAIL }, { "E-mail ? Address", F_EMAIL },
    /* Business, Home and Other addresses, each in its columns. */
    { "* Street*", F_ADR_STREET }, { "* City", F_ADR_LOCALITY },
    { "* State", F_ADR_REGION }, { "* Postal Code", F_ADR_CODE },
    { "* Country*", F_ADR_COUNTRY }, { "* PO Box", F_ADR_POBOX },
    { "Web Page", F_URL }, { "Personal Web Page", F_URL },
    /* The header names the number's kind: Mobile Phone, Home Fax. */
    { "*Fax*", F_PHONE }, { "*Phone*", F_PHONE }, { "Pager", F_PHONE },
    { "ISDN", F_PHONE }, { "Telex", F_PHONE }, { "Callback", F_PHONE },
    { "TTY/TDD Phone", F_PHONE },
    { "Birthday", F_BDAY }, { "Anniversary", F_ANNIVERSARY },
    { NULL, F_NONE },
};
/* Outlook writes every column, E-mail Address among them; a header of
 * First Name and Company alone is another program's, read by what its
 * columns hold (The Bat!'s "E-mail" would be lost here). */
static const char *const outlook_needs[] = {
    "First Name", "E-mail Address", NULL,
};

/* Thunderbird's own export (its address book's Export, CSV): Display
 * Name, Primary and Secondary Email; its phone columns name their kind
 * ("Mobile Number", "Fax Number"). */
static const struct rule thunderbird_rules[] = {
    { "Display Name", F_NAME }, { "First Name", F_FIRST },
    { "Last Name", F_LAST }, { "Primary Email", F_EMAIL },
    { "Secondary Email", F_EMAIL }, { "Work Phone", F_PHONE },
    { "Home Phone", F_PHONE }, { "Fax Number", F_PHONE },
    { "Pager Number", F_PHONE }, { "Mobile Number", F_PHONE },
    { "Job Title", F_TITLE }, { "Department", F_DEPT },
    { "Organization", F_ORG }, { "Notes", F_NOTES },
    { "Home Address*", F_ADR_STREET }, { "Work Address*", F_ADR_STREET },
    { "* City", F_ADR_LOCALITY }, { "* State", F_ADR_REGION },
    { "* ZipCode", F_ADR_CODE }, { "* Country", F_ADR_COUNTRY },
    { "Web Page ?", F_URL },
    { "Nickname", F_NICKNAME }, { "Birth Year", F_BIRTH_YEAR },
    { "Birth Month", F_BIRTH_MONTH }, { "Birth Day", F_BIRTH_DAY },
    { NULL, F_NONE },
};
static const char *const thunderbird_needs[] = {
    "Display Name", "Primary Email", NULL,
};

/* Gmail's first export (before Google Contacts had a layout of its
 * own): Name, E-mail, Notes, and later numbered sections. */
static const struct rule gmail_oldest_rules[] = {
    { "Name", F_NAME }, { "E-mail", F_EMAIL }, { "E-mail Address", F_EMAIL },
    { "Notes", F_NOTES }, { "Section * - Email", F_EMAIL },
    { "Section * - Phone", F_PHONE }, { "Section * - Mobile", F_PHONE },
    { "Section * - Pager", F_PHONE }, { "Section * - Fax", F_PHONE },
    { "Section * - Company", F_ORG }, { "Section * - Title", F_TITLE },
    { NULL, F_NONE },
};
static const char *const gmail_oldest_needs[] = {
    "Name", "E-mail|E-mail Address", NULL,
};

/* Yahoo Mail's contacts export: First, Middle, Last, Email, Category,
 * and phone columns named by their kind alone. */
static const struct rule yahoo_rules[] = {
    { "First", F_FIRST }, { "Middle", F_MIDDLE }, { "Last", F_LAST },
    { "Email", F_EMAIL }, { "Alternate Email ?", F_EMAIL },
    { "Category", F_TAGS }, { "Home", F_PHONE }, { "Work", F_PHONE },
    { "Pager", F_PHONE }, { "Fax", F_PHONE }, { "Mobile", F_PHONE },
    { "Other", F_PHONE }, { "Yahoo! Phone", F_PHONE },
    { "Title", F_TITLE }, { "Company", F_ORG }, { "Comments", F_NOTES },
    { "Home Address", F_ADR_STREET }, { "Work Address", F_ADR_STREET },
    { "* City", F_ADR_LOCALITY }, { "* State", F_ADR_REGION },
    { "* Zip", F_ADR_CODE }, { "* Country", F_ADR_COUNTRY },
    { "Personal Website", F_URL }, { "Business Website", F_URL },
    { "Anniversary", F_ANNIVERSARY },
    { "Birthday", F_BDAY }, { "Nickname", F_NICKNAME },
    { NULL, F_NONE },
};
static const char *const yahoo_needs[] = { "First", "Last", "Email", NULL };

/* Apple Contacts writes no CSV itself; the exporters people use with it
 * write one column per labelled value ("Home Email", "iPhone"). */
static const struct rule apple_rules[] = {
    { "First Name", F_FIRST }, { "Middle Name", F_MIDDLE },
    { "Last Name", F_LAST }, { "Prefix", F_PREFIX }, { "Suffix", F_SUFFIX },
    { "Organi[sz]ation", F_ORG }, { "Company", F_ORG },
    { "Department", F_DEPT }, { "Job Title", F_TITLE },
    { "*Email*", F_EMAIL }, { "*Phone*", F_PHONE }, { "Mobile", F_PHONE },
    { "*Fax*", F_PHONE }, { "Pager", F_PHONE }, { "Note", F_NOTES },
    { "Notes", F_NOTES }, { "Groups", F_TAGS },
    { "* Street*", F_ADR_STREET }, { "* City", F_ADR_LOCALITY },
    { "* State", F_ADR_REGION }, { "* ZIP", F_ADR_CODE },
    { "* Postal Code", F_ADR_CODE }, { "* Country", F_ADR_COUNTRY },
    { "*URL*", F_URL }, { "Home Page", F_URL }, { "Homepage", F_URL },
    { "Birthday", F_BDAY }, { "Nickname", F_NICKNAME },
    { NULL, F_NONE },
};
static const char *const apple_needs[] = {
    "First Name", "Home Email|Work Email|Other Email|Email (Home)|Email (Work)",
    NULL,
};

static const struct layout layouts[] = {
    { "rapport", rapport_needs, rapport_rules, " ::: ", " ::: ", true },
    { "Google Contacts", google_needs, google_rules, " ::: ", " ::: ", false },
    { "Google Contacts (older layout)", google_old_needs, google_old_rules,
      " ::: ", " ::: ", false },
    { "Thunderbird", thunderbird_needs, thunderbird_rules, ",", ",", false },
    { "Apple Contacts", apple_needs, apple_rules, ",", ",", false },
    { "Outlook", outlook_needs, outlook_rules, ";", ";", false },
    { "Gmail (first layout)", gmail_oldest_needs, gmail_oldest_rules,
      " ::: ", ",", false },
    { "Yahoo", yahoo_needs, yahoo_rules, ",", ",", false },
};


static bool header_has(char *const *headers, size_t n, const char *alternatives)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", alternatives);
    char *save = NULL;
    for (char *alt = strtok_r(buf, "|", &save); alt;
         alt = strtok_r(NULL, "|", &save))
        for (size_t i = 0; i < n; i++)
            if (strcasecmp(text_trim(headers[i]), alt) == 0)
                return true;
    return false;
}

const struct layout *csv_find_layout(char *const *headers, size_t n)
{
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++) {
        bool all = true;
        for (const char *const *need = layouts[i].needs; *need && all; need++)
            all = header_has(headers, n, *need);
        if (all)
            return &layouts[i];
    }
    return NULL;
}

enum field csv_field_of(const struct layout *l, const char *header)
{
    for (const struct rule *r = l->rules; r->pattern; r++)
        if (fnmatch(r->pattern, header, FNM_CASEFOLD) == 0)
            return r->field;
    return F_NONE;
}

/* --map's field names. */
static const struct {
    const char *name;
    enum field field;
} map_fields[] = {
    { "name", F_NAME }, { "first", F_FIRST }, { "middle", F_MIDDLE },
    { "last", F_LAST }, { "email", F_EMAIL }, { "phone", F_PHONE },
    { "org", F_ORG }, { "organisation", F_ORG }, { "organization", F_ORG },
    { "title", F_TITLE },
    { "department", F_DEPT }, { "notes", F_NOTES }, { "note", F_NOTES },
    { "tags", F_TAGS }, { "uid", F_UID }, { "stage", F_STAGE },
    { "prefix", F_PREFIX }, { "suffix", F_SUFFIX },
    { "address", F_ADDRESS }, { "street", F_ADR_STREET },
    { "city", F_ADR_LOCALITY }, { "region", F_ADR_REGION },
    { "postcode", F_ADR_CODE }, { "country", F_ADR_COUNTRY },
    { "pobox", F_ADR_POBOX }, { "url", F_URL },
    { "birthday", F_BDAY }, { "nickname", F_NICKNAME },
    { "anniversary", F_ANNIVERSARY },
};


enum field csv_map_field(const char *key)
{
    for (size_t i = 0; i < sizeof map_fields / sizeof map_fields[0]; i++)
        if (strcasecmp(key, map_fields[i].name) == 0)
            return map_fields[i].field;
    return F_NONE;
}

const char *csv_field_key(enum field f)
{
    for (size_t i = 0; i < sizeof map_fields / sizeof map_fields[0]; i++)
        if (map_fields[i].field == f)
            return map_fields[i].name;
    return "?";
}

bool csv_looks_like_phone(const char *s)
{
    size_t digits = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9')
            digits++;
        else if (!strchr("+-.()/ ", *s))
            return false;
    }
    return digits >= 5;
}

/* Whether the header, folded, holds one of words (a '|'-list). */
static bool says(const char *folded, const char *words)
{
    char buf[160];
    snprintf(buf, sizeof buf, "%s", words);
    char *save = NULL;
    for (char *w = strtok_r(buf, "|", &save); w; w = strtok_r(NULL, "|", &save))
        if (strstr(folded, w))
            return true;
    return false;
}

/* The header's words first (they say what the column is for), then what
 * the cells hold: a column of addresses is one of emails whatever its
 * header says, a column of numbers one of phones when the header says
 * nothing else. */
static enum field by_header(const char *h)
{
    if (says(h, "mail"))
        return F_EMAIL;
    if (says(h, "phone|tel|mobile|cell|fax|pager"))
        return F_PHONE;
    if (says(h, "nick"))
        return F_NICKNAME;
    if (says(h, "birthday|date of birth|born"))
        return F_BDAY;
    if (says(h, "anniversary"))
        return F_ANNIVERSARY;
    if (says(h, "screen|user|file as|phonetic"))
        return F_NONE;
    if (says(h, "first|given|forename"))
        return F_FIRST;
    if (says(h, "last|family|surname"))
        return F_LAST;
    if (says(h, "middle|additional"))
        return F_MIDDLE;
    if (says(h, "company|organi|employer|institution|affiliation"))
        return F_ORG;
    if (says(h, "department|dept"))
        return F_DEPT;
    if (says(h, "job|position|title"))
        return F_TITLE;
    if (says(h, "web|url|homepage|site"))
        return F_URL;
    if (says(h, "street|address"))
        return F_ADR_STREET;
    if (says(h, "city|town|locality"))
        return F_ADR_LOCALITY;
    if (says(h, "zip|postal|postcode"))
        return F_ADR_CODE;
    if (says(h, "country"))
        return F_ADR_COUNTRY;
    if (says(h, "state|region|province|county"))
        return F_ADR_REGION;
    if (says(h, "name|contact|person|who"))
        return F_NAME;
    if (says(h, "note|comment|remark"))
        return F_NOTES;
    if (says(h, "tag|categor|group|label|list"))
        return F_TAGS;
    return F_NONE;
}

enum field csv_guess_field(const char *header,
                           const struct csv_column_stats *st)
{
    if (st->filled > 0 && st->emails * 2 > st->filled)
        return F_EMAIL;
    char *h = text_fold(header);
    enum field f = h ? by_header(h) : F_NONE;
    free(h);
    if (f == F_NONE && st->filled > 0 && st->phones * 2 > st->filled)
        return F_PHONE;
    /* A column named as emails that holds none is no email column. */
    if (f == F_EMAIL && st->filled > 0 && st->emails == 0)
        return F_NONE;
    return f;
}
