/* A contact record: its last interaction, clearing and copying it, the
 * names of its kept properties. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/contact.h"

void contact_clear(struct contact *c)
{
    if (!c)
        return;
    free(c->name);
    free(c->org);
    free(c->department);
    free(c->title);
    free(c->projects);
    free(c->goals);
    free(c->channel);
    free(c->owner);
    strlist_clear(&c->emails);
    phone_list_clear(&c->phones);
    strlist_clear(&c->tags);
    address_list_clear(&c->addresses);
    url_list_clear(&c->urls);
    strlist_clear(&c->extras);
    memset(c, 0, sizeof *c);
}

time_t contact_last_interaction(const struct contact *c)
{
    return c->last_touch ? c->last_touch : c->created;
}

LIST_CLEAR(contact_list_clear, contact_list, contact_clear)

static int copy_text(char **dst, const char *src)
{
    *dst = NULL;
    if (!src)
        return 0;
    *dst = strdup(src);
    return *dst ? 0 : -1;
}

static int copy_list(struct strlist *dst, const struct strlist *src)
{
    memset(dst, 0, sizeof *dst);
    for (size_t i = 0; i < src->len; i++)
        if (strlist_push(dst, src->items[i]) != 0)
            return -1;
    return 0;
}

int contact_copy(struct contact *dst, const struct contact *src)
{
    *dst = *src;
    dst->name = dst->org = dst->department = dst->title = NULL;
    dst->projects = dst->goals = dst->channel = dst->owner = NULL;
    memset(&dst->emails, 0, sizeof dst->emails);
    memset(&dst->phones, 0, sizeof dst->phones);
    memset(&dst->tags, 0, sizeof dst->tags);
    memset(&dst->addresses, 0, sizeof dst->addresses);
    memset(&dst->urls, 0, sizeof dst->urls);
    memset(&dst->extras, 0, sizeof dst->extras);
    if (copy_text(&dst->name, src->name) || copy_text(&dst->org, src->org)
        || copy_text(&dst->department, src->department)
        || copy_text(&dst->title, src->title)
        || copy_text(&dst->projects, src->projects)
        || copy_text(&dst->goals, src->goals)
        || copy_text(&dst->channel, src->channel)
        || copy_text(&dst->owner, src->owner)
        || copy_list(&dst->emails, &src->emails)
        || phone_list_copy(&dst->phones, &src->phones)
        || copy_list(&dst->tags, &src->tags)
        || address_list_copy(&dst->addresses, &src->addresses)
        || url_list_copy(&dst->urls, &src->urls)
        || copy_list(&dst->extras, &src->extras)) {
        contact_clear(dst);
        return -1;
    }
    return 0;
}

const char *contact_extra_name(const char *line, size_t *len)
{
    size_t n = strcspn(line, ";:");
    const char *dot = memchr(line, '.', n);
    const char *name = dot ? dot + 1 : line;
    *len = n - (size_t)(name - line);
    return name;
}

bool contact_extra_same_single(const char *a, const char *b)
{
    static const char *const single[] = {
        "BDAY", "ANNIVERSARY", "GENDER", "BIRTHPLACE", "DEATHPLACE",
        "DEATHDATE", "SORT-STRING", "CLASS", "X-ANNIVERSARY",
        "X-GENDER", "X-PHONETIC-FIRST-NAME", "X-PHONETIC-LAST-NAME",
        "X-ABSHOWAS", "X-EVOLUTION-FILE-AS", NULL,
    };
    size_t la, lb;
    const char *na = contact_extra_name(a, &la);
    const char *nb = contact_extra_name(b, &lb);
    if (la != lb || strncasecmp(na, nb, la) != 0)
        return false;
    for (size_t i = 0; single[i]; i++)
        if (strlen(single[i]) == la && strncasecmp(na, single[i], la) == 0)
            return true;
    return false;
}
