/* Colours: the config's [colors] items turned into curses attributes,
 * with a monochrome fallback and NO_COLOR honoured. May use
 * tui/session.h and the layers below tui/. */
#ifndef RAPPORT_UI_COLOR_H
#define RAPPORT_UI_COLOR_H

#include "base/strlist.h"
#include "tui/session.h"

/* Fills ui->attr from the defaults and [colors]; what cannot be used is
 * appended to warnings and the default kept. Call after curses started. */
void ui_color_setup(struct ui *ui, struct strlist *warnings);

#endif
