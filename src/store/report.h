/* The counts behind a report. */
#ifndef RAPPORT_STORE_REPORT_H
#define RAPPORT_STORE_REPORT_H

#include <time.h>

#include "model/report.h"
#include "model/stage.h"
#include "store/store.h"

enum store_status store_report(struct store *st,
                               const int stage_cadence[STAGE_COUNT],
                               time_t now, struct report *out);

#endif
