#!/bin/sh
# A team on one shared server (issue 15): two real users of one group
# set up a team database with `rapport team init`, work on it at once,
# and each row says who made it; a user outside the group is refused.
# It needs root (useradd, setpriv) to make the users.
. "${top_srcdir:-.}/tests/lib/tap.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root to make the team's users"
for tool in useradd userdel groupadd groupdel setpriv; do
    command -v "$tool" >/dev/null 2>&1 || skip_all "needs $tool"
done

id=$$
team=rtg$id
other=rto$id
ann=rta$id
bob=rtb$id
carl=rtc$id
cleanup() {
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
    out=$(as "$u" "$RAPPORT" "$@" 2>"$TEST_DIR/stderr")
    status=$?
    err=$(cat "$TEST_DIR/stderr")
}
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

# ---- refusals ------------------------------------------------------------

r "$carl" list
is "$status" 1 "a user outside the group is refused"
like "$err" "crm.db" "and told which database"
r "$carl" team init "$crm/theirs/x.db" --group "$team"
is "$status" 1 "team init by a user outside the group is refused"
like "$err" "not a member of the group $team" "and says why"
r "$ann" team init "$crm/x/y.db" --group "no-such-group-$id"
is "$status" 1 "an unknown group is refused"
like "$err" "there is no group" "and said so"

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

done_testing
