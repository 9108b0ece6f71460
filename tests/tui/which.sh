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
run --db "$db" follow "Anna Kowalczyk" +3d "Send the list"
is "$status" 0 "two open follow-ups"

tui_start -- --db "$db"
wait_for "Call back" 10 "the Review"
tui_keys 3 Enter
wait_for "Open follow-ups (2)" 3 "her page"
tui_keys x
wait_for "Which follow-up (its #)?" 2 "x with the cursor on none asks which"
wait_for "Call back   f1; " 2 "listing the open ones"
tui_type "9"
tui_keys Enter
wait_for "Not one of these" 2 "a wrong # is refused"
wait_for "Which follow-up (its #)? 9" 2 "and the question stays with the text"
tui_keys C-u
tui_type "2"
tui_keys Enter
wait_for "Marking f2 “Send the list” done." 2 "x names the one it acts on"
tui_keys Enter
wait_for "Done: f2 “Send the list”." 2 "and says Done after, naming it"
is "$(sql "$db" "SELECT id || ':' || state FROM followup ORDER BY id")" "1:0
2:1" "the second one is done"
tui_keys g s
wait_for "Snoozing f1 “Call back”." 2 "s with one left takes it and names it"
tui_keys Escape
wait_gone "Snooze until" 2 "Esc leaves"
tui_quit

done_testing
