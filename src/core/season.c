/* Budget season and Ready to move up (core/season.h): the dates and
 * thresholds of [pipeline] turned into what the store reads, and the
 * words of each row's reason. Uses store/ and below. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "core/season.h"
#include "model/cadence.h"

/* ngettext takes an unsigned count. */
static unsigned long plural(int64_t n)
{
    return n < 0 ? (unsigned long)-n : (unsigned long)n;
}

static void month_day(struct date d, char out[6])
{
    unsigned m = (unsigned)d.month % 100u, day = (unsigned)d.day % 100u;
    out[0] = (char)('0' + m / 10);
    out[1] = (char)('0' + m % 10);
    out[2] = '-';
    out[3] = (char)('0' + day / 10);
    out[4] = (char)('0' + day % 10);
    out[5] = '\0';
}

void season_budget_plan(struct date today, int lead_days,
                        struct budget_season *out)
{
    memset(out, 0, sizeof *out);
    out->year = today.year;
    out->lead_days = lead_days;
    month_day(today, out->from);
    /* A lead of a year or more: every date is in season. */
    if (lead_days >= 365) {
        snprintf(out->from, sizeof out->from, "%s", "01-01");
        snprintf(out->to, sizeof out->to, "%s", "12-31");
        return;
    }
    month_day(date_add_days(today, lead_days), out->to);
}

enum store_status season_budget_page(struct store *st,
                                     const struct pipeline_thresholds *p,
                                     struct date today, const char *mine,
                                     size_t limit, struct budget_list *out)
{
    struct budget_season s;
    season_budget_plan(today, p->budget_lead_days, &s);
    s.owner = mine;
    return store_budget_page(st, &s, limit, out);
}

enum store_status season_budget_count(struct store *st,
                                      const struct pipeline_thresholds *p,
                                      struct date today, const char *mine,
                                      int64_t *count)
{
    struct budget_season s;
    season_budget_plan(today, p->budget_lead_days, &s);
    s.owner = mine;
    return store_budget_count(st, &s, count);
}

bool season_budget_valid(const char *md)
{
    int m = 0, d = 0;
    char rest;
    if (!md || strlen(md) != 5 || md[2] != '-'
        || sscanf(md, "%2d-%2d%c", &m, &d, &rest) != 2)
        return false;
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
}

struct date season_budget_due(const struct budget_entry *e, struct date today)
{
    int m = 0, d = 0;
    sscanf(e->budget_date, "%2d-%2d", &m, &d);
    char now[6];
    month_day(today, now);
    int year = strcmp(e->budget_date, now) >= 0 ? today.year : today.year + 1;
    /* 29 February of a common year is its 1 March, as SQLite reads it. */
    struct date due = { .year = year, .month = m, .day = d };
    if (!date_is_valid(due))
        due = (struct date){ .year = year, .month = 3, .day = 1 };
    return due;
}

void season_ready_rule(const struct pipeline_thresholds *p, time_t now,
                       const char *mine, struct ready_rule *out)
{
    out->owner = mine;
    out->since = now - (time_t)p->end_user_window_days * CADENCE_DAY_SECONDS;
    out->interactions = p->end_user_interactions;
    out->customer_before = now - (time_t)p->customer_min_days * CADENCE_DAY_SECONDS;
    out->touches = p->customer_min_touches;
}

enum store_status season_ready_page(struct store *st,
                                    const struct pipeline_thresholds *p,
                                    time_t now, const char *mine, size_t limit,
                                    struct suggestion_list *out)
{
    struct ready_rule r;
    season_ready_rule(p, now, mine, &r);
    return store_ready_page(st, &r, limit, out);
}

enum store_status season_ready_window(struct store *st,
                                      const struct pipeline_thresholds *p,
                                      time_t now, const char *mine,
                                      const struct suggestion *after,
                                      bool backward, size_t limit,
                                      struct suggestion_list *out)
{
    struct ready_rule r;
    season_ready_rule(p, now, mine, &r);
    return store_ready_window(st, &r, after, backward, limit, out);
}

enum store_status season_ready_count(struct store *st,
                                     const struct pipeline_thresholds *p,
                                     time_t now, const char *mine,
                                     int64_t *count)
{
    struct ready_rule r;
    season_ready_rule(p, now, mine, &r);
    return store_ready_count(st, &r, count);
}

void season_reason(const struct suggestion *s,
                   const struct pipeline_thresholds *p, time_t now,
                   char *buf, size_t size)
{
    if (s->to == STAGE_CUSTOMER) {
        char days[64];
        snprintf(days, sizeof days,
                 ngettext("%d day", "%d days", plural(p->end_user_window_days)),
                 p->end_user_window_days);
        /* TRANSLATORS: "4 interactions in 90 days". */
        snprintf(buf, size,
                 ngettext("%lld interaction in %s", "%lld interactions in %s",
                          plural(s->interactions)),
                 (long long)s->interactions, days);
        return;
    }
    int64_t since = (int64_t)(now - s->contact.stage_since) / CADENCE_DAY_SECONDS;
    char touches[64];
    snprintf(touches, sizeof touches,
             ngettext("%lld interaction", "%lld interactions", plural(s->interactions)),
             (long long)s->interactions);
    /* TRANSLATORS: "a customer for 200 days, 8 interactions, goals recorded". */
    snprintf(buf, size,
             ngettext("a customer for %lld day, %s, projects or goals recorded",
                      "a customer for %lld days, %s, projects or goals recorded",
                      plural(since)),
             (long long)since, touches);
}

enum store_status season_dismiss(struct store *st, const struct contact *c,
                                 time_t now)
{
    if (c->stage >= STAGE_CLIENT)
        return store_fail(st, STORE_INVALID,
                          _("a client has no stage to be suggested for"));
    return store_suggestion_dismiss(st, c->id, (int)c->stage + 1, now);
}
