/* Questions on the bottom line: a line of text, or yes/no. A prompt
 * draws only its own lines (the message above it, the question and the
 * answer); after a resize it asks ui_repaint for the rest. May use
 * tui/line.h, tui/input.h, tui/draw.h and below. */
#ifndef RAPPORT_UI_PROMPT_H
#define RAPPORT_UI_PROMPT_H

#include <stdbool.h>

#include "tui/complete.h"
#include "tui/session.h"

/* Prompts on the bottom line. A line of text, initial text allowed;
 * false when cancelled with Esc. *out is a new string. */
bool ui_prompt(struct ui *ui, const char *question, const char *initial,
               char **out);
/* ui_prompt where Tab completes the answer (tui/complete.h). */
bool ui_prompt_complete(struct ui *ui, const char *question,
                        const char *initial, enum ui_complete complete,
                        char **out);
/* What an answer came to: taken, refused (asked again, the text kept;
 * the refusal says why, e.g. with ui_message), or the end of the
 * question without an answer taken. */
enum ui_answer { UI_ANSWER_TAKEN, UI_ANSWER_AGAIN, UI_ANSWER_STOP };
/* Asks question until take accepts the answer or gives up, or Esc is
 * pressed: a refused answer keeps the prompt open with what was typed,
 * so a retyped answer is never taken as a command. *text is the answer
 * shown first (NULL: none) and the last one typed; free it. True when
 * an answer was taken. */
bool ui_ask(struct ui *ui, const char *question, char **text,
            enum ui_answer (*take)(struct ui *ui, const char *answer,
                                   void *arg),
            void *arg);
/* ui_ask where Tab completes the answer (tui/complete.h). */
bool ui_ask_complete(struct ui *ui, const char *question,
                     enum ui_complete complete, char **text,
                     enum ui_answer (*take)(struct ui *ui, const char *answer,
                                            void *arg),
                     void *arg);
/* y/n question; true for yes. */
bool ui_confirm(struct ui *ui, const char *question);

#endif
