#!/bin/bash
# On the demo, as a newcomer first sees it: the Review's section with the
# cursor shows its row even at 40x12, where the sections below it would
# otherwise have their titles alone; a suggested client says why at
# 80x24 (cut when it is long, not dropped); and the organisation page
# shows and edits the budget date, refusing a wrong one with the form
# kept open. The help says what Enter, e, a and > do on these screens.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

tui_start -s 80x24 -- --demo
wait_for "Ready to move up (" 10 "the demo's Review"
tui_keys '?'
wait_match "^  > +Promote one stage; a suggestion, with its reason" 3 \
    "the help says > promotes a suggestion with its reason"
tui_keys q
wait_gone "Keys of the" 2 "the help closes"
wait_match '→ Client: a customer for [0-9]+ days' 2 \
    "a suggested client says why at 80 columns"
# The demo's organisations carry notes and budget dates for their pages.
tui_keys 4
wait_for "School of Law" 5 "the demo's Organisations"
scroll_until j "School of Law" >/dev/null
tui_keys /
tui_type "school of"
wait_gone "City Archives" 2 "filtered to the School of Law"
tui_keys Enter
wait_match "^Budget date [0-9]{2}-[0-9]{2} · Notes: Licences are renewed" 3 \
    "its page shows its budget date and notes"
tui_quit

# 40x12: right moves the cursor to Budget season and then to Ready to
# move up; each shows its row under its title.
tui_start -s 40x12 -- --demo
wait_for "Budget season (" 10 "the demo's Review at 40x12"
budget=$("$RAPPORT" --demo agenda | sed -n '/^Budget season$/{n;p;q}' \
         | sed 's/^ *#[0-9]* //; s/ — .*//')
ready=$("$RAPPORT" --demo agenda | sed -n '/^Ready to move up$/{n;p;q}' \
        | sed 's/^ *#[0-9]* //; s/ → .*//')
like "$budget" '[A-Za-z]' "the demo's agenda has a budget row ($budget)"
like "$ready" '[A-Za-z]' "and a suggestion ($ready)"
unlike "$(tui_screen | sed -n '/^Budget season/,/^Ready/p')" "$budget" \
    "before the cursor goes there, Budget season has its title alone"
for i in 1 2 3 4; do tui_keys l; done
wait_match "^ ${budget:0:10}" 3 "the cursor in Budget season shows its row"
tui_keys l
wait_match "^ ${ready:0:10}" 3 "the cursor in Ready to move up shows its row"
tui_keys Enter
wait_for "$ready" 3 "Enter opens the suggestion seen"
tui_quit

# The organisation page: the budget date shown and edited.
db="$TEST_DIR/b.db"
run --db "$db" add "Ada Signer" --org "Acme Library" --role decision-maker
run --db "$db" orgs acme --budget 09-01
tui_start -- --db "$db"
wait_for "1 Review" 10 "the TUI starts"
tui_keys 4
wait_for "Acme Library" 5 "the Organisations screen"
tui_keys '?'
wait_match "<Enter> +Open the organisation's page" 3 \
    "the help says Enter opens the organisation"
wait_match "^  o +Sort by name, contacts, last interaction or NPS" 2 "and what o sorts by"
tui_keys q
wait_gone "Keys of the" 2 "the help closes"
tui_keys Enter
wait_for "Budget date 09-01 · Notes:" 3 "the page shows the budget date"
tui_keys '?'
wait_match "^  e +Edit the organisation: name, notes, budget date" 3 \
    "the page's help says e edits the organisation"
wait_match "^  a +Add a contact linked to this organisation" 2 "and what a adds"
tui_keys q
wait_gone "Keys of the" 2 "the help closes"
tui_keys e
wait_for "Budget date (MM-DD)" 3 "e edits the budget date with the name and notes"
tui_keys Tab Tab C-a C-k
tui_type "13-40"
tui_keys C-s
wait_for "MM-DD" 3 "a wrong budget date is refused, saying what one is"
wait_for "Budget date (MM-DD)" 2 "and the form stays open"
is "$(sql "$db" "SELECT budget_date FROM organisation")" "09-01" "nothing stored"
tui_keys Tab Tab C-a C-k
tui_type "03-15"
tui_keys C-s
wait_for "Saved the organisation." 3 "a good one is saved"
is "$(sql "$db" "SELECT budget_date FROM organisation")" "03-15" "and stored"
wait_for "Budget date 03-15" 2 "the page shows the new date"
tui_keys u
wait_for "Budget date 09-01" 3 "u undoes it"
is "$(sql "$db" "SELECT budget_date FROM organisation")" "09-01" "the old date is back"
tui_keys e
wait_for "Budget date (MM-DD)" 3 "e again"
tui_keys Tab Tab C-a C-k
tui_type "none"
tui_keys C-s
wait_for "Saved the organisation." 3 "none clears it"
is "$(sql "$db" "SELECT coalesce(budget_date, 'null') FROM organisation")" "null" \
    "no budget date stored"
wait_gone "Budget date 09-01" 2 "the page no longer shows one"
tui_quit
done_testing
