#!/bin/bash
# x and s on the Contact screen name the follow-up they act on; with the
# cursor on none and several open, they ask which (a wrong # is refused
# and the question stays); with one open, they take it.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

# A follow-up due today: a clock short of midnight, which the test
# cannot reach, so today stays today.
clock_fix '2026-12-02 23:50:00'
db="$TEST_DIR/w.db"
run --db "$db" add "Anna Kowalczyk"
run --db "$db" follow "Anna Kowalczyk" today "Call back"
back=$(printed_id)
run --db "$db" follow "Anna Kowalczyk" +3d "Send the list"
list=$(printed_id)
is "$status" 0 "two open follow-ups"
like "$back $list" '^f[0-9]+ f[0-9]+$' "named $back and $list"
# A number that is neither.
wrong=$(( ${back#f} + ${list#f} + 1 ))

tui_start -- --db "$db"
wait_for "Call back" 10 "the Review"
tui_keys 3 Enter
wait_for "Open follow-ups (2)" 3 "her page"
tui_keys x
wait_for "Which follow-up (as $back)?" 2 "x with the cursor on none asks which"
wait_for "Call back   $back; " 2 "listing the open ones"
tui_type "$wrong"
tui_keys Enter
wait_for "Not one of these" 2 "a wrong # is refused"
wait_for "Which follow-up (as $back)? $wrong" 2 "and the question stays with the text"
tui_keys C-u
tui_type "$list"
tui_keys Enter
wait_for "Marking $list “Send the list” done." 2 "x takes the name the page shows, f and all, and names the one it acts on"
tui_keys Enter
wait_for "Done: $list “Send the list”." 2 "and says Done after, naming it"
is "$(sql "$db" "SELECT 'f' || id || ':' || state FROM followup ORDER BY id")" "$back:0
$list:1" "the second one is done"
tui_keys g s
wait_for "Snoozing $back “Call back”." 2 "s with one left takes it and names it"
tui_keys Escape
wait_gone "Snooze until" 2 "Esc leaves"
tui_quit

done_testing
