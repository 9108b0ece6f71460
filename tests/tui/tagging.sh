#!/bin/bash
# Tagging (issue 20), as in mutt: t tags the row (a * in front) and
# goes to the next; ; then a key acts on every tagged row: done,
# snooze, promote, demote, archive, on the Review and on Contacts.
# Each ; is one change in the journal, so one u undoes all of it.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/t.db"
for who in "Ada Lovelace" "Bea Brown" "Cy Young" "Dee Nofollow"; do
    run --db "$db" add "$who"
done
run --db "$db" follow "Ada Lovelace" today "Call Ada"
run --db "$db" follow "Bea Brown" today "Call Bea"
run --db "$db" follow "Cy Young" today "Call Cy"
is "$status" 0 "three follow-ups due today"
journal() { sql "$db" "SELECT count(*) FROM journal"; }

tui_start -- --db "$db"
wait_for "Today (3)" 10 "the Review lists them"
tui_keys t
wait_for "Tagged (1)." 2 "t tags the first row"
tui_keys t
wait_for "Tagged (2)." 2 "and then the next"
wait_match '^\*.*Call Ada' 1 "a tagged row is marked"
wait_match '^\*.*Call Bea' 1 "the other too"
if tui_screen | grep -qE '^\*.*Call Cy'; then ok 1 "an untagged row is not"; else ok 0 "an untagged row is not"; fi

# ; s: one date for both; one journal entry.
before=$(journal)
tui_keys '\;'
wait_for "2 tagged:" 2 "; names the choices"
tui_keys s
wait_for "Snooze every tagged one until" 2 "s asks one date"
tui_type "yesterday"
tui_keys Enter
wait_for "Nothing was changed" 2 "a date that fits none is refused"
wait_match 'Snooze every tagged one until.*: yesterday$' 2 "and the question stays with the text"
tui_keys C-u
tui_type "+3d"
tui_keys Enter
wait_for "snooze: 2 tagged rows; u undoes it" 3 "both snoozed"
is "$(sql "$db" "SELECT text FROM followup WHERE snoozed_until IS NOT NULL ORDER BY id")" \
   "$(printf 'Call Ada\nCall Bea')" "the two tagged ones are snoozed, not the third"
is "$(journal)" $((before + 1)) "as one change"
wait_for "Today (1)" 2 "Today keeps the untagged one"
tui_keys u
wait_for "Undone: snooze: 2 tagged rows" 3 "one u undoes it"
is "$(sql "$db" "SELECT count(*) FROM followup WHERE snoozed_until IS NOT NULL")" 0 \
   "both are back"
wait_for "Today (3)" 2 "and on the Review"

# The tags were cleared by the action: tag two again, ; x.
tui_keys g t j t
wait_for "Tagged (2)." 2 "tag Ada and Cy"
tui_keys '\;' x
wait_for "Log a note on each" 2 "x asks one note"
tui_type "Phoned"
tui_keys Enter
wait_for "done: 2 tagged rows" 3 "both done"
is "$(sql "$db" "SELECT text FROM followup WHERE state <> 0 ORDER BY id")" \
   "$(printf 'Call Ada\nCall Cy')" "Ada's and Cy's are done"
is "$(sql "$db" "SELECT count(*) FROM note WHERE body = 'Phoned'")" 2 "a note logged on each"
tui_keys u
wait_for "Undone: done: 2 tagged rows" 3 "one u undoes both"
is "$(sql "$db" "SELECT count(*) FROM followup WHERE state <> 0")" 0 "open again"
is "$(sql "$db" "SELECT count(*) FROM note")" 0 "the notes are gone too"

# Contacts: promote two with one reason; archive two.
tui_keys 3
wait_for "Contacts (4)" 3 "the Contacts screen"
tui_keys t j j t
wait_for "Tagged (2)." 2 "Ada and Dee tagged"
wait_match '^\*Ada Lovelace' 1 "Ada is marked"
wait_match '^\*Dee Nofollow' 1 "Dee is marked"
tui_keys '\;' '>'
wait_for "Promote every tagged one" 2 "> asks one reason"
tui_type "joint project"
tui_keys Enter
wait_for "promote: 2 tagged rows" 3 "both promoted"
is "$(sql "$db" "SELECT name FROM contact WHERE stage = 1 ORDER BY name")" \
   "$(printf 'Ada Lovelace\nDee Nofollow')" "they are customers"
is "$(sql "$db" "SELECT count(*) FROM stage_change WHERE reason = 'joint project'")" 2 \
   "with the reason"
tui_keys u
wait_for "Undone: promote: 2 tagged rows" 3 "undone at once"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE stage <> 0")" 0 "end users again"

# ; x on contacts: the one open follow-up of each; Dee has none.
tui_keys g t j j t
wait_for "Tagged (2)." 2 "Ada and Dee tagged again"
tui_keys '\;' x
wait_for "Log a note on each" 2 "x on contacts asks"
tui_keys Enter
wait_for "1 left out (a contact without one open follow-up)" 3 "Dee is left out and said so"
is "$(sql "$db" "SELECT text FROM followup WHERE state <> 0")" "Call Ada" "Ada's follow-up is done"
tui_keys u
wait_for "Undone: done" 3 "undone"

tui_keys g t t
wait_for "Tagged (2)." 2 "Ada and Bea"
tui_keys '\;' d
wait_for "Archive the contacts of 2 tagged rows?" 2 "d asks once"
tui_keys y
wait_for "archive: 2 tagged rows" 3 "archived"
is "$(sql "$db" "SELECT name FROM contact WHERE archived = 1 ORDER BY name")" \
   "$(printf 'Ada Lovelace\nBea Brown')" "both archived"
tui_keys u
wait_for "Undone: archive" 3 "one u"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE archived = 1")" 0 "both back"

# ; with nothing tagged says how to tag.
tui_keys '\;'
wait_for "Nothing is tagged; t tags a row." 2 "; with no tags"
tui_quit

tui_start -- --db "$db" --read-only
wait_for "read-only" 10 "read-only"
tui_keys t
wait_for "Tagged (1)." 2 "tagging is no write"
tui_keys '\;'
wait_for "Read-only: “Act on every tagged row" 2 "; is refused at once"
tui_quit
done_testing
