#!/bin/bash
# SPEC §3 keys with no other test: 1-3 and R P C jump between screens,
# Ctrl-L redraws what something else wrote over the screen, and all of it
# under TERM=xterm, screen, tmux-256color and vt100; --read-only changes
# nothing, whatever key is pressed, and says why.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/s.db"
run --db "$db" add "Grace Hopper" --org "Navy Library" --stage client
run --db "$db" add "Ada Lovelace" --stage customer
is "$status" 0 "two contacts"

for term in xterm screen tmux-256color vt100; do
    if ! infocmp "$term" >/dev/null 2>&1; then
        ok 1 "TERM=$term is in terminfo (scripts/install-deps.sh --test)"
        continue
    fi
    tui_start -e "TERM=$term" -- --db "$db"
    wait_for "Review |" 10 "$term: the Review"
    tui_keys 2
    wait_for "Clients (1)" 2 "$term: 2 opens the Pipeline"
    tui_keys 3
    wait_for "Contacts (2)" 2 "$term: 3 the Contacts"
    tui_keys 1
    wait_for "Review |" 2 "$term: 1 the Review"
    tui_keys P
    wait_for "Clients (1)" 2 "$term: P the Pipeline"
    tui_keys C
    wait_for "Contacts (2)" 2 "$term: C the Contacts"
    tui_keys R
    wait_for "Review |" 2 "$term: R the Review"
    # Something else writes over the screen; Ctrl-L draws it again.
    tty=$(tmux_ display-message -p -t rapport '#{pane_tty}')
    printf '\033[5;5HSCRIBBLED-OVER' >"$tty"
    wait_for "SCRIBBLED-OVER" 2 "$term: a stray write shows on the screen"
    tui_keys C-l
    wait_gone "SCRIBBLED-OVER" 2 "$term: Ctrl-L redraws the screen without it"
    wait_for "Review |" 2 "$term: and with the Review whole"
    tui_quit
done

# --read-only: no write key changes anything, and the screen says why.
state() { sql "$db" "SELECT group_concat(id || ':' || version || ':' || archived) FROM contact; SELECT count(*) FROM note; SELECT count(*) FROM followup; SELECT count(*) FROM journal"; }
before=$(state)
tui_start -- --db "$db" --read-only
wait_for "Review |" 10 "--read-only: starts"
tui_keys 3
wait_for "Contacts (2)" 2 "--read-only: the Contacts"
# Each writing key is refused at once, before any question.
for key in d '>' u; do
    tui_keys "$key"
    wait_for "Read-only:" 2 "--read-only: $key is refused with the reason"
    if tui_screen | grep -qE "Archive Ada|reason \(optional\)|\(y/n\)"; then
        ok 1 "--read-only: $key asked nothing"
    else
        ok 0 "--read-only: $key asked nothing"
    fi
    tui_keys j
done
tui_quit
is "$(state)" "$before" "--read-only: archive, promote and undo changed nothing stored"

done_testing
