#!/bin/bash
# Pausing a cadence: p on a row of Gone quiet asks until when and why;
# the Review stops listing the contact until then, the contact page says
# so, a refused day keeps the prompt, u undoes the pause, and p on the
# contact page changes or ends it.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/p.db"
run --db "$db" add "Olga Quiet" --stage client
run --db "$db" add "Piotr Quiet" --stage client
# Both last heard from 60 days ago; a client's cadence is 21 days.
sql "$db" "UPDATE contact SET created = created - 60 * 86400, last_touch = last_touch - 60 * 86400"
run --db "$db" agenda
like "$out" "Olga Quiet" "Olga has gone quiet"

tui_start -- --db "$db"
wait_for "Gone quiet (2)" 10 "the Review lists both as gone quiet"
tui_keys p
wait_for "Pause the cadence until" 2 "p on a row of Gone quiet asks until when"
tui_type "yesterday"
tui_keys Enter
wait_for "A pause lasts until a day after today." 2 "a day already past is refused"
wait_for "Pause the cadence until (+3m, " 2 "the prompt stays open"
wait_for ": yesterday" 1 "with what was typed"
tui_keys C-u
tui_type "+3m"
tui_keys Enter
wait_for "Why (optional, e.g. on sabbatical):" 2 "then why"
tui_type "on sabbatical"
tui_keys Enter
wait_for "Cadence paused until" 2 "the pause is confirmed"
wait_for "Gone quiet (1)" 2 "the section counts one fewer"
wait_gone "Olga Quiet" 2 "and no longer lists her"
is "$(sql "$db" "SELECT reason FROM contact_pause WHERE contact_id = 1")" "on sabbatical" \
   "the pause is stored with its reason"
is "$(sql "$db" "SELECT until > date('now', '+85 days') AND until < date('now', '+95 days') FROM contact_pause")" 1 \
   "until three months from today"
run --db "$db" agenda
unlike "$out" "Olga Quiet" "the agenda leaves her out too"
like "$out" "Piotr Quiet" "but not the other"

tui_keys u
wait_for "Undone: paused the cadence of Olga Quiet" 2 "u undoes the pause"
wait_for "Gone quiet (2)" 2 "she is gone quiet again"
is "$(sql "$db" "SELECT count(*) FROM contact_pause")" 0 "no pause is stored"
tui_keys C-r
wait_for "Redone: paused the cadence of Olga Quiet" 2 "^R pauses again"
wait_for "Gone quiet (1)" 2 "and she goes from the list"

# p on a row that is not gone quiet says where it works.
run --db "$db" follow Piotr today "Call back"
wait_for "Today (1)" 3 "a follow-up due today"
tui_keys h p
wait_for "Only a row of Gone quiet is paused here" 2 "p elsewhere on the Review says why not"
wait_gone "Pause the cadence until" 1 "and asks nothing"

# The contact page says so, and p there changes or ends the pause.
run --db "$db" note Olga "still away"
sql "$db" "UPDATE contact SET last_touch = last_touch - 60 * 86400 WHERE id = 1"
tui_keys 3
wait_for "Olga Quiet" 2 "the contact list"
tui_keys Enter
wait_for "Olga Quiet  #1" 2 "her page"
wait_match "Cadence paused until .*: on sabbatical \(p changes it\)" 2 "the page says she is paused, and why"
tui_keys p
wait_for "Paused until (+3m, " 2 "p asks again, offering to end it"
tui_keys C-u
tui_type "none"
tui_keys Enter
wait_for "The pause is over" 2 "none ends the pause"
wait_gone "Cadence paused until" 2 "the page no longer says paused"
is "$(sql "$db" "SELECT count(*) FROM contact_pause")" 0 "the pause is gone from the database"
tui_quit

done_testing
