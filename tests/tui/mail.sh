#!/bin/bash
# The Review's Needs review: mail that matched no contact waits there;
# Enter logs it on a contact (asked by name), a makes its sender a
# contact, z discards it, and u undoes each; its header says so. An
# empty queue takes no room.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

export TZ=UTC
mail="$top_srcdir/tests/data/mail"
db="$TEST_DIR/m.db"
r() { run --db "$db" "$@"; }
r add "Omar Haddad" --email omar@law.example
"$RAPPORT" --db "$db" mail <"$mail/nobody.eml" >/dev/null
"$RAPPORT" --db "$db" mail <"$mail/latin1.eml" >/dev/null
is "$(sql "$db" "SELECT count(*) FROM mail_review")" 2 "two messages wait"
waiting() { sql "$db" "SELECT count(*) FROM mail_review"; }

tui_start -- --db "$db"
wait_for "Needs review (2)" 10 "the Review has a Needs review section"
wait_for "Jürgen Müller" 2 "with the sender of each message"
wait_for "A question about interlibrary loans" 2 "and its subject"
wait_for "<Enter> logs it on a contact, a makes a contact, z discards" 2 \
    "the header says what the keys do"

# Enter: which contact; a name that is nobody keeps the question open.
tui_keys j
tui_keys Enter
wait_for "Log it on which contact" 2 "Enter asks which contact"
tui_type "nobody-at-all"
tui_keys Enter
wait_for "Log it on which contact (a name or #12): nobody-at-all" 2 \
    "a name that matches nobody keeps the question and the text"
tui_keys C-u
tui_type "omar"
tui_keys Enter
wait_for "Logged “A question about interlibrary loans” on Omar Haddad" 2 "logged on the contact"
wait_for "Needs review (1)" 2 "and the message leaves the queue"
is "$(sql "$db" "SELECT count(*) FROM note n JOIN contact c ON c.id = n.contact_id WHERE c.name = 'Omar Haddad'")" 1 \
    "the note is stored"
tui_keys u
wait_for "Needs review (2)" 3 "u puts it back"
is "$(sql "$db" "SELECT count(*) FROM note")" 0 "and takes the note away"

# a: a new contact from the sender.
tui_keys g
tui_keys a
wait_for "Make Jürgen Müller <juergen@koeln.example> a new contact" 2 "a asks first"
tui_keys y
wait_for "Added contact #2 Jürgen Müller" 2 "the sender is a contact"
wait_for "Needs review (1)" 2 "the message left the queue"
is "$(sql "$db" "SELECT c.name || ' ' || e.email FROM contact c JOIN contact_email e ON e.contact_id = c.id WHERE c.id = 2")" \
    "Jürgen Müller juergen@koeln.example" "named and addressed from the header"

# z: discarded, and back with u.
tui_keys z
wait_for "Discarded “A question about interlibrary loans”" 2 "z discards"
wait_gone "Needs review" 3 "an empty queue takes no room on the Review"
is "$(waiting)" 0 "nothing waits"
tui_keys u
wait_for "Needs review (1)" 3 "u brings it back"
tui_quit

# 40x12: the section still shows.
tui_start -s 40x12 -- --db "$db"
wait_for "Needs review (1)" 10 "40x12: Needs review"
wait_for "2026-12-01  Kwame" 2 "40x12: its row"
tui_quit

done_testing
