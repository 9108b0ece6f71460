/* Notes: the record of every interaction, with its kind.
 * Uses store/ and below. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "core/note.h"
#include "base/text.h"
#include "model/note.h"
#include "store/note.h"

const char *const note_kinds[] = {
    "note", "call", "email", "meeting", "consultation", "delivery", NULL,
};

static const char *const note_kind_labels[] = {
    N_("note"), N_("call"), N_("email"), N_("meeting"), N_("consultation"),
    N_("delivery"),
};

static int kind_index(const char *kind)
{
    for (int i = 0; kind && note_kinds[i]; i++)
        if (strcmp(kind, note_kinds[i]) == 0)
            return i;
    return -1;
}

bool note_kind_valid(const char *kind)
{
    return kind_index(kind) >= 0;
}

const char *note_kind_label(const char *kind)
{
    int i = kind_index(kind);
    return i >= 0 ? _(note_kind_labels[i]) : kind;
}

/* Drops trailing blanks and blank lines; leading lines stay as typed. */
static void trim_end(char *body)
{
    size_t len = strlen(body);
    while (len && (body[len - 1] == ' ' || body[len - 1] == '\t'
                   || body[len - 1] == '\n' || body[len - 1] == '\r'))
        body[--len] = '\0';
}

static bool is_blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    return true;
}

/* Checks a note's kind and body as note_add and note_edit take them,
 * and gives the body as it is stored (one kind of line break, no
 * trailing blanks) in *out. */
static enum store_status note_check(struct store *st, const char *kind,
                                    const char *body, char **out)
{
    *out = NULL;
    if (!note_kind_valid(kind))
        return store_fail(st, STORE_INVALID,
                          _("kind: unknown \"%s\"; expected note, call, email, meeting, consultation or delivery"),
                          kind);
    /* Measured before anything else reads the whole body. */
    if (body && strnlen(body, NOTE_MAX_BYTES + 1) > NOTE_MAX_BYTES)
        return store_fail(st, STORE_INVALID,
                          _("the note is longer than %d MiB; split it into several notes"),
                          NOTE_MAX_BYTES / (1024 * 1024));
    if (!body || is_blank(body))
        return store_fail(st, STORE_INVALID, _("the note is empty"));
    if (!text_is_utf8(body))
        return store_fail(st, STORE_INVALID, _("the note is not valid UTF-8"));
    /* Tabs and line breaks are the note's; any other control character
     * a terminal would take as a command when the note is shown. */
    char shown[16];
    if (text_find_control(body, true, shown, sizeof shown))
        return store_fail(st, STORE_INVALID,
                          _("%s: holds the control character %s, which a terminal would take as a command; remove it"),
                          _("note"), shown);
    *out = strdup(body);
    if (!*out)
        return store_fail(st, STORE_FAILED, _("out of memory"));
    /* One kind of line break, whatever the editor or file used. */
    text_unify_breaks(*out);
    trim_end(*out);
    return STORE_OK;
}

enum store_status note_add(struct store *st, int64_t contact_id,
                           const char *kind, const char *body, time_t now,
                           int64_t *id)
{
    if (!kind)
        kind = "note";
    struct note n = { .contact_id = contact_id, .at = now };
    enum store_status rc = note_check(st, kind, body, &n.body);
    if (rc != STORE_OK)
        return rc;
    snprintf(n.kind, sizeof n.kind, "%s", kind);
    rc = store_note_add(st, &n, now);
    if (rc == STORE_OK && id)
        *id = n.id;
    free(n.body);
    return rc;
}

enum store_status note_edit(struct store *st, int64_t id, const char *kind,
                            const char *body, time_t now)
{
    struct note n;
    enum store_status rc = store_note_get(st, id, &n);
    if (rc != STORE_OK)
        return rc;
    char *checked = NULL;
    rc = note_check(st, kind ? kind : n.kind, body ? body : n.body, &checked);
    if (rc == STORE_OK) {
        if (kind)
            snprintf(n.kind, sizeof n.kind, "%s", kind);
        free(n.body);
        n.body = checked;
        rc = store_note_update(st, &n, now);
    }
    note_clear(&n);
    return rc;
}

enum store_status note_delete(struct store *st, int64_t id, time_t now)
{
    return store_note_delete(st, id, now);
}
