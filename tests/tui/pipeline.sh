#!/bin/bash
# The Pipeline: the marks at the end of a row are explained on the
# screen and in the help, an overdue follow-up is marked without colour
# too, and moving between columns keeps the cursor on its row.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/pl.db"
for n in Ann Ben Cat; do run --db "$db" add "$n User"; done
for n in Dan Eve Fay; do run --db "$db" add "$n Customer" --stage customer; done
run --db "$db" follow "Ann User" 2020-01-02 "Long overdue"
is "$status" 0 "three end users, three customers, one overdue follow-up"

tui_start -- --db "$db"
wait_for "Review" 10 "started"
tui_keys 2
wait_for "Customers (3)" 2 "the Pipeline"
wait_for "!→01-02" 2 "the overdue follow-up is marked with !"
wait_for "20d: days since the last contact" 2 "the marks are explained on the screen"
tui_keys j j l Enter
wait_for "Fay Customer  #" 2 "l from the third row lands on the third row"
tui_keys q
wait_for "Customers (3)" 2 "back on the Pipeline"
tui_keys '?'
wait_for "→12-03: the next follow-up" 2 "the help explains the marks too"
tui_keys q
wait_gone "Keys of the" 2 "help closed"
tui_quit

done_testing
