#!/bin/sh
# Text from the database never reaches the terminal raw (SPEC §8), in
# search, orgs and report too: a name, an organisation and a note that an
# older rapport let hold an escape sequence and a bidi override are shown
# with placeholders (^[ and <U+202E>), and still shown.
. "${top_srcdir:-.}/tests/lib/tap.sh"

db="$TEST_DIR/s.db"
r() { run --db "$db" "$@"; }
esc=$(printf '\033')
r add "EvilName" --org "EvilOrg" --stage client
r note evil "Zebrafish EvilNote"
is "$status" 0 "a contact, an organisation and a note"
sql_legacy "$db" "UPDATE contact SET name = 'Evil' || char(27) || '[31mName' || char(8238);
                  UPDATE organisation SET name = 'Evil' || char(27) || ']0;title' || char(7) || 'Org';
                  UPDATE note SET body = 'Zebrafish Evil' || char(27) || '[2JNote'"
like "$(sql "$db" "SELECT hex(name) FROM contact")" '1B5B33316D' "the name holds a raw escape"

r search zebrafish
is "$status" 0 "search"
like "$out" 'Evil\^\[\[31mName<U\+202E>' "search shows the name with placeholders"
like "$out" 'Evil\^\[\[2JNote' "and the note's text too"
unlike "$out" "$esc" "search prints no raw escape"

r orgs
is "$status" 0 "orgs"
like "$out" 'Evil\^\[\]0;title\^GOrg' "orgs shows the organisation with placeholders"
unlike "$out" "$esc" "orgs prints no raw escape"
unlike "$out" "$(printf '\007')" "nor a raw bell"

# The report holds figures, not stored text: it is checked for what
# might leak all the same, and for its own funnel.
r report
is "$status" 0 "report"
like "$out" 'Client' "report shows the funnel"
unlike "$out" "$esc" "report prints no raw escape"
unlike "$out" "$(printf '\342\200\256')" "nor a raw bidi override"

done_testing
