/* Where rapport keeps its files (XDG base directories). */
#ifndef RAPPORT_PATHS_H
#define RAPPORT_PATHS_H

/* $XDG_DATA_HOME/rapport/rapport.db, else ~/.local/share/rapport/rapport.db.
 * New string, or NULL when no home is known. */
char *paths_default_database(void);
/* $XDG_CONFIG_HOME/rapport/config.ini, else ~/.config/rapport/config.ini. */
char *paths_default_config(void);
/* Creates path's folder and its missing parents with mode 0700.
 * Returns 0 or -1 with errno set. */
int paths_make_parent(const char *path);
/* Expands a leading "~/" with $HOME. New string. */
char *paths_expand_home(const char *path);

#endif
