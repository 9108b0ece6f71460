#!/bin/bash
# The Review's pipeline sections: Budget season (a decision-maker, not
# the users, 30 days before the budget date; a note takes them off) and
# Ready to move up (> promotes with the reason stored, z dismisses for
# good, u undoes), at 80x24 and 40x12.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

# Dates are counted from today: a clock short of midnight, which the
# test cannot reach.
clock_fix '2026-12-02 23:50:00'
db="$TEST_DIR/p.db"
r() { run --db "$db" "$@"; }
ago=$(( $(clock_date +%s) - 100 * 86400 ))
r add "Dora Decider" --org "Law Faculty" --role decision-maker
r add "Uma User" --org "Law Faculty" --role user
r add "Ulf User" --org "Law Faculty" --role user
# Added 100 days ago: nobody was in touch since the season opened.
sql "$db" "UPDATE contact SET created = $ago, last_touch = $ago, stage_since = $ago; \
    UPDATE stage_change SET at = $ago"
r orgs law --budget "$(clock_date -d '+30 days' +%m-%d)"
r add "Eve Enduser"
r add "Fay Enduser"
for who in eve fay; do
    for n in 1 2 3; do r note "$who" "Visit $n"; done
done
is "$(sql "$db" "SELECT count(*) FROM note")" 6 "six notes stored"

tui_start -- --db "$db"
wait_for "Budget season (1)" 10 "a budget 30 days ahead: Budget season on the Review"
wait_for "Dora Decider — Law Faculty" 2 "with the decision-maker and the organisation"
wait_for "in 30 days" 2 "and how near the date is"
like "$(tui_screen)" 'Ready to move up \(2\)' "Ready to move up counts two"
unlike "$(tui_screen)" 'Uma User|Ulf User' "the users are not in Budget season"
wait_for "→ Customer: 3 interactions in 90 days" 2 "each suggestion says why"

# A note to the decision-maker takes them off.
tui_keys n
wait_for "Note about Dora Decider" 2 "n on the budget row writes to the decision-maker"
tui_type "Talked about next year's licences"
tui_keys C-s
wait_for "No budget season now." 3 "the note takes them off Budget season"

# > on a suggestion promotes with the reason prefilled; it is stored.
first=$(tui_screen | grep -o '[EF][a-z]* Enduser' | head -1)
tui_keys '>'
wait_for "Promote; reason (optional): 3 interactions in 90 days" 2 \
    "> asks with the reason filled in"
tui_keys Enter
wait_for "Now: Customer." 2 "promoted"
is "$(sql "$db" "SELECT c.name || ': ' || s.reason FROM stage_change s JOIN contact c ON c.id = s.contact_id WHERE s.to_stage = 1")" \
   "$first: 3 interactions in 90 days" "the reason is stored with the promotion"
wait_for "Ready to move up (1)" 2 "one suggestion is left"
other=$(tui_screen | grep -o '[EF][a-z]* Enduser' | head -1)

# z dismisses; u undoes; dismissed again, it stays away after a restart.
tui_keys z
wait_for "Not suggested as Customer again" 2 "z dismisses the suggestion"
wait_gone "$other" 2 "it leaves the Review"
is "$(sql "$db" "SELECT count(*) FROM suggestion_dismissed")" 1 "the dismissal is stored"
tui_keys u
wait_for "Ready to move up (1)" 2 "u brings the suggestion back"
wait_for "$other" 2 "with its row"
tui_keys z
wait_gone "$other" 2 "dismissed again"
tui_quit

tui_start -- --db "$db"
wait_for "Nothing needs you today" 10 "after a restart, the dismissed one is not suggested"
unlike "$(tui_screen)" "$other" "not anywhere on the Review"
tui_keys '?'
wait_for "Dismiss the suggestion to move up" 2 "the help lists the dismiss key"
tui_quit

# 40x12: both sections still show their titles and rows.
r add "Gus Enduser"
for n in 1 2 3; do r note gus "Visit $n"; done
sql "$db" "UPDATE contact SET last_touch = $ago WHERE name = 'Dora Decider'"
tui_start -s 40x12 -- --db "$db"
wait_for "Budget season (1)" 10 "40x12: Budget season"
wait_for "Ready to move up (1)" 2 "40x12: Ready to move up"
wait_for "Gus Enduser" 2 "40x12: the suggestion's row"
wait_for "Dora Decider" 2 "40x12: the budget row"
tui_quit

done_testing
