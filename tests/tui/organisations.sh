#!/bin/bash
# The Organisations screen and the organisation page on the fixture of
# tests/data/orgs-fixture.sh, at 80x24 and 40x12: each group's NPS with
# how many answered, decision-makers and users side by side, a contact
# added from the page is linked to it, and renaming an organisation to
# another's name merges them, keeping every contact, until u undoes it.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"
. "$top_srcdir/tests/data/orgs-fixture.sh"
command -v faketime >/dev/null 2>&1 || skip_all "faketime is not installed"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS

db="$TEST_DIR/orgs.db"
fixture_orgs
now='@2026-12-02 12:00:00'

tui_start -t "$now" -- --db "$db"
wait_for "1 Review" 10 "the TUI starts"
tui_keys 4
wait_for "Organisations, by name" 5 "4 opens the Organisations screen"
screen=$(tui_screen)
like "$screen" 'Acme +3/1/1 +2/3 +-100 \(1\) +\+0 \(2\)' \
    "Acme: stages, 2 decision-makers and 3 users, NPS -100 of 1 and a tie of 2"
like "$screen" 'Beta +0/2/0 +0/2 +– \(0\) +-100 \(2\)' \
    "Beta: nobody decides, its users all detractors"
like "$screen" 'Gamma .* – \(0\) +– \(0\)' "Gamma: nobody answered"
tui_keys o
wait_for "Organisations, by contacts" 2 "o sorts by contacts"
first=$(tui_screen | sed -n 4p)
like "$first" 'Acme' "the one with most contacts first"
tui_keys o o
wait_for "Organisations, by NPS" 2 "and then by NPS"
first=$(tui_screen | sed -n 4p)
like "$first" 'Acme' "the best NPS (-60 beats -100) first"
tui_keys o
wait_for "Organisations, by name" 2 "back to by name"
tui_keys /
tui_type "amm"
wait_gone "Acme" 2 "filtering as you type hides the others"
wait_for "Gamma" 2 "and keeps the match"
tui_keys Escape
wait_for "Acme" 2 "Esc clears the filter"

tui_keys Enter
wait_for "Decision-makers (2) · NPS -100 of 1" 3 "Enter opens Acme's page with its decision-makers' NPS"
wait_for "Users (3) · NPS +0 of 2" 2 "and its users' NPS"
like "$(tui_screen)" 'Dan Decider, Dean .*│Ulla User' \
    "decision-makers and users side by side"
like "$(tui_screen)" 'Una User, Research.* 3$' "each row with the latest score"
like "$(tui_screen)" 'Upcoming follow-ups' "and the follow-ups"

tui_keys a
wait_for "New contact" 2 "a opens the contact form"
tui_type "Nora New"
tui_keys C-s
wait_for "Added Nora New" 3 "the contact is added"
is "$(sql "$db" "SELECT o.name, c.roles FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name = 'Nora New'")" \
    "Acme|2" "linked to the organisation, as a decision-maker from that column"
tui_keys q
wait_for "Decision-makers (3)" 3 "the page counts the new decision-maker"
tui_keys g n
wait_for "Note" 3 "n writes a note on the selected contact"
tui_type "Talked about the budget round"
tui_keys C-s
wait_for "Users (3)" 3 "back on the page"
is "$(sql "$db" "SELECT count(*) FROM note n JOIN contact c ON c.id = n.contact_id WHERE c.name = 'Dan Decider' AND n.body = 'Talked about the budget round'")" \
    1 "the note is stored on the selected decision-maker"

# Renaming Gamma to Beta merges the two.
tui_keys q
wait_for "Organisations, by name" 2
tui_keys j j Enter
wait_for "Gus Nobody" 3 "Gamma's page"
tui_keys e
wait_for "Organisation" 2 "e edits the organisation"
tui_keys C-a C-k
tui_type "beta"
tui_keys C-s
wait_for "exists already" 3 "a name taken offers a merge"
tui_keys y
wait_for "Merged" 3 "merged"
is "$(sql "$db" "SELECT count(*) FROM organisation WHERE name = 'Gamma'")" 0 "Gamma is gone"
is "$(sql "$db" "SELECT group_concat(c.name, ',') FROM (SELECT c.name FROM contact c JOIN organisation o ON o.id = c.org_id WHERE o.name = 'Beta' ORDER BY c.name) c")" \
    "Emil Enduser,Eve Enduser,Gus Nobody" "its contact moved to Beta"
is "$(sql "$db" "SELECT count(*) FROM contact")" 9 "no contact lost"
wait_for "Users (3)" 3 "the page shows Beta with the three users"
tui_keys u
wait_for "Undone: merged" 3 "u undoes the merge"
is "$(sql "$db" "SELECT o.name FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name = 'Gus Nobody'")" \
    "Gamma" "Gus is back in Gamma"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE org_id = (SELECT id FROM organisation WHERE name = 'Beta')")" \
    2 "and Beta has its own two again"
tui_quit

# 40x12: the name and both NPS still show, and the page's two columns.
tui_start -s 40x12 -t "$now" -- --db "$db"
tui_keys 4
wait_for "Organisations" 5 "the screen at 40x12"
like "$(tui_screen)" 'Acme .*-100 \(1\) +\+0 \(2\)' "both NPS at 40 columns"
tui_keys Enter
wait_for "Decision-makers (3)" 3 "the page at 40x12"
like "$(tui_screen)" 'Dan Decider .*│.*Ulla User' "two columns at 40 columns"
tui_quit
done_testing
