/* Reports: the numbers behind the funnel, NPS and workload. The storage
 * computes them with indexed queries; this is the front ends' door. */
#include <config.h>

#include "core/report.h"
#include "store/report.h"

enum store_status report_build(struct store *st,
                               const int stage_cadence[STAGE_COUNT],
                               time_t now, struct report *out)
{
    return store_report(st, stage_cadence, now, out);
}
