#!/bin/bash
# SPEC §3 and §6: PgDn and PgUp page through a list longer than the
# screen; [general] start_screen opens rapport on the screen it names.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

# The first row of the list (line 4, under the tabs, the title and the header).
first_row() { tui_screen | sed -n 4p | sed 's/  .*//; s/^ *//'; }

tui_start -- --demo
wait_for "Review |" 10 "the demo"
tui_keys 3
wait_match 'Contacts \([0-9]+\)' 2 "the Contacts"
total=$(tui_screen | sed -n 's/.*Contacts (\([0-9]*\)).*/\1/p' | head -1)
ok "$([ "${total:-0}" -gt 22 ]; echo $?)" "more contacts ($total) than rows on a 24-line screen"
top=$(first_row)
like "$top" '[[:alpha:]]' "the list starts with a name ($top)"
tui_keys NPage NPage NPage
wait_gone "$top " 2 "PgDn pages down: the first name is no longer shown"
below=$(first_row)
ok "$([ "$below" != "$top" ]; echo $?)" "another name is first ($below)"
tui_keys PPage PPage PPage
wait_for "$top" 2 "PgUp pages back up"
is "$(first_row)" "$top" "to the first name again"
tui_quit

printf '[general]\nstart_screen = contacts\n' >"$TEST_DIR/contacts.ini"
tui_start -- --demo --config "$TEST_DIR/contacts.ini"
wait_match 'Contacts \([0-9]+\)' 10 "start_screen = contacts opens on the Contacts"
unlike "$(tui_screen)" 'Gone quiet \(' "not on the Review"
tui_quit
printf '[general]\nstart_screen = pipeline\n' >"$TEST_DIR/pipeline.ini"
tui_start -- --demo --config "$TEST_DIR/pipeline.ini"
wait_match 'Clients \([0-9]+\)' 10 "start_screen = pipeline opens on the Pipeline"
tui_quit

done_testing
