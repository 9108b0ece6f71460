#!/bin/bash
# Which editor E runs (SPEC §3, §6): $VISUAL over $EDITOR, then $EDITOR;
# with neither, [general] editor of the config, with its arguments.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

db="$TEST_DIR/e.db"
run --db "$db" add "Grace Hopper"
is "$status" 0 "a contact"

# A script that writes "Written by NAME ARGS" into the file it is given
# (its last argument).
for name in visual editor configured; do
    cat >"$TEST_DIR/$name.sh" <<SH
#!/bin/sh
for a in "\$@"; do last=\$a; done
shift_args=\$(echo "\$@" | sed 's| [^ ]*\$||')
echo "Written by $name \$shift_args" >"\$last"
SH
    chmod +x "$TEST_DIR/$name.sh"
done

# edit_note WHO ENV...: starts the TUI with ENV, presses E on the contact
# page; the newest note must say "Written by WHO".
edit_note() {
    who=$1
    shift
    before=$(sql "$db" "SELECT count(*) FROM note")
    tui_start "$@" -- --db "$db" ${config:+--config "$config"}
    wait_for "Review |" 10 "$who: starts"
    tui_keys 3 Enter
    wait_for "Timeline (" 2 "$who: on the contact page"
    tui_keys E
    wait_for "Written by" 5 "$who: E stores what an editor wrote"
    tui_quit
    is "$(sql "$db" "SELECT count(*) FROM note")" $((before + 1)) "$who: one note more"
    body=$(sql "$db" "SELECT body FROM note ORDER BY id DESC LIMIT 1")
}

config=
edit_note visual -e VISUAL="$TEST_DIR/visual.sh" -e EDITOR="$TEST_DIR/editor.sh"
like "$body" '^Written by visual' "\$VISUAL wins over \$EDITOR"
edit_note editor -e EDITOR="$TEST_DIR/editor.sh"
like "$body" '^Written by editor' "\$EDITOR without \$VISUAL"
config="$TEST_DIR/c.ini"
printf '[general]\neditor = %s -w --flag\n' "$TEST_DIR/configured.sh" >"$config"
edit_note configured
like "$body" '^Written by configured -w --flag$' \
     "with neither, [general] editor runs, with its arguments"

done_testing
