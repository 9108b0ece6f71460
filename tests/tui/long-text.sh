#!/bin/bash
# Long text (issue 20): a form field shows the start of what it holds
# when it has no focus; the built-in note editor wraps long lines as it
# shows them, by display width (double-width characters kept whole,
# combining marks with their base), and Up/Down go by screen rows.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/l.db"
org="Beginning of a very long organisation name that goes on and on past the edge of the form and ends here TAIL"
run --db "$db" add "Ada Lovelace" --org "$org"
is "$status" 0 "a contact with a long organisation"

tui_start -e LANG=C.UTF-8 -- --db "$db"
wait_for "Review |" 10 "starts"
tui_keys 3
wait_for "Ada Lovelace" 3 "the Contacts list"
tui_keys e
wait_for "Edit Ada Lovelace" 3 "the form"
# The focus is on the name: the organisation shows its start, not its end.
wait_for "Beginning of a very long" 2 "an unfocused field shows its start"
if tui_screen | grep -q "ends here TAIL"; then ok 1 "not its end"; else ok 0 "not its end"; fi
# With focus, the field follows the cursor (at its end).
tui_keys Tab
wait_for "ends here TAIL" 2 "the focused field shows where the cursor is"
tui_keys Tab
wait_for "Beginning of a very long" 2 "and its start again when it loses focus"
tui_keys Escape
wait_for "Contacts (1)" 2 "back on the list"

# The note editor: a long line of words wraps at a space.
tui_keys Enter
wait_for "Timeline (" 3 "her page"
tui_keys n
wait_for "Note about Ada" 3 "the editor"
words=""
for i in $(seq 1 20); do words="$words word$i"; done
words="${words# } LASTWORD"
tui_type "$words"
wait_for "LASTWORD" 2 "the end of a long line is shown on a row below"
row1=$(tui_screen | sed -n 2p | sed 's/ *$//')
row2=$(tui_screen | sed -n 3p | sed 's/ *$//')
like "$row1" '^word1 word2 .*word[0-9]+$' "the first row ends with a whole word"
like "$row2" '^word[0-9]+ .*LASTWORD$' "the next row starts with a whole word"
is "$row1 $row2" "$words" "the two rows are the line"
tui_keys C-s
wait_for "stored" 2 "saved"
is "$(sql "$db" "SELECT body FROM note ORDER BY id DESC LIMIT 1")" "$words" \
   "the note is one line, as typed"

# Double-width characters: 50 of them take 100 columns, 40 to a row.
tui_keys n
wait_for "Note about Ada" 3 "the editor again"
wide=$(printf '漢%.0s' $(seq 1 50))
tui_type "$wide"
wait_for "$(printf '漢%.0s' $(seq 1 10))" 2 "the wide characters are shown"
is "$(tui_screen | sed -n 2p | sed 's/ *$//')" "$(printf '漢%.0s' $(seq 1 40))" \
   "a row holds 40 double-width characters"
is "$(tui_screen | sed -n 3p | sed 's/ *$//')" "$(printf '漢%.0s' $(seq 1 10))" \
   "the other 10 on the next row"
tui_keys Escape
wait_for "Discard this text?" 2 "Esc asks"
tui_keys y
wait_for "Timeline (" 3 "discarded"

# A combining mark at the edge stays with its base; Up moves a screen
# row within the same line, at the same column.
tui_keys n
wait_for "Note about Ada" 3 "the editor, a third time"
a79=$(printf 'a%.0s' $(seq 1 79))
tui_type "${a79}$(printf 'e\xcc\x81')Zbbbbbbbbbbbbbbbbbbb"
wait_for "Zbbb" 2 "the rest is on the next row"
like "$(tui_screen | sed -n 3p)" '^Zb' "the combining mark did not start the next row"
tui_keys Up
tui_type Q
tui_keys C-s
wait_for "stored" 2 "saved the third"
body=$(sql "$db" "SELECT body FROM note ORDER BY id DESC LIMIT 1")
is "$body" "$(printf 'a%.0s' $(seq 1 20))Q$(printf 'a%.0s' $(seq 1 59))$(printf 'e\xcc\x81')Zbbbbbbbbbbbbbbbbbbb" \
   "Up went to the same column of the row above, in the same line"
tui_quit
done_testing
