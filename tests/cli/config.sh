#!/bin/sh
# The configuration (SPEC §6): data/rapport.ini, the shipped example,
# loads with no warning as it is and with every option uncommented (its
# defaults); a key it does not know is warned about, so silence means
# something; date_format changes how dates are shown; week_start changes
# which days "next week" and "next friday" are.
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

# week_start: on a Sunday near midnight, the same words in weeks from
# Monday (the default) and from Sunday.
clock_fix '2026-11-29 23:59:59'
printf '[general]\nweek_start = sunday\n' >"$TEST_DIR/sunday.ini"
printf '[general]\nweek_start = monday\n' >"$TEST_DIR/monday.ini"
# followup_id: the id the last "Follow-up fN for ..." line named.
followup_id() { printf '%s\n' "$out" | sed -n 's/^Follow-up \(f[0-9]*\) for .*/\1/p'; }
run --db "$db" follow zoe "next week" "Plan the term by default"
is "$status" 0 "next week, no week_start set"
like "$out" ' on 2026-11-30$' "is tomorrow, Monday, by default"
run --config "$TEST_DIR/monday.ini" --db "$db" follow zoe "next week" "Plan the term from Monday"
is "$err" "" "week_start = monday is accepted"
like "$out" ' on 2026-11-30$' "next week from Monday is tomorrow"
monday=$(followup_id)
run --config "$TEST_DIR/sunday.ini" --db "$db" follow zoe "next week" "Plan the term from Sunday"
is "$err" "" "week_start = sunday is accepted"
like "$out" ' on 2026-12-06$' "next week from Sunday is a week ahead"
sunday=$(followup_id)
ok "$([ -n "$monday" ] && [ -n "$sunday" ] && [ "$monday" != "$sunday" ]; echo $?)" \
   "each follow-up named its id ($monday, $sunday)"
run --db "$db" show zoe
like "$out" '2026-11-30 +Plan the term from Monday' "show lists the Monday week's day"
like "$out" '2026-12-06 +Plan the term from Sunday' "and the Sunday week's"
run --config "$TEST_DIR/monday.ini" --db "$db" snooze "$monday" "next friday"
like "$out" 'until 2026-12-04 ' "snooze to next friday, weeks from Monday: Dec 4"
run --config "$TEST_DIR/sunday.ini" --db "$db" snooze "$monday" "next friday"
like "$out" 'until 2026-12-11 ' "weeks from Sunday: Dec 11"
run --config "$TEST_DIR/sunday.ini" --db "$db" report --from "next week" \
    --to "next saturday" --format json
is "$status" 0 "report --from next week --to next saturday, weeks from Sunday"
like "$out" '"from": "2026-12-06"' "counts from Sunday Dec 6"
like "$out" '"to": "2026-12-12"' "to Saturday Dec 12"
run --db "$db" report --from "next week" --to "next sunday" --format json
like "$out" '"from": "2026-11-30".*' "and by default from Monday Nov 30"
like "$out" '"to": "2026-12-06"' "to Sunday Dec 6"

done_testing
