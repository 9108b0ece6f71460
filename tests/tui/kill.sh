#!/bin/bash
# The TUI killed (SPEC §8): with kill -9 and with SIGHUP (a dropped SSH
# link) in the middle of a form, after a confirmed change. The confirmed
# change is in the file, the half-typed one is not, and the file is sound.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

# kill_mid_form SIGNAL: one follow-up confirmed, a second half typed,
# then SIGNAL to rapport's own process.
kill_mid_form() {
    sig=$1
    db="$TEST_DIR/$sig.db"
    run --db "$db" add "Grace Hopper" --org "Navy Library"
    is "$status" 0 "$sig: a contact"
    tui_start -- --db "$db"
    wait_for "Review |" 10 "$sig: starts"
    tui_keys 3 Enter
    wait_for "Open follow-ups (0)" 3 "$sig: the contact page"
    tui_keys f
    wait_for "Due (" 2 "$sig: f asks for a date"
    tui_type "+3d"
    tui_keys Enter
    wait_for "What to do:" 2 "$sig: then what to do"
    tui_type "Confirmed before the $sig"
    tui_keys Enter
    wait_for "Repeat every" 2 "$sig: then the recurrence"
    tui_keys Enter
    wait_for "Open follow-ups (1)" 2 "$sig: the confirmed follow-up is on the page"
    tui_keys f
    wait_for "Due (" 2 "$sig: a second one"
    tui_type "+5d"
    tui_keys Enter
    wait_for "What to do:" 2 "$sig: its text is asked for"
    tui_type "Half typed when the $sig came"
    wait_for "Half typed when the $sig came" 2 "$sig: half typed, not confirmed"
    # rapport itself (env execs it), not another child of the pane.
    pid=$(tui_pid)
    ok "$([ -n "$pid" ]; echo $?)" "$sig: rapport's process is found"
    kill -"$sig" "$pid"
    # Ended when the pane's shell has written rapport's exit status (the
    # screen may still show rapport's last frame: a killed program
    # leaves the terminal as it was).
    waited=0
    while [ ! -s "$TUI_DONE" ] && [ "$waited" -lt $((100 * ${TUI_WAIT_FACTOR:-1})) ]; do
        sleep 0.1
        waited=$((waited + 1))
    done
    ok "$([ -s "$TUI_DONE" ]; echo $?)" "$sig: ends it"
    is "$(sql "$db" "SELECT text FROM followup")" "Confirmed before the $sig" \
       "$sig: the confirmed change is in the file, the half-typed one is not"
    is "$(sql "$db" "PRAGMA integrity_check")" ok "$sig: the file passes SQLite's integrity check"
    run --db "$db" check
    is "$status" 0 "$sig: and rapport's check"
    run --db "$db" show grace
    like "$out" "Confirmed before the $sig" "$sig: rapport opens it again and shows the change"
}

kill_mid_form KILL
is "$(cat "$TUI_DONE")" 137 "KILL: rapport was killed (128 + 9)"
kill_mid_form HUP
is "$(cat "$TUI_DONE")" 0 "HUP: rapport handles the hangup and ends with status 0"
is "$(cat "$TUI_ERR")" "" "HUP: with nothing on standard error"

done_testing
