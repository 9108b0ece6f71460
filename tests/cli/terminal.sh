#!/bin/sh
# Terminal safety (SPEC §8): control characters are refused where
# people type one-line fields, repaired where files bring them in, and
# never reach a terminal raw from any output: tables, machine-readable
# formats, messages from SQLite and echoes of the command line.
. "${top_srcdir:-.}/tests/lib/tap.sh"

db="$TEST_DIR/t.db"
r() { run --db "$db" "$@"; }
esc=$(printf '\033')
bel=$(printf '\007')
csi=$(printf '\302\233')
rlo=$(printf '\342\200\256')

# ---- input ----------------------------------------------------------------
r add "Ada Lovelace" --org "Analytical Engines"
is "$status" 0 "a contact to edit"
r add "$(printf 'Evil \033]0;PWNED\007\033[2J Name')"
is "$status" 1 "add refuses a name holding ESC"
like "$err" '^rapport: name: holds the control character \^\[, which a terminal would take as a command; remove it$' \
     "with a clear one-line message"
unlike "$err" "$esc" "which shows the character as a placeholder"
r add "Bob" --org "$(printf 'Acme\302\233Corp')"
is "$status" 1 "a C1 control character in the organisation is refused"
like "$err" 'organisation: holds the control character <U\+009B>' "named as <U+009B>"
r add "Bob" --title "$(printf 'Head\tof')"
is "$status" 1 "a tab in a one-line field is refused"
r add "Bob" --tag "$(printf 'x\001')"
like "$err" 'tag: holds the control character \^A' "a tag"
r add "Bob" --email "$(printf 'bob\033@example.org')"
like "$err" 'email: holds the control character \^\[' "an email"
r add "Bob" --phone "$(printf '+47\0331')"
like "$err" 'phone: holds the control character' "a phone number"
r add "Bob" --channel "$(printf 'mail\177')"
like "$err" 'channel: holds the control character \^\?' "DEL in the channel"
is "$(sql "$db" "SELECT count(*) FROM contact")" 1 "none of them was stored"
r add "Bob $rlo Right" --projects "$(printf 'one\ttwo\nthree')"
is "$status" 0 "a bidi override is data, and tabs and line breaks are kept in projects"
is "$(sql "$db" "SELECT hex(projects) FROM contact WHERE name LIKE 'Bob%'")" \
   "$(printf 'one\ttwo\nthree' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" "stored as given"
r edit ada --title "$(printf 'Count\033[5messa')"
is "$status" 1 "edit refuses ESC in the title"
like "$err" 'title: holds the control character \^\[' "saying which field"
r edit ada --goals "$(printf 'more\033[2Jgoals')"
is "$status" 1 "and in a multi-line field"
r edit ada --name "$(printf 'Ada\033]0;x\007')"
is "$status" 1 "and in a new name"
is "$(sql "$db" "SELECT coalesce(title, '') || '|' || name FROM contact WHERE id = 1")" "|Ada Lovelace" \
   "nothing was changed"
r note ada "$(printf 'Called \033[31mred\033[0m')"
is "$status" 1 "a note holding ESC is refused"
like "$err" 'note: holds the control character \^\[' "with the same message"
r note ada "$(printf 'Two\tcolumns\nand a second line')"
is "$status" 0 "a note keeps its tabs and line breaks"
r follow ada tomorrow "$(printf 'Ring \033[2J')"
is "$status" 1 "a follow-up's text holding ESC is refused"
r stage ada customer --reason "$(printf 'because\007')"
is "$status" 1 "so is a stage change's reason"
r score ada 9 "$(printf 'great\033[0m')"
is "$status" 1 "and a score's comment"
is "$(sql "$db" "SELECT (SELECT count(*) FROM followup) || (SELECT count(*) FROM score) || (SELECT count(*) FROM stage_change WHERE reason IS NOT NULL)")" \
   000 "none of them was stored"

# ---- import ---------------------------------------------------------------
# A file's field holding control characters is repaired, not refused.
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Evil \033]0;PWNED\007\033[2J Name\r\nORG:Acme\302\233Corp\r\nEMAIL:evil@example.org\r\nNOTE:one\033[31m\\ntwo\r\nEND:VCARD\r\n' \
    >"$TEST_DIR/evil.vcf"
r import "$TEST_DIR/evil.vcf"
is "$status" 0 "a card whose FN holds escape sequences is imported"
like "$err" 'evil\.vcf:1: repaired: 3 control characters removed from the name' \
     "the repair is reported with file, line and field"
like "$err" 'evil\.vcf:1: repaired: 1 control character removed from the organisation' \
     "each field on its own"
like "$err" 'evil\.vcf:1: repaired: 1 control character removed from the note' "notes too"
unlike "$out$err" "$esc" "nothing raw reached the terminal"
is "$(sql "$db" "SELECT c.name || '|' || o.name FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name LIKE 'Evil%'")" \
   "Evil ]0;PWNED[2J Name|AcmeCorp" "stored without the control characters"
is "$(sql "$db" "SELECT body FROM note n JOIN contact c ON c.id = n.contact_id WHERE c.name LIKE 'Evil%'")" \
   "one[31m
two" "the note keeps its line break"
printf 'Name,Title,Emails\n"Tab\tby",Head\tof\007,tab@example.org\n' >"$TEST_DIR/tab.csv"
r import "$TEST_DIR/tab.csv" --map "name=Name,title=Title,email=Emails"
like "$err" 'tab\.csv:2: repaired: 2 control characters removed from the title' "a CSV cell"
is "$(sql "$db" "SELECT name || '|' || title FROM contact WHERE name LIKE 'Tab%'")" "Tab by|Head of" \
   "a tab on one line becomes a space"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:t1\r\nSUMMARY:Ada Lovelace: ring \033[2Jback\r\nDUE;VALUE=DATE:20300101\r\nEND:VTODO\r\nEND:VCALENDAR\r\n' \
    >"$TEST_DIR/evil.ics"
r import "$TEST_DIR/evil.ics"
like "$err" 'evil\.ics:[0-9]+: repaired: 1 control character removed from the follow-up' "a calendar item"
is "$(sql "$db" "SELECT text FROM followup")" "ring [2Jback" "stored repaired"

done_testing
