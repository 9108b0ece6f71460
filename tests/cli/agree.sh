#!/bin/sh
# What a new user met on the command line (issue 20): a mistyped --db
# makes no database for a command that only reads, the dates people
# type, and the command line agreeing with the TUI on what it shows.
. "${top_srcdir:-.}/tests/lib/tap.sh"

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

done_testing
