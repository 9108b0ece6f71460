/* Unit tests of date.c: calendar arithmetic at leap years and year
 * ends, every word date_parse knows against fixed "today"s, what it
 * refuses, a date with a time of day, intervals and formatting. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "../lib/tap.h"

static struct date ymd(int y, int m, int d)
{
    return (struct date){ y, m, d };
}

static const char *iso(struct date d)
{
    static char buf[4][11];
    static int next;
    char *out = buf[next++ % 4];
    date_format_iso(d, out);
    return out;
}

/* date_parse(text) against today in weeks starting on week_start, as
 * ISO, or "refused". */
static const char *parsed_in(const char *text, struct date today,
                             int week_start)
{
    struct date d = { 0, 0, 0 };
    if (date_parse(text, today, week_start, &d) != 0)
        return "refused";
    return iso(d);
}

/* The same in weeks that start on Monday (the default). */
static const char *parsed(const char *text, struct date today)
{
    return parsed_in(text, today, 0);
}

static void test_calendar(void)
{
    ok(date_is_valid(ymd(2024, 2, 29)), "2024-02-29 exists (leap year)");
    ok(!date_is_valid(ymd(2023, 2, 29)), "2023-02-29 does not");
    ok(!date_is_valid(ymd(2100, 2, 29)), "2100 is not a leap year");
    ok(date_is_valid(ymd(2000, 2, 29)), "2000 is a leap year");
    ok(!date_is_valid(ymd(2026, 4, 31)), "April has 30 days");
    ok(!date_is_valid(ymd(2026, 13, 1)), "there is no month 13");
    ok(!date_is_valid(ymd(0, 1, 1)), "year 0 is no date");
    ok(!date_is_set(ymd(0, 0, 0)), "the zero date is unset");

    is_int(date_to_days(ymd(1970, 1, 1)), 0, "1970-01-01 is day 0");
    is_int(date_to_days(ymd(2000, 3, 1)), 11017, "2000-03-01 is day 11017");
    is_int(date_to_days(ymd(1969, 12, 31)), -1, "the day before is -1");
    is_str(iso(date_from_days(20415)), "2025-11-23", "day 20415 is 2025-11-23");
    is_str(iso(date_from_days(-719162)), "0001-01-01", "the first day");
    ok(!date_is_set(date_from_days(-719163)), "before year 1 is no date");
    ok(!date_is_set(date_from_days(2932897)), "after 9999 is no date");

    /* every day for 1,200 years goes back and forth unchanged */
    bool round = true;
    struct date d = ymd(1600, 1, 1);
    for (int64_t n = date_to_days(d); n < date_to_days(ymd(2800, 1, 1)); n++) {
        struct date back = date_from_days(n);
        if (!date_is_valid(back) || date_to_days(back) != n
            || (n > date_to_days(d) && date_compare(back, d) <= 0)) {
            round = false;
            break;
        }
        d = back;
    }
    ok(round, "days and dates convert both ways from 1600 to 2800");

    is_str(iso(date_add_days(ymd(2026, 12, 31), 1)), "2027-01-01",
           "+1 day from Dec 31 is the new year");
    is_str(iso(date_add_days(ymd(2026, 1, 1), -1)), "2025-12-31",
           "-1 day from Jan 1 is the old year");
    is_str(iso(date_add_days(ymd(2024, 2, 28), 1)), "2024-02-29",
           "Feb 28 + 1 in a leap year");
    is_str(iso(date_add_days(ymd(2100, 2, 28), 1)), "2100-03-01",
           "Feb 28 + 1 in 2100");
    is_str(iso(date_add_months(ymd(2026, 1, 31), 1)), "2026-02-28",
           "Jan 31 + 1 month clamps to Feb 28");
    is_str(iso(date_add_months(ymd(2024, 1, 31), 1)), "2024-02-29",
           "... and to Feb 29 in a leap year");
    is_str(iso(date_add_months(ymd(2026, 3, 31), -1)), "2026-02-28",
           "Mar 31 - 1 month clamps too");
    is_str(iso(date_add_months(ymd(2026, 11, 15), 2)), "2027-01-15",
           "months cross the year");
    is_str(iso(date_add_months(ymd(2026, 1, 15), -13)), "2024-12-15",
           "and go back across two");
    is_int(date_diff_days(ymd(2027, 1, 1), ymd(2026, 1, 1)), 365,
           "2026 has 365 days");
    is_int(date_diff_days(ymd(2025, 1, 1), ymd(2024, 1, 1)), 366,
           "2024 has 366");
    is_int(date_compare(ymd(2026, 1, 2), ymd(2026, 1, 10)), -1, "compare <");
    is_int(date_compare(ymd(2026, 1, 2), ymd(2026, 1, 2)), 0, "compare =");
    is_int(date_compare(ymd(2027, 1, 1), ymd(2026, 12, 31)), 1, "compare >");
    is_int(date_weekday(ymd(2026, 11, 23)), 0, "2026-11-23 is a Monday");
    is_int(date_weekday(ymd(2000, 1, 1)), 5, "2000-01-01 was a Saturday");
    is_int(date_weekday(ymd(1969, 12, 28)), 6, "1969-12-28 was a Sunday");

    struct interval every = { 2, 'w' };
    is_str(iso(date_add_interval(ymd(2026, 12, 25), every)), "2027-01-08",
           "every 2 weeks");
    every = (struct interval){ 1, 'm' };
    is_str(iso(date_add_interval(ymd(2026, 8, 31), every)), "2026-09-30",
           "every month from the 31st");
    every = (struct interval){ 10, 'd' };
    is_str(iso(date_add_interval(ymd(2026, 2, 25), every)), "2026-03-07",
           "every 10 days");
}

static void test_moments(void)
{
    setenv("TZ", "Europe/Berlin", 1);
    tzset();
    time_t t = date_to_time(ymd(2026, 3, 29));
    is_str(iso(date_from_time(t)), "2026-03-29",
           "midnight of a day belongs to that day");
    is_str(iso(date_from_time(t + 86400 - 3600 - 1)), "2026-03-29",
           "the last second of a 23-hour day too");
    char buf[32];
    date_format_moment(t + 9 * 3600 + 5 * 60, buf, sizeof buf);
    is_str(buf, "2026-03-29 10:05", "a moment in local time (after the DST change)");
    unsetenv("TZ");
    tzset();
    struct date today = date_today();
    ok(date_is_valid(today), "today is a valid date");
}

static void test_parse_words(void)
{
    struct date wed = ymd(2026, 11, 25);   /* a Wednesday */
    struct date fri = ymd(2026, 11, 27);
    struct date sat = ymd(2026, 11, 28);
    struct date sun = ymd(2026, 11, 29);
    struct date new_year = ymd(2026, 12, 31);

    is_str(parsed("2026-12-01", wed), "2026-12-01", "an ISO date");
    is_str(parsed("  2026-12-01\t", wed), "2026-12-01", "blanks around it");
    is_str(parsed("today", wed), "2026-11-25", "today");
    is_str(parsed("TODAY", wed), "2026-11-25", "case does not matter");
    is_str(parsed("tomorrow", wed), "2026-11-26", "tomorrow");
    is_str(parsed("yesterday", wed), "2026-11-24", "yesterday");
    is_str(parsed("tomorrow", new_year), "2027-01-01", "tomorrow at year end");
    is_str(parsed("+3d", wed), "2026-11-28", "+3d");
    is_str(parsed("+2w", wed), "2026-12-09", "+2w");
    is_str(parsed("+1m", wed), "2026-12-25", "+1m");
    is_str(parsed("-1w", wed), "2026-11-18", "-1w");
    is_str(parsed("-3d", ymd(2026, 1, 1)), "2025-12-29", "-3d across the year");
    is_str(parsed("+1m", ymd(2026, 1, 31)), "2026-02-28", "+1m clamps");
    is_str(parsed("+2D", wed), "2026-11-27", "units in capitals");
    is_str(parsed("+0d", wed), "2026-11-25", "+0d is today");

    /* weekday names: the next one strictly after today */
    is_str(parsed("mon", wed), "2026-11-30", "mon");
    is_str(parsed("tue", wed), "2026-12-01", "tue");
    is_str(parsed("wed", wed), "2026-12-02", "wed on a Wednesday: a week on");
    is_str(parsed("thu", wed), "2026-11-26", "thu");
    is_str(parsed("fri", wed), "2026-11-27", "fri");
    is_str(parsed("sat", wed), "2026-11-28", "sat");
    is_str(parsed("sun", wed), "2026-11-29", "sun");
    is_str(parsed("Monday", wed), "2026-11-30", "Monday");
    is_str(parsed("tuesday", wed), "2026-12-01", "tuesday");
    is_str(parsed("wednesday", wed), "2026-12-02", "wednesday");
    is_str(parsed("thursday", wed), "2026-11-26", "thursday");
    is_str(parsed("FRIDAY", wed), "2026-11-27", "FRIDAY");
    is_str(parsed("saturday", wed), "2026-11-28", "saturday");
    is_str(parsed("sunday", wed), "2026-11-29", "sunday");
    is_str(parsed("fri", fri), "2026-12-04", "fri on a Friday is next week's");
    is_str(parsed("mon", sun), "2026-11-30", "mon on a Sunday is tomorrow");
    is_str(parsed("fri", new_year), "2027-01-01", "fri across the year");

    /* next: the day in the following Monday-to-Sunday week */
    is_str(parsed("next friday", wed), "2026-12-04", "next friday on a Wednesday");
    is_str(parsed("next fri", fri), "2026-12-04", "next fri on a Friday");
    is_str(parsed("next friday", sat), "2026-12-04", "next friday on a Saturday");
    is_str(parsed("next monday", sun), "2026-11-30", "next monday on a Sunday");
    is_str(parsed("next  Sunday", wed), "2026-12-06", "next Sunday, two blanks");
    is_str(parsed("next wed", ymd(2026, 11, 23)), "2026-12-02",
           "next wed on a Monday");
}

/* The locale's own weekday names, where such a locale is installed;
 * English keeps working beside them. */
static void test_parse_local_names(void)
{
    struct date wed = ymd(2026, 11, 25);
    if (!setlocale(LC_TIME, "de_DE.UTF-8") && !setlocale(LC_TIME, "de_DE.utf8")) {
        /* A missing locale is a failure, never a silent skip:
         * scripts/install-deps.sh --test generates it. */
        ok(false, "a German locale (de_DE.UTF-8) is installed for the weekday names");
        return;
    }
    is_str(parsed("Freitag", wed), "2026-11-27", "German: Freitag");
    is_str(parsed("fr", wed), "2026-11-27", "German: Fr");
    is_str(parsed("next Montag", wed), "2026-11-30", "German after next");
    is_str(parsed("friday", wed), "2026-11-27", "English still works");
    setlocale(LC_TIME, "C");
}

/* The forms people type besides the ones above (issue 20), against a
 * fixed Wednesday 2026-11-25. */
static void test_parse_typed_forms(void)
{
    struct date wed = ymd(2026, 11, 25);
    is_str(parsed("2w", wed), "2026-12-09", "2w is +2w");
    is_str(parsed("3d", wed), "2026-11-28", "3d is +3d");
    is_str(parsed("1M", wed), "2026-12-25", "1M is +1m");
    is_str(parsed("in 2 weeks", wed), "2026-12-09", "in 2 weeks");
    is_str(parsed("In 1 week", wed), "2026-12-02", "in 1 week");
    is_str(parsed("in 3 days", wed), "2026-11-28", "in 3 days");
    is_str(parsed("in 1 month", wed), "2026-12-25", "in 1 month");
    is_str(parsed("in  2w", wed), "2026-12-09", "in 2w");
    is_str(parsed("next week", wed), "2026-11-30", "next week is its Monday");
    is_str(parsed("next week", ymd(2026, 11, 30)), "2026-12-07",
           "next week on a Monday is a week ahead");
    is_str(parsed("next week", ymd(2026, 11, 29)), "2026-11-30",
           "next week on a Sunday is tomorrow");
    is_str(parsed("dec 15", wed), "2026-12-15", "dec 15, this year");
    is_str(parsed("December 15", wed), "2026-12-15", "December 15");
    is_str(parsed("15 dec", wed), "2026-12-15", "15 dec");
    is_str(parsed("15 Dec.", wed), "2026-12-15", "15 Dec.");
    is_str(parsed("12-15", wed), "2026-12-15", "12-15 is month-day");
    is_str(parsed("nov 1", wed), "2027-11-01", "a day gone by is next year's");
    is_str(parsed("11-25", wed), "2026-11-25", "today's month-day is today");
    is_str(parsed("1-5", wed), "2027-01-05", "1-5 is January 5 to come");
    is_str(parsed("feb 29", wed), "2028-02-29", "feb 29 waits for a leap year");
    is_str(parsed("2026-12-5", wed), "2026-12-05", "2026-12-5");
    is_str(parsed("2027-1-9", wed), "2027-01-09", "2027-1-9");
    is_str(parsed(" 2026-12-05 ", wed), "2026-12-05", "ISO still");

    /* a time of day after each of them, as a due date takes it */
    struct date d;
    int minutes = -1;
    ok(date_parse_with_time("dec 15 14:00", wed, 0, &d, &minutes) == 0
       && date_compare(d, ymd(2026, 12, 15)) == 0 && minutes == 840,
       "dec 15 14:00");
    ok(date_parse_with_time("in 2 weeks 9:30", wed, 0, &d, &minutes) == 0
       && date_compare(d, ymd(2026, 12, 9)) == 0 && minutes == 570,
       "in 2 weeks 9:30");
    ok(date_parse_with_time("2w 8:00", wed, 0, &d, &minutes) == 0
       && date_compare(d, ymd(2026, 12, 9)) == 0 && minutes == 480,
       "2w 8:00");
}

/* [general] week_start: the first day of a week, and the words that
 * name next week's days, in weeks from Monday and from Sunday. */
static void test_week_start(void)
{
    enum { MONDAY = 0, SUNDAY = 6 };
    struct date wed = ymd(2026, 11, 25), sat = ymd(2026, 11, 28),
                sun = ymd(2026, 11, 29), mon = ymd(2026, 11, 30);
    is_str(iso(date_week_first(wed, MONDAY)), "2026-11-23",
           "a Wednesday's week starts on the Monday before");
    is_str(iso(date_week_first(wed, SUNDAY)), "2026-11-22",
           "... or on the Sunday before");
    is_str(iso(date_week_first(sun, MONDAY)), "2026-11-23",
           "a Sunday ends a Monday week");
    is_str(iso(date_week_first(sun, SUNDAY)), "2026-11-29",
           "a Sunday starts a Sunday week");
    is_str(iso(date_week_first(mon, SUNDAY)), "2026-11-29",
           "a Monday is a Sunday week's second day");
    is_str(iso(date_week_first(ymd(2027, 1, 2), SUNDAY)), "2026-12-27",
           "a week across the new year");
    is_str(iso(date_week_first(wed, 9)), "2026-11-23",
           "an impossible week start counts as Monday");
    ok(!date_is_set(date_week_first(ymd(1, 1, 1), SUNDAY)),
       "before 0001-01-01 there is no week start");

    is_str(parsed_in("next week", wed, SUNDAY), "2026-11-29",
           "next week from Sunday: its Sunday");
    is_str(parsed_in("next week", sat, SUNDAY), "2026-11-29",
           "next week on the Saturday before is tomorrow");
    is_str(parsed_in("next week", sun, SUNDAY), "2026-12-06",
           "next week on a Sunday is a week ahead");
    is_str(parsed_in("next week", sun, MONDAY), "2026-11-30",
           "... but tomorrow when weeks start on Monday");
    is_str(parsed_in("next sunday", wed, SUNDAY), "2026-11-29",
           "next sunday: the first day of next week");
    is_str(parsed_in("next sunday", wed, MONDAY), "2026-12-06",
           "... or its last day");
    is_str(parsed_in("next friday", sun, SUNDAY), "2026-12-11",
           "next friday on a Sunday, weeks from Sunday");
    is_str(parsed_in("next friday", sun, MONDAY), "2026-12-04",
           "next friday on a Sunday, weeks from Monday");
    is_str(parsed_in("next saturday", sat, SUNDAY), "2026-12-05",
           "next saturday on a Saturday, weeks from Sunday");
    is_str(parsed_in("next monday", sun, SUNDAY), "2026-12-07",
           "next monday on a Sunday, weeks from Sunday");
    is_str(parsed_in("next sunday", wed, -1), "2026-12-06",
           "an impossible week start reads next week from Monday");
    /* words that name no week do not move */
    is_str(parsed_in("fri", sun, SUNDAY), "2026-12-04", "fri is the next Friday");
    is_str(parsed_in("sun", sat, SUNDAY), "2026-11-29", "sun is tomorrow");
    is_str(parsed_in("in 2 weeks", wed, SUNDAY), "2026-12-09", "in 2 weeks");

    struct date d;
    int minutes = -1;
    ok(date_parse_with_time("next week 9:00", sun, SUNDAY, &d, &minutes) == 0
       && date_compare(d, ymd(2026, 12, 6)) == 0 && minutes == 540,
       "next week 9:00 from Sunday");
}

/* The example a prompt shows is a day still to come. */
static void test_example(void)
{
    char buf[11];
    struct date days[] = { ymd(2026, 11, 25), ymd(2026, 12, 31),
                           ymd(2027, 1, 31), ymd(2028, 2, 29) };
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        date_example_iso(days[i], buf);
        struct date d;
        char name[64];
        snprintf(name, sizeof name, "the example after %s is to come",
                 iso(days[i]));
        ok(date_parse_iso(buf, &d) == 0 && date_compare(d, days[i]) > 0, name);
    }
}

static void test_parse_refusals(void)
{
    struct date wed = ymd(2026, 11, 25);
    const char *bad[] = {
        "", "   ", "2026-02-30", "2026-13-01", "2026-00-10", "2026-1-",
        "2026-12-01x", "26-12-01", "0000-01-01", "+0x", "+3", "+d", "3x",
        "13-01", "02-30", "2026-12", "dec", "dec 32", "15 dec 2026x",
        "in", "in weeks", "in 2 fortnights", "in -2 weeks", "next weeks",
        "in 2 weeks please", "dec fifteen", "15 15",
        "+-3d", "+3dd", "++3d", "friday next", "next", "nextfriday",
        "next tomorrow", "fridays", "+99999999d", "+9999999999999999999d",
        "+999999w", "+120000m", "-999999m", "tomorrow!", "to day",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char name[80];
        snprintf(name, sizeof name, "\"%s\" is refused", bad[i]);
        is_str(parsed(bad[i], wed), "refused", name);
    }
    struct date d = ymd(2001, 2, 3);
    ok(date_parse("nonsense", wed, 0, &d) == -1 && date_compare(d, ymd(2001, 2, 3)) == 0,
       "a refused text leaves the result alone");
    ok(date_parse(NULL, wed, 0, &d) == -1, "NULL is refused");
    is_str(parsed("+1d", ymd(9999, 12, 31)), "refused", "past 9999 is refused");
}

static void test_iso_time_interval(void)
{
    struct date d;
    ok(date_parse_iso("2024-02-29", &d) == 0 && d.day == 29, "strict ISO");
    ok(date_parse_iso("2023-02-29", &d) == -1, "strict ISO checks the day");
    ok(date_parse_iso("today", &d) == -1, "strict ISO knows no words");
    ok(date_parse_iso(" 2024-02-01", &d) == -1, "nor blanks");

    is_int(date_parse_time("00:00"), 0, "00:00");
    is_int(date_parse_time("9:30"), 570, "9:30");
    is_int(date_parse_time("23:59"), 1439, "23:59");
    is_int(date_parse_time("24:00"), -1, "24:00 is refused");
    is_int(date_parse_time("12:60"), -1, "12:60 is refused");
    is_int(date_parse_time("12:5"), -1, "12:5 is refused");
    is_int(date_parse_time("1230"), -1, "1230 is refused");
    is_int(date_parse_time(""), -1, "empty is refused");

    struct interval every;
    ok(date_parse_interval("3d", &every) == 0 && every.count == 3
       && every.unit == 'd', "3d");
    ok(date_parse_interval("2w", &every) == 0 && every.count == 2
       && every.unit == 'w', "2w");
    ok(date_parse_interval("1M", &every) == 0 && every.count == 1
       && every.unit == 'm', "1M");
    ok(date_parse_interval("9999d", &every) == 0, "9999d");
    ok(date_parse_interval("10000d", &every) == -1, "10000d is too many");
    ok(date_parse_interval("0d", &every) == -1, "0d is refused");
    ok(date_parse_interval("3y", &every) == -1, "3y is refused");
    ok(date_parse_interval("d", &every) == -1, "d is refused");
    ok(date_parse_interval("+3d", &every) == -1, "+3d is refused");
    ok(date_parse_interval("3 d", &every) == -1, "3 d is refused");

    char buf[16];
    date_format_interval((struct interval){ 3, 'w' }, buf, sizeof buf);
    is_str(buf, "3w", "an interval is written back");
    date_format_interval((struct interval){ 0, 0 }, buf, sizeof buf);
    is_str(buf, "", "no interval is written as nothing");
}

/* date_parse_with_time(text) against today, as "ISO HH:MM", "ISO" when
 * no time came, or "refused". */
static const char *parsed_with_time(const char *text, struct date today)
{
    static char buf[32];
    struct date d = { 0, 0, 0 };
    int minutes = -2;
    if (date_parse_with_time(text, today, 0, &d, &minutes) != 0)
        return "refused";
    if (minutes < 0)
        snprintf(buf, sizeof buf, "%s", iso(d));
    else
        snprintf(buf, sizeof buf, "%s %02d:%02d", iso(d), minutes / 60,
                 minutes % 60);
    return buf;
}

/* What the follow-up prompt and rapport follow accept as a due date. */
static void test_parse_with_time(void)
{
    struct date wed = ymd(2026, 11, 25);
    is_str(parsed_with_time("fri 14:00", wed), "2026-11-27 14:00",
           "fri 14:00: a weekday and a time of day");
    is_str(parsed_with_time("2026-12-01 9:30", wed), "2026-12-01 09:30",
           "an ISO date and a one-digit hour");
    is_str(parsed_with_time("next friday 08:15", wed), "2026-12-04 08:15",
           "a date of two words and a time");
    is_str(parsed_with_time("today 00:00", wed), "2026-11-25 00:00",
           "midnight is a time");
    is_str(parsed_with_time("+3d 23:59", wed), "2026-11-28 23:59", "an offset");
    is_str(parsed_with_time("  Tomorrow   18:00  ", wed), "2026-11-26 18:00",
           "blanks around and between are ignored, case too");
    is_str(parsed_with_time("fri\t14:00", wed), "2026-11-27 14:00",
           "a tab separates as a space does");
    is_str(parsed_with_time("fri", wed), "2026-11-27",
           "no time: the date alone, minutes -1");
    is_str(parsed_with_time("next friday", wed), "2026-12-04",
           "a last word that is no time belongs to the date");

    const char *bad[] = {
        "", "   ", "14:00", "fri 25:00", "fri 14:60", "fri 14:5", "fri 1400",
        "someday 14:00", "fri 14:00 15:00", "14:00 fri", "fri 14:00x",
        "2026-02-30 10:00",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char name[80];
        snprintf(name, sizeof name, "\"%s\" is refused", bad[i]);
        is_str(parsed_with_time(bad[i], wed), "refused", name);
    }
    struct date d = ymd(2001, 2, 3);
    int minutes = 77;
    ok(date_parse_with_time("fri 25:00", wed, 0, &d, &minutes) == -1
       && date_compare(d, ymd(2001, 2, 3)) == 0 && minutes == 77,
       "a refused text leaves the date and the time alone");
    ok(date_parse_with_time(NULL, wed, 0, &d, &minutes) == -1, "NULL is refused");
}

static void test_format(void)
{
    char buf[64];
    is_str(iso(ymd(2026, 12, 1)), "2026-12-01", "ISO format");
    is_str(iso(ymd(0, 0, 0)), "", "an unset date is empty");
    is_str(iso(ymd(33, 1, 2)), "0033-01-02", "years keep four digits");
    date_format(ymd(2026, 12, 1), "%d.%m.%Y", buf, sizeof buf);
    is_str(buf, "01.12.2026", "a strftime pattern");
    date_format(ymd(2026, 11, 27), "%a %e %b", buf, sizeof buf);
    is_str(buf, "Fri 27 Nov", "weekday and month names (C locale)");
    date_format(ymd(2026, 2, 1), "%j", buf, sizeof buf);
    is_str(buf, "032", "the day of the year");
    date_format(ymd(2026, 12, 1), NULL, buf, sizeof buf);
    is_str(buf, "12/01/26", "no pattern: the locale's %x");
    date_format(ymd(2026, 12, 1), "%Y-%m-%d and a very long tail", buf, 8);
    is_str(buf, "", "a result too long for the buffer falls back to ISO, "
                    "or nothing when even that does not fit");
    date_format(ymd(2026, 12, 1), "%Y-%m-%d and a very long tail", buf, 12);
    is_str(buf, "2026-12-01", "... ISO when it fits");
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setlocale(LC_TIME, "C");
    test_calendar();
    test_moments();
    test_parse_words();
    test_parse_local_names();
    test_parse_typed_forms();
    test_week_start();
    test_example();
    test_parse_refusals();
    test_iso_time_interval();
    test_parse_with_time();
    test_format();
    return tap_done();
}
