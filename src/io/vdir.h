/* vdirs (vdirsyncer's storage format, which khard and todoman read): a
 * folder of files, one contact (.vcf) or one task (.ics) each. Opening
 * one safely and listing its files (vdir.c), private to io/. Uses io/. */
#ifndef RAPPORT_IO_VDIR_H
#define RAPPORT_IO_VDIR_H

#include <stdbool.h>

#include "base/strlist.h"
#include "store/store.h"

/* Opens the folder path names (made 0700 when create and it does not
 * exist) without following another user's link on the way, and
 * refuses one that is another user's: rapport writes there and
 * removes its own files. Returns its descriptor in *dir. */
enum store_status io_vdir_open(struct store *st, const char *path, bool create,
                               int *dir);
/* The names in dir ending in ext (".vcf", ".ics"; NULL: either), hidden
 * ones aside, sorted. */
enum store_status io_vdir_list(struct store *st, const char *path, int dir,
                               const char *ext, struct strlist *names);
/* "PATH/NAME" for messages. New string, NULL when out of memory. */
char *io_vdir_file(const char *path, const char *name);

#endif
