#!/bin/bash
# A full disk under the TUI (SPEC §8): the disk fills while a note is
# being written. Storing it says the disk is full, keeps the editor
# open with the text in it, and stores it once room is made; the file
# is sound throughout. Root only (a small tmpfs); skipped with 77
# otherwise.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

[ "$(id -u)" -eq 0 ] || skip_all "mounting a small file system needs root"
disk="$TEST_DIR/disk"
mkdir "$disk"
mount -t tmpfs -o size=1m,mode=0700 rapport-test "$disk" 2>"$TEST_DIR/mount.err" \
    || skip_all "cannot mount a tmpfs here: $(cat "$TEST_DIR/mount.err")"
cleanup() {
    tmux_ kill-server >/dev/null 2>&1
    # The killed TUI may still hold its files for a moment.
    tries=100
    while ! umount "$disk" 2>/dev/null && [ "$tries" -gt 0 ]; do
        sleep 0.05
        tries=$((tries - 1))
    done
    rm -rf "$TEST_DIR"
}
trap cleanup EXIT

db="$disk/t.db"
run --db "$db" add "Ada Full"
is "$status" 0 "a database on the small disk"
tui_start -- --db "$db"
wait_for "Review |" 10 "the TUI starts"
tui_keys 3
wait_for "Ada Full" 3 "the contact is listed"
tui_keys Enter
wait_for "No notes yet." 3 "its page"
dd if=/dev/zero of="$disk/filler" bs=4k >/dev/null 2>&1
is "$(df -P "$disk" | awk 'NR == 2 { print $4 }')" 0 "the disk is full"
tui_keys n
wait_for "Note about Ada Full" 3 "n opens the editor"
tui_type "written on a full disk"
tui_keys C-s
wait_for "the disk is full: the change was not saved; free some space and try again" 5 \
    "storing it says the disk is full"
wait_for "Note about Ada Full" 2 "the editor stays open"
wait_for "written on a full disk" 2 "with the text in it"
is "$(sql "$db" "SELECT count(*) FROM note")" 0 "nothing half-written is in the file"
rm -f "$disk/filler"
tui_keys C-s
wait_for "stored." 5 "once room is made, the same keys store it"
is "$(sql "$db" "SELECT body FROM note")" "written on a full disk" "the note is in the file"
tui_quit
run --db "$db" check
is "$status" 0 "and the database is sound"

done_testing
