#!/bin/bash
# [general] week_start in the TUI: on a Sunday, "next week" typed as a
# follow-up's due date and "next friday" typed to snooze it are days of
# the week the config starts on Monday (the default) or on Sunday.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

# A Sunday, late: the TUI's clock runs from here, short of midnight.
clock_fix '2026-11-29 23:50:00'
db="$TEST_DIR/w.db"
run --db "$db" add "Grace Hopper" --org "Navy Library"
is "$status" 0 "a contact"
printf '[general]\nweek_start = sunday\n' >"$TEST_DIR/sunday.ini"
printf '[general]\nweek_start = monday\n' >"$TEST_DIR/monday.ini"

# follow_next_week CONFIG TEXT: on the contact page, f, "next week", TEXT.
follow_next_week() {
    tui_start -- --config "$1" --db "$db"
    wait_for "Review |" 10 "$1: the Review"
    tui_keys 3 Enter
    wait_for "Grace Hopper" 3 "$1: the contact page"
    tui_keys f
    wait_for "Due (" 2 "$1: f asks for a date"
    tui_type "next week"
    tui_keys Enter
    wait_for "What to do:" 2 "$1: next week is a date"
    tui_type "$2"
    tui_keys Enter
    wait_for "Repeat every" 2 "$1: then the recurrence"
    tui_keys Enter
}

follow_next_week "$TEST_DIR/sunday.ini" "Plan the Sunday week"
wait_match '2026-12-06 +Plan the Sunday week' 3 \
    "weeks from Sunday: next week is Sunday Dec 6 on the contact page"
tui_keys R
wait_for "Next 7 days (1)" 2 "the Review has it within the next 7 days"
tui_keys s
wait_for "Snooze until" 2 "s asks until when"
tui_type "next friday"
tui_keys Enter
wait_match 'Snoozed f[0-9]+ “Plan the Sunday week” until 2026-12-11\.' 2 \
    "next friday, weeks from Sunday: snoozed until Friday Dec 11"
wait_for "Nothing needs you today" 2 "past the next 7 days"
is "$(sql "$db" "SELECT due || ' ' || snoozed_until FROM followup WHERE text = 'Plan the Sunday week'")" \
   "2026-12-06 2026-12-11" "stored due Dec 6, snoozed to the Friday of the Sunday week, Dec 11"
tui_quit

follow_next_week "$TEST_DIR/monday.ini" "Plan the Monday week"
wait_match '2026-11-30 +Plan the Monday week' 3 \
    "weeks from Monday: next week is tomorrow, Monday Nov 30"
tui_keys R
wait_for "Next 7 days (1)" 2 "the Review has it within the next 7 days"
tui_keys s
wait_for "Snooze until" 2 "s asks until when"
tui_type "next friday"
tui_keys Enter
wait_match 'Snoozed f[0-9]+ “Plan the Monday week” until 2026-12-04\.' 2 \
    "next friday, weeks from Monday: snoozed until Friday Dec 4"
wait_for "Next 7 days (1)" 2 "still within the next 7 days"
is "$(sql "$db" "SELECT due || ' ' || snoozed_until FROM followup WHERE text = 'Plan the Monday week'")" \
   "2026-11-30 2026-12-04" "stored due Nov 30, snoozed to the Friday of the Monday week, Dec 4"
tui_quit

done_testing
