#!/bin/bash
# The Review on a long section: G and g jump at once, PgUp after G; keys
# that arrive as unknown escape sequences (Alt+key, a key with no
# terminfo entry) are dropped instead of read as Esc; and the day turns
# at midnight.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"
command -v faketime >/dev/null 2>&1 || skip_all "faketime is not installed"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS

db="$TEST_DIR/review.db"
# Added on consecutive days, so the list is in a known order: the
# longest quiet (Client 01) first.
for i in $(seq -w 1 90); do
    fake_clock "$(printf '2026-06-%02d %02d:00:00' $(( (10#$i - 1) / 3 + 1 )) $(( (10#$i - 1) % 3 + 8 )))" \
        "$RAPPORT" --db "$db" add "Client $i" --stage client >/dev/null
done
is "$(sql "$db" 'SELECT count(*) FROM contact')" 90 "ninety clients are stored"

tui_start -t '@2026-12-02 12:00:00' -- --db "$db"
wait_for "Gone quiet (90)" 10 "the Review counts ninety gone quiet"
wait_for "Client 01" 2 "the longest quiet first"
tui_keys l l l
tui_keys G
wait_for "Client 90" 2 "G shows the last row at once"
wait_gone "Client 01" 2 "and the first is scrolled away"
tui_keys PPage PPage PPage PPage PPage PPage PPage PPage PPage PPage PPage PPage
wait_for "Client 01" 2 "PgUp reads back to the first row"
tui_keys G
wait_for "Client 90" 2 "G again"
tui_keys g
wait_for "Client 01" 2 "g goes to the top"

# Alt+j and an escape sequence the terminal does not know.
tui_keys M-j
tui_type $'\e[99~'
tui_keys '?'
wait_for "Keys of the Review screen" 2 "Alt+j and ESC [ 99 ~ neither quit nor close the screen"
tui_keys q
tui_keys a
wait_for "New contact" 2 "the form opens"
tui_type "Ada"
tui_type $'\e[99~'
tui_type " Lovelace"
tui_keys C-s
wait_for "Ada Lovelace  #" 5 "the form stays open through an unknown sequence and saves"
is "$(sql "$db" "SELECT name FROM contact WHERE name LIKE 'Ada%'")" "Ada Lovelace" \
    "no tail of the sequence was typed into the name"
tui_quit

# A follow-up due tomorrow is under Next 7 days until midnight, then
# under Today, without a key pressed.
"$RAPPORT" --db "$db" follow "Client 05" 2026-12-03 "Call back about the archive" >/dev/null
tui_start -t '@2026-12-02 23:59:57' -- --db "$db"
wait_for "Next 7 days (1)" 10 "before midnight the follow-up is coming"
wait_for "Today (1)" 8 "after midnight it is due today, with no key pressed"
tui_quit

done_testing
