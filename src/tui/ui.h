/* The TUI (SPEC §3): ui_run is all the rest of rapport sees of it.
 *
 * The files of tui/, bottom to top. A file includes the headers of its
 * own row and of the rows listed before it, never of a row listed after
 * it (within a row, the left file comes first):
 *
 *   keys.c           the action table, default keys, key names, [keys]
 *   session.h        struct ui: what every part of the TUI shares
 *   draw.c color.c input.c
 *                    drawing text, dates and the message line; colours;
 *                    keys from the terminal, raw mode, the stop signals
 *   line.c complete.c
 *                    the one-line editor; Tab completion
 *   prompt.c         questions on the bottom line
 *   editor.c external.c shell.c
 *                    the multi-line editor; $VISUAL / $EDITOR; `!`
 *   form.c           forms of one-line fields
 *   tags.c list.c source.c season_source.c mail_source.c
 *                    tagged rows; the windowed list; the store's pages
 *                    as its rows
 *   contact_form.c act.c act_note.c act_score.c act_pause.c mail_act.c
 *   tagged.c
 *                    adding and editing a contact; the shared actions;
 *                    a note edited or deleted, a score, a paused cadence;
 *                    the ways out of Needs review; an action on every
 *                    tagged row
 *   view.c           what a screen is (struct ui_view) and their stack
 *   contact_lines.c  the Contact screen's page, item by item
 *   views.h review.c pipeline.c contacts.c contact.c
 *                    one file per screen, each a table of callbacks
 *   organisations.c organisation.c reports.c
 *                    more screens: organisations, one organisation, and
 *                    the reports' charts
 *   help.c ui.c      the help overlay; the frame, dispatch, main loop
 *
 * So nothing below the screens includes tui/views.h; a screen that
 * opens another pushes it itself; a prompt that needs the whole screen
 * redrawn after a resize calls ui_repaint, which ui.c registers.
 * Everything in tui/ may use the layers below it (io/, core/, store/,
 * model/, base/), never cli/. */
#ifndef RAPPORT_UI_H
#define RAPPORT_UI_H

#include "core/app.h"

/* Runs the TUI until the user quits; returns an exit status. */
int ui_run(struct app *app);

#endif
