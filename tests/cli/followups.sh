#!/bin/sh
# Notes, stages, follow-ups and the agenda on a fixed day: recurrence,
# snoozing, undo, and an agenda that stays silent when there is nothing
# to do.
. "${top_srcdir:-.}/tests/lib/tap.sh"

command -v faketime >/dev/null 2>&1 || skip_all "faketime is not installed"
# The clock stands still at $day (faketime -f): every process sees the
# same moment, so no change can seem older than the one before it.
# libfaketime is preloaded; the sanitizers' runtime must not mind.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS

db="$TEST_DIR/r.db"
day='2026-03-10 09:00:00'
esc=$(printf '\033')

at() {   # at ARGS...: rapport on the fixed day
    out=$(fake_clock "$day" "$RAPPORT" --db "$db" "$@" 2>"$TEST_DIR/stderr")
    status=$?
    err=$(cat "$TEST_DIR/stderr")
}
at_in() {   # the same with standard input from $input
    out=$(printf '%s' "$input" | fake_clock "$day" "$RAPPORT" --db "$db" "$@" \
          2>"$TEST_DIR/stderr")
    status=$?
    err=$(cat "$TEST_DIR/stderr")
}

at add "Zoë Ødegård" --stage client
zoe=$(printed_id)
like "$zoe" '^#[0-9]+$' "add names the contact's id ($zoe)"
at agenda
is "$status" 0 "agenda with nothing to do exits 0"
is "$out" "" "and prints nothing"
is "$err" "" "not even on stderr"

# Notes.
at note zoe --kind call "Called about the workshop"
is "$status" 0 "note with a kind"
call=$(printed_id)
is "$out" "Note $call on $zoe Zoë Ødegård" "note names the note and the contact"
is "$(sql "$db" "SELECT kind, body FROM note WHERE id = ${call#\#}")" \
   "call|Called about the workshop" "the note is stored with its kind"
input=$(printf 'First line\nsecond line: Ørsted\n\nlast line')
at_in note zoe
is "$status" 0 "a note from standard input"
lines=$(printed_id)
is "$(sql "$db" "SELECT body FROM note WHERE id = ${lines#\#}")" "$input" \
   "all of standard input is stored, several lines"
input='   '
at_in note zoe
is "$status" 1 "an empty note is a user error"
at note zoe --kind telegram "hello"
is "$status" 2 "an unknown kind is a usage error"
at show zoe
like "$out" "$lines +2026-03-10" "show lists the notes with their ids"
like "$out" '      second line: Ørsted' "multi-line bodies are indented"
at undo
like "$out" '^Undone: ' "undo of a note says what"
is "$(sql "$db" "SELECT count(*) FROM note")" 1 "the note is gone"

# Stages.
at stage zoe customer --reason "Budget cut"
is "$status" 0 "stage with a reason"
is "$out" "$zoe Zoë Ødegård: Client → Customer" "stage says from and to"
is "$(sql "$db" "SELECT stage FROM contact WHERE id = ${zoe#\#}")" 1 "the stage is stored"
is "$(sql "$db" "SELECT reason FROM stage_change ORDER BY id DESC LIMIT 1")" \
   "Budget cut" "with its reason"
at show zoe
like "$out" 'Client → Customer: Budget cut' "show has the stage history with reasons"
at undo
is "$(sql "$db" "SELECT stage FROM contact WHERE id = ${zoe#\#}")" 2 "undo restores the stage"
at stage zoe client
is "$status" 1 "moving to the current stage is a user error"
is "$err" "rapport: $zoe Zoë Ødegård is already a Client" "naming the contact with its id"
at stage zoe nowhere
is "$status" 2 "an unknown stage is a usage error"

# Follow-ups.
at follow zoe 2026-03-09 "Send the overdue slides"
is "$status" 0 "follow"
slides=$(printed_id)
like "$out" "^Follow-up f[0-9]+ for $zoe Zoë Ødegård on 2026-03-09\$" "follow says its id, the contact's id and name, and the date"
at follow zoe today "Call about the grant" --at 14:30
grant=$(printed_id)
is "$out" "Follow-up $grant for $zoe Zoë Ødegård on 2026-03-10 14:30" "a time of day"
at follow zoe +3d "Weekly bulletin" --every 1w
bulletin=$(printed_id)
is "$out" "Follow-up $bulletin for $zoe Zoë Ødegård on 2026-03-13 (every 1w)" "a recurring one"
ok "$([ -n "$slides" ] && [ "$slides" != "$grant" ] && [ "$grant" != "$bulletin" ]; echo $?)" \
   "each follow-up has an id of its own ($slides $grant $bulletin)"
at follow zoe +30d "Far away"
at follow zoe someday "Never"
is "$status" 2 "a bad date is a usage error"
at follow zoe today "x" --every 3y
is "$status" 2 "a bad interval is a usage error"
is "$(sql "$db" "SELECT due, due_minutes, every_count, every_unit FROM followup WHERE id = ${bulletin#f}")" \
   "2026-03-13|-1|1|w" "the follow-up is stored with its recurrence"

at agenda
is "$status" 0 "agenda"
overdue=$(printf '%s\n' "$out" | sed -n '/^Overdue/,/^$/p')
today=$(printf '%s\n' "$out" | sed -n '/^Today/,/^$/p')
next=$(printf '%s\n' "$out" | sed -n '/^Next 7 days/,/^$/p')
like "$overdue" "$slides .*2026-03-09 +Zoë Ødegård \\($zoe\\): Send the overdue slides" "overdue section"
like "$today" "$grant .*14:30 +Zoë Ødegård \\($zoe\\): Call about the grant" "today section"
like "$next" "$bulletin .*2026-03-13 .*Weekly bulletin \\(every 1w\\)" "next days section"
unlike "$out" 'Far away' "what is past the window is left out"
at agenda --days 40
like "$out" 'Far away' "--days widens the window"
at agenda --days soon
is "$status" 2 "a bad --days is a usage error"

# Done: a recurring one schedules the next.
at done "${bulletin#f}" --note "Bulletin sent"
is "$status" 0 "done"
like "$out" "^Done: follow-up $bulletin for $zoe Zoë Ødegård: Weekly bulletin" "done says what was done"
like "$out" 'Next: follow-up f[0-9]+ on 2026-03-20' "and the next date of a recurring one"
next_one=$(printf '%s\n' "$out" | sed -n 's/.*Next: follow-up f\([0-9]*\) on .*/\1/p')
is "$(sql "$db" "SELECT state FROM followup WHERE id = ${bulletin#f}")" 1 "it is stored as done"
is "$(sql "$db" "SELECT due, every_count, every_unit, state FROM followup WHERE id = ${next_one:-0}")" \
   "2026-03-20|1|w|0" "the next one is open a week later"
is "$(sql "$db" "SELECT body FROM note ORDER BY id DESC LIMIT 1")" "Bulletin sent" \
   "--note logs a note"
at done "#${bulletin#f}"
is "$status" 1 "done twice is a user error"
like "$err" 'already done' "and says so"
at done 999
is "$status" 1 "an unknown follow-up is a user error"
at done abc
is "$status" 1 "a follow-up that is no id names a contact: none here"
like "$err" "no contact" "and says so"
at done "${grant#f}"
is "$status" 0 "done on a follow-up that does not recur"
like "$out" "$grant" "names the follow-up it marked done"
unlike "$out" 'Next' "a follow-up that does not recur has no next"

# Snooze keeps the due date.
at snooze "${slides#f}" 2026-03-12
is "$status" 0 "snooze"
is "$out" "Snoozed follow-up $slides for $zoe Zoë Ødegård until 2026-03-12 (due 2026-03-09)" \
   "snooze says until when and the due date"
is "$(sql "$db" "SELECT due, snoozed_until FROM followup WHERE id = ${slides#f}")" \
   "2026-03-09|2026-03-12" "the due date stays"
at agenda
unlike "$out" 'Overdue' "a snoozed follow-up is not overdue"
like "$out" "$slides +2026-03-12 .*\\[snoozed; due 2026-03-09\\]" "it shows up on its new day"
at snooze "$slides" 2026-03-01
is "$status" 1 "snoozing into the past is a user error"
at snooze "$slides" 2026-03-12
is "$status" 1 "snoozing to the day it is already snoozed until is a user error"
is "$err" "rapport: follow-up $slides is already snoozed until 2026-03-12" "and says so"

# A snooze puts a follow-up off: never to its due date or before.
at follow zoe 2026-03-30 "Quarterly review"
fid=$(printf '%s\n' "$out" | sed -n 's/^Follow-up f\([0-9]*\) .*/\1/p')
steps=$(sql "$db" "SELECT count(*) FROM journal")
at snooze "$fid" 2026-03-12
is "$status" 1 "snoozing to a day before the due date is a user error"
is "$err" "rapport: follow-up f$fid is due on 2026-03-30; snooze it to a later day" \
   "it says when it is due and what to do"
is "$out" "" "and claims no snooze"
at snooze "$fid" 2026-03-30
is "$status" 1 "snoozing to the due date itself is a user error too"
is "$(sql "$db" "SELECT due, snoozed_until IS NULL FROM followup WHERE id = $fid")" \
   "2026-03-30|1" "nothing is stored"
is "$(sql "$db" "SELECT count(*) FROM journal")" "$steps" "and there is nothing to undo"
at agenda
unlike "$out" 'Quarterly review' "it is not brought into the next days"
at snooze "$fid" 2026-04-03
is "$status" 0 "a day after the due date is a snooze"
at snooze "$fid" 2026-03-31
is "$status" 0 "and may be shortened to any day after the due date"
is "$(sql "$db" "SELECT due, snoozed_until FROM followup WHERE id = $fid")" \
   "2026-03-30|2026-03-31" "the due date stays, the snooze moves"
at done "$fid"

# Scores.
at score zoe 11
is "$status" 2 "a score above 10 is a usage error"
at score zoe 9 "Loved the workshop"
is "$status" 0 "score"
is "$out" "Score 9/10 for $zoe Zoë Ødegård" "score names the contact"
is "$(sql "$db" "SELECT value, comment FROM score")" "9|Loved the workshop" "the score is stored"

# Counts of one day are singular.
out=$(fake_clock '2026-03-11 09:00:00' "$RAPPORT" --db "$db" show zoe)
like "$out" 'Last contact: +2026-03-10 \(1 day ago\)' "show says 1 day ago"
out=$(fake_clock '2026-03-12 09:00:00' "$RAPPORT" --db "$db" show zoe)
like "$out" 'Last contact: +2026-03-10 \(2 days ago\)' "and 2 days ago"
at follow zoe tomorrow "Call back"
at agenda --days 1
like "$out" '^Next 1 day$' "agenda --days 1 heads its section in the singular"

# A time of day may end the date, as the TUI's prompt takes it.
at follow zoe "fri 9:30" "Bring the registers"
is "$status" 0 "a date that ends with a time of day"
like "$out" "^Follow-up f[0-9]* for $zoe Zoë Ødegård on 2026-03-13 09:30\$" "says the day and the time"
is "$(sql "$db" "SELECT due, due_minutes FROM followup WHERE text = 'Bring the registers'")" \
   "2026-03-13|570" "and stores the time with the follow-up"
at follow zoe "next friday 17:00" "Send the minutes"
like "$out" 'on 2026-03-20 17:00$' "a date of two words, then the time"
at follow zoe "fri 25:00" "Never"
is "$status" 2 "a date with a bad time of day is a usage error"
like "$err" 'fri 25:00' "and the message names what was typed"

# Gone quiet: a client untouched for longer than 21 days.
quiet="$TEST_DIR/quiet.db"
evil=$(fake_clock '2026-01-05 10:00:00' "$RAPPORT" --db "$quiet" add "Evil Quiet" --stage client \
       | sed -n 's/^Added contact \(#[0-9]*\) .*/\1/p')
like "$evil" '^#[0-9]+$' "a contact added to another database ($evil)"
# as an older rapport stored a name with control characters
sql_legacy "$quiet" "UPDATE contact SET name = 'Evil' || char(27) || ']0;x' || char(7) || ' Quiet'"
fake_clock '2026-01-05 10:00:00' "$RAPPORT" --db "$quiet" add "Busy End User" >/dev/null
out=$(fake_clock "$day" "$RAPPORT" --db "$quiet" agenda)
like "$out" '^Gone quiet' "agenda lists who has gone quiet"
like "$out" "$evil Evil\\^\\[\\]0;x\\^G Quiet — Client, 6[34] days" "with the days since the last contact"
unlike "$out" 'Busy End User' "end users do not go quiet by default"
unlike "$out" "$esc" "agenda never prints a raw escape"
fake_clock "$day" "$RAPPORT" --db "$quiet" follow evil today "Ring" >/dev/null
out=$(fake_clock "$day" "$RAPPORT" --db "$quiet" agenda)
like "$out" "Evil\\^\\[\\]0;x\\^G Quiet \\($evil\\): Ring" "follow-up rows are sanitized too"
unlike "$out" "$esc" "still no raw escape"

# A section shows its first 20 rows, then how many more it has.
many="$TEST_DIR/many.db"
fake_clock "$day" "$RAPPORT" --db "$many" add "Ana Novak" >/dev/null
i=1
while [ "$i" -le 23 ]; do
    fake_clock "$day" "$RAPPORT" --db "$many" follow ana 2026-03-0$((i % 9 + 1)) "Overdue $i" >/dev/null
    i=$((i + 1))
done
fake_clock "$day" "$RAPPORT" --db "$many" follow ana 2026-03-12 "Coming up" >/dev/null
out=$(fake_clock "$day" "$RAPPORT" --db "$many" agenda)
is "$(printf '%s\n' "$out" | sed -n '/^Overdue$/,/^$/p' | grep -c ': Overdue ')" 20 \
    "the agenda's Overdue shows its first 20 follow-ups"
like "$out" '^  … and 3 more$' "and says how many more it has"
like "$out" 'Ana Novak \(#[0-9]+\): Coming up' "the next section follows in full"
is "$(printf '%s\n' "$out" | grep -c 'more$')" 1 "a section that fits says nothing more"

# What a follow-up keeps of its contact (archived, owner) is checked,
# and the rebuild mends it.
me=$(id -un)
fake_clock "$day" "$RAPPORT" --db "$many" edit ana --owner "$me" >/dev/null
"$RAPPORT" --db "$many" check >/dev/null 2>&1
is "$?" 0 "the follow-ups agree with their contact"
is "$(sql "$many" "SELECT count(*) FROM followup WHERE contact_owner = '$me'")" 24 \
   "each knows its contact's owner"
sql "$many" "UPDATE followup SET contact_owner = NULL WHERE id IN (SELECT min(id) FROM followup);
             UPDATE followup SET contact_archived = 1 WHERE id IN (SELECT max(id) FROM followup)"
out=$("$RAPPORT" --db "$many" check 2>&1)
ok "$([ "$?" -ne 0 ]; echo $?)" "check finds follow-ups out of step with their contact"
like "$out" "2 follow-ups do not agree with their contact's archive or owner" "and says how many"
like "$out" "^rapport: 1 problem in what the database derives from its contacts and notes; rapport check --rebuild-index makes it again$" \
     "a problem the rebuild mends is said to be one, not damage"
unlike "$out" "restore a backup" "no backup is asked for"
"$RAPPORT" --db "$many" check --rebuild-index >/dev/null 2>&1
is "$(sql "$many" "SELECT count(*) FROM followup WHERE contact_owner = '$me' AND contact_archived = 0")" 24 \
   "the rebuild gives them their contact's owner and archive again"
"$RAPPORT" --db "$many" check >/dev/null 2>&1
is "$?" 0 "and the check passes"

# So is what each contact keeps of its history.
fake_clock "$day" "$RAPPORT" --db "$many" add "Bo Cadence" --cadence 30 >/dev/null
fake_clock "$day" "$RAPPORT" --db "$many" note bo "Met at the desk" >/dev/null
kept() {
    sql "$many" "SELECT group_concat(stage || ' ' || stage_since || ' ' || last_touch || ' ' ||
                 next_due || ' ' || note_count || ' ' || coalesce(own_due, '-'), '; ')
                 FROM (SELECT * FROM contact ORDER BY id)"
}
before=$(kept)
"$RAPPORT" --db "$many" check >/dev/null 2>&1
is "$?" 0 "a new contact's kept figures agree with its history"
sql "$many" "UPDATE contact SET note_count = note_count + 1, own_due = 0 WHERE name = 'Bo Cadence';
             UPDATE contact SET next_due = '9999-12-31', last_touch = 0 WHERE name = 'Ana Novak'"
out=$("$RAPPORT" --db "$many" check 2>&1)
ok "$([ "$?" -ne 0 ]; echo $?)" "check finds contacts whose kept figures are wrong"
like "$out" "2 contacts' stages, last interactions, next follow-ups or note counts do not agree" \
     "and says how many"
"$RAPPORT" --db "$many" check --rebuild-index >/dev/null 2>&1
is "$(kept)" "$before" "the rebuild computes them again from the history"

# A damaged index is damage: the check says to restore a backup.
sql "$many" "CREATE TABLE spare(a, b); CREATE INDEX spare_ab ON spare(a, b)"
name_root=$(sql "$many" "SELECT rootpage FROM sqlite_schema WHERE name = 'contact_by_name'")
spare_root=$(sql "$many" "SELECT rootpage FROM sqlite_schema WHERE name = 'spare_ab'")
sql "$many" "PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET rootpage = $spare_root WHERE name = 'contact_by_name';
             UPDATE sqlite_schema SET rootpage = $name_root WHERE name = 'spare_ab'"
out=$("$RAPPORT" --db "$many" check 2>&1)
ok "$([ "$?" -ne 0 ]; echo $?)" "check finds an index that misses its rows"
like "$out" "contact_by_name" "and names it"
like "$out" "^rapport: the database is damaged \([0-9]+ problems?\); restore a backup" \
     "and calls it damage"

done_testing
