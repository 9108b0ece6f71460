#!/bin/bash
# The Organisations screen's filter ignores accents and case, as the
# contact filter does (issue 14): "oster" finds "Östergård Library",
# "ÖSTERGÅRD" too, and "musee" the "Musée".
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/f.db"
run --db "$db" add "Ada Lovelace" --org "Östergård Library"
run --db "$db" add "Bea Brown" --org "Musée des Arts"
run --db "$db" add "Cy Young" --org "City Archives"
is "$status" 0 "three organisations"

tui_start -- --db "$db"
wait_for "1 Review" 10 "starts"
tui_keys 4
wait_for "Organisations, by name" 5 "the Organisations screen"
tui_keys /
tui_type "oster"
wait_gone "City Archives" 2 "the others are filtered out"
wait_for "Östergård Library" 2 "oster finds Östergård"
tui_keys C-u
tui_type "ÖSTERGÅRD"
# Östergård is on the screen all along: the filter's own text says
# when ÖSTERGÅRD has been read, and then only Östergård is left.
wait_for "ÖSTERGÅRD" 2 "the filter reads ÖSTERGÅRD"
wait_gone "City Archives" 2 "ÖSTERGÅRD leaves the others out"
like "$(tui_screen)" "Östergård Library" "so does ÖSTERGÅRD"
tui_keys C-u
tui_type "musee"
wait_gone "Östergård Library" 2 "musee leaves Östergård out"
wait_for "Musée des Arts" 2 "and finds the Musée"
tui_keys Escape
wait_for "City Archives" 2 "Esc clears the filter"
tui_quit
done_testing
