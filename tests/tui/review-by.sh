#!/bin/bash
# The Review's filter by author (W): in a database that is no team's,
# follow-ups scheduled by two real users (root, then the file's owner)
# are narrowed to one author's, the counts and the status line follow,
# an empty answer shows everyone's again, an unknown login is refused
# and Tab completes a login. It needs root to make the second user.
. "$top_srcdir/tests/lib/tap.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root to make a second user"
for tool in useradd userdel setpriv; do
    command -v "$tool" >/dev/null 2>&1 || skip_all "needs $tool"
done
. "$top_srcdir/tests/lib/tmux.sh"

ann=rrb$$
cleanup() {
    tmux_ kill-server >/dev/null 2>&1
    userdel "$ann" 2>/dev/null
    rm -rf "$TEST_DIR"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
useradd -M -N -s /bin/sh "$ann" 2>/dev/null || skip_all "cannot add a user"
chmod 755 "$TEST_DIR"
home="$TEST_DIR/$ann"
mkdir -m 700 "$home"
chown "$ann" "$home"
cat >"$TEST_DIR/as-ann" <<WRAP
#!/bin/sh
exec setpriv --reuid="$ann" --regid="$(id -g "$ann")" --init-groups \\
    env HOME="$home" XDG_DATA_HOME="$home/.local/share" \\
    XDG_CONFIG_HOME="$home/.config" TMPDIR="$home" USER=root LOGNAME=root \\
    "$RAPPORT" "\$@"
WRAP
chmod 755 "$TEST_DIR/as-ann"
"$TEST_DIR/as-ann" --version >/dev/null 2>&1 || skip_all "the user cannot run $RAPPORT"

# Root schedules two follow-ups in a database of its own, then gives the
# file to Ann, who schedules hers: one private database, two authors.
db="$TEST_DIR/crm.db"
run --db "$db" add "Vera Lind"
run --db "$db" follow "Vera Lind" today "root call"
run --db "$db" follow "Vera Lind" +2d "root letter"
is "$status" 0 "root schedules follow-ups"
for f in "$db" "$db-wal" "$db-shm"; do
    [ -e "$f" ] && mv "$f" "$home/" && chown "$ann" "$home/$(basename "$f")"
done
db="$home/crm.db"
as_ann() {
    "$TEST_DIR/as-ann" --db "$db" "$@" >/dev/null 2>>"$TEST_DIR/ann.err" \
        || echo "failed: $*" >>"$TEST_DIR/ann.err"
}
: >"$TEST_DIR/ann.err"
as_ann add "Olav Berg"
as_ann follow "Olav Berg" today "ann-call"
as_ann follow "Olav Berg" +3d "ann-visit"
is "$(cat "$TEST_DIR/ann.err")" "" "the file's owner schedules hers"
is "$(sql "$db" "SELECT group_concat(created_by || ':' || text, ' ') FROM (SELECT * FROM followup ORDER BY id)")" \
   "root:root call root:root letter $ann:ann-call $ann:ann-visit" \
   "each follow-up records who scheduled it"

# The agenda and the Review share the rule (core/review.c).
out=$("$TEST_DIR/as-ann" --db "$db" agenda --by root 2>&1)
like "$out" "root call" "agenda --by root: root's follow-ups"
unlike "$out" "ann-call" "not Ann's"
out=$("$TEST_DIR/as-ann" --db "$db" agenda --by "no-such-$ann" 2>&1)
like "$out" "by.*the login of a user of this system" "agenda --by refuses an unknown login"

RAPPORT="$TEST_DIR/as-ann"
tui_start -s 100x30 -- --db "$db"
wait_for "Today (2)" 10 "the Review counts everyone's follow-ups today"
wait_for "ann-call" 3 "Ann's are there"
wait_for "root call" 3 "and root's"
tui_keys W
wait_for "Only follow-ups scheduled by (login; empty: everyone's):" 3 "W asks whose"
tui_type ro
tui_keys Tab
wait_match "everyone's\): root *$" 3 "Tab completes a login"
tui_keys Enter
wait_for "Review: follow-ups by root (W: everyone's)" 3 "the status line says whose follow-ups and the key back"
wait_for "Today (1)" 3 "Today counts root's only"
wait_gone "ann-call" 3 "Ann's follow-up is gone"
wait_for "root call" 3 "root's stays"
wait_for "Next 7 days (1)" 3 "and the next days count root's only"
unlike "$(tui_screen)" "ann-visit" "without Ann's visit"
wait_for "Gone quiet" 1 "the contacts' sections are still there"

tui_keys W
wait_for "everyone's): root" 3 "W again offers the login shown"
tui_keys C-u
tui_type "no-such-$ann"
tui_keys Enter
wait_for "There is no user no-such-$ann here" 3 "an unknown login is refused, saying why"
wait_for "Only follow-ups scheduled by" 3 "and the question stays open"
tui_keys Escape
wait_for "Cancelled; nothing was stored." 3 "Esc leaves the question"
wait_for "Today (1)" 3 "and keeps the filter"
is "$(tui_screen | grep -c 'ann-call')" 0 "still root's only"
tui_keys j
wait_for "Review: follow-ups by root (W: everyone's)" 3 "as the status line says"

tui_keys W
tui_keys C-u Enter
wait_for "Today (2)" 3 "an empty answer shows everyone's again"
wait_for "ann-call" 3 "Ann's follow-up is back"
wait_for "Next 7 days (2)" 3 "counted"
wait_gone "follow-ups by root" 3 "the status line says no more"

tui_keys W
tui_type "$ann"
tui_keys Enter
wait_for "follow-ups by $ann (W: everyone's)" 3 "another login, Ann's own"
wait_gone "root call" 3 "root's go"
wait_for "ann-call" 3 "hers stay"

# A user of this system who scheduled nothing: the day is not empty,
# the filter is.
if id nobody >/dev/null 2>&1; then
    tui_keys W C-u
    tui_type nobody
    tui_keys Enter
    wait_for "No follow-ups scheduled by nobody, and nobody gone quiet." 3 \
        "a login with no follow-ups says the filter leaves nothing"
    wait_for "W with an empty answer shows everyone's again." 3 "and how to undo it"
    unlike "$(tui_screen)" "Nothing needs you today" "not that nothing needs her"
    tui_keys W C-u Enter
    wait_for "Today (2)" 3 "everyone's again"
else
    skip "a login with no follow-ups" "no user nobody"
fi

tui_keys '?'
wait_for "Only the follow-ups one member scheduled" 3 "the help lists W"
tui_keys q
tui_quit
done_testing
