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
ada=$(printed_id)
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
is "$(sql "$db" "SELECT coalesce(title, '') || '|' || name FROM contact WHERE id = ${ada#\#}")" "|Ada Lovelace" \
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

# ---- output on a terminal -------------------------------------------------
# A database from before control characters were refused may hold them.
old="$TEST_DIR/old.db"
o() { run --db "$old" "$@"; }
o add "EvilRed" --org "Acme" --email evil@example.org
evil=$(printed_id)
o note evilred "A note"
o follow evilred 2030-01-01 "Ring back"
nasty="'Evil' || char(27) || ']0;PWNED' || char(7) || char(27) || '[2J' || char(155) || char(8238) || ' Name'"
sql_legacy "$old" "UPDATE contact SET name = $nasty; UPDATE organisation SET name = 'Ac' || char(27) || '[5mme';
    UPDATE note SET body = 'A ' || char(27) || '[31mnote'; UPDATE followup SET text = 'Ring ' || char(27) || '[2Jback'"
is "$(sql "$old" "SELECT instr(name, char(27)) > 0 FROM contact")" 1 "an older database holding escapes"

# on_tty ARGS...: rapport on a terminal (util-linux script gives it one)
# -> $out, both streams as the terminal showed them
on_tty() {
    cmd="'$RAPPORT' --db '$old'"
    for arg in "$@"; do cmd="$cmd '$arg'"; done
    out=$(script -qec "$cmd" /dev/null </dev/null 2>&1)
    status=$?
}
if command -v script >/dev/null 2>&1; then
    for form in table csv json; do
        on_tty list --format "$form"
        is "$status" 0 "list --format $form on a terminal"
        unlike "$out" "$esc|$bel|$csi|$rlo" "prints no raw ESC, BEL, C1 or bidi override"
    done
    like "$out" '"name": "Evil\\u001[bB]\]0;PWNED\\u0007\\u001[bB]\[2J<U\+009B><U\+202E> Name"' \
         "JSON escapes ESC itself, and the C1 and the override are shown as placeholders"
    on_tty list --format csv
    like "$out" '^'"${evil#\#}"',Evil\^\[\]0;PWNED\^G\^\[\[2J<U\+009B><U\+202E> Name,Ac\^\[\[5mme,' \
         "CSV on a terminal shows the placeholders"
    on_tty show "$evil"
    unlike "$out" "$esc|$bel|$csi|$rlo" "show prints nothing raw"
    like "$out" 'Evil\^\[\]0;PWNED' "and shows the placeholders"
    for form in csv vcard json ics; do
        on_tty export --format "$form"
        is "$status" 0 "export --format $form to a terminal"
        unlike "$out" "$esc|$bel|$csi|$rlo" "prints no raw ESC, BEL, C1 or bidi override"
    done
    like "$out" 'SUMMARY:Evil\^\[\]0' "the calendar's summaries are sanitised"
    on_tty export --format vcard
    like "$out" 'FN:Evil\^\[\]0' "the vCard's names are sanitised"
    like "$out" "$(printf 'END:VCARD\r')" "and its lines still end in CR LF"
    on_tty export --format csv
    like "$out" 'Ring \^\[\[2Jback|A \^\[\[31mnote' "CSV's notes are sanitised"
else
    ok 0 "# SKIP script (util-linux) is not installed"
fi
# To a file or a pipe the data goes out exactly: it is the user's.
o list --format csv
like "$out" "Evil$esc\\]0;PWNED$bel" "list --format csv to a pipe keeps the data exactly"
o export --format vcard
like "$out" "FN:Evil$esc" "export to a pipe keeps the data exactly"
o export --format csv --output "$TEST_DIR/old.csv"
is "$(grep -c "$esc" "$TEST_DIR/old.csv")" 1 "and so does export to a file"
# Such a contact takes a change once the field is given anew.
o edit "$evil" --title "Director"
is "$status" 1 "an edit of a contact whose stored name holds ESC is refused"
like "$err" 'name: holds the control character \^\[' "naming the field to fix"
o edit "$evil" --title "Director" --name "Evil Name" --org "Acme"
is "$status" 0 "and goes through with the name and organisation given anew"

# ---- messages from the database -------------------------------------------
# Anyone who can write a team database can add a trigger; its RAISE
# message is SQLite's error, which rapport shows.
sql "$db" "CREATE TRIGGER loud BEFORE INSERT ON note BEGIN
    SELECT RAISE(ABORT, 'no $esc]0;PWNED$bel$esc[2J notes'); END;"
r note ada "Hello"
is "$status" 1 "a note that a trigger aborts fails"
unlike "$err" "$esc|$bel" "the trigger's message reaches the terminal without its escapes"
like "$err" '^rapport: .*no \^\[\]0;PWNED\^G\^\[\[2J notes' "it is shown with placeholders"
sql "$db" "DROP TRIGGER loud"

# A trigger added with the sqlite3 shell runs in the process of whoever
# writes next: one that calls what is neither built in nor innocuous
# (here FTS5's fts5_source_id()) or reads the connection itself
# (pragma_database_list) is refused, and nothing is written.
sql "$db" "CREATE TABLE spy (x); CREATE TRIGGER peek AFTER INSERT ON note BEGIN
    INSERT INTO spy VALUES (fts5_source_id() || NEW.body); END;"
r note ada "Secret"
is "$status" 1 "a trigger calling a non-innocuous function is not run"
like "$err" '^rapport: the trigger or view "peek" in .* uses fts5_source_id, which rapport does not let a database run; nothing was changed' \
     "the message names the trigger and what it used"
is "$(sql "$db" "SELECT (SELECT count(*) FROM spy) || '/' || (SELECT count(*) FROM note WHERE body = 'Secret')")" 0/0 \
   "it wrote nothing, and neither did the note"
sql "$db" "DROP TRIGGER peek; CREATE TRIGGER peek AFTER INSERT ON note BEGIN
    INSERT INTO spy SELECT file FROM pragma_database_list; END;"
r note ada "Secret"
like "$err" 'uses pragma_database_list' "nor one reading the connection's own state"
is "$(sql "$db" "SELECT count(*) FROM spy")" 0 "which learnt nothing"
# A colleague's trigger that keeps to plain SQL still runs.
sql "$db" "DROP TRIGGER peek; CREATE TRIGGER audit AFTER INSERT ON note BEGIN
    INSERT INTO spy VALUES (upper(json_object('note', NEW.id))); END;"
r note ada "Audited"
is "$status" 0 "a trigger of built-in functions runs"
is "$(sql "$db" "SELECT count(*) FROM spy")" 1 "and wrote its row"
# Defensive mode: not even a trigger may write the search index's own
# tables (it would corrupt the index for everyone).
sql "$db" "DROP TRIGGER audit; CREATE TRIGGER wreck AFTER INSERT ON note BEGIN
    DELETE FROM note_fts_data; END;"
r note ada "Wrecked"
is "$status" 1 "a trigger writing the index's shadow tables fails"
like "$err" 'note_fts_data may not be modified' "saying so"
sql "$db" "DROP TRIGGER wreck"
r check
is "$status" 0 "the database is still sound"
r search audited
like "$out" 'Ada Lovelace' "rapport's own triggers still keep the search index"

# ---- the command line, repeated -------------------------------------------
bad=$(printf 'bad\033]0;x\007')
run "$bad"
is "$status" 2 "an unknown command holding ESC is a usage error"
like "$err" "^rapport: unknown command 'bad\\^\\[\\]0;x\\^G'" "named with placeholders"
unlike "$err" "$esc|$bel" "never raw"
r "$bad"
unlike "$err" "$esc|$bel" "after global options too"
run "--$bad" list
is "$status" 2 "an unknown global option holding ESC"
like "$err" "unknown option '--bad\\^\\[\\]0;x\\^G'" "is named with placeholders"
r add Someone "--$bad"
is "$status" 2 "a command's unknown option holding ESC"
like "$err" "^rapport add: unknown option '--bad\\^\\[\\]0;x\\^G'" "is named with placeholders, not by getopt"
unlike "$err" "$esc|$bel" "never raw"
r add Someone "-$esc"
unlike "$err" "$esc" "an unknown short option"
like "$err" "unknown option '-\\^\\['" "is named with a placeholder"
r edit ada --d "$bad"
is "$status" 2 "an ambiguous option"
like "$err" "option '--d' is ambiguous: --department, --drop-email, --drop-phone" "lists the candidates"
r forget ada --yes=1
like "$err" "option '--yes' takes no value" "a flag given a value"
r add Someone --email
like "$err" "^rapport add: --email needs a value" "an option without its value"
r list --sort "$bad"
like "$err" 'sort: "bad\^\[\]0;x\^G" is not valid' "a bad value holding ESC"
unlike "$err" "$esc|$bel" "never raw"
r show "$bad"
is "$status" 1 "no contact matches a name holding ESC"
like "$err" 'no contact matches "bad\^\[\]0;x\^G"' "which is named with placeholders"
r export "--$bad"
unlike "$err" "$esc|$bel" "export's own options too"
r import "$TEST_DIR/x.vcf" "$bad"
unlike "$err" "$esc|$bel" "and import's arguments"

done_testing
