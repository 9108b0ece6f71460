#!/bin/sh
# rapport report on a hand-computed fixture (tests/data/orgs-fixture.sh):
# the NPS of a group with no answers, of one all detractors and of a
# tie; promotions and demotions; interactions by kind and organisation
# for --from/--to, as table, JSON and CSV.
. "${top_srcdir:-.}/tests/lib/tap.sh"
. "$top_srcdir/tests/data/orgs-fixture.sh"
command -v faketime >/dev/null 2>&1 || skip_all "faketime is not installed"
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"

db="$TEST_DIR/fixture.db"
fixture_orgs
now='2026-12-02 12:00:00'
report() { fake_clock "$now" "$RAPPORT" --db "$db" report "$@"; }

json=$(report --format json)
ok $? "report --format json"
j() { printf '%s\n' "$json" | jq -c "$1"; }
is "$(j '.funnel')" '{"end-user":4,"customer":3,"client":1}' "the funnel"
is "$(j '.nps["end-user"]')" '{"answered":2,"promoters":1,"detractors":1,"nps":0}' \
    "end users: a tie is 0"
is "$(j '.nps.customer')" '{"answered":3,"promoters":0,"detractors":3,"nps":-100}' \
    "customers: all detractors is -100"
is "$(j '.nps.client')" '{"answered":0,"promoters":0,"detractors":0,"nps":null}' \
    "clients: nobody answered is null"
is "$(j '.nps.user.nps, .nps.user.answered')" "$(printf '%s\n' -50 4)" "users -50 of 4"
is "$(j '.nps["decision-maker"].nps, .nps["decision-maker"].answered')" \
    "$(printf '%s\n' -100 1)" "decision-makers -100 of 1"
is "$(j '.nps.all.nps, .nps.all.answered')" "$(printf '%s\n' -60 5)" "everyone -60 of 5"
is "$(j '.promotions')" '{"month":1,"quarter":1,"year":1}' "one promotion this month"
is "$(j '.demotions')" '{"month":1,"quarter":1,"year":1}' "and one demotion"
is "$(j '.interactions.total')" 7 "all time: seven interactions"
is "$(j '.interactions.by_kind')" \
    '{"call":2,"consultation":2,"delivery":1,"email":1,"meeting":1}' "by kind"
is "$(j '.interactions.by_organisation')" '{"Acme":4,"Beta":2,"Gamma":1}' \
    "by organisation"

json=$(report --from 2026-12-01 --to 2026-12-31 --format json)
is "$(j '.interactions')" \
    '{"from":"2026-12-01","to":"2026-12-31","total":3,"by_kind":{"call":2,"meeting":1},"by_organisation":{"Acme":2,"Beta":1}}' \
    "December: the period's interactions"
json=$(report --from 2026-11-01 --to 2026-11-30 --format json)
is "$(j '.interactions.by_kind')" '{"email":1}' "November: one email"
json=$(report --from 2026-07-01 --to 2026-09-30 --format json)
is "$(j '.interactions.total')" 0 "the third quarter: none"
is "$(j '.funnel')" '{"end-user":4,"customer":3,"client":1}' \
    "the period does not change the funnel"

out=$(report --from 2026-01-01 --to 2026-12-31 --format csv)
ok $? "report --format csv"
like "$out" '^section,key,field,value$' "a header row"
like "$out" '^nps,client,nps,$' "an unknown NPS is an empty field"
like "$out" '^nps,customer,nps,-100$' "the customers' NPS"
like "$out" '^interactions,total,count,6$' "2026: six interactions"
like "$out" '^interactions_by_kind,consultation,count,2$' "two consultations"
like "$out" '^demotions,year,count,1$' "a demotion this year"

out=$(report --from 2026-12-01 --to 2026-12-31)
ok $? "report as a table"
like "$out" 'Interactions 2026-12-01 – 2026-12-31: 3' "names the period"
like "$out" 'Demotions' "lists demotions"
report --from 2026-12-31 --to 2026-12-01 >/dev/null 2>&1
is $? 2 "--to before --from is a usage error"
report --format xml >/dev/null 2>&1
is $? 2 "an unknown format too"
done_testing
