/* A backup of the whole file. Uses store/store.h. */
#ifndef RAPPORT_STORE_BACKUP_H
#define RAPPORT_STORE_BACKUP_H

#include "store/store.h"

/* An online, consistent copy through SQLite's backup API (0600). */
enum store_status store_backup(struct store *st, const char *path);

#endif
