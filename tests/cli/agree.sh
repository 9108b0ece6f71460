#!/bin/sh
# What a new user met on the command line (issue 20): a mistyped --db
# makes no database for a command that only reads, the dates people
# type, and the command line agreeing with the TUI on what it shows.
. "${top_srcdir:-.}/tests/lib/tap.sh"

# The dates below are counted from today: the clock stands still a
# second before midnight, so rapport and the expected dates agree on
# what today is.
clock_fix '2026-12-02 23:59:59'

# ---- a database that is not there ------------------------------------------
missing="$TEST_DIR/nowhere/x.db"
for cmd in agenda list "show 1" "search anna" report orgs export check \
           "backup $TEST_DIR/copy.db"; do
    # shellcheck disable=SC2086
    run --db "$missing" $cmd
    is "$status" 1 "$cmd on a missing database exits 1"
    like "$err" "there is no database at $missing; check the name" \
         "$cmd says there is none"
    ok "$([ ! -e "$TEST_DIR/nowhere" ]; echo $?)" \
       "$cmd creates neither the folder nor the file"
done
run --db "$missing" add "Anna Kowalczyk"
is "$status" 0 "a command that writes creates it"
is "$err" "rapport: created a new database at $missing" \
   "and says once, on standard error, where"
ok "$([ -f "$missing" ]; echo $?)" "the file is there"
run --db "$missing" note anna "Met at the desk"
is "$err" "" "the next run says nothing of it"
run --db "$missing" agenda
is "$status" 0 "a read once it exists is fine"

# ---- the demo leaves nothing behind ------------------------------------------
scratch="$TEST_DIR/tmp"
mkdir -p "$scratch"
TMPDIR="$scratch" "$RAPPORT" --demo list >/dev/null 2>&1
is "$(ls -A "$scratch")" "" "--demo list leaves no temporary database"
TMPDIR="$scratch" "$RAPPORT" --demo export --format json 2>/dev/null | head -c 10 >/dev/null
is "$(ls -A "$scratch")" "" "nor when its reader stops early (SIGPIPE)"

# ---- dates as people type them -----------------------------------------------
db="$missing"
for when in "2w" "in 2 weeks" "next week" "dec 15" "15 dec" "12-15" "2030-12-5"; do
    run --db "$db" follow anna "$when" "Call about $when"
    is "$status" 0 "follow takes \"$when\""
done
is "$(sql "$db" "SELECT due FROM followup WHERE text = 'Call about 2030-12-5'")" \
   "2030-12-05" "2030-12-5 is stored as 2030-12-05"
run --db "$db" follow anna "2026-12-32" "Nothing"
is "$status" 2 "a day that is not is refused"
like "$err" "in 2 weeks" "and the hint names the forms"
hint=$(printf '%s\n' "$err" | grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}' | grep -v 2026-12-32 | head -1)
ok "$([ -n "$hint" ] && [ "$hint" \> "$(clock_date +%F)" ]; echo $?)" \
   "the example date in the hint is still to come ($hint)"

# ---- the command line agrees with the TUI -------------------------------------
db="$TEST_DIR/agree.db"
a() { run --db "$db" "$@"; }
a add "Anna Kowalczyk" --phone "cell:+47 912 34 567" --phone "work:+47 55"
anna=$(printed_id)
a show anna
like "$out" 'Phones: +\+47 912 34 567 \(cell\), \+47 55 \(work\)$' \
     "a phone typed as cell: shows as cell"
like "$out" 'Last contact: +[0-9-]+ \(today\)$' "0 days ago reads today"
unlike "$out" '0 days ago' "and never 0 days ago"

a note anna --kind delivery "Sent the scans"
a show anna
like "$out" '^  #[0-9]+  .*  delivery$' "the note kind is the word typed, delivery"
unlike "$out" 'delivery of content' "not another spelling of it"

a follow anna today "Call her"
call=$(printed_id)
like "$out" "^Follow-up f[0-9]+ for $anna Anna" "a follow-up's id reads fN ($call), a contact's #N ($anna)"
a follow anna tomorrow --at 14:00 "Send slides"
slides=$(printed_id)
a follow anna +2d "Book the room"
room=$(printed_id)
a snooze "$room" +5d
is "$status" 0 "snooze takes $room"
snoozed=$(clock_date -d '+5 days' +%F) due=$(clock_date -d '+2 days' +%F)
a agenda
like "$out" "^  $room +$snoozed        Anna Kowalczyk \($anna\): Book the room \[snoozed; due $due\]$" \
     "agenda shows a snoozed one on its snoozed day, the due date in brackets"
col() { printf '%s\n' "$out" | grep -F "$1" | awk -v t="$1" '{ print index($0, t) }'; }
is "$(col "Anna Kowalczyk ($anna): Call her")" "$(col "Anna Kowalczyk ($anna): Send slides")" \
   "agenda's columns line up with and without a time"
like "$out" "^  $call " "agenda names follow-ups as $call"

a done anna
is "$status" 1 "done CONTACT with several open follow-ups exits 1"
like "$err" "$anna Anna Kowalczyk has 3 open follow-ups; name one" "and says so"
like "$out" "^  $call .*Call her\$" "listing them"
like "$out" "^  $slides .*Send slides\$" "every one"
a done "$call"
is "$status" 0 "done takes $call"
a done "$(echo "$slides" | tr -d f)"
is "$status" 0 "and a bare id"
a done anna
is "$status" 0 "done CONTACT with one open follow-up does it"
like "$out" "^Done: follow-up $room for $anna Anna Kowalczyk: Book the room" "and says which"
a done anna
is "$status" 1 "with none left it is an error"
like "$err" 'has no open follow-up' "saying so"

a add "Zed Person" --org "The Very Long Name of a Department of Digital Humanities Research"
a orgs
like "$out" '^The Very Long Name of a Department of Digital Humanities Research  ' \
     "orgs does not cut a name when standard output is no terminal"

# A word of two letters in a note: found by the command line, and by
# the TUI's filter (the same store search; tests/unit/test_store.c).
a note anna "Wants the UX of the OA portal reviewed"
a search ux
like "$out" "^$anna Anna Kowalczyk, note #[0-9]+: .*UX" "search finds a word of two letters in a note"

a search zzyzx
is "$status" 1 "search exits 1 when nothing matches, as grep does"
a search scans
is "$status" 0 "and 0 when something does"

done_testing
