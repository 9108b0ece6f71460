#!/bin/bash
# Space pages the contact page as a pager does: the view turns, not
# only the cursor; PgUp comes back to the top.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/pg.db"
run --db "$db" add "Anna Kowalczyk"
anna=$(printed_id)
like "$anna" '^#[0-9]+$' "a contact ($anna)"
for i in $(seq -w 1 30); do run --db "$db" note "Anna Kowalczyk" "Note number $i"; done
is "$(sql "$db" 'SELECT count(*) FROM note')" 30 "thirty notes"

tui_start -- --db "$db"
wait_for "Review" 10 "started"
tui_keys 3 Enter
wait_for "Anna Kowalczyk  $anna" 3 "her page, from the top"
tui_keys Space
wait_gone "Anna Kowalczyk  $anna" 2 "Space turns the page"
wait_for "Note number 2" 2 "to later lines"
tui_keys PPage PPage PPage
wait_for "Anna Kowalczyk  $anna" 2 "PgUp comes back to the top"
tui_quit

done_testing
