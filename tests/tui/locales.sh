#!/bin/bash
# The TUI as a German, French and Spanish user runs it (SPEC §7): LANG
# set to the locale, not only LANGUAGE, so the messages, the weekday and
# month names of a date_format, and the weekday names typed in a date
# prompt all come from that locale. The locales are the ones
# scripts/install-deps.sh --test generates; without one the whole file
# is skipped (77), never passed in English.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

has_locale() { locale -a 2>/dev/null | grep -qix "$1\.utf-\{0,1\}8"; }
for l in de_DE fr_FR es_ES; do
    has_locale "$l" || skip_all "no $l.UTF-8 locale (scripts/install-deps.sh --test makes it)"
done

# Wednesday 2026-12-02, short of midnight.
clock_fix '2026-12-02 23:50:00'
db="$TEST_DIR/l.db"
run --db "$db" add "Zoë Ødegård" --org "Digital Humanities"
run --db "$db" follow zoe today "Send the reading list"
is "$status" 0 "a contact with a follow-up due today"
# Names of days and months, so that the locale's show.
printf '[general]\ndate_format = %%A %%d %%B %%Y\n' >"$TEST_DIR/names.ini"

# speaks LOCALE TODAY OPEN DUE WEDNESDAY DECEMBER FRIDAY WHAT REPEAT
#   the words the screens show in LOCALE, and a weekday name to type.
speaks() {
    loc=$1
    tui_start -e LC_ALL= -e LANGUAGE= -e "LANG=$loc.UTF-8" -- \
        --config "$TEST_DIR/names.ini" --db "$db"
    wait_for "$2 (1)" 10 "$loc: the Review's section is $2"
    wait_for "Send the reading list" 2 "$loc: with the follow-up"
    tui_keys 3 Enter
    wait_for "$3 (" 3 "$loc: the contact page says $3"
    wait_for "$5 02 $6 2026" 2 "$loc: a date in the locale's names: $5 02 $6 2026"
    tui_keys f
    wait_for "$4" 2 "$loc: the due date is asked for: $4"
    tui_type "$7"
    tui_keys Enter
    wait_for "$8" 2 "$loc: $7, a weekday in the locale's language, is a date"
    tui_type "Call in $loc"
    tui_keys Enter
    wait_for "$9" 2 "$loc: the recurrence is asked for: $9"
    tui_keys Enter
    wait_match "$7 04 $6 2026 +Call in $loc" 3 \
        "$loc: the follow-up is due $7 04 $6 2026, the Friday after"
    tui_quit
}

speaks de_DE "Heute" "Offene Wiedervorlagen" "Fällig (" "Mittwoch" "Dezember" \
    "Freitag" "Was zu tun ist:" "Wiederholen alle"
speaks fr_FR "Aujourd'hui" "Relances ouvertes" "Échéance (" "mercredi" "décembre" \
    "vendredi" "À faire :" "Répéter tous les"
speaks es_ES "Hoy" "Seguimientos abiertos" "Vence (" "miércoles" "diciembre" \
    "viernes" "Qué hacer:" "Repetir cada"

# In C.UTF-8, the same screens are English (so the checks above can fail).
tui_start -- --config "$TEST_DIR/names.ini" --db "$db"
wait_for "Today (1)" 10 "C.UTF-8: Today"
tui_keys 3 Enter
wait_for "Wednesday 02 December 2026" 3 "C.UTF-8: the date in English"
tui_quit

done_testing
