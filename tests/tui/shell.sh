#!/bin/bash
# `!` runs a shell command (issue 20), as mutt does: asked on the
# bottom line, run by $SHELL -c on the terminal, "press any key", then
# the screen comes back, read again (the command may have written to
# the database). ^C ends the command, not rapport; --read-only still
# runs it (rapport writes nothing itself).
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/s.db"
run --db "$db" add "Ada Lovelace"
is "$status" 0 "a contact"
cat >"$TEST_DIR/myshell" <<'SH'
#!/bin/sh
echo "my shell was given: $2"
exec /bin/sh "$@"
SH
chmod +x "$TEST_DIR/myshell"

tui_start -e SHELL="$TEST_DIR/myshell" -- --db "$db"
wait_for "Review |" 10 "starts"
tui_keys 3
wait_for "Ada Lovelace" 3 "the Contacts list"
tui_keys '!'
wait_for "Shell command:" 2 "! asks for a command"
tui_type "echo out-of-rapport; $(printf '%q' "$RAPPORT") --db $(printf '%q' "$db") add 'Bob Shell' >/dev/null"
tui_keys Enter
wait_for "Press any key to return to rapport." 5 "the command ran; a key is asked for"
wait_for "out-of-rapport" 1 "its output is on the terminal"
wait_for "my shell was given: echo out-of-rapport" 1 "\$SHELL ran it with -c"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE name = 'Bob Shell'")" 1 \
   "the command wrote to the database"
# The key that returns is no command: a would have opened a form.
tui_keys a
wait_for "The command ended." 3 "back in rapport, said how it ended"
wait_for "Bob Shell" 2 "the list was read again"
if tui_screen | grep -q "New contact"; then ok 1 "the key was not a command"; else ok 0 "the key was not a command"; fi
wait_for "Contacts (2)" 1 "the whole screen is back"

# A failing command says its status. Each command from here on clears
# the terminal first: the normal screen still holds the last command's
# "Press any key", which a wait would otherwise find at once.
cls="printf '\\033[H\\033[2J'"
tui_keys '!'
wait_for "Shell command:" 2 "! again"
tui_type "$cls; exit 3"
tui_keys Enter
wait_for "Press any key" 5 "it ran"
tui_keys Space
wait_for "The command ended with status 3." 3 "its status is said"

# ^C ends the command, not rapport.
tui_keys '!'
wait_for "Shell command:" 2 "! a third time"
tui_type "$cls; echo sleeping; sleep 30"
tui_keys Enter
wait_for "sleeping" 5 "the command runs"
tui_keys C-c
wait_for "Press any key" 5 "^C ended it"
tui_keys q
wait_for "ended by signal" 3 "rapport is still there and says so"

# Esc at the question runs nothing.
tui_keys '!'
wait_for "Shell command:" 2 "! a fourth time"
tui_type "touch $(printf '%q' "$TEST_DIR/ran")"
tui_keys Escape
wait_gone "Shell command:" 2 "Esc closes the question"
ok "$([ ! -e "$TEST_DIR/ran" ]; echo $?)" "nothing ran"
tui_quit

# --read-only: the command is the user's own, not a write of rapport's.
SHELL=/bin/sh tui_start -e SHELL=/bin/sh -- --db "$db" --read-only
wait_for "read-only" 10 "read-only session"
tui_keys '!'
wait_for "Shell command:" 2 "! is offered read-only"
tui_type "touch $(printf '%q' "$TEST_DIR/ran")"
tui_keys Enter
wait_for "Press any key" 5 "it ran"
tui_keys Enter
wait_for "The command ended." 3 "back"
ok "$([ -e "$TEST_DIR/ran" ]; echo $?)" "the command ran under --read-only"
tui_quit
done_testing
