/* JSON export of everything, for scripts: every contact with its notes,
 * follow-ups, stage history and scores, then every organisation. Built
 * with jansson one contact at a time and streamed, so memory stays
 * bounded by one contact; keys keep the order they are set in
 * (JSON_PRESERVE_ORDER), so two exports of the same data are the same
 * bytes. Uses core/ and below. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <jansson.h>

#include "core/cursor.h"
#include "base/i18n.h"
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

static json_t *list(const struct strlist *l)
{
    json_t *a = json_array();
    for (size_t i = 0; i < l->len; i++)
        json_array_append_new(a, json_string(l->items[i]));
    return a;
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
        json_array_append_new(into, o);
    }
    score_list_clear(&l);
    return rc;
}

static enum store_status put_contact(struct io_export *ex,
                                     const struct contact *c)
{
    json_t *o = json_object();
    if (!o)
        return store_fail(ex->st, STORE_FAILED, _("out of memory"));
    char *uid = NULL;
    enum store_status rc = store_contact_get_uid(ex->st, c->id, &uid);
    if (rc == STORE_NOT_FOUND)
        rc = STORE_OK;
    char made[64];
    if (!uid)
        io_contact_uid(c, made, sizeof made);
    unsigned r = c->roles;
    json_t *roles = json_array();
    if (r & ROLE_USER)
        json_array_append_new(roles, json_string("user"));
    if (r & ROLE_DECISION_MAKER)
        json_array_append_new(roles, json_string("decision-maker"));
    json_object_set_new(o, "id", json_integer(c->id));
    json_object_set_new(o, "uid", json_string(uid ? uid : made));
    free(uid);
    json_object_set_new(o, "name", str_or_null(c->name));
    json_object_set_new(o, "organization", str_or_null(c->org));
    json_object_set_new(o, "department", str_or_null(c->department));
    json_object_set_new(o, "title", str_or_null(c->title));
    json_object_set_new(o, "stage", json_string(stage_key(c->stage)));
    json_object_set_new(o, "stage_since", moment(c->stage_since));
    json_object_set_new(o, "roles", roles);
    json_object_set_new(o, "emails", list(&c->emails));
    /* The numbers as they always were, and beside them their kinds, the
     * n-th the n-th number's (null when unknown). */
    json_t *phones = json_array(), *kinds = json_array();
    for (size_t i = 0; i < c->phones.len; i++) {
        json_array_append_new(phones, json_string(c->phones.items[i].number));
        json_array_append_new(kinds, str_or_null(c->phones.items[i].kind));
    }
    json_object_set_new(o, "phones", phones);
    json_object_set_new(o, "phone_kinds", kinds);
    json_object_set_new(o, "tags", list(&c->tags));
    json_object_set_new(o, "projects", str_or_null(c->projects));
    json_object_set_new(o, "goals", str_or_null(c->goals));
    json_object_set_new(o, "channel", str_or_null(c->channel));
    json_object_set_new(o, "cadence_days", c->cadence_days == -1 ? json_null()
                        : json_integer(c->cadence_days));
    json_object_set_new(o, "archived", json_boolean(c->archived));
    json_object_set_new(o, "created", moment(c->created));
    json_object_set_new(o, "updated", moment(c->updated));
    json_object_set_new(o, "last_touch", moment(c->last_touch));
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
 * theirs in "organization". */
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
