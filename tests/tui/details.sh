#!/bin/bash
# The contact page shows a contact's postal addresses and web pages
# (issue 17), made safe for the terminal; editing the contact in the
# form keeps them.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/d.db"
run --db "$db" add "Wanjiru Kamau" --address "work:Harry Thuku Road; Nairobi; ; 00100; Kenya" \
    --url "home:https://wanjiru.example.ke"
printf 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Wanjiru Kamau\r\nADR;TYPE=home:;;Evil\033[7mStreet 2;Nairobi;;;\r\nEND:VCARD\r\n' \
    > "$TEST_DIR/esc.vcf"
run --db "$db" import "$TEST_DIR/esc.vcf"
is "$(sql "$db" 'SELECT count(*) FROM contact_address')" 2 "two addresses"

tui_start -- --db "$db"
wait_for "Review" 10 "started"
tui_keys 3 Enter
wait_for "Wanjiru Kamau  #1" 3 "her page"
wait_for "Address: Harry Thuku Road, 00100 Nairobi, Kenya (work)" 2 "shows her work address"
wait_match "Address: Evil.*Street 2, Nairobi \(home\)" 2 "and the imported one, its escape repaired"
wait_for "Web pages: https://wanjiru.example.ke (home)" 2 "and her web page"
tui_keys e
wait_for "Edit Wanjiru Kamau" 2 "e opens the form"
tui_keys Tab Tab Tab
tui_type "Librarian"
tui_keys C-s
wait_for "Saved." 3 "the form saves"
is "$(sql "$db" "SELECT title FROM contact")" "Librarian" "the title is stored"
is "$(sql "$db" 'SELECT count(*) FROM contact_address') $(sql "$db" 'SELECT count(*) FROM contact_url')" "2 1" \
   "and the addresses and web page are kept"
tui_quit

done_testing
