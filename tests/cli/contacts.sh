#!/bin/sh
# Contacts from the command line: add, list in every format, show, edit,
# finding people by part of their name, ambiguity, terminal-safe output,
# archive, undo and forget.
. "${top_srcdir:-.}/tests/lib/tap.sh"

# "Last contact: ... (today)": the clock stands still a second before
# midnight, so the contact is added and shown on the same day.
clock_fix '2026-12-02 23:59:59'
db="$TEST_DIR/r.db"
r() { run --db "$db" "$@"; }
esc=$(printf '\033')

r add "Zoë Ødegård" --org "Digital Humanities" --email zoe@example.org \
    --tag "text mining" --role both --stage customer --title "Director"
is "$status" 0 "add a contact with every kind of field"
zoe=$(printed_id)
like "$out" '^Added contact '"$zoe"' Zoë Ødegård \(Customer\)$' "add names the contact with its id"
is "$(sql "$db" "SELECT name, stage, roles FROM contact WHERE id = ${zoe#\#}")" \
   "Zoë Ødegård|1|3" "the contact is stored with its stage (1: customer) and roles"
is "$(sql "$db" "SELECT email FROM contact_email WHERE contact_id = ${zoe#\#}")" \
   "zoe@example.org" "its email is stored"

r add "李小龙" --org "Marine Research" --phone "+47 55 23 85 00"
is "$status" 0 "add a CJK name"
xiao=$(printed_id)
r add "Ann Smith, Jr." --org 'Law "Knowledge" Team'
smith=$(printed_id)
r add "Ann Jones"
jones=$(printed_id)
r add "$(printf 'Evil\033[31mRed\342\200\256')"
is "$status" 1 "a name with an escape sequence is refused"
like "$err" '^rapport: name: holds the control character \^\[, which a terminal would take as a command; remove it$' \
     "saying which field holds which control character"
is "$(sql "$db" "SELECT count(*) FROM contact")" 4 "and nothing is stored"
# An older rapport stored such names as they were typed.
r add "EvilRed"
evil=$(printed_id)
ids="$zoe $xiao $smith $jones $evil"
like "$ids" '^#[0-9]+ #[0-9]+ #[0-9]+ #[0-9]+ #[0-9]+$' "each add named its id ($ids)"
sql_legacy "$db" "UPDATE contact SET name = 'Evil' || char(27) || '[31mRed' || char(8238) WHERE name = 'EvilRed'"
is "$(sql "$db" "SELECT hex(name) FROM contact WHERE id = ${evil#\#}")" 4576696C1B5B33316D526564E280AE \
   "a name with an escape sequence from an older rapport"

# Resolution by part of a name, case and accents aside.
r show zoe
is "$status" 0 "'zoe' finds Zoë Ødegård"
like "$out" '^'"$zoe"' Zoë Ødegård' "show names the contact with its id"
like "$out" 'Organisation: +Digital Humanities' "show has the organisation"
like "$out" 'Roles: +user, decision-maker' "show has the roles"
like "$out" 'Stage: +Customer since' "show has the stage and since when"
like "$out" 'Tags: +text mining' "show has the tags"
r show ODEGARD
like "$out" '^'"$zoe"' ' "an accent-free upper-case surname finds her too"
r show 小龙
is "$status" 0 "part of a CJK name finds the contact"
like "$out" '^'"$xiao"' 李小龙' "it is the right one"
r show "$xiao"
like "$out" '^'"$xiao"' 李小龙' "$xiao is an id"

r show ann
is "$status" 1 "an ambiguous name is a user error"
like "$err" '^rapport: .*'"$smith"' Ann Smith, Jr\..*'"$jones"' Ann Jones|^rapport: .*'"$jones"' Ann Jones.*'"$smith"' Ann Smith' \
     "the error lists the candidates with their ids"
is "$(printf '%s\n' "$err" | wc -l)" 1 "in one line"

# Terminal safety: the escape sequence is shown as placeholders.
r list
is "$status" 0 "list"
like "$out" 'Evil\^\[\[31mRed<U\+202E>' "list shows ESC as ^[ and a bidi override as <U+202E>"
unlike "$out" "$esc" "list never prints a raw escape"
like "$out" ''"$zoe"' +Zoë Ødegård +Customer +Digital Humanities' "list shows id, name, stage, organisation"
r show evil
like "$out" 'Evil\^\[\[31mRed' "show shows the placeholders"
unlike "$out" "$esc" "show never prints a raw escape"

# CSV: RFC 4180, parsed back by the sqlite3 shell.
r list --format csv
is "$status" 0 "list --format csv"
printf '%s\n' "$out" >"$TEST_DIR/list.csv"
is "$(head -1 "$TEST_DIR/list.csv")" \
   "$(printf 'id,name,organisation,title,stage,roles,emails,phones,tags,channel,created,last_touch,next_due,archived,department,phone_kinds,owner\r')" \
   "the header names every field, CRLF-terminated"
is "$(grep -c "$(printf '\r')\$" "$TEST_DIR/list.csv")" 6 "every line ends in CRLF"
# csv QUERY: a query over the CSV, read back by the sqlite3 shell.
csv() {
    "${SQLITE3_SHELL:-sqlite3}" -batch -noheader :memory: \
        ".import --csv '$TEST_DIR/list.csv' t" "$1"
}
is "$(csv "SELECT organisation FROM t WHERE id = '${smith#\#}'")" 'Law "Knowledge" Team' \
   "a field with quotes survives CSV quoting"
is "$(csv "SELECT name FROM t WHERE id = '${smith#\#}'")" "Ann Smith, Jr." \
   "a field with a comma survives"
is "$(csv "SELECT count(*) FROM t")" 5 "one row per contact"
is "$(csv "SELECT stage || '|' || roles || '|' || emails || '|' || archived FROM t WHERE id = '${zoe#\#}'")" \
   "customer|user;decision-maker|zoe@example.org|no" "stage, roles, emails and archived as words"

# JSON: valid, one object per contact, stable keys.
r list --format json
is "$status" 0 "list --format json"
printf '%s\n' "$out" >"$TEST_DIR/list.json"
is "$(sql ":memory:" "SELECT json_valid(CAST(readfile('$TEST_DIR/list.json') AS TEXT))")" 1 \
   "the JSON is valid"
is "$(sql ":memory:" "SELECT json_array_length(CAST(readfile('$TEST_DIR/list.json') AS TEXT))")" 5 \
   "an array of every contact"
is "$(sql ":memory:" "SELECT json_extract(CAST(readfile('$TEST_DIR/list.json') AS TEXT), '\$[0].name') || '|' || coalesce(json_extract(CAST(readfile('$TEST_DIR/list.json') AS TEXT), '\$[0].emails[0]'), 'none') || '|' || json_extract(CAST(readfile('$TEST_DIR/list.json') AS TEXT), '\$[0].stage')")" \
   "Ann Jones|none|end-user" "objects hold name, emails and stage (sorted by name)"
r list --format json --stage client
is "$out" "[]" "an empty list is an empty JSON array"
r list --format yaml
is "$status" 2 "an unknown format is a usage error"

# Filters.
r list --stage customer
like "$out" 'Zoë' "--stage keeps customers"
unlike "$out" 'Ann' "and drops the others"
customers=$(sql "$db" "SELECT count(*) FROM contact WHERE stage = 1 AND archived = 0")
all=$(sql "$db" "SELECT count(*) FROM contact WHERE archived = 0")
ok "$([ "$customers" -lt "$all" ]; echo $?)" "some contacts are no customers ($customers of $all)"
is "$(printf '%s\n' "$out" | grep -cE '^ *#[0-9]+ ')" "$customers" "one row per customer, no more"
r list --org "marine research"
like "$out" '李小龙' "--org matches the organisation without case"
is "$(printf '%s\n' "$out" | wc -l)" 1 "and only it"
r list --tag "text mining"
like "$out" 'Zoë' "--tag filters by tag"
r edit zoe --tag "maps;atlases"
is "$status" 1 "a tag holding a list separator is refused"
like "$err" 'tag: "maps;atlases" holds a semicolon' "saying which and why"
is "$(sql "$db" "SELECT count(*) FROM contact_tag WHERE tag LIKE 'maps%'")" 0 "and nothing is stored"

# Sorting.
r follow 李小龙 +2d "Send the plan"
r follow "ann jones" +1d "Call back"
r list --sort next
is "$(printf '%s\n' "$out" | head -2 | sed 's/^ *\(#[0-9]*\).*/\1/' | tr '\n' ' ')" "$jones $xiao " \
   "--sort next puts the soonest follow-up first"
r list --sort stage
like "$(printf '%s\n' "$out" | head -1)" 'Zoë' "--sort stage puts the furthest stage first"
r list --sort age
is "$status" 2 "an unknown sort is a usage error"

# Edit.
r edit zoe --email zoe@uni.example --drop-email zoe@example.org --tag corpora \
    --untag "text mining" --projects "Emigrant letters corpus" --cadence 2w
is "$status" 0 "edit several fields at once"
like "$out" '^Updated '"$zoe"' Zoë Ødegård$' "edit names the contact"
is "$(sql "$db" "SELECT group_concat(email) FROM contact_email WHERE contact_id = ${zoe#\#}")" \
   "zoe@uni.example" "an email was added and one dropped"
is "$(sql "$db" "SELECT group_concat(tag) FROM contact_tag WHERE contact_id = ${zoe#\#}")" \
   "corpora" "a tag was added and one removed"
is "$(sql "$db" "SELECT projects, cadence_days FROM contact WHERE id = ${zoe#\#}")" \
   "Emigrant letters corpus|14" "projects and cadence are stored"
r edit zoe
is "$status" 2 "edit without a change is a usage error"
r edit zoe --email "not an address"
is "$status" 1 "a bad email is a user error"
like "$err" '^rapport: email' "naming the field"

# Removing what is not there, and edits that change nothing.
steps=$(sql "$db" "SELECT count(*) FROM journal")
version=$(sql "$db" "SELECT version FROM contact WHERE id = ${zoe#\#}")
r edit zoe --drop-email nothere@example.org
is "$status" 1 "dropping an email the contact does not have is a user error"
is "$err" 'rapport: '"$zoe"' Zoë Ødegård has no email address "nothere@example.org"' \
   "it names the contact and the address"
is "$out" "" "and claims no update"
r edit zoe --untag nothere --projects "Something else"
is "$status" 1 "removing a tag the contact does not have is a user error"
is "$err" 'rapport: '"$zoe"' Zoë Ødegård has no tag "nothere"' "naming the tag"
is "$(sql "$db" "SELECT projects FROM contact WHERE id = ${zoe#\#}")" \
   "Emigrant letters corpus" "and the rest of that edit is not written either"
r edit zoe --drop-phone "+1 555 0100"
is "$status" 1 "dropping a phone number the contact does not have is a user error"
is "$err" 'rapport: '"$zoe"' Zoë Ødegård has no phone number "+1 555 0100"' "naming the number"
r edit zoe --tag CORPORA --email zoe@uni.example --projects " Emigrant letters corpus "
is "$status" 0 "an edit that changes nothing is no error"
is "$out" "Nothing to change for $zoe Zoë Ødegård" "it says there was nothing to change"
is "$(sql "$db" "SELECT count(*) FROM journal")" "$steps" "it leaves no undo step"
is "$(sql "$db" "SELECT version FROM contact WHERE id = ${zoe#\#}")" "$version" \
   "and writes nothing"
r edit zoe --untag CORPORA --tag corpora
is "$out" "Nothing to change for $zoe Zoë Ødegård" "dropping a tag and adding it back changes nothing"
r edit zoe --untag " Corpora "
is "$status" 0 "a tag is removed whatever its case and blanks"
is "$(sql "$db" "SELECT count(*) FROM contact_tag WHERE contact_id = ${zoe#\#}")" 0 "it is gone"
is "$(sql "$db" "SELECT count(*) FROM journal")" "$((steps + 1))" "that edit is one undo step"
r undo
is "$(sql "$db" "SELECT group_concat(tag) FROM contact_tag WHERE contact_id = ${zoe#\#}")" \
   "corpora" "undo brings the tag back"
r edit zoe --cadence 1d
r show zoe
like "$out" 'Cadence: +every 1 day$' "a cadence of one day is singular"
like "$out" 'Last contact: +[0-9-]+ \(today\)' "no days ago reads today"
r edit zoe --cadence 2w

# Archive, list, undo.
r archive "ann jones"
is "$status" 0 "archive"
like "$out" '^Archived '"$jones"' Ann Jones$' "archive names the contact"
r list
unlike "$out" 'Ann Jones' "an archived contact leaves the list"
r list --archived
like "$out" 'Ann Jones' "--archived shows it"
r undo
is "$status" 0 "undo"
like "$out" '^Undone: ' "undo says what was undone"
is "$(sql "$db" "SELECT archived FROM contact WHERE id = ${jones#\#}")" 0 "undo brought the contact back"
r archive "$jones"
r archive "$jones"
is "$status" 1 "archiving twice is a user error"
is "$err" "rapport: $jones Ann Jones is already archived" "naming the contact with its id"
r unarchive "$jones"
is "$(sql "$db" "SELECT archived FROM contact WHERE id = ${jones#\#}")" 0 "unarchive brings it back too"

# A note written with CR LF (a file from another system) is stored with LF.
r note zoe "$(printf 'First line\r\nsecond line\rthird line\r\n')"
is "$status" 0 "a note with CR LF line breaks"
is "$(sql "$db" "SELECT replace(replace(body, char(13), '<CR>'), char(10), '<LF>') FROM note ORDER BY id DESC LIMIT 1")" \
   "First line<LF>second line<LF>third line" "is stored with LF only"

# A note holds at most 1 MiB. 200 MB on standard input are refused after
# reading one byte past that: dd, ignoring SIGPIPE, says how much it
# could hand over before rapport stopped reading.
notes=$(sql "$db" "SELECT count(*) FROM note")
(trap '' PIPE; head -c 200000000 /dev/zero 2>/dev/null | tr '\0' a 2>/dev/null \
    | dd bs=65536 2>"$TEST_DIR/dd.log" \
    | "$RAPPORT" --db "$db" note zoe >"$TEST_DIR/stdout" 2>"$TEST_DIR/stderr"
 echo $? >"$TEST_DIR/status")
is "$(cat "$TEST_DIR/status")" 1 "a 200 MB note on standard input is refused"
is "$(cat "$TEST_DIR/stderr")" \
   "rapport: the note is longer than 1 MiB; split it into several notes" \
   "saying how long a note may be"
read_bytes=$(sed -n 's/^\([0-9]*\) bytes.*/\1/p' "$TEST_DIR/dd.log")
ok "$([ -n "$read_bytes" ] && [ "$read_bytes" -lt 4194304 ]; echo $?)" \
   "standard input is read no further than the limit (${read_bytes:-?} bytes)"
is "$(sql "$db" "SELECT count(*) FROM note")" "$notes" "nothing was stored"
head -c 1048576 /dev/zero | tr '\0' b >"$TEST_DIR/mib.txt"
run --db "$db" note zoe <"$TEST_DIR/mib.txt"
is "$status" 0 "a note of exactly 1 MiB is stored"
is "$(sql "$db" "SELECT length(body) FROM note ORDER BY id DESC LIMIT 1")" 1048576 "whole"
printf 'b' >>"$TEST_DIR/mib.txt"
run --db "$db" note zoe <"$TEST_DIR/mib.txt"
is "$status" 1 "one byte more is refused"
r undo

# Forget: no trace of the person left anywhere in the file.
r note zoe "Discussed the Quetzalcoatlus manuscripts at length"
r follow zoe +3d "Send the Quetzalcoatlus list"
r score zoe 9 "splendid"
r forget zoe </dev/null
is "$status" 1 "forget without --yes and without a terminal refuses"
like "$err" '--yes' "and says to use --yes"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE id = ${zoe#\#}")" 1 "nothing was erased"
# On a terminal, forget asks for the name (util-linux script gives it one).
if command -v script >/dev/null 2>&1; then
    printf 'Someone Else\n' | script -qec "'$RAPPORT' --db '$db' forget 'ann smith'" \
        /dev/null >"$TEST_DIR/tty.out" 2>&1
    is "$?" 1 "forget refuses when the typed name differs"
    like "$(cat "$TEST_DIR/tty.out")" 'Type the name to confirm' "it asked for the name"
    like "$(cat "$TEST_DIR/tty.out")" 'Earlier backups and exports still hold their data' \
         "saying that earlier backups and exports keep the person"
    is "$(sql "$db" "SELECT count(*) FROM contact WHERE id = ${smith#\#}")" 1 "nothing was erased"
    printf 'ann smith, jr.\n' | script -qec "'$RAPPORT' --db '$db' forget 'ann smith'" \
        /dev/null >"$TEST_DIR/tty.out" 2>&1
    is "$?" 0 "forget erases when the name is typed (case aside)"
    is "$(sql "$db" "SELECT count(*) FROM contact WHERE id = ${smith#\#}")" 0 "the contact is gone"
    is "$(sql "$db" "SELECT count(*) FROM organisation WHERE name LIKE 'Law%'")" 0 \
       "with the organisation made for them"
fi

# Her words as typed and as the search tables fold them (lower case,
# accents off), her email, her organisation's and her note's words.
zoe_words="Ødegård odegard Zoë zoe@example Digital Humanities humanities Quetzalcoatlus quetzalcoatlus manuscripts splendid"
is "$(traces "$db" $zoe_words | tr '\n' ' ')" "$zoe_words " \
   "before forget every one of her words is in the file (the check can fail)"
r forget zoe --yes
is "$status" 0 "forget --yes"
like "$out" ''"$zoe"'' "forget names the id it erased"
like "$out" '^Earlier backups and exports still hold their data' \
     "and says that earlier backups and exports still hold everything"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE id = ${zoe#\#}")" 0 "the contact is gone"
is "$(traces "$db" Ødegård odegard Zoë)" "" "the name, folded or not, is nowhere in the file"
is "$(sql "$db" "SELECT count(*) FROM organisation WHERE name = 'Digital Humanities'")" 0 \
   "the organisation only they belonged to is gone"
is "$(traces "$db" 'Digital Humanities' humanities)" "" \
   "its name, folded or not, is nowhere in the file"
is "$(sql "$db" "SELECT count(*) FROM organisation WHERE name = 'Marine Research'")" 1 \
   "another contact's organisation stays"
is "$(traces "$db" Quetzalcoatlus quetzalcoatlus manuscripts splendid zoe@example)" "" \
   "her note's, follow-up's and score's words and her email are nowhere in the file"
r show zoe
is "$status" 1 "the contact cannot be found"
r undo
is "$status" 1 "undo right after forget refuses"
like "$err" 'erased contact '"$zoe"'.*cannot be undone' "and says the erase cannot be undone"
r list
unlike "$out" 'Ødegård' "nothing of the person came back"

# An organisation that an older change of someone else names stays:
# undoing that change would need it.
r add "Olga Old" --org "Shared Past"
r add "Nils New" --org "Elsewhere"
r edit olga --org "Elsewhere"
r add "Oona Only" --org "Shared Past"
r forget oona --yes
is "$status" 0 "forget the last member of an organisation another change names"
is "$(sql "$db" "SELECT count(*) FROM organisation WHERE name = 'Shared Past'")" 1 \
   "the organisation stays while the undo journal names it"
r undo
r undo
is "$status" 0 "so that undoing the older change still works"
is "$(sql "$db" "SELECT o.name FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name = 'Olga Old'")" \
   "Shared Past" "and brings its contact back to the organisation"

# Another program holding a read open keeps the old copies in the file
# for a while: forget says so instead of promising they are gone.
r add "Rhea Reader" --email rhea.reader@example.org
mkfifo "$TEST_DIR/reader.in"
sqlite3 "$db" <"$TEST_DIR/reader.in" >"$TEST_DIR/reader.out" 2>&1 &
reader=$!
exec 3>"$TEST_DIR/reader.in"
printf 'BEGIN;\nSELECT count(*) FROM contact;\n.print holding\n' >&3
tries=100
until grep -q holding "$TEST_DIR/reader.out" 2>/dev/null || [ "$tries" -eq 0 ]; do
    sleep 0.05; tries=$((tries - 1))
done
r forget rhea --yes
is "$status" 0 "forget with a reader open succeeds"
like "$err" 'another program is reading the database' "and warns that old copies remain"
exec 3>&-
wait "$reader"
r list
is "$(cat "$db" "$db-wal" 2>/dev/null | grep -c 'rhea.reader')" 0 \
    "once the reader is gone, the next run leaves nothing of them"

# A department, and phone numbers with their kinds.
db2="$TEST_DIR/kinds.db"
k() { run --db "$db2" "$@"; }
k add "Kari Nordmann" --org "University of Bergen" --department "Department of History" \
  --phone "cell:+47 912 34 567" --phone "Work: +47 55 58 00 00" --phone "+47 1"
is "$status" 0 "add with a department and phones of several kinds"
kari=$(printed_id)
is "$(sql "$db2" "SELECT department FROM contact")" "Department of History" "the department is stored"
is "$(sql "$db2" "SELECT group_concat(phone || '=' || coalesce(kind, '-'), ' ') FROM (SELECT phone, kind FROM contact_phone ORDER BY position)")" \
   "+47 912 34 567=cell +47 55 58 00 00=work +47 1=-" "each number with its kind, any case, or none"
k show kari
like "$out" 'Department: +Department of History' "show has the department"
like "$out" 'Phones: +\+47 912 34 567 \(cell\), \+47 55 58 00 00 \(work\), \+47 1$' "and the kinds"
k search history
like "$out" 'Kari Nordmann' "the department is searched"
k add "Bad Kind" --phone "car:+47 2"
is "$status" 2 "a kind rapport does not know is a usage error"
like "$err" 'phone: "car:\+47 2" is not valid; expected a number, or KIND:NUMBER with KIND one of cell, work, home, fax' \
     "saying which kinds there are"
is "$(sql "$db2" "SELECT count(*) FROM contact WHERE name = 'Bad Kind'")" 0 "and nothing is stored"
k add "Tel Uri" --phone "tel:+47 3"
is "$(sql "$db2" "SELECT phone || '=' || coalesce(kind, '-') FROM contact_phone JOIN contact c ON c.id = contact_id WHERE c.name = 'Tel Uri'")" \
   "+47 3=-" "a tel: URI is a number, not a kind"
k edit kari --phone "home:+47 1" --phone "fax:+47 4" --drop-phone "cell:+47 912 34 567" --department ""
is "$status" 0 "edit gives a number its kind, adds one, drops one by its kind and number"
is "$(sql "$db2" "SELECT group_concat(phone || '=' || coalesce(kind, '-'), ' ') FROM (SELECT phone, kind FROM contact_phone p JOIN contact c ON c.id = p.contact_id WHERE c.name = 'Kari Nordmann' ORDER BY position)")" \
   "+47 55 58 00 00=work +47 1=home +47 4=fax" "the numbers as asked"
is "$(sql "$db2" "SELECT coalesce(department, 'none') FROM contact WHERE name = 'Kari Nordmann'")" none \
   '--department "" clears it'
k undo
is "$(sql "$db2" "SELECT department || ' ' || (SELECT count(*) FROM contact_phone p WHERE p.contact_id = c.id AND kind IS NULL) FROM contact c WHERE name = 'Kari Nordmann'")" \
   "Department of History 1" "undo brings back the department and the number's lack of a kind"
k edit kari --department "Department of History"
is "$out" "Nothing to change for $kari Kari Nordmann" "the same department again is no change"
k list --format csv
like "$out" ',"?Department of History"?,cell;work;' "list --format csv has the department and the kinds"
k list --format json
like "$out" '"department": "Department of History"' "list --format json has the department"
like "$out" '"phone_kinds": \[' "and the kinds"

# A contact keeps at most 100 emails, phone numbers and tags.
db3="$TEST_DIR/lists.db"
l() { run --db "$db3" "$@"; }
opts() {   # opts OPTION PATTERN N: OPTION followed by PATTERN with 1..N
    awk -v o="$1" -v p="$2" -v n="$3" 'BEGIN { for (i = 1; i <= n; i++) { printf "%s\n", o; printf p "\n", i } }'
}
# One argument per line, so the addresses stay whole.
IFS='
'
l add "Too Many" $(opts --email 'e%d@example.org' 101)
is "$status" 1 "add with 101 emails is refused"
is "$(printf '%s\n' "$err" | tail -1)" \
   "rapport: email: a contact keeps at most 100, not 101; drop some first" \
   "saying how many a contact keeps"
is "$(sql "$db3" "SELECT count(*) FROM contact")" 0 "and nothing is stored"
l add "Too Many" $(opts --tag 't%d' 101)
like "$err" '^rapport: tag: a contact keeps at most 100, not 101' "so are 101 tags"
l add "Too Many" $(opts --phone '+47 %d' 101)
like "$err" '^rapport: phone: a contact keeps at most 100, not 101' "and 101 phone numbers"
l add "Full Person" $(opts --email 'e%d@example.org' 100) $(opts --tag 't%d' 100)
is "$status" 0 "100 of each are stored"
full=$(printed_id)
unset IFS
l edit full --email e101@example.org
is "$status" 1 "edit refuses the 101st email"
like "$err" '^rapport: email: a contact keeps at most 100, not 101' "with the same message"
is "$(sql "$db3" "SELECT count(*) FROM contact_email")" 100 "and stores nothing"
l edit full --drop-email e1@example.org --email e101@example.org
is "$status" 0 "dropping one makes room for another"

# An edit writes the rows of a list from its first change on, so each
# email or tag row (whose triggers index all of the contact's words) is
# written only when it changes.
ids=$(sql "$db3" "SELECT group_concat(id) FROM (SELECT id FROM contact_email ORDER BY position)")
l edit full --title Curator
is "$(sql "$db3" "SELECT group_concat(id) FROM (SELECT id FROM contact_email ORDER BY position)")" \
   "$ids" "an edit of the title writes no email row"
is "$(sql "$db3" "SELECT count(*) FROM journal_row WHERE journal_id = (SELECT max(id) FROM journal) AND tbl IN ('contact_email', 'contact_tag')")" \
   0 "and records none to undo"
head48="SELECT group_concat(id) FROM (SELECT id FROM contact_email ORDER BY position LIMIT 48)"
before=$(sql "$db3" "$head48")
l edit full --drop-email e50@example.org --untag t50
is "$(sql "$db3" "$head48")" "$before" "dropping one in the middle keeps the rows before it"
is "$(sql "$db3" "SELECT group_concat(email, ' ') FROM (SELECT email FROM contact_email ORDER BY position LIMIT 3 OFFSET 47)")" \
   "e49@example.org e51@example.org e52@example.org" "and the order of the rest"
is "$(sql "$db3" "SELECT group_concat(tag, ' ') FROM (SELECT tag FROM contact_tag ORDER BY id LIMIT 3 OFFSET 48)")" \
   "t49 t51 t52" "tags keep their order too"
l search e52
like "$out" "^$full Full Person" "the rewritten emails are searched"
l search e50
is "$out" "No matches." "the dropped one is not"
l check
is "$status" 0 "the search words agree with the contact"
l undo
is "$(sql "$db3" "SELECT count(*) FROM contact_email WHERE email = 'e50@example.org'")" 1 "undo brings the email back"
l check
is "$status" 0 "and the words agree again"
l undo
l undo
l undo
is "$(sql "$db3" "SELECT count(*) FROM contact")" 0 "undo of the add removes the contact and its lists"
is "$(sql "$db3" "SELECT (SELECT count(*) FROM contact_email) + (SELECT count(*) FROM contact_tag) + (SELECT count(*) FROM field_word)")" \
   0 "with every word"
l check
is "$status" 0 "leaving a sound database"

# A dry run on a database that does not exist yet creates nothing.
printf 'BEGIN:VCARD\nVERSION:3.0\nFN:Dry Run\nEMAIL:dry@example.org\nEND:VCARD\n' >"$TEST_DIR/dry.vcf"
run --db "$TEST_DIR/none/dry.db" import "$TEST_DIR/dry.vcf" --dry-run
is "$status" 0 "import --dry-run without a database"
like "$out" 'would add 1' "shows what it would add"
ok "$([ ! -e "$TEST_DIR/none" ]; echo $?)" "and creates neither the database nor its folder"

# search reaches phone numbers (by their digits from any group on) and
# open follow-ups, and says why a contact matched when its name does not.
reach="$TEST_DIR/reach.db"
s() { run --db "$reach" "$@"; }
s add "Ana Novak" --phone "+47 55 01 05 88" --email ana@example.org
s follow "Ana" tomorrow "send the shipping registers"
s note "Ana" "Talked about the manuscripts of the harbour office"
s search 5501
like "$out" '^#1 Ana Novak  \(End user\) — phone: \+47 55 01 05 88$' "a phone's digits find her, and the phone is named"
s search 010588
like "$out" 'phone: \+47 55 01 05 88' "so do the digits from a later group"
s search shipping
like "$out" '— follow-up: …shipping registers$' "an open follow-up's text finds her, from the word that matched"
s search ana@example
like "$out" '— email: ana@example.org$' "an email is named"
s search ana
is "$out" "#1 Ana Novak  (End user)" "a match by name says nothing more"
s search harbour
like "$out" 'note #1: .*harbour' "a note's match shows the note"
s done Ana
s search shipping
is "$status" 1 "a follow-up done no longer finds her"
s check
is "$status" 0 "the search words agree with the phones and follow-ups"

done_testing
