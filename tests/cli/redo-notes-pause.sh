#!/bin/sh
# rapport redo after undo (and nothing to redo after a new change),
# rapport note --edit and --delete, and rapport edit --pause-until with
# what agenda and show make of a paused cadence.
. "${top_srcdir:-.}/tests/lib/tap.sh"

db="$TEST_DIR/r.db"
run --db "$db" add "Zoë Ødegård" --stage client
zoe=$(printed_id)
run --db "$db" note zoe "Asked about the maps"
note=$(printed_id)
is "$out" "Note $note on $zoe Zoë Ødegård" "a note"

# Redo.
run --db "$db" redo
is "$status" 1 "redo with nothing undone is a user error"
like "$err" "nothing to redo" "and says so"
run --db "$db" undo
is "$out" "Undone: note $note on Zoë Ødegård" "undo"
is "$(sql "$db" "SELECT count(*) FROM note")" 0 "the note is gone"
run --db "$db" undo
is "$out" "Undone: added contact $zoe Zoë Ødegård" "undo again"
is "$(sql "$db" "SELECT count(*) FROM contact")" 0 "the contact is gone"
run --db "$db" redo
is "$status" 0 "redo exits 0"
is "$out" "Redone: added contact $zoe Zoë Ødegård" "redo brings back the change undone last"
is "$(sql "$db" "SELECT name FROM contact")" "Zoë Ødegård" "the contact is back"
run --db "$db" redo
is "$out" "Redone: note $note on Zoë Ødegård" "redo again brings back the one before"
is "$(sql "$db" "SELECT body FROM note WHERE id = ${note#\#}")" "Asked about the maps" "the note is back"
run --db "$db" undo
is "$out" "Undone: note $note on Zoë Ødegård" "a redone change is undone again"
run --db "$db" score zoe 8
run --db "$db" redo
is "$status" 1 "after a new change nothing is redone"
is "$(sql "$db" "SELECT count(*) FROM note")" 0 "the undone note stays undone"
is "$(sql "$db" "SELECT count(*) FROM journal WHERE undone = 1")" 0 "the journal keeps nothing to redo"

# A change of several rows comes back whole, its search words too.
run --db "$db" add "Mirek Many" --email mirek@example.org --tag maps --tag atlases --org "Map Room"
mirek=$(printed_id)
run --db "$db" undo
run --db "$db" search mirek
is "$status" 1 "undone, the contact is not found"
run --db "$db" redo
like "$out" "Redone: added contact $mirek Mirek Many" "redone"
is "$(sql "$db" "SELECT (SELECT group_concat(email) FROM contact_email WHERE contact_id = ${mirek#\#}) || ':' || (SELECT group_concat(tag, ',') FROM (SELECT tag FROM contact_tag WHERE contact_id = ${mirek#\#} ORDER BY tag))")" \
   "mirek@example.org:atlases,maps" "with its email and tags"
run --db "$db" search atlases
like "$out" "Mirek Many" "found by a tag again"
run --db "$db" check
is "$status" 0 "the database checks clean after undo and redo"
run --db "$db" forget Mirek --yes

# Edit and delete a note.
run --db "$db" note zoe --kind call "Called about the exhibition"
note=$(printed_id)
is "$out" "Note #1 on #1 Zoë Ødegård" "a second note"
run --db "$db" note --edit '#1' "Called about the exhibition catalogue"
is "$status" 0 "--edit with a text"
is "$out" "Edited note $note on $zoe Zoë Ødegård" "says which note and whose"
is "$(sql "$db" "SELECT kind || ':' || body FROM note WHERE id = ${note#\#}")" "call:Called about the exhibition catalogue" \
   "the text changes, the kind stays"
run --db "$db" note --edit "${note#\#}" --kind meeting
is "$(sql "$db" "SELECT kind || ':' || body FROM note WHERE id = ${note#\#}")" "meeting:Called about the exhibition catalogue" \
   "--kind alone changes only the kind"
input="Line one
line two
"
run_in --db "$db" note --edit "${note#\#}"
is "$(sql "$db" "SELECT body FROM note WHERE id = ${note#\#}")" "Line one
line two" "--edit without a text reads standard input"
run --db "$db" note --edit "${note#\#}" "   "
is "$status" 1 "an empty text is refused"
like "$err" "the note is empty" "as for a new note"
run --db "$db" note --edit 99 "x"
is "$status" 1 "an unknown note is a user error"
like "$err" "no note #99" "naming it"
run --db "$db" note --edit x "x"
is "$status" 2 "a note id that is no number is a usage error"
run --db "$db" note --edit "${note#\#}" --delete "${note#\#}"
is "$status" 2 "--edit and --delete together are a usage error"
run --db "$db" note --delete "${note#\#}"
is "$status" 0 "--delete"
like "$out" "Deleted note $note on $zoe Zoë Ødegård" "says what went"
is "$(sql "$db" "SELECT count(*) FROM note")" 0 "the note is deleted"
is "$(sql "$db" "SELECT note_count FROM contact")" 0 "and no longer counted"
run --db "$db" undo
is "$out" "Undone: deleted note $note on Zoë Ødegård" "undo brings it back"
is "$(sql "$db" "SELECT body FROM note WHERE id = ${note#\#}")" "Line one
line two" "with its text"
run --db "$db" undo
is "$(sql "$db" "SELECT body FROM note WHERE id = ${note#\#}")" "Called about the exhibition catalogue" \
   "each edit is a step of its own"
run --db "$db" note
is "$status" 2 "note without a contact is a usage error"

# Pause a cadence.
run --db "$db" add "Olga Quiet" --stage client
olga=$(printed_id)
sql "$db" "UPDATE contact SET created = created - 60 * 86400, last_touch = last_touch - 60 * 86400 WHERE id = ${olga#\#}"
run --db "$db" agenda
like "$out" "Olga Quiet" "Olga has gone quiet"
run --db "$db" edit Olga --pause-until yesterday
is "$status" 1 "a pause must end after today"
like "$err" "a pause lasts until a day after today" "and says so"
run --db "$db" edit Olga --pause-reason "away"
is "$status" 2 "--pause-reason needs --pause-until"
run --db "$db" edit Olga --pause-until 2099-03-01 --pause-reason "on sabbatical"
is "$status" 0 "--pause-until"
is "$out" "Paused the cadence of $olga Olga Quiet until 2099-03-01" "says until when"
is "$(sql "$db" "SELECT until || ':' || reason FROM contact_pause")" "2099-03-01:on sabbatical" "stored"
run --db "$db" agenda
unlike "$out" "Olga Quiet" "agenda no longer lists her as gone quiet"
run --db "$db" show Olga
like "$out" "Paused: +until 2099-03-01 \(on sabbatical\)" "show says she is paused, and why"
unlike "$out" "gone quiet" "and not gone quiet"
run --db "$db" undo
is "$out" "Undone: paused the cadence of Olga Quiet until 2099-03-01" "undo ends the pause"
run --db "$db" agenda
like "$out" "Olga Quiet" "she is gone quiet again"
run --db "$db" redo
run --db "$db" edit Olga --pause-until none --title Librarian
is "$status" 0 "a pause ends with none, beside another change"
like "$out" "Updated $olga Olga Quiet" "the field is changed"
like "$out" "The cadence of $olga Olga Quiet is no longer paused" "and the pause ended"
is "$(sql "$db" "SELECT count(*) FROM contact_pause")" 0 "nothing paused"
run --db "$db" edit Olga --pause-until none
is "$status" 1 "ending a pause that is not there is a user error"
like "$err" "is not paused" "and says so"

# Forgetting erases the pause too.
run --db "$db" edit Olga --pause-until 2099-03-01 --pause-reason "Olgasecretword"
run --db "$db" forget Olga --yes
is "$(sql "$db" "SELECT count(*) FROM contact_pause")" 0 "forget erases the pause"
is "$(sql "$db" "SELECT count(*) FROM journal_row WHERE old_json LIKE '%Olgasecretword%'")" 0 \
   "and the journal rows that held it"

done_testing
