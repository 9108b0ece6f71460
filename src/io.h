/* Interchange (SPEC §5): import and export formats behind one table. */
#ifndef RAPPORT_IO_H
#define RAPPORT_IO_H

#include "app.h"

/* `rapport import ...` and `rapport export ...` (argv[0] is the command
 * name); return exit statuses as cli.h defines them. */
int io_import_command(struct app *app, int argc, char **argv);
int io_export_command(struct app *app, int argc, char **argv);

#endif
