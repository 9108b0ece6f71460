/* Translation macros: every user-facing string goes through _(). */
#ifndef RAPPORT_I18N_H
#define RAPPORT_I18N_H

#include <libintl.h>

#define _(text) gettext(text)
#define N_(text) (text)
/* A string marked with a context for translators, for short words that
 * mean different things in different places ("note" the key hint, "note"
 * the kind). Translate it with C_(); xgettext reads NC_:1c,2. */
#define NC_(context, text) (context "\004" text)

/* Binds rapport's text domain to its catalogues: $RAPPORT_LOCALEDIR when
 * set; the build tree's locale/ when this is the build tree's own binary;
 * else the install prefix's (LOCALEDIR). Call after setlocale(). */
void i18n_bind(void);

/* gettext of an NC_() string: the translation, or the text after the
 * context when there is none. */
static inline const char *C_(const char *marked)
{
    const char *translated = gettext(marked);
    if (translated != marked)
        return translated;
    const char *eot = marked;
    while (*eot && *eot != '\004')
        eot++;
    return *eot ? eot + 1 : marked;
}

#endif
