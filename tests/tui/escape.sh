#!/bin/bash
# Esc goes back and never quits; q at the top quits. With --read-only
# the status line says so from the start and a writing key is refused
# at once, before anything is asked or typed.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/e.db"
run --db "$db" add "Grace Hopper"
is "$status" 0 "a contact"

tui_start -- --db "$db"
wait_for "Nothing needs you today" 10 "the Review"
tui_keys Escape
wait_for "This is the top screen; q quits." 2 "Esc at the top says how to quit"
tui_keys Escape Escape
sleep 0.3   # nothing to wait for: the point is that nothing ends
ok $([ -f "$TUI_DONE" ] && echo 1 || echo 0) "Esc never quits"
tui_keys 3 Enter
wait_for "Open follow-ups" 3 "a contact page"
tui_keys Escape
wait_for "Contacts (1), by name" 2 "Esc goes back to the list"
tui_keys Escape Escape
sleep 0.3
ok $([ -f "$TUI_DONE" ] && echo 1 || echo 0) "and stops at the top"
tui_keys q
wait_for "[rapport ended]" 3 "q at the top quits"
is "$(cat "$TUI_DONE")" 0 "with status 0"

tui_start -- --db "$db" --read-only
wait_for "read-only |" 10 "the status line says read-only from the start"
# Each refusal names its own action, so a wait never sees the one
# before it still on the screen.
refusal() {   # refusal KEY: the start of the message KEY is refused with
    case $1 in
        a) echo "Read-only: “Add a contact”" ;;
        f) echo "Read-only: “Add a follow-up”" ;;
        n) echo "Read-only: “Write a note”" ;;
        e) echo "Read-only: “Edit the contact" ;;
        x) echo "Read-only: “Mark the follow-up done”" ;;
        d) echo "Read-only: “Archive the contact" ;;
        u) echo "Read-only: “Undo the last change”" ;;
        '>') echo "Read-only: “Promote one stage”" ;;
    esac
}
for key in a f; do
    tui_keys "$key"
    wait_for "$(refusal "$key")" 2 "$key is refused at once"
    if tui_screen | grep -qE "Due \(|Name"; then ok 1 "$key asked nothing"; else ok 0 "$key asked nothing"; fi
done
tui_keys 3 Enter
wait_for "Open follow-ups" 3 "her page opens"
for key in n e x d u '>'; do
    tui_keys "$key"
    wait_for "$(refusal "$key")" 2 "$key is refused on her page"
    if tui_screen | grep -qE "Note about|Edit Grace|Archive Grace|reason"; then
        ok 1 "$key opened nothing"
    else
        ok 0 "$key opened nothing"
    fi
    tui_keys j
done
tui_quit
is "$(sql "$db" "SELECT count(*) FROM note") $(sql "$db" "SELECT archived FROM contact")" "0 0" \
    "nothing was written"

done_testing
