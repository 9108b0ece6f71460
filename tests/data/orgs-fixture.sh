# A hand-computed fixture of organisations, scores and dated notes,
# sourced by tests/cli/report-period.sh and tests/tui/organisations.sh,
# tests/tui/reports.sh (after tap.sh; needs faketime). Writes "$db".
#
#   Acme:  Dora (decision-maker, client, no score)
#          Dan  (decision-maker, customer, 4)
#          Una  (user, end user, 3), Uwe (user, end user, 9),
#          Ulla (user, end user, no score; promoted and demoted today)
#   Beta:  Eve (user, customer, 2), Emil (user, customer, 5)
#   Gamma: Gus (user, end user, no score)
#
# So: funnel 4 end users, 3 customers, 1 client. NPS: end users 0 of 2
# (a tie), customers -100 of 3 (all detractors), clients nobody
# answered; users -50 of 4, decision-makers -100 of 1, everyone -60
# of 5. Acme's decision-makers -100 of 1, its users 0 of 2; Beta's
# users -100 of 2; Gamma's nobody. Today is 2026-12-02.
#
# Notes: 2026-12-01 Una call, Uwe call, Eve meeting; 2026-11-15 Dan
# email; 2026-05-10 Gus consultation, Ulla consultation; 2025-12-20
# Emil delivery. So December: 3 (call 2, meeting 1; Acme 2, Beta 1);
# November: 1 (email); Q4: 4; Q3: 0; 2026: 6; 2025: 1; all time: 7.
# libfaketime is preloaded; the sanitizers' runtime must not mind.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS
fixture_at() {   # fixture_at 'YYYY-MM-DD HH:MM:SS' ARGS...
    _when=$1
    shift
    fake_clock "$_when" "$RAPPORT" --db "$db" "$@" >/dev/null
}
fixture_orgs() {
    _t='2025-12-01 09:00:00'
    fixture_at "$_t" add "Dora Decider" --org Acme --role decision-maker --stage client --title Director
    fixture_at "$_t" add "Dan Decider" --org Acme --role decision-maker --stage customer --title Dean
    fixture_at "$_t" add "Una User" --org Acme --title Researcher
    fixture_at "$_t" add "Uwe User" --org Acme
    fixture_at "$_t" add "Ulla User" --org Acme
    fixture_at "$_t" add "Eve Enduser" --org Beta --stage customer
    fixture_at "$_t" add "Emil Enduser" --org Beta --stage customer
    fixture_at "$_t" add "Gus Nobody" --org Gamma
    fixture_at '2025-12-20 10:00:00' note "Emil Enduser" "Books delivered" --kind delivery
    fixture_at '2026-05-10 10:00:00' note "Gus Nobody" "Thesis advice" --kind consultation
    fixture_at '2026-05-10 11:00:00' note "Ulla User" "Data advice" --kind consultation
    fixture_at '2026-11-15 10:00:00' note "Dan Decider" "Budget" --kind email
    fixture_at '2026-12-01 10:00:00' note "Una User" "Called" --kind call
    fixture_at '2026-12-01 11:00:00' note "Uwe User" "Called" --kind call
    fixture_at '2026-12-01 12:00:00' note "Eve Enduser" "Met" --kind meeting
    fixture_at '2026-12-02 08:00:00' score "Dan Decider" 4
    fixture_at '2026-12-02 08:00:00' score "Una User" 3
    fixture_at '2026-12-02 08:00:00' score "Uwe User" 9
    fixture_at '2026-12-02 08:00:00' score "Eve Enduser" 2
    fixture_at '2026-12-02 08:00:00' score "Emil Enduser" 5
    fixture_at '2026-12-02 09:00:00' stage "Ulla User" customer
    fixture_at '2026-12-02 09:30:00' stage "Ulla User" end-user
}
