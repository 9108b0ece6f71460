#!/bin/sh
# Search goes through the word index, never LIKE '%…%' (SPEC §2): no SQL
# in src/store/ matches with a leading wildcard, written in the statement
# ('%…', '%' || ?) or bound (a parameter made "%…%" by the C code). A
# copy with such a statement is caught, so the check can fail. (Resolving
# a typed name by any part of it, store_contact_match's last resort, uses
# instr() over the folded name on purpose; search never does.)
. "${top_srcdir:-.}/tests/lib/tap.sh"

# leading_wildcards DIR: the lines that match with a leading wildcard
leading_wildcards() {
    grep -rnE -i \
        "LIKE[[:space:]]+'%|'%'[[:space:]]*\|\||GLOB[[:space:]]+'\*|\"%%[^\"]*%%\"" \
        "$1" --include='*.c' --include='*.h'
}

store="$top_srcdir/src/store"
ok "$([ -d "$store" ] && ls "$store"/*.c >/dev/null 2>&1; echo $?)" "src/store/ holds the SQL"
found=$(leading_wildcards "$store")
is "$found" "" "no statement in src/store/ searches with a leading wildcard"

mkdir -p "$TEST_DIR/store"
for form in \
    "\"SELECT id FROM note WHERE body LIKE '%' || ? || '%'\"" \
    "\"SELECT id FROM contact WHERE name LIKE '%smith%'\"" \
    "snprintf(pattern, sizeof pattern, \"%%%s%%\", word);"; do
    printf 'static const char *q = %s\n' "$form" >"$TEST_DIR/store/bad.c"
    like "$(leading_wildcards "$TEST_DIR/store")" 'bad\.c:1:' "caught: $form"
done

done_testing
