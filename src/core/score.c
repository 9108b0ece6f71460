/* Satisfaction: 0-10 scores, and NPS over the latest score of each
 * contact in a group: who promotes (9-10) and who detracts (0-6) is
 * decided here only. Uses store/ and below. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "core/score.h"
#include "base/text.h"
#include "model/score.h"
#include "store/score.h"

int score_parse(const char *text)
{
    if (!text || !*text)
        return -1;
    int value = 0;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9' || p - text > 1)
            return -1;
        value = value * 10 + (*p - '0');
    }
    return value <= 10 ? value : -1;
}

enum store_status score_add(struct store *st, int64_t contact_id, int value,
                            const char *comment, time_t now, int64_t *id)
{
    if (value < 0 || value > 10)
        return store_fail(st, STORE_INVALID,
                          _("score: expected a whole number from 0 to 10"));
    if (comment && !text_is_utf8(comment))
        return store_fail(st, STORE_INVALID,
                          _("comment: not valid UTF-8"));
    char shown[16];
    if (text_find_control(comment, false, shown, sizeof shown))
        return store_fail(st, STORE_INVALID,
                          _("%s: holds the control character %s, which a terminal would take as a command; remove it"),
                          _("comment"), shown);
    struct score s = { .contact_id = contact_id, .at = now, .value = value };
    if (comment) {
        s.comment = strdup(comment);
        if (!s.comment)
            return store_fail(st, STORE_FAILED, _("out of memory"));
        text_trim(s.comment);
        if (!*s.comment) {
            free(s.comment);
            s.comment = NULL;
        }
    }
    enum store_status rc = store_score_add(st, &s, now);
    if (rc == STORE_OK && id)
        *id = s.id;
    free(s.comment);
    return rc;
}

void score_nps_count(struct nps *n, int value, int64_t contacts)
{
    n->answered += (int)contacts;
    if (value >= SCORE_PROMOTER_MIN)
        n->promoters += (int)contacts;
    else if (value <= SCORE_DETRACTOR_MAX)
        n->detractors += (int)contacts;
}

bool score_nps(const struct nps *n, double *value)
{
    if (n->answered <= 0)
        return false;
    *value = 100.0 * (n->promoters - n->detractors) / n->answered;
    return true;
}
