#!/bin/bash
# The contact page as a day's work uses it: its order (follow-ups,
# projects and goals, the latest score above the timeline), the cursor
# moving item by item, a note edited and deleted with e and d, a score
# recorded with S, follow-ups done in the timeline, redo (Ctrl-R) after
# undo, and the archived contacts shown with A on Contacts and brought
# back.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/cp.db"
run --db "$db" add "Anna Kowalczyk" --stage customer
run --db "$db" note Anna "First meeting about the thesis service"
run --db "$db" note Anna "Second note, about open access"
run --db "$db" follow Anna +3d "Send the licence terms"
run --db "$db" follow Anna today "Call about the catalogue"
run --db "$db" done f2 --note "Called; she wants the list"
is "$status" 0 "a follow-up is done, with a note"
run --db "$db" add "Bruno Archived"
run --db "$db" archive Bruno
is "$(sql "$db" "SELECT archived FROM contact WHERE id = 2")" 1 "a second contact is archived"

tui_start -s 80x40 -- --db "$db"
wait_for "Review |" 10 "starts"
tui_keys 3
wait_for "Anna Kowalczyk" 2 "the list shows the active contact"
wait_gone "Bruno Archived" 1 "and not the archived one"
tui_keys Enter
wait_for "Anna Kowalczyk  #1" 2 "her page opens"

# Order: the open follow-ups, projects and goals and the latest score
# come before the timeline.
line_of() { tui_screen | grep -n -F -- "$1" | head -1 | cut -d: -f1; }
fu=$(line_of "Open follow-ups (1)")
pg=$(line_of "Projects and goals")
sc=$(line_of "Satisfaction (latest)")
tl=$(line_of "Timeline (3 notes, 1 follow-up done)")
ok "$([ -n "$fu" ] && [ -n "$pg" ] && [ -n "$sc" ] && [ -n "$tl" ] \
      && [ "$fu" -lt "$pg" ] && [ "$pg" -lt "$sc" ] && [ "$sc" -lt "$tl" ]; echo $?)" \
   "follow-ups, projects and goals, the latest score, then the timeline"
wait_match "✓ done  f2 \(due " 2 "the follow-up done is in the timeline, marked done"
wait_for "Call about the catalogue" 2 "with its text"
done_at=$(line_of "✓ done  f2")
called=$(line_of "Called; she wants the list")
ok "$([ -n "$done_at" ] && [ -n "$called" ] && [ "$done_at" -lt "$called" ]; echo $?)" \
   "the done follow-up comes before the note logged with it"

# The cursor moves from item to item: from the contact, one step is the
# follow-up, the next the newest entry of the timeline (the follow-up
# done), the next the note logged with it: e on it edits that note.
tui_keys j j j
tui_keys e
wait_for "Note #3, edited" 2 "three steps from the top reach the third item, note #3: e edits it"
wait_for "Called; she wants the list" 2 "the editor holds the note's text"
tui_keys C-e
tui_type " of parishes"
tui_keys C-s
wait_for "Note #3 changed" 2 "^S stores the change"
is "$(sql "$db" "SELECT body FROM note WHERE id = 3")" "Called; she wants the list of parishes" \
   "the note is changed in the database"
is "$(sql "$db" "SELECT count(*) FROM note")" 3 "no note was added"

# d on a note deletes it (asking first); u brings it back, ^R again.
tui_keys d
wait_for "Delete note #3 “Called; she wants the list" 2 "d on a note asks to delete that note"
tui_keys y
wait_for "Note #3 deleted" 2 "yes deletes it"
is "$(sql "$db" "SELECT count(*) FROM note")" 2 "the note is gone from the database"
is "$(sql "$db" "SELECT archived FROM contact WHERE id = 1")" 0 "the contact is not archived"
tui_keys u
wait_for "Undone: deleted note #3" 2 "u brings the note back"
is "$(sql "$db" "SELECT body FROM note WHERE id = 3")" "Called; she wants the list of parishes" \
   "with its changed text"
tui_keys C-r
wait_for "Redone: deleted note #3" 2 "Ctrl-R deletes it again"
is "$(sql "$db" "SELECT count(*) FROM note")" 2 "redone in the database"
tui_keys u u
wait_for "Undone: edited note #3" 2 "two undos revert the edit too"
is "$(sql "$db" "SELECT body FROM note WHERE id = 3")" "Called; she wants the list" \
   "the note has its first text"
tui_keys C-r
wait_for "Redone: edited note #3" 2 "redo goes forward one step at a time"
is "$(sql "$db" "SELECT body FROM note WHERE id = 3")" "Called; she wants the list of parishes" \
   "the edit is back"
# A new change ends what could be redone.
tui_keys S
wait_for "Satisfaction score (0-10):" 2 "S asks for a score"
tui_type "11"
tui_keys Enter
wait_for '"11" is no score' 2 "a score past 10 is refused"
wait_for "Satisfaction score (0-10): 11" 2 "and the prompt keeps what was typed"
tui_keys BSpace BSpace
tui_type "9"
tui_keys Enter
wait_for "Comment (optional):" 2 "then a comment is asked"
tui_type "very pleased with the scans"
tui_keys Enter
wait_for "Score 9/10 recorded" 2 "the score is recorded"
wait_for "9/10  very pleased with the scans" 2 "and shown as the latest score"
is "$(sql "$db" "SELECT value || ':' || comment FROM score")" "9:very pleased with the scans" \
   "stored as rapport score stores it"
tui_keys C-r
wait_for "nothing to redo" 2 "after a new change there is nothing to redo"
is "$(sql "$db" "SELECT count(*) FROM note")" 3 "the deleted note was not deleted again"

# e on the contact (the top) edits the contact, not a note.
tui_keys g e
wait_for "Edit Anna Kowalczyk" 2 "e at the top edits the contact"
tui_keys Escape
tui_keys Escape
wait_gone "Edit Anna Kowalczyk" 2 "the form closes"

# The archived contacts: A on Contacts shows them, d brings one back.
tui_keys 3
wait_for "Contacts (1), by name" 2 "the Contacts screen lists the active contact"
tui_keys A
wait_for "Archived contacts (1), by name" 2 "A shows the archived contacts, said in the header"
wait_for "Bruno Archived" 2 "Bruno is listed"
tui_keys d
wait_for "Bring Bruno Archived back from the archive?" 2 "d asks to bring him back"
tui_keys y
wait_for "Bruno Archived is back." 2 "yes brings him back"
is "$(sql "$db" "SELECT archived FROM contact WHERE id = 2")" 0 "unarchived in the database"
wait_for "Archived contacts (0), by name" 2 "the archived list is empty now"
tui_keys A
wait_for "Contacts (2), by name" 2 "A again shows the active contacts"
# From an archived contact's own page.
run --db "$db" archive Bruno
tui_keys A
wait_for "Archived contacts (1)" 3 "archived again elsewhere, listed here"
tui_keys Enter
wait_for "Bruno Archived  #2  [archived: d brings them back]" 2 "his page says how to bring him back"
tui_keys d
wait_for "Bring Bruno Archived back from the archive?" 2 "d on his page asks"
tui_keys y
wait_gone "[archived:" 2 "he is back"
is "$(sql "$db" "SELECT archived FROM contact WHERE id = 2")" 0 "unarchived in the database again"
tui_quit

# A long history is read a window at a time, in the middle of the page:
# the cursor reaching its last line reads the older notes, and G goes to
# the stage history below without reading them all.
run --db "$db" add "Long History"
for i in $(seq -w 1 60); do run --db "$db" note "Long History" "History note $i"; done
is "$(sql "$db" "SELECT count(*) FROM note WHERE contact_id = 3")" 60 "sixty notes"
tui_start -- --db "$db"
wait_for "Review |" 10 "starts again"
tui_keys 3
wait_for "Long History" 2 "listed"
tui_keys /
tui_type "Long"
wait_gone "Anna Kowalczyk" 2 "the filter leaves the others out"
tui_keys Enter
wait_for "Long History  #3" 2 "the page opens"
tui_keys G
wait_for "Stage history" 2 "G goes to the stage history"
wait_for "… older notes" 2 "past the history's last window, still unread"
wait_gone "History note 10" 1 "the oldest notes are not read"
tui_keys g
tui_keys -N 51 j
wait_for "History note 10" 3 "moving onto the last line reads the older notes"
wait_gone "… older notes" 2 "and there are no more"
tui_keys j
wait_for "History note 10" 2 "the next note comes into view whole"
tui_quit

# A note taller than the screen: Space turns the page through it.
run --db "$db" add "Zed Tall"
input=$(for i in $(seq -w 1 80); do echo "Line $i of the long note"; done)
run_in --db "$db" note "Zed Tall"
tui_start -- --db "$db"
wait_for "Review |" 10 "starts once more"
tui_keys 3 /
tui_type "Zed"
wait_gone "Long History" 2 "the filter finds the one contact"
tui_keys Enter
wait_for "Zed Tall  #4" 2 "its page opens"
wait_for "Line 01 of the long note" 2 "the note begins on the first page"
tui_keys Space
wait_gone "Line 01 of the long note" 2 "Space turns the page"
tui_keys Space
wait_for "Line 40 of the long note" 2 "and again, through the middle of the note"
tui_keys Space Space Space
wait_for "Line 80 of the long note" 2 "to its end"
tui_keys PPage PPage PPage PPage PPage PPage
wait_for "Zed Tall  #4" 2 "and back to the top"
tui_quit

done_testing
