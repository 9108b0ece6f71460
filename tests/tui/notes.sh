#!/bin/bash
# Notes: the built-in multi-line editor and $EDITOR on a private
# temporary file.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/n.db"
run --db "$db" add "Ada Lovelace" --org "Analytical Society"
is "$status" 0 "a contact to write about"

tui_start -- --db "$db"
wait_for "Review |" 10 "starts"
tui_keys 3
wait_for "Ada Lovelace" 2 "the contact is listed"
tui_keys Enter
wait_for "No notes yet." 2 "its page has no notes"
tui_keys n
wait_for "Note about Ada Lovelace" 2 "n opens the built-in editor"
tui_type "Asked about the Bernoulli tables."
tui_keys Enter
tui_type "Wants 中文 sources too"
tui_keys Enter Enter
tui_type "Follow up next week"
tui_keys C-t
wait_for "(^T changes)" 2 "the editor shows the note's kind"
# ^S is flow control on many terminals: it must reach rapport.
tui_keys C-s
wait_for "stored." 3 "^S stores the note"
wait_for "Asked about the Bernoulli tables." 2 "the timeline shows the first line"
wait_for "Wants 中文 sources too" 2 "and the next, wide characters included"
is "$(sql "$db" "SELECT body FROM note")" "Asked about the Bernoulli tables.
Wants 中文 sources too

Follow up next week" "the note is stored with its lines"
is "$(sql "$db" "SELECT kind FROM note")" call "^T made it a call"

# Esc with text typed asks before throwing it away.
tui_keys n
wait_for "Note about Ada Lovelace" 2 "the editor again"
tui_type "half a thought"
tui_keys Escape
wait_for "Discard this text?" 2 "Esc asks before discarding"
tui_keys n
wait_gone "Discard this text?" 2 "no closes the question"
wait_for "half a thought" 2 "no keeps the text"
tui_keys Escape
wait_for "Discard this text?" 2 "asks again"
tui_keys y
wait_for "Timeline (1 note)" 2 "yes discards"
is "$(sql "$db" "SELECT count(*) FROM note")" 1 "nothing more was stored"

# $EDITOR: a script that writes a note and records where it was.
cat >"$TEST_DIR/editor.sh" <<'SH'
#!/bin/sh
stat -c %a "$1" >"$EDITOR_LOG"
echo "$1" >>"$EDITOR_LOG"
printf 'Written in the editor\nsecond line\n' >"$1"
SH
chmod +x "$TEST_DIR/editor.sh"
tui_quit
tui_start -e EDITOR="$TEST_DIR/editor.sh" -e EDITOR_LOG="$TEST_DIR/editor.log" -- --db "$db"
wait_for "Review |" 10 "starts with \$EDITOR set"
tui_keys 3 Enter
wait_for "Timeline (1 note)" 2 "on the contact page"
tui_keys E
wait_for "Written in the editor" 5 "E stores what the editor wrote"
is "$(sql "$db" "SELECT body FROM note ORDER BY id DESC LIMIT 1")" \
    "Written in the editor
second line" "the editor's note is stored"
is "$(head -1 "$TEST_DIR/editor.log")" 600 "the temporary file was private"
tmp=$(sed -n 2p "$TEST_DIR/editor.log")
ok "$([ -n "$tmp" ] && [ ! -e "$tmp" ]; echo $?)" "and removed afterwards"
tui_quit

# A note holds at most 1 MiB: a longer text from the editor is not read
# whole, not stored, and its file stays, so nothing written is lost.
cat >"$TEST_DIR/big-editor.sh" <<'SH'
#!/bin/sh
echo "$1" >"$EDITOR_LOG"
head -c 2000000 /dev/zero | tr '\0' x >"$1"
SH
chmod +x "$TEST_DIR/big-editor.sh"
mkdir -m 700 "$TEST_DIR/tmp"
tui_start -e EDITOR="$TEST_DIR/big-editor.sh" -e EDITOR_LOG="$TEST_DIR/big.log" \
    -e TMPDIR="$TEST_DIR/tmp" -- --db "$db"
wait_for "Review |" 10 "starts with an editor that writes 2 MB"
tui_keys 3 Enter
wait_for "Timeline (2 notes)" 2 "on the contact page"
tui_keys E
wait_for "Not stored (over 1024 KiB)" 5 "a text longer than 1 MiB is refused"
is "$(sql "$db" "SELECT count(*) FROM note")" 2 "nothing was stored"
tmp=$(cat "$TEST_DIR/big.log")
is "$(wc -c <"$tmp")" 2000000 "the editor's file is kept whole"
tui_quit

# However odd the temporary folder's name, the path reaches the editor
# whole: quoted for the shell, never split at a space or expanded.
odd="$TEST_DIR/odd dir \$(echo split);'x"
mkdir -m 700 "$odd"
rm -f "$TEST_DIR/editor.log"
tui_start -e EDITOR="$TEST_DIR/editor.sh" -e EDITOR_LOG="$TEST_DIR/editor.log" \
          -e TMPDIR="$odd" -- --db "$db"
wait_for "Review |" 10 "starts with an odd TMPDIR"
tui_keys 3 Enter
wait_for "Timeline (2 notes)" 2 "on the contact page"
tui_keys E
wait_for "Timeline (3 notes)" 5 "E stores what the editor wrote"
tmp=$(sed -n 2p "$TEST_DIR/editor.log")
case $tmp in
    "$odd"/rapport-note-*.txt) whole=0 ;;
    *) whole=1 ;;
esac
ok "$whole" "the editor got the whole path"
is "$(head -1 "$TEST_DIR/editor.log")" 600 "the temporary file was private"
ok "$([ -n "$tmp" ] && [ ! -e "$tmp" ]; echo $?)" "and removed afterwards"
tui_quit

done_testing
