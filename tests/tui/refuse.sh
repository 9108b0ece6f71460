#!/bin/bash
# Every refusal keeps its prompt open with the text and says why; only
# Esc leaves, so a retyped answer never runs as commands. An old
# message is gone when the next question is asked. > on a client and
# < on an end user are refused before a reason is asked for.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

# A follow-up due today: a clock short of midnight, which the test
# cannot reach, so today stays today.
clock_fix '2026-12-02 23:50:00'
db="$TEST_DIR/r.db"
run --db "$db" add "Anna Kowalczyk"
run --db "$db" follow "Anna Kowalczyk" today "Call back"
is "$status" 0 "a follow-up due today"

tui_start -- --db "$db"
wait_for "Call back" 10 "the Review lists it"

tui_keys s
wait_for "Snooze until" 2 "s asks until when"
tui_type "yesterday"
tui_keys Enter
wait_for "today or later" 2 "yesterday is refused, with why"
wait_for "): yesterday" 2 "the prompt stays with the text"
tui_keys C-u
tui_type "2"
tui_keys Enter
wait_for "is no date" 2 "a retyped answer is an answer, not the Pipeline key"
wait_for "Today (1)" 1 "still on the Review"
tui_keys Escape
wait_gone "Snooze until" 2 "only Esc leaves"
is "$(sql "$db" "SELECT snoozed_until IS NULL FROM followup")" 1 "nothing stored"

# f: a wrong date, then a right one: the old message is gone.
tui_keys 3 Enter
wait_for "Open follow-ups (1)" 3 "her page"
tui_keys f
wait_for "Due (" 2 "f asks for a date"
tui_type "2026/12/15"
tui_keys Enter
wait_for "is no date" 2 "a wrong date is explained"
tui_keys C-u
tui_type "+3d"
tui_keys Enter
wait_for "What to do:" 2 "then what to do"
wait_gone "is no date" 2 "and the old message is gone"
tui_keys Enter
wait_for "needs a text" 2 "an empty text is refused"
wait_for "What to do:" 2 "and asked again"
tui_type "Send the list"
tui_keys Enter
wait_for "Repeat every" 2 "then the recurrence"
tui_keys Enter
wait_for "Open follow-ups (2)" 2 "the follow-up is stored"

# Stages: an end user cannot go back, a client not further; nothing asked.
tui_keys '<'
wait_for "first stage" 2 "< on an end user is refused"
if tui_screen | grep -q "reason"; then ok 1 "without asking a reason"; else ok 0 "without asking a reason"; fi
tui_keys '>'
wait_for "reason (optional)" 2 "> asks for a reason"
tui_keys Enter
wait_for "Now: Customer" 2 "she is a customer"
tui_keys '>'
wait_for "reason (optional)" 2 "> again"
tui_keys Enter
wait_for "Now: Client" 2 "she is a client"
tui_keys '>'
wait_for "last stage" 2 "> on a client is refused"
if tui_screen | grep -q "reason"; then ok 1 "without asking a reason"; else ok 0 "without asking a reason"; fi

# Import: a missing file keeps the prompt and the path.
tui_keys 3 i
wait_for "Import file" 2 "i asks for a file"
tui_type "$TEST_DIR/none.csv"
tui_keys Enter
wait_for "Import file (CSV, vCard, iCalendar): $TEST_DIR/none.csv" 2 "a missing file keeps the prompt and the path"
tui_keys Escape
wait_gone "Import file" 2 "Esc leaves"
tui_quit

done_testing
