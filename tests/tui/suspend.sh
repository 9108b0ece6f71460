#!/bin/bash
# Ctrl-Z suspends as job control does, with bracketed paste off first,
# and after fg the screen comes back whole. The pane's shell has job
# control (set -m), as a login shell has: it notes the stop and brings
# rapport back with fg.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/s.db"
run --db "$db" add "Anna Kowalczyk"
is "$status" 0 "a contact"

script="$TEST_DIR/shell.sh"
cat >"$script" <<EOS
set -m
env TERM=$TUI_TERM $(printf '%q' "$RAPPORT") --db $(printf '%q' "$db") 2>$(printf '%q' "$TUI_ERR")
echo "stopped with \$?" >$(printf '%q' "$TEST_DIR/stopped")
fg
echo \$? >$(printf '%q' "$TUI_DONE")
echo '[rapport ended]'
sleep 600
EOS
: >"$TUI_ERR"
tmux_ new-session -d -x 80 -y 24 -s rapport "bash $(printf '%q' "$script")"
wait_for "Nothing needs you today" 10 "the Review"
tmux_ pipe-pane -t rapport -o "cat >$(printf '%q' "$TEST_DIR/out")"
# Only once tmux holds the pipe does the pane's output reach the file;
# a key sent before that (on a loaded machine) leaves it empty.
for i in $(seq 1 "$(wait_tries 5)"); do
    [ "$(tmux_ display-message -p -t rapport '#{pane_pipe}')" = 1 ] && break
    sleep 0.05
done
is "$(tmux_ display-message -p -t rapport '#{pane_pipe}')" 1 "the pane's output goes to a file"
tui_keys C-z
for i in $(seq 1 100); do
    [ -s "$TEST_DIR/stopped" ] && break
    sleep 0.05
done
is "$(cat "$TEST_DIR/stopped" 2>/dev/null)" "stopped with 148" "Ctrl-Z stops rapport (SIGTSTP)"
wait_for "Nothing needs you today" 3 "after fg the screen is back"
like "$(grep -o $'\e\\[?2004[hl]' "$TEST_DIR/out" | tr '\n' ' ' | cat -v)" '2004l.*2004h' \
    "bracketed paste off while stopped, on again after"
tui_keys 3
wait_for "Anna Kowalczyk" 2 "and keys work again"
tui_quit

done_testing
