#!/bin/sh
# Organisations, reports, search, backup, check and the demo database.
. "${top_srcdir:-.}/tests/lib/tap.sh"

db="$TEST_DIR/r.db"
r() { run --db "$db" "$@"; }
# An empty database: made by a command that writes (one that reads
# makes none), with nothing to undo.
"$RAPPORT" --db "$db" undo >/dev/null 2>&1

r orgs
is "$status" 0 "orgs on an empty database"
is "$out" "No organisations." "says there are none"

r add "Siobhán Ní Bhriain" --org "Department of History" --role decision-maker --stage client
siobhan=$(printed_id)
r add "Mateo Fernández" --org "Department of History" --role user --title Archivist \
    --department "Early Modern"
mateo=$(printed_id)
r add "Tomás Ó Ceallaigh" --org "department of history" --role user --stage customer
tomas=$(printed_id)
r add "José Müller" --org "Hartmann & Reyes LLP" --role both
jose=$(printed_id)
like "$siobhan $mateo $tomas $jose" '^#[0-9]+ #[0-9]+ #[0-9]+ #[0-9]+$' \
     "four contacts ($siobhan $mateo $tomas $jose)"
r orgs
is "$status" 0 "orgs"
like "$out" 'Department of History +End users 1, Customers 1, Clients 1' \
     "counts per stage for each organisation"
like "$out" 'Hartmann & Reyes LLP +End users 1, Customers 0, Clients 0' \
     "every organisation is listed"
r orgs "department OF history"
is "$status" 0 "orgs ORG"
dm=$(printf '%s\n' "$out" | sed -n '/^Decision-makers/,/^$/p')
users=$(printf '%s\n' "$out" | sed -n '/^Users/,$p')
like "$dm" "$siobhan Siobhán Ní Bhriain +\\(Client\\)" "its decision-makers"
unlike "$dm" 'Mateo' "users are not decision-makers"
like "$users" "$mateo Mateo Fernández +\\(End user, Archivist, Early Modern\\)" \
     "its users, with their title and department"
like "$users" "$tomas Tomás Ó Ceallaigh" "all of them"
r orgs "Nowhere"
is "$status" 1 "an unknown organisation is a user error"
is "$err" 'rapport: no organisation "Nowhere"' "with one line"

# Organisations named by a part of the name, in a database of their own.
o() { run --db "$TEST_DIR/orgs.db" "$@"; }
o add "José Müller" --org "Hartmann & Reyes LLP"
jose2=$(printed_id)
o orgs "hartmann"
is "$status" 0 "orgs takes a part of a name"
like "$out" '^Hartmann & Reyes LLP ' "and shows that organisation"
like "$out" "$jose2 José Müller" "with its people"
o add "Ana Lima" --org "Hartmann Stiftung"
o orgs "hartmann"
is "$status" 1 "a part that several names hold is a user error"
is "$err" 'rapport: "hartmann" matches several organisations: Hartmann & Reyes LLP, Hartmann Stiftung' \
   "naming the candidates"
o orgs "REYES"
is "$status" 0 "a part held by one name picks it, whatever the case"
like "$out" '^Hartmann & Reyes LLP ' "the right one"
o add "Jon Ek" --org "École des chartes"
o add "Eva Ek" --org "Ecole des chartes annexe"
o orgs "ecole des chartes"
is "$status" 0 "a name typed in full, without its accents, picks that one"
like "$out" '^École des chartes ' "not the longer name that holds it"

# Report.
r score siobhan 10
r score mateo 3
r score tomas 9
r stage mateo customer --reason "Came back twice"
r report
is "$status" 0 "report"
like "$out" '^Funnel' "the funnel"
like "$out" 'End users +#+ +1$' "a bar per stage"
like "$out" 'Customers +#+ +2$' "with the counts"
like "$out" 'this month [0-9]+, this quarter [0-9]+' "promotions"
like "$out" '^Median days in each stage' "days per stage"
like "$out" 'Everyone +\+33 +\(3 answered: 2 promoters, 1 detractor\)' \
     "NPS of everyone with how many answered, each count with its plural"
medians=$(printf '%s\n' "$out" | sed -n '/^Median days/,/^$/p')
like "$medians" 'Clients +0 days$' "a stay of seconds is 0 days"
unlike "$medians" '#' "and 0 days draws no bar, even when every median is that short"
like "$out" 'Decision-makers +\+100 +\(1 answered' "NPS per role"
like "$out" 'overdue follow-ups 0, gone quiet 0' "workload"
r report --format json
is "$status" 0 "report --format json"
printf '%s\n' "$out" >"$TEST_DIR/report.json"
j() { sql ":memory:" "SELECT json_extract(CAST(readfile('$TEST_DIR/report.json') AS TEXT), '$1')"; }
is "$(sql ":memory:" "SELECT json_valid(CAST(readfile('$TEST_DIR/report.json') AS TEXT))")" 1 \
   "the report's JSON is valid"
is "$(j '$.funnel.customer')" 2 "the funnel in JSON"
is "$(j '$.nps.all.answered')" 3 "NPS answers in JSON"
is "$(j '$.promotions.month')" 1 "promotions in JSON"
r report --format xml
is "$status" 2 "an unknown report format is a usage error"

# Bars in proportion to the days printed beside them, on fixed days.
if command -v faketime >/dev/null 2>&1; then
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
    export ASAN_OPTIONS
    stays="$TEST_DIR/stays.db"
    on() { day=$1; shift; fake_clock "$day 12:00:00" "$RAPPORT" --db "$stays" "$@"; }
    on 2026-01-01 add "Ada Stay" >/dev/null
    out=$(on 2026-01-02 report | sed -n '/^Median days/,/^$/p')
    like "$out" 'End users +#{40} 1 day$' "a median of one day is singular, and the longest bar"
    on 2026-01-11 stage ada customer >/dev/null
    on 2026-01-31 stage ada client >/dev/null
    out=$(on 2026-02-10 report | sed -n '/^Median days/,/^$/p')
    like "$out" 'End users +#{20} {21}10 days$' "ten days draw half a bar"
    like "$out" 'Customers +#{40} 20 days$' "twenty days, the longest, a whole one"
    like "$out" 'Clients +#{20} {21}10 days$' "the current stay counts up to now"
fi

# Search.
r note mateo "Asked about the Inquisition trial records"
r search inquisition
is "$status" 0 "search"
like "$out" "$mateo Mateo Fernández, note #[0-9]+: " "a note hit names the contact and the note"
r search jose
like "$out" "$jose José Müller" "a contact hit, accent-insensitive"
r search zzyzx
is "$out" "No matches." "no hit says so"
# A one-letter word takes five bytes of the full-text query ("a"* and a
# space) and a quote two: the query once overflowed its buffer here.
words() { awk -v n="$1" -v w="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s ", w }'; }
r search "$(words 80 a)"
is "$status" 0 "a search of 80 one-letter words"
like "$out" "^$mateo Mateo Fernández, note #[0-9]+: Asked about" "finds what those words match"
r search "$(words 2000 a)inquisition"
is "$status" 0 "a search of 2000 one-letter words"
like "$out" "^$mateo Mateo Fernández, note #[0-9]+: Asked about" "and of one more"
r search "$(words 300 '""""a""""')"'"""inquisition"""'
is "$status" 0 "a search of words full of quotes"
like "$out" "^$mateo Mateo Fernández, note #[0-9]+: Asked about" "quotes are no syntax, only the word counts"
r show "$(words 2000 a)"
is "$status" 1 "a contact named by 2000 one-letter words"
like "$err" '^rapport: no contact matches "a a a' "is looked up, and not found"

# Import and export are handed to the interchange module.
r export --format csv --output "$TEST_DIR/all.csv"
is "$status" 0 "export through the command line"
run --db "$TEST_DIR/imported.db" import "$TEST_DIR/all.csv"
is "$status" 0 "import through the command line"
is "$(sql "$TEST_DIR/imported.db" "SELECT count(*) FROM contact")" 4 "every contact came in"
run --db "$TEST_DIR/imported.db" --read-only import "$TEST_DIR/all.csv"
is "$status" 1 "import refuses a read-only database"
run import --help
is "$status" 0 "import --help"
like "$out" '^Usage: rapport import' "import has its own help"

# Backup: a readable copy.
r backup "$TEST_DIR/copy.db"
is "$status" 0 "backup"
is "$(stat -c %a "$TEST_DIR/copy.db")" 600 "the copy is private"
is "$(sql "$TEST_DIR/copy.db" "SELECT count(*) FROM contact")" 4 "the copy holds the contacts"
run --db "$TEST_DIR/copy.db" show siobhan
is "$status" 0 "rapport reads the copy"

# Check: sound, then damaged.
r check
is "$status" 0 "check on a sound database"
like "$out" 'sound' "says it is sound"
bad="$TEST_DIR/bad.db"
cp "$TEST_DIR/copy.db" "$bad"
chmod 600 "$bad"
size=$(stat -c %s "$bad")
# Overwrite every page after the first with garbage.
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "%c", 65 + i % 26 }' \
    | dd of="$bad" bs=1024 seek=4 count=$((size / 1024 - 4)) conv=notrunc \
         iflag=fullblock 2>/dev/null
run --db "$bad" check
is "$status" 1 "check on a damaged database exits 1"
like "$err" '^rapport: ' "with a message"
# A damaged search index is found, each problem on its own line, and
# --rebuild-index mends it.
fts="$TEST_DIR/fts.db"
cp "$TEST_DIR/copy.db" "$fts"
chmod 600 "$fts"
for i in 1 2 3 4 5 6 7 8; do
    run --db "$fts" note siobhan "Reading-room visit number $i about the estate maps"
done
sqlite3 "$fts" "DELETE FROM note_fts_data WHERE id > 10"
run --db "$fts" check
is "$status" 1 "check finds the damaged note index"
like "$out" 'note_fts' "and names it"
like "$out" 'damaged \(.*\); rebuild it with: rapport check --rebuild-index' "and says how to mend it"
unlike "$out" '\^J' "problems are one per line, never joined"
like "$err" "^rapport: $(printf '%s\n' "$out" | grep -c .) problems? in what the database derives from its contacts and notes; rapport check --rebuild-index makes" \
     "the count matches the lines shown, each mended by the rebuild"
run --db "$fts" check --rebuild-index
is "$status" 0 "--rebuild-index mends it"
like "$out" 'made again' "says so"
like "$out" 'sound' "and the check then passes"
run --db "$fts" search "estate maps"
like "$out" 'Siobh' "search finds the notes again"
run --db "$fts" edit siobhan --department "Manuscripts and Archives"
run --db "$fts" check --rebuild-index
run --db "$fts" search manuscripts
like "$out" 'Siobh' "the index made again holds the department"

# A database of every older schema is upgraded when opened, and passes
# the check. The version to reach is the one a new database gets.
run --db "$TEST_DIR/current.db" add "Fresh Person"
current=$(sql "$TEST_DIR/current.db" "PRAGMA user_version")
like "$current" '^[0-9]+$' "a new database has a schema version ($current)"
for v in $(seq 1 $((current - 1))); do
    [ -f "${top_srcdir:-.}/tests/data/schema-v$v.sql" ] || { ok 1 "tests/data/schema-v$v.sql exists"; continue; }
    # From version 5 on, the sqlite3 shell cannot add the contact below:
    # the word triggers call rapport_words(). tests/unit/test_migrate.c
    # upgrades those versions, with rows, from C.
    [ "$v" -ge 5 ] && continue
    old="$TEST_DIR/v$v.db"
    "${SQLITE3_SHELL:-sqlite3}" -batch "$old" < "${top_srcdir:-.}/tests/data/schema-v$v.sql"
    sql "$old" "PRAGMA user_version = $v"
    sql "$old" "INSERT INTO contact(name, name_key, created, updated, stage_since, last_touch)
                VALUES ('Old Version', 'old version', 1767268800, 1767268800, 1767268800, 1767268800);
                INSERT INTO contact_phone(contact_id, phone, position) VALUES (1, '+47 7', 0);"
    chmod 600 "$old"
    is "$(sql "$old" "SELECT count(*) FROM contact_phone")" 1 "a version $v database from its fixture, with rows"
    run --db "$old" --read-only list
    like "$err" "needs an upgrade of its schema \\(version $v to $current\\); open it once without --read-only\$" \
         "read-only, a version $v database is not upgraded, and the message says how to"
    run --db "$old" check
    is "$status" 0 "check passes on a version $v database, upgraded"
    like "$out" 'sound' "and says it is sound"
    is "$(sql "$old" "PRAGMA user_version")" "$current" "it is at version $current"
    run --db "$old" edit old --department "Maps" --phone "cell:+47 7"
    is "$(sql "$old" "SELECT c.department || ' ' || p.kind FROM contact c JOIN contact_phone p ON p.contact_id = c.id")" \
       "Maps cell" "and takes a department and a phone's kind"
    run --db "$old" check
    is "$status" 0 "and is still sound after that"
done

# The search words are kept by triggers that call rapport's own
# function: the sqlite3 shell cannot add a note past them unnoticed.
shell_out=$("${SQLITE3_SHELL:-sqlite3}" -batch "$old" \
    "INSERT INTO note(contact_id, at, kind, body) VALUES (1, 1767268800, 'note', 'behind its back')" 2>&1)
like "$shell_out" 'rapport_words' "the sqlite3 shell cannot write a note"
is "$(sql "$old" "SELECT count(*) FROM note WHERE body = 'behind its back'")" 0 "and nothing was stored"
run --db "$old" check
is "$status" 0 "the database is still sound"

printf 'this is not a database at all, just text\n%.0s' 1 2 3 4 5 6 7 8 9 >"$TEST_DIR/text.db"
chmod 600 "$TEST_DIR/text.db"
run --db "$TEST_DIR/text.db" list
is "$status" 1 "a file that is no database is a user error"
is "$(printf '%s\n' "$err" | wc -l)" 1 "with one line"

# The demo: a living pipeline, removed afterwards.
mkdir "$TEST_DIR/tmp"
out=$(TMPDIR="$TEST_DIR/tmp" "$RAPPORT" --demo agenda 2>"$TEST_DIR/stderr")
status=$?
is "$status" 0 "--demo agenda"
like "$out" '^Overdue' "the demo has overdue follow-ups"
like "$out" '^Today' "and some due today"
like "$out" '^Next 7 days' "and some coming up"
like "$out" '^Gone quiet' "and people who have gone quiet"
like "$out" 'every 1w' "and a recurring one"
is "$(ls "$TEST_DIR/tmp" | wc -l)" 0 "the demo database is removed at exit"
out=$(TMPDIR="$TEST_DIR/tmp" "$RAPPORT" --demo list --format csv)
demo_contacts=$(($(printf '%s\n' "$out" | wc -l) - 1))
ok "$([ "$demo_contacts" -gt 40 ]; echo $?)" "the demo has more than 40 contacts ($demo_contacts)"
like "$out" 'Zoë Ødegård' "with UTF-8 names"
like "$out" '李小龙' "of every script"
out=$(TMPDIR="$TEST_DIR/tmp" "$RAPPORT" --demo report)
like "$out" 'Clients +#+ +[0-9]+' "the demo has clients"
# The organisations listed are those its contacts name (from the JSON
# listing), each once.
json=$(TMPDIR="$TEST_DIR/tmp" "$RAPPORT" --demo list --format json)
demo_orgs=$(printf '%s\n' "$json" | jq '[.[] | .organisation // empty] | unique | length')
ok "$([ "${demo_orgs:-0}" -ge 3 ]; echo $?)" "the demo's contacts belong to several organisations ($demo_orgs)"
out=$(TMPDIR="$TEST_DIR/tmp" "$RAPPORT" --demo orgs)
is "$(printf '%s\n' "$out" | grep -c .)" "$demo_orgs" "orgs lists each of them once"
first_org=$(printf '%s\n' "$json" | jq -r '[.[] | .organisation // empty] | unique | .[0]')
like "$out" "^$first_org " "by name, the first one first ($first_org)"

done_testing
