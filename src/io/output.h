/* Writing an export's file safely (output.c), private to io/. Uses
 * core/ and below. */
#ifndef RAPPORT_IO_OUTPUT_H
#define RAPPORT_IO_OUTPUT_H

#include <stdio.h>

#include "store/store.h"

/* Where an export goes: standard output, a pipe or device written in
 * place, or a private temporary file in the target's folder that is
 * renamed over the target's name once everything was written. */
struct io_output {
    FILE *out;
    int dir;            /* the target's folder (O_PATH), or -1 */
    char *name;         /* the target's name in dir */
    char *tmp;          /* the temporary file's name in dir, or NULL */
};

/* "cannot write PATH: error" into store_error(st). */
enum store_status io_output_fail(struct store *st, const char *path,
                                 int err);
/* Opens what path names for the export; on failure nothing is left
 * open or allocated in o. */
enum store_status io_output_open(struct store *st, const char *path,
                                 struct io_output *o);
/* Finishes the export: flushes it, and for a file makes it durable and
 * puts it in place (or removes it when rc is already a failure); frees
 * o and returns rc or the first failure. */
enum store_status io_output_close(struct store *st, const char *path,
                                  struct io_output *o, enum store_status rc);

#endif
