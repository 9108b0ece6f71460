#!/bin/sh
# iCalendar: open follow-ups exported as VTODO items (RFC 5545: DUE,
# SUMMARY naming the contact, RRULE, stable UID, folding, CRLF), and
# VTODO/VEVENT items imported as follow-ups of the contact they name;
# rapport's own export (snoozed, done since, recurring) adds nothing when
# it comes back; times with a TZID or in UTC become local; a to-do
# without a date is not added again on a later day; an item from another
# calendar keeps its UID, which finds it when that calendar comes again
# and goes back out with it.
. "${top_srcdir:-.}/tests/lib/tap.sh"

# The follow-ups and calendar items below are dated early in December
# 2026: overdue, upcoming and past are counted from a day that stands
# still, not from the real one.
clock_fix '2026-12-04 12:00:00'

data="${top_srcdir:-.}/tests/data/io"
db="$TEST_DIR/r.db"
r() { run --db "$db" "$@"; }

r add "Zoë Ødegård" --email zoe@example.org --stage client
r add "Bob Lee" --email bob@example.net
r follow zoe 2026-12-01 'send the report, with ; and \ in it'
report=$(printed_id)
r follow bob 2026-11-25 "weekly call" --every 1w
weekly=$(printed_id)
r follow zoe 2026-12-03 "a very long follow-up text that goes on and on so that the line must be folded at seventy-five octets" --at 10:30
r follow bob 2026-12-04 "every other month" --every 2m
r follow bob 2026-11-20 "finished already"
r done "$(printed_id)"
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
is "$out" "Added 4, merged 0, unchanged 0, rejected 0.
3 to-dos were due before today: they are kept as overdue follow-ups." \
   "every open follow-up imports, and those overdue are counted"
q="SELECT c.name || '|' || f.due || '|' || coalesce(f.due_minutes, '') || '|' || f.text || '|' || coalesce(f.every_count, '') || coalesce(f.every_unit, '') FROM followup f JOIN contact c ON c.id = f.contact_id WHERE f.state = 0 ORDER BY f.due, f.text"
is "$(sql "$db2" "$q" 2>&1)" "$(sql "$db" "$q" 2>&1)" "with contact, day, time, text and recurrence"
run --db "$db2" export --format ics --output "$TEST_DIR/f3.ics"
is "$(grep -v '^UID\|^DTSTAMP' "$TEST_DIR/f3.ics")" "$(grep -v '^UID\|^DTSTAMP' "$TEST_DIR/f.ics")" \
   "exporting them again gives the same items"
is "$(grep '^UID' "$TEST_DIR/f3.ics")" "$(grep '^UID' "$TEST_DIR/f.ics")" \
   "under the same UIDs, which the new database keeps"
run --db "$db2" import "$TEST_DIR/f.ics"
is "$out" "Added 0, merged 0, unchanged 4, rejected 0." "importing the file twice adds nothing"

# rapport's own export comes back as nothing new: a snoozed follow-up
# goes out with its due day (the snooze beside it) and is recognised.
r snooze "$report" 2030-01-15
r export --format ics --output "$TEST_DIR/s.ics"
s=$(tr -d '\r' < "$TEST_DIR/s.ics")
like "$s" '^DUE;VALUE=DATE:20261201$' "a snoozed follow-up is exported with its due day"
like "$s" '^X-RAPPORT-SNOOZED-UNTIL:20300115$' "and its snooze beside it"
steps=$(sql "$db" "SELECT count(*) FROM journal")
r import "$TEST_DIR/s.ics"
is "$out" "Added 0, merged 0, unchanged 4, rejected 0." "importing its own export adds nothing"
is "$(sql "$db" "SELECT count(*) FROM followup")" 5 "not even the snoozed follow-up"
is "$(sql "$db" "SELECT count(*) FROM journal")" "$steps" "and leaves no step to undo"
r undo
like "$out" "^Undone: follow-up $report snoozed until 2030-01-15" "undo then reverts the snooze before it"
db3="$TEST_DIR/r3.db"
run --db "$db3" import "$TEST_DIR/people.vcf"
run --db "$db3" import "$TEST_DIR/s.ics"
is "$(sql "$db3" "SELECT due || ' ' || snoozed_until || ' ' || effective FROM followup WHERE text LIKE 'send the report%'")" \
   "2026-12-01 2030-01-15 2030-01-15" "the snooze comes back in another database"
run --db "$db3" import "$TEST_DIR/s.ics"
is "$out" "Added 0, merged 0, unchanged 4, rejected 0." "and is recognised there too"
# A copy's snooze comes back as it was written, even one that has run
# out (putting off reaches today or later only when someone snoozes
# now); one on or before its due day puts nothing off and is left out.
cat > "$TEST_DIR/old.ics" <<'EOF'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VTODO
UID:old-snooze
SUMMARY:Bob Lee: an old snooze
DUE;VALUE=DATE:20200301
X-RAPPORT-SNOOZED-UNTIL:20200310
END:VTODO
BEGIN:VTODO
UID:early-snooze
SUMMARY:Bob Lee: an early snooze
DUE;VALUE=DATE:20200301
X-RAPPORT-SNOOZED-UNTIL:20200220
END:VTODO
END:VCALENDAR
EOF
run --db "$db3" import "$TEST_DIR/old.ics"
is "$out" "Added 2, merged 0, unchanged 0, rejected 0.
2 to-dos were due before today: they are kept as overdue follow-ups." \
   "old snoozes are imported; both ran out, so both are overdue"
is "$(sql "$db3" "SELECT ifnull(snoozed_until, '-') FROM followup WHERE uid = 'old-snooze'")" \
   2020-03-10 "a snooze that has run out comes back"
is "$(sql "$db3" "SELECT ifnull(snoozed_until, '-') FROM followup WHERE uid = 'early-snooze'")" \
   - "one before its due day is left out"

# A recurring follow-up done since the export is not brought back, and
# its series keeps one UID from one occurrence to the next.
series() { tr -d '\r' < "$1" | awk '/^UID:/ { u = $0 } /^SUMMARY:Bob Lee: weekly call/ { print u }'; }
r done "$weekly"
r import "$TEST_DIR/f.ics"
is "$out" "Added 0, merged 0, unchanged 4, rejected 0." "an export from before it was done adds nothing"
is "$(sql "$db" "SELECT count(*) FROM followup WHERE text = 'weekly call' AND state = 0")" 1 \
   "the series stays open once"
r export --format ics --output "$TEST_DIR/next.ics"
like "$(series "$TEST_DIR/next.ics")" "^UID:rapport-followup-${weekly#f}-[0-9]+\$" "the series is named by its first occurrence"
is "$(series "$TEST_DIR/next.ics")" "$(series "$TEST_DIR/f.ics")" "which stays its UID after it is done"
r import "$TEST_DIR/next.ics"
is "$out" "Added 0, merged 0, unchanged 4, rejected 0." "the newer export adds nothing either"
run --db "$db2" import "$TEST_DIR/next.ics"
is "$out" "Added 0, merged 0, unchanged 4, rejected 0." \
   "nor in another database, where the series is open on another day"
run --db "$db2" done "$(sql "$db2" "SELECT id FROM followup WHERE text = 'weekly call'")"
run --db "$db2" import "$TEST_DIR/f.ics"
is "$(sql "$db2" "SELECT count(*) || ' ' || sum(state) FROM followup WHERE text = 'weekly call'") $out" \
   "2 1 Added 0, merged 0, unchanged 4, rejected 0." "done there, it stays done"

# Times in a zone are the time they are here; a to-do without a date is
# not added again on a later day.
in_zone() {   # in_zone TZ ARGS...: rapport run in that time zone
    zone=$1
    shift
    out=$(TZ=$zone "$RAPPORT" "$@" 2> "$TEST_DIR/stderr")
    status=$?
}
in_zone UTC --db "$db" import "$data/timezones.ics"
is "$out" "Added 3, merged 0, unchanged 0, rejected 0." "a file with a VTIMEZONE imports"
is "$(sql "$db" "SELECT due || ' ' || due_minutes FROM followup WHERE text = 'meeting in Berlin'")" \
   "2026-12-15 540" "10:00 in Berlin is 09:00 in UTC"
db4="$TEST_DIR/tokyo.db"
run --db "$db4" import "$TEST_DIR/people.vcf"
in_zone Asia/Tokyo --db "$db4" import "$data/timezones.ics"
is "$(sql "$db4" "SELECT text || ' ' || due || ' ' || due_minutes FROM followup WHERE due_minutes >= 0 ORDER BY text")" \
   "$(printf 'call late in UTC 2026-12-16 480\nmeeting in Berlin 2026-12-15 1080')" \
   "UTC and Berlin times become Tokyo's, the day too"
out=$(fake_clock '2027-02-01 12:00:00' env TZ=UTC "$RAPPORT_BIN" --db "$db" import "$data/timezones.ics" 2> /dev/null)
is "$out" "Added 0, merged 0, unchanged 2, skipped 0 done, 0 cancelled and 1 past, rejected 0." \
   "importing it again on another day adds nothing; the meeting since over is counted as past"
is "$(sql "$db" "SELECT count(*) FROM followup WHERE text = 'read the paper'")" 1 \
   "the to-do without a date is there once"

# Items written elsewhere.
r import "$data/events.ics" --dry-run
like "$out" 'events\.ics:4: would add follow-up: Zoë Ødegård: demo of the corpus tool' \
     "a dry run names each follow-up with its contact"
r import "$data/events.ics"
is "$status" 0 "a calendar from another program imports"
is "$out" "Added 3, merged 0, unchanged 0, skipped 1 done, 0 cancelled and 0 past, rejected 2." "three items match contacts, two are reported"
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

# Another calendar's items keep their UID: importing that calendar again
# after it moved and reworded an item adds nothing, and the export gives
# the item back under the UID it came with, also after a completion.
is "$(sql "$db" "SELECT uid FROM followup WHERE text = 'demo of the corpus tool'")" "ev1@example.com" \
   "an imported item's UID is stored"
is "$(sql "$db" "SELECT count(*) FROM followup WHERE uid IS NOT NULL AND uid NOT LIKE '%@example.com'")" 0 \
   "and only imported items have one"
sed -e 's/^DTSTART:20261210T143000/DTSTART:20261211T100000/' \
    -e 's/demo of the corpus tool/demo of the corpus tool (moved)/' \
    -e 's/^DUE;VALUE=DATE:20261215/DUE;VALUE=DATE:20261218/' \
    "$data/events.ics" > "$TEST_DIR/moved.ics"
r import "$TEST_DIR/moved.ics"
is "$out" "Added 0, merged 0, unchanged 3, skipped 1 done, 0 cancelled and 0 past, rejected 2." \
   "the same calendar again, its items moved and reworded, adds nothing: their UIDs are known"
is "$(sql "$db" "SELECT count(*) FROM followup WHERE uid = 'ev1@example.com'")" 1 "the item is there once"
r import "$TEST_DIR/moved.ics"
is "$out" "Added 0, merged 0, unchanged 3, skipped 1 done, 0 cancelled and 0 past, rejected 2." "and a third time too"
r export --format ics --output "$TEST_DIR/uids.ics"
u=$(tr -d '\r' < "$TEST_DIR/uids.ics")
like "$u" '^UID:ev1@example\.com$' "the export writes the UID the item came with"
like "$u" '^UID:todo1@example\.com$' "for a to-do too"
r done "$(sql "$db" "SELECT id FROM followup WHERE uid = 'todo1@example.com' AND state = 0")"
is "$(sql "$db" "SELECT count(*) || ' ' || sum(state) FROM followup WHERE uid = 'todo1@example.com'")" "2 1" \
   "the next occurrence of a recurring item carries its UID"
r export --format ics --output "$TEST_DIR/uids2.ics"
is "$(tr -d '\r' < "$TEST_DIR/uids2.ics" | grep -c '^UID:todo1@example\.com$')" 1 \
   "and goes out under it, once"
r import "$TEST_DIR/moved.ics"
is "$out" "Added 0, merged 0, unchanged 3, skipped 1 done, 0 cancelled and 0 past, rejected 2." "the calendar from before the completion adds nothing"
r export --format json
like "$out" '"uid": *"ev1@example\.com"' "the JSON export has the UID"

# Items imported before rapport kept UIDs take theirs when their calendar
# comes again, so its later changes are known as well.
db7="$TEST_DIR/uidless.db"
run --db "$db7" import "$TEST_DIR/people.vcf"
run --db "$db7" import "$data/events.ics"
sql "$db7" "UPDATE followup SET uid = NULL"
run --db "$db7" import "$data/events.ics" --dry-run
like "$out" 'events\.ics:4: would merge into: Zoë Ødegård: demo of the corpus tool' \
     "a dry run says the item would be merged"
run --db "$db7" import "$data/events.ics"
is "$out" "Added 0, merged 3, unchanged 0, skipped 1 done, 0 cancelled and 0 past, rejected 2." "the same items found by their content take their UIDs"
is "$(sql "$db7" "SELECT group_concat(uid, ' ') FROM (SELECT uid FROM followup ORDER BY uid)")" \
   "ev1@example.com ev3@example.com todo1@example.com" "each its own"
run --db "$db7" import "$TEST_DIR/moved.ics"
is "$out" "Added 0, merged 0, unchanged 3, skipped 1 done, 0 cancelled and 0 past, rejected 2." "so the moved items are known afterwards"
run --db "$db7" undo
is "$(sql "$db7" "SELECT count(*) FROM followup WHERE uid IS NOT NULL")" 0 "undo takes the UIDs away again"

# A name that holds ": " itself: DESCRIPTION tells where the text starts.
db5="$TEST_DIR/colon.db"
run --db "$db5" add "Dr: Who"
run --db "$db5" follow "$(printed_id)" 2026-12-20 "fix: the box"
run --db "$db5" export --format ics --output "$TEST_DIR/colon.ics"
db6="$TEST_DIR/colon2.db"
run --db "$db6" add "Dr: Who"
run --db "$db6" import "$TEST_DIR/colon.ics"
is "$(sql "$db6" "SELECT c.name || '|' || f.text FROM followup f JOIN contact c ON c.id = f.contact_id")" \
   "Dr: Who|fix: the box" "a colon in the name and in the text"

# A summary of a few hundred one-letter words names its contact through
# the full-text query, which once overflowed its buffer on them.
db8="$TEST_DIR/letters.db"
run --db "$db8" add "Ada Lovelace"
words=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "a " }')
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//letters//EN\r\nBEGIN:VTODO\r\nUID:letters@example.com\r\nDUE;VALUE=DATE:20261201\r\nSUMMARY:%s: call back\r\nEND:VTODO\r\nEND:VCALENDAR\r\n' \
    "$words" > "$TEST_DIR/letters.ics"
run --db "$db8" import --dry-run "$TEST_DIR/letters.ics"
is "$status" 0 "a summary of 300 one-letter words imports in a dry run"
like "$out" 'letters\.ics:4: would add follow-up: Ada Lovelace: call back' \
     "and finds the contact those words begin"
is "$(sql "$db8" "SELECT count(*) FROM followup")" 0 "a dry run writes nothing"

# A summary that names a contact in ordinary words (iOS Reminders), the
# summary adding up to the file, and libical's own messages kept off the
# terminal (issue 17).
dbr="$TEST_DIR/reminders.db"
for n in "Ahmed Karimi" "李小龙" "Maria Silva" "Maria Costa"; do
    run --db "$dbr" add "$n"
done
run --db "$dbr" import "$data/reminders.ics"
is "$status" 0 "a Reminders export imports"
is "$out" "Added 3, merged 0, unchanged 0, skipped 1 done, 1 cancelled and 0 past, rejected 1." \
   "the summary counts every item: added, done, cancelled, rejected"
fr() { sql "$dbr" "SELECT c.name FROM followup f JOIN contact c ON c.id = f.contact_id WHERE f.text = '$1'"; }
is "$(fr 'Send reading list to Ahmed')" "Ahmed Karimi" "a given name that is a whole word and unique names the contact"
is "$(fr 'Consultation with 李小龙')" "李小龙" "so does a whole name in another script"
is "$(fr 'Book the room')" "Ahmed Karimi" "and a family name in the description"
like "$err" 'reminders\.ics:15: rejected: "Call Maria about the loan" could name any of Maria Costa, Maria Silva' \
     "an ambiguous name is reported with its candidates"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VTODO\r\nBEGIN:VTODO\r\nSUMMARY:Ahmed Karimi: say hello\r\nEND:VTODO\r\nEND:VCALENDAR\r\n' > "$TEST_DIR/broken.ics"
run --db "$dbr" import "$TEST_DIR/broken.ics"
unlike "$err" 'icalparser|\.c:[0-9]' "libical's own messages do not reach the terminal"
like "$err" 'broken\.ics:7: warning: the calendar is malformed: Encountered END before BEGIN' \
     "they become rapport's line, naming the file and the line (the END:VTODO of line 3 closed the calendar, so END:VCALENDAR has no BEGIN)"
# A message on a line of a folded file: the line is the file's own.
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nSUMMARY:Ahmed Karimi: a summary fo\r\n lded over\r\n  three lines\r\nEND:VTODO\r\nEND:VCALENDAR\r\nEND:VCALENDAR\r\n' > "$TEST_DIR/folded.ics"
run --db "$dbr" import --dry-run "$TEST_DIR/folded.ics"
like "$err" '^[^ ]*folded\.ics:9: warning: the calendar is malformed: Encountered END before BEGIN$' \
     "the line counts the folded lines too"
like "$out" 'would add follow-up: Ahmed Karimi: a summary folded over three lines' "and the folded summary is whole"

# Items whose day has passed (issue 17): an event over before today is
# skipped and counted as past (a recurring one only once its rule ends);
# a to-do not done by its day is work still to do and comes in overdue,
# counted too. The days are the test's own yesterday, today and so on,
# so that the file is always as old as the test says (the fixed day's).
day() { clock_date -u -d "$1" +%Y%m%d; }
dbp="$TEST_DIR/past.db"
run --db "$dbp" add "Petra Past"
{
    printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//past//EN\r\n'
    item() {   # item KIND UID PROPERTY-LINES... (SUMMARY last)
        kind=$1 uid=$2
        shift 2
        printf 'BEGIN:%s\r\nUID:%s\r\n' "$kind" "$uid"
        for l in "$@"; do printf '%s\r\n' "$l"; done
        printf 'END:%s\r\n' "$kind"
    }
    item VEVENT ev-yesterday "DTSTART:$(day yesterday)T100000" "SUMMARY:Petra Past: yesterday's meeting"
    item VEVENT ev-allday-yesterday "DTSTART;VALUE=DATE:$(day yesterday)" "DTEND;VALUE=DATE:$(day today)" \
        "SUMMARY:Petra Past: yesterday all day"
    item VEVENT ev-allday-today "DTSTART;VALUE=DATE:$(day today)" "DTEND;VALUE=DATE:$(day tomorrow)" \
        "SUMMARY:Petra Past: today all day"
    item VEVENT ev-weekly "DTSTART:$(day '-30 days')T090000" "RRULE:FREQ=WEEKLY" \
        "SUMMARY:Petra Past: weekly call"
    item VEVENT ev-ended "DTSTART:$(day '-60 days')T090000" "RRULE:FREQ=WEEKLY;UNTIL=$(day '-7 days')T090000Z" \
        "SUMMARY:Petra Past: series that ended"
    item VTODO todo-late "DUE;VALUE=DATE:$(day '-7 days')" "SUMMARY:Petra Past: send the late report"
    item VTODO todo-soon "DUE;VALUE=DATE:$(day '+7 days')" "SUMMARY:Petra Past: plan the visit"
    item VTODO todo-done "DUE;VALUE=DATE:$(day '-7 days')" "STATUS:COMPLETED" "SUMMARY:Petra Past: done already"
    printf 'END:VCALENDAR\r\n'
} >"$TEST_DIR/past.ics"
out=$(TZ=UTC "$RAPPORT" --db "$dbp" import "$TEST_DIR/past.ics" 2>"$TEST_DIR/stderr")
is "$out" "Added 4, merged 0, unchanged 0, skipped 1 done, 0 cancelled and 3 past, rejected 0.
1 to-do was due before today: it is kept as an overdue follow-up." \
   "the summary adds up to the file's 8 items: 3 events past, 1 to-do overdue"
is "$(sql "$dbp" "SELECT text FROM followup ORDER BY text")" "plan the visit
send the late report
today all day
weekly call" "today's event, the repeating one, and both open to-dos are there"
is "$(sql "$dbp" "SELECT due FROM followup WHERE text = 'weekly call'")" \
   "$(date -u -d "$(day '-30 days') + 5 weeks" +%Y-%m-%d)" \
   "the weekly call that began a month ago is due at its next occurrence"
out=$(TZ=UTC "$RAPPORT" --db "$dbp" import "$TEST_DIR/past.ics" 2>"$TEST_DIR/stderr")
is "$out" "Added 0, merged 0, unchanged 4, skipped 1 done, 0 cancelled and 3 past, rejected 0." \
   "imported again: nothing new, and nothing said overdue"
run --db "$dbp" agenda
like "$out" "send the late report" "the overdue to-do is on the agenda"

# The contacts an item may name are found through the store's indexes
# (store/named.c), not by reading every contact: a whole name among
# many sharing its words, and a word too many share, still come out as
# before.
dbn="$TEST_DIR/names.db"
awk 'BEGIN { for (i = 1; i <= 60; i++)
    printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maria Name%d\r\nEND:VCARD\r\n", i }' >"$TEST_DIR/marias.vcf"
run --db "$dbn" import "$TEST_DIR/marias.vcf"
run --db "$dbn" add "Maria Costa"
run --db "$dbn" add "Olof Ström" --org "Maria Costa Holdings"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//names//EN\r\nBEGIN:VTODO\r\nUID:n1@example.com\r\nDUE;VALUE=DATE:20991201\r\nSUMMARY:Call maria costa about the loan\r\nEND:VTODO\r\nBEGIN:VTODO\r\nUID:n2@example.com\r\nDUE;VALUE=DATE:20991201\r\nSUMMARY:Ask Maria about it\r\nEND:VTODO\r\nBEGIN:VTODO\r\nUID:n3@example.com\r\nDUE;VALUE=DATE:20991201\r\nSUMMARY:Lunch with olof strom\r\nEND:VTODO\r\nEND:VCALENDAR\r\n' >"$TEST_DIR/names.ics"
run --db "$dbn" import --dry-run "$TEST_DIR/names.ics"
like "$out" 'names\.ics:4: would add follow-up: Maria Costa: Call maria costa about the loan' \
     "a whole name is found among 61 contacts who share a word of it"
like "$err" 'names\.ics:9: rejected: "Ask Maria about it" could name any of Maria Costa, Maria Name1, Maria Name10,' \
     "a given name 61 contacts share is an ambiguity, with the candidates"
like "$out" 'names\.ics:14: would add follow-up: Olof Ström: Lunch with olof strom' \
     "a name written without its accents is found (folded)"

# A property libical cannot read it drops, silently: rapport says so,
# with the item's line, and --strict rejects the item.
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//lic//EN\r\nBEGIN:VTODO\r\nUID:lic@example.com\r\nDUE:garbage\r\nRRULE:FREQ=SOMETIMES\r\nSUMMARY:Ahmed Karimi: junk in the dates\r\nEND:VTODO\r\nEND:VCALENDAR\r\n' \
    >"$TEST_DIR/lic.ics"
run --db "$dbr" import --dry-run "$TEST_DIR/lic.ics"
like "$err" "lic\\.ics:4: warning: the calendar is malformed: Can't parse as DATE-TIME value in DUE property" \
     "a DUE libical cannot read is said, with the item's line"
like "$err" "lic\\.ics:4: warning: the calendar is malformed: Can't parse as RECUR value in RRULE property" \
     "and so is an RRULE"
run --db "$dbr" import --dry-run --strict "$TEST_DIR/lic.ics"
like "$err" "lic\\.ics:4: rejected: the calendar is malformed: Can't parse as DATE-TIME" \
     "--strict rejects the item"

done_testing
