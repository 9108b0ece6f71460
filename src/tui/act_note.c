/* A note edited in the built-in editor, or deleted after a question;
 * both through core/note.h, so the command line's --edit and --delete
 * follow the same rules. An action: uses tui/editor.h, tui/prompt.h,
 * tui/draw.h and below. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "core/note.h"
#include "tui/act_note.h"
#include "tui/draw.h"
#include "tui/editor.h"
#include "tui/prompt.h"
#include "model/note.h"
#include "store/note.h"

bool ui_act_note_edit(struct ui *ui, int64_t note_id)
{
    struct note n;
    if (store_note_get(ui->st, note_id, &n) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    char title[96];
    snprintf(title, sizeof title, _("Note #%lld, edited"), (long long)note_id);
    const char *labels[16];
    size_t nkinds = 0, kind = 0;
    for (; note_kinds[nkinds] && nkinds + 1 < sizeof labels / sizeof labels[0];
         nkinds++) {
        labels[nkinds] = note_kind_label(note_kinds[nkinds]);
        if (strcmp(note_kinds[nkinds], n.kind) == 0)
            kind = nkinds;
    }
    labels[nkinds] = NULL;
    char *draft = n.body;
    n.body = NULL;
    bool stored = false;
    for (;;) {
        char *body = NULL;
        if (!ui_editor(ui, title, draft, labels, &kind, &body))
            break;
        if (note_edit(ui->st, note_id, note_kinds[kind], body, ui_now()) == STORE_OK) {
            char undo[32];
            keys_first_name(&ui->keys, ACT_UNDO, undo, sizeof undo);
            /* TRANSLATORS: the note's number, then the key that undoes. */
            ui_message(ui, false, _("Note #%lld changed (%s undoes it)."),
                       (long long)note_id, undo);
            ui->dirty = true;
            stored = true;
            free(body);
            break;
        }
        ui_store_error(ui);
        /* Refused (emptied, a control character): the text stays. */
        free(draft);
        draft = body;
        if (store_read_only(ui->st))
            break;
    }
    free(draft);
    note_clear(&n);
    return stored;
}

bool ui_act_note_delete(struct ui *ui, int64_t note_id)
{
    struct note n;
    if (store_note_get(ui->st, note_id, &n) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    /* The question shows how the note begins, so the right one goes. */
    if (n.body)
        n.body[strcspn(n.body, "\n")] = '\0';
    char start[40];
    text_sanitize_into(n.body ? n.body : "", start, sizeof start);
    note_clear(&n);
    char undo[32], q[256];
    keys_first_name(&ui->keys, ACT_UNDO, undo, sizeof undo);
    /* TRANSLATORS: the note's number, how it begins, the key that undoes. */
    snprintf(q, sizeof q, _("Delete note #%lld “%s…”? (%s brings it back)"),
             (long long)note_id, start, undo);
    if (!ui_confirm(ui, q))
        return false;
    if (note_delete(ui->st, note_id, ui_now()) != STORE_OK) {
        ui_store_error(ui);
        return false;
    }
    ui_message(ui, false, _("Note #%lld deleted (%s brings it back)."),
               (long long)note_id, undo);
    ui->dirty = true;
    return true;
}
