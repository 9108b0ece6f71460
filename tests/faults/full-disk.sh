#!/bin/bash
# A full disk (SPEC §8): a database on a small tmpfs mounted by the test
# (root only; skipped with 77 otherwise) is filled to the last block; 2
# MiB leave room, once the filler goes, for the import below with its
# write-ahead log (1 MiB had none to spare for a schema a page larger).
# A note, an import and an export then each fail with a clear message
# and status 1; the database keeps what it had, the export's target is
# untouched, and once room is made everything works again.
. "${top_srcdir:-.}/tests/lib/tap.sh"

[ "$(id -u)" -eq 0 ] || skip_all "mounting a small file system needs root"
disk="$TEST_DIR/disk"
mkdir "$disk"
mount -t tmpfs -o size=2m,mode=0700 rapport-test "$disk" 2>"$TEST_DIR/mount.err" \
    || skip_all "cannot mount a tmpfs here: $(cat "$TEST_DIR/mount.err")"
holder=
cleanup() {
    [ -n "$holder" ] && kill "$holder" 2>/dev/null && wait "$holder" 2>/dev/null
    tries=100
    while ! umount "$disk" 2>/dev/null && [ "$tries" -gt 0 ]; do
        sleep 0.05
        tries=$((tries - 1))
    done
    rm -rf "$TEST_DIR"
}
trap cleanup EXIT

db="$disk/full.db"
run --db "$db" add "Ann Full" --email ann@example.org
is "$status" 0 "a database on the small disk"
run --db "$db" note "Ann Full" "written while there was room"
is "$status" 0 "a note while there is room"
run --db "$db" export --output "$disk/out.vcf"
is "$status" 0 "an export while there is room"
cp "$disk/out.vcf" "$TEST_DIR/out.before"
awk 'BEGIN { for (i = 1; i <= 300; i++)
    printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Filler%d Person\r\nEMAIL:f%d@example.org\r\nNOTE:%0200d\r\nEND:VCARD\r\n", i, i, 0 }' \
    >"$TEST_DIR/many.vcf"

# fill: the disk to its last block.
fill() {
    dd if=/dev/zero of="$disk/filler" bs=4k >/dev/null 2>&1
    sync
    is "$(df -P "$disk" | awk 'NR == 2 { print $4 }')" 0 "$1: the disk is full"
}

# writes_refused WHEN: a note, an import and an export on the full disk.
writes_refused() {
    run --db "$db" note "Ann Full" "written on a full disk"
    is "$status" 1 "$1: the note fails with status 1"
    like "$err" "disk is full" "$1: and says the disk is full"
    unlike "$err" "damaged|restore|backup" "$1: without calling the database damaged"
    run --db "$db" import "$TEST_DIR/many.vcf"
    is "$status" 1 "$1: the import fails with status 1"
    like "$err" "disk is full" "$1: and says the disk is full"
    run --db "$db" export --output "$disk/out.vcf"
    is "$status" 1 "$1: the export fails with status 1"
    like "$err" "[Nn]o space left|disk is full" "$1: and says there is no room"
    cmp -s "$disk/out.vcf" "$TEST_DIR/out.before"
    ok $? "$1: the export's target is untouched"
    is "$(ls -A "$disk" | grep -v -x -e full.db -e full.db-wal -e full.db-shm -e out.vcf -e filler)" "" \
       "$1: no half-written file is left beside them"
}

# First with the database already open elsewhere (its -shm and -wal are
# there, as while a TUI runs): only the writes lack room.
fifo="$TEST_DIR/holder.in"
mkfifo "$fifo"
"${SQLITE3_SHELL:-sqlite3}" -batch "$db" <"$fifo" >"$TEST_DIR/holder.out" 2>&1 &
holder=$!
exec 3>"$fifo"
echo "SELECT 'open', count(*) FROM contact;" >&3
tries=100
while ! grep -q '^open|1' "$TEST_DIR/holder.out" && [ "$tries" -gt 0 ]; do
    sleep 0.05
    tries=$((tries - 1))
done
ok "$([ -f "$db-shm" ]; echo $?)" "open elsewhere: its -shm is there"
fill "open elsewhere"
writes_refused "open elsewhere"
run --db "$db" list
is "$status" 0 "open elsewhere: the database still reads"
like "$out" "Ann Full" "open elsewhere: and lists the contact"
exec 3>&-
wait "$holder"
holder=

# Then with nothing open: SQLite cannot even make its -shm.
rm -f "$disk/filler"
run --db "$db" check
is "$status" 0 "with room again: the database is sound"
fill "closed"
writes_refused "closed"
run --db "$db" list
is "$status" 1 "closed: a read fails with status 1 (no room for the -shm)"
like "$err" "disk is full" "closed: and says the disk is full"
unlike "$err" "damaged|restore" "closed: without calling the database damaged"

rm -f "$disk/filler"
run --db "$db" check
is "$status" 0 "with room again: the database is sound"
is "$(sql "$db" "SELECT body FROM note ORDER BY id")" "written while there was room" \
   "only the note written while there was room is there"
is "$(sql "$db" "SELECT count(*) FROM contact")" 1 "none of the import is there"
run --db "$db" note "Ann Full" "written after room was made"
is "$status" 0 "a note goes in again"
run --db "$db" import "$TEST_DIR/many.vcf"
is "$status" 0 "and so does the import"
is "$(sql "$db" "SELECT count(*) FROM contact")" 301 "all of it"

done_testing
