#!/bin/sh
# `rapport query TEXT`: address completion in mutt's query format — a
# first line of free text, then address<TAB>name<TAB>organisation ·
# stage for every address of every matching contact; exit 1 and nothing
# printed when none matches.
. "${top_srcdir:-.}/tests/lib/tap.sh"

db="$TEST_DIR/q.db"
r() { run --db "$db" "$@"; }
tab=$(printf '\t')

r add "Zoë Ødegård" --email zoe.odegard@uni.example --email Zoe@Home.example \
    --org "University Library" --stage client
r add "Omar Haddad" --email omar@law.example
r add "Zoran Mailless" --org "University Library"
r add "Zora Archived" --email zora@uni.example
r archive "Zora Archived"
r add "Ingrid Berg" --email ingrid@museum.example --org "Maritime Museum" --stage customer
is "$status" 0 "five contacts"

r query zoe
is "$status" 0 "a name's beginning matches"
is "$(printf '%s\n' "$out" | sed -n 2,3p)" \
"zoe.odegard@uni.example${tab}Zoë Ødegård${tab}University Library · Client
Zoe@Home.example${tab}Zoë Ødegård${tab}University Library · Client" \
    "every address of the contact, with its name, organisation and stage"
is "$(printf '%s\n' "$out" | wc -l)" 3 "a first line of free text, then one line per address"
like "$(printf '%s\n' "$out" | head -1)" '1 contact' "the first line says how many contacts"
unlike "$out" 'Mailless' "a contact without an address is not listed"
unlike "$out" 'zora@' "nor an archived one"

r query odegard
like "$out" "^zoe.odegard@uni.example${tab}" "accents aside, the family name matches"
r query "ZOE ØDEG"
like "$out" "^zoe.odegard@uni.example${tab}" "two words, case aside: both must begin a word"
r query zoe haddad
is "$status" 1 "words of two contacts match neither"

r query omar@law
is "$out" "rapport: 1 contact matches
omar@law.example${tab}Omar Haddad${tab}End user" "the beginning of an address; no organisation: the stage alone"
r query OMAR@LAW.EXAMPLE
like "$out" "^omar@law.example${tab}" "a whole address, case aside"
r query home.example
like "$out" "^Zoe@Home.example${tab}" "a domain's words match too"
r query museum
like "$out" "^ingrid@museum.example${tab}Ingrid Berg${tab}Maritime Museum · Customer$" \
    "an organisation's words match"

r query nobody
is "$status" 1 "nothing matches: exit 1"
is "$out" "" "and no line at all"
r query '***'
is "$status" 1 "no word at all: exit 1"
is "$out" "" "and no line"

# A tab or an escape stored by an older rapport cannot break the format
# nor reach the terminal.
sql_legacy "$db" "UPDATE contact SET name = 'Omar' || char(9) || 'Had' || char(27) || 'dad' WHERE name = 'Omar Haddad'"
r query omar
is "$(printf '%s\n' "$out" | sed -n 2p | awk -F '\t' '{ print NF }')" 3 \
    "a tab in a name does not add a field"
unlike "$out" "$(printf '\033')" "no raw escape"

# A common beginning: a window of contacts, and the first line says so.
i=0
while [ $i -lt 105 ]; do
    printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Common Name %03d\r\nEMAIL:common%03d@many.example\r\nEND:VCARD\r\n' $i $i
    i=$((i + 1))
done >"$TEST_DIR/many.vcf"
r import "$TEST_DIR/many.vcf"
is "$status" 0 "105 more contacts"
r query common
is "$status" 0 "a common word"
is "$(printf '%s\n' "$out" | wc -l)" 101 "a window of 100 contacts after the first line"
like "$(printf '%s\n' "$out" | head -1)" 'first 100' "the first line says there are more"
is "$(printf '%s\n' "$out" | sed 1d | cut -f2 | sort -c 2>&1 && echo sorted)" sorted \
    "the window is in the order of the names"

r query
is "$status" 2 "TEXT is needed"

done_testing
