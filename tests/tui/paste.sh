#!/bin/bash
# Pasted text is text: it goes into the field or editor that has focus
# (line breaks kept in the note editor, spaces in a one-line field) and
# never reaches a screen's keys; on a list it is ignored. Bracketed
# paste is on while rapport runs and off when it ends.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

# A follow-up due today: a clock short of midnight, which the test
# cannot reach, so today stays today.
clock_fix '2026-12-02 23:50:00'
db="$TEST_DIR/p.db"
run --db "$db" add "Anna Kowalczyk"
run --db "$db" follow "Anna Kowalczyk" today "Call back"
is "$status" 0 "a follow-up due today"

tui_start -- --db "$db"
tmux_ pipe-pane -t rapport -o "cat >$(printf '%q' "$TEST_DIR/out")"
wait_for "Call back" 10 "the Review lists it"

# x, then two pasted lines: one answer, nothing typed into the Review.
tui_keys x
wait_for "Log a note" 2 "x asks for a note"
tui_paste "$(printf 'first line\nsecond e line')"
wait_for "first line second e line" 2 "the paste is one line, joined with a space"
tui_keys Enter
wait_for "Nothing needs you today" 3 "Enter answers the question"
is "$(sql "$db" "SELECT body FROM note")" "first line second e line" \
    "the note is the whole paste"
if tui_screen | grep -q "Edit Anna"; then ok 1 "no e reached the Review"; else ok 0 "no e reached the Review"; fi

# On a list the paste is ignored: d y would have archived her.
tui_keys 3
wait_for "Anna Kowalczyk" 2 "the Contacts list"
tui_paste "$(printf 'dy\ne')"
wait_for "Pasted text ignored" 2 "a paste on a list is ignored and said so"
is "$(sql "$db" "SELECT archived FROM contact")" "0" "nobody was archived"
if tui_screen | grep -q "Edit Anna"; then ok 1 "no e opened the form"; else ok 0 "no e opened the form"; fi

# The note editor keeps the line breaks.
tui_keys Enter
wait_for "Open follow-ups" 2 "her page"
tui_keys n
wait_for "Note about Anna" 2 "n opens the editor"
tui_paste "$(printf 'line one\nline two x\nline three')"
wait_for "line three" 2 "the paste is in the editor"
tui_keys C-s
wait_for "stored" 2 "saved"
is "$(sql "$db" "SELECT body FROM note ORDER BY id DESC LIMIT 1")" \
    "$(printf 'line one\nline two x\nline three')" "the note keeps its line breaks"

# A form field: the whole paste lands in the focused field.
tui_keys e
wait_for "Edit Anna" 2 "e opens the form"
tui_keys C-u
tui_paste "$(printf 'Anna\nMaria Kowalczyk')"
wait_for "Anna Maria Kowalczyk" 2 "the field holds the paste on one line"
tui_keys C-s
wait_gone "Edit Anna" 2 "saved: the form closes"
is "$(sql "$db" "SELECT name FROM contact")" "Anna Maria Kowalczyk" "the name is stored"

tui_quit
tmux_ pipe-pane -t rapport
# That it was on is what the pastes above show (the pipe may start too
# late to see it turned on); that it is off at the end, this shows.
last=$(grep -o $'\e\\[?2004[hl]' "$TEST_DIR/out" | tail -1)
is "$last" $'\e[?2004l' "and off when rapport ended"

# SIGTERM ends it the same way.
tui_start -- --db "$db"
tmux_ pipe-pane -t rapport -o "cat >$(printf '%q' "$TEST_DIR/out2")"
wait_for "Review" 10 "started again"
kill -TERM "$(tui_pid)"
wait_for "[rapport ended]" 5 "SIGTERM ends it"
last=$(grep -o $'\e\\[?2004[hl]' "$TEST_DIR/out2" | tail -1)
is "$last" $'\e[?2004l' "bracketed paste is off after SIGTERM"

# And after a SIGINT sent from elsewhere (^C itself is a key in raw mode).
tui_start -- --db "$db"
tmux_ pipe-pane -t rapport -o "cat >$(printf '%q' "$TEST_DIR/out3")"
wait_for "Review" 10 "started once more"
kill -INT "$(tui_pid)"
wait_for "[rapport ended]" 5 "SIGINT ends it"
last=$(grep -o $'\e\\[?2004[hl]' "$TEST_DIR/out3" | tail -1)
is "$last" $'\e[?2004l' "bracketed paste is off after SIGINT"

done_testing
