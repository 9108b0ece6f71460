#!/bin/bash
# A day's work as a new user (issue 20), the gaps it found: Tab
# completes an organisation's name accents aside, S scores on the
# Review, z is refused at once on a read-only database, the help pages
# with the lists' keys and says where it is, and `rapport show` lists the
# follow-ups done as the contact page's timeline does.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/t.db"
r() { run --db "$db" "$@"; }
r add "Pia Partner" --org "Östergård Bibliotek"
r add "Eve Enduser"
for n in 1 2 3; do r note eve "Visit $n"; done
is "$(sql "$db" "SELECT count(*) FROM note")" 3 "three notes: Eve is ready to move up"

# Read-only: z on a suggestion is refused at once, nothing dismissed.
tui_start -- --db "$db" --read-only
wait_for "Ready to move up (1)" 10 "the suggestion on a read-only database"
tui_keys z
wait_for "Read-only: “Dismiss the suggestion to move up” would change the database." 2 \
    "z is refused at once, with the reason"
like "$(tui_screen)" "Ready to move up \(1\)" "the suggestion is still there"
tui_quit
is "$(sql "$db" "SELECT count(*) FROM suggestion_dismissed")" 0 "nothing dismissed"

tui_start -- --db "$db"
wait_for "Ready to move up (1)" 10 "the Review"
# S scores the contact of the row, as on the contact page.
tui_keys S
wait_for "Satisfaction score (0-10):" 2 "S on the Review asks for a score"
tui_type "11"
tui_keys Enter
wait_for "\"11\" is no score" 2 "a score out of range is refused"
wait_for "Satisfaction score (0-10): 11" 2 "and the prompt keeps it"
tui_keys BSpace BSpace
tui_type "9"
tui_keys Enter
wait_for "Comment (optional):" 2 "then a comment"
tui_type "Liked the training"
tui_keys Enter
wait_for "Score 9/10 recorded" 2 "the score is recorded"
is "$(sql "$db" "SELECT c.name || ' ' || s.value || ' ' || s.comment FROM score s JOIN contact c ON c.id = s.contact_id")" \
   "Eve Enduser 9 Liked the training" "and stored for the row's contact"

# The help: where it is, and the lists' keys page it.
tui_keys '?'
wait_for "Keys of the Review screen (1-22 of" 2 "the help's title says which rows show"
total=$(tui_screen | sed -n '1s/.* of \([0-9]*\)).*/\1/p')
ok "$([ "${total:-0}" -gt 22 ]; echo $?)" "the help is longer than a page ($total rows)"
tui_keys Space
wait_for "(23-" 2 "Space pages down"
like "$(tui_screen)" "S +Record a satisfaction score" "the Review's help lists the score key"
tui_keys G
wait_for "($((total - 21))-$total of $total)" 2 "G goes to its end"
wait_for "In forms, notes and questions:" 2 "where the forms' keys are"
tui_keys g
wait_for "(1-22 of $total)" 2 "g back to the top"
tui_keys C-b
wait_for "(1-22 of $total)" 2 "a page up at the top stays there"
tui_keys q
wait_gone "Keys of the Review screen" 2 "another key closes the help"
like "$(tui_screen)" "Ready to move up \(1\)" "and q did not quit"

# Tab completes "ost" to Östergård: accents aside, as the filter is.
tui_keys a
wait_for "New contact" 3 "the form"
tui_type "Ola Nordmann"
tui_keys Tab
tui_type "ost"
tui_keys Tab
wait_match '^Organisation +Östergård Bibliotek *$' 2 "Tab completes ost to Östergård Bibliotek"
tui_keys C-s
wait_for "Added Ola Nordmann" 3 "saved"
is "$(sql "$db" "SELECT o.name FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name = 'Ola Nordmann'")" \
   "Östergård Bibliotek" "in the organisation there was"
is "$(sql "$db" "SELECT count(*) FROM organisation")" 1 "no new organisation"
tui_quit

# At 40x12 the help's keys have a narrower column and what they do
# wraps below itself: nothing is cut.
tui_start -s 40x12 -- --db "$db"
wait_for "1 Review" 10 "40x12"
tui_keys '?'
wait_for "Keys of the Review screen (1-10 of" 2 "the help at 40x12 says where it is"
wait_match '^  j <Down>   Move down *$' 2 "a narrower column of keys"
wait_match '^ j/k scroll, others close *$' 2 "and a footer that fits"
wait_match '^  h <Left>   Previous column or section *$' 2 "so what they do fits beside them"
scroll_until j "E          Write a note in"
tui_keys j
wait_match '^             \$VISUAL/\$EDITOR *$' 2 "a longer one wraps below itself"
unlike "$(tui_screen | sed -n '2,12p')" "…" "no row of the help is cut, nor its footer"
tui_keys Escape
wait_gone "Keys of the Review screen" 2 "Esc closes it"
tui_quit

# A follow-up done: in the contact page's timeline and in show alike.
r follow eve today "Send the slides"
r done eve
tui_start -- --db "$db"
wait_for "1 Review" 10 "starts again"
tui_keys 3
wait_for "Eve Enduser" 3 "Contacts"
tui_keys '/'
tui_type "eve"
tui_keys Enter
wait_for "Eve Enduser" 2 "found"
tui_keys Enter
wait_for "✓ done  f1" 3 "the contact page's timeline has the follow-up done"
tui_quit
r show eve
like "$out" "Follow-ups done \(1\)" "show has a section of follow-ups done"
like "$out" "  f1 +[0-9-]+ [0-9:]+  Send the slides \(due [0-9-]+\)" "with the follow-up, when and its due day"
r add "Nobody Done"
r show nobody
unlike "$out" "Follow-ups done" "none done: no such section"

done_testing
