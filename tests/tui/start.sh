#!/bin/bash
# First start on an empty database, the help overlay, resizing, colours
# off, and keys remapped in the config.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/first.db"

tui_start -- --db "$db"
wait_for "Nothing needs you today" 10 "an empty database opens on a plain Review"
wait_for "first.db |" 2 "the status line shows the database (its end when the hints need the room)"
wait_for "Review |" 2 "the status line names the screen"
is "$(stat -c %a "$db")" 600 "the new database is private"
is "$(cat "$TUI_ERR")" "rapport: created a new database at $db" \
   "the TUI says once, on standard error, where it made the database"

tui_keys '?'
wait_for "Keys of the Review screen" 2 "? opens the help overlay"
wait_for "Mark the follow-up done" 2 "the help lists the screen's own keys"
# The keys of every screen follow (j scrolls to them).
for n in $(seq 1 15); do tui_keys j; done
wait_for "Everywhere:" 2 "and those of every screen"
tui_keys q
wait_gone "Keys of the Review screen" 2 "any key closes the help"

tui_keys 2
wait_for "End users (0)" 2 "2 jumps to the Pipeline with counts"
wait_for "Clients (0)" 2 "all three columns are there"
tui_keys C
wait_for "Contacts (0)" 2 "C jumps to the Contacts"
wait_for "No contacts yet" 2 "an empty list says so"

tui_resize 40 12
wait_for "Contacts (0)" 2 "still readable at 40x12"
tui_resize 30 10
wait_for "Too small" 2 "a message below 40x12"
tui_resize 80 24
wait_for "Contacts (0)" 2 "back to normal after resizing again"
tui_keys R
wait_for "Nothing needs you today" 2 "R goes back to the Review"
tui_quit

# Remapped keys, a bad binding reported, and no colours.
mkdir -p "$XDG_CONFIG_HOME/rapport"
cat >"$XDG_CONFIG_HOME/rapport/config.ini" <<'INI'
[keys]
promote = +
help = <F2>
save = ^O
nonsense = x
[colors]
title = purple,blue
header = yellow,default,bold
INI
tui_start -e NO_COLOR=1 -- --db "$db"
wait_for "nonsense" 10 "an unknown action in [keys] is reported on the status line"
is "$(tui_colours | tr '\n' ' ')" "" "NO_COLOR: no cell has a colour, whatever [colors] asks"
wait_for "2 problems in the config (<F2> lists them)" 2 "with the count of problems"
tui_keys F2
wait_for "Keys of the Review screen" 2 "a remapped help key opens the help"
wait_for "Problems in the configuration" 2 "the help lists the config's problems"
like "$(tui_screen)" '\[keys\] nonsense: no such action' "the unknown action"
like "$(tui_screen)" '\[colors\] title: "purple,blue" is not understood' "and the bad colour"
wait_for "j/k scroll, any other key closes the help" 2 "the help footer names the scroll keys"
scroll_until j "Save the form or the note"
wait_for "In forms, notes and questions:" 2 "the help lists the keys of forms too"
like "$(tui_screen)" '\^O +Save the form or the note' "with the remapped save key"
# The screens' keys are above the forms' ones: back up to them.
scroll_until k "Promote one stage"
wait_for "Promote one stage" 2 "scrolling back up shows the Review's keys"
screen=$(tui_screen)
like "$screen" '^ *\+ +Promote one stage' "the help shows the remapped promote key"
unlike "$screen" '^ *> +Promote' "and no longer the default"
tui_keys Escape
wait_gone "Keys of the Review screen" 2 "Esc closes the help"
wait_for "<F2> help  x done  s snooze" 2 "the status line hints name the remapped keys in words"
tui_keys a
wait_for "^O or Enter on the last field saves" 2 "the form's footer names the remapped save key"
tui_type "Remy Remapped"
tui_keys C-o
wait_for "Remy Remapped  #" 2 "^O saves the form"
is "$(sql "$db" "SELECT count(*) FROM contact WHERE name = 'Remy Remapped'")" 1 "and the contact is stored"
tui_quit
rm "$XDG_CONFIG_HOME/rapport/config.ini"

# In another language, the hints and the help are translated too (from
# the build tree's catalogues).
tui_start -e LANGUAGE=de -- --db "$db"
wait_for "x erledigt" 10 "the status line hints are in German"
tui_keys '?'
wait_for "j/k blättern" 2 "the help footer too"
tui_keys q
tui_quit

# SIGTERM (and SIGHUP) end rapport cleanly, the terminal restored.
tui_start -- --db "$db"
wait_for "Nothing needs you today" 10 "starts again"
like "$(tui_colours | tr '\n' ' ')" '4[0-7]|3[0-7]' \
     "without NO_COLOR the same config colours the screen (so the check above can fail)"
pid=$(tui_pid)
ok "$([ -n "$pid" ]; echo $?)" "rapport's process is found"
# The terminal's state as tmux sees it: the alternate screen and a
# hidden cursor while rapport runs, both given back after SIGTERM.
is "$(tmux_ display-message -p -t rapport '#{alternate_on}')" 1 "rapport draws on the alternate screen"
kill -TERM "$pid"
wait_for "[rapport ended]" 5 "SIGTERM ends it"
is "$(tmux_ display-message -p -t rapport '#{alternate_on} #{cursor_flag}')" "0 1" \
   "after SIGTERM the terminal is restored: main screen, cursor shown"
is "$(cat "$TUI_DONE")" 0 "with status 0"
is "$(cat "$TUI_ERR")" "" "and nothing on standard error"

# A terminal that cannot place the cursor is told so, not drawn on.
tui_start -e TERM=dumb -- --db "$db"
wait_for "[rapport ended]" 5 "TERM=dumb ends at once"
is "$(cat "$TUI_DONE")" 1 "with status 1"
like "$(cat "$TUI_ERR")" 'terminal "dumb" cannot move the cursor' "saying why"

# At 40x12 the columns keep their counts and rows keep their parts apart.
tui_start -s 40x12 -- --demo
wait_for "Gone quiet (" 10 "the demo's Review at 40x12"
like "$(tui_screen | grep -A1 'Gone quiet (')" '[^ ] +(End user|Customer|Client), [0-9]+d$' \
    "a gone-quiet row keeps a gap between the name and the stage"
tui_keys 2
wait_for "Clients (" 2 "the Pipeline"
like "$(tui_screen | sed -n 2p)" '\([0-9]+\).*\([0-9]+\).*\([0-9]+\)' "every column shows its count"
tui_keys l j
selected=$(tui_screen | sed -n 4p | cut -c15-22 | sed 's/^ *//; s/ *$//')
like "$selected" '[[:alpha:]]{3}' "the second column's row holds a name ($selected)"
tui_resize 30 10
wait_for "Too small" 2 "a full screen below 40x12 gives way to the message"
tui_resize 100 30
wait_for "End users (" 2 "and comes back whole at 100x30"
wait_for "$selected" 2 "with the rows read before"
tui_quit

done_testing
