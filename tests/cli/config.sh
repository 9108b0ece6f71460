#!/bin/sh
# The configuration (SPEC §6): data/rapport.ini, the shipped example,
# loads with no warning as it is and with every option uncommented (its
# defaults); a key it does not know is warned about, so silence means
# something; date_format changes how dates are shown.
. "${top_srcdir:-.}/tests/lib/tap.sh"

db="$TEST_DIR/c.db"
ini="$top_srcdir/data/rapport.ini"
run --db "$db" add "Zoë Ødegård"

run --config "$ini" --db "$db" list
is "$status" 0 "data/rapport.ini as shipped: rapport runs"
is "$err" "" "with no warning"

sed 's/^;\([a-z_]* *=\)/\1/' "$ini" >"$TEST_DIR/all.ini"
keys=$(grep -c '^[a-z_]* *=' "$TEST_DIR/all.ini")
ok "$([ "$keys" -ge 10 ]; echo $?)" "uncommented, the example sets its options ($keys)"
run --config "$TEST_DIR/all.ini" --db "$db" list
is "$status" 0 "every option at its default: rapport runs"
is "$err" "" "with no warning"
like "$out" 'Zoë Ødegård' "and lists the contact"

{ cat "$TEST_DIR/all.ini"; printf '[general]\nno_such_option = 1\n'; } >"$TEST_DIR/typo.ini"
run --config "$TEST_DIR/typo.ini" --db "$db" list
like "$err" 'WARNING: .*typo\.ini: \[general\] no_such_option' \
     "an unknown key is warned about (so the silence above can fail)"

# date_format: the same follow-up's date, shown both ways.
run --db "$db" follow zoe 2031-02-03 "Send the reading list"
run --db "$db" show zoe
like "$out" '2031-02-03 +Send the reading list' "by default a date is YYYY-MM-DD"
printf '[general]\ndate_format = %%d.%%m.%%Y\n' >"$TEST_DIR/date.ini"
run --config "$TEST_DIR/date.ini" --db "$db" show zoe
is "$err" "" "date_format = %d.%m.%Y is accepted"
like "$out" '03\.02\.2031 +Send the reading list' "and shows the date as 03.02.2031"
unlike "$out" '2031-02-03' "not as YYYY-MM-DD"
printf '[general]\ndate_format = "%%a %%-d %%b %%Y"\n' >"$TEST_DIR/date2.ini"
run --config "$TEST_DIR/date2.ini" --db "$db" show zoe
like "$out" 'Mon 3 Feb 2031 +Send the reading list' "a quoted pattern with words works too"

done_testing
