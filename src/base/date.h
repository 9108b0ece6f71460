/* Calendar dates: parsing what people type, arithmetic, formatting.
 * Every function that needs "today" takes it as an argument, so tests
 * can pass a fixed day. */
#ifndef RAPPORT_DATE_H
#define RAPPORT_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct date {
    int year;   /* 0 means "no date" */
    int month;  /* 1..12 */
    int day;    /* 1..31 */
};

/* An interval such as 3d, 2w, 1m (for recurrence and cadence). */
struct interval {
    int count;  /* 0 means none */
    char unit;  /* 'd', 'w' or 'm' */
};

bool date_is_set(struct date d);
bool date_is_valid(struct date d);
/* Local calendar day of a moment. */
struct date date_from_time(time_t when);
/* Today, local time (honours faketime in tests). */
struct date date_today(void);
/* Midnight local time at the start of d. */
time_t date_to_time(struct date d);
/* Days since 1970-01-01 and back. */
int64_t date_to_days(struct date d);
struct date date_from_days(int64_t days);
int date_compare(struct date a, struct date b);
int64_t date_diff_days(struct date later, struct date earlier);
struct date date_add_days(struct date d, int64_t days);
/* Month arithmetic clamps to the month's end: Jan 31 + 1m = Feb 28/29. */
struct date date_add_months(struct date d, int months);
struct date date_add_interval(struct date d, struct interval every);
/* 0 = Monday .. 6 = Sunday */
int date_weekday(struct date d);
/* The first day of the week that holds d, weeks starting on week_start
 * (0 = Monday .. 6 = Sunday, as date_weekday counts; [general]
 * week_start). Every rule that speaks of "a week" as a calendar week
 * goes through this. */
struct date date_week_first(struct date d, int week_start);

/* Parses 2026-12-01 (also 2026-12-5), today, tomorrow, yesterday, +3d,
 * +2w, +1m, -1w, 2w (as +2w), in 2 weeks, next week (its first day),
 * mon..sun (and full names: the next such day after today), next friday
 * (the one in the following week), dec 15, 15 dec and 12-15 (the next
 * such day, today included). Weeks start on week_start (0 = Monday ..
 * 6 = Sunday). The front ends read every date typed with this (or
 * date_parse_with_time). Case-insensitive, surrounding blanks ignored.
 * Returns 0, or -1 when the text is no date. */
int date_parse(const char *text, struct date today, int week_start,
               struct date *out);
/* A date as date_parse reads it, then optionally a blank and a time of
 * day as date_parse_time reads it: "fri 14:00", "2026-12-01 9:30",
 * "next friday". *minutes is that time (minutes since midnight), or -1
 * when none was given. Returns 0, or -1 (leaving *out and *minutes
 * alone) when the text is no such date. */
int date_parse_with_time(const char *text, struct date today,
                         int week_start, struct date *out, int *minutes);
/* Strict YYYY-MM-DD. */
int date_parse_iso(const char *text, struct date *out);
/* HH:MM, 00:00..23:59; returns minutes since midnight or -1. */
int date_parse_time(const char *text);
/* Parses 3d, 2w, 1m (count 1..9999). Returns 0 or -1. */
int date_parse_interval(const char *text, struct interval *out);
/* Writes "3d" etc. into buf. */
void date_format_interval(struct interval every, char *buf, size_t size);

/* An example date for a prompt's hint, always still to come: the 1st
 * of the month after next, as YYYY-MM-DD. */
void date_example_iso(struct date today, char buf[static 11]);
/* Writes YYYY-MM-DD (and "" for an unset date); buf holds 11 bytes. */
void date_format_iso(struct date d, char buf[static 11]);
/* Formats with a strftime pattern (NULL or "" gives the locale's %x). */
void date_format(struct date d, const char *pattern, char *buf, size_t size);
/* Formats a moment as YYYY-MM-DD HH:MM local time. */
void date_format_moment(time_t when, char *buf, size_t size);

#endif
