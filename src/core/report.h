/* Reports: the funnel, promotions, days per stage, NPS, workload. */
#ifndef RAPPORT_REPORT_H
#define RAPPORT_REPORT_H

#include "model/report.h"
#include "model/stage.h"
#include "store/store.h"

enum store_status report_build(struct store *st,
                               const int stage_cadence[STAGE_COUNT],
                               time_t now, struct report *out);

#endif
