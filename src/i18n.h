/* Translation macros: every user-facing string goes through _(). */
#ifndef RAPPORT_I18N_H
#define RAPPORT_I18N_H

#include <libintl.h>

#define _(text) gettext(text)
#define N_(text) (text)

#endif
