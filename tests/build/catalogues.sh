#!/bin/sh
# Every catalogue of po/LINGUAS is complete (SPEC §7): merged with the
# messages the sources hold today (xgettext over po/POTFILES.in, with the
# options of po/Makevars), `msgfmt --statistics` counts no untranslated
# and no fuzzy message. A message added to the sources without its
# translations fails here, not in front of a German reader.
#   CATALOGUE_DIR=DIR   checks DIR/*.po of DIR/LINGUAS instead (to show
#                       that the test can fail on a broken copy)
. "${top_srcdir:-.}/tests/lib/tap.sh"

po=${CATALOGUE_DIR:-$top_srcdir/po}
for tool in xgettext msgmerge msgfmt; do
    command -v "$tool" >/dev/null 2>&1 || skip_all "$tool (gettext) is not installed"
done

options=$(sed -n 's/^XGETTEXT_OPTIONS *= *//p' "$top_srcdir/po/Makevars")
# shellcheck disable=SC2086 # the options are words
(cd "$top_srcdir" && xgettext $options -f po/POTFILES.in -o "$TEST_DIR/rapport.pot") \
    2>"$TEST_DIR/xgettext.err"
ok $? "xgettext reads every file of po/POTFILES.in"
sed 's/^/#   ! /' "$TEST_DIR/xgettext.err"
total=$(grep -c '^msgid ' "$TEST_DIR/rapport.pot")
total=$((total - 1))   # the header
ok "$([ "$total" -gt 0 ]; echo $?)" "the sources hold messages ($total)"

langs=$(sed 's/#.*//' "$po/LINGUAS" | tr -s ' \t' '\n' | grep .)
ok "$([ -n "$langs" ]; echo $?)" "po/LINGUAS names languages: $(echo $langs)"
for lang in $langs; do
    if [ ! -f "$po/$lang.po" ]; then
        ok 1 "$lang: $lang.po exists"
        continue
    fi
    msgmerge --quiet --no-fuzzy-matching "$po/$lang.po" "$TEST_DIR/rapport.pot" \
        -o "$TEST_DIR/$lang.po" 2>"$TEST_DIR/merge.err"
    ok $? "$lang: merges with the sources' messages"
    stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$TEST_DIR/$lang.po" 2>&1)
    ok $? "$lang: msgfmt --check accepts it"
    is "$(printf '%s\n' "$stats" | tail -n 1)" "$total translated messages." \
       "$lang: every message translated, none fuzzy"
done

done_testing
