/* Organisations: who is served and who signs off, per organisation.
 * Uses store/ and below. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "core/cursor.h"
#include "core/org.h"
#include "core/season.h"
#include "base/strlist.h"
#include "base/text.h"
#include "store/contact.h"
#include "store/org.h"

enum store_status org_page(struct store *st, const struct org *after,
                           size_t limit, struct org_list *out)
{
    return store_org_page(st, after, limit, out);
}

/* A deep copy of src into dst (cleared): 0, or -1 when out of memory. */
static int org_copy(struct org *dst, const struct org *src)
{
    *dst = *src;
    dst->name = src->name ? strdup(src->name) : NULL;
    dst->notes = src->notes ? strdup(src->notes) : NULL;
    if ((src->name && !dst->name) || (src->notes && !dst->notes)) {
        org_clear(dst);
        return -1;
    }
    return 0;
}

/* How many candidates an ambiguity message lists. */
#define CANDIDATES_SHOWN 8

/* Reads the organisations a window at a time and counts those whose
 * folded name holds key. *first gets the one to pick: the first, or the
 * first whose name is key itself. */
static enum store_status find_part(struct store *st, const char *key,
                                   struct org *first, size_t *found,
                                   size_t *exact, struct strlist *names)
{
    struct org_cursor cur;
    cursor_orgs(&cur, st);
    enum store_status rc = STORE_OK;
    for (const struct org *o; rc == STORE_OK && (o = cursor_next_org(&cur)); ) {
        char *name = text_fold(o->name);
        if (!name) {
            rc = store_fail(st, STORE_FAILED, _("out of memory"));
            break;
        }
        bool holds = strstr(name, key) != NULL;
        bool same = strcmp(name, key) == 0;
        free(name);
        if (!holds)
            continue;
        if (*found < CANDIDATES_SHOWN) {
            char *shown = text_sanitize(o->name, false);
            strlist_push(names, shown ? shown : "");
            free(shown);
        } else if (*found == CANDIDATES_SHOWN) {
            strlist_push(names, "…");
        }
        (*found)++;
        if (same)
            (*exact)++;
        if (*found == 1 || (same && *exact == 1)) {
            org_clear(first);
            if (org_copy(first, o) != 0)
                rc = store_fail(st, STORE_FAILED, _("out of memory"));
        }
    }
    enum store_status read = cursor_close_orgs(&cur);
    return rc != STORE_OK ? rc : read;
}

enum store_status org_resolve(struct store *st, const char *name,
                              struct org *out)
{
    enum store_status rc = store_org_get(st, name, 0, out);
    if (rc != STORE_NOT_FOUND)
        return rc;
    char *key = text_fold(name ? name : "");
    if (!key)
        return store_fail(st, STORE_FAILED, _("out of memory"));
    text_trim(key);
    size_t found = 0, exact = 0;
    struct strlist names = { 0 };
    struct org first = { 0 };
    rc = *key ? find_part(st, key, &first, &found, &exact, &names)
              : STORE_OK;
    free(key);
    if (rc == STORE_OK) {
        char *shown = text_sanitize(name, false);
        if (found == 0) {
            rc = store_fail(st, STORE_NOT_FOUND, _("no organisation \"%s\""),
                            shown);
        } else if (found > 1 && exact != 1) {
            char *list = strlist_join(&names, ", ");
            rc = store_fail(st, STORE_AMBIGUOUS,
                            _("\"%s\" matches several organisations: %s"),
                            shown, list ? list : "");
            free(list);
        } else {
            *out = first;
            memset(&first, 0, sizeof first);
        }
        free(shown);
    }
    org_clear(&first);
    strlist_clear(&names);
    return rc;
}

struct contact_filter org_member_filter(const struct org *org, enum role role)
{
    return (struct contact_filter){
        .stage = STAGE_NONE,
        .org = org->name,
        .role = (int)role,
    };
}

enum store_status org_members(struct store *st, const struct org *org,
                              enum role role, const struct contact *after,
                              size_t limit, struct contact_list *out)
{
    struct contact_filter filter = org_member_filter(org, role);
    return store_contact_page(st, &filter, CONTACT_SORT_NAME, after, false,
                              limit, out);
}

enum store_status org_summary_page(struct store *st, const char *text,
                                   enum org_sort sort,
                                   const struct org_summary *after,
                                   bool backward, size_t limit,
                                   struct org_summary_list *out)
{
    struct org_query q = {
        .text = text && *text ? text : NULL,
        .sort = sort,
        .promoter_min = SCORE_PROMOTER_MIN,
        .detractor_max = SCORE_DETRACTOR_MAX,
    };
    return store_org_summary_page(st, &q, after, backward, limit, out);
}

struct nps org_summary_nps(const struct org_summary *s, enum role role)
{
    struct nps n = { 0 };
    const int64_t *scores = role == ROLE_DECISION_MAKER
                                ? s->decision_maker_scores : s->user_scores;
    for (int v = 0; v < ORG_SCORE_VALUES; v++)
        if (scores[v])
            score_nps_count(&n, v, scores[v]);
    return n;
}

enum store_status org_edit(struct store *st, const struct org *org,
                           const struct org_change *change, time_t now)
{
    struct org o = *org;
    if (change->name) {
        const char *n = change->name;
        while (*n == ' ' || *n == '\t')
            n++;
        if (!*n)
            return store_fail(st, STORE_INVALID, _("an organisation needs a name"));
        if (!text_is_utf8(change->name) || strchr(change->name, '\n'))
            return store_fail(st, STORE_INVALID,
                              _("the name must be one line of UTF-8 text"));
        o.name = NULL;
    }
    if (change->notes) {
        if (!text_is_utf8(change->notes))
            return store_fail(st, STORE_INVALID, _("the notes must be UTF-8 text"));
        o.notes = NULL;
    }
    if (change->budget) {
        if (*change->budget && !season_budget_valid(change->budget))
            return store_fail(st, STORE_INVALID,
                              _("a budget date is MM-DD, such as 09-01, or none"));
        snprintf(o.budget_date, sizeof o.budget_date, "%s", change->budget);
    }
    /* The record written: the change's fields copied over the org's. */
    char *name = strdup(change->name ? change->name : org->name ? org->name : "");
    char *notes = change->notes ? strdup(change->notes)
                                : org->notes ? strdup(org->notes) : NULL;
    enum store_status rc;
    if (!name || (!notes && (change->notes || org->notes))) {
        rc = store_fail(st, STORE_FAILED, _("out of memory"));
    } else {
        o.name = name;
        o.notes = notes;
        rc = store_org_edit(st, &o, now);
    }
    free(name);
    free(notes);
    return rc;
}

enum store_status org_merge(struct store *st, int64_t from, int64_t into,
                            time_t now)
{
    return store_org_merge(st, from, into, now);
}

enum store_status org_summary_get(struct store *st, int64_t id,
                                  struct org_summary *out)
{
    struct org_query q = {
        .sort = ORG_SORT_NAME,
        .promoter_min = SCORE_PROMOTER_MIN,
        .detractor_max = SCORE_DETRACTOR_MAX,
        .only_id = id,
    };
    struct org_summary_list list;
    enum store_status rc = store_org_summary_page(st, &q, NULL, false, 1, &list);
    if (rc != STORE_OK)
        return rc;
    if (list.len == 0) {
        org_summary_list_clear(&list);
        return store_fail(st, STORE_NOT_FOUND, _("no organisation #%lld"),
                          (long long)id);
    }
    *out = list.items[0];
    free(list.items);
    return STORE_OK;
}
