/* What the commands share when they write for people (output.c). May
 * use the layers below cli/. */
#ifndef RAPPORT_CLI_OUTPUT_H
#define RAPPORT_CLI_OUTPUT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/date.h"
#include "core/app.h"
#include "store/store.h"
#include "model/contact.h"
#include "model/followup.h"
#include "model/mail.h"
#include "store/followup.h"

/* Writes stored text made safe for a terminal (SPEC §8). */
void output_put(FILE *out, const char *s);
/* Writes stored text padded or cut to exactly cols columns. */
void output_pad(FILE *out, const char *s, int cols);
/* Writes a multi-line stored text, each line after indent. */
void output_block(FILE *out, const char *s, const char *indent);
/* "#12 Zoë Ødegård": how every message names a contact (SPEC §4), so
 * the next command can refer to it. */
void output_contact_ref(FILE *out, int64_t id, const char *name);
void output_contact(FILE *out, const struct contact *c);
/* A day in the configured date format, else ISO 8601; "" when unset. */
void output_date(const struct app *app, struct date d, char *buf,
                 size_t size);
/* The count ngettext is given for n, which may be negative. */
unsigned long output_plural(long long n);
/* "rapport: " and the store's message; returns CLI_USER_ERROR. */
int output_store_failed(struct app *app);
/* Writes j indented, its keys in the order they were set. */
void output_json(FILE *out, json_t *j);
/* One follow-up's line: id, day, time, contact, text, recurrence. */
void output_followup(const struct app *app, const struct followup *f,
                     bool with_contact);
/* One waiting message's line: "m3  2026-12-01  Kwame Mensah <kwame@…>
 * A question" (rapport inbox, the agenda's Needs review). */
void output_mail_review(const struct app *app, const struct mail_review *r,
                        const char *indent);
/* Streams the follow-ups matching filter, heading before the first, at
 * most max of them (0: all); returns how many, or -1 after a failed
 * read. */
int64_t output_followups(struct app *app,
                         const struct followup_filter *filter,
                         const char *heading, bool with_contact, int64_t max);

#endif
