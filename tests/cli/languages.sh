#!/bin/sh
# rapport speaks German, French and Spanish (SPEC §7): the build tree's
# binary finds the catalogues the build compiled into its locale/ folder,
# with nothing set. LANGUAGE picks the language: it works in C.UTF-8,
# which every system has (tests/build/languages.sh runs in real locales).
. "$top_srcdir/tests/lib/tap.sh"

db="$TEST_DIR/l.db"

english=$("$RAPPORT" --help 2>&1)
for lang in de fr es; do
    out=$(LANGUAGE=$lang "$RAPPORT" --help 2>&1)
    if [ "$out" != "$english" ]; then ok 0 "--help is translated ($lang)"; else ok 1 "--help is translated ($lang)"; fi
done

# RAPPORT_LOCALEDIR still chooses the folder: one without catalogues
# leaves rapport in English.
mkdir "$TEST_DIR/none"
out=$(LANGUAGE=de RAPPORT_LOCALEDIR="$TEST_DIR/none" "$RAPPORT" --help 2>&1)
is "$out" "$english" "RAPPORT_LOCALEDIR overrides the build tree's catalogues"

"$RAPPORT" --db "$db" add "Zoë Ødegård" >/dev/null
out=$(LANGUAGE=de "$RAPPORT" --db "$db" stage zoe client --reason test 2>&1)
like "$out" "Kunde|Endnutzer|Auftraggeber" "a stage change is reported in German"
out=$(LANGUAGE=fr "$RAPPORT" --db "$db" nosuchcommand 2>&1)
is "$?" 2 "a usage error in French is still a usage error"
like "$out" "commande inconnue « nosuchcommand »" "a usage error is reported in French"
unlike "$out" "unknown command" "and not in English"
out=$(LANGUAGE=de "$RAPPORT" --db "$db" show zed 2>&1)
is "$?" 1 "a user error in German is still a user error"
like "$out" 'kein Kontakt passt zu "zed"' "a user error is reported in German"
unlike "$out" "no contact matches" "and not in English"

# A department and the kinds of numbers, shown in each language; a kind
# may be typed in it too.
"$RAPPORT" --db "$db" edit zoe --department "Historie" --phone "cell:+47 1" >/dev/null
out=$(LANGUAGE=de "$RAPPORT" --db "$db" edit zoe --phone "Privat:+47 2" 2>&1)
is "$("${SQLITE3_SHELL:-sqlite3}" -batch -noheader "$db" "SELECT kind FROM contact_phone WHERE phone = '+47 2'")" home \
   "a kind typed in German is understood"
out=$(LANGUAGE=de "$RAPPORT" --db "$db" show zoe 2>&1)
like "$out" 'Abteilung: +Historie' "the department is shown in German"
like "$out" '\+47 1 \(Mobil\), \+47 2 \(privat\)' "and the kinds of numbers"
out=$(LANGUAGE=fr "$RAPPORT" --db "$db" show zoe 2>&1)
like "$out" '\+47 1 \(portable\), \+47 2 \(domicile\)' "in French"
out=$(LANGUAGE=es "$RAPPORT" --db "$db" show zoe 2>&1)
like "$out" '\+47 1 \(móvil\), \+47 2 \(casa\)' "in Spanish"

# Under LANG (not LANGUAGE), as a German, French or Spanish user runs it:
# the messages and a date_format's weekday and month names come from the
# locale. The locales are the ones scripts/install-deps.sh --test makes;
# a missing one is a failure, never a pass in English.
printf '[general]\ndate_format = "%%A %%-d %%B %%Y"\n' >"$TEST_DIR/names.ini"
"$RAPPORT" --db "$db" follow zoe 2031-02-03 "Send the reading list" >/dev/null
has_locale() { locale -a 2>/dev/null | grep -qix "$1\.utf-\{0,1\}8"; }
for case in "de_DE|Montag 3 Februar 2031|Offene Wiedervorlagen|kein Kontakt passt zu" \
            "fr_FR|lundi 3 février 2031|Relances ouvertes|aucun contact ne correspond" \
            "es_ES|lunes 3 febrero 2031|Seguimientos abiertos|ningún contacto coincide"; do
    IFS='|' read -r loc day open none <<EOF2
$case
EOF2
    if ! has_locale "$loc"; then
        ok 1 "$loc.UTF-8 is installed (scripts/install-deps.sh --test makes it)"
        continue
    fi
    out=$(LC_ALL= LANGUAGE= LANG=$loc.UTF-8 "$RAPPORT" --config "$TEST_DIR/names.ini" --db "$db" show zoe 2>&1)
    like "$out" "$day +Send the reading list" "LANG=$loc.UTF-8: a date in the locale's names, $day"
    like "$out" "$open" "LANG=$loc.UTF-8: the page's words, $open"
    out=$(LC_ALL= LANGUAGE= LANG=$loc.UTF-8 "$RAPPORT" --db "$db" show zed 2>&1)
    like "$out" "$none" "LANG=$loc.UTF-8: an error in the locale's language"
done

done_testing
