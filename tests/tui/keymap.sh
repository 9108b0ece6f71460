#!/bin/bash
# Every key a screen answers to or names comes from the keymap: remapped
# keys show up in the screens' own hints, and the keys that do not type
# work through the keymap while the Contacts filter has focus.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/k.db"
mkdir -p "$XDG_CONFIG_HOME/rapport"
cat >"$XDG_CONFIG_HOME/rapport/config.ini" <<'INI'
[keys]
add = +
edit = ^E
followup = F
undo = U
INI

tui_start -- --db "$db"
wait_for "Nothing needs you today" 10 "starts on an empty database"
wait_for "+ adds a contact; F on a contact schedules" 2 \
    "the empty Review names the remapped keys"
tui_keys 3
wait_for "No contacts yet; + adds one." 2 "so does the empty Contacts list"
tui_quit

run --db "$db" add "Ada Lovelace" --org "Analytical Society"
ada=$(printed_id)
run --db "$db" add "Alan Turing" --org "Bletchley Park"
run --db "$db" add "Grace Hopper" --org "Bureau of Ships"
grace=$(printed_id)
is "$status" 0 "three contacts added"

tui_start -- --db "$db"
wait_for "Review |" 10 "starts again"
tui_keys 3
wait_for "Contacts (3)" 2 "the Contacts list"
tui_keys Enter
wait_for "Ada Lovelace  $ada" 2 "Enter opens the first contact"
wait_for "Nothing recorded yet; ^E edits them." 2 "the contact names the remapped edit key"
tui_keys x
wait_for "No open follow-up; F adds one." 2 "and the remapped follow-up key"
tui_keys d
wait_for "(hidden, kept; U undoes it)" 2 "archiving names the remapped undo key"
tui_keys n
tui_keys q
wait_for "Contacts (3)" 2 "back on the list"

# In the filter the letters type; the keys that type nothing still act
# on the list through the keymap.
tui_keys /
tui_type "b"
wait_for "Contacts (2)" 2 "a letter types into the filter"
tui_keys Down
tui_keys Enter
wait_for "Grace Hopper  $grace" 2 "<Down> moves down the filtered list and Enter opens"
tui_keys q
wait_for "Contacts (2)" 2 "back on the filtered list"
tui_keys Escape
wait_for "Contacts (3)" 2 "Esc, a back key that also cancels, clears the filter first"
tui_keys /
tui_type "turing"
wait_for "Contacts (1)" 2 "filtering again"
tui_keys Escape
wait_for "Contacts (3)" 2 "Esc, the cancel key, clears the filter while typing"
tui_quit

done_testing
