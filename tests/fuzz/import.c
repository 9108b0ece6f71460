/* A libFuzzer target (issue 17): the importer of FUZZ_FORMAT (vCard, CSV
 * or iCalendar) parses the input and applies it in a dry run on a real
 * store, which must neither crash, leak, nor trip a sanitizer. Built
 * with ./configure --enable-fuzzing CC=clang; run by make fuzz. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/io.h"
#include "store/store.h"

static struct store *st;
static char dir[64], input[96];

static void open_store(void)
{
    snprintf(dir, sizeof dir, "/tmp/rapport-fuzz-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    char path[96];
    snprintf(path, sizeof path, "%s/fuzz.db", dir);
    snprintf(input, sizeof input, "%s/input", dir);
    char *error = NULL;
    if (store_open(path, STORE_OPEN_CREATE, &st, &error, NULL) != STORE_OK) {
        fprintf(stderr, "fuzz: %s\n", error ? error : "cannot open the store");
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!st)
        open_store();
    FILE *f = fopen(input, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    struct io_summary sum;
    memset(&sum, 0, sizeof sum);
    io_import_file(st, input, FUZZ_FORMAT, IO_DRY_RUN, NULL, &sum);
    io_summary_clear(&sum);
    return 0;
}
