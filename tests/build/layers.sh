#!/bin/sh
# The layers of src/ (README, Layout), checked by scripts/check-layers.sh:
# the real tree keeps them, and a copy broken on purpose, one rule at a
# time, is refused with a message that names the file and the rule.
. "${top_srcdir:-.}/tests/lib/tap.sh"

check="$top_srcdir/scripts/check-layers.sh"

out=$("$check" "$top_srcdir/src" 2>&1)
status=$?
is "$status" 0 "src/ keeps its layers"
[ "$status" -eq 0 ] || printf '%s\n' "$out" | sed 's/^/#   | /'

# A copy of the tree's C files, broken by one edit.
fresh_copy() {
    rm -rf "$TEST_DIR/src"
    cp -R "$top_srcdir/src" "$TEST_DIR/src"
    chmod -R u+w "$TEST_DIR/src"
    find "$TEST_DIR/src" -type f ! -name '*.[ch]' -exec rm -f {} +
}

# broken NAME PATTERN: the copy is refused and the message matches
broken() {
    out=$("$check" "$TEST_DIR/src" 2>&1)
    status=$?
    is "$status" 1 "$1: refused"
    like "$out" "$2" "$1: the message names the file and the rule"
}

fresh_copy
printf '#include "tui/ui.h"\n' >>"$TEST_DIR/src/core/contact.c"
broken "core/ including a tui/ header" 'core/contact\.c:[0-9]+: core/ includes "tui/ui\.h", a layer above it'

fresh_copy
printf '#include "io/io.h"\n' >>"$TEST_DIR/src/store/store.h"
broken "store/ including an io/ header" 'store/store\.h:[0-9]+: store/ includes "io/io\.h"'

fresh_copy
printf '#include "store/db.h"\n' >>"$TEST_DIR/src/core/note.c"
broken "a private header of store/ outside it" 'core/note\.c:[0-9]+: includes "store/db\.h", private to store/'

fresh_copy
printf '#include "tui/ui.h"\n' >>"$TEST_DIR/src/cli/cli.c"
broken "cli/ including tui/, its neighbour" 'cli/cli\.c:[0-9]+: cli/ includes "tui/ui\.h"'

fresh_copy
printf '#include "contact.h"\n' >>"$TEST_DIR/src/core/note.c"
broken "a header named without its folder" 'core/note\.c:[0-9]+: includes "contact\.h"; name headers by their folder'

fresh_copy
printf 'static int f(void *db) { return sqlite3_changes(db); }\n' >>"$TEST_DIR/src/core/note.c"
broken "SQLite outside store/" 'core/note\.c:[0-9]+: SQLite outside store/'

fresh_copy
printf 'static void f(void) { fprintf(stderr, "x"); }\n' >>"$TEST_DIR/src/core/note.c"
broken "printing in core/" 'core/note\.c:[0-9]+: core/ prints'

fresh_copy
printf 'static void f(void) { printf("x"); }\n' >>"$TEST_DIR/src/store/note.c"
broken "printing in store/" 'store/note\.c:[0-9]+: store/ prints'

fresh_copy
printf '#include <curses.h>\n' >>"$TEST_DIR/src/cli/cli.c"
broken "curses outside tui/" 'cli/cli\.c:[0-9]+: curses outside tui/'

fresh_copy
awk 'BEGIN { for (i = 0; i < 801; i++) print "/* line */" }' >"$TEST_DIR/src/core/long.c"
broken "a file past 800 lines" 'core/long\.c: 801 lines'

fresh_copy
mkdir "$TEST_DIR/src/extra" && printf '/* x */\n' >"$TEST_DIR/src/extra/x.c"
broken "a folder that is no layer" 'extra/x\.c: the folder extra is no layer'

done_testing
