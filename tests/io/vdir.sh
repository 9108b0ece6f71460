#!/bin/sh
# vdirs (issue 18): export --vdir writes a .vcf per contact named by its
# UID (given one, stored, when it has none) or an .ics per open
# follow-up; again, only what changed; the files of contacts forgotten
# and follow-ups done go, files others wrote or changed stay; written
# safely (no link followed); import DIR reads a vdir back with a file's
# merge rules; khard and todoman read them.
. "${top_srcdir:-.}/tests/lib/tap.sh"

# Its dates are early in December 2026; what is past or to come is
# counted from a day that stands still, not from the real one.
clock_fix '2026-12-04 12:00:00'

data="${top_srcdir:-.}/tests/data/io"
db="$TEST_DIR/v.db"
r() { run --db "$db" "$@"; }
vd="$TEST_DIR/contacts"
td="$TEST_DIR/calendars/rapport"
names() { (cd "$1" && ls -A | sort | tr '\n' ' '); }
inode() { stat -c %i "$1"; }

r import "$data/kept-properties.vcf"
r add "Wanjiru Kamau" --email wanjiru@example.ke --phone "cell:+254 700 000000" \
  --address "work:Harry Thuku Road; Nairobi; ; 00100; Kenya"
r add "Tom Berg" --email tom@example.se
r follow wanjiru 2026-12-20 "send the reading list"
r follow tom 2026-12-22 "call about the renewal"
is "$(sql "$db" 'SELECT count(*) FROM contact WHERE uid IS NULL')" 2 "two contacts have no UID yet"

r export --format vcard --vdir "$vd"
is "$status" 0 "export --vdir writes a vdir"
like "$err" "Wrote 3 files to .*contacts; 0 unchanged, 0 removed\\." "saying how many files it wrote"
is "$(sql "$db" 'SELECT count(*) FROM contact WHERE uid IS NULL')" 0 "every contact now has a UID, stored"
want=$(sql "$db" "SELECT replace(uid, 'urn:uuid:', '') || '.vcf' FROM contact ORDER BY 1" | tr '\n' ' ')
is "$(names "$vd")" ".rapport-vdir $want" "one file per contact, named by its UID, and rapport's list"
wfile="$vd/$(sql "$db" "SELECT replace(uid, 'urn:uuid:', '') FROM contact WHERE name = 'Wanjiru Kamau'").vcf"
is "$(stat -c %a "$wfile") $(stat -c %a "$vd")" "600 700" "private files in a private folder"
like "$(tr '\r\n' '  ' < "$wfile")" 'BEGIN:VCARD.*FN:Wanjiru Kamau.*ADR;TYPE=work:;;Harry Thuku Road;Nairobi;;00100;Kenya.*END:VCARD' \
     "a file holds the contact's card"
is "$(grep -c '^BEGIN:VCARD' "$wfile")" 1 "one card a file"
akey=$(sql "$db" "SELECT replace(uid, 'urn:uuid:', '') FROM contact WHERE name = 'Amara Okafor'")
is "$akey" "7b0c5e1a-0f3e-4d7a-9a4e-1c2b3d4e5f60" "a UID that came with a card names its file"

# Again: nothing changed, nothing written.
before_w=$(inode "$wfile")
before_a=$(inode "$vd/$akey.vcf")
before_m=$(inode "$vd/.rapport-vdir")
r export --format vcard --vdir "$vd"
like "$err" "Wrote 0 files to .*; 3 unchanged, 0 removed\\." "a second export writes nothing"
is "$(inode "$wfile") $(inode "$vd/$akey.vcf") $(inode "$vd/.rapport-vdir")" "$before_w $before_a $before_m" \
   "every file is as it was, rapport's list too"
r edit wanjiru --title Librarian
r export --format vcard --vdir "$vd"
like "$err" "Wrote 1 file to .*; 2 unchanged, 0 removed\\." "after an edit, one file is written"
unlike "$(inode "$wfile")" "^$before_w\$" "the edited contact's file"
is "$(inode "$vd/$akey.vcf")" "$before_a" "and no other"
like "$(tr -d '\r' < "$wfile")" 'TITLE:Librarian' "with the change"

# Forgotten: its file goes. A file another program wrote stays, and so
# does one of rapport's that someone changed since.
tfile="$vd/$(sql "$db" "SELECT replace(uid, 'urn:uuid:', '') FROM contact WHERE name = 'Tom Berg'").vcf"
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:khard-own\r\nFN:Kept By Khard\r\nEND:VCARD\r\n' > "$vd/khard-own.vcf"
printf 'NOTE:added by hand\r\n' >> "$vd/$akey.vcf"
r forget tom --yes
r export --format vcard --vdir "$vd"
is "$status" 0 "the export after a forget"
ok "$(test ! -e "$tfile"; echo $?)" "the forgotten contact's file is removed"
ok "$(test -e "$vd/khard-own.vcf"; echo $?)" "a file rapport did not write stays"
like "$(cat "$vd/$akey.vcf")" 'added by hand' "a file changed since rapport wrote it is not replaced"
like "$err" "$akey\\.vcf: not written by rapport, or changed since; left as it is" "and that is said"

# A link planted at a contact's name is never written through.
rm -f "$vd/$akey.vcf"
printf 'victim\n' > "$TEST_DIR/victim"
ln -s "$TEST_DIR/victim" "$vd/$akey.vcf"
r export --format vcard --vdir "$vd"
is "$(cat "$TEST_DIR/victim")" "victim" "a link at a file's name is not followed"
like "$err" "$akey\\.vcf: not written by rapport" "it is left, and said"
rm -f "$vd/$akey.vcf"
r export --format vcard --vdir "$vd"
ok "$(test -f "$vd/$akey.vcf" && test ! -L "$vd/$akey.vcf"; echo $?)" "once gone, the file is written again"

# A folder every user may write into, or another user's, is refused.
mkdir "$TEST_DIR/open"
chmod 777 "$TEST_DIR/open"
r export --format vcard --vdir "$TEST_DIR/open"
is "$status" 1 "a folder every user may write into is refused"
like "$err" 'every user may write into the folder' "saying why"
is "$(ls -A "$TEST_DIR/open")" "" "and nothing is written there"
if [ "$(id -u)" -eq 0 ] && id nobody > /dev/null 2>&1; then
    mkdir "$TEST_DIR/theirs"
    chown nobody "$TEST_DIR/theirs"
    r export --format vcard --vdir "$TEST_DIR/theirs"
    is "$status" 1 "another user's folder is refused"
    like "$err" 'belongs to another user' "saying whose it is"
    run --db "$TEST_DIR/v3.db" import "$TEST_DIR/theirs"
    is "$status" 1 "and is not read either"
else
    skip "another user's folder is refused" "needs root to make another user's folder"
fi

# Follow-ups: a file each; done, it goes.
r export --format ics --vdir "$td"
is "$status" 0 "export --format ics --vdir"
is "$(ls "$td" | wc -l)" 1 "one file per open follow-up (Tom's went with him)"
like "$(cat "$td"/*.ics | tr '\r\n' '  ')" 'BEGIN:VCALENDAR.*BEGIN:VTODO.*SUMMARY:Wanjiru Kamau: send the reading list.*END:VCALENDAR' \
     "a calendar with its one task"
r follow amara 2026-12-28 "renew the licence"
r export --format ics --vdir "$td"
like "$err" "Wrote 1 file to .*; 1 unchanged, 0 removed\\." "a new follow-up, a new file"
r done wanjiru
r export --format ics --vdir "$td"
like "$err" "Wrote 0 files to .*; 1 unchanged, 1 removed\\." "done, its file is removed"
r export --format csv --vdir "$TEST_DIR/x"
is "$status" 2 "a vdir of CSV is refused"
r export --format vcard --vdir "$vd" --output "$TEST_DIR/y.vcf"
is "$status" 2 "--vdir and --output together are refused"

# import DIR reads a vdir back, with the merge rules of a file.
db2="$TEST_DIR/v2.db"
run --db "$db2" import "$vd"
is "$status" 0 "import DIR reads a vdir"
is "$out" "Added 3, merged 0, unchanged 0, rejected 0." "every card of it, the other program's too"
is "$(sql "$db2" "SELECT street FROM contact_address a JOIN contact c ON c.id = a.contact_id WHERE c.name = 'Wanjiru Kamau'")" \
   "Harry Thuku Road" "with the addresses"
run --db "$db2" import "$vd"
is "$out" "Added 0, merged 0, unchanged 3, rejected 0." "importing it again adds nothing"
is "$(sql "$db2" 'SELECT count(*) FROM journal')" 1 "one step to undo for the folder, none for the second time"
run --db "$db2" import "$td"
is "$out" "Added 1, merged 0, unchanged 0, rejected 0." "a vdir of tasks comes in"
is "$(sql "$db2" "SELECT text FROM followup")" "renew the licence" "as the follow-up"
r import "$td"
is "$out" "Added 0, merged 0, unchanged 1, rejected 0." "back where it came from, it changes nothing"
printf 'not a card\n' > "$vd/broken.vcf"
run --db "$db2" import "$vd"
is "$status" 0 "a file that is no card costs that file"
like "$err" 'broken\.vcf: no vCard found' "naming it"
run --db "$db2" import "$vd" --strict
is "$status" 1 "--strict refuses the folder"
mkdir "$TEST_DIR/empty"
run --db "$db2" import "$TEST_DIR/empty"
is "$status" 1 "a folder with no .vcf or .ics file is refused"
like "$err" 'not a vdir' "saying it is not a vdir"
rm -f "$vd/broken.vcf"

# khard and todoman read them: every contact and every open follow-up.
r follow wanjiru 2026-12-29 "post the catalogue"
r follow amara 2027-01-05 "ask about the workshop"
r export --format ics --vdir "$td"
r export --format vcard --vdir "$vd"
if command -v khard > /dev/null 2>&1; then
    printf '[addressbooks]\n[[rapport]]\npath = %s\n[general]\ndefault_action = list\n' "$vd" \
        > "$TEST_DIR/khard.conf"
    listing=$(HOME="$TEST_DIR" khard -c "$TEST_DIR/khard.conf" list -a rapport 2>&1)
    for name in "Amara Okafor" "Wanjiru Kamau" "Kept By Khard"; do
        like "$listing" "$name" "khard lists $name"
    done
    is "$(sql "$db" "SELECT count(*) FROM contact")" 2 "which are rapport's two contacts and the other program's card"
    is "$(printf '%s\n' "$listing" | grep -c 'Amara Okafor\|Wanjiru Kamau\|Kept By Khard')" 3 "each once"
    like "$listing" 'wanjiru@example\.ke' "with the email"
else
    skip "khard lists every contact" "khard (Debian package khard) is not installed"
fi
if command -v todoman > /dev/null 2>&1; then
    printf 'path = "%s/*"\ndate_format = "%%Y-%%m-%%d"\ntime_format = "%%H:%%M"\n' "$TEST_DIR/calendars" \
        > "$TEST_DIR/todoman.py"
    tasks=$(HOME="$TEST_DIR" XDG_CACHE_HOME="$TEST_DIR/cache" todoman --config "$TEST_DIR/todoman.py" list 2>&1)
    like "$tasks" '2026-12-28 Amara Okafor: renew the licence' "todoman lists the open follow-up, with its day"
    open=$(sql "$db" "SELECT count(*) FROM followup WHERE state = 0")
    is "$open" 3 "three follow-ups are open"
    sql "$db" "SELECT text FROM followup WHERE state = 0" >"$TEST_DIR/open.txt"
    while read -r text; do
        like "$tasks" ": $text" "todoman lists \"$text\""
    done <"$TEST_DIR/open.txt"
    is "$(printf '%s\n' "$tasks" | grep -c 'Amara Okafor:\|Wanjiru Kamau:')" "$open" "one task for each, and no other"
    unlike "$tasks" 'send the reading list' "and not the one done"
else
    skip "todoman lists every open follow-up" "todoman (Debian package todoman) is not installed"
fi

# A dry run over a folder is the import it announces: a card of the
# second file merges with the one the first would add.
mkdir -p "$TEST_DIR/twice"
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Twice Seen\r\nEMAIL:twice@example.org\r\nEND:VCARD\r\n' \
    > "$TEST_DIR/twice/a.vcf"
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Twice Seen\r\nEMAIL:twice@example.org\r\nTEL:+45 1234\r\nEND:VCARD\r\n' \
    > "$TEST_DIR/twice/b.vcf"
dbt="$TEST_DIR/twice.db"
run --db "$dbt" import "$TEST_DIR/twice" --dry-run
like "$out$err" 'would add 1, merge 1, leave 0 unchanged' "the dry run counts as the import will"
like "$out$err" 'b\.vcf:1: would merge into: Twice Seen' "the second file's card merges"
ok "$(test ! -e "$dbt"; echo $?)" "and writes nothing, not even the database"
run --db "$dbt" import "$TEST_DIR/twice"
is "$out" "Added 1, merged 1, unchanged 0, rejected 0." "the import does what the dry run said"

done_testing
