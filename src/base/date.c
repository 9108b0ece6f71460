/* Calendar dates: the proleptic Gregorian calendar as a count of days,
 * parsing what people type for a due date, interval arithmetic and
 * formatting.
 *
 * What the words mean (date_parse), with today = Wednesday 2026-11-25
 * and weeks starting on Monday, or on Sunday ([general] week_start: only
 * the words that say "next" followed by "week" or a weekday depend on it):
 *   today, tomorrow, yesterday   the obvious days
 *   +3d -1w +2w +1m              days, weeks or months from today; months
 *                                clamp to the month's end (Jan 31 + 1m is
 *                                the last day of February)
 *   fri, friday                  the next Friday strictly after today
 *                                (Nov 27); on a Friday it is a week ahead,
 *                                as in taskwarrior and calcurse: a user who
 *                                types a weekday means one still to come,
 *                                and "today" says today
 *   next friday                  the Friday of next week (Dec 4); on the
 *                                last day of a week that is the same day
 *                                as "fri"; "next sunday" is Dec 6, or
 *                                Nov 29 when weeks start on Sunday
 *   2w, 3d, 1m                   as +2w, +3d, +1m
 *   in 2 weeks, in 3 days, in 2w the same, in words
 *   next week                    the first day of next week (Monday
 *                                Nov 30, or Sunday Nov 29)
 *   dec 15, 15 dec, 12-15        that day from today on: this year's
 *                                when still to come (or today), else
 *                                next year's (month names in English or
 *                                the locale's; 12-15 is month-day, as in
 *                                ISO, never day-month)
 *   2026-12-5                    ISO with a one-digit month or day
 *   fri 14:00, today 9:30        any of these, then a time of day, where
 *                                a follow-up is due at an hour
 *                                (date_parse_with_time)
 * Weekday names are matched in English and in the current locale's
 * language (full or abbreviated, ignoring case and accents). Anything
 * else — "friday next", "2026-02-30", "+0x", a date outside the years
 * 1..9999 — is refused rather than guessed. */
#include <config.h>

#include <ctype.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "base/text.h"

/* 0001-01-01 and 9999-12-31 as days since 1970-01-01: the range of dates
 * rapport accepts, so that a year always has four digits. */
#define DAYS_MIN (-719162)
#define DAYS_MAX 2932896

static bool is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31 };
    if (month == 2 && is_leap(year))
        return 29;
    return days[month - 1];
}

bool date_is_set(struct date d)
{
    return d.year != 0;
}

bool date_is_valid(struct date d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12
           && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

/* Counts days in 400-year eras that start on March 1st, so the leap day
 * is the last day of its "year" and every era has the same 146097 days. */
int64_t date_to_days(struct date d)
{
    int64_t y = d.year - (d.month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t year_of_era = y - era * 400;
    int64_t shifted_month = d.month > 2 ? d.month - 3 : d.month + 9;
    int64_t day_of_year = (153 * shifted_month + 2) / 5 + d.day - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4
                         - year_of_era / 100 + day_of_year;
    /* 719468 days from 0000-03-01 to 1970-01-01 */
    return era * 146097 + day_of_era - 719468;
}

struct date date_from_days(int64_t days)
{
    if (days < DAYS_MIN || days > DAYS_MAX)
        return (struct date){ 0, 0, 0 };
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t day_of_era = z - era * 146097;
    int64_t year_of_era = (day_of_era - day_of_era / 1460
                           + day_of_era / 36524 - day_of_era / 146096) / 365;
    int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4
                                        - year_of_era / 100);
    int64_t shifted_month = (5 * day_of_year + 2) / 153;
    int day = (int)(day_of_year - (153 * shifted_month + 2) / 5 + 1);
    int month = (int)(shifted_month < 10 ? shifted_month + 3
                                          : shifted_month - 9);
    int year = (int)(year_of_era + era * 400 + (month <= 2));
    return (struct date){ year, month, day };
}

struct date date_from_time(time_t when)
{
    struct tm tm;
    if (!localtime_r(&when, &tm))
        return (struct date){ 0, 0, 0 };
    return (struct date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
}

/* time(NULL) rather than a clock_gettime variant: faketime, which the
 * command-line tests use to fix "today", intercepts both. */
struct date date_today(void)
{
    return date_from_time(time(NULL));
}

time_t date_to_time(struct date d)
{
    struct tm tm = { 0 };
    tm.tm_year = d.year - 1900;
    tm.tm_mon = d.month - 1;
    tm.tm_mday = d.day;
    tm.tm_isdst = -1;
    return mktime(&tm);
}

int date_compare(struct date a, struct date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

int64_t date_diff_days(struct date later, struct date earlier)
{
    return date_to_days(later) - date_to_days(earlier);
}

/* A result outside the years 1..9999 is the unset date: callers already
 * treat that as "no date", and nothing valid is ever that far. */
struct date date_add_days(struct date d, int64_t days)
{
    if (!date_is_valid(d) || days < DAYS_MIN - DAYS_MAX
        || days > DAYS_MAX - DAYS_MIN)
        return (struct date){ 0, 0, 0 };
    return date_from_days(date_to_days(d) + days);
}

struct date date_add_months(struct date d, int months)
{
    if (!date_is_valid(d))
        return (struct date){ 0, 0, 0 };
    int64_t index = (int64_t)d.year * 12 + (d.month - 1) + months;
    int64_t year = index / 12;
    if (year < 1 || year > 9999)
        return (struct date){ 0, 0, 0 };
    struct date out = { (int)year, (int)(index % 12) + 1, d.day };
    int last = days_in_month(out.year, out.month);
    if (out.day > last)
        out.day = last;
    return out;
}

struct date date_add_interval(struct date d, struct interval every)
{
    switch (every.unit) {
    case 'd':
        return date_add_days(d, every.count);
    case 'w':
        return date_add_days(d, (int64_t)every.count * 7);
    case 'm':
        return date_add_months(d, every.count);
    default:
        return d;
    }
}

int date_weekday(struct date d)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    int64_t w = (date_to_days(d) + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

struct date date_week_first(struct date d, int week_start)
{
    if (week_start < 0 || week_start > 6)
        week_start = 0;
    return date_add_days(d, -((date_weekday(d) - week_start + 7) % 7));
}

/* Reads up to max_digits decimal digits; a longer number is refused
 * instead of overflowing. */
static int read_number(const char **p, int max_digits, long *out)
{
    const char *s = *p;
    long value = 0;
    int n = 0;
    while (isdigit((unsigned char)*s)) {
        if (++n > max_digits)
            return -1;
        value = value * 10 + (*s - '0');
        s++;
    }
    if (n == 0)
        return -1;
    *p = s;
    *out = value;
    return 0;
}

int date_parse_iso(const char *text, struct date *out)
{
    if (!text)
        return -1;
    const char *p = text;
    for (int i = 0; i < 10; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? p[i] != '-' : !isdigit((unsigned char)p[i]))
            return -1;
    }
    if (p[10] != '\0')
        return -1;
    struct date d = { atoi(p), atoi(p + 5), atoi(p + 8) };
    if (!date_is_valid(d))
        return -1;
    *out = d;
    return 0;
}

int date_parse_time(const char *text)
{
    if (!text)
        return -1;
    const char *p = text;
    long hours, minutes;
    if (read_number(&p, 2, &hours) < 0 || *p++ != ':')
        return -1;
    const char *m = p;
    if (read_number(&p, 2, &minutes) < 0 || p - m != 2 || *p != '\0')
        return -1;
    if (hours > 23 || minutes > 59)
        return -1;
    return (int)(hours * 60 + minutes);
}

int date_parse_interval(const char *text, struct interval *out)
{
    if (!text)
        return -1;
    const char *p = text;
    long count;
    if (read_number(&p, 4, &count) < 0 || count < 1)
        return -1;
    char unit = (char)tolower((unsigned char)*p);
    if ((unit != 'd' && unit != 'w' && unit != 'm') || p[1] != '\0')
        return -1;
    out->count = (int)count;
    out->unit = unit;
    return 0;
}

void date_format_interval(struct interval every, char *buf, size_t size)
{
    if (size == 0)
        return;
    if (every.count <= 0 || !every.unit)
        buf[0] = '\0';
    else
        snprintf(buf, size, "%d%c", every.count, every.unit);
}

/* "+3d", "-1w", "+1m": a signed offset from today. */
static int parse_offset(const char *s, struct date today, struct date *out)
{
    int sign = *s == '-' ? -1 : 1;
    const char *p = s + 1;
    long count;
    /* six digits: enough for any date in range, short enough that the
     * arithmetic below cannot overflow */
    if (read_number(&p, 6, &count) < 0)
        return -1;
    char unit = (char)tolower((unsigned char)*p);
    if (p[0] == '\0' || p[1] != '\0')
        return -1;
    struct date d;
    switch (unit) {
    case 'd':
        d = date_add_days(today, sign * (int64_t)count);
        break;
    case 'w':
        d = date_add_days(today, sign * (int64_t)count * 7);
        break;
    case 'm':
        d = date_add_months(today, sign * (int)count);
        break;
    default:
        return -1;
    }
    if (!date_is_valid(d))
        return -1;
    *out = d;
    return 0;
}

static const char *const english_days[7][2] = {
    { "monday", "mon" },   { "tuesday", "tue" }, { "wednesday", "wed" },
    { "thursday", "thu" }, { "friday", "fri" },  { "saturday", "sat" },
    { "sunday", "sun" },
};

/* The locale's names of day i (0 = Monday): nl_langinfo counts from
 * Sunday. */
static bool is_local_day_name(const char *folded, int i)
{
    static const nl_item full[7] = { DAY_2, DAY_3, DAY_4, DAY_5,
                                     DAY_6, DAY_7, DAY_1 };
    static const nl_item abbr[7] = { ABDAY_2, ABDAY_3, ABDAY_4, ABDAY_5,
                                     ABDAY_6, ABDAY_7, ABDAY_1 };
    const nl_item items[2] = { full[i], abbr[i] };
    for (int k = 0; k < 2; k++) {
        const char *name = nl_langinfo(items[k]);
        if (!name || !*name)
            continue;
        char *local = text_fold(name);
        /* some locales abbreviate with a full stop: "lun." */
        size_t n = strlen(local);
        if (n > 1 && local[n - 1] == '.')
            local[n - 1] = '\0';
        bool same = strcmp(local, folded) == 0;
        free(local);
        if (same)
            return true;
    }
    return false;
}

/* 0 = Monday .. 6 = Sunday, or -1 when word names no weekday. */
static int weekday_named(const char *word)
{
    char *folded = text_fold(word);
    size_t n = strlen(folded);
    if (n > 1 && folded[n - 1] == '.')
        folded[n - 1] = '\0';
    int found = -1;
    for (int i = 0; i < 7 && found < 0; i++) {
        if (strcmp(folded, english_days[i][0]) == 0
            || strcmp(folded, english_days[i][1]) == 0
            || is_local_day_name(folded, i))
            found = i;
    }
    free(folded);
    return found;
}

static const char *const english_months[12][2] = {
    { "january", "jan" }, { "february", "feb" }, { "march", "mar" },
    { "april", "apr" },   { "may", "may" },      { "june", "jun" },
    { "july", "jul" },    { "august", "aug" },   { "september", "sep" },
    { "october", "oct" }, { "november", "nov" }, { "december", "dec" },
};

/* 1..12, or 0 when word names no month (English or the locale's,
 * full or abbreviated, ignoring case, accents and a full stop). */
static int month_named(const char *word)
{
    static const nl_item full[12] = { MON_1, MON_2, MON_3, MON_4, MON_5, MON_6,
                                      MON_7, MON_8, MON_9, MON_10, MON_11, MON_12 };
    static const nl_item abbr[12] = { ABMON_1, ABMON_2, ABMON_3, ABMON_4,
                                      ABMON_5, ABMON_6, ABMON_7, ABMON_8,
                                      ABMON_9, ABMON_10, ABMON_11, ABMON_12 };
    char *folded = text_fold(word);
    size_t n = strlen(folded);
    if (n > 1 && folded[n - 1] == '.')
        folded[n - 1] = '\0';
    int found = 0;
    for (int i = 0; i < 12 && !found; i++) {
        if (strcmp(folded, english_months[i][0]) == 0
            || strcmp(folded, english_months[i][1]) == 0)
            found = i + 1;
        const nl_item items[2] = { full[i], abbr[i] };
        for (int k = 0; k < 2 && !found; k++) {
            const char *name = nl_langinfo(items[k]);
            if (!name || !*name)
                continue;
            char *local = text_fold(name);
            size_t m = strlen(local);
            if (m > 1 && local[m - 1] == '.')
                local[m - 1] = '\0';
            if (strcmp(local, folded) == 0)
                found = i + 1;
            free(local);
        }
    }
    free(folded);
    return found;
}

/* A month and day without a year: the first such day from today on,
 * this year or a later one (Feb 29 waits for a leap year). */
static int next_month_day(int month, long day, struct date today,
                          struct date *out)
{
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return -1;
    for (int year = today.year; year <= today.year + 8 && year <= 9999; year++) {
        struct date d = { year, month, (int)day };
        if (date_is_valid(d) && date_compare(d, today) >= 0) {
            *out = d;
            return 0;
        }
    }
    return -1;
}

/* A day of the month as a word of 1 or 2 digits: "15". */
static int day_number(const char *word, long *day)
{
    const char *p = word;
    return read_number(&p, 2, day) == 0 && *p == '\0' ? 0 : -1;
}

/* Numbers: 2026-12-01 or 2026-12-5 (a year, a month and a day), 12-15
 * (a month and a day, the next one), 2w, 3d, 1m (as +2w). */
static int parse_numeric(const char *s, struct date today, struct date *out)
{
    const char *p = s;
    long a, b, c;
    if (read_number(&p, 6, &a) < 0)
        return -1;
    if ((*p == 'd' || *p == 'w' || *p == 'm') && p[1] == '\0') {
        char offset[16];
        snprintf(offset, sizeof offset, "+%s", s);
        return parse_offset(offset, today, out);
    }
    if (*p++ != '-' || read_number(&p, 2, &b) < 0)
        return -1;
    if (*p == '\0')
        return p - s <= 5 ? next_month_day((int)a, b, today, out) : -1;
    if (p - s < 6 || s[4] != '-' || *p++ != '-' || read_number(&p, 2, &c) < 0
        || *p != '\0')
        return -1;
    struct date d = { (int)a, (int)b, (int)c };
    if (!date_is_valid(d))
        return -1;
    *out = d;
    return 0;
}

/* Words of two or three: "in 2 weeks", "in 3d", "next week" (its
 * first day), "dec 15", "15 dec". s is lower case, its blanks single or
 * not. */
static int parse_words(const char *s, struct date today, int week_start,
                       struct date *out)
{
    char first[32], second[32], third[32], rest[2];
    int n = sscanf(s, "%31s %31s %31s %1s", first, second, third, rest);
    long number;
    if (n == 2 && strcmp(first, "next") == 0 && strcmp(second, "week") == 0) {
        struct date d = date_add_days(date_week_first(today, week_start), 7);
        if (!date_is_valid(d))
            return -1;
        *out = d;
        return 0;
    }
    if (strcmp(first, "in") == 0 && (n == 2 || n == 3)) {
        char offset[48];
        if (n == 2) {
            snprintf(offset, sizeof offset, "+%s", second);
        } else {
            /* "in 2 weeks": the unit's first letter, spelt out in full */
            static const char *const units[] = { "day", "days", "week", "weeks",
                                                 "month", "months" };
            bool known = false;
            for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
                known = known || strcmp(third, units[i]) == 0;
            size_t digits = strspn(second, "0123456789");
            if (!known || digits == 0 || digits > 6 || second[digits] != '\0')
                return -1;
            snprintf(offset, sizeof offset, "+%s%c", second, third[0]);
        }
        return parse_offset(offset, today, out);
    }
    if (n != 2)
        return -1;
    int month = month_named(first);
    if (month && day_number(second, &number) == 0)
        return next_month_day(month, number, today, out);
    month = month_named(second);
    if (month && day_number(first, &number) == 0)
        return next_month_day(month, number, today, out);
    return -1;
}

int date_parse(const char *text, struct date today, int week_start,
               struct date *out)
{
    if (!text || !date_is_valid(today))
        return -1;
    if (week_start < 0 || week_start > 6)
        week_start = 0;
    char *copy = strdup(text);
    if (!copy)
        return -1;
    char *s = text_trim(copy);
    for (char *c = s; *c; c++)
        *c = (char)tolower((unsigned char)*c);

    int rc = -1;
    struct date d = { 0, 0, 0 };
    if (*s == '\0') {
        rc = -1;
    } else if (isdigit((unsigned char)*s) && !strpbrk(s, " \t")) {
        rc = parse_numeric(s, today, &d);
    } else if (strcmp(s, "today") == 0) {
        d = today;
        rc = 0;
    } else if (strcmp(s, "tomorrow") == 0) {
        d = date_add_days(today, 1);
        rc = date_is_valid(d) ? 0 : -1;
    } else if (strcmp(s, "yesterday") == 0) {
        d = date_add_days(today, -1);
        rc = date_is_valid(d) ? 0 : -1;
    } else if (*s == '+' || *s == '-') {
        rc = parse_offset(s, today, &d);
    } else {
        bool next = strncmp(s, "next", 4) == 0 && (s[4] == ' ' || s[4] == '\t');
        const char *word = s;
        if (next) {
            word = s + 4;
            while (*word == ' ' || *word == '\t')
                word++;
        }
        int wanted = weekday_named(word);
        if (wanted >= 0 && next) {
            /* that day in next week, counted from the week's first day */
            struct date first = date_add_days(date_week_first(today, week_start), 7);
            d = date_add_days(first, (wanted - week_start + 7) % 7);
            rc = date_is_valid(d) ? 0 : -1;
        } else if (wanted >= 0) {
            int now = date_weekday(today);
            d = date_add_days(today, (wanted - now + 6) % 7 + 1);   /* 1..7 days */
            rc = date_is_valid(d) ? 0 : -1;
        } else {
            rc = parse_words(s, today, week_start, &d);
        }
    }
    free(copy);
    if (rc == 0)
        *out = d;
    return rc;
}

/* The time of day is the last word, so a date of several words ("next
 * friday 14:00") still comes first; a last word that is no time leaves
 * the whole text to date_parse, which then refuses "fri 25:00". */
int date_parse_with_time(const char *text, struct date today,
                         int week_start, struct date *out, int *minutes)
{
    if (!text)
        return -1;
    char *copy = strdup(text);
    if (!copy)
        return -1;
    char *s = text_trim(copy);
    char *blank = NULL;
    for (char *c = s; *c; c++)
        if (*c == ' ' || *c == '\t')
            blank = c;
    int at = blank ? date_parse_time(blank + 1) : -1;
    if (at >= 0)
        *blank = '\0';
    struct date d;
    int rc = date_parse(s, today, week_start, &d);
    free(copy);
    if (rc == 0) {
        *out = d;
        *minutes = at;
    }
    return rc;
}

void date_example_iso(struct date today, char buf[static 11])
{
    struct date d = date_add_months(today, 2);
    d.day = 1;
    date_format_iso(date_is_valid(d) ? d : today, buf);
}

static void date_to_tm(struct date d, struct tm *tm)
{
    memset(tm, 0, sizeof *tm);
    tm->tm_year = d.year - 1900;
    tm->tm_mon = d.month - 1;
    tm->tm_mday = d.day;
    tm->tm_wday = (date_weekday(d) + 1) % 7;
    tm->tm_yday = (int)(date_to_days(d)
                        - date_to_days((struct date){ d.year, 1, 1 }));
    tm->tm_isdst = -1;
}

void date_format_iso(struct date d, char buf[static 11])
{
    if (!date_is_valid(d)) {
        buf[0] = '\0';
        return;
    }
    /* the modulos tell the compiler what date_is_valid already made
     * sure of: the text fits in 11 bytes */
    snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)d.year % 10000u,
             (unsigned)d.month % 100u, (unsigned)d.day % 100u);
}

/* The pattern comes from the user's config file, not from a literal:
 * the format-nonliteral warning does not apply. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
void date_format(struct date d, const char *pattern, char *buf, size_t size)
{
    if (size == 0)
        return;
    buf[0] = '\0';
    if (!date_is_valid(d))
        return;
    struct tm tm;
    date_to_tm(d, &tm);
    const char *fmt = pattern && *pattern ? pattern : "%x";
    if (strftime(buf, size, fmt, &tm) == 0) {
        /* too long for buf, or an empty result: the ISO form is never
         * wrong */
        char iso[11];
        date_format_iso(d, iso);
        if (size > strlen(iso))
            snprintf(buf, size, "%s", iso);
        else
            buf[0] = '\0';   /* half a date would be a wrong one */
    }
}
#pragma GCC diagnostic pop

void date_format_moment(time_t when, char *buf, size_t size)
{
    if (size == 0)
        return;
    struct tm tm;
    if (!localtime_r(&when, &tm) || strftime(buf, size, "%Y-%m-%d %H:%M", &tm) == 0)
        buf[0] = '\0';
}
