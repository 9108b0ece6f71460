#!/bin/bash
# Text from the database is shown sanitized, changes from another
# process appear on the open screen, forgetting asks for the name, and
# the demo opens on a full review.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/l.db"
run --db "$db" add "EvilRed" --org Mallory
is "$status" 0 "a contact"
# whose name an older rapport stored with escape sequences
sql_legacy "$db" "UPDATE contact SET name = 'Evil' || char(27) || '[31mRed' || char(27) || ']0;pwned' || char(7)"
run --db "$db" add "Ada Lovelace"
run --db "$db" add "王小明 Wang" --org "北京大学"
run --db "$db" add "$(printf 'Zoe\314\210 Combining')" --org "Uni"

tui_start -- --db "$db"
wait_for "Review |" 10 "starts"
tui_keys 3
wait_for "Evil^[[31mRed^[]0;pwned" 3 "control characters are shown as placeholders"
is "$(sql "$db" "SELECT hex(name) LIKE '%1B5B33316D%' FROM contact WHERE name LIKE 'Evil%'")" 1 \
    "while the name is stored as it was given"
# Wide and combining characters keep the columns aligned: the stage
# column starts at the same display column on every row.
screen=$(tui_screen)
cols=$(printf '%s\n' "$screen" | grep 'End user' | sed 's/End user.*//' \
    | while IFS= read -r line; do printf '%s\n' "$line" | wc -L; done | sort -u)
is "$cols" "$(printf '%s\n' "$screen" | grep 'Ada Lovelace' | sed 's/End user.*//' | wc -L)" \
    "the stage column is aligned on every row"
like "$screen" "王小明 Wang +End user +北京大学" "wide names are shown whole"
# A contact added elsewhere appears, and the selection stays on its row.
tui_keys G
run --db "$db" add "Aaron Aardvark"
wait_for "Aaron Aardvark" 2 "a contact added by another process appears"
wait_for "Contacts (5)" 1 "and is counted"
tui_keys Enter
wait_for "王小明 Wang  #" 2 "the selection stayed on the same contact"
tui_keys q
wait_for "Contacts (5)" 2 "back on the list"
tui_keys g j
wait_for "Ada Lovelace" 2 "the other contact"
tui_keys Enter
wait_for "No notes yet." 2 "its page is open"

# Another process writes; the open screen follows within a second.
run --db "$db" note "Ada" "Written from another shell"
is "$status" 0 "rapport note from another process"
wait_for "Written from another shell" 2 "the note appears on the open screen"
wait_for "Timeline (1 note)" 1 "with the count"
is "$(sql "$db" "SELECT c.name FROM note n JOIN contact c ON c.id = n.contact_id")" "Ada Lovelace" \
    "the note is stored on that contact"

# u undoes this session's changes; one made elsewhere is asked about.
tui_keys u
wait_for "made outside this session? (y/n)" 2 "u asks before undoing another's change"
tui_keys n
wait_gone "made outside this session" 2 "no answers the question"
is "$(sql "$db" "SELECT count(*) FROM note")" 1 "and the note is kept"
run --db "$db" note "Ada" "A second note, regretted"
wait_for "A second note, regretted" 2 "another note from outside"
tui_keys u
wait_for "made outside this session? (y/n)" 2 "asked again"
tui_keys y
wait_gone "A second note, regretted" 2 "yes undoes it"
is "$(sql "$db" "SELECT body FROM note")" "Written from another shell" \
    "only the newest note went"

# An edit of a contact someone else changed meanwhile is never saved
# over theirs without asking.
tui_keys e
wait_for "Edit Ada Lovelace" 2 "e opens the form"
tui_keys Tab Tab Tab
tui_type "Countess"
run --db "$db" edit "Ada" --title "Mathematician"
is "$status" 0 "another process changes the title"
tui_keys Tab Tab Tab Tab
tui_type "rare books"
tui_keys C-s
wait_for "Someone else changed Title meanwhile, as you did" 3 "saving names the field both changed"
tui_keys n
wait_for "Their version of Title is in the form" 2 "no puts their version in the form"
wait_for "Mathematician" 2 "with their title"
wait_for "rare books" 2 "and the user's other change kept"
is "$(sql "$db" "SELECT title FROM contact WHERE name = 'Ada Lovelace'")" "Mathematician" \
    "theirs is kept"
tui_keys Tab Tab Tab C-e C-w
tui_type "Countess"
tui_keys C-s
wait_for "Saved." 2 "the edit made on their version is saved"
is "$(sql "$db" "SELECT title FROM contact WHERE name = 'Ada Lovelace'")" "Countess" \
    "and stored"
is "$(sql "$db" "SELECT tag FROM contact_tag JOIN contact ON contact.id = contact_id WHERE name = 'Ada Lovelace'")" \
    "rare books" "with the tag typed before the clash"

# Changes to different fields are merged without a question.
tui_keys e
wait_for "Edit Ada Lovelace" 2 "e opens the form again"
tui_keys Tab Tab Tab C-e
tui_type " of Numbers"
run --db "$db" edit "Ada" --org "Analytical Engine Society"
tui_keys C-s
wait_for "Saved, with the change someone else made meanwhile" 3 "different fields merge"
is "$(sql "$db" "SELECT c.title || '|' || o.name FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name = 'Ada Lovelace'")" \
    "Countess of Numbers|Analytical Engine Society" "both changes are stored"

tui_keys D
wait_for "Type the name" 2 "D asks for the name"
tui_type "Ada"
tui_keys Enter
wait_for "did not match" 2 "a wrong name erases nothing"
wait_for "Type the name: Ada" 2 "and the question stays open with what was typed"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE name = 'Ada Lovelace'")" 1 "still there"
tui_type " Lovelace"
tui_keys Enter
wait_for "Erased; earlier backups and exports still hold their data: Ada Lovelace" 2 \
    "the right name erases, and says that earlier backups and exports still hold it"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE name = 'Ada Lovelace'")" 0 "gone from the database"
is "$(sql "$db" "SELECT count(*) FROM organisation WHERE name = 'Analytical Engine Society'")" 0 \
    "with the organisation only she belonged to"
is "$(sql "$db" "SELECT count(*) FROM note")" 0 "with the note"
tui_quit

tui_start -- --demo
wait_for "Overdue (" 10 "the demo opens on the Review"
screen=$(tui_screen)
unlike "$screen" "Nothing needs you today" "and it is full"
like "$screen" "Gone quiet \([1-9]" "people have gone quiet"
tui_keys u
wait_for "nothing to undo" 2 "the demo's own data is not a change to undo"
tui_quit

done_testing
