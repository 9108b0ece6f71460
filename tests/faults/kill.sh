#!/bin/bash
# Killed at any moment (SPEC §8): writers get kill -9 at random moments,
# 50 times or FAULT_KILLS, chosen by a seed that is printed and can be
# given back (FAULT_SEED=N) to replay a failure. Half of the rounds kill
# an import of a file of cards, half a shell that adds contacts with an
# email, a phone and a tag one after another, and notes them. After every
# kill: rapport's check passes, every change rapport confirmed (exit 0)
# is there, an import is there whole or not at all, and no contact is
# there without its email, phone or tag.
. "${top_srcdir:-.}/tests/lib/tap.sh"

seed=${FAULT_SEED:-1717}
kills=${FAULT_KILLS:-50}
echo "# seed $seed ($kills kills); replay with FAULT_SEED=$seed"
cards=120
db="$TEST_DIR/k.db"
run --db "$db" add "Seed Person" --email seed@example.org
is "$status" 0 "a database to kill writers on"

# round_file K: the cards of round K, each its own person (tag rK).
round_file() {
    awk -v k="$1" -v n="$cards" 'BEGIN {
        for (i = 1; i <= n; i++) {
            printf "BEGIN:VCARD\r\nVERSION:3.0\r\n"
            printf "FN:Import%d Person%d\r\nN:Person%d;Import%d;;;\r\n", k, i, i, k
            printf "EMAIL:i%d.%d@example.org\r\nTEL:+1555%04d%04d\r\n", k, i, k, i
            printf "CATEGORIES:r%d\r\nNOTE:card %d of round %d\r\nEND:VCARD\r\n", k, i, k
        }
    }' >"$TEST_DIR/round.vcf"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# How long a whole import takes here (a sanitizer build is slower): the
# kills land anywhere from the start to a little after its end.
round_file 0
t0=$(now_ms)
run --db "$db" import "$TEST_DIR/round.vcf"
t1=$(now_ms)
is "$status" 0 "a whole import, timed"
span=$(( (t1 - t0) * 12 / 10 + 20 ))
echo "# an import of $cards cards takes $((t1 - t0)) ms; kills within $span ms"

# The rounds' kinds and moments, from the seed.
awk -v s="$seed" -v n="$kills" -v span="$span" 'BEGIN {
    srand(s)
    for (i = 1; i <= n; i++)
        printf "%d %d\n", (rand() < 0.5 ? 0 : 1), int(rand() * span)
}' >"$TEST_DIR/plan"

adds_confirmed="$TEST_DIR/adds"
: >"$adds_confirmed"
bad_check=0
bad_import=0
killed=0
imports_whole=0
imports_none=0
k=0
while read -r kind delay; do
    k=$((k + 1))
    secs=$(awk -v d="$delay" 'BEGIN { printf "%.3f", d / 1000 }')
    if [ "$kind" -eq 0 ]; then
        round_file "$k"
        "$RAPPORT" --db "$db" import "$TEST_DIR/round.vcf" >/dev/null 2>>"$TEST_DIR/import.err" &
        pid=$!
        sleep "$secs"
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        st=$?
        [ "$st" -eq 137 ] && killed=$((killed + 1))
        n=$(sql "$db" "SELECT count(*) FROM contact_tag WHERE tag = 'r$k'")
        case $n in
            0) imports_none=$((imports_none + 1))
               if [ "$st" -eq 0 ]; then
                   echo "# round $k: the import said it was done, yet none of it is there"
                   bad_import=$((bad_import + 1))
               fi ;;
            "$cards") imports_whole=$((imports_whole + 1)) ;;
            *) echo "# round $k: $n of $cards cards of a killed import are there (status $st)"
               bad_import=$((bad_import + 1)) ;;
        esac
    else
        # A session and process group of its own, so one kill ends the
        # shell and the rapport it runs at that moment; it says which
        # (setsid forks when it must), and -w waits for it.
        rm -f "$TEST_DIR/group"
        setsid -w bash -c '
            echo $$ >"$5.tmp" && mv "$5.tmp" "$5"
            j=1
            while :; do
                said=$("$RAPPORT" --db "$1" add "Adder$2 Person$j" --email "a$2.$j@example.org" \
                    --phone "+1444$2$j" --tag "a$2" 2>>"$4") || exit 1
                echo "Adder$2 Person$j" >>"$3"
                id=${said#Added contact }
                id=${id%% *}
                "$RAPPORT" --db "$1" note "$id" "note of adder $2 person $j" \
                    >/dev/null 2>>"$4" || exit 1
                echo "note of adder $2 person $j" >>"$3.notes"
                j=$((j + 1))
            done' adder "$db" "$k" "$adds_confirmed" "$TEST_DIR/adder.err" "$TEST_DIR/group" &
        pid=$!
        sleep "$secs"
        while [ ! -s "$TEST_DIR/group" ]; do sleep 0.01; done
        kill -KILL -- "-$(cat "$TEST_DIR/group")" 2>/dev/null
        wait "$pid" 2>/dev/null
        # setsid -w gives the shell's status: killed, 128 + 9.
        [ $? -eq 137 ] && killed=$((killed + 1))
    fi
    if ! "$RAPPORT" --db "$db" check >"$TEST_DIR/check.out" 2>&1; then
        echo "# round $k (kind $kind, ${delay} ms): check fails:"
        sed 's/^/#   /' "$TEST_DIR/check.out"
        bad_check=$((bad_check + 1))
    fi
done <"$TEST_DIR/plan"

is "$bad_check" 0 "rapport check passes after each of the $kills kills"
is "$bad_import" 0 "each import is there whole or not at all"
ok "$([ "$killed" -gt 0 ]; echo $?)" "writers were killed while running ($killed of $kills)"
echo "# imports there whole: $imports_whole, not at all: $imports_none"
is "$(sql "$db" "PRAGMA integrity_check")" ok "SQLite's integrity check"

# Every confirmed add is there with its email, phone and tag.
sort "$adds_confirmed" >"$TEST_DIR/adds.want"
sql "$db" "SELECT c.name FROM contact c
           WHERE c.name LIKE 'Adder%'
             AND EXISTS (SELECT 1 FROM contact_email e WHERE e.contact_id = c.id)
             AND EXISTS (SELECT 1 FROM contact_phone p WHERE p.contact_id = c.id)
             AND EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id AND t.tag LIKE 'a%')" | sort >"$TEST_DIR/adds.got"
missing=$(comm -23 "$TEST_DIR/adds.want" "$TEST_DIR/adds.got")
is "$missing" "" "every add rapport confirmed is there, whole"
ok "$([ -s "$TEST_DIR/adds.want" ]; echo $?)" "adds were confirmed ($(wc -l <"$TEST_DIR/adds.want"))"
is "$(sql "$db" "SELECT count(*) FROM contact c WHERE c.name LIKE 'Adder%'
                 AND (NOT EXISTS (SELECT 1 FROM contact_email e WHERE e.contact_id = c.id)
                   OR NOT EXISTS (SELECT 1 FROM contact_phone p WHERE p.contact_id = c.id)
                   OR NOT EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id))")" 0 \
   "no contact is there without its email, phone or tag"
is "$(sql "$db" "SELECT count(*) FROM contact c WHERE c.name LIKE 'Import%'
                 AND NOT EXISTS (SELECT 1 FROM contact_email e WHERE e.contact_id = c.id)")" 0 \
   "no imported contact is there without its email"
if [ -s "$adds_confirmed.notes" ]; then
    sort "$adds_confirmed.notes" >"$TEST_DIR/notes.want"
    sql "$db" "SELECT body FROM note WHERE body LIKE 'note of adder %'" | sort >"$TEST_DIR/notes.got"
    is "$(comm -23 "$TEST_DIR/notes.want" "$TEST_DIR/notes.got")" "" \
       "every note rapport confirmed is there"
else
    skip "every note rapport confirmed is there" "no note was confirmed before its kill"
fi
is "$(cat "$TEST_DIR/import.err" "$TEST_DIR/adder.err" 2>/dev/null | grep -ci 'locked\|busy\|damaged\|malformed')" 0 \
   "no writer after a kill found the database locked or damaged"
run --db "$db" show "Seed Person"
like "$out" "Seed Person" "rapport opens it and shows what came first"

done_testing
