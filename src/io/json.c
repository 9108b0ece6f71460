/* JSON export of everything, for scripts: every contact with its notes,
 * follow-ups, stage history and scores, then every organisation; and
 * the contacts of `list --format json`, from the same table of fields
 * (io/listing.c). Built
 * with jansson one contact at a time and streamed, so memory stays
 * bounded by one contact; keys keep the order they are set in
 * (JSON_PRESERVE_ORDER), so two exports of the same data are the same
 * bytes. Uses core/ and below. */
#include <config.h>

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <jansson.h>

#include "core/cursor.h"
#include "base/i18n.h"
#include "base/text.h"
#include "core/contact.h"
#include "io/format.h"
#include "core/stage.h"
#include "model/followup.h"
#include "model/score.h"
#include "store/contact.h"
#include "store/followup.h"
#include "store/score.h"
#include "store/stage.h"

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* RFC 3339 in UTC; null for "never". */
static json_t *moment(time_t t)
{
    if (t == 0)
        return json_null();
    char buf[32];
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return json_string(buf);
}

static json_t *day(struct date d)
{
    if (!date_is_set(d))
        return json_null();
    char buf[11];
    date_format_iso(d, buf);
    return json_string(buf);
}

/* Who made a row, or null when not known (rows of an older file). */
static json_t *login_or_null(const char *login)
{
    return str_or_null(login && *login ? login : NULL);
}

static enum store_status add_note(struct io_export *ex, const struct note *n,
                                  void *arg)
{
    (void)ex;
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(n->id));
    json_object_set_new(o, "at", moment(n->at));
    json_object_set_new(o, "kind", json_string(n->kind));
    json_object_set_new(o, "body", str_or_null(n->body));
    json_object_set_new(o, "author", login_or_null(n->author));
    json_array_append_new(arg, o);
    return STORE_OK;
}

static enum store_status add_followups(struct io_export *ex, int64_t id,
                                       json_t *into)
{
    struct followup_filter filter = { .contact_id = id,
                                      .include_archived = true };
    struct followup_cursor cur;
    cursor_followups(&cur, ex->st, &filter);
    for (const struct followup *f; (f = cursor_next_followup(&cur)); ) {
        json_t *o = json_object();
        char every[16] = "";
        if (f->every.count > 0)
            date_format_interval(f->every, every, sizeof every);
        char at[32] = "";
        if (f->due_minutes >= 0)
            snprintf(at, sizeof at, "%02d:%02d", f->due_minutes / 60,
                     f->due_minutes % 60);
        json_object_set_new(o, "id", json_integer(f->id));
        json_object_set_new(o, "due", day(f->due));
        json_object_set_new(o, "time", at[0] ? json_string(at) : json_null());
        json_object_set_new(o, "snoozed_until", day(f->snoozed_until));
        json_object_set_new(o, "text", str_or_null(f->text));
        json_object_set_new(o, "every", every[0] ? json_string(every)
                                                 : json_null());
        json_object_set_new(o, "state", json_string(
            f->state == FOLLOWUP_DONE ? "done" : "open"));
        json_object_set_new(o, "done_at", moment(f->done_at));
        json_object_set_new(o, "created", moment(f->created));
        json_object_set_new(o, "uid", str_or_null(f->uid));
        json_object_set_new(o, "created_by", login_or_null(f->created_by));
        json_object_set_new(o, "assigned_to", login_or_null(f->assigned_to));
        json_object_set_new(o, "done_by", login_or_null(f->done_by));
        json_array_append_new(into, o);
    }
    return cursor_close_followups(&cur);
}

static enum store_status add_history(struct io_export *ex, int64_t id,
                                     json_t *into)
{
    struct stage_change_list l = { 0 };
    enum store_status rc = store_stage_history(ex->st, id, &l);
    for (size_t i = 0; rc == STORE_OK && i < l.len; i++) {
        const struct stage_change *s = &l.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "at", moment(s->at));
        json_object_set_new(o, "from", s->from == STAGE_NONE ? json_null()
                            : json_string(stage_key((enum stage)s->from)));
        json_object_set_new(o, "to", json_string(stage_key(s->to)));
        json_object_set_new(o, "reason", str_or_null(s->reason));
        json_object_set_new(o, "author", login_or_null(s->author));
        json_array_append_new(into, o);
    }
    stage_change_list_clear(&l);
    return rc;
}

static enum store_status add_scores(struct io_export *ex, int64_t id,
                                    json_t *into)
{
    struct score_list l = { 0 };
    enum store_status rc = store_score_list(ex->st, id, &l);
    for (size_t i = 0; rc == STORE_OK && i < l.len; i++) {
        const struct score *s = &l.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "at", moment(s->at));
        json_object_set_new(o, "value", json_integer(s->value));
        json_object_set_new(o, "comment", str_or_null(s->comment));
        json_object_set_new(o, "author", login_or_null(s->author));
        json_array_append_new(into, o);
    }
    score_list_clear(&l);
    return rc;
}

/* ---- a contact's fields ------------------------------------------------- */

/* What a contact's fields are written from. */
struct jrow {
    const struct contact *c;
    const char *uid;           /* the export's; NULL in a listing */
    bool local_times;          /* a listing's "2026-03-10 14:05", local
                                  time, "" for never; else RFC 3339 */
};

struct field {
    const char *key;
    json_t *(*value)(const struct jrow *r, size_t field);
    size_t field;              /* for the shared values: where in struct
                                  contact the field is */
};

/* Stored text; shown safely rather than lost when it is not UTF-8 after
 * all (a database from before that was checked). */
static json_t *text(const char *s)
{
    if (!s)
        return json_null();
    json_t *j = json_string(s);
    if (!j) {
        char *safe = text_sanitize(s, true);
        j = json_string(safe);
        free(safe);
    }
    return j ? j : json_null();
}

static json_t *v_text(const struct jrow *r, size_t field)
{
    return text(*(char *const *)((const char *)r->c + field));
}

static json_t *v_list(const struct jrow *r, size_t field)
{
    const struct strlist *l =
        (const struct strlist *)((const char *)r->c + field);
    json_t *a = json_array();
    for (size_t i = 0; i < l->len; i++)
        json_array_append_new(a, text(l->items[i]));
    return a;
}

static json_t *v_moment(const struct jrow *r, size_t field)
{
    time_t t = *(const time_t *)((const char *)r->c + field);
    if (!r->local_times)
        return moment(t);
    char when[32] = "";
    if (t > 0)
        date_format_moment(t, when, sizeof when);
    return json_string(when);
}

static json_t *v_id(const struct jrow *r, size_t field)
{
    (void)field;
    return json_integer(r->c->id);
}

static json_t *v_uid(const struct jrow *r, size_t field)
{
    (void)field;
    return text(r->uid);
}

static json_t *v_stage(const struct jrow *r, size_t field)
{
    (void)field;
    return json_string(stage_key(r->c->stage));
}

/* ["user", "decision-maker"]: the words CSV joins with ';'. */
static json_t *v_roles(const struct jrow *r, size_t field)
{
    (void)field;
    const char *keys[CONTACT_ROLE_COUNT];
    size_t n = contact_role_keys(r->c->roles, keys);
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string(keys[i]));
    return a;
}

/* The numbers as they always were; beside them (phone_kinds) their
 * kinds, the n-th the n-th number's, null when unknown. */
static json_t *v_phones(const struct jrow *r, size_t field)
{
    (void)field;
    json_t *a = json_array();
    for (size_t i = 0; i < r->c->phones.len; i++)
        json_array_append_new(a, text(r->c->phones.items[i].number));
    return a;
}

static json_t *v_phone_kinds(const struct jrow *r, size_t field)
{
    (void)field;
    json_t *a = json_array();
    for (size_t i = 0; i < r->c->phones.len; i++)
        json_array_append_new(a, text(r->c->phones.items[i].kind));
    return a;
}

/* Each address an object of vCard's seven parts (null when empty) and
 * its kind. */
static json_t *v_addresses(const struct jrow *r, size_t field)
{
    (void)field;
    static const char *const keys[ADDRESS_PARTS] = {
        "pobox", "extended", "street", "locality", "region", "code", "country",
    };
    json_t *a = json_array();
    for (size_t i = 0; i < r->c->addresses.len; i++) {
        const struct address *ad = &r->c->addresses.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "kind", text(ad->kind));
        for (int k = 0; k < ADDRESS_PARTS; k++)
            json_object_set_new(o, keys[k], text(ad->part[k]));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *v_urls(const struct jrow *r, size_t field)
{
    (void)field;
    json_t *a = json_array();
    for (size_t i = 0; i < r->c->urls.len; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "url", text(r->c->urls.items[i].url));
        json_object_set_new(o, "kind", text(r->c->urls.items[i].kind));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *v_cadence(const struct jrow *r, size_t field)
{
    (void)field;
    return r->c->cadence_days == -1 ? json_null()
                                    : json_integer(r->c->cadence_days);
}

static json_t *v_archived(const struct jrow *r, size_t field)
{
    (void)field;
    return json_boolean(r->c->archived);
}

static json_t *v_next_due(const struct jrow *r, size_t field)
{
    (void)field;
    return day(r->c->next_due);
}

#define FIELD(name) offsetof(struct contact, name)

/* Everything about a contact, before its notes, follow-ups, history and
 * scores. */
static const struct field export_fields[] = {
    { "id", v_id, 0 },
    { "uid", v_uid, 0 },
    { "name", v_text, FIELD(name) },
    { "organisation", v_text, FIELD(org) },
    { "department", v_text, FIELD(department) },
    { "title", v_text, FIELD(title) },
    { "stage", v_stage, 0 },
    { "stage_since", v_moment, FIELD(stage_since) },
    { "roles", v_roles, 0 },
    { "emails", v_list, FIELD(emails) },
    { "phones", v_phones, 0 },
    { "phone_kinds", v_phone_kinds, 0 },
    { "tags", v_list, FIELD(tags) },
    { "addresses", v_addresses, 0 },
    { "web_pages", v_urls, 0 },
    /* The other properties of the card the contact came from. */
    { "vcard_properties", v_list, FIELD(extras) },
    { "projects", v_text, FIELD(projects) },
    { "goals", v_text, FIELD(goals) },
    { "channel", v_text, FIELD(channel) },
    { "owner", v_text, FIELD(owner) },
    { "cadence_days", v_cadence, 0 },
    { "archived", v_archived, 0 },
    { "created", v_moment, FIELD(created) },
    { "updated", v_moment, FIELD(updated) },
    { "last_touch", v_moment, FIELD(last_touch) },
    { NULL, NULL, 0 },
};

/* What `list --format json` shows of each contact. */
static const struct field listing_fields[] = {
    { "id", v_id, 0 },
    { "name", v_text, FIELD(name) },
    { "organisation", v_text, FIELD(org) },
    { "department", v_text, FIELD(department) },
    { "title", v_text, FIELD(title) },
    { "stage", v_stage, 0 },
    { "roles", v_roles, 0 },
    { "emails", v_list, FIELD(emails) },
    { "phones", v_phones, 0 },
    { "phone_kinds", v_phone_kinds, 0 },
    { "tags", v_list, FIELD(tags) },
    { "channel", v_text, FIELD(channel) },
    { "created", v_moment, FIELD(created) },
    { "last_touch", v_moment, FIELD(last_touch) },
    { "next_due", v_next_due, 0 },
    { "archived", v_archived, 0 },
    { "owner", v_text, FIELD(owner) },
    { NULL, NULL, 0 },
};

/* An object with fields' keys, in their order; NULL when out of memory. */
static json_t *contact_object(const struct field *fields,
                              const struct jrow *r)
{
    json_t *o = json_object();
    for (size_t i = 0; o && fields[i].key; i++)
        json_object_set_new(o, fields[i].key,
                            fields[i].value(r, fields[i].field));
    return o;
}

void io_json_listing_begin(FILE *out)
{
    fputs("[", out);
}

void io_json_listing_contact(FILE *out, const struct contact *c,
                             size_t index)
{
    struct jrow r = { .c = c, .local_times = true };
    json_t *o = contact_object(listing_fields, &r);
    char *s = o ? json_dumps(o, JSON_PRESERVE_ORDER | JSON_INDENT(2)) : NULL;
    fputs(index ? ",\n" : "\n", out);
    if (s)
        fputs(s, out);
    free(s);
    json_decref(o);
}

void io_json_listing_end(FILE *out, size_t count)
{
    fputs(count ? "\n]\n" : "]\n", out);
}

/* ---- the export --------------------------------------------------------- */

static enum store_status put_contact(struct io_export *ex,
                                     const struct contact *c)
{
    char *uid = NULL;
    enum store_status rc = store_contact_get_uid(ex->st, c->id, &uid);
    if (rc == STORE_NOT_FOUND)
        rc = STORE_OK;
    char made[64];
    if (!uid)
        io_contact_uid(c, made, sizeof made);
    struct jrow r = { .c = c, .uid = uid ? uid : made };
    json_t *o = contact_object(export_fields, &r);
    free(uid);
    if (!o)
        return store_fail(ex->st, STORE_FAILED, _("out of memory"));
    json_t *notes = json_array(), *followups = json_array(),
           *history = json_array(), *scores = json_array();
    json_object_set_new(o, "notes", notes);
    json_object_set_new(o, "followups", followups);
    json_object_set_new(o, "stage_history", history);
    json_object_set_new(o, "scores", scores);
    if (rc == STORE_OK)
        rc = io_each_note(ex, c->id, add_note, notes);
    if (rc == STORE_OK)
        rc = add_followups(ex, c->id, followups);
    if (rc == STORE_OK)
        rc = add_history(ex, c->id, history);
    if (rc == STORE_OK)
        rc = add_scores(ex, c->id, scores);
    if (rc == STORE_OK) {
        /* The separator goes before every contact but the first. */
        if (ex->sum->written > 0)
            fputs(",\n", ex->out);
        fputs("    ", ex->out);
        if (json_dumpf(o, ex->out, JSON_PRESERVE_ORDER | JSON_COMPACT) != 0)
            rc = store_fail(ex->st, STORE_FAILED,
                            _("cannot write the JSON export"));
    }
    json_decref(o);
    return rc;
}

/* Every organisation by name, with how many of its active (not
 * archived) contacts are at each stage, in pipeline order. Contacts name
 * theirs in "organisation". */
static enum store_status put_orgs(struct io_export *ex)
{
    struct org_cursor cur;
    cursor_orgs(&cur, ex->st);
    bool first = true;
    enum store_status rc = STORE_OK;
    for (const struct org *g; rc == STORE_OK && (g = cursor_next_org(&cur)); ) {
        json_t *o = json_object(), *counts = json_object();
        if (!o || !counts) {
            json_decref(o);
            json_decref(counts);
            rc = store_fail(ex->st, STORE_FAILED, _("out of memory"));
            break;
        }
        for (int s = 0; s < STAGE_COUNT; s++)
            json_object_set_new(counts, stage_key((enum stage)s),
                                json_integer(g->stage_counts[s]));
        json_object_set_new(o, "id", json_integer(g->id));
        json_object_set_new(o, "name", str_or_null(g->name));
        json_object_set_new(o, "notes", str_or_null(g->notes));
        json_object_set_new(o, "stage_counts", counts);
        fputs(first ? "    " : ",\n    ", ex->out);
        first = false;
        if (json_dumpf(o, ex->out, JSON_PRESERVE_ORDER | JSON_COMPACT) != 0)
            rc = store_fail(ex->st, STORE_FAILED,
                            _("cannot write the JSON export"));
        json_decref(o);
    }
    enum store_status read = cursor_close_orgs(&cur);
    return rc != STORE_OK ? rc : read;
}

enum store_status io_json_export(struct io_export *ex)
{
    fputs("{\n  \"format\": \"rapport\",\n  \"version\": 1,\n"
          "  \"contacts\": [\n", ex->out);
    enum store_status rc = io_each_contact(ex, put_contact);
    fputs("\n  ],\n  \"organisations\": [\n", ex->out);
    /* The count of records written is the contacts'. */
    if (rc == STORE_OK)
        rc = put_orgs(ex);
    fputs("\n  ]\n}\n", ex->out);
    return rc;
}
