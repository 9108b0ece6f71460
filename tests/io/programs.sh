#!/bin/sh
# Proof with real programs: abook reads rapport's vCards (names, emails,
# phones with their kinds), calcurse imports its iCalendar, and files
# written by abook and calcurse import into rapport.
. "${top_srcdir:-.}/tests/lib/tap.sh"

# Its dates are early in December 2026; what is past or to come is
# counted from a day that stands still, not from the real one.
clock_fix '2026-12-04 12:00:00'

command -v abook > /dev/null 2>&1 || skip_all "abook (Debian package abook) is not installed"
command -v calcurse > /dev/null 2>&1 || skip_all "calcurse (Debian package calcurse) is not installed"

db="$TEST_DIR/r.db"
r() { run --db "$db" "$@"; }

r add "Zoë Ødegård" --email zoe@example.org --email zoe@uib.example --org DH --stage client
r add "Ann Smith, Jr." --email ann@example.com --phone "+1 555 0100"
r add "李小龙" --email li@example.cn
li=$(printed_id)
r add "Semi; Colon" --email semi@example.org
r follow zoe 2026-12-01 'send the report, with ; and \ in it'
report=$(printed_id)
r follow ann 2026-11-25 "weekly call" --every 1w
r follow "$li" 2026-12-03 "a very long follow-up text that goes on and on so that the line must be folded at seventy-five octets" --at 10:30

# abook reads rapport's vCards, 4.0 and 3.0.
want=$(printf '%s\n' "Ann Smith, Jr.|ann@example.com" "Semi; Colon|semi@example.org" \
       "Zoë Ødegård|zoe@example.org,zoe@uib.example" "李小龙|li@example.cn")
for v in 4 3; do
    r export --format vcard --vcard-version $v --output "$TEST_DIR/out$v.vcf"
    abook --convert --informat vcard --infile "$TEST_DIR/out$v.vcf" \
          --outformat csv --outfile "$TEST_DIR/abook$v.csv" > /dev/null 2>&1
    ok $? "abook converts rapport's vCard $v.0"
    # abook does not undo vCard escapes (RFC 6350 §3.4), so "\," stays.
    is "$(sed 's/^"\([^"]*\)","\([^"]*\)".*/\1|\2/; s/\\\([,;]\)/\1/g' "$TEST_DIR/abook$v.csv" | sort)" "$want" \
       "abook keeps every name and email of vCard $v.0"
    # abook reads a plain TEL, not TEL;VALUE=text or TEL;TYPE=VOICE.
    is "$(sed -n 's/^"\([^"]*\)","[^"]*","\([^"]*\)".*/\1|\2/p' "$TEST_DIR/abook$v.csv" | grep -v '|$')" \
       "Ann Smith\\, Jr.|+1 555 0100" "abook keeps the phone of vCard $v.0"
done

# Two numbers of different kinds: abook keeps both, as its mobile and
# work phone, and gives them back with their kinds.
dbk="$TEST_DIR/kinds.db"
run --db "$dbk" add "Kari Nordmann" --email kari@example.no --org "University of Bergen" \
    --department "Department of History" --phone "cell:+47 912 34 567" --phone "work:+47 55 58 00 00"
for v in 4 3; do
    run --db "$dbk" export --format vcard --vcard-version $v --output "$TEST_DIR/kinds$v.vcf"
    abook --convert --informat vcard --infile "$TEST_DIR/kinds$v.vcf" \
          --outformat abook --outfile "$TEST_DIR/kinds$v.abook" > /dev/null 2>&1
    ok $? "abook converts a vCard $v.0 with two kinds of number"
    is "$(grep -E '^(mobile|workphone|phone)=' "$TEST_DIR/kinds$v.abook" | sort)" \
       "$(printf 'mobile=+47 912 34 567\nworkphone=+47 55 58 00 00')" \
       "abook keeps both numbers of vCard $v.0, each as its kind"
done
abook --convert --informat abook --infile "$TEST_DIR/kinds4.abook" --outformat vcard \
      --outfile "$TEST_DIR/kinds-back.vcf" > /dev/null 2>&1
ok $? "abook writes them back as a vCard"
dbk2="$TEST_DIR/kinds2.db"
run --db "$dbk2" import "$TEST_DIR/kinds-back.vcf"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "rapport imports abook's card"
kq="SELECT group_concat(phone || '=' || kind, ' ') FROM (SELECT phone, kind FROM contact_phone ORDER BY phone)"
is "$(sql "$dbk2" "$kq")" "$(sql "$dbk" "$kq")" "the numbers come back with their kinds"
run --db "$dbk" import "$TEST_DIR/kinds-back.vcf"
is "$out" "Added 0, merged 0, unchanged 1, rejected 0." "and where they came from, nothing is doubled"

# Files abook writes come into rapport.
cat > "$TEST_DIR/book" <<'BOOK'
# abook addressbook file

[format]
program=abook
version=0.6.1

[0]
name=Hana Sato
email=hana@example.jp,hana.sato@home.example
phone=+81 90 1234 5678
notes=Met in Kyoto

[1]
name=Zoë Ødegård
email=zoe@example.org
mobile=+47 555

[2]
name=Nils Ålund
email=nils@example.se
BOOK
abook --convert --informat abook --infile "$TEST_DIR/book" --outformat vcard \
      --outfile "$TEST_DIR/abook.vcf" > /dev/null 2>&1
ok $? "abook writes a vCard file"
abook --convert --informat abook --infile "$TEST_DIR/book" --outformat csv \
      --outfile "$TEST_DIR/abook.csv" > /dev/null 2>&1
ok $? "abook writes a CSV file"
db2="$TEST_DIR/abook-vcf.db"
run --db "$db2" import "$TEST_DIR/abook.vcf"
is "$out" "Added 3, merged 0, unchanged 0, rejected 0." "rapport imports abook's vCard file"
q="SELECT c.name || '|' || (SELECT group_concat(email, ',') FROM (SELECT email FROM contact_email WHERE contact_id = c.id ORDER BY position)) FROM contact c ORDER BY c.name"
is "$(sql "$db2" "$q")" "$(printf '%s\n' 'Hana Sato|hana@example.jp,hana.sato@home.example' 'Nils Ålund|nils@example.se' 'Zoë Ødegård|zoe@example.org')" \
   "with every name and email"
is "$(sql "$db2" "SELECT body FROM note")" "Met in Kyoto" "and the notes"
db3="$TEST_DIR/abook-csv.db"
run --db "$db3" import "$TEST_DIR/abook.csv"
is "$out" "Added 3, merged 0, unchanged 0, rejected 0." "rapport imports abook's CSV file"
is "$(sql "$db3" "$q")" "$(sql "$db2" "$q")" "with the same names and emails"
run --db "$db" import "$TEST_DIR/abook.vcf"
is "$out" "Added 2, merged 1, unchanged 0, rejected 0." "a contact already present is merged, not doubled"

# calcurse imports rapport's follow-ups, a snoozed one too.
r snooze "$report" 2030-01-15
r export --format ics --output "$TEST_DIR/f.ics"
like "$(cat "$TEST_DIR/f.ics")" 'X-RAPPORT-SNOOZED-UNTIL:20300115' "the snooze is in the file"
mkdir -p "$TEST_DIR/cal"
calcurse -D "$TEST_DIR/cal" -i "$TEST_DIR/f.ics" > "$TEST_DIR/cal.log" 2>&1
ok $? "calcurse imports rapport's iCalendar file"
like "$(cat "$TEST_DIR/cal.log")" '0 skipped' "skipping nothing"
todo=$(sed 's/^\[[0-9]*\]>*[0-9a-f]* *//' "$TEST_DIR/cal/todo" | sort)
is "$todo" "$(printf '%s\n' \
    'Ann Smith, Jr.: weekly call' \
    'Zoë Ødegård: send the report, with ; and \ in it' \
    '李小龙: a very long follow-up text that goes on and on so that the line must be folded at seventy-five octets' | sort)" \
   "every open follow-up is in calcurse, text intact"
is "$(calcurse -D "$TEST_DIR/cal" -t 2> /dev/null | sed -n 's/^[0-9]*\. //p' | sort)" "$todo" \
   "and calcurse lists them all"

# Files calcurse writes come into rapport.
printf '12/10/2026 @ 14:30 -> 12/10/2026 @ 15:30 |Zoë Ødegård: demo of the corpus tool\n12/12/2026 [1] Ann Smith, Jr.: conference\n' \
    > "$TEST_DIR/cal/apts"
calcurse -D "$TEST_DIR/cal" --export=ical > "$TEST_DIR/calcurse.ics" 2> /dev/null
ok $? "calcurse exports iCalendar"
db4="$TEST_DIR/cal.db"
run --db "$db4" import "$TEST_DIR/out4.vcf"
run --db "$db4" import "$TEST_DIR/calcurse.ics"
is "$out" "Added 5, merged 0, unchanged 0, rejected 0." "rapport imports calcurse's appointments, events and todos"
is "$(sql "$db4" "SELECT due || ' ' || due_minutes FROM followup WHERE text = 'demo of the corpus tool'")" \
   "2026-12-10 870" "an appointment keeps its day and time"
is "$(sql "$db4" "SELECT c.name || ': ' || f.due FROM followup f JOIN contact c ON c.id = f.contact_id WHERE f.text = 'conference'")" \
   "Ann Smith, Jr.: 2026-12-12" "an event is attached to its contact"
run --db "$db4" import "$TEST_DIR/calcurse.ics"
is "$out" "Added 0, merged 0, unchanged 5, rejected 0." "importing it twice adds nothing"

done_testing
