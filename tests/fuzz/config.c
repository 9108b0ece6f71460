/* A libFuzzer target (issue 17): the config reader (core/config.c,
 * through iniparser) reads the input as a config.ini of the user's.
 * It must neither crash, leak, nor trip a sanitizer, whatever the
 * sections, keys and values. Built with ./configure --enable-fuzzing
 * CC=clang; run by make fuzz. */
#include <config.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/strlist.h"
#include "core/config.h"

static char dir[64], path[96];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/rapport-fuzz-XXXXXX");
        if (!mkdtemp(dir))
            abort();
        snprintf(path, sizeof path, "%s/config.ini", dir);
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);
    if (fd < 0)
        abort();
    if (size > 0 && write(fd, data, size) != (ssize_t)size)
        abort();
    close(fd);
    struct config cfg;
    config_init(&cfg);
    struct strlist warnings = { 0 };
    config_load(&cfg, path, &warnings);
    for (size_t i = 0; i < warnings.len; i++)
        if (!warnings.items[i])
            abort();
    strlist_clear(&warnings);
    config_clear(&cfg);
    return 0;
}
