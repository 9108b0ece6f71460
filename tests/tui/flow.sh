#!/bin/bash
# SPEC §3: flow control is off while rapport runs, so Ctrl-S and Ctrl-Q
# reach the program instead of stopping and starting the terminal's
# output: the pane's tty has IXON off while rapport runs (and on again
# after), a Ctrl-S on a screen leaves the next key's redraw visible,
# Ctrl-S saves a note, and Ctrl-Q bound in [keys] does what it is bound to.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/f.db"
run --db "$db" add "Ada Lovelace" --org "Analytical Society"
is "$status" 0 "a contact"
printf '[keys]\ncontacts = C-q\n' >"$TEST_DIR/keys.ini"

# ixon TTY: "ixon" or "-ixon", as stty says the tty is set.
ixon() { stty -F "$1" -a | tr ' ' '\n' | grep -xE -- '-?ixon'; }

tui_start -- --config "$TEST_DIR/keys.ini" --db "$db"
wait_for "Review |" 10 "the Review"
tty=$(tmux_ display-message -p -t rapport '#{pane_tty}')
is "$(ixon "$tty")" "-ixon" "while rapport runs its terminal has flow control off"

# With flow control on, ^S would stop the terminal's output: the screen
# would not show what the next key draws.
tui_keys C-s
tui_keys 2
wait_for "Clients (0)" 3 "after ^S the next key still draws (2 opens the Pipeline)"
tui_keys C-q
wait_for "Contacts (1)" 3 "^Q reaches rapport: bound to contacts, it opens the Contacts"
tui_keys Enter
wait_for "No notes yet." 2 "the contact page"
tui_keys n
wait_for "Note about Ada Lovelace" 2 "n opens the editor"
tui_type "Asked for the Bernoulli tables"
tui_keys C-s
wait_for "stored." 3 "^S saves the note"
is "$(sql "$db" "SELECT body FROM note")" "Asked for the Bernoulli tables" "and it is stored"
tui_quit
is "$(ixon "$tty")" "ixon" "after rapport ends flow control is on again"

done_testing
