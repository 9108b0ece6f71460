#!/bin/bash
# With the real neomutt (its own config, a small mbox written here):
# the README's macro pipes the open message to `rapport mail` and the
# interaction appears on the contact; neomutt's query (Q) lists the
# contact from `rapport query` through the README's query_command.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

command -v neomutt >/dev/null 2>&1 || skip_all "neomutt is not installed"
export TZ=UTC
mail="$top_srcdir/tests/data/mail"
# The README's lines call plain "rapport": the built one, on the PATH;
# it uses its default database under this test's private XDG folders.
mkdir -p "$TEST_DIR/bin" "$TEST_DIR/mail"
ln -s "$RAPPORT" "$TEST_DIR/bin/rapport"
export PATH="$TEST_DIR/bin:$PATH"
db="$XDG_DATA_HOME/rapport/rapport.db"
rapport add "Zoë Ødegård" --email zoe.odegard@uni.example --org "University Library" \
    --stage client 2>/dev/null
rapport add "Omar Haddad" --email omar@law.example
is "$(sql "$db" "SELECT count(*) FROM contact")" 2 "two contacts"

# An mbox of two messages.
{
    printf 'From zoe.odegard@uni.example Wed Dec  2 13:30:00 2026\n'
    cat "$mail/alternative.eml"
    printf '\nFrom kwame@elsewhere.example Tue Dec  1 12:00:00 2026\n'
    cat "$mail/nobody.eml"
    printf '\n'
} >"$TEST_DIR/mail/inbox"

# The lines the README gives, and what a test needs besides: no system
# config, no questions, nothing written outside this test.
readme="$top_srcdir/README.md"
macro=$(grep -m1 '^    macro index,pager .*rapport mail' "$readme" | sed 's/^    //')
query=$(grep -m1 '^    set query_command = "rapport query %s"' "$readme" | sed 's/^    //')
ok "$([ -n "$macro" ] && [ -n "$query" ]; echo $?)" "the README has the macro and the query_command"
cat >"$TEST_DIR/muttrc" <<MUTTRC
set mbox_type = mbox
set folder = "$TEST_DIR/mail"
set spool_file = "$TEST_DIR/mail/inbox"
set record = "$TEST_DIR/mail/sent"
set header_cache = ""
set editor = "true"
set sort = date
set mark_old = no
set move = no
set confirm_append = no
set charset = "utf-8"
set send_charset = "utf-8"
$macro
$query
MUTTRC

tmux_ new-session -d -x 100 -y 30 -s rapport \
    "env TERM=$TUI_TERM HOME=$HOME LANG=C.UTF-8 LC_ALL=C.UTF-8 neomutt -n -F $(printf '%q' "$TEST_DIR/muttrc") -f $(printf '%q' "$TEST_DIR/mail/inbox"); echo '[neomutt ended]'; sleep 600"
wait_for "Shipping registers" 15 "neomutt shows the mbox"
wait_for "A question about interlibrary loans" 2 "with both messages"

# go_to WORDS: the index's cursor on the message whose subject has them
# (neomutt's search; each step waits for the screen it leads to).
go_to() {
    tmux_ send-keys -t rapport /
    wait_for "Search for:" 10 "neomutt asks what to search for ($1)"
    tmux_ send-keys -t rapport -l "$1"
    tmux_ send-keys -t rapport Enter
    wait_gone "Search for:" 10 "and finds it"
}
# done_key: the key pipe-message waits for, and its prompt gone.
done_key() {
    tmux_ send-keys -t rapport Enter
    wait_gone "Press any key" 10 "neomutt is back on its index"
}
key=$(printf '%s\n' "$macro" | awk '{ print $3 }')

# The message from Zoë: the macro's key logs it.
go_to "Shipping"
tmux_ send-keys -t rapport "$key"
wait_for "Logged the email" 10 "the macro pipes the message to rapport mail"
done_key
is "$(sql "$db" "SELECT count(*) FROM note n JOIN contact c ON c.id = n.contact_id WHERE c.name = 'Zoë Ødegård' AND n.kind = 'email'")" 1 \
    "the email is on Zoë's contact"
like "$(rapport show zoe)" "Re: Shipping registers" "with its subject"
like "$(rapport show zoe)" "2026-12-02 13:30  email" "dated by the message"

# Again: nothing more.
tmux_ send-keys -t rapport "$key"
wait_for "logged before" 10 "the same message again adds nothing"
done_key
is "$(sql "$db" "SELECT count(*) FROM note WHERE message_id = 'alt-1@uni.example'")" 2 \
    "still one note on each contact it names"

# The other message names nobody: it waits for review.
go_to "interlibrary"
tmux_ send-keys -t rapport "$key"
wait_for "waits for review" 10 "a message that names nobody waits for review"
done_key
is "$(rapport inbox | grep -c 'Kwame Mensah')" 1 "rapport inbox lists it"

# The macro works in the pager too, on the message it shows.
tmux_ send-keys -t rapport Enter
wait_for "Subject: A question about interlibrary loans" 10 "the pager shows the message"
tmux_ send-keys -t rapport "$key"
wait_for "logged before" 10 "the key pipes the message from the pager (known by its Message-ID)"
done_key
tmux_ send-keys -t rapport i
wait_for "Msgs:2" 10 "back on the index"

# Q: the query_command lists the contact.
tmux_ send-keys -t rapport Q
wait_for "Query" 10 "Q asks for a query"
tmux_ send-keys -t rapport -l "zoe"
tmux_ send-keys -t rapport Enter
wait_for "zoe.odegard@uni.example" 10 "neomutt lists the address from rapport query"
wait_for "Zoë Ødegård" 5 "with the name"
wait_for "University Library · Client" 5 "and the organisation and stage"
tui_new_server

# The macro's key shadows nothing: without the README's lines, neomutt's
# own help lists every key bound in the index (with the generic keys the
# index falls back on) and in the pager, and the macro's key is in
# neither. The window is tall enough for each help to fit on one screen.
grep -v -e 'rapport mail' -e 'rapport query' "$TEST_DIR/muttrc" >"$TEST_DIR/muttrc.plain"
tmux_ new-session -d -x 100 -y 400 -s rapport \
    "env TERM=$TUI_TERM HOME=$HOME LANG=C.UTF-8 LC_ALL=C.UTF-8 neomutt -n -F $(printf '%q' "$TEST_DIR/muttrc.plain") -f $(printf '%q' "$TEST_DIR/mail/inbox"); echo '[neomutt ended]'; sleep 600"
wait_for "Shipping registers" 15 "neomutt without rapport's lines"
# bound_keys: the keys the help on screen binds, one a line, up to its
# unbound functions.
bound_keys() {
    tui_screen | awk '/^Unbound functions:/ { exit } NF >= 3 { print $1 }'
}
tmux_ send-keys -t rapport '?'
wait_for "Generic bindings:" 10 "the index's help, with the generic keys the index falls back on"
wait_for "Unbound functions:" 10 "all of it on the screen"
index_keys=$(bound_keys)
is "$(printf '%s\n' "$index_keys" | grep -cxF z)" 1 "the help names its keys (z, the next page)"
is "$(printf '%s\n' "$index_keys" | grep -cxF -- "$key")" 0 "nothing is bound to $key in the index"
tmux_ send-keys -t rapport q
wait_gone "Unbound functions:" 10 "the help is left"
tmux_ send-keys -t rapport Enter
wait_for "Subject:" 10 "the pager shows the message"
tmux_ send-keys -t rapport '?'
wait_for "Unbound functions:" 10 "the pager's help"
pager_keys=$(bound_keys)
is "$(printf '%s\n' "$pager_keys" | grep -cxF j)" 1 "the help names its keys (j, the next line)"
is "$(printf '%s\n' "$pager_keys" | grep -cxF -- "$key")" 0 "nothing is bound to $key in the pager"
# Nothing of neomutt's is worth keeping: its server goes with the test.
tmux_ kill-server >/dev/null 2>&1

done_testing
