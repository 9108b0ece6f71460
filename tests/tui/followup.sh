#!/bin/bash
# A follow-up due today: scheduled from the contact page, seen on the
# Review, snoozed, brought back by undo, and marked done with a note.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

# Today's sections: a clock short of midnight, which the test cannot
# reach, so "today 23:59" is still to come and today stays today.
clock_fix '2026-12-02 23:50:00'
today=$(clock_date +%F)
db="$TEST_DIR/f.db"
run --db "$db" add "Grace Hopper" --org "Navy Library"
is "$status" 0 "a contact"

tui_start -- --db "$db"
wait_for "Nothing needs you today" 10 "an empty day says so"
tui_keys 3 Enter
wait_for "Open follow-ups (0)" 3 "the contact has no follow-ups"
tui_keys f
wait_for "Due (" 2 "f asks for a date"
tui_type "someday"
tui_keys Enter
wait_for "is no date" 2 "a wrong date is explained"
# The message repeats the text too: look at the field itself.
wait_match '^Due \(.*\): someday$' 2 "and the typed text is kept in the field"
tui_keys C-u
tui_type "today 23:59"
tui_keys Enter
wait_for "What to do:" 2 "then what to do"
tui_type "Send the COBOL reading list"
tui_keys Enter
wait_for "Repeat every" 2 "then the recurrence"
tui_type "2w"
tui_keys Enter
wait_for "Open follow-ups (1)" 2 "the follow-up is on the contact page"
is "$(sql "$db" "SELECT due = '$today', due_minutes, text, every_count || every_unit, state FROM followup")" \
    "1|1439|Send the COBOL reading list|2w|0" "it is stored due today at 23:59, every two weeks"

tui_keys R
wait_for "Today (1)" 2 "the Review counts it today"
wait_for "23:59 Send the COBOL reading list" 2 "and shows it with its time"
tui_keys s
wait_for "Snooze until" 2 "s asks until when"
tui_type "today"
tui_keys Enter
wait_for "snooze it to a later day" 2 "snoozing to the due date is refused on the status line"
is "$(sql "$db" "SELECT snoozed_until IS NULL FROM followup")" 1 "and nothing is stored"
wait_for "): today" 2 "the question stays open with the text"
tui_keys C-u
tui_type "+1d"
tui_keys Enter
wait_for "Next 7 days (1)" 2 "snoozed to tomorrow"
wait_for "Today (0)" 2 "today is empty"
is "$(sql "$db" "SELECT snoozed_until = '$(clock_date -d '+1 day' +%F)', due = '$today' FROM followup")" \
    "1|1" "the snooze is stored and the due date kept"

tui_keys u
wait_for "Undone:" 2 "u undoes the snooze and says so"
wait_for "Today (1)" 2 "the follow-up is back on today"
is "$(sql "$db" "SELECT snoozed_until IS NULL FROM followup")" 1 "the snooze is gone from the database"

tui_keys x
wait_for "Log a note" 2 "x offers to log a note"
# The follow-up was added on the page: its id is the one stored.
wait_for "Marking f$(sql "$db" "SELECT id FROM followup") “Send the COBOL reading list” done." 2 \
    "and names the follow-up"
if tui_screen | grep -q "Done"; then ok 1 "nothing says Done before it is"; else ok 0 "nothing says Done before it is"; fi
tui_type "Sent the list by email"
tui_keys Enter
wait_for "the next one" 2 "a recurring follow-up shows the next date"
wait_for "Nothing needs you today" 2 "today is done, and the next one is past the week"
is "$(sql "$db" "SELECT state FROM followup ORDER BY id")" "1
0" "the follow-up is done and the next one open"
is "$(sql "$db" "SELECT due = '$(clock_date -d '+14 days' +%F)' FROM followup WHERE state = 0")" 1 \
    "the next one is two weeks on"
is "$(sql "$db" "SELECT body FROM note")" "Sent the list by email" "the note is logged"
tui_quit

done_testing
