#!/bin/bash
# Tab completion (issue 20): organisation names in the contact form
# (from the store), file names in the import and export prompts.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/c.db"
run --db "$db" add "Ada Lovelace" --org "Department of History"
run --db "$db" add "Bea Brown" --org "Department of Physics"
run --db "$db" add "Cy Young" --org "Museum"
is "$status" 0 "three organisations"
mkdir -p "$TEST_DIR/kompl/sub"
printf 'name,email\nDee Imported,dee@example.org\n' >"$TEST_DIR/kompl/people.csv"

tui_start -- --db "$db"
wait_for "1 Review" 10 "starts"
tui_keys a
wait_for "New contact" 3 "the form"
tui_type "Eve Newcomer"
tui_keys Tab
tui_type "mus"
tui_keys Tab
wait_match '^Organisation +Museum *$' 2 "Tab completes one organisation"
tui_keys Tab
tui_type "Archivist"
wait_match '^Department +Archivist *$' 2 "on a complete name Tab goes to the next field"
tui_keys BTab C-u
tui_type "dep"
tui_keys Tab
wait_match '^Organisation +Department of *$' 2 "several: Tab fills in what they share"
wait_for "Tab: Department of History, Department of Physics" 2 "and lists them"
tui_keys Tab
wait_match '^Organisation +Department of History *$' 2 "the next Tab shows the first"
tui_keys Tab
wait_match '^Organisation +Department of Physics *$' 2 "and the next the other"
tui_keys C-s
wait_for "Added Eve Newcomer" 3 "saved"
is "$(sql "$db" "SELECT o.name FROM contact c JOIN organisation o ON o.id = c.org_id WHERE c.name = 'Eve Newcomer'")" \
   "Department of Physics" "the completed organisation is stored"
is "$(sql "$db" "SELECT count(*) FROM organisation")" 3 "no new organisation was made"

# Import: Tab completes a folder, then a file.
tui_keys 3
wait_for "Contacts (4)" 3 "Contacts"
tui_keys i
wait_for "Import file" 2 "the import prompt"
tui_type "$TEST_DIR/komp"
tui_keys Tab
wait_for "$TEST_DIR/kompl/" 2 "Tab completes the folder, with a slash"
tui_type "peo"
tui_keys Tab
wait_for "$TEST_DIR/kompl/people.csv" 2 "and then the file"
tui_keys Enter
wait_for "Dee Imported" 5 "the completed file is imported"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE name = 'Dee Imported'")" 1 "stored"

# Export: Tab there too.
tui_keys X
wait_for "Export to" 2 "the export prompt"
tui_type "$TEST_DIR/kompl/s"
tui_keys Tab
wait_for "$TEST_DIR/kompl/sub/" 2 "Tab completes in the export prompt"
tui_type "all.csv"
tui_keys Enter
wait_for "Exported" 5 "exported"
ok "$([ -s "$TEST_DIR/kompl/sub/all.csv" ]; echo $?)" "into the completed folder"
tui_quit
done_testing
