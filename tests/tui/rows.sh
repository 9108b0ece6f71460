#!/bin/bash
# No row is ever hidden on the Review: rows added with f and moved with
# s or x into and out of every section are drawn at once (no Ctrl-L),
# each section shows as many rows as its count says, and the pane lists
# what `rapport agenda` lists.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"
command -v faketime >/dev/null 2>&1 || skip_all "faketime is not installed"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS

db="$TEST_DIR/rows.db"
at() { fake_clock "$1" "$RAPPORT" --db "$db" "${@:2}" >/dev/null; }
at '2026-06-01 08:00:00' add "Quiet Client A" --stage client
at '2026-06-02 08:00:00' add "Quiet Client B" --stage client
for n in Anna Bob Cara; do at '2026-12-01 08:00:00' add "$n Person"; done
at '2026-12-01 09:00:00' follow "Anna Person" 2026-11-30 "Old overdue"
at '2026-12-01 09:00:00' follow "Bob Person" 2026-12-02 "Late today" --at 23:00
at '2026-12-01 09:00:00' follow "Cara Person" 2026-12-06 "Later this week"
is "$(sql "$db" 'SELECT count(*) FROM followup')" 3 "three follow-ups"

now='@2026-12-02 12:00:00'
# Every section: its count, and as many rows under it as it says.
check_sections() {
    pane=$(tui_screen)
    bad=$(printf '%s\n' "$pane" | awk '
        /^(Overdue|Today|Next 7 days|Gone quiet) \([0-9]+\)/ {
            if (name != "" && rows != want) print name ": " rows " rows, count " want
            name = $0; sub(/ \(.*/, "", name)
            want = $0; sub(/.*\(/, "", want); sub(/\).*/, "", want); rows = 0; next }
        name != "" && (/[#f][0-9]+ *$/ || /since last contact/) { rows++ }
        END { if (name != "" && rows != want) print name ": " rows " rows, count " want }')
    is "$bad" "" "$1: every section shows as many rows as it counts"
    agenda=$(fake_clock "$now" "$RAPPORT" --db "$db" agenda 2>/dev/null)
    missing=""
    while IFS= read -r line; do
        text=${line##*: }
        text=${text% (*}
        text=${text% \[snoozed*}
        printf '%s\n' "$pane" | grep -qF -- "$text" || missing="$missing[$text]"
    done < <(printf '%s\n' "$agenda" | grep ': ')
    is "$missing" "" "$1: every follow-up of rapport agenda is on the pane"
}

tui_start -s 80x40 -t "$now" -- --db "$db"
wait_for "Gone quiet (2)" 10 "the Review"
check_sections "at the start"

# f from a contact page, into each section, sorting before what is there.
tui_keys 3
wait_for "Anna Person" 2 "Contacts"
tui_keys Enter
wait_for "Open follow-ups" 2 "Anna's page"
add_followup() {
    tui_keys f
    wait_for "Due (" 2 "f asks for a date ($1)"
    tui_type "$1"
    tui_keys Enter
    wait_for "What to do:" 2 "then what"
    tui_type "$2"
    tui_keys Enter
    wait_for "Repeat every" 2 "then how often"
    tui_keys Enter
    wait_for "Follow-up f" 2 "stored: $2"
}
add_followup 2026-11-29 "Older overdue"
add_followup "today 09:00" "Early today"
add_followup 2026-12-04 "Sooner this week"
tui_keys 1
wait_for "Overdue (2)" 2 "Overdue gained a row"
wait_for "Today (2)" 2 "Today gained a row"
wait_for "Next 7 days (2)" 2 "the week gained a row"
check_sections "after f in every section"

# s moves the late one from Today to the head of the week.
tui_keys g
for i in 1 2 3; do tui_keys j; done
wait_for "Late today" 1 "the late one"
tui_keys s
wait_for "Snooze until" 2 "s asks"
tui_type 2026-12-03
tui_keys Enter
wait_for "Today (1)" 2 "Today lost a row"
wait_for "Next 7 days (3)" 2 "the week gained it"
check_sections "after s"

# x takes a row out of Overdue; a note takes someone out of Gone quiet.
tui_keys k k k k k k k k
tui_keys x
# The first overdue row: the oldest, added on Anna's page above.
wait_for "Marking f$(sql "$db" "SELECT id FROM followup WHERE text = 'Older overdue'")" 2 \
    "x asks, on the first overdue row"
tui_keys Enter
wait_for "Overdue (1)" 2 "Overdue lost a row"
check_sections "after x"
tui_keys j j j j j j j j j j
tui_keys n
wait_for "Note about Quiet Client B" 2 "a note on a quiet client"
tui_type "Called"
tui_keys C-s
wait_for "Gone quiet (1)" 2 "Gone quiet lost a row"
check_sections "after a note"
tui_keys u
wait_for "Gone quiet (2)" 2 "undo brings the row back into Gone quiet"
check_sections "after undo"
tui_quit

done_testing
