/* Cadence: how often each contact should be touched, and who has gone
 * quiet. The storage lists quiet contacts through its indexes; these
 * functions answer the same question for one contact already read,
 * with the same arithmetic (model/cadence.c). Uses store/ and below. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/cadence.h"
#include "base/date.h"
#include "model/contact.h"
#include "model/stage.h"

const int cadence_defaults[STAGE_COUNT] = {
    [STAGE_END_USER] = 0,
    [STAGE_CUSTOMER] = 45,
    [STAGE_CLIENT] = 21,
};

int64_t cadence_days_since(const struct contact *c, time_t now)
{
    struct date then = date_from_time(contact_last_interaction(c));
    struct date today = date_from_time(now);
    int64_t days = date_diff_days(today, then);
    return days > 0 ? days : 0;
}

int64_t cadence_days_overdue(const struct contact *c,
                             const int stage_cadence[STAGE_COUNT], time_t now)
{
    int days = cadence_days_for(c, stage_cadence);
    if (days == 0)
        return 0;
    /* The moment the store's list counts it quiet too. */
    time_t due = cadence_quiet_at(c, days);
    if (now <= due)
        return 0;
    /* Any part of a day past the cadence counts as a day overdue. */
    return (int64_t)((now - due + CADENCE_DAY_SECONDS - 1) / CADENCE_DAY_SECONDS);
}

bool cadence_is_quiet(const struct contact *c,
                      const int stage_cadence[STAGE_COUNT], time_t now)
{
    return cadence_days_overdue(c, stage_cadence, now) > 0;
}

int cadence_parse(const char *text, int *days)
{
    if (!text)
        return -1;
    if (strcasecmp(text, "default") == 0) {
        *days = -1;
        return 0;
    }
    if (strcasecmp(text, "off") == 0 || strcasecmp(text, "never") == 0) {
        *days = 0;
        return 0;
    }
    char *end;
    errno = 0;
    long n = strtol(text, &end, 10);
    if (errno || end == text || n < 0 || n > 3650 || text[0] == '-'
        || text[0] == '+')
        return -1;
    long per = 1;
    if (*end == 'd' || *end == 'D')
        end++;
    else if (*end == 'w' || *end == 'W')
        per = 7, end++;
    else if (*end == 'm' || *end == 'M')
        per = 30, end++;
    if (*end)
        return -1;
    *days = (int)(n * per);
    return 0;
}
