#!/bin/sh
# Address books as the programs people use export them (issue 17):
# Evolution, Thunderbird, Outlook and Gmail vCards and Outlook's full
# CSV. Every person comes in with names, emails, phones, organisation,
# title, notes, addresses and web pages; what rapport has no field for
# is kept and given back by the export; the summary adds up.
. "${top_srcdir:-.}/tests/lib/tap.sh"

data="${top_srcdir:-.}/tests/data/io"

# One line per contact: name|org;department|title|emails|phones|
# addresses|web pages|notes, each list in its order.
people() {
    sql "$1" "SELECT c.name || '|' || coalesce(o.name, '') || ';' || coalesce(c.department, '') || '|' ||
      coalesce(c.title, '') || '|' ||
      coalesce((SELECT group_concat(email, ',') FROM (SELECT email FROM contact_email WHERE contact_id = c.id ORDER BY position)), '') || '|' ||
      coalesce((SELECT group_concat(p, ',') FROM (SELECT coalesce(kind, '') || '=' || phone AS p FROM contact_phone WHERE contact_id = c.id ORDER BY position)), '') || '|' ||
      coalesce((SELECT group_concat(a, ',') FROM (SELECT coalesce(kind, '') || '=' || coalesce(street, '') || '/' || coalesce(locality, '') || '/' || coalesce(code, '') || '/' || coalesce(country, '') AS a FROM contact_address WHERE contact_id = c.id ORDER BY position)), '') || '|' ||
      coalesce((SELECT group_concat(url, ',') FROM (SELECT url FROM contact_url WHERE contact_id = c.id ORDER BY position)), '') || '|' ||
      coalesce((SELECT group_concat(body, ',') FROM (SELECT body FROM note WHERE contact_id = c.id ORDER BY id)), '')
      FROM contact c LEFT JOIN organisation o ON o.id = c.org_id ORDER BY c.name"
}

# try FILE SUMMARY PEOPLE: imports FILE into a new database and checks
# the summary and every person; its vCard export, imported into another
# new database, gives the same people, and the kept properties of the
# file come back.
try() {
    name=$(basename "$1")
    db="$TEST_DIR/$name.db"
    run --db "$db" import "$1"
    is "$out" "$2" "$name: the summary counts every record"
    unlike "$err" 'not kept' "$name: no property or column is left out unsaid"
    is "$(people "$db")" "$3" "$name: every person with every field"
    run --db "$db" export --format vcard --output "$TEST_DIR/$name.out.vcf"
    run --db "$TEST_DIR/$name.again.db" import "$TEST_DIR/$name.out.vcf"
    is "$(people "$TEST_DIR/$name.again.db")" "$3" "$name: its export brings back the same people"
    run --db "$db" import "$TEST_DIR/$name.out.vcf"
    like "$out" 'Added 0, merged 0, unchanged [0-9]+, rejected 0\.' "$name: and adds nothing where they came from"
}

# Evolution: its welcome card has no name (N:;;;; and an empty FN), an
# empty TITLE and NICKNAME, a LABEL beside its ADR.
try "$data/evolution.vcf" \
    "$(printf 'Added 2, merged 0, unchanged 0, rejected 0.\n1 had no name and was named after its email, organisation or phone.')" \
    "$(printf '%s\n' \
      'Nils Ålund|Uppsala universitetsbibliotek;Carolina Rediviva|Bibliotekarie|nils@example.se,nils.alund@home.example|cell=+46 70 123 45 67|home=Storgatan 1/Uppsala/753 10/Sweden||Två rader
andra raden' \
      'hello@ximian.example|Ximian, Inc.;||hello@ximian.example|work=(617) 236-0442,fax=(617) 236-8630|work=401 Park Drive  3 West/Boston/02215/USA|http://www.ximian.example/|Welcome to Evolution, the groupware suite.')"
out3=$(tr -d '\r' < "$TEST_DIR/evolution.vcf.out.vcf")
for line in 'N:;;;;' 'X-EVOLUTION-FILE-AS:Ximian\, Inc.' 'LABEL;TYPE=WORK:401 Park Drive  3 West\nBoston\, MA\n02215\nUSA' \
            'X-EVOLUTION-BLOG-URL:https://nils.example.se/blog' 'BDAY:1975-09-30' 'UID:pas-id-3FE8F6FA00000001'; do
    case "$out3" in
    *"$line"*) ok 0 "evolution.vcf: the export gives back $line" ;;
    *) ok 1 "evolution.vcf: the export gives back $line" ;;
    esac
done
unlike "$out3" '^(TITLE|NICKNAME|ROLE|X-EVOLUTION-MANAGER):$' "evolution.vcf: empty properties are no properties"

# Thunderbird's vCard 4.0 (its address book's Export, vCard).
try "$data/thunderbird.vcf" "Added 1, merged 0, unchanged 0, rejected 0." \
    'Marta Kowalska|University of Warsaw Library;Special Collections|Librarian|marta.kowalska@example.pl,m.kowalska@uw.example|work=+48 22 552 10 00,cell=+48 601 234 567|work=ul. Krakowskie Przedmieście 26/Warszawa/00-927/Poland|https://buw.example.pl|Met at LIBER 2025'
like "$(cat "$TEST_DIR/thunderbird.vcf.out.vcf")" 'BDAY;VALUE=DATE:19800412' "thunderbird.vcf: the birthday comes back"

# Outlook's vCard 2.1: a LABEL in quoted-printable, its own X-MS- lines.
try "$data/outlook-2.1.vcf" "Added 1, merged 0, unchanged 0, rejected 0." \
    'Priya Patel|Infosys Research;Labs|Lead Engineer|priya@example.in|work=+91 80 1111,cell=+91 98 7654 3210|work=Electronics City/Bengaluru/560100/India|http://www.infosys.example/|'
like "$(cat "$TEST_DIR/outlook-2.1.vcf.out.vcf")" 'X-MS-OL-DEFAULT-POSTAL-ADDRESS:2' "outlook-2.1.vcf: its own properties come back"

# Gmail's vCard: URLs with an escaped colon, a labelled one.
try "$data/gmail.vcf" "Added 1, merged 0, unchanged 0, rejected 0." \
    'Zoë Ødegård|Digital Humanities;|Director|zoe@example.org|cell=+47 555 23 85 00|work=Allégaten 27/Bergen/5007/Norway|https://zoe.example.no,http://blog.example.no|Met in Bergen'

# Outlook's CSV with every column it writes: two addresses of a person,
# a company without a person, its dates kept; what holds only
# Outlook's defaults ("Normal", "0/0/00") is named, not imported.
name=outlook-full.csv
db="$TEST_DIR/$name.db"
run --db "$db" import "$data/$name"
is "$out" "$(printf 'Added 2, merged 0, unchanged 0, rejected 0.\n1 had no name and was named after its email, organisation or phone.')" \
   "$name: both rows come in"
like "$err" 'outlook-full\.csv:1: Outlook layout: 8 columns not kept: "E-mail Type", "E-mail Display Name", "E-mail 2 Type", "E-mail 2 Display Name", "Gender", "Priority", "Private", "Sensitivity"' \
     "$name: the columns not kept are named"
is "$(people "$db")" "$(printf '%s\n' \
    'Dr. Kwame Mensah|University of Ghana;Balme Library|Head Librarian|kwame.mensah@ug.example,k.mensah@home.example|fax=+233 30 250 0381,work=+233 30 221 3850,cell=+233 24 412 3456|work=Commonwealth Avenue/Accra/LG 24/Ghana,home=12 Ring Road/Accra//Ghana|http://library.ug.example/|Met at the IFLA congress' \
    'Lagos Book Club|Lagos Book Club;|||work=+234 1 234 5678|work=/Lagos//Nigeria||')" \
   "$name: every person with every field"
is "$(sql "$db" "SELECT group_concat(line, ' ') FROM (SELECT line FROM contact_extra ORDER BY position)")" \
   'ANNIVERSARY;VALUE=text:6/12/1998 BDAY;VALUE=text:1/5/1970' \
   "$name: the anniversary and birthday are kept as Outlook wrote them, its empty dates not"
run --db "$db" search "ring road"
like "$out" 'Kwame Mensah' "$name: a word of the home address finds him"

# The Bat!'s address book as CSV: semicolons between the fields, a
# header of no known layout, read by what its columns hold.
name=thebat.csv
db="$TEST_DIR/$name.db"
run --db "$db" import "$data/$name" --dry-run
like "$err" 'thebat\.csv:1: unknown CSV layout; columns read by what they hold: "Full Name" → name, .*"E-mail" → email, .*"Comments" → notes' \
     "$name: a dry run shows the mapping of its semicolon-separated columns"
try "$data/$name" "Added 1, merged 0, unchanged 0, rejected 0." \
    'Ivan Petrov|Rosatom Library;Rare books|Archivist|ivan@example.ru|work=+7 495 123 45 67,cell=+7 916 123 45 67|home=ul. Tverskaya 1/Moscow/125009/Russia|https://ivan.example.ru|Met at a book fair'
is "$(sql "$db" "SELECT line FROM contact_extra")" "NICKNAME:Vanya" "$name: the nickname is kept"

# A calendar saved in Latin-1 (Horde's, an old Outlook's): read as such,
# said, and its item finds the contact named in ordinary words.
dbc="$TEST_DIR/latin1.db"
run --db "$dbc" add "Jürgen Müller" --email juergen@example.de
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Horde//EN\r\nBEGIN:VTODO\r\nUID:latin1-1\r\nSUMMARY:R\374ckruf bei J\374rgen M\374ller\r\nDUE;VALUE=DATE:20301201\r\nEND:VTODO\r\nEND:VCALENDAR\r\n' \
    > "$TEST_DIR/latin1.ics"
run --db "$dbc" import "$TEST_DIR/latin1.ics"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "a Latin-1 calendar imports"
like "$err" 'latin1\.ics: not UTF-8; read as WINDOWS-1252' "saying how it was read"
is "$(sql "$dbc" "SELECT c.name || ': ' || f.text FROM followup f JOIN contact c ON c.id = f.contact_id")" \
   "Jürgen Müller: Rückruf bei Jürgen Müller" "its item, on the contact its summary names"

done_testing
