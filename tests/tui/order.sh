#!/bin/sh
# The files of src/tui/ include one another in the order src/tui/ui.h
# lists them, bottom to top: a file includes headers of its own row and
# of the rows before it (within a row, of the files to its left), so the
# include graph has no circle and a prompt never reaches the screens.
. "${top_srcdir:-.}/tests/lib/tap.sh"

tui="$top_srcdir/src/tui"

# "name rank" per file: a row's files share the row's number, plus their
# place in it; X.h ranks as X.c (ui.h as ui.c) unless listed itself.
awk '
/^ \*   [a-z_]+\.[ch]/ {
    row++
    for (i = 2; i <= NF && $i ~ /^[a-z_]+\.[ch]$/; i++)
        printf "%s %d\n", $i, row * 100 + i
}' "$tui/ui.h" >"$TEST_DIR/ranks"
ok "$([ -s "$TEST_DIR/ranks" ]; echo $?)" "ui.h lists the order of tui/"

rank() {   # rank FILE: its rank, or nothing when it is not listed
    r=$(awk -v f="$1" '$1 == f { print $2 }' "$TEST_DIR/ranks")
    if [ -z "$r" ]; then
        base=${1%.?}
        r=$(awk -v f="$base.c" '$1 == f { print $2 }' "$TEST_DIR/ranks")
    fi
    printf '%s' "$r"
}

for path in "$tui"/*.c "$tui"/*.h; do
    file=${path##*/}
    mine=$(rank "$file")
    if [ -z "$mine" ]; then
        ok 1 "$file is listed in ui.h's order"
        continue
    fi
    wrong=""
    for inc in $(sed -n 's/^[ \t]*#[ \t]*include[ \t]*"tui\/\([^"]*\)".*/\1/p' "$path"); do
        theirs=$(rank "$inc")
        if [ -z "$theirs" ] || [ "$theirs" -gt "$mine" ]; then
            wrong="$wrong $inc"
        fi
    done
    is "$wrong" "" "$file includes only files listed before it"
done

done_testing
