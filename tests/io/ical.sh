#!/bin/sh
# iCalendar: open follow-ups exported as VTODO items (RFC 5545: DUE,
# SUMMARY naming the contact, RRULE, stable UID, folding, CRLF), and
# VTODO/VEVENT items imported as follow-ups of the contact they name.
. "${top_srcdir:-.}/tests/lib/tap.sh"

data="${top_srcdir:-.}/tests/data/io"
db="$TEST_DIR/r.db"
r() { run --db "$db" "$@"; }

r add "Zoë Ødegård" --email zoe@example.org --stage client
r add "Bob Lee" --email bob@example.net
r follow zoe 2026-12-01 'send the report, with ; and \ in it'
r follow bob 2026-11-25 "weekly call" --every 1w
r follow zoe 2026-12-03 "a very long follow-up text that goes on and on so that the line must be folded at seventy-five octets" --at 10:30
r follow bob 2026-12-04 "every other month" --every 2m
r follow bob 2026-11-20 "finished already"
r done 5
is "$status" 0 "setup: one follow-up is done"

r export --format ics --output "$TEST_DIR/f.ics"
is "$status" 0 "export follow-ups as iCalendar"
f=$(tr -d '\r' < "$TEST_DIR/f.ics")
is "$(stat -c %a "$TEST_DIR/f.ics")" 600 "the file is private"
like "$(head -1 "$TEST_DIR/f.ics")" '^BEGIN:VCALENDAR' "a calendar"
like "$f" '^VERSION:2\.0$' "version 2.0"
is "$(printf '%s\n' "$f" | grep -c '^BEGIN:VTODO$')" 4 "one VTODO per open follow-up, none for the done one"
unlike "$f" 'finished already' "the done follow-up is left out"
like "$f" '^DUE;VALUE=DATE:20261201$' "a due day"
like "$f" '^DUE:20261203T103000$' "a due day with its time"
like "$f" '^SUMMARY:Zoë Ødegård: send the report\\, with \\; and \\\\ in it$' \
     "the summary names the contact and is escaped"
like "$f" '^RRULE:FREQ=WEEKLY$' "a weekly rule"
like "$f" '^RRULE:FREQ=MONTHLY;INTERVAL=2$' "every two months"
like "$f" '^ATTENDEE;CN=Bob Lee:mailto:bob@example\.net$' "the contact as attendee"
is "$(grep -vc "$(printf '\r')\$" "$TEST_DIR/f.ics")" 0 "every line ends with CRLF"
is "$(LC_ALL=C awk '{ if (length($0) > 76) n++ } END { print n + 0 }' "$TEST_DIR/f.ics")" 0 \
   "lines are folded at 75 octets"
r export --format ics --output "$TEST_DIR/f2.ics"
cmp -s "$TEST_DIR/f.ics" "$TEST_DIR/f2.ics"
ok $? "a second export is the same file: UIDs and stamps are stable"

# Into a new database with the same people: the follow-ups come back.
db2="$TEST_DIR/r2.db"
r export --format vcard --output "$TEST_DIR/people.vcf"
run --db "$db2" import "$TEST_DIR/people.vcf"
run --db "$db2" import "$TEST_DIR/f.ics"
is "$out" "Added 4, merged 0, unchanged 0, rejected 0." "every open follow-up imports"
q="SELECT c.name || '|' || f.due || '|' || coalesce(f.due_minutes, '') || '|' || f.text || '|' || coalesce(f.every_count, '') || coalesce(f.every_unit, '') FROM followup f JOIN contact c ON c.id = f.contact_id WHERE f.state = 0 ORDER BY f.due, f.text"
is "$(sql "$db2" "$q" 2>&1)" "$(sql "$db" "$q" 2>&1)" "with contact, day, time, text and recurrence"
run --db "$db2" export --format ics --output "$TEST_DIR/f3.ics"
is "$(grep -v '^UID\|^DTSTAMP' "$TEST_DIR/f3.ics")" "$(grep -v '^UID\|^DTSTAMP' "$TEST_DIR/f.ics")" \
   "exporting them again gives the same items"
run --db "$db2" import "$TEST_DIR/f.ics"
is "$out" "Added 0, merged 0, unchanged 4, rejected 0." "importing the file twice adds nothing"

# Items written elsewhere.
r import "$data/events.ics" --dry-run
like "$out" 'events\.ics:4: would add follow-up: Zoë Ødegård: demo of the corpus tool' \
     "a dry run names each follow-up with its contact"
r import "$data/events.ics"
is "$status" 0 "a calendar from another program imports"
is "$out" "Added 3, merged 0, unchanged 0, rejected 2." "three items match contacts, two are reported"
like "$err" 'events\.ics:18: rejected: "call back": no contact named "Nobody Known"' \
     "an unknown contact is reported with its line"
like "$err" 'events\.ics:31: rejected: .*RRULE' "an hourly rule is reported"
unlike "$err" 'already done' "completed items are left out"
is "$(sql "$db" "SELECT due || ' ' || due_minutes FROM followup WHERE text = 'demo of the corpus tool'")" \
   "2026-12-10 870" "a VEVENT's start becomes the due day and time"
is "$(sql "$db" "SELECT c.name || ' ' || f.every_count || f.every_unit FROM followup f JOIN contact c ON c.id = f.contact_id WHERE f.text = 'Send the contract, signed'")" \
   "Bob Lee 3d" "the attendee's email finds the contact; DAILY;INTERVAL=3 is every 3d"
is "$(sql "$db" "SELECT every_count || every_unit FROM followup WHERE text = 'yearly check'")" \
   "12m" "a yearly rule is every 12 months"

done_testing
