#!/bin/sh
# A contact's postal addresses, web pages and other properties (issue
# 17): added and edited from the command line as emails and phones are,
# shown by show, undone, checked by rapport check, and erased by forget.
. "${top_srcdir:-.}/tests/lib/tap.sh"

db="$TEST_DIR/d.db"
r() { run --db "$db" "$@"; }
addresses() { sql "$db" "SELECT group_concat(a, ' / ') FROM (SELECT coalesce(kind, '') || ':' || coalesce(street, '') || '|' || coalesce(locality, '') || '|' || coalesce(region, '') || '|' || coalesce(code, '') || '|' || coalesce(country, '') AS a FROM contact_address ORDER BY contact_id, position)"; }
urls() { sql "$db" "SELECT group_concat(u, ' / ') FROM (SELECT coalesce(kind, '') || ':' || url AS u FROM contact_url ORDER BY contact_id, position)"; }

r add "Wanjiru Kamau" --email wanjiru@example.ke \
  --address "work:Harry Thuku Road; Nairobi; ; 00100; Kenya" --url "https://library.example.ke"
is "$status" 0 "add takes --address and --url"
is "$(addresses)" "work:Harry Thuku Road|Nairobi||00100|Kenya" "the address is stored in its parts, with its kind"
is "$(urls)" ":https://library.example.ke" "the web page, of no kind"

r edit wanjiru --address "home:5 Kenyatta Avenue; Nairobi" --url "work:https://library.example.ke" \
  --url "home:https://wanjiru.example.ke/?a=1,2"
is "$status" 0 "edit adds an address, and a web page"
is "$(addresses)" "work:Harry Thuku Road|Nairobi||00100|Kenya / home:5 Kenyatta Avenue|Nairobi|||" \
   "the new address after the first"
is "$(urls)" "work:https://library.example.ke / home:https://wanjiru.example.ke/?a=1,2" \
   "a page given again takes its kind; a URL's own colon is no kind"
r show wanjiru
like "$out" 'Addresses: +Harry Thuku Road, 00100 Nairobi, Kenya \(work\)' "show lists the addresses"
like "$out" '5 Kenyatta Avenue, Nairobi \(home\)' "each on its line"
like "$out" 'Web pages: +https://library\.example\.ke \(work\)' "and the web pages"

# Addresses and web pages are searchable, and stop being so once gone.
r search "thuku"
like "$out" 'Wanjiru Kamau' "search finds a contact by a word of her street"
r search "00100"
like "$out" 'Wanjiru Kamau' "and by her postal code"
r search "wanjiru.example.ke"
like "$out" 'Wanjiru Kamau' "and by her web page"
r edit wanjiru --drop-address "harry thuku road" --drop-url "https://library.example.ke"
r search "thuku"
is "$status" 1 "a dropped address is no longer found"
r undo
r edit wanjiru --drop-address "harry thuku road" --drop-url "https://library.example.ke"
is "$status" 0 "edit drops an address by its street, and a web page"
is "$(addresses) $(urls)" "home:5 Kenyatta Avenue|Nairobi||| home:https://wanjiru.example.ke/?a=1,2" \
   "only the others stay"
r edit wanjiru --drop-address "Nowhere Street 1"
is "$status" 1 "dropping an address that is not there is an error"
like "$err" 'has no postal address "Nowhere Street 1"' "that says so"
r edit wanjiru --drop-url "https://nowhere.example"
is "$status" 1 "so is a web page that is not there"
like "$err" 'has no web page "https://nowhere.example"' "saying which"
r edit wanjiru --address "home:5 Kenyatta Avenue; Nairobi"
like "$out" '^Nothing to change for' "an address already there changes nothing"

r undo
like "$out" 'Undone: edited Wanjiru Kamau' "undo undoes the drop (the refused edits wrote nothing)"
is "$(addresses)" "work:Harry Thuku Road|Nairobi||00100|Kenya / home:5 Kenyatta Avenue|Nairobi|||" \
   "undo brings the dropped address back"
is "$(urls)" "work:https://library.example.ke / home:https://wanjiru.example.ke/?a=1,2" \
   "and the web page"

# Editing other fields keeps them; so does an edit by name (the contact
# found in a list's window).
r edit "Wanjiru" --title "Librarian"
is "$(addresses)" "work:Harry Thuku Road|Nairobi||00100|Kenya / home:5 Kenyatta Avenue|Nairobi|||" \
   "an edit of the title keeps the addresses"

# Control characters in an imported address are repaired, never stored
# raw, and show writes nothing raw.
printf 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Esc Person\r\nADR:;;Evil\033[31mStreet;Town;;;\r\nURL:https://esc.example/\033]0;x\007\r\nX-EVIL:a\033[2Jb\r\nEND:VCARD\r\n' \
    > "$TEST_DIR/esc.vcf"
r import "$TEST_DIR/esc.vcf"
is "$status" 0 "a card with control characters in its address imports"
is "$(sql "$db" "SELECT count(*) FROM contact_address WHERE instr(street, char(27)) > 0")" 0 \
   "without the control character"
r show "esc person"
is "$(printf '%s' "$out" | tr -d -c '\033\007' | wc -c)" 0 "show writes no escape or bell"

# A property kept from a card is dropped by its name, its group aside.
printf 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kept Props\r\nBDAY:19800402\r\nitem1.X-ABLabel:Shelf\r\nNICKNAME:KP\r\nEND:VCARD\r\n' \
    > "$TEST_DIR/props.vcf"
r import "$TEST_DIR/props.vcf"
r edit "kept props" --drop-property bday --drop-property X-ABLABEL
is "$status" 0 "edit drops kept properties by name"
is "$(sql "$db" "SELECT group_concat(line, ' ') FROM contact_extra x JOIN contact c ON c.id = x.contact_id WHERE c.name = 'Kept Props'")" \
   "NICKNAME:KP" "the others stay"
r edit "kept props" --drop-property BDAY
is "$status" 1 "dropping a property the contact has not is an error"
like "$err" 'has no property BDAY kept from a card' "saying which"

r check
is "$status" 0 "the check passes"
sql_legacy "$db" "INSERT INTO contact_address(contact_id, position, kind, street) VALUES (1, 9, 'office', 'x')" >/dev/null
sql "$db" "INSERT INTO contact_extra(contact_id, position, line) VALUES (1, 9, 'no colon')" >/dev/null
r check
is "$status" 1 "a detail row that breaks the rules fails the check"
like "$out$err" 'contact_address: 1 row breaks the rules' "naming the table of addresses"
like "$out$err" 'contact_extra: 1 row breaks the rules' "and of other properties"
sql_legacy "$db" "DELETE FROM contact_address WHERE kind = 'office'; DELETE FROM contact_extra WHERE line = 'no colon'" >/dev/null

# Forget erases them, from the journal too.
is "$(traces "$db" 'Kenyatta Avenue' 'wanjiru.example.ke' | tr '\n' ' ')" "Kenyatta Avenue wanjiru.example.ke " \
   "before forget her address and web page are in the file (the check can fail)"
r forget wanjiru --yes
is "$status" 0 "forget --yes"
is "$(sql "$db" "SELECT count(*) FROM contact_address a JOIN contact c ON c.id = a.contact_id WHERE c.name LIKE 'Wanjiru%'") $(sql "$db" 'SELECT count(*) FROM contact_address WHERE contact_id = 1')" \
   "0 0" "her addresses are gone"
is "$(traces "$db" 'Kenyatta Avenue' 'Harry Thuku' 'wanjiru.example.ke')" "" \
   "her addresses and web pages are nowhere in the file"

# A note of no words at all (only dashes and dots) is saved and leaves
# the search as it was: the word splitter once sorted a list it did not
# have (UBSan, under libFuzzer's first run).
r add "Wordless Notes" --email wordless@example.org
r note wordless "— … — !!!"
is "$status" 0 "a note of no words is saved"
r search "wordless"
like "$out" 'Wordless Notes' "and the contact is still found by its name"

done_testing
