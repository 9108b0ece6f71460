#!/bin/bash
# Importing and exporting from the Contacts screen.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/i.db"
cat >"$TEST_DIR/people.vcf" <<'VCF'
BEGIN:VCARD
VERSION:3.0
FN:Katherine Johnson
EMAIL:katherine@example.org
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Dorothy Vaughan
EMAIL:dorothy@example.org
END:VCARD
VCF

tui_start -- --db "$db"
wait_for "Review |" 10 "starts"
tui_keys 3
wait_for "Contacts (0)" 2 "no contacts yet"
tui_keys i
wait_for "Import file" 2 "i asks for a file"
tui_type "$TEST_DIR/people.vcf"
tui_keys Enter
wait_for "Imported: 2 added, 0 merged, 0 unchanged, 0 rejected" 5 "the summary is shown"
wait_for "Contacts (2)" 2 "the list shows them"
wait_for "Katherine Johnson" 2 "by name"
is "$(sql "$db" "SELECT count(*) FROM contact")" 2 "both are stored"

tui_keys X
wait_for "Export to" 2 "X asks for a file"
tui_type "$TEST_DIR/out.csv"
tui_keys Enter
wait_for "Exported 2 records" 5 "the export says how many"
like "$(cat "$TEST_DIR/out.csv" 2>/dev/null)" "Dorothy Vaughan" "the file holds the contacts"

# A calendar: its items done, cancelled or over are counted, so that the
# line adds up to the file.
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//tui//EN\r\nBEGIN:VTODO\r\nUID:t1@example.com\r\nDUE;VALUE=DATE:20991201\r\nSUMMARY:Dorothy Vaughan: send the tables\r\nEND:VTODO\r\nBEGIN:VTODO\r\nUID:t2@example.com\r\nSTATUS:COMPLETED\r\nSUMMARY:Dorothy Vaughan: done already\r\nEND:VTODO\r\nBEGIN:VEVENT\r\nUID:t3@example.com\r\nDTSTART:20200101T100000\r\nSUMMARY:Katherine Johnson: a meeting long over\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' \
    >"$TEST_DIR/cal.ics"
tui_keys i
wait_for "Import file" 2 "i asks for a file again"
tui_type "$TEST_DIR/cal.ics"
tui_keys Enter
wait_for "Imported: 1 added, 0 merged, 0 unchanged, 2 skipped, 0 rejected" 5 \
    "a calendar's summary counts the items skipped"
tui_quit

done_testing
