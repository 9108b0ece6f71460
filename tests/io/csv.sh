#!/bin/sh
# CSV import of rapport's own layout, Google Contacts (both layouts),
# Outlook, abook and any header mapped with --map, with departments and
# the kinds of phone numbers; RFC 4180 quoting; rows
# of the wrong length refused; export with every field and a round trip
# that loses nothing and, back where it came from, adds nothing.
. "${top_srcdir:-.}/tests/lib/tap.sh"

data="${top_srcdir:-.}/tests/data/io"
db="$TEST_DIR/r.db"
r() { run --db "$db" "$@"; }
emails() { sql "$db" "SELECT group_concat(email, ' ') FROM (SELECT email FROM contact_email e JOIN contact c ON c.id = e.contact_id WHERE c.name = '$1' ORDER BY position)"; }
phones() { sql "$db" "SELECT group_concat(phone || coalesce(' ' || kind, ''), ' | ') FROM (SELECT phone, kind FROM contact_phone p JOIN contact c ON c.id = p.contact_id WHERE c.name = '$1' ORDER BY position)"; }
org_title() { sql "$db" "SELECT coalesce(o.name, '') || ' / ' || coalesce(c.title, '') || ' / ' || coalesce(c.department, '') FROM contact c LEFT JOIN organisation o ON o.id = c.org_id WHERE c.name = '$1'"; }
notes() { sql "$db" "SELECT body FROM note n JOIN contact c ON c.id = n.contact_id WHERE c.name = '$1'"; }
tags() { sql "$db" "SELECT group_concat(tag, ',') FROM (SELECT tag FROM contact_tag t JOIN contact c ON c.id = t.contact_id WHERE c.name = '$1' ORDER BY tag)"; }
# "kind:pobox|extended|street|locality|region|code|country", one per
# address, in order; web pages "kind:url".
ADDR_SQL="SELECT group_concat(a, ' / ') FROM (SELECT coalesce(kind, '') || ':' || coalesce(pobox, '') || '|' || coalesce(extended, '') || '|' || coalesce(street, '') || '|' || coalesce(locality, '') || '|' || coalesce(region, '') || '|' || coalesce(code, '') || '|' || coalesce(country, '') AS a FROM contact_address x JOIN contact c ON c.id = x.contact_id WHERE c.name = '%s' ORDER BY position)"
URL_SQL="SELECT group_concat(u, ' / ') FROM (SELECT coalesce(kind, '') || ':' || url AS u FROM contact_url x JOIN contact c ON c.id = x.contact_id WHERE c.name = '%s' ORDER BY position)"
addresses() { sql "$db" "$(printf "$ADDR_SQL" "$1")"; }
urls() { sql "$db" "$(printf "$URL_SQL" "$1")"; }

# Google Contacts, today's layout.
r import "$data/google.csv"
is "$status" 0 "Google Contacts' CSV imports"
is "$out" "$(printf 'Added 3, merged 0, unchanged 0, rejected 0.\n1 had no name and was named after its email, organisation or phone.')" \
   "three contacts in, the nameless row named, and the summary says so"
is "$(org_title 'Orphan Org')" "Orphan Org /  / " "the nameless row is named after its organisation"
is "$(emails 'Zoë Ødegård')" "zoe@example.org zoe@uib.example" "values joined by ' ::: ' are split"
is "$(phones 'Zoë Ødegård')" "+47 555 23 85 00 cell | +47 555 00 00 01 cell | +47 55 58 00 00 work" \
   "every phone column, each number with the kind of its label"
is "$(org_title 'Zoë Ødegård')" "Digital Humanities / Director / Text Lab" "organisation, title and department"
is "$(notes 'Zoë Ødegård')" "$(printf 'Met in Bergen, Norway.\nWants the "corpus" demo.')" \
   "a quoted note with a comma, quotes and a line break"
is "$(tags 'Zoë Ødegård')" "Research" "labels become tags, Google's own groups do not"
is "$(addresses 'Zoë Ødegård')" "work:||Allégaten 27, 5007 Bergen||||" \
   "Google's formatted address is kept, its kind from its label"
is "$(emails 'Dr. Carlos García')" "carlos@example.cl cgarcia@uchile.example" "prefix, first and last name make the name"

# Google Contacts, the older layout.
r import "$data/google-old.csv"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "the older Google layout imports"
is "$(emails 'Hana Sato')" "hana@example.jp hana.sato@home.example" "its emails"
is "$(org_title 'Hana Sato')" "Kyoto Lab / Researcher / NLP" "its organisation, title and department"
is "$(phones 'Hana Sato')" "+81 90 1234 5678 cell" "its phone, with the kind from Phone 1 - Type"
is "$(notes 'Hana Sato')" "Old Google note" "its notes"
is "$(tags 'Hana Sato')" "Partners" "its groups"

r import "$data/google-old-utf16.csv"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "a UTF-16 export (Google's older one) imports"
is "$(emails 'Hanaé Satō')" "hana16@example.jp hana.sato16@home.example" "its text decoded from UTF-16"

# Outlook, with a byte order mark and CRLF.
r import "$data/outlook.csv"
is "$out" "Added 2, merged 0, unchanged 0, rejected 0." "Outlook's CSV (BOM, CRLF) imports"
is "$(emails 'Ms. Priya Patel')" "priya@example.in" "its email"
is "$(phones 'Ms. Priya Patel')" "+91 98 7654 3210 cell | +91 11 0000 fax | +91 80 1111 work" \
   "its phones and fax, each with the kind its column names"
is "$(phones "Tom O''Brien")" "+353 1 222 home" "Home Phone is a home number"
is "$(org_title 'Ms. Priya Patel')" "Infosys Research / Lead Engineer / Labs" "Company, Job Title and Department"
is "$(tags 'Ms. Priya Patel')" "Partners,VIP" "categories separated by ';'"
is "$(emails "Tom O''Brien")" "tom@example.ie tob@work.example" "E-mail 2 Address"

# Any CSV with --map.
printf 'Colour,Size\nred,12\n' > "$TEST_DIR/nothing.csv"
r import "$TEST_DIR/nothing.csv"
is "$status" 1 "a header whose columns identify nobody is refused"
like "$err" 'nothing\.csv:1: unknown CSV layout.*--map' "and the message suggests --map"
r import "$data/mapped.csv" --dry-run
is "$status" 0 "any other header is read by what its columns hold"
like "$out" 'mapped\.csv:2: would add: Mapped Person' "its row would come in"
like "$err" 'mapped\.csv:1: unknown CSV layout; columns read by what they hold: "Full Name" → name, "Mail" → email, "Company" → org, "Remarks" → notes' \
     "and the dry run shows the mapping used"
r import "$data/mapped.csv" --map "name=Nope"
is "$status" 1 "--map naming a missing column is refused"
like "$err" 'no column "Nope"' "and says which"
r import "$data/mapped.csv" --map "name=Full Name,email=Mail,org=Company,notes=Remarks"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "--map imports any layout"
is "$(emails 'Mapped Person') $(org_title 'Mapped Person') $(notes 'Mapped Person')" \
   "mapped@example.org Mapco /  /  Imported with a map" "mapped fields land where asked"

# abook's CSV has no header.
r import "$data/abook.csv"
is "$out" "Added 1, merged 1, unchanged 0, rejected 0." "abook's headerless CSV: one new, one merged by email"
is "$(emails 'Ann Smith')" "ann@example.com" "its email"

# rapport's own layout: quoted commas, CRLF, a line break in a name is refused.
r import "$data/crlf-quoted.csv"
is "$out" "Added 1, merged 0, unchanged 0, rejected 1." "rapport's own layout with CRLF"
like "$err" 'crlf-quoted\.csv:3: rejected: ' "a name with a line break is rejected at its line"
is "$(sql "$db" "SELECT stage FROM contact WHERE name = 'Quoted, Comma'")" 2 "the stage column"
is "$(tags 'Quoted, Comma')" "x,y" "the tags column"

# Standard input, with the format from the content.
input=$(printf 'BEGIN:VCARD\nFN:From Stdin\nEMAIL:stdin@example.org\nEND:VCARD\n')
run_in --db "$TEST_DIR/stdin.db" import -
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "import - reads standard input"
run --db "$TEST_DIR/stdin.db" export --output - --format csv
like "$out" '^"From Stdin","","","","end-user"' "export --output - writes to standard output"

# Export with every field, and a round trip.
r add "Every Field" --email every@example.org --email second@example.org --phone "+1 2" \
  --phone "cell:+1 3" --org 'Org, "Quoted"' --department "Unit ::: B" --title Boss \
  --stage customer --role decision-maker \
  --tag one --tag two --channel email --projects "P1
P2" --goals G --cadence 2w
r note every 'A note, with "quotes"'
r note every "$(printf 'A second note\n\nwith a blank line')"
r export --output "$TEST_DIR/out.csv"
is "$status" 0 "export as CSV (from the file name)"
is "$(head -1 "$TEST_DIR/out.csv")" \
   "$(printf '"Name","Organisation","Department","Title","Stage","Roles","Emails","Phones","Tags","Projects","Goals","Channel","Cadence","Archived","UID","Addresses","Web pages","Properties","Notes","Owner"\r')" \
   "rapport's own header"
like "$(cat "$TEST_DIR/out.csv")" '^"Every Field","Org, ""Quoted""","Unit ::: B","Boss","customer","decision-maker","every@example.org ::: second@example.org","\+1 2 ::: cell:\+1 3","one ::: two","P1' \
     "every field, quoted; a phone's kind before its number"
db2="$TEST_DIR/r2.db"
run --db "$db2" import "$TEST_DIR/out.csv"
is "$status" 0 "the export imports into a new database"
like "$out" "^Added 11, merged 0, unchanged 0, rejected 0\.$" "every contact comes back"
run --db "$db2" export --format csv --output "$TEST_DIR/out2.csv"
if cmp -s "$TEST_DIR/out.csv" "$TEST_DIR/out2.csv"; then ok 0 "the second export is the same file"; else
    ok 1 "the second export is the same file"; diff "$TEST_DIR/out.csv" "$TEST_DIR/out2.csv" | head | sed 's/^/# /'; fi
every_q="SELECT c.department || ' / ' || (SELECT group_concat(phone || '=' || coalesce(kind, '-'), ' ') FROM (SELECT phone, kind FROM contact_phone WHERE contact_id = c.id ORDER BY position)) FROM contact c WHERE c.name = 'Every Field'"
is "$(sql "$db2" "$every_q")" "Unit ::: B / +1 2=- +1 3=cell" "the department and the phones' kinds come back"
counts() { sql "$db2" "SELECT (SELECT count(*) FROM contact) || ' ' || (SELECT count(*) FROM note) || ' ' || (SELECT count(*) FROM contact_email) || ' ' || (SELECT count(*) FROM contact_phone) || ' ' || (SELECT count(*) FROM contact_tag)"; }
before=$(counts)
steps=$(sql "$db2" "SELECT count(*) FROM journal")
run --db "$db2" import "$TEST_DIR/out.csv"
is "$out" "Added 0, merged 0, unchanged 11, rejected 0." "importing it again finds everything unchanged"
is "$(counts)" "$before" "and adds no contact, note, email, phone or tag"
is "$(sql "$db2" "SELECT count(*) FROM journal")" "$steps" "nor a step to undo"

# Back into the database it came from, where the notes it joined into
# one cell are separate notes: they are recognised, not added again.
notes_of() { sql "$db" "SELECT group_concat(replace(body, char(10), '|'), ' / ') FROM (SELECT body FROM note n JOIN contact c ON c.id = n.contact_id WHERE c.name = '$1' ORDER BY n.id)"; }
like "$(cat "$TEST_DIR/out.csv")" '"A second note' "the export joins a contact's notes into one cell"
before=$(sql "$db" "SELECT (SELECT count(*) FROM contact) || ' ' || (SELECT count(*) FROM note) || ' ' || (SELECT count(*) FROM journal)")
r import "$TEST_DIR/out.csv"
is "$out" "Added 0, merged 0, unchanged 11, rejected 0." "its own export changes nothing where it came from"
is "$(sql "$db" "SELECT (SELECT count(*) FROM contact) || ' ' || (SELECT count(*) FROM note) || ' ' || (SELECT count(*) FROM journal)")" \
   "$before" "no note is added, no step to undo"
printf '%s\r\n' 'Name,Stage,Emails,Notes' '"Every Field",customer,every@example.org,"Written in the sheet' '' 'A second note' '' 'with a blank line' '' 'A note, with ""quotes""' '' 'and at the end"' \
    > "$TEST_DIR/edited.csv"
r import "$TEST_DIR/edited.csv"
is "$out" "Added 0, merged 1, unchanged 0, rejected 0." "a notes cell edited in a spreadsheet merges"
is "$(notes_of 'Every Field')" \
   'A note, with "quotes" / A second note||with a blank line / Written in the sheet / and at the end' \
   "adding only what was written into it"

# A file from an older rapport, without the Department column, still
# imports, every value under its own header.
printf '%s\r\n' '"Name","Organization","Title","Stage","Roles","Emails","Phones","Tags","Projects","Goals","Channel","Cadence","Archived","UID","Notes"' \
    '"Old Layout","Old Org","Keeper","client","user","old@example.org","+47 3 ::: +47 4","t","","","","","","","A note"' \
    > "$TEST_DIR/old-layout.csv"
r import "$TEST_DIR/old-layout.csv"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "rapport's CSV from before the Department column imports"
is "$(org_title 'Old Layout') $(sql "$db" "SELECT stage FROM contact WHERE name = 'Old Layout'")" \
   "Old Org / Keeper /  2" "its fields land where they belong"
is "$(phones 'Old Layout')" "+47 3 | +47 4" "its phones, of no kind"

# Roles are written in the spec's words, as list --format csv writes
# them; an older export's "both" and "Organization" still read.
r add "Two Roles" --email tworoles@example.org --role user --role decision-maker --org "Both Org"
r export --format csv
like "$out" '"Two Roles","Both Org","","","end-user","user;decision-maker"' \
     "both roles are user;decision-maker in the export"
r list --format csv --org "Both Org"
like "$out" ',Two Roles,Both Org,,end-user,user;decision-maker,' "and in the listing"
printf '%s\r\n' '"Name","Organization","Stage","Roles","Emails"' \
    '"Old Both","Old Both Org","customer","both","oldboth@example.org"' \
    '"New Both","New Both Org","customer","user;decision-maker","newboth@example.org"' \
    > "$TEST_DIR/roles.csv"
r import "$TEST_DIR/roles.csv"
is "$out" "Added 2, merged 0, unchanged 0, rejected 0." "roles and organisations in either spelling import"
is "$(sql "$db" "SELECT group_concat(c.roles || ' ' || o.name, ', ') FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name IN ('Old Both', 'New Both') ORDER BY c.name")" \
   "3 Old Both Org, 3 New Both Org" "both read as user and decision-maker, under their organisation"

# A number already stored without a kind is not added again when a file
# names its kind: the kind is filled in, once.
r add "Kind Less" --email kindless@example.org --phone "+47 5" --phone "work:+47 6"
printf '%s\r\n' 'First Name,Last Name,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value' \
    'Kind,Less,kindless@example.org,Mobile,+47 5,Home,+47 6' > "$TEST_DIR/kinds.csv"
r import "$TEST_DIR/kinds.csv"
is "$out" "Added 0, merged 1, unchanged 0, rejected 0." "a file with the same numbers and their kinds merges"
is "$(phones 'Kind Less')" "+47 5 cell | +47 6 work" \
   "no number is doubled; the missing kind is filled in, a stored one kept"
r import "$TEST_DIR/kinds.csv"
is "$out" "Added 0, merged 0, unchanged 1, rejected 0." "the same file again changes nothing"

# A row shorter than the header is refused with its line, as a longer one is.
printf '%s\r\n' 'Name,Stage,Emails,Phones' 'Short Row,client' 'Long,client,l@example.org,1,2' 'Right Row,client,r@example.org,' \
    > "$TEST_DIR/short.csv"
r import "$TEST_DIR/short.csv"
is "$out" "Added 1, merged 0, unchanged 0, rejected 2." "rows of the wrong length are rejected"
like "$err" 'short\.csv:2: rejected: 2 fields where the header has 4' "a short row, with its line"
like "$err" 'short\.csv:3: rejected: 5 fields where the header has 4' "a long row, with its line"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE name IN ('Short Row', 'Long')")" 0 "neither is stored"

# A contact keeps at most 100 emails and tags: the rest of a cell is
# dropped, with a warning naming the row and the column.
awk 'BEGIN {
    printf "Name,Stage,Emails,Tags\r\n\"Cell Person\",client,\""
    for (i = 1; i <= 120; i++) printf "%scell%d@example.org", (i > 1 ? " ::: " : ""), i
    printf "\",\""
    for (i = 1; i <= 105; i++) printf "%st%d", (i > 1 ? " ::: " : ""), i
    printf "\"\r\n"
}' > "$TEST_DIR/cells.csv"
r import "$TEST_DIR/cells.csv"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "a row of 120 emails imports"
like "$err" 'cells\.csv:2: warning: Emails: a contact keeps at most 100 emails; dropped 20 more' \
     "the dropped emails are named by row and column"
like "$err" 'cells\.csv:2: warning: Tags: a contact keeps at most 100 tags; dropped 5 more' \
     "and the dropped tags"
is "$(sql "$db" "SELECT count(*) FROM contact_email e JOIN contact c ON c.id = e.contact_id WHERE c.name = 'Cell Person'")" \
   100 "100 emails are stored"
is "$(sql "$db" "SELECT count(*) FROM contact_tag t JOIN contact c ON c.id = t.contact_id WHERE c.name = 'Cell Person'")" \
   100 "and 100 tags"

# The layouts of other programs' exports (issue 17), and any other
# header read by what its columns hold; every column that holds values
# and feeds nothing is named before anything is imported.
dbl="$TEST_DIR/layouts.db"
l() { run --db "$dbl" "$@"; }
lq() { sql "$dbl" "$1"; }
l_emails() { lq "SELECT group_concat(email, ' ') FROM (SELECT email FROM contact_email e JOIN contact c ON c.id = e.contact_id WHERE c.name = '$1' ORDER BY position)"; }
l_phones() { lq "SELECT group_concat(phone || coalesce(' ' || kind, ''), ' | ') FROM (SELECT phone, kind FROM contact_phone p JOIN contact c ON c.id = p.contact_id WHERE c.name = '$1' ORDER BY position)"; }
l_org() { lq "SELECT coalesce(o.name, '') || ' / ' || coalesce(c.title, '') || ' / ' || coalesce(c.department, '') FROM contact c LEFT JOIN organisation o ON o.id = c.org_id WHERE c.name = '$1'"; }
l_notes() { lq "SELECT group_concat(body, ' | ') FROM note n JOIN contact c ON c.id = n.contact_id WHERE c.name = '$1'"; }

l import "$data/thunderbird.csv"
is "$out" "Added 2, merged 0, unchanged 0, rejected 0." "Thunderbird's CSV export imports"
is "$(l_emails 'Marta Kowalska')" "marta.kowalska@example.pl m.kowalska@uw.example" "with its Primary and Secondary Email"
is "$(l_phones 'Marta Kowalska')" "+48 22 552 10 00 work | +48 601 234 567 cell" "its phones, with their kinds"
is "$(l_org 'Marta Kowalska')" "University of Warsaw Library / Librarian / Special Collections" "organisation, title, department"
is "$(l_notes 'Tom Berg')" "Prefers email" "and its notes"
unlike "$err" 'not kept' "every column with something in it is kept"
XTRA_SQL="SELECT group_concat(line, ' ') FROM (SELECT line FROM contact_extra x JOIN contact c ON c.id = x.contact_id WHERE c.name = '%s' ORDER BY position)"
is "$(sql "$dbl" "$(printf "$XTRA_SQL" 'Marta Kowalska')")" "NICKNAME:Mania BDAY:1980-04-12" \
   "its nickname, and its birthday from three columns, kept as a card's properties"
is "$(sql "$dbl" "$(printf "$ADDR_SQL" 'Marta Kowalska')")" \
   "work:||ul. Krakowskie Przedmiescie 26|Warszawa||00-927|Poland" "its work address, from five columns"
is "$(sql "$dbl" "$(printf "$URL_SQL" 'Marta Kowalska')")" ":https://buw.example.pl" "and its web page"

l import "$data/yahoo.csv"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "Yahoo's CSV imports"
is "$(l_emails 'Priya Raman')" "priya.raman@example.in praman@example.org" "its Email and Alternate Email"
is "$(l_phones 'Priya Raman')" "+91 80 4123 4567 work | +91 98450 12345 cell" "its phones"
is "$(l_org 'Priya Raman') $(l_notes 'Priya Raman')" "ReadWell Books / Account Manager /  Annual renewal in March" "company, title, comments"
unlike "$err" 'yahoo\.csv:1: .*not kept' "it leaves no column with a value"
is "$(sql "$dbl" "$(printf "$ADDR_SQL" 'Priya Raman')")" "work:|||Bengaluru|||India" "its work address"
is "$(sql "$dbl" "$(printf "$URL_SQL" 'Priya Raman')")" "work:http://priya.example.in" "and its business web page"

l import "$data/gmail-oldest.csv"
is "$out" "$(printf 'Added 2, merged 0, unchanged 0, rejected 0.\n1 had no name and was named after its email, organisation or phone.')" \
   "Gmail's first layout (Name, E-mail, Notes) imports"
is "$(l_emails 'Leila Haddad') $(l_notes 'Leila Haddad')" "leila.haddad@example.org Reading group" "with emails and notes"
is "$(l_emails 'hamid@example.net')" "hamid@example.net" "a row without a name is named after its email"

l import "$data/apple.csv"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "an Apple Contacts CSV imports"
is "$(l_emails 'Sofia Rossi')" "sofia@example.it s.rossi@bc.example.it" "with its Home and Work Email"
is "$(l_phones 'Sofia Rossi')" "+39 333 123 4567 cell | +39 02 1234 567 work" "and phones"
unlike "$err" 'not kept' "it leaves nothing out"
is "$(sql "$dbl" "$(printf "$XTRA_SQL" 'Sofia Rossi')")" "BDAY:1985-02-03" "its birthday is kept"
is "$(sql "$dbl" "$(printf "$URL_SQL" 'Sofia Rossi')")" "home:https://sofia.example.it" "its home page"

l import "$data/guessed.csv" --dry-run
like "$err" 'guessed\.csv:1: unknown CSV layout; columns read by what they hold: "Contact" → name, "E-Mail" → email, "Telephone" → phone, "Website" → url' \
     "a dry run of an unknown layout shows the mapping"
like "$err" 'guessed\.csv:1: 1 column not kept: "Member since"' "and the columns ignored"
l import "$data/guessed.csv"
is "$(l_emails 'Nils Olsen') $(l_phones 'Nils Olsen')" "nils.olsen@example.no +47 22 33 44 55" "an unknown layout imports by what its columns hold"

# Outlook's address columns: Business, Home and Other, each in its own
# street (in up to three columns), city, state, code and country; its
# web page.
printf '%s\r\n' 'First Name,Last Name,E-mail Address,Business Street,Business Street 2,Business City,Business State,Business Postal Code,Business Country/Region,Home Street,Home City,Home Postal Code,Home Country/Region,Other PO Box,Web Page' \
    'Ines,Duarte,ines@example.pt,Rua do Ouro 12,3.º andar,Lisboa,,1100-060,Portugal,Av. da Boavista 5,Porto,4100-130,Portugal,,https://ines.example.pt' \
    > "$TEST_DIR/outlook-addr.csv"
l import "$TEST_DIR/outlook-addr.csv"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "Outlook's CSV with addresses imports"
unlike "$err" 'not kept' "every address column is kept"
is "$(sql "$dbl" "$(printf "$ADDR_SQL" 'Ines Duarte')")" \
   "work:||Rua do Ouro 12, 3.º andar|Lisboa||1100-060|Portugal / home:||Av. da Boavista 5|Porto||4100-130|Portugal" \
   "its business and home addresses, each with its kind, the streets joined"
is "$(sql "$dbl" "$(printf "$URL_SQL" 'Ines Duarte')")" ":https://ines.example.pt" "and its web page"
# Round trip through rapport's own CSV: the addresses, web pages and a
# card's other properties come back.
l export --format csv --output "$TEST_DIR/addr.csv"
run --db "$TEST_DIR/addr2.db" import "$TEST_DIR/addr.csv"
is "$(sql "$TEST_DIR/addr2.db" "$(printf "$ADDR_SQL" 'Ines Duarte')")" \
   "work:||Rua do Ouro 12, 3.º andar|Lisboa||1100-060|Portugal / home:||Av. da Boavista 5|Porto||4100-130|Portugal" \
   "the addresses come back from rapport's CSV"
is "$(sql "$TEST_DIR/addr2.db" "$(printf "$URL_SQL" 'Ines Duarte')")" ":https://ines.example.pt" "so do the web pages"
run --db "$TEST_DIR/addr2.db" import "$TEST_DIR/addr.csv"
is "$out" "$(printf 'Added 0, merged 0, unchanged %s, rejected 0.' "$(sql "$TEST_DIR/addr2.db" 'SELECT count(*) FROM contact')")" \
   "and the same file again changes nothing"

# Encodings (issue 17): a CSV saved as Shift_JIS or windows-1252 is read
# in the one common encoding its bytes fit, and says so; any other is
# named with --encoding.
dbe="$TEST_DIR/enc.db"
run --db "$dbe" import "$data/outlook-sjis.csv"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "Outlook's Japanese CSV in Shift_JIS imports"
like "$err" 'outlook-sjis\.csv: not UTF-8; read as SHIFT_JIS' "saying which encoding was used"
is "$(sql "$dbe" "SELECT o.name FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name = '太郎 田中'")" "東京図書館" \
   "names and organisation come in right"
run --db "$dbe" import "$data/outlook-1252.csv"
like "$err" 'outlook-1252\.csv: not UTF-8; read as WINDOWS-1252' "a windows-1252 CSV is read as such"
is "$(sql "$dbe" "SELECT body FROM note n JOIN contact c ON c.id = n.contact_id WHERE c.name = 'Jürgen Müller'")" "“Lieblingsbuch”: Faust" \
   "with its letters and its typographic quotes"
run --db "$dbe" import "$data/koi8r.csv" --encoding KOI8-R
is "$status" 0 "--encoding names any iconv encoding"
is "$(sql "$dbe" "SELECT count(*) FROM contact WHERE name = 'Юлия Смирнова'")" 1 "and the text comes in right"
run --db "$dbe" import "$data/koi8r.csv" --encoding NOPE-9
is "$status" 1 "an unknown --encoding is refused"
like "$err" 'unknown encoding "NOPE-9"' "by name"
printf 'Name,Emails,Stage\n\377\377,x@example.org,client\n' > "$TEST_DIR/bad-sjis.csv"
run --db "$dbe" import "$TEST_DIR/bad-sjis.csv" --encoding SHIFT_JIS
is "$status" 1 "bytes that are not text in the encoding named are refused"
like "$err" 'bad-sjis\.csv: not SHIFT_JIS text; nothing was imported' "saying so"

# Field-level, not record-level (issue 17): a bad email costs the email,
# a tag's semicolon makes two tags, a row with only a phone is named
# after it, and only a row with nothing to go by is rejected.
dbg="$TEST_DIR/gfields.db"
run --db "$dbg" import "$data/google-fields.csv"
is "$out" "$(printf 'Added 2, merged 0, unchanged 0, rejected 1.\n1 had no name and was named after its email, organisation or phone.')" \
   "both people in, the empty row rejected"
like "$err" 'google-fields\.csv:2: kept Ana Lima without E-mail 2 - Value "ana at work": not an address' \
     "the bad email is reported with file, line and column"
like "$err" 'google-fields\.csv:2: repaired: Labels: tag "Library;Friends" holds a semicolon' "the split tag is reported"
like "$err" 'google-fields\.csv:4: rejected: nothing identifies a person' "the empty row is rejected"
is "$(sql "$dbg" "SELECT group_concat(tag, ',') FROM (SELECT tag FROM contact_tag ORDER BY tag)")" "Friends,Library" "two tags"
is "$(sql "$dbg" "SELECT count(*) FROM contact WHERE name = '+55 31 99876 5432'")" 1 "the row with a phone only is named after it"
run --db "$TEST_DIR/gfields-strict.db" import "$data/google-fields.csv" --strict
is "$status" 1 "--strict rejects instead"

done_testing
