#!/bin/bash
# The frame at any width: at 40 columns every tab stays in the title
# (the name goes first), and the status line keeps its key hints by
# shortening the database path first.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

dir="$TEST_DIR/a-rather-long-folder-name/that-goes-on-and-on/and-on-further"
mkdir -p "$dir"
db="$dir/narrow.db"
run --db "$db" add "Anna Kowalczyk"
is "$status" 0 "a contact in a deep folder"

tui_start -s 80x24 -- --db "$db"
wait_for "Nothing needs you today" 10 "the Review at 80 columns"
wait_for " rapport " 2 "the title has the name when there is room"
status_line=$(tui_screen | tail -1)
like "$status_line" 'x done  s snooze  n note' "the status line keeps the key hints"
like "$status_line" '….*narrow\.db' "and shortens the path from its start"
tui_resize 40 12
wait_for "3 Contacts" 2 "at 40 columns the last tab is in the title"
like "$(tui_screen | head -1)" '1 Review +2 Pipeline +3 Contacts' "every tab is there"
like "$(tui_screen | tail -1)" '\? help' "the help key stays on the status line"
tui_keys 3
wait_for "Anna Kowalczyk" 2 "the Contacts tab"
tui_quit

done_testing
