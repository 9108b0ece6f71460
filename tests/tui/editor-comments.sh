#!/bin/bash
# The external editor's file (issue 20) names the contact and the
# note's kind in comment lines that start with "# rapport:"; they are
# removed on save, a kind changed there is taken, and a note whose own
# text starts with that mark keeps it (only the lines rapport wrote, at
# the top, are comments).
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/e.db"
run --db "$db" add "Ada Lovelace"
is "$status" 0 "a contact"

# An editor script: keeps a copy of what it was given, then runs the
# sed program in $TEST_DIR/edit.sed on the file.
cat >"$TEST_DIR/ed.sh" <<SH
#!/bin/sh
cp "\$1" "$TEST_DIR/seen.txt"
sed -i -f "$TEST_DIR/edit.sed" "\$1"
SH
chmod +x "$TEST_DIR/ed.sh"

note_with() {   # note_with SED-PROGRAM: E on the contact page with it
    printf '%s\n' "$1" >"$TEST_DIR/edit.sed"
    before=$(sql "$db" "SELECT count(*) FROM note")
    tui_keys E
    wait_for "Note #$((before + 1)) stored" 5 "$2: stored"
    is "$(sql "$db" "SELECT count(*) FROM note")" $((before + 1)) "$2: one note more"
    body=$(sql "$db" "SELECT body FROM note ORDER BY id DESC LIMIT 1")
    kind=$(sql "$db" "SELECT kind FROM note ORDER BY id DESC LIMIT 1")
}

tui_start -e VISUAL="$TEST_DIR/ed.sh" -- --db "$db"
wait_for "Review |" 10 "starts"
tui_keys 3 Enter
wait_for "Timeline (" 3 "her page"

note_with '$a Met at the fair.
s/^# rapport: Kind: note /# rapport: Kind: meeting /' "a kind changed"
like "$(sed -n 1p "$TEST_DIR/seen.txt")" '^# rapport: Note about Ada Lovelace \(#1\)$' \
     "the file names the contact in a comment"
like "$(sed -n 2p "$TEST_DIR/seen.txt")" '^# rapport: Kind: note \(change it here: note, call, email' \
     "and the note's kind, with the others"
like "$(sed -n 3p "$TEST_DIR/seen.txt")" '^# rapport: Lines starting with “# rapport:” are removed' \
     "and says the comments are removed"
is "$body" "Met at the fair." "the comments are stripped on save"
is "$kind" "meeting" "the kind changed in the comment is taken"

note_with '$a # rapport: this line is the note'"'"'s own\
and so is this' "a note starting with the mark"
is "$body" "$(printf "# rapport: this line is the note's own\nand so is this")" \
   "a note's own first line with the mark is kept"
is "$kind" "note" "the kind as offered"

note_with 's/^# rapport: Kind: note /# rapport: Kind: gossip /
$a Heard things.' "an unknown kind"
wait_for "“gossip” is no kind of note" 2 "an unknown kind is said"
is "$kind" "note" "and the note keeps the kind offered"
is "$body" "Heard things." "its text is stored"

note_with '1s/.*/No comments left./
2,$d' "the comments deleted"
is "$body" "No comments left." "a file without the comments is the note"
tui_quit
done_testing
