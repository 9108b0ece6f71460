/* A libFuzzer target (issue 17): every date and time parser of
 * base/date.c reads the input as typed text, and date_format() takes
 * it as the config's date_format pattern. None may crash or trip a
 * sanitizer, and what they accept must be a real day, time or
 * interval: a date parsed is valid, written back in ISO form it reads
 * again as the same day. Built with ./configure --enable-fuzzing
 * CC=clang; run by make fuzz. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_date(struct date d)
{
    if (!date_is_valid(d))
        abort();
    char iso[11];
    date_format_iso(d, iso);
    struct date back;
    if (date_parse_iso(iso, &back) != 0 || date_compare(back, d) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    /* Today from the first bytes too: month ends and leap days. */
    struct date today = { 2026, 12, 4 };
    if (size >= 3) {
        today.year = 1970 + data[0] % 130;
        today.month = 1 + data[1] % 12;
        today.day = 1 + data[2] % 31;
        while (!date_is_valid(today))
            today.day--;
    }
    /* And the first day of the week (0 = Monday .. 6 = Sunday). */
    int week_start = size >= 4 ? data[3] % 7 : 0;
    struct date d;
    if (date_parse(text, today, week_start, &d) == 0)
        check_date(d);
    int minutes = -7;
    if (date_parse_with_time(text, today, week_start, &d, &minutes) == 0) {
        check_date(d);
        if (minutes < -1 || minutes >= 24 * 60)
            abort();
    }
    if (date_parse_iso(text, &d) == 0)
        check_date(d);
    int t = date_parse_time(text);
    if (t < -1 || t >= 24 * 60)
        abort();
    struct interval every;
    if (date_parse_interval(text, &every) == 0) {
        if (every.count < 1 || every.count > 9999
            || (every.unit != 'd' && every.unit != 'w' && every.unit != 'm'))
            abort();
        char back[32];
        date_format_interval(every, back, sizeof back);
        struct interval again;
        if (date_parse_interval(back, &again) != 0 || again.count != every.count
            || again.unit != every.unit)
            abort();
        check_date(date_add_interval(today, every));
    }
    char out[64];
    date_format(today, text, out, sizeof out);
    if (!memchr(out, '\0', sizeof out))
        abort();
    free(text);
    return 0;
}
