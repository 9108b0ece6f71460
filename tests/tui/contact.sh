#!/bin/bash
# Adding a contact through the form, moving it along the pipeline with
# reasons, and seeing it in the Clients column and the stage history.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/c.db"

tui_start -- --db "$db"
wait_for "Nothing needs you today" 10 "starts"
tui_keys a
wait_for "New contact" 2 "a opens the form"
tui_type "Zoë Ødegård"
tui_keys Tab
tui_type "Faculty of Law"
tui_keys Tab
tui_type "Department of History"
tui_keys Tab
tui_type "Professor"
tui_keys Down C-u
tui_type "both"
tui_keys Tab
tui_type "zoe@example.org, z@law.example"
tui_keys Tab
tui_type "mobile:+47 912 34 567, work: +47 55 58 00 00, +47 1"
tui_keys BTab BTab BTab
# Line editing: ^W drops the last word, ^A/^E move, typing inserts.
tui_keys C-e C-w
tui_type "Dean"
tui_keys C-s
wait_for "Added Zoë Ødegård" 3 "^S saves the form"
wait_for "Stage: End user since" 2 "the new contact's page opens"
wait_for "Dean, Department of History, Faculty of Law" 2 \
    "with the title, department and organisation"
wait_for "Phones: +47 912 34 567 (cell), +47 55 58 00 00 (work), +47 1" 2 \
    "and the phones with their kinds"
is "$(sql "$db" "SELECT name, title, department, roles FROM contact")" "Zoë Ødegård|Dean|Department of History|3" \
    "the contact is stored with what was typed"
is "$(sql "$db" "SELECT group_concat(email, ' ') FROM (SELECT email FROM contact_email ORDER BY position)")" \
    "zoe@example.org z@law.example" "both emails are stored"
is "$(sql "$db" "SELECT group_concat(phone || '=' || coalesce(kind, '?'), ' ') FROM (SELECT phone, kind FROM contact_phone ORDER BY position)")" \
    "+47 912 34 567=cell +47 55 58 00 00=work +47 1=?" "the phones are stored with their kinds, one without"
is "$(sql "$db" "SELECT name FROM organisation")" "Faculty of Law" \
    "the organisation is created"

tui_keys '>'
wait_for "Promote; reason" 2 "> asks for a reason"
tui_type "came back for the thesis service"
tui_keys Enter
wait_for "Now: Customer" 2 "promoted to customer"
tui_keys '>'
wait_for "Promote; reason" 2 "asks again"
tui_keys Escape
wait_gone "Promote; reason" 2 "Esc cancels"
is "$(sql "$db" "SELECT stage FROM contact")" 1 "a cancelled promotion changes nothing"
tui_keys '>'
tui_type "partner in the open access project"
tui_keys Enter
wait_for "Now: Client" 2 "promoted to client"
wait_for "Customer → Client: partner in the open access project" 2 \
    "the stage history shows the reason"
# The stage history is below the notes: G goes down to it.
tui_keys G
wait_for "End user → Customer: came back for the thesis service" 2 \
    "and the earlier one"
is "$(sql "$db" "SELECT from_stage || '>' || to_stage || ':' || reason FROM stage_change WHERE from_stage IS NOT NULL ORDER BY id")" \
    "0>1:came back for the thesis service
1>2:partner in the open access project" "both changes are stored with reasons"

tui_keys 2
wait_for "Clients (1)" 2 "the Pipeline counts one client"
wait_for "Zoë Ødegård · Faculty of" 2 "and shows it with its organisation"
# Back one stage from the pipeline: the selection follows the contact.
tui_keys l l '<'
wait_for "Demote; reason" 2 "< asks for a reason"
tui_keys Enter
wait_for "Customers (1)" 2 "an empty reason is accepted"
wait_for "Clients (0)" 2 "the client column is empty now"
tui_keys '>'
tui_keys Enter
wait_for "Clients (1)" 2 "the contact stayed selected in its new column"
is "$(sql "$db" "SELECT count(*) FROM stage_change WHERE reason IS NULL AND from_stage IS NOT NULL")" 2 \
    "empty reasons are stored as none"

# Archive asks first; undo brings it back.
tui_keys Enter
wait_for "Stage: Client since" 2 "Enter opens the contact"
tui_keys d
wait_for "Archive Zoë Ødegård?" 2 "d asks for confirmation"
tui_keys n
wait_gone "Archive Zoë Ødegård?" 2 "no answers the question"
is "$(sql "$db" "SELECT archived FROM contact")" 0 "no keeps it"
tui_keys d
wait_for "Archive Zoë Ødegård?" 2 "asks again"
tui_keys y
wait_for "[archived: d brings them back]" 2 "yes archives it, and the title says how to bring it back"
is "$(sql "$db" "SELECT archived FROM contact")" 1 "archived in the database"
tui_keys u
wait_for "Undone:" 2 "u undoes and says what"
wait_gone "[archived:" 2 "the contact is back"
is "$(sql "$db" "SELECT archived FROM contact")" 0 "unarchived in the database"
tui_quit

# Long free text on the contact page is wrapped, never cut. The contact
# was added in the form above: its id is the one the database gave it.
who="#$(sql "$db" "SELECT id FROM contact")"
run --db "$db" follow "$who" +3d "Send the list of scanned parishes with their shelfmarks and the licence terms for the exhibition catalogue" --every 2w
# A tag holding a comma must come back whole from the form.
run --db "$db" edit "$who" --tag "maps, atlases"
run --db "$db" score "$who" 9 "Very pleased with the scanning and the metadata; wants the same for the manuscripts next year"
tui_start -- --db "$db"
wait_for "Review |" 10 "starts again"
tui_keys 3 Enter
wait_for "for the exhibition catalogue ↻2w" 3 "a long follow-up is wrapped, its recurrence kept"
tui_keys G
wait_for "for the manuscripts next year" 2 "a long score comment is wrapped to its end"
steps=$(sql "$db" "SELECT count(*) FROM journal")
tui_keys e
wait_for "Edit Zoë Ødegård" 2 "the edit form opens"
tui_keys C-s
wait_for "Nothing to change." 2 "saving an unchanged form (a tag with a comma too) changes nothing"
is "$(sql "$db" "SELECT count(*) FROM journal")" "$steps" "and leaves no undo step"
# A kind of number rapport does not know is refused in the form, which
# keeps what was typed.
tui_keys e
wait_for "Edit Zoë Ødegård" 2 "the edit form opens again"
tui_keys Tab Tab Tab Tab Tab Tab C-e
tui_type ", car:+47 2"
tui_keys C-s
wait_for 'Phones: "car" is not a kind' 2 "an unknown kind is refused, naming it"
# A field without focus shows its start; with focus, its end (the cursor).
tui_keys Tab Tab Tab Tab Tab Tab
wait_for "+47 1, car:+47 2" 2 "and the form keeps what was typed"
wait_for "Phones (kind:number, comma-separated)" 2 "its label says how to write a kind"
tui_keys C-e BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
tui_type "fax:+47 2"
tui_keys C-s
wait_for "Saved." 2 "a known kind is saved"
is "$(sql "$db" "SELECT kind FROM contact_phone WHERE phone = '+47 2'")" fax "with its kind"
is "$(sql "$db" "SELECT count(*) FROM contact_phone")" 4 "and nothing else changes"
tui_quit

done_testing
