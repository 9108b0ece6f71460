/* A small TAP producer for rapport's C unit tests: each check is one
 * "ok N - name" line, so every assertion counts on its own. */
#ifndef RAPPORT_TEST_TAP_H
#define RAPPORT_TEST_TAP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_count;
static int tap_failed;

static inline void tap_ok(int passed, const char *file, int line,
                          const char *name)
{
    tap_count++;
    if (!passed)
        tap_failed++;
    printf("%sok %d - %s\n", passed ? "" : "not ", tap_count, name);
    if (!passed)
        printf("# failed at %s:%d\n", file, line);
    fflush(stdout);
}

#define ok(cond, name) tap_ok(!!(cond), __FILE__, __LINE__, (name))

#define is_int(got, want, name) do {                                   \
        long long got_ = (long long)(got), want_ = (long long)(want);  \
        tap_ok(got_ == want_, __FILE__, __LINE__, (name));             \
        if (got_ != want_)                                             \
            printf("#   got %lld, want %lld\n", got_, want_);          \
    } while (0)

#define is_str(got, want, name) do {                                   \
        const char *got_ = (got), *want_ = (want);                     \
        int same_ = got_ && want_ ? strcmp(got_, want_) == 0           \
                                  : got_ == want_;                     \
        tap_ok(same_, __FILE__, __LINE__, (name));                     \
        if (!same_)                                                    \
            printf("#   got \"%s\", want \"%s\"\n",                    \
                   got_ ? got_ : "(null)", want_ ? want_ : "(null)");  \
    } while (0)

/* Prints the plan last (TAP allows it) and the exit status. */
static inline int tap_done(void)
{
    printf("1..%d\n", tap_count);
    return tap_failed ? 1 : 0;
}

#endif
