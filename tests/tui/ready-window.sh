#!/bin/bash
# Ready to move up is read a window at a time by keyset (issue 14):
# with more suggestions than any one read (250), the last one is
# reached by paging down, and paging back up finds the first again.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/w.db"
cfg="$TEST_DIR/c.ini"
printf '[pipeline]\nend_user_interactions = 1\n' >"$cfg"
{
    echo "name"
    for i in $(seq -w 1 250); do echo "Reader $i"; done
} >"$TEST_DIR/people.csv"
run --db "$db" import "$TEST_DIR/people.csv"
is "$status" 0 "250 end users"
# One note each, oldest first: Reader 001's is the oldest, so it sorts
# last (the latest touched come first).
for i in $(seq -w 1 250); do
    "$RAPPORT" --db "$db" note "Reader $i" "Visit" >/dev/null || break
done
sql "$db" "UPDATE contact SET last_touch = CAST(strftime('%s','now') AS INTEGER) - 86400 + id"
is "$(sql "$db" "SELECT count(*) FROM note")" 250 "a note on each"

tui_start -s 80x24 -- --db "$db" --config "$cfg"
wait_for "Ready to move up (250)" 10 "all 250 are counted"
wait_match '^ Reader 250 ' 2 "the latest touched first"
tui_keys G
wait_match '^ Reader 001 ' 5 "G reaches the last of them, past any one window"
tui_keys g
wait_match '^ Reader 250 ' 5 "g the first again"
# Paging down row by row across a window's edge.
for n in $(seq 1 40); do tui_keys PageDown; done
wait_match '^ Reader 001 ' 5 "paging down reaches the end too"
for n in $(seq 1 40); do tui_keys PageUp; done
wait_match '^ Reader 250 ' 5 "and paging up the start"
tui_quit
done_testing
