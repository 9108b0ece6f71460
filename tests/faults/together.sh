#!/bin/bash
# Several rapport processes on one database (SPEC §8): four command-line
# writers adding contacts and notes while two TUIs write notes on the
# same contact. Nothing is lost, and neither the writers nor the TUIs
# ever say the database is locked or busy.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/t.db"
run --db "$db" add "Aaron Alpha" --org "Shared Library"
is "$status" 0 "a contact everyone writes about"

# Two TUIs, each with a tmux server, exit status and standard error of
# its own; use_tui N makes the tmux.sh helpers speak to TUI N.
use_tui() {
    TUI_SOCKET=$(eval echo "\$tui_socket_$1")
    TUI_DONE="$TEST_DIR/tui$1.status"
    TUI_ERR="$TEST_DIR/tui$1.stderr"
}
trap 'for n in 1 2; do use_tui $n; tmux_ kill-server >/dev/null 2>&1; done; rm -rf "$TEST_DIR"' EXIT
for n in 1 2; do
    # tui_start ends the server it last started: not the other TUI's.
    TUI_SOCKET="$TUI_SOCKET_BASE-spare$n"
    TUI_DONE="$TEST_DIR/tui$n.status"
    TUI_ERR="$TEST_DIR/tui$n.stderr"
    tui_start -- --db "$db"
    eval "tui_socket_$n=\$TUI_SOCKET"
done
for n in 1 2; do
    use_tui $n
    wait_for "Review |" 10 "TUI $n starts"
    tui_keys 3
    wait_for "Aaron Alpha" 3 "TUI $n lists the contact"
    tui_keys Enter
    wait_for "No notes yet." 3 "TUI $n shows its page"
done

writers=4
rounds=10
i=1
while [ "$i" -le "$writers" ]; do
    (
        j=1
        while [ "$j" -le "$rounds" ]; do
            "$RAPPORT" --db "$db" add "Writer$i Round$j" --email "w$i.$j@example.org" \
                >/dev/null 2>>"$TEST_DIR/err.$i" || echo "add $j: $?" >>"$TEST_DIR/fail.$i"
            "$RAPPORT" --db "$db" note "Aaron Alpha" "cli note $i.$j" \
                >/dev/null 2>>"$TEST_DIR/err.$i" || echo "note $j: $?" >>"$TEST_DIR/fail.$i"
            j=$((j + 1))
        done
        : >"$TEST_DIR/done.$i"
    ) &
    i=$((i + 1))
done

# Meanwhile each TUI stores notes, one after the other.
tui_notes=6
locked_seen=0
j=1
while [ "$j" -le "$tui_notes" ]; do
    for n in 1 2; do
        use_tui $n
        tui_keys n
        wait_for "Note about Aaron Alpha" 3 "TUI $n: note $j opens the editor" || true
        tui_type "tui $n note $j"
        tui_keys C-s
        wait_for "tui $n note $j" 5 "TUI $n: note $j is on the timeline" || true
        tui_screen | grep -qiE 'locked|busy' && locked_seen=$((locked_seen + 1))
    done
    j=$((j + 1))
done
wait

is "$(ls "$TEST_DIR"/done.* 2>/dev/null | wc -l)" "$writers" "every writer ran to its end"
is "$(cat "$TEST_DIR"/fail.* 2>/dev/null)" "" "no command-line write failed"
is "$(cat "$TEST_DIR"/err.* 2>/dev/null | grep -ci 'locked\|busy')" 0 \
   "no writer said the database is locked or busy"
is "$locked_seen" 0 "no TUI showed the database locked or busy"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE name LIKE 'Writer%'")" $((writers * rounds)) \
   "every contact added is there"
is "$(sql "$db" "SELECT count(*) FROM contact_email WHERE email LIKE 'w%@example.org'")" $((writers * rounds)) \
   "with its email"
is "$(sql "$db" "SELECT count(*) FROM note WHERE body LIKE 'cli note %'")" $((writers * rounds)) \
   "every note of the command line is there"
is "$(sql "$db" "SELECT count(*) FROM note WHERE body LIKE 'tui % note %'")" $((2 * tui_notes)) \
   "every note of the two TUIs is there"
notes=$(sql "$db" "SELECT count(*) FROM note n JOIN contact c ON c.id = n.contact_id WHERE c.name = 'Aaron Alpha'")
for n in 1 2; do
    use_tui $n
    # The page follows the file: the other TUI's and the writers' notes
    # are counted in the timeline's title, and the oldest, a command
    # line's, is at its end.
    tui_keys C-l
    wait_for "Timeline ($notes notes)" 5 "TUI $n counts the command line's notes too"
    tui_keys G
    wait_for "cli note" 5 "TUI $n shows the command line's notes too"
    tui_quit
done
run --db "$db" check
is "$status" 0 "and the database is sound"

done_testing
