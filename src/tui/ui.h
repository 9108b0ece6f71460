/* The TUI (SPEC §3). */
#ifndef RAPPORT_UI_H
#define RAPPORT_UI_H

#include "core/app.h"

/* Runs the TUI until the user quits; returns an exit status. */
int ui_run(struct app *app);

#endif
