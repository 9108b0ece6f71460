#!/bin/bash
# Searching as you type on the Contacts screen: names, organisations,
# tags, and note text through the full-text index; Esc clears; sorting.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

# The last contact's date is today's: a clock short of midnight.
clock_fix '2026-12-02 23:50:00'
db="$TEST_DIR/s.db"
# Three stages, so that the order by stage differs from the order by name.
run --db "$db" add "Marie Curie" --org "Radium Institute" --tag physics
run --db "$db" add "Rosalind Franklin" --org "King's College" --tag crystallography \
    --stage client
run --db "$db" add "Lise Meitner" --org "Kaiser Wilhelm Institute" --stage customer
run --db "$db" note "Lise" "Asked for the fission papers of 1938"
is "$status" 0 "seeded"

before=$(sql "$db" "SELECT group_concat(id || ':' || version) FROM contact; SELECT count(*) FROM journal")
tui_start -- --db "$db"
wait_for "Review |" 10 "starts"
tui_keys 3
wait_for "Contacts (3)" 2 "three contacts"
tui_keys /
wait_for "Filter:" 2 "/ starts filtering"
tui_type "ros"
wait_for "Contacts (1)" 2 "typing filters at once"
screen=$(tui_screen)
like "$screen" "Rosalind Franklin" "the match is listed"
unlike "$screen" "Marie Curie" "the others are not"
tui_keys BSpace BSpace BSpace
tui_type "institute"
wait_for "Contacts (2)" 2 "organisations match"
tui_keys C-u
tui_type "fission"
wait_for "Contacts (1)" 2 "note text matches through the full-text index"
wait_for "Lise Meitner" 2 "the contact with that note"
tui_keys Enter
wait_for "Asked for the fission papers of 1938" 2 "Enter opens it"
tui_keys q
wait_for "Contacts (1)" 2 "back to the filtered list"
tui_keys Escape
wait_for "Contacts (3)" 2 "Esc clears the filter"
tui_keys /
tui_type "physics"
wait_for "Contacts (1)" 2 "tags match"
tui_keys Escape
wait_for "Contacts (3)" 2 "cleared again"
# The count is drawn as soon as no key is waiting, not at the next idle
# tick (a quarter of a second later): it follows the list at once.
tui_keys /
tui_type "crystal"
wait_gone "Marie Curie" 2 "the list answers the typing"
wait_for "Contacts (1)" 0.1 "and its count follows at once, without waiting for a tick"
tui_keys Escape
wait_for "Contacts (3)" 2 "cleared once more"
order() { tui_screen | grep -oE 'Marie Curie|Rosalind Franklin|Lise Meitner' | tr '\n' ,; }
is "$(order)" "Lise Meitner,Marie Curie,Rosalind Franklin," "listed by name first"
tui_keys o
wait_for "by stage" 2 "o changes the sort order"
is "$(order)" "Rosalind Franklin,Lise Meitner,Marie Curie," \
   "and the rows follow it: clients, customers, end users"
tui_quit
is "$(sql "$db" "SELECT group_concat(id || ':' || version) FROM contact; SELECT count(*) FROM journal")" \
    "$before" "searching, opening and sorting change nothing stored"

# The filter reaches phone numbers and open follow-ups too, and says
# why a row matched when its name does not: the field, or the part of
# the note.
run --db "$db" edit "Marie" --phone "+33 1 44 27 12 34"
run --db "$db" follow "Rosalind" tomorrow "return the photograph 51"
is "$status" 0 "a phone and a follow-up added"
tui_start -- --db "$db"
wait_for "Review |" 10 "starts again"
tui_keys 3 /
tui_type "4427"
wait_for "phone: +33 1 44 27" 2 "a phone's digits find Marie Curie, and the row says it was her phone"
like "$(tui_screen)" "Marie Curie" "the row is hers"
tui_keys C-u
tui_type "photograph"
wait_for "follow-up: …photogra…" 2 "an open follow-up's text finds Rosalind Franklin, shown from the word that matched"
tui_keys C-u
tui_type "fission"
wait_match "note: .*fission" 2 "a note's match shows that part of the note"
tui_keys C-u
tui_type "lise"
wait_for "Kaiser Wilhelm" 2 "a match by name shows the organisation as ever"
tui_keys Escape
wait_for "Contacts (3)" 2 "Esc clears the filter"
tui_quit

# A search that more than a thousand contacts match says so in the
# header, without counting them all.
many="$TEST_DIR/many.db"
{
    printf 'Name,Organization,Department,Title,Stage,Roles,Emails,Phones,Tags,'
    printf 'Projects,Goals,Channel,Cadence,Archived,UID,Notes\n'
    for i in $(seq 1 1200); do
        printf 'Reader %04d,,,,end-user,user,,,stacks,,,,,,,\n' "$i"
    done
} >"$TEST_DIR/many.csv"
run --db "$many" import "$TEST_DIR/many.csv"
is "$status" 0 "1200 readers imported"
tui_start -- --db "$many"
wait_for "Review |" 10 "starts on 1200 contacts"
tui_keys 3
wait_for "Contacts (1200)" 2 "the whole list is counted exactly"
tui_keys /
tui_type "stack"
wait_for "Contacts (1000+)" 2 "a search matching more than 1000 shows 1000+"
like "$(tui_screen)" "Reader 0001" "and lists the first of them"
tui_type " 0042"
wait_for "Contacts (1)" 2 "narrowed, it counts exactly again"
like "$(tui_screen)" "Reader 0042" "and lists the one"
tui_keys Escape
wait_for "Contacts (1200)" 2 "Esc gives the whole list back"
tui_quit

# Dates follow [general] date_format.
mkdir -p "$XDG_CONFIG_HOME/rapport"
printf '[general]\ndate_format = %%d %%B %%Y\n' >"$XDG_CONFIG_HOME/rapport/config.ini"
tui_start -- --db "$db"
wait_for "Review |" 10 "starts with a date format"
tui_keys 3
wait_for "$(clock_date '+%d %B %Y')" 2 "the last contact is shown in that format"
tui_quit

done_testing
