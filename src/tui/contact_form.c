/* The contact form: a contact as the fields of a form and back (lists
 * joined with commas, phones as kind:number), adding a contact, and
 * editing one when someone else saved it meanwhile: what only one side
 * changed is kept, a field both changed is asked about, nothing is
 * overwritten silently. Asks through tui/form.h and tui/prompt.h; the
 * domain (core/) decides. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/phone.h"
#include "base/text.h"
#include "core/cadence.h"
#include "core/contact.h"
#include "core/stage.h"
#include "core/team.h"
#include "tui/contact_form.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/prompt.h"
#include "store/contact.h"
#include "store/team.h"

enum {
    FIELD_NAME, FIELD_ORG, FIELD_DEPARTMENT, FIELD_TITLE, FIELD_ROLES,
    FIELD_EMAILS, FIELD_PHONES, FIELD_TAGS, FIELD_PROJECTS, FIELD_GOALS,
    FIELD_CHANNEL, FIELD_OWNER, FIELD_CADENCE, FIELD_STAGE, FIELD_COUNT
};

static const char *const field_labels[FIELD_COUNT] = {
    N_("Name"), N_("Organisation"), N_("Department"), N_("Title"),
    N_("Roles (user, decision-maker, both)"), N_("Emails (comma-separated)"),
    N_("Phones (kind:number, comma-separated)"),
    N_("Tags (comma-separated)"),
    N_("Projects"), N_("Goals"), N_("Preferred channel"),
    N_("Owner (a team member's login; empty: nobody)"),
    N_("Cadence (21d, 6w, off; empty: the stage's)"),
    N_("Stage (end-user, customer, client)"),
};

static char *dup_or_empty(const char *s)
{
    char *p = strdup(s ? s : "");
    if (!p)
        abort();
    return p;
}

static void split_into(const char *text, struct strlist *out)
{
    strlist_clear(out);
    char *copy = dup_or_empty(text);
    char *save = NULL;
    /* Items are joined with "; " when one holds a comma (a tag may). */
    const char *sep = strchr(copy, ';') ? ";" : ",";
    for (char *tok = strtok_r(copy, sep, &save); tok;
         tok = strtok_r(NULL, sep, &save)) {
        text_trim(tok);
        if (*tok)
            strlist_push(out, tok);
    }
    free(copy);
}

/* The other half of split_into: "; " between items when one holds a
 * comma, so that the form gives back the same items. */
static char *join_items(const struct strlist *list)
{
    bool comma = false;
    for (size_t i = 0; i < list->len; i++)
        comma = comma || strchr(list->items[i], ',');
    char *text = strlist_join(list, comma ? "; " : ", ");
    /* One item with a comma: a ";" after it says so. */
    if (comma && list->len == 1) {
        char *marked = NULL;
        if (asprintf(&marked, "%s;", text) < 0)
            abort();
        free(text);
        text = marked;
    }
    return text;
}

/* "cell:+47 123, +47 456": each number as phone_parse reads it. */
static char *join_phones(const struct phone_list *phones)
{
    struct strlist items = { 0 };
    for (size_t i = 0; i < phones->len; i++) {
        char *item = phone_format(&phones->items[i]);
        if (!item || strlist_push(&items, item) != 0)
            abort();
        free(item);
    }
    char *text = join_items(&items);
    strlist_clear(&items);
    return text;
}

/* The other half of join_phones; false (with a message) when a kind is
 * not one rapport knows. */
static bool split_phones(struct ui *ui, const char *text,
                         struct phone_list *out)
{
    struct strlist items = { 0 };
    split_into(text, &items);
    struct phone_list phones = { 0 };
    bool fine = true;
    for (size_t i = 0; fine && i < items.len; i++) {
        char *number = NULL;
        const char *kind = NULL;
        if (phone_parse(items.items[i], &number, &kind) != 0) {
            char *word = strndup(items.items[i], strcspn(items.items[i], ":"));
            char *shown = text_sanitize(word ? word : "", false);
            ui_message(ui, true, _("Phones: \"%s\" is not a kind; write %s."),
                       shown, phone_kind_keys());
            free(shown);
            free(word);
            fine = false;
        } else if (number && phone_list_push(&phones, number, kind) != 0) {
            abort();
        }
        free(number);
    }
    strlist_clear(&items);
    if (fine) {
        phone_list_clear(out);
        *out = phones;
    } else {
        phone_list_clear(&phones);
    }
    return fine;
}

static char *null_if_blank(const char *s)
{
    char *p = dup_or_empty(s);
    text_trim(p);
    if (!*p) {
        free(p);
        return NULL;
    }
    return p;
}

static void fill_fields(struct ui_field *f, const struct contact *c)
{
    f[FIELD_NAME].value = dup_or_empty(c->name);
    f[FIELD_ORG].value = dup_or_empty(c->org);
    f[FIELD_DEPARTMENT].value = dup_or_empty(c->department);
    f[FIELD_TITLE].value = dup_or_empty(c->title);
    const char *role_keys[CONTACT_ROLE_COUNT];
    size_t nroles = contact_role_keys(c->roles, role_keys);
    char roles[64];
    snprintf(roles, sizeof roles, "%s%s%s", nroles > 0 ? role_keys[0] : "",
             nroles > 1 ? ", " : "", nroles > 1 ? role_keys[1] : "");
    f[FIELD_ROLES].value = dup_or_empty(roles);
    f[FIELD_EMAILS].value = strlist_join(&c->emails, ", ");
    f[FIELD_PHONES].value = join_phones(&c->phones);
    f[FIELD_TAGS].value = join_items(&c->tags);
    f[FIELD_PROJECTS].value = dup_or_empty(c->projects);
    f[FIELD_GOALS].value = dup_or_empty(c->goals);
    f[FIELD_CHANNEL].value = dup_or_empty(c->channel);
    f[FIELD_OWNER].value = dup_or_empty(c->owner);
    char buf[32] = "";
    if (c->cadence_days == 0)
        snprintf(buf, sizeof buf, "off");
    else if (c->cadence_days > 0)
        snprintf(buf, sizeof buf, "%dd", c->cadence_days);
    f[FIELD_CADENCE].value = dup_or_empty(buf);
    f[FIELD_STAGE].value = dup_or_empty(stage_key(c->stage));
    for (int i = 0; i < FIELD_COUNT; i++) {
        f[i].label = _(field_labels[i]);
        f[i].complete = UI_COMPLETE_NONE;
    }
    /* Tab completes the names already in the store. */
    f[FIELD_ORG].complete = UI_COMPLETE_ORG;
    f[FIELD_OWNER].complete = UI_COMPLETE_LOGIN;
}

static void free_fields(struct ui_field *f)
{
    for (int i = 0; i < FIELD_COUNT; i++)
        free(f[i].value);
}

/* Reads the form into c; false (with a message) when a field is wrong,
 * so that the form opens again with everything typed still there. */
static bool read_fields(struct ui *ui, const struct ui_field *f,
                        struct contact *c, bool with_stage)
{
    char *roles = null_if_blank(f[FIELD_ROLES].value);
    int role_bits = roles ? contact_parse_role(roles) : 0;
    free(roles);
    if (role_bits < 0) {
        ui_message(ui, true, _("Roles: write user, decision-maker or both."));
        return false;
    }
    int cadence = -1;
    char *cad = null_if_blank(f[FIELD_CADENCE].value);
    if (cad && cadence_parse(cad, &cadence) < 0) {
        free(cad);
        ui_message(ui, true,
                   _("Cadence: write a number of days, weeks or months "
                     "(21d, 6w, 2m), off, or leave it empty."));
        return false;
    }
    free(cad);
    char *owner = null_if_blank(f[FIELD_OWNER].value);
    const char *login = NULL;
    if (team_login(owner, &login) != 0) {
        char *shown = text_sanitize(owner, false);
        ui_message(ui, true, _("Owner: there is no user %s here; write a login, or leave it empty."),
                   shown ? shown : "");
        free(shown);
        free(owner);
        return false;
    }
    struct phone_list phones = { 0 };
    if (!split_phones(ui, f[FIELD_PHONES].value, &phones)) {
        free(owner);
        return false;
    }
    int stage = c->stage;
    if (with_stage) {
        char *s = null_if_blank(f[FIELD_STAGE].value);
        stage = s ? stage_parse(s) : STAGE_END_USER;
        free(s);
        if (stage == STAGE_NONE) {
            ui_message(ui, true,
                       _("Stage: write end-user, customer or client."));
            phone_list_clear(&phones);
            free(owner);
            return false;
        }
    }
    free(c->name);
    c->name = dup_or_empty(f[FIELD_NAME].value);
    text_trim(c->name);
    free(c->org);
    c->org = null_if_blank(f[FIELD_ORG].value);
    free(c->department);
    c->department = null_if_blank(f[FIELD_DEPARTMENT].value);
    free(c->title);
    c->title = null_if_blank(f[FIELD_TITLE].value);
    c->roles = (unsigned)role_bits;
    split_into(f[FIELD_EMAILS].value, &c->emails);
    phone_list_clear(&c->phones);
    c->phones = phones;
    split_into(f[FIELD_TAGS].value, &c->tags);
    free(c->projects);
    c->projects = null_if_blank(f[FIELD_PROJECTS].value);
    free(c->goals);
    c->goals = null_if_blank(f[FIELD_GOALS].value);
    free(c->channel);
    c->channel = null_if_blank(f[FIELD_CHANNEL].value);
    free(c->owner);
    c->owner = login ? owner : NULL;
    if (!login)
        free(owner);
    c->cadence_days = cadence;
    c->stage = (enum stage)stage;
    return true;
}

int64_t ui_contact_form_add(struct ui *ui)
{
    return ui_contact_form_add_to(ui, NULL, 0);
}

int64_t ui_contact_form_add_to(struct ui *ui, const char *org, unsigned roles)
{
    struct contact c;
    contact_init(&c);
    if (org && !(c.org = strdup(org)))
        abort();
    if (roles)
        c.roles = roles;
    struct ui_field f[FIELD_COUNT];
    fill_fields(f, &c);
    int64_t id = 0;
    while (ui_form(ui, _("New contact"), f, FIELD_COUNT)) {
        if (!read_fields(ui, f, &c, true))
            continue;
        if (contact_add(ui->st, &c, ui_now()) == STORE_OK) {
            id = c.id;
            char *name = text_sanitize(c.name, false);
            ui_message(ui, false, _("Added %s (#%lld)."), name,
                       (long long)c.id);
            free(name);
            ui->dirty = true;
            break;
        }
        ui_store_error(ui);
        if (store_read_only(ui->st))
            break;
    }
    free_fields(f);
    contact_clear(&c);
    return id;
}

/* Someone else saved the contact while the form was open. A field only
 * one side changed takes that side's value; a field both changed to
 * different values is a clash, and `mine` says whose value it keeps.
 * The clashing fields' labels go to `clashes` (comma-separated). */
static void merge_fields(struct ui_field *f, const struct ui_field *base,
                         const struct ui_field *theirs, char *clashes, size_t size,
                         bool *any_clash)
{
    clashes[0] = '\0';
    *any_clash = false;
    for (int i = 0; i < FIELD_COUNT; i++) {
        bool mine_changed = strcmp(f[i].value, base[i].value) != 0;
        bool theirs_changed = strcmp(theirs[i].value, base[i].value) != 0;
        if (!theirs_changed || strcmp(f[i].value, theirs[i].value) == 0)
            continue;
        if (!mine_changed) {
            free(f[i].value);
            f[i].value = dup_or_empty(theirs[i].value);
            continue;
        }
        *any_clash = true;
        size_t used = strlen(clashes);
        snprintf(clashes + used, size - used, "%s%s", used ? ", " : "", f[i].label);
    }
}

/* Takes their value for every field both sides changed. */
static void take_theirs(struct ui_field *f, const struct ui_field *base,
                        const struct ui_field *theirs)
{
    for (int i = 0; i < FIELD_COUNT; i++)
        if (strcmp(theirs[i].value, base[i].value) != 0) {
            free(f[i].value);
            f[i].value = dup_or_empty(theirs[i].value);
        }
}

bool ui_contact_form_edit(struct ui *ui, int64_t contact_id)
{
    struct contact c;
    if (store_contact_get(ui->st, contact_id, &c) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    struct ui_field f[FIELD_COUNT], base[FIELD_COUNT];
    fill_fields(f, &c);
    fill_fields(base, &c);
    bool saved = false;
    char title[256];
    char *name = text_sanitize(c.name, false);
    snprintf(title, sizeof title, _("Edit %s (#%lld)"), name,
             (long long)c.id);
    free(name);
    /* The stage is changed with promote/demote, so it has a history. */
    while (ui_form(ui, title, f, FIELD_COUNT - 1)) {
        if (!read_fields(ui, f, &c, false))
            continue;
        bool changed = false;
        enum store_status rc = contact_update_changed(ui->st, &c, ui_now(), &changed);
        if (rc == STORE_OK) {
            saved = changed;
            ui_message(ui, false, changed ? _("Saved.") : _("Nothing to change."));
            ui->dirty = true;
            break;
        }
        if (rc != STORE_CONFLICT) {
            ui_store_error(ui);
            if (rc == STORE_READ_ONLY || rc == STORE_NOT_FOUND)
                break;
            continue;
        }
        /* Someone else saved meanwhile: keep what each side changed,
         * ask only about fields both changed, never overwrite silently. */
        struct contact fresh;
        if (store_contact_get(ui->st, contact_id, &fresh) != STORE_OK) {
            ui_store_error(ui);
            break;
        }
        struct ui_field theirs[FIELD_COUNT];
        fill_fields(theirs, &fresh);
        char clashes[512];
        bool clash;
        merge_fields(f, base, theirs, clashes, sizeof clashes, &clash);
        /* In a team, the colleague is named. */
        char by[64];
        char *who = store_contact_changed_by(ui->st, contact_id, by, sizeof by)
                        && strcmp(by, store_author(ui->st)) != 0
                    ? text_sanitize(by, false) : NULL;
        bool keep_mine = true;
        if (clash) {
            char q[768];
            if (who)
                snprintf(q, sizeof q, _("%s changed %s meanwhile, as you did. "
                                        "Keep your version of those?"), who, clashes);
            else
                snprintf(q, sizeof q, _("Someone else changed %s meanwhile, as you did. "
                                        "Keep your version of those?"), clashes);
            keep_mine = ui_confirm(ui, q);
            if (!keep_mine)
                take_theirs(f, base, theirs);
        }
        /* What was merged is the new starting point. */
        free_fields(base);
        fill_fields(base, &fresh);
        free_fields(theirs);
        contact_clear(&c);
        c = fresh;
        if (!read_fields(ui, f, &c, false)) {
            free(who);
            continue;
        }
        if (!keep_mine) {
            ui_message(ui, false, _("Their version of %s is in the form, with your other "
                                    "changes; edit it again or save."), clashes);
            free(who);
            continue;
        }
        if (contact_update(ui->st, &c, ui_now()) == STORE_OK) {
            saved = true;
            if (clash)
                ui_message(ui, false, "%s", _("Saved over their change."));
            else if (who)
                ui_message(ui, false, _("Saved, with the change %s made meanwhile."), who);
            else
                ui_message(ui, false, "%s", _("Saved, with the change someone else made meanwhile."));
            free(who);
            ui->dirty = true;
            break;
        }
        free(who);
        ui_store_error(ui);
    }
    free_fields(f);
    free_fields(base);
    contact_clear(&c);
    return saved;
}
