#!/bin/sh
# The pipeline's own signals: budget season (orgs --budget, agenda),
# ready to move up (suggest, --dismiss, agenda), and the organisation
# edits (--notes, --rename, --merge).
. "${top_srcdir:-.}/tests/lib/tap.sh"

db="$TEST_DIR/p.db"
r() { run --db "$db" "$@"; }
# Dates are counted from today; the clock stands still a second before
# midnight, so the dates expected and rapport's agree.
clock_fix '2026-12-02 23:59:59'
day() { clock_date -d "$1" +%m-%d; }
ago() { echo $(( $(clock_date +%s) - $1 * 86400 )); }
# Moves contact $1's whole history $2 days back: its creation, stage
# changes and notes, and so its last interaction (check compares).
backdate() {
    sql "$db" "UPDATE contact SET created = $(ago "$2"), stage_since = $(ago "$2"), \
        last_touch = $(ago "$2") WHERE id = $1; \
        UPDATE stage_change SET at = $(ago "$2") WHERE contact_id = $1; \
        UPDATE note SET at = $(ago "$2") WHERE contact_id = $1;"
}

r add "Dora Decider" --org "Law Faculty" --role decision-maker
dora=$(printed_id)
r add "Uma User" --org "Law Faculty" --role user
uma=$(printed_id)
r add "Una Otheruser" --org "Law Faculty" --role user
una=$(printed_id)
like "$dora $uma $una" '^#[0-9]+ #[0-9]+ #[0-9]+$' "three contacts ($dora $uma $una)"
backdate "${dora#\#}" 100; backdate "${uma#\#}" 100; backdate "${una#\#}" 100

# Budget season.
r orgs law --budget 13-40
is "$status" 2 "a budget date that is no date is refused"
like "$err" 'MM-DD' "saying what a budget date is"
r orgs law --budget "$(day '+30 days')"
is "$status" 0 "orgs ORG --budget MM-DD"
is "$(sql "$db" "SELECT budget_date FROM organisation")" "$(day '+30 days')" \
   "the budget date is stored"
r orgs law
like "$out" "budget date $(day '+30 days')" "orgs ORG shows it"
r agenda
like "$out" '^Budget season$' "a budget 30 days ahead: the agenda has Budget season"
like "$out" "$dora Dora Decider — Law Faculty — budget .*, in 30 days" "with the decision-maker and the organisation whose budget it is"
unlike "$out" 'Uma User' "not the users"
unlike "$out" 'Una Otheruser' "none of them"
r note dora "Talked about next year's licences"
r agenda
unlike "$out" 'Dora Decider' "a note to the decision-maker takes them off"
backdate "${dora#\#}" 100
r orgs law --budget "$(day '+61 days')"
r agenda
unlike "$out" 'Budget season' "61 days ahead is out of season (lead 60)"
printf '[pipeline]\nbudget_lead_days = 90\n' > "$TEST_DIR/lead.ini"
run --db "$db" --config "$TEST_DIR/lead.ini" agenda
like "$out" 'Dora Decider' "[pipeline] budget_lead_days widens the season"
printf '[pipeline]\nbudget_lead_days = soon\n' > "$TEST_DIR/bad.ini"
run --db "$db" --config "$TEST_DIR/bad.ini" agenda
like "$err" 'budget_lead_days' "a wrong budget_lead_days is reported"
# Budget season reads an organisation's decision-makers by their last
# interaction, not every contact it has (the shape of store/season.c's).
plan=$(sql "$db" "EXPLAIN QUERY PLAN SELECT count(*) FROM organisation o \
    JOIN contact c ON c.org_id = o.id WHERE o.budget_date IS NOT NULL \
    AND o.budget_date BETWEEN '01-01' AND '03-01' AND c.archived = 0 \
    AND (c.roles & 2) != 0 AND c.last_touch < 5")
like "$plan" 'contact_deciders_by_org \(org_id=\? AND last_touch<\?\)' \
    "Budget season's people are found by an index of decision-makers"
r orgs law --budget none
is "$(sql "$db" "SELECT coalesce(budget_date, 'none') FROM organisation")" "none" \
   "--budget none clears it"
r undo
is "$(sql "$db" "SELECT budget_date FROM organisation")" "$(day '+61 days')" \
   "undo gives the budget date back"

# Notes and rename.
r orgs law --notes "Signs off in the spring"
is "$(sql "$db" "SELECT notes FROM organisation")" "Signs off in the spring" \
   "orgs ORG --notes TEXT"
r orgs law --rename "Faculty of Law"
is "$status" 0 "orgs ORG --rename NAME"
is "$(sql "$db" "SELECT name FROM organisation")" "Faculty of Law" "renamed"
r add "Mo Medic" --org "Medicine" --role user
r orgs medicine --rename "faculty of law"
is "$status" 2 "renaming onto another organisation's name is refused"
like "$err" 'already an organisation "faculty of law"; add --merge' \
     "saying how to merge"
is "$(sql "$db" "SELECT count(*) FROM organisation")" "2" "nothing changed"
r orgs medicine --rename "Faculty of Law" --merge
is "$status" 0 "--rename NAME --merge merges"
is "$(sql "$db" "SELECT count(*) FROM organisation")" "1" "into one organisation"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE org_id = (SELECT id FROM organisation)")" \
   "4" "with every contact"
r undo
is "$(sql "$db" "SELECT count(*) FROM organisation")" "2" "undo separates them again"
is "$(sql "$db" "SELECT o.name FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name = 'Mo Medic'")" \
   "Medicine" "each contact back in its own"
r orgs --budget 01-01
is "$status" 2 "an edit needs the organisation named"

# Ready to move up.
r add "Eve Enduser"
r add "Fay Enduser"
r add "Gil Twice"
for who in eve fay; do
    for n in 1 2 3; do r note "$who" "Visit $n"; done
done
r note gil "Once"; r note gil "Twice"
r suggest
is "$status" 0 "suggest"
like "$out" '#[0-9]+ Eve Enduser → Customer: 3 interactions in 90 days' \
     "an end user with three notes, with the reason"
like "$out" 'Fay Enduser' "every one of them"
unlike "$out" 'Gil Twice' "two notes are not enough"
r agenda
like "$out" '^Ready to move up$' "the agenda has Ready to move up"
like "$out" 'Eve Enduser → Customer: 3 interactions in 90 days' "with the reason"
r suggest --dismiss fay
is "$status" 0 "suggest --dismiss CONTACT"
like "$out" 'not suggested as Customer again' "says so"
is "$(sql "$db" "SELECT stage FROM suggestion_dismissed")" "1" "the dismissal is stored"
r suggest
unlike "$out" 'Fay' "a dismissed contact is not suggested again"
r note fay "A fourth visit"
r suggest
unlike "$out" 'Fay' "not even with more interactions"
r undo
r undo
r suggest
like "$out" 'Fay' "undo brings the suggestion back"
r suggest --dismiss fay
r stage eve customer --reason "3 interactions in 90 days"
r suggest
unlike "$out" 'Eve' "a contact promoted is no longer suggested for it"

# Customers of long standing with goals become clients.
r add "Cleo Customer" --stage customer --goals "A digitised map collection"
id=$(sql "$db" "SELECT id FROM contact WHERE name = 'Cleo Customer'")
for n in 1 2 3 4 5 6; do r note cleo "Meeting $n"; done
r suggest
unlike "$out" 'Cleo' "a customer of a day is not ready"
backdate "$id" 200
r suggest
like "$out" 'Cleo Customer → Client: a customer for 200 days, 6 interactions' \
     "a customer of 200 days with goals and 6 interactions is"
r edit cleo --goals ""
r suggest
unlike "$out" 'Cleo' "not without projects or goals"
printf '[pipeline]\nend_user_interactions = 4\n' > "$TEST_DIR/four.ini"
run --db "$db" --config "$TEST_DIR/four.ini" suggest
is "$out" "Nobody to move up." "the thresholds come from the config"
r check
is "$status" 0 "the database passes the check"

# The demo shows both sections on its first start.
run --demo agenda
like "$out" '^Budget season$' "the demo has a budget season"
like "$out" '^Ready to move up$' "and people ready to move up"

done_testing
