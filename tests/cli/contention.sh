#!/bin/sh
# Writers that contend for one database (SPEC §2): several rapport
# processes adding, noting and editing at once all succeed, and none says
# "database is locked". A database opened with no busy timeout, or a
# transaction that upgrades to a write without BEGIN IMMEDIATE, fails here.
. "${top_srcdir:-.}/tests/lib/tap.sh"

db="$TEST_DIR/c.db"
run --db "$db" add "Shared Seed"
is "$status" 0 "a database to share"

writers=6
rounds=8
i=1
while [ "$i" -le "$writers" ]; do
    (
        j=1
        while [ "$j" -le "$rounds" ]; do
            "$RAPPORT" --db "$db" add "Writer $i Round $j" --tag "w$i" \
                >>"$TEST_DIR/out.$i" 2>>"$TEST_DIR/err.$i" || echo "add $j: $?" >>"$TEST_DIR/fail.$i"
            "$RAPPORT" --db "$db" note seed "note from $i round $j" \
                >>"$TEST_DIR/out.$i" 2>>"$TEST_DIR/err.$i" || echo "note $j: $?" >>"$TEST_DIR/fail.$i"
            j=$((j + 1))
        done
        : >"$TEST_DIR/done.$i"
    ) &
    i=$((i + 1))
done
wait

done_count=$(ls "$TEST_DIR"/done.* 2>/dev/null | wc -l)
is "$done_count" "$writers" "every writer ran to its end"
is "$(cat "$TEST_DIR"/fail.* 2>/dev/null)" "" "no write failed"
is "$(cat "$TEST_DIR"/err.* 2>/dev/null | grep -ci 'locked\|busy')" 0 \
   "no writer said the database is locked or busy"
is "$(sql "$db" "SELECT count(*) FROM contact")" $((writers * rounds + 1)) \
   "every contact added is there"
is "$(sql "$db" "SELECT count(*) FROM note WHERE body LIKE 'note from %'")" $((writers * rounds)) \
   "every note added is there"
run --db "$db" check
is "$status" 0 "and the database is sound"

done_testing
