#!/bin/bash
# A team on one shared server (issue 15): two real users of one group
# set up a team database with `rapport team init`, work on it at once,
# and each row says who made it; a user outside the group is refused.
# It needs root (useradd, setpriv) to make the users; the TUI part
# needs tmux.
. "${top_srcdir:-.}/tests/lib/tap.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root to make the team's users"
for tool in useradd userdel groupadd groupdel setpriv; do
    command -v "$tool" >/dev/null 2>&1 || skip_all "needs $tool"
done

id=$$
bg=
team=rtg$id
other=rto$id
ann=rta$id
bob=rtb$id
carl=rtc$id
have_tmux=
if command -v tmux >/dev/null 2>&1; then
    . "${top_srcdir:-.}/tests/lib/tmux.sh"
    have_tmux=yes
fi
cleanup() {
    [ -n "$have_tmux" ] && tmux_ kill-server >/dev/null 2>&1
    [ -n "$bg" ] && kill "$bg" 2>/dev/null && wait "$bg"
    for u in "$ann" "$bob" "$carl"; do userdel "$u" 2>/dev/null; done
    groupdel "$team" 2>/dev/null
    groupdel "$other" 2>/dev/null
    rm -rf "$TEST_DIR"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
groupadd "$team" 2>/dev/null && groupadd "$other" 2>/dev/null \
    || skip_all "cannot add a group"
useradd -M -N -g "$team" -s /bin/sh "$ann" 2>/dev/null \
    && useradd -M -N -g "$team" -s /bin/sh "$bob" 2>/dev/null \
    && useradd -M -N -g "$other" -s /bin/sh "$carl" 2>/dev/null \
    || skip_all "cannot add users"

chmod 755 "$TEST_DIR"
for u in "$ann" "$bob" "$carl"; do
    mkdir -m 700 "$TEST_DIR/$u"
    chown "$u" "$TEST_DIR/$u"
done
# as USER COMMAND...: COMMAND run as USER, in their home and groups,
# with the umask most systems give a login (022).
as() {
    u=$1
    shift
    h="$TEST_DIR/$u"
    (umask 022 && setpriv --reuid="$u" --regid="$(id -g "$u")" --init-groups \
        env HOME="$h" XDG_DATA_HOME="$h/.local/share" \
        XDG_CONFIG_HOME="$h/.config" TMPDIR="$h" USER=root LOGNAME=root "$@")
}
# r USER ARGS...: rapport as USER -> $out $err $status
r() {
    u=$1
    shift
    out=$(as "$u" "$real" "$@" 2>"$TEST_DIR/stderr")
    status=$?
    err=$(cat "$TEST_DIR/stderr")
}
real=$RAPPORT   # the TUI part runs rapport through a wrapper
as "$ann" test -x "$RAPPORT" || skip_all "the test's users cannot run $RAPPORT"

# ---- setting up: the README's three commands -----------------------------

# Like /srv: root's, where the team's members may make folders.
crm="$TEST_DIR/srv"
mkdir "$crm"
chgrp "$team" "$crm"
chmod 2775 "$crm"
db="$crm/team/crm.db"
r "$ann" team init "$db" --group "$team"
is "$status" 0 "a member sets the team database up"
like "$out" "shared_database = yes" "and is told what to put in the config"
like "$out" "database = $db" "with the database's path"
is "$(stat -c '%a %G' "$crm/team")" "2770 $team" "the folder is the group's, setgid"
is "$(stat -c '%a %U %G' "$db")" "660 $ann $team" "the database is the group's, 0660"

for u in "$ann" "$bob" "$carl"; do
    mkdir -p "$TEST_DIR/$u/.config/rapport"
    printf '%s\n' "$out" | sed -n '/^\[general\]/,$p' \
        >"$TEST_DIR/$u/.config/rapport/config.ini"
    chown -R "$u" "$TEST_DIR/$u/.config"
    chmod 600 "$TEST_DIR/$u/.config/rapport/config.ini"
done

# Bob, not Ann, is the first to write: his -wal and -shm are the group's.
r "$bob" add "Vera Lind" --org "Humanities"
is "$status" 0 "the other member writes first"
is "$err" "" "with no warning"
# Bob keeps the database open (a reader waiting on a pipe), so that the
# -wal and -shm he made stay while Ann writes into them.
mkfifo "$TEST_DIR/hold"
chmod 666 "$TEST_DIR/hold"
as "$bob" sqlite3 "$db" "BEGIN; SELECT count(*) FROM contact;" \
    ".shell cat '$TEST_DIR/hold' >/dev/null" "COMMIT;" >/dev/null 2>&1 &
holder=$!
tries=100
until [ -e "$db-shm" ] || [ "$tries" -eq 0 ]; do sleep 0.05; tries=$((tries - 1)); done
is "$(stat -c '%a %U %G' "$db-shm" 2>&1)" "660 $bob $team" "his -shm is 0660, the group's"
r "$ann" add "Olav Berg" --org "Library"
is "$status" 0 "and the first can write into his -wal and -shm"
is "$(stat -c '%a %G' "$db-wal" 2>&1)" "660 $team" "the -wal is 0660, the group's"
echo done >"$TEST_DIR/hold"
wait "$holder"
r "$ann" agenda
is "$status:$out" "0:" "an empty day's agenda prints nothing, in a team database too"

# ---- root sets it up, with sudo as the README writes it ------------------

# The README's own line, with the built rapport for the installed one
# (sudo finds commands on its secure path: rapport there is `make
# install`'s). sudo keeps root's environment out: HOME and the XDG
# folders, set on its command line, keep the test out of root's files.
readme_init=$(grep -m1 '^    sudo rapport team init ' "$top_srcdir/README.md" | sed 's/^    //')
like "$readme_init" '^sudo rapport team init [^ ]+ --group [^ ]+$' "the README sets a team database up with sudo"
if command -v sudo >/dev/null 2>&1; then
    mkdir -m 700 "$TEST_DIR/root"
    rooted="$crm/rooted/crm.db"
    set -- $readme_init
    # The sanitizers' settings of the suite, when it runs under them.
    kept=()
    for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
        [ -n "${!v:-}" ] && kept+=("$v=${!v}")
    done
    out=$(sudo -n HOME="$TEST_DIR/root" XDG_CONFIG_HOME="$TEST_DIR/root/.config" \
          XDG_DATA_HOME="$TEST_DIR/root/.local/share" "${kept[@]}" "$real" "$3" "$4" "$rooted" \
          "$6" "$team" 2>"$TEST_DIR/stderr")
    status=$?
    err=$(cat "$TEST_DIR/stderr")
    is "$status:$err" "0:" "sudo rapport team init sets it up, with no warning"
    like "$out" "database = $rooted" "and prints the member's config lines"
    is "$(stat -c '%a %U %G' "$crm/rooted")" "2770 root $team" "the folder is root's and the group's, setgid"
    is "$(stat -c '%a %U %G' "$rooted")" "660 root $team" "the database is 0660, the group's"
    r "$bob" --shared --db "$rooted" add "Ragna Holm"
    is "$status:$err" "0:" "a member writes into it"
    r "$ann" --shared --db "$rooted" note ragna "set up by root"
    is "$status:$err" "0:" "and the other too"
    is "$(sql "$rooted" "SELECT group_concat(author, ' ') FROM (SELECT author FROM note ORDER BY id)")" \
       "$ann" "the note names its author, not root"
    is "$(stat -c '%a %U %G' "$rooted")" "660 root $team" "and it stays root's, 0660, the group's"
    r "$carl" --shared --db "$rooted" list
    is "$status" 1 "a user outside the group is refused there too"
else
    skip "sudo rapport team init" "sudo is not installed"
fi

# ---- refusals ------------------------------------------------------------

# Without shared_database, a team database is refused, saying what is
# missing; --shared on the command line opens it.
: >"$TEST_DIR/plain.ini"
chmod 644 "$TEST_DIR/plain.ini"
r "$ann" --config "$TEST_DIR/plain.ini" --db "$db" list
is "$status" 1 "a team database opened as a private one is refused"
like "$err" "team folder.*shared_database = yes.*--shared" "saying what is missing"
r "$ann" --config "$TEST_DIR/plain.ini" --shared --db "$db" list
is "$status" 0 "--shared opens it"
like "$out" "Olav Berg" "and lists"

r "$carl" list
is "$status" 1 "a user outside the group is refused"
like "$err" "crm.db" "and told which database"
r "$carl" team init "$crm/theirs/x.db" --group "$team"
is "$status" 1 "team init by a user outside the group is refused"
like "$err" "not a member of the group $team" "and says why"
r "$ann" team init "$crm/x/y.db" --group "no-such-group-$id"
is "$status" 1 "an unknown group is refused"
like "$err" "there is no group" "and said so"
r "$ann" team init "$TEST_DIR/$ann/crm.db" --group "$team"
is "$status" 1 "team init in a folder of other files (her home) is refused"
like "$err" "holds other files.*folder of its own" "saying it needs a folder of its own"
is "$(stat -c '%a %G' "$TEST_DIR/$ann")" "700 root" "and her home is left as it was"

chmod 2777 "$crm/team"
r "$ann" list
is "$status" 1 "a team folder every user can write is refused"
like "$err" "chmod o-w" "with the command that fixes it"
chmod 2770 "$crm/team"

chmod g-s "$crm/team"
r "$ann" list
is "$status" 0 "a team folder without setgid still opens"
like "$err" "setgid.*chmod g\+s" "with a warning and the command that fixes it"
chmod 2770 "$crm/team"

chmod 666 "$db"
r "$bob" list
is "$status" 1 "a team database every user can write is refused"
like "$err" "chmod 6[06]0" "with the command that fixes it"
chmod 660 "$db"

# A private -wal one member left behind is mended by that member, and
# refused, naming them, to the others.
as "$ann" sh -c "umask 077; : >'$db-wal.tmp'"
if [ ! -e "$db-wal" ]; then
    mv "$db-wal.tmp" "$db-wal"
    chmod 600 "$db-wal"
    r "$bob" list
    is "$status" 1 "a colleague's private -wal is refused"
    like "$err" "belongs to $ann.*chmod g\+rw" "naming its owner and the fix"
    r "$ann" list
    is "$status" 0 "its owner opens the database"
    if [ -e "$db-wal" ]; then
        is "$(stat -c '%a' "$db-wal")" 660 "and the -wal is the group's again"
    else
        ok 0 "and the -wal is gone"
    fi
    r "$bob" list
    is "$status" 0 "then the colleague opens it too"
else
    rm -f "$db-wal.tmp"
fi

# ---- who did it ----------------------------------------------------------

# Both write at once, each from the command line: nothing is lost and no
# "database is locked" is shown.
writes() {   # writes USER N: N notes and N follow-ups on Vera
    i=0
    while [ "$i" -lt "$2" ]; do
        as "$1" "$RAPPORT" note "Vera Lind" "note $i of $1" >/dev/null \
            2>>"$TEST_DIR/$1.err" || echo "note $i failed" >>"$TEST_DIR/$1.err"
        as "$1" "$RAPPORT" follow "Vera Lind" +3d "call $i of $1" >/dev/null \
            2>>"$TEST_DIR/$1.err" || echo "follow $i failed" >>"$TEST_DIR/$1.err"
        i=$((i + 1))
    done
}
: >"$TEST_DIR/$ann.err"
: >"$TEST_DIR/$bob.err"
writes "$ann" 15 &
pa=$!
writes "$bob" 15 &
pb=$!
wait "$pa" "$pb"
is "$(cat "$TEST_DIR/$ann.err" "$TEST_DIR/$bob.err")" "" \
   "two members writing at once: no failure, no \"locked\""
is "$(sql "$db" "SELECT count(*) FROM note WHERE body LIKE 'note % of $ann'")" 15 "every note of one is there"
is "$(sql "$db" "SELECT count(*) FROM note WHERE body LIKE 'note % of $bob'")" 15 "and of the other"
is "$(sql "$db" "SELECT count(*) FROM note WHERE author IS NOT substr(body, instr(body, ' of ') + 4)")" 0 \
   "each note names its author"
is "$(sql "$db" "SELECT count(*) FROM followup WHERE text LIKE 'call % of %' AND created_by IS substr(text, instr(text, ' of ') + 4) AND assigned_to IS created_by")" 30 \
   "each follow-up names who scheduled it, and is theirs"
is "$(sql "$db" "SELECT count(*) FROM journal WHERE author IS NOT '$ann' AND author IS NOT '$bob'")" 0 \
   "each journal entry names its author"
is "$(stat -c '%a %G' "$db")" "660 $team" "the database is still 0660, the group's"
for f in "$db-wal" "$db-shm"; do
    [ -e "$f" ] && is "$(stat -c '%a %G' "$f")" "660 $team" "$(basename "$f") is still 0660"
done

# $USER and $LOGNAME say root (see as()): the author is the real user.
is "$(sql "$db" "SELECT count(*) FROM note WHERE author = 'root'")" 0 \
   "the author comes from the user id, not from \$USER"

r "$ann" show "Vera Lind"
like "$out" "note 3 of $bob" "show has the notes"
like "$out" "note  by $bob" "and names who wrote each, in a team's database"
like "$out" "note  by $ann" "both of them"
like "$out" "End user  by $bob" "and who made the stage change"

# ---- owners and "mine" ---------------------------------------------------

r "$ann" edit "Olav Berg" --owner "$bob"
is "$status" 0 "a contact gets an owner"
r "$ann" show "Olav Berg"
like "$out" "Owner: +$bob" "show names the owner"
r "$ann" edit "Olav Berg" --owner "no-such-login-$id"
is "$status" 2 "an owner who is no user of this system is refused"
r "$ann" follow "Olav Berg" today "send the contract" --for "$bob"
is "$status" 0 "a follow-up handed to a colleague"
like "$out" "handed to $bob" "and said so"
r "$bob" follow "Vera Lind" today "book the room"
r "$bob" agenda
like "$out" "^$bob: my work" "the agenda opens on my work in a team database"
like "$out" "send the contract — for $bob, from $ann" "with what was handed to me, naming who"
like "$out" "book the room" "and what I scheduled"
unlike "$out" "call 1 of $ann" "not a colleague's own follow-ups"
r "$ann" agenda
unlike "$out" "send the contract" "what I handed on is no longer mine"
like "$out" "call 1 of $ann" "my own are"
r "$ann" agenda --all
like "$out" "send the contract" "--all shows the team's"
like "$out" "book the room" "every member's"
r "$ann" agenda --for "$bob"
like "$out" "send the contract" "--for shows a colleague's"
unlike "$out" "call 1 of $ann" "and only theirs"
r "$ann" list --owner "$bob"
like "$out" "Olav Berg" "list --owner"
unlike "$out" "Vera Lind" "only their contacts"
r "$ann" list --owner none
like "$out" "Vera Lind" "list --owner none: nobody's"
r "$ann" export --format vcard
like "$out" "X-RAPPORT-OWNER:$bob" "the owner is exported"
# ... and comes back: into a private database of Ann's, from vCard and CSV.
printf '%s\n' "$out" >"$TEST_DIR/team.vcf"
chmod 644 "$TEST_DIR/team.vcf"
r "$ann" --db "$TEST_DIR/$ann/own.db" import "$TEST_DIR/team.vcf"
is "$status" 0 "the vCard imports into another database"
is "$(sql "$TEST_DIR/$ann/own.db" "SELECT owner FROM contact WHERE name = 'Olav Berg'")" "$bob" \
   "with the owner"
r "$ann" export --format csv
like "$(printf '%s\n' "$out" | head -1)" '"Owner"' "CSV has an Owner column"
printf '%s\n' "$out" >"$TEST_DIR/team.csv"
chmod 644 "$TEST_DIR/team.csv"
r "$ann" --db "$TEST_DIR/$ann/csv.db" import "$TEST_DIR/team.csv"
is "$(sql "$TEST_DIR/$ann/csv.db" "SELECT owner FROM contact WHERE name = 'Olav Berg'")" "$bob" \
   "and the CSV brings it back"
r "$ann" export --format json
is "$(printf '%s\n' "$out" | jq -r '.contacts[] | select(.name == "Olav Berg") | .owner' 2>&1)" "$bob" \
   "JSON names the owner"
is "$(printf '%s\n' "$out" | jq -r '.contacts[] | select(.name == "Olav Berg") | .followups[] | select(.text == "send the contract") | "\(.created_by) \(.assigned_to)"' 2>&1)" \
   "$ann $bob" "and who scheduled each follow-up, and for whom"
is "$(printf '%s\n' "$out" | jq -r '[.contacts[].notes[].author] | unique | join(" ")' 2>&1)" \
   "$(printf '%s\n' "$ann" "$bob" | sort | tr '\n' ' ' | sed 's/ $//')" "and each note's author"

# ---- undo does not silently undo a colleague's change -------------------

r "$bob" note "Olav Berg" "bob was here"
r "$ann" undo
is "$status" 1 "undo of a colleague's change is refused"
like "$err" "made by $bob.*undo --theirs" "naming them and how to do it all the same"
is "$(sql "$db" "SELECT count(*) FROM note WHERE body = 'bob was here'")" 1 "and the note stays"
r "$ann" undo --theirs
is "$status" 0 "--theirs undoes it"
is "$(sql "$db" "SELECT count(*) FROM note WHERE body = 'bob was here'")" 0 "the note is gone"

# ---- archive and import name who did them; filters by author ------------

r "$bob" archive "Olav Berg"
is "$status" 0 "a member archives a contact"
is "$(sql "$db" "SELECT author FROM journal ORDER BY id DESC LIMIT 1")" "$bob" \
   "the archive names who did it"
r "$bob" unarchive "Olav Berg"
is "$status" 0 "and brings it back"
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Siri Dahl\r\nEND:VCARD\r\n' >"$TEST_DIR/siri.vcf"
chmod 644 "$TEST_DIR/siri.vcf"
r "$bob" import "$TEST_DIR/siri.vcf"
is "$status" 0 "a member imports a card"
is "$(sql "$db" "SELECT author FROM journal ORDER BY id DESC LIMIT 1")" "$bob" \
   "the import names who did it"
is "$(sql "$db" "SELECT s.author FROM stage_change s JOIN contact c ON c.id = s.contact_id WHERE c.name = 'Siri Dahl'")" \
   "$bob" "and so does the imported contact's first stage"
r "$ann" note "Siri Dahl" "met Siri"
r "$ann" list --by "$ann"
like "$out" "Siri Dahl" "list --by: the contacts with a note by a member"
r "$ann" list --by "$bob"
unlike "$out" "Siri Dahl" "not those without one"
like "$out" "Vera Lind" "but those with"
r "$ann" agenda --by "$bob"
like "$out" "book the room" "agenda --by: the follow-ups a member scheduled"
unlike "$out" "call 1 of $ann" "not a colleague's"

# A database of another group than its folder's is given back to the
# team's group by its owner.
chgrp "$other" "$db"
r "$ann" list
is "$status" 0 "a team database of another group still opens for its owner"
is "$(stat -c '%G' "$db")" "$team" "who gives it back to the team's group"
chgrp "$team" "$db"

# ---- the TUI, run as a member, while the other writes -------------------

if [ -z "$have_tmux" ]; then
    skip "the TUI part" "tmux is not installed"
    done_testing
    exit
fi
# rapport as Ann inside tmux: the wrapper drops to her user.
cat >"$TEST_DIR/as-ann" <<WRAP
#!/bin/sh
exec setpriv --reuid="$ann" --regid="$team" --init-groups \\
    env HOME="$TEST_DIR/$ann" XDG_DATA_HOME="$TEST_DIR/$ann/.local/share" \\
    XDG_CONFIG_HOME="$TEST_DIR/$ann/.config" TMPDIR="$TEST_DIR/$ann" \\
    "$real" "\$@"
WRAP
chmod 755 "$TEST_DIR/as-ann"
RAPPORT="$TEST_DIR/as-ann"
# Tall enough for Vera's 31 open follow-ups and her timeline below them.
tui_start -s 110x80 --
wait_for "Review: $ann's work (w: the team's)" 10 \
    "Ann's Review opens on her work, and the status line says so"
wait_for "call 1 of $ann" 3 "with her follow-ups"
unlike "$(tui_screen)" "book the room" "not a colleague's own"
tui_keys w
wait_for "Review: the team's work (w: mine)" 3 "w switches to the whole team's"
wait_for "book the room [for $bob]" 3 "a colleague's follow-up, saying whose"
tui_keys w
wait_for "Review: $ann's work" 3 "and w back to hers"
# W: the follow-ups one member scheduled, all of them, even in my work.
tui_keys W
wait_for "Only follow-ups scheduled by (login; empty: everyone's):" 3 "W asks whose follow-ups"
tui_type "$bob"
tui_keys Enter
wait_for "Review: follow-ups by $bob (W: everyone's); $ann's work (w: the team's)" 3 \
    "the status line says whose follow-ups, and whose work the rest is"
wait_for "book the room [for $bob]" 3 "a colleague's own follow-up, though not hers"
wait_gone "call 1 of $ann" 3 "none she scheduled"
wait_for "call 1 of $bob" 3 "every one he scheduled"
tui_keys W C-u
tui_type "no-such-login-$id"
tui_keys Enter
wait_for "There is no user no-such-login-$id here" 3 "an unknown login is refused"
tui_keys C-u Enter
wait_for "call 1 of $ann" 3 "an empty answer: her own work again"
wait_gone "book the room" 3 "without the colleague's"
wait_gone "follow-ups by $bob" 3 "and the status line says so"
tui_keys Enter
wait_for "Vera Lind  #" 3 "Enter opens the contact of her follow-up"
wait_match "note  #[0-9]+  by $bob" 3 "the timeline names each note's author"

# Bob writes from the command line while Ann's screen is open.
r "$bob" note "Vera Lind" "live from bob"
is "$status $err" "0 " "the colleague writes a note"
wait_for "live from bob" 1 "a colleague's note appears on the open screen within a second"
tui_keys u
wait_for "made by $bob? (y/n)" 2 "u names the colleague before undoing their change"
tui_keys n
is "$(sql "$db" "SELECT count(*) FROM note WHERE body = 'live from bob'")" 1 \
   "no keeps the colleague's note"

# Both write at once: Ann in the TUI, Bob from the command line.
(i=0; while [ "$i" -lt 10 ]; do
    as "$bob" "$real" note "Vera Lind" "burst $i" >/dev/null 2>>"$TEST_DIR/burst.err" \
        || echo "burst $i failed" >>"$TEST_DIR/burst.err"
    i=$((i + 1))
done) &
bg=$!
tui_keys n
wait_for "Note about Vera Lind" 2 "n opens the editor"
tui_type "written by ann in the TUI"
tui_keys C-s
wait_for "written by ann in the TUI" 3 "her note is saved while he writes"
wait "$bg"
bg=
is "$(cat "$TEST_DIR/burst.err" 2>/dev/null)" "" "his writes all went in, none locked"
is "$(sql "$db" "SELECT count(*) FROM note WHERE body LIKE 'burst %' AND author = '$bob'")" 10 \
   "each of his, naming him"
is "$(sql "$db" "SELECT author FROM note WHERE body = 'written by ann in the TUI'")" "$ann" \
   "hers naming her"

# A conflicting edit names the colleague.
tui_keys e
wait_for "Edit Vera Lind" 2 "e opens the form"
tui_keys Tab Tab Tab
tui_type "Curator"
r "$bob" edit "Vera Lind" --title "Archivist"
is "$status $err" "0 " "meanwhile the colleague changes the title"
tui_keys C-s
wait_for "$bob changed Title meanwhile, as you did" 3 "saving names the colleague and the field"
tui_keys y
wait_for "Saved over their change" 2 "yes keeps hers"
is "$(sql "$db" "SELECT title FROM contact WHERE name = 'Vera Lind'")" "Curator" "and stores it"

# The form's Owner field, and a follow-up handed to a colleague.
tui_keys e
wait_for "Edit Vera Lind" 2 "e opens the form again"
tui_keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
tui_type "$ann"
tui_keys C-s
wait_for "Owner: $ann" 3 "the form's Owner field makes her Vera's owner"
is "$(sql "$db" "SELECT owner FROM contact WHERE name = 'Vera Lind'")" "$ann" "and stores it"
tui_keys f
wait_for "Due (" 2 "f asks when"
tui_type "+2d"
tui_keys Enter
wait_for "What to do:" 2 "then what"
tui_type "scan the letters"
tui_keys Enter
wait_for "Repeat every" 2 "then how often"
tui_keys Enter
wait_for "For whom (Enter: you; or a colleague's login):" 2 "then, in a team database, for whom"
tui_type "${bob%"$id"}"
tui_keys Tab
wait_match "colleague's login\): +$bob *\$" 2 "Tab completes a colleague's login"
tui_keys Enter
wait_for "Follow-up f" 2 "and schedules it"
is "$(sql "$db" "SELECT created_by || ' ' || assigned_to FROM followup WHERE text = 'scan the letters'")" \
   "$ann $bob" "handed to the colleague, naming who scheduled it"
tui_quit

# Bob's Review opens on his work: what Ann handed him comes first.
cat >"$TEST_DIR/as-bob" <<WRAP
#!/bin/sh
exec setpriv --reuid="$bob" --regid="$team" --init-groups \\
    env HOME="$TEST_DIR/$bob" XDG_DATA_HOME="$TEST_DIR/$bob/.local/share" \\
    XDG_CONFIG_HOME="$TEST_DIR/$bob/.config" TMPDIR="$TEST_DIR/$bob" \\
    "$real" "\$@"
WRAP
chmod 755 "$TEST_DIR/as-bob"
RAPPORT="$TEST_DIR/as-bob"
tui_start -s 110x40 --
wait_for "Review: $bob's work (w: the team's)" 10 "Bob's Review opens on his work"
wait_for "send the contract" 3 "with what was handed to him"
wait_for "scan the letters" 3 "in the TUI too"
unlike "$(tui_screen)" "call 1 of $ann" "and not Ann's own"
tui_keys w
wait_for "call 1 of $ann [for $ann]" 3 "w shows the team's, Ann's saying whose"
# The Contacts screen: every contact, and w the ones he owns.
tui_keys 3
wait_for "Contacts: the team's contacts (w: mine)" 3 "Contacts shows the team's, saying so"
wait_for "Vera Lind" 3 "with a colleague's contact"
tui_keys w
wait_for "Contacts: $bob's contacts (w: the team's)" 3 "w shows only the contacts he owns"
wait_for "Contacts (1)" 3 "counted"
wait_for "Olav Berg" 3 "the one he owns"
unlike "$(tui_screen)" "Vera Lind" "not the others"
tui_keys w
wait_for "Contacts: the team's contacts" 3 "and w the team's again"
wait_for "Vera Lind" 3 "every contact"
tui_quit
is "$(stat -c '%a %G' "$db")" "660 $team" "after all that, the database is 0660, the group's"

done_testing
