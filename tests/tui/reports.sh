#!/bin/bash
# The Reports screen on the fixture of tests/data/orgs-fixture.sh, at
# 80x24 and 40x12: its figures are those of `rapport report --format
# json` on the same database, and both are the hand-computed ones; the
# period key and [ ] change the interaction counts as the fixture says;
# NO_COLOR draws the bars with characters.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"
. "$top_srcdir/tests/data/orgs-fixture.sh"
command -v faketime >/dev/null 2>&1 || skip_all "faketime is not installed"
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS

db="$TEST_DIR/reports.db"
fixture_orgs
now='2026-12-02 12:00:00'
json=$(fake_clock "$now" "$RAPPORT" --db "$db" report --format json)
j() { printf '%s\n' "$json" | jq -r "$1"; }
nps() {   # nps GROUP: "+0 (2 answered)" as the screen shows it, from JSON
    printf '%s\n' "$json" | jq -r --arg g "$1" '.nps[$g] |
        if .nps == null then "nobody answered"
        else ((if .nps >= 0 then "+" else "" end) + (.nps | round | tostring)
              + " (" + (.answered | tostring) + " answered)") end'
}

tui_start -e NO_COLOR=1 -t "@$now" -- --db "$db"
wait_for "1 Review" 10 "the TUI starts"
tui_keys 5
wait_for "Funnel" 5 "5 opens the Reports screen"
screen=$(tui_screen)
like "$screen" "End users +#+ $(j '.funnel["end-user"]') " "the funnel's end users as in JSON"
like "$screen" "Customers +#+ $(j '.funnel.customer') " "customers"
like "$screen" "Clients +#+ $(j '.funnel.client') " "clients"
is "$(j '.funnel | [.["end-user"], .customer, .client] | join(" ")')" "4 3 1" \
    "and the JSON's funnel is the fixture's"
like "$screen" "End users +#* *$(nps end-user | sed 's/[+()]/\\&/g')" "end users' NPS as in JSON"
is "$(nps end-user)" "+0 (2 answered)" "a tie is +0"
like "$screen" "Customers +#* *$(nps customer | sed 's/[+()]/\\&/g')" "customers' NPS"
is "$(nps customer)" "-100 (3 answered)" "all detractors is -100"
like "$screen" "Clients +nobody answered" "clients: nobody answered"
is "$(nps client)" "nobody answered" "as in JSON"
like "$screen" "Users +#* *$(nps user | sed 's/[+()]/\\&/g')" "users' NPS next to ..."
like "$screen" "Decision-makers +#* *$(nps decision-maker | sed 's/[+()]/\\&/g')" "... decision-makers'"
like "$screen" "this year +#+ 1" "a promotion and a demotion this year"
like "$screen" "overdue" "the workload"

# The quarter first: Q4 holds four interactions.
like "$screen" 'Interactions 2026-10-01–2026-12-31: 4' "this quarter: four interactions"
like "$screen" "call +#+ 2" "two calls"
tui_keys '['
wait_for "Interactions 2026-07-01–2026-09-30: 0" 3 "[ steps to the third quarter: none"
tui_keys ']'
wait_for "Interactions 2026-10-01–2026-12-31: 4" 3 "] steps back to this quarter"
tui_keys p
wait_for "Interactions 2026-01-01–2026-12-31: 6" 3 "p: this year, six"
like "$(tui_screen)" "consultation +#+ 2" "with two consultations"
tui_keys '['
wait_for "Interactions 2025-01-01–2025-12-31: 1" 3 "[: last year, one"
like "$(tui_screen)" "delivery +#+ 1" "a delivery"
tui_keys p
wait_for "Interactions, all time: $(j '.interactions.total')" 3 "p: all time, as in JSON"
tui_keys p
wait_for "Interactions 2026-12-01–2026-12-31: 3" 3 "p: this month, three"
like "$(tui_screen)" "Acme +#+ 2" "Acme's two this month"
like "$(tui_screen)" "Beta +#+ 1" "Beta's one"
tui_keys '['
wait_for "Interactions 2026-11-01–2026-11-30: 1" 3 "[: November, one"
like "$(tui_screen)" "email +#+ 1" "an email"
tui_quit

# start_screen, a remapped period key, and the help listing it.
mkdir -p "$XDG_CONFIG_HOME/rapport"
cat >"$XDG_CONFIG_HOME/rapport/config.ini" <<'INI'
[general]
start_screen = reports
[keys]
period = m
INI
tui_start -s 40x12 -e NO_COLOR=1 -t "@$now" -- --db "$db"
wait_for "Funnel" 5 "start_screen = reports opens the Reports screen, at 40x12"
like "$(tui_screen)" "End users +#+ 4" "the funnel fits 40 columns"
tui_keys G
wait_for "By organisation" 3 "G scrolls to the interactions"
like "$(tui_screen)" "Beta +#+ 1" "down to the last organisation of the quarter"
tui_keys g
wait_for "Funnel" 3 "g back to the top"
tui_keys m
wait_for "Interactions per year" 3 "the remapped period key cycles the period"
tui_keys '?'
wait_for "Change the period" 3 "the help lists the period key"
like "$(tui_screen)" 'm +Change the period' "as it is bound"
tui_keys Escape
tui_quit
cat >"$XDG_CONFIG_HOME/rapport/config.ini" <<'INI'
[general]
start_screen = organisations
INI
tui_start -s 40x12 -t "@$now" -- --db "$db"
wait_for "Organisations, by name" 5 "start_screen = organisations"
tui_quit
done_testing
