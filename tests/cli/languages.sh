#!/bin/sh
# rapport speaks German, French and Spanish (SPEC §7): the catalogues
# compiled by the build are used by the real binary.
. "$top_srcdir/tests/lib/tap.sh"

locales="$TEST_DIR/locale"
for lang in de fr es; do
    gmo="$top_builddir/po/$lang.gmo"
    [ -f "$gmo" ] || gmo="$top_srcdir/po/$lang.gmo"
    [ -f "$gmo" ] || skip_all "po/$lang.gmo was not built"
    mkdir -p "$locales/$lang/LC_MESSAGES"
    cp "$gmo" "$locales/$lang/LC_MESSAGES/rapport.mo"
done
export RAPPORT_LOCALEDIR="$locales"
db="$TEST_DIR/l.db"

english=$("$RAPPORT" --help 2>&1)
for lang in de fr es; do
    out=$(LANGUAGE=$lang "$RAPPORT" --help 2>&1)
    if [ "$out" != "$english" ]; then ok 0 "--help is translated ($lang)"; else ok 1 "--help is translated ($lang)"; fi
done

"$RAPPORT" --db "$db" add "Zoë Ødegård" >/dev/null
out=$(LANGUAGE=de "$RAPPORT" --db "$db" stage zoe client --reason test 2>&1)
like "$out" "Kunde|Endnutzer|Auftraggeber" "a stage change is reported in German"
out=$(LANGUAGE=fr "$RAPPORT" --db "$db" nosuchcommand 2>&1)
unlike "$out" "unknown command" "a usage error is reported in French"
out=$(LANGUAGE=de "$RAPPORT" --db "$db" show zed 2>&1)
unlike "$out" "no contact matches" "a user error is reported in German"

done_testing
