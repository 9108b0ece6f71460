#!/bin/sh
# vCard import of 2.1, 3.0, 4.0 and cards without VERSION; export as 4.0
# and 3.0 (folded, escaped, one UID each, N from "Last, First" names,
# ORG with the department, TEL with the kind as TYPE or plain); a round
# trip that loses nothing and adds nothing, notes with CR LF included.
. "${top_srcdir:-.}/tests/lib/tap.sh"

data="${top_srcdir:-.}/tests/data/io"
db="$TEST_DIR/r.db"
r() { run --db "$db" "$@"; }

r import "$data/phone-2.1.vcf"
is "$status" 0 "a phone's vCard 2.1 file imports"
is "$out" "Added 2, merged 0, unchanged 0, rejected 0." "the summary counts both cards"
is "$(sql "$db" "SELECT name FROM contact ORDER BY name")" \
   "$(printf 'Jürgen Müller\nZoë Ødegård')" \
   "quoted-printable UTF-8 and ISO-8859-1 names are decoded"
is "$(sql "$db" "SELECT phone || ' ' || kind FROM contact_phone p JOIN contact c ON c.id = p.contact_id WHERE c.name = 'Zoë Ødegård' ORDER BY position")" \
   "$(printf '+47 555 23 85 00 cell\n+47 55 58 00 00 work')" "both TEL with bare type parameters are kept, with their kinds"
is "$(sql "$db" "SELECT phone || ' ' || kind FROM contact_phone p JOIN contact c ON c.id = p.contact_id WHERE c.name = 'Jürgen Müller'")" \
   "+49 30 1234 home" "a bare HOME is a home number"
is "$(sql "$db" "SELECT c.title, c.department, o.name FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name = 'Zoë Ødegård'")" \
   "Director|Text Lab|Digital Humanities" "ORG's second part is the department, the title stays the title"
is "$(sql "$db" "SELECT body FROM note")" \
   "$(printf 'Met at the conference in Bergen; wants a demo of the corpus tool\nSecond line')" \
   "a quoted-printable NOTE with a soft line break is one note"

r import "$data/phone-2.1.vcf"
is "$out" "Added 0, merged 0, unchanged 2, rejected 0." "the same file again adds nothing, even a card with only a phone"

r import "$data/vcard-3.0.vcf"
is "$status" 0 "a vCard 3.0 file imports"
is "$(sql "$db" "SELECT name FROM contact WHERE uid = 'urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1'")" \
   "Ann Smith, Jr." "FN with an escaped comma, and the UID, are stored"
is "$(sql "$db" "SELECT email FROM contact_email e JOIN contact c ON c.id = e.contact_id WHERE c.name = 'Ann Smith, Jr.' ORDER BY position")" \
   "$(printf 'ann@example.com\nann.smith@law.example')" "grouped EMAIL properties, TYPE in both forms"
is "$(sql "$db" "SELECT tag FROM contact_tag t JOIN contact c ON c.id = t.contact_id WHERE c.name = 'Ann Smith, Jr.' ORDER BY tag")" \
   "$(printf 'legal\ntext mining\nVIP')" "CATEGORIES become tags"
is "$(sql "$db" "SELECT o.name FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name = 'Ann Smith, Jr.'")" \
   'Law "Knowledge" Team' "ORG with quotes"
is "$(sql "$db" "SELECT title || '|' || department FROM contact WHERE name = 'Ann Smith, Jr.'")" \
   "Head of Research|Research; Legal" "an escaped semicolon in the department"
is "$(sql "$db" "SELECT group_concat(phone || ' ' || kind, ', ') FROM (SELECT phone, kind FROM contact_phone p JOIN contact c ON c.id = p.contact_id WHERE c.name = 'Ann Smith, Jr.' ORDER BY position)")" \
   "+1 555 0100 work, +1 555 0199 cell" "TYPE=work,voice is a work number, TYPE=CELL a mobile"
is "$(sql "$db" "SELECT body FROM note n JOIN contact c ON c.id = n.contact_id WHERE c.name = 'Ann Smith, Jr.'")" \
   "$(printf 'Prefers email, not calls.\nAsked about the API; follow up in spring.Long lines are folded and this continuation must be joined without the leading space.')" \
   "escaped commas, newlines and folded lines in NOTE"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE name = '李小龙'")" 1 "a CJK name"

r import "$data/vcard-4.0.vcf"
is "$status" 0 "a vCard 4.0 file imports"
is "$(sql "$db" "SELECT phone || ' ' || kind FROM contact_phone p JOIN contact c ON c.id = p.contact_id WHERE c.name = 'Bob Lee'")" \
   "+1-555-555-5555 cell" "a tel: URI becomes the number, TYPE=\"voice,cell\" a mobile"
r import "$data/no-version.vcf"
is "$status" 0 "a card without VERSION is accepted"
is "$(sql "$db" "SELECT count(*) FROM contact_email WHERE email = 'nover@example.org'")" 1 \
   "its email is stored"

# Export as 4.0.
r add "Semi; Colon, Person" --email semi@example.org --stage client --role both \
  --tag "a,b" --projects "Line one
line two" --goals "Faster search" --channel phone \
  --org "Semi; Inc" --department "Unit, with; marks" --phone "+47 1" --phone "fax:+47 2"
r note semi "Called about the grant: a long note that must be folded because it is far longer than seventy-five octets, with ü and 李 in it"
r export --format vcard --output "$TEST_DIR/out.vcf"
is "$status" 0 "export as vCard"
like "$err" "^Exported 7 records to " "export says how many it wrote"
is "$(stat -c %a "$TEST_DIR/out.vcf")" 600 "the export is private (0600)"
is "$(grep -c '^VERSION:4.0' "$TEST_DIR/out.vcf")" 7 "every card is vCard 4.0"
is "$(grep -c '^UID:' "$TEST_DIR/out.vcf")" 7 "one UID per contact"
is "$(grep '^UID:' "$TEST_DIR/out.vcf" | sort -u | wc -l)" 7 "UIDs are distinct"
is "$(LC_ALL=C awk '{ if (length($0) > 76) n++ } END { print n + 0 }' "$TEST_DIR/out.vcf")" 0 \
   "no line is longer than 75 octets and CR"
is "$(grep -vc "$(printf '\r')\$" "$TEST_DIR/out.vcf")" 0 "every line ends with CRLF"
like "$(cat "$TEST_DIR/out.vcf")" '^FN:Semi\\; Colon\\, Person' "FN is escaped"
like "$(cat "$TEST_DIR/out.vcf")" '^CATEGORIES:a\\,b' "a comma inside a tag is escaped"
like "$(cat "$TEST_DIR/out.vcf")" '^ORG:Semi\\; Inc;Unit\\, with\\; marks' "ORG:organisation;department, each escaped"
like "$(cat "$TEST_DIR/out.vcf")" '^TEL:\+47 1'"$(printf '\r')"'$' "a number of unknown kind is a plain TEL"
like "$(cat "$TEST_DIR/out.vcf")" '^TEL;TYPE=fax:\+47 2' "a fax TEL;TYPE=fax"
like "$(cat "$TEST_DIR/out.vcf")" '^X-RAPPORT-PROJECTS:Line one\\nline two' "newlines are escaped"
like "$(cat "$TEST_DIR/out.vcf")" '^X-RAPPORT-STAGE:client' "the stage travels in X-RAPPORT-STAGE"
like "$(cat "$TEST_DIR/out.vcf")" '^X-RAPPORT-ROLES:user\\,decision-maker' \
     "the roles travel in X-RAPPORT-ROLES, in the words list and CSV use"
printf 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Old Both\r\nEMAIL:oldboth@example.org\r\nX-RAPPORT-ROLES:both\r\nEND:VCARD\r\n' \
    >"$TEST_DIR/old-both.vcf"
"$RAPPORT" --db "$TEST_DIR/old-both.db" import "$TEST_DIR/old-both.vcf" >/dev/null 2>&1
is "$(sql "$TEST_DIR/old-both.db" "SELECT roles FROM contact WHERE name = 'Old Both'")" 3 \
   "an older export's X-RAPPORT-ROLES:both still reads as both roles"
# Folding at 75 octets never splits a UTF-8 sequence: long values of
# 2-, 3- and 4-octet characters at three offsets put a fold inside a
# character unless the writer steps past it. In a UTF-8 locale grep's
# "." matches no stray byte, so -v -x '.*' lists the lines with a broken
# character (each physical line on its own).
long2=$(printf 'é%.0s' $(seq 60))
long3=$(printf '€%.0s' $(seq 60))
long4=$(printf '𝄞%.0s' $(seq 60))
"$RAPPORT" --db "$TEST_DIR/fold.db" add "x$long3" --title "$long2" --org "xy$long4" \
    >/dev/null 2>&1
"$RAPPORT" --db "$TEST_DIR/fold.db" add "xy$long3" --title "x$long4" --org "$long2" \
    >/dev/null 2>&1
"$RAPPORT" --db "$TEST_DIR/fold.db" export --format vcard --output "$TEST_DIR/fold.vcf" \
    >/dev/null 2>&1
folded=$(grep -c '^ ' "$TEST_DIR/fold.vcf")
ok "$([ "${folded:-0}" -ge 6 ]; echo $?)" "long multi-octet values are folded ($folded lines)"
is "$(LC_ALL=C.UTF-8 grep -caxv '.*' "$TEST_DIR/fold.vcf")" 0 \
   "folding never splits a UTF-8 sequence"
is "$(LC_ALL=C awk '{ if (length($0) > 76) n++ } END { print n + 0 }' "$TEST_DIR/fold.vcf")" 0 \
   "and still no line is longer than 75 octets and CR"
like "$(sed -n 's/\r$//; /^ /{s/^ //; H; d}; x; p; ${x; p}' "$TEST_DIR/fold.vcf" | tr -d '\n')" \
     "FN:xy$long3" "unfolded, the name comes back whole"

r export --format vcard --vcard-version 3
is "$status" 0 "export as vCard 3.0 to standard output"
is "$(printf '%s\n' "$out" | grep -c '^VERSION:3.0')" 7 "every card is 3.0"
is "$(printf '%s\n' "$out" | grep -c '^N:')" 7 "every 3.0 card has N"
like "$out" '^N:Smith;Ann;;;Jr\.' "N puts a suffix after a comma into the suffix"
like "$out" '^TEL;TYPE=CELL:\+1-555-555-5555' "a mobile is TEL;TYPE=CELL in 3.0"
like "$out" '^TEL;TYPE=WORK:\+1 555 0100' "a work number TEL;TYPE=WORK"
unlike "$out" 'VOICE' "with no TYPE=VOICE abook would not read"
like "$out" '^ORG:Digital Humanities;Text Lab' "ORG carries the department"
like "$out" '^ORG:Law "Knowledge" Team;Research\\; Legal' "escaped"
r export --format vcard --vcard-version 5
is "$status" 2 "an unknown vCard version is a usage error"

like "$(cat "$TEST_DIR/out.vcf")" '^TEL;TYPE=cell:\+1-555-555-5555' "a mobile is TEL;TYPE=cell in 4.0"
like "$(cat "$TEST_DIR/out.vcf")" '^TEL;TYPE=home:\+49 30 1234' "a home number TEL;TYPE=home"
unlike "$(cat "$TEST_DIR/out.vcf")" 'VALUE=text' "with no VALUE=text abook would not read"

# Its own export comes back unchanged, contacts without email (matched
# by the UID the export derives) included.
before=$(sql "$db" "SELECT (SELECT count(*) FROM contact) || ' ' || (SELECT count(*) FROM note) || ' ' || (SELECT count(*) FROM journal) || ' ' || (SELECT count(*) FROM contact WHERE uid IS NOT NULL)")
r import "$TEST_DIR/out.vcf"
is "$out" "Added 0, merged 0, unchanged 7, rejected 0." "importing its own export changes nothing"
is "$(sql "$db" "SELECT (SELECT count(*) FROM contact) || ' ' || (SELECT count(*) FROM note) || ' ' || (SELECT count(*) FROM journal) || ' ' || (SELECT count(*) FROM contact WHERE uid IS NOT NULL)")" \
   "$before" "no contact, note, step to undo or UID is added"

# Round trip: file -> new database -> file loses nothing.
db2="$TEST_DIR/r2.db"
run --db "$db2" import "$TEST_DIR/out.vcf"
is "$out" "Added 7, merged 0, unchanged 0, rejected 0." "the export imports into a new database"
run --db "$db2" export --format vcard --output "$TEST_DIR/out2.vcf"
if cmp -s "$TEST_DIR/out.vcf" "$TEST_DIR/out2.vcf"; then ok 0 "the second export is the same file"; else
    ok 1 "the second export is the same file"; diff "$TEST_DIR/out.vcf" "$TEST_DIR/out2.vcf" | head | sed 's/^/# /'; fi
is "$(sql "$db2" "SELECT stage, roles, projects, goals, channel, department FROM contact WHERE name = 'Semi; Colon, Person'")" \
   "$(sql "$db" "SELECT stage, roles, projects, goals, channel, department FROM contact WHERE name = 'Semi; Colon, Person'")" \
   "stage, roles, projects, goals, channel and department survive"
phone_q="SELECT c.name || ': ' || p.phone || ' ' || coalesce(p.kind, '-') FROM contact_phone p JOIN contact c ON c.id = p.contact_id ORDER BY c.name, p.position"
is "$(sql "$db2" "$phone_q")" "$(sql "$db" "$phone_q")" "every phone keeps its kind, or its lack of one"
is "$(sql "$db2" "SELECT kind, at, body FROM note ORDER BY body")" \
   "$(sql "$db" "SELECT kind, at, body FROM note ORDER BY body")" "notes keep kind, time and text"

# Importing the same file again adds nothing.
run --db "$db2" import "$TEST_DIR/out.vcf"
is "$out" "Added 0, merged 0, unchanged 7, rejected 0." "a second import finds every card unchanged"
is "$(sql "$db2" "SELECT (SELECT count(*) FROM contact) || ' ' || (SELECT count(*) FROM contact_email) || ' ' || (SELECT count(*) FROM note) || ' ' || (SELECT count(*) FROM contact_phone)")" \
   "$(sql "$db" "SELECT (SELECT count(*) FROM contact) || ' ' || (SELECT count(*) FROM contact_email) || ' ' || (SELECT count(*) FROM note) || ' ' || (SELECT count(*) FROM contact_phone)")" \
   "and adds no contact, email, note or phone"

# Names written "Last, First", and N beside FN.
db3="$TEST_DIR/names.db"
run --db "$db3" add "Smith, Anna"
run --db "$db3" add "van der Berg, Eva Maria"
run --db "$db3" add "Ann Smith, Ph.D."
run --db "$db3" export --format vcard --vcard-version 3
out=$(printf '%s\n' "$out" | tr -d '\r')
like "$out" '^N:Smith;Anna;;;$' "\"Smith, Anna\" is family name, then given name"
like "$out" '^N:van der Berg;Eva;Maria;;$' "with a middle name"
like "$out" '^N:Smith;Ann;;;Ph\.D\.$' "but a suffix stays a suffix"
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Smith\r\nN:Smith;Anna\r\nEND:VCARD\r\n' > "$TEST_DIR/fn.vcf"
db4="$TEST_DIR/fn.db"
run --db "$db4" import "$TEST_DIR/fn.vcf"
is "$(sql "$db4" "SELECT name FROM contact")" "Anna Smith" "FN is the name, whatever N says"

# Notes with CR LF line breaks are the same notes when they come back.
db5="$TEST_DIR/crlf.db"
run --db "$db5" add "Cr Lf" --email crlf@example.org
run --db "$db5" note "$(printed_id)" "$(printf 'first line\r\nsecond line')"
run --db "$db5" export --format vcard --output "$TEST_DIR/crlf.vcf"
run --db "$db5" import "$TEST_DIR/crlf.vcf"
is "$out" "Added 0, merged 0, unchanged 1, rejected 0." "a note with CR LF is recognised in its own export"
is "$(sql "$db5" "SELECT count(*) FROM note")" 1 "and not added again"
printf 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Cr Lf\r\nEMAIL:crlf@example.org\r\nNOTE;ENCODING=QUOTED-PRINTABLE:first line=0D=0Asecond line\r\nEND:VCARD\r\n' > "$TEST_DIR/crlf-qp.vcf"
run --db "$db5" import "$TEST_DIR/crlf-qp.vcf"
is "$(sql "$db5" "SELECT count(*) FROM note")" 1 "nor when a phone writes it =0D=0A"
db6="$TEST_DIR/crlf2.db"
run --db "$db6" import "$TEST_DIR/crlf-qp.vcf"
is "$(sql "$db6" "SELECT hex(body) FROM note")" "$(printf 'first line\nsecond line' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" \
   "imported notes have LF line breaks"

# A contact keeps at most 100 emails, phone numbers and tags. One card of
# 10,000 emails (once minutes of work: every row re-indexed all of them)
# keeps the first 100, with a warning naming the file, line and property.
db7="$TEST_DIR/many.db"
awk 'BEGIN {
    printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Mails\r\n"
    for (i = 1; i <= 10000; i++) printf "EMAIL:m%d@example.org\r\n", i
    for (i = 1; i <= 150; i++) printf "TEL:+47 %d\r\n", i
    printf "CATEGORIES:"
    for (i = 1; i <= 150; i++) printf "%stag%d", (i > 1 ? "," : ""), i
    printf "\r\nEND:VCARD\r\n"
}' > "$TEST_DIR/many.vcf"
run --db "$db7" import "$TEST_DIR/many.vcf"
is "$status" 0 "a card of 10,000 emails imports"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "as one contact"
like "$err" '^.*many\.vcf:104: warning: EMAIL: a contact keeps at most 100 emails; dropped 9900 more$' \
     "the dropped emails are reported at the first one's line"
like "$err" 'many\.vcf:10104: warning: TEL: a contact keeps at most 100 phone numbers; dropped 50 more' \
     "so are the phone numbers"
like "$err" 'many\.vcf:10154: warning: CATEGORIES: a contact keeps at most 100 tags; dropped 50 more' \
     "and the tags"
is "$(sql "$db7" "SELECT count(*) || ' ' || min(position) || ' ' || max(position) FROM contact_email")" \
   "100 0 99" "exactly 100 emails are stored"
is "$(sql "$db7" "SELECT email FROM contact_email ORDER BY position DESC LIMIT 1")" \
   "m100@example.org" "the first 100 of the file"
is "$(sql "$db7" "SELECT (SELECT count(*) FROM contact_phone) || ' ' || (SELECT count(*) FROM contact_tag)")" \
   "100 100" "and 100 phone numbers and tags"
run --db "$db7" show many
like "$out" 'm100@example\.org' "show lists the stored emails"
unlike "$out" 'm101@example\.org' "and none past the limit"
run --db "$db7" search m100
like "$out" "^#$(sql "$db7" "SELECT id FROM contact WHERE name = 'Many Mails'") Many Mails" \
     "the words of every stored email are searched"
run --db "$db7" check
is "$status" 0 "and the search words agree with the contact"

# A merge adds no more than the contact has room for.
awk 'BEGIN {
    printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Mails\r\nEMAIL:m1@example.org\r\n"
    for (i = 1; i <= 5; i++) printf "EMAIL:more%d@example.org\r\n", i
    printf "END:VCARD\r\n"
}' > "$TEST_DIR/more.vcf"
run --db "$db7" import "$TEST_DIR/more.vcf"
is "$out" "Added 0, merged 0, unchanged 1, rejected 0." "a merge into a full contact adds nothing"
like "$err" 'more\.vcf:1: warning: email: a contact keeps at most 100 emails; dropped 5 more' \
     "and says what it dropped"
run --db "$db7" edit many --drop-email m98@example.org --drop-email m99@example.org \
    --drop-email m100@example.org
run --db "$db7" import "$TEST_DIR/more.vcf"
is "$out" "Added 0, merged 1, unchanged 0, rejected 0." "with room for three, it merges"
like "$err" 'more\.vcf:1: warning: email: a contact keeps at most 100 emails; dropped 2 more' \
     "dropping the other two"
is "$(sql "$db7" "SELECT group_concat(email, ' ') FROM (SELECT email FROM contact_email WHERE position >= 97 ORDER BY position)")" \
   "more1@example.org more2@example.org more3@example.org" "the first new ones are added after the stored ones"
run --db "$db7" check
is "$status" 0 "the words of the merged emails agree"

# Field-level, not record-level (issue 17): an Android export where one
# bad field used to cost the whole person.
dbf="$TEST_DIR/fields.db"
run --db "$dbf" import "$data/android-fields.vcf"
is "$status" 0 "a phone's export with bad fields imports"
is "$out" "$(printf 'Added 5, merged 0, unchanged 0, rejected 1.\n2 had no name and were named after their email, organisation or phone.')" \
   "every person in, the nameless ones named, the one with nothing rejected"
like "$err" 'android-fields\.vcf:7: kept Ana Lima without EMAIL "ÑÑÑ": not an address' \
     "the bad email is dropped with file, line and field"
like "$err" 'android-fields\.vcf:8: repaired: CATEGORIES: tag "Library;Friends" holds a semicolon' \
     "a tag's semicolon is reported"
like "$err" 'android-fields\.vcf:14: repaired: ORG: 1 byte that is not UTF-8 became U\+FFFD' \
     "a cut character is reported with its line and property"
like "$err" 'android-fields\.vcf:27: rejected: nothing identifies a person' \
     "a card with no name, email, phone or organisation is rejected"
fq() { sql "$dbf" "$1"; }
is "$(fq "SELECT group_concat(email, ' ') FROM contact_email e JOIN contact c ON c.id = e.contact_id WHERE c.name = 'Ana Lima'")" \
   "ana.lima@example.com.br" "Ana Lima keeps her good email"
is "$(fq "SELECT group_concat(tag, ',') FROM (SELECT tag FROM contact_tag t JOIN contact c ON c.id = t.contact_id WHERE c.name = 'Ana Lima' ORDER BY tag)")" \
   "Friends,Library" "and the tag split in two"
is "$(fq "SELECT o.name FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name = 'João Souza'")" \
   "Biblioteca S$(printf '\357\277\275')" "the cut byte became U+FFFD, the organisation kept"
is "$(fq "SELECT count(*) FROM contact WHERE name IN ('+55 31 99876 5432', 'Editora Aurora', 'Rita Prado')")" 3 \
   "a nameless card is named after its phone, or its organisation"
run --db "$TEST_DIR/fields-strict.db" import "$data/android-fields.vcf" --strict
is "$status" 1 "--strict turns the repairs into rejections"
like "$err" 'android-fields\.vcf:14: rejected: ORG is not valid UTF-8' "naming the line and property"

# Properties not kept are counted and named once per file, and embedded
# binary data is dropped with one word in the summary (issue 17).
run --db "$TEST_DIR/iphone.db" import "$data/iphone.vcf"
is "$out" "Added 2, merged 0, unchanged 0, rejected 0." "an iPhone's cards with photos import"
unlike "$err" 'not kept' "ADR, URL, BDAY and X-ABLabel are all kept"
is "$(sql "$TEST_DIR/iphone.db" "SELECT coalesce(a.kind, '') || ':' || a.street || '|' || a.locality || '|' || a.code || '|' || a.country FROM contact_address a JOIN contact c ON c.id = a.contact_id ORDER BY c.name")" \
   "$(printf 'work:58 rue de Richelieu|Paris|75002|France\nhome:3 place du Marché|Lyon|69001|France')" \
   "each address with its kind"
is "$(sql "$TEST_DIR/iphone.db" "SELECT group_concat(url, ' ') FROM contact_url")" \
   "https://claire.example.fr https://bnf.example.fr" "the web pages"
is "$(sql "$TEST_DIR/iphone.db" "SELECT group_concat(line, ' | ') FROM contact_extra")" \
   "item1.X-ABLabel:_\$!<Work>!\$_ | BDAY:1979-06-21" "the other properties, as they came"
like "$err" 'iphone\.vcf: embedded binary data \(photos, logos, sounds, keys\) dropped from 2 records' \
     "the photos are dropped, said once"
is "$(printf '%s\n' "$err" | grep -c 'embedded binary')" 1 "once, not once per card"
unlike "$err" 'PRODID|VERSION' "what describes the file is not counted"

# Postal addresses, web pages and every other property come back from
# an export as they came in (issue 17), in 4.0 and in 3.0; the embedded
# photo is dropped.
dbk="$TEST_DIR/kept.db"
run --db "$dbk" import "$data/kept-properties.vcf"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "a card with ADR, URL, BDAY and X- properties imports"
unlike "$err" 'not kept' "nothing of it is left out"
like "$err" 'embedded binary data' "but its photo"
run --db "$dbk" export --format vcard --output "$TEST_DIR/kept.vcf"
tr -d '\r' < "$TEST_DIR/kept.vcf" > "$TEST_DIR/kept.txt"
tr -d '\r' < "$data/kept-properties.vcf" | grep -v -e '^PHOTO' -e '^BEGIN' -e '^END' \
    -e '^VERSION' -e '^N:' -e '^EMAIL' > "$TEST_DIR/kept-want.txt"
missing=$(grep -vxF -f "$TEST_DIR/kept.txt" "$TEST_DIR/kept-want.txt")
is "$missing" "" "every ADR, URL, BDAY, X- and other line comes back exactly"
is "$(grep -c '^PHOTO' "$TEST_DIR/kept.txt")" 0 "and no photo"
run --db "$dbk" export --format vcard --vcard-version 3 --output "$TEST_DIR/kept3.vcf"
like "$(tr -d '\r' < "$TEST_DIR/kept3.vcf")" 'ADR;TYPE=WORK:;Room 214;Kenneth Dike Library;Ibadan;Oyo;200284;Nigeria' \
     "3.0 writes the address with its TYPE"
like "$(tr -d '\r' < "$TEST_DIR/kept3.vcf")" 'URL;TYPE=WORK:https://library\.example\.edu\.ng/staff/okafor' \
     "and the web page"
run --db "$dbk" import "$TEST_DIR/kept.vcf"
is "$out" "Added 0, merged 0, unchanged 1, rejected 0." "its own export adds nothing"
run --db "$TEST_DIR/kept2.db" import "$TEST_DIR/kept.vcf"
run --db "$TEST_DIR/kept2.db" export --format vcard --output "$TEST_DIR/kept-again.vcf"
is "$(grep -v '^UID' "$TEST_DIR/kept-again.vcf")" "$(grep -v '^UID' "$TEST_DIR/kept.vcf")" \
   "and in a new database its export is the same file"
run --db "$dbk" show amara
like "$out" 'Addresses: +Room 214, Kenneth Dike Library, 200284 Ibadan, Oyo, Nigeria \(work\)' \
     "show lists the addresses"
like "$out" 'Web pages: +https://library\.example\.edu\.ng/staff/okafor \(work\)' "the web pages"
like "$out" 'BDAY:19820317' "and the other properties"
# The same card again from its program, with the birthday put right and
# a new nickname: the one birthday is replaced, the nicknames both kept.
sed -e 's/^BDAY:19820317/BDAY:19820318/' -e 's/^NICKNAME:Ama,Ammy/NICKNAME:Mara/' \
    "$data/kept-properties.vcf" > "$TEST_DIR/kept-later.vcf"
run --db "$dbk" import "$TEST_DIR/kept-later.vcf"
is "$out" "Added 0, merged 1, unchanged 0, rejected 0." "a card whose birthday changed merges"
xq="SELECT group_concat(line, ' ') FROM (SELECT line FROM contact_extra WHERE line LIKE 'BDAY%' OR line LIKE 'NICKNAME%' ORDER BY position)"
is "$(sql "$dbk" "$xq")" "BDAY:19820318 NICKNAME:Ama,Ammy NICKNAME:Mara" \
   "the birthday is replaced where it was, not doubled; another nickname is added"
run --db "$dbk" import "$TEST_DIR/kept-later.vcf"
is "$out" "Added 0, merged 0, unchanged 1, rejected 0." "importing it again changes nothing"
run --db "$dbk" undo
like "$out" 'Undone: import' "undo undoes the import that changed it"
is "$(sql "$dbk" "$xq")" "BDAY:19820317 NICKNAME:Ama,Ammy" "undo brings the old birthday back"

# Encodings (issue 17): UTF-16 without a byte order mark, either order;
# vCard 2.1's CHARSET= for any encoding; quoted-printable soft breaks
# inside a character, CR CR LF, tab folding, blank lines in a card.
dbe="$TEST_DIR/enc.db"
run --db "$dbe" import "$data/utf16le-nobom.vcf"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "a UTF-16LE vCard without BOM imports"
like "$err" 'utf16le-nobom\.vcf: read as UTF-16LE' "saying how it was read"
run --db "$dbe" import "$data/utf16be-nobom.vcf"
like "$err" 'utf16be-nobom\.vcf: read as UTF-16BE' "big-endian too"
is "$(sql "$dbe" "SELECT count(*) FROM contact WHERE name IN ('Ingrid Bäckström', 'Ōta Hiroshi')")" 2 "both names come in right"
run --db "$dbe" import "$data/sjis-part.vcf"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "a 2.1 card with CHARSET=SHIFT_JIS and WINDOWS-1252 imports"
is "$(sql "$dbe" "SELECT c.name || ' / ' || o.name FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name LIKE '山田%'")" \
   "山田 花子 / Café Lumière" "each property read in its own CHARSET"
printf 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ren=C3=\r\n=A9 Lef=C3=A8vre\r\r\n\r\nEMAIL:rene@example.fr\r\r\nNOTE:a long\r\n\tfolded note\r\nEND:VCARD\r\n' > "$TEST_DIR/odd.vcf"
run --db "$dbe" import "$TEST_DIR/odd.vcf"
is "$(sql "$dbe" "SELECT c.name || ' ' || e.email || ' ' || n.body FROM contact c JOIN contact_email e ON e.contact_id = c.id JOIN note n ON n.contact_id = c.id WHERE c.name LIKE 'Ren%'")" \
   "René Lefèvre rene@example.fr a longfolded note" \
   "a soft break inside a character, CR CR LF, a blank line and tab folding come in right"

# A large file is applied a batch at a time; on a terminal a progress
# line says how far, and nothing is said when standard error is not one.
batches="$TEST_DIR/batches.db"
sh "$top_srcdir/bench/make-vcards.sh" 1500 >"$TEST_DIR/batches.vcf"
run --db "$batches" import "$TEST_DIR/batches.vcf"
is "$status" 0 "1500 generated cards import"
like "$out" '^Added 1500, merged 0, unchanged 0, rejected 0\.$' "every one of them is added"
unlike "$err" 'Importing' "no progress line when standard error is no terminal"
is "$(sql "$batches" "SELECT count(*) FROM contact; SELECT count(*) FROM note; SELECT count(*) FROM journal")" \
   "$(printf '1500\n1500\n1')" "in one transaction, undone as one step"
run --db "$batches" search person1499
like "$out" '^#1500 Tomás Mensah 1499 ' "the last batch's words are indexed"
run --db "$batches" check
is "$status" 0 "and the check agrees with every batch"
# --strict: a card rejected after several batches went in leaves nothing.
strict="$TEST_DIR/strict.db"
{ cat "$TEST_DIR/batches.vcf"; printf 'BEGIN:VCARD\r\nFN:Left Open\r\n'
  printf 'BEGIN:VCARD\r\nFN:Last One\r\nEND:VCARD\r\n'; } >"$TEST_DIR/strict.vcf"
run --db "$strict" add "Already Here"
run --db "$strict" import --strict "$TEST_DIR/strict.vcf"
is "$status" 1 "--strict refuses the file for its one open card"
is "$(sql "$strict" "SELECT count(*) FROM contact; SELECT count(*) FROM field_word WHERE term = 'mensah'")" \
   "$(printf '1\n0')" "and nothing of the batches before it stays, not even their words"
if command -v script >/dev/null 2>&1; then
    rm -f "$batches" "$batches-wal" "$batches-shm"
    script -qec "'$RAPPORT' --db '$batches' import '$TEST_DIR/batches.vcf'" /dev/null \
        >"$TEST_DIR/tty.out" 2>&1
    is "$?" 0 "imported on a terminal"
    like "$(cat "$TEST_DIR/tty.out")" 'Importing: 1500 of about 1500 records \([0-9]+ a second\)' \
         "a progress line says how many of how many, and how fast"
else
    ok 1 "# SKIP no script(1) to give the import a terminal"
fi

done_testing
