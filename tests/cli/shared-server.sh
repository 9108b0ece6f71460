#!/bin/sh
# On a shared server (issue 21): what another local user could do to a
# user's files through rapport. The test makes two users of its own, a
# victim and an attacker who share a group (a team), and runs each one's
# commands as that user: export through the attacker's link or pipe, a
# backup raced by the attacker, a database or a configuration where the
# attacker can reach it. It also checks that a dry run leaves no scratch
# folder when it is killed. It needs root (useradd, setpriv) and must
# hold with fs.protected_symlinks, protected_fifos and protected_regular
# off, so it relies on none of them.
. "${top_srcdir:-.}/tests/lib/tap.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root to make a second user"
for tool in useradd userdel groupadd groupdel setpriv perl; do
    command -v "$tool" >/dev/null 2>&1 || skip_all "needs $tool"
done

id=$$
team=rpt$id
victim=rpv$id
attacker=rpa$id
attack_pid=
cleanup() {
    [ -n "$attack_pid" ] && kill "$attack_pid" 2>/dev/null && wait "$attack_pid"
    userdel "$victim" 2>/dev/null
    userdel "$attacker" 2>/dev/null
    groupdel "$team" 2>/dev/null
    rm -rf "$TEST_DIR"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
groupadd "$team" 2>/dev/null || skip_all "cannot add a group"
useradd -M -N -g "$team" -s /bin/sh "$victim" 2>/dev/null \
    && useradd -M -N -g "$team" -s /bin/sh "$attacker" 2>/dev/null \
    || skip_all "cannot add users"

# Both users reach the test's folder and the program; each has a home.
chmod 755 "$TEST_DIR"
vhome="$TEST_DIR/victim"
ahome="$TEST_DIR/attacker"
mkdir -m 700 "$vhome" "$ahome"
chown "$victim" "$vhome"
chown "$attacker" "$ahome"
shared="$TEST_DIR/shared"           # like /tmp: every user, sticky
mkdir -m 1777 "$shared"
teamdir="$TEST_DIR/team"            # a team folder: the group writes it
mkdir "$teamdir"
chgrp "$team" "$teamdir"
chmod 2770 "$teamdir"

as_user() {   # as_user USER HOME COMMAND...
    u=$1 h=$2
    shift 2
    setpriv --reuid="$u" --regid="$team" --init-groups \
        env HOME="$h" XDG_DATA_HOME="$h/.local/share" \
        XDG_CONFIG_HOME="$h/.config" TMPDIR="$h" "$@"
}
as_victim() { as_user "$victim" "$vhome" "$@"; }
as_attacker() { as_user "$attacker" "$ahome" "$@"; }
# v ARGS...: rapport as the victim -> $out $err $status
v() {
    out=$(as_victim "$RAPPORT" "$@" 2>"$TEST_DIR/stderr")
    status=$?
    err=$(cat "$TEST_DIR/stderr")
}
as_victim test -x "$RAPPORT" || skip_all "the other users cannot run $RAPPORT"

db="$vhome/.local/share/rapport/rapport.db"
v add "Secret Person" --email secret@example.org --org "Hidden Unit"
is "$status" 0 "the victim has a database"
printf 'precious\n' >"$vhome/precious.txt"
chown "$victim" "$vhome/precious.txt"

# ---- export --output through another user's link (finding 2) -------------

as_attacker ln -s "$vhome/precious.txt" "$shared/contacts.csv"
v export --output "$shared/contacts.csv"
is "$status" 1 "export through another user's link is refused"
like "$err" "contacts.csv is a symbolic link made by another user" \
     "and the message names the link"
is "$(cat "$vhome/precious.txt")" precious "the file it points to is untouched"
ok "$([ -L "$shared/contacts.csv" ]; echo $?)" "and the link stays a link"

as_attacker ln -s "$db" "$shared/db.json"
v export --format json --output "$shared/db.json"
is "$status" 1 "export through a link to the victim's database is refused"
is "$(sql "$db" "SELECT count(*) FROM contact")" 1 "the database is untouched"

# A link of theirs on the way is not followed either.
as_attacker ln -s "$vhome" "$shared/docs"
v export --format csv --output "$shared/docs/precious.txt"
is "$status" 1 "a link of another user's among the folders is refused"
like "$err" "docs is a symbolic link made by another user" "and named"
is "$(cat "$vhome/precious.txt")" precious "the file is untouched"

# The victim's own link is followed; the file it names is replaced.
as_victim ln -s "$vhome/real.csv" "$vhome/mine.csv"
v export --output "$vhome/mine.csv"
is "$status" 0 "export through the user's own link"
like "$(cat "$vhome/real.csv")" "Secret Person" "writes the file it names"
ok "$([ -L "$vhome/mine.csv" ]; echo $?)" "and the link stays"
is "$(stat -c '%a %U' "$vhome/real.csv")" "600 $victim" "privately"

# A file of another user's is not replaced, even where the victim could.
as_attacker sh -c "echo theirs >'$teamdir/theirs.csv'"
v export --output "$teamdir/theirs.csv"
is "$status" 1 "a file of another user's is refused"
like "$err" "theirs.csv belongs to another user" "and the message says so"
is "$(cat "$teamdir/theirs.csv")" theirs "their file is untouched"
is "$(ls -A "$teamdir")" theirs.csv "and no temporary file is left"

# ---- export --output into another user's pipe (finding 3) ----------------

# fifo_reader USER FIFO GOT: a reader that holds the pipe open (O_RDWR,
# so it is there before any writer) and copies what comes to GOT until
# the line END-OF-TEST.
fifo_reader() {
    ready="$shared/ready"
    rm -f "$ready"
    setpriv --reuid="$1" --regid="$team" --init-groups perl -e '
        use Fcntl;
        my ($fifo, $got, $ready) = @ARGV;
        sysopen(my $f, $fifo, O_RDWR) or die "open $fifo: $!";
        open(my $o, ">", $got) or die "$got: $!";
        $o->autoflush(1);
        open(my $r, ">", $ready) and close $r;
        my $seen = "";
        while (sysread($f, my $b, 65536)) {
            $seen .= $b;
            my $i = index($seen, "END-OF-TEST\n");
            if ($i >= 0) { print $o substr($seen, 0, $i); exit 0 }
        }
        print $o $seen;' "$2" "$3" "$ready" &
    reader=$!
    tries=200
    until [ -e "$ready" ] || [ "$tries" -eq 0 ]; do
        sleep 0.05; tries=$((tries - 1))
    done
}
fifo_stop() {   # fifo_stop FIFO: ends the reader
    printf 'END-OF-TEST\n' >"$1"
    wait "$reader"
}

for where in "$shared" "$teamdir"; do
    fifo="$where/out.json"
    got="$ahome/got"
    as_attacker mkfifo -m 666 "$fifo"
    as_attacker sh -c ": >'$got'"
    fifo_reader "$attacker" "$fifo" "$got"
    v export --format json --output "$fifo"
    is "$status" 1 "export into another user's pipe in ${where##*/} is refused"
    like "$err" "out.json is a pipe of another user's" "and the message says so"
    fifo_stop "$fifo"
    is "$(cat "$got")" "" "their reader got nothing"
    rm -f "$fifo"
done

# The victim's own pipe, with its reader, is written.
as_victim mkfifo "$vhome/mine.json"
as_victim sh -c ": >'$vhome/got'"
fifo_reader "$victim" "$vhome/mine.json" "$vhome/got"
v export --format json --output "$vhome/mine.json"
is "$status" 0 "export into the user's own pipe"
fifo_stop "$vhome/mine.json"
like "$(cat "$vhome/got")" "Secret Person" "its reader got the export"

v export --format csv --output /dev/null
is "$status" 0 "export to /dev/null, the system's device"
v export --format csv --output /dev/stdout
is "$status" 0 "export to /dev/stdout"
like "$out" "Secret Person" "writes standard output"

# ---- backup raced by another member of the group (finding 4) -------------

# The attacker's loop: whenever the target is the victim's, put their own
# 0666 file (a hard link of .master) over it, so that SQLite, opening the
# target by name, would write the copy into the attacker's file.
race_backups() {   # race_backups FOLDER COUNT -> $good $refused
    folder=$1
    as_attacker sh -c "umask 0; : >'$folder/.master'"
    setpriv --reuid="$attacker" --regid="$team" --init-groups perl -e '
        my ($target, $master, $tmp, $uid) = @ARGV;
        my $end = time + 120;
        while (time < $end) {
            my @s = lstat($target);
            if (@s && $s[4] == $uid) { link($master, $tmp); rename($tmp, $target) }
        }' "$folder/b.db" "$folder/.master" "$folder/.tmp" "$(id -u "$victim")" &
    attack_pid=$!
    good=0 refused=0 i=0
    while [ "$i" -lt "$2" ]; do
        i=$((i + 1))
        v backup "$folder/b.db"
        if [ "$status" -eq 0 ] \
           && [ "$(stat -c '%a %U' "$folder/b.db")" = "600 $victim" ] \
           && [ "$(sql "$folder/b.db" "SELECT name FROM contact")" = "Secret Person" ]; then
            good=$((good + 1))
        elif [ "$status" -eq 1 ]; then
            refused=$((refused + 1))
        fi
        rm -f "$folder/b.db"
    done
    kill "$attack_pid"
    wait "$attack_pid"
    attack_pid=
}

race_backups "$teamdir" 20
is "$((good + refused))" 20 "each backup into the group folder is correct or refused"
is "$(grep -c secret@example.org "$teamdir/.master")" 0 \
   "the attacker never got a copy"
like "$err" "folder .*team can be written by other users" \
     "a folder the group can write is refused, with the reason"
is "$(ls -A "$teamdir" | grep -c rapport-backup)" 0 "no private folder is left"

# In a sticky folder the attacker cannot rename over the victim's files;
# a file they put at the name first is refused as existing.
race_backups "$shared" 10
is "$((good + refused))" 10 "each backup into a sticky folder is correct or refused"
is "$(grep -c secret@example.org "$shared/.master")" 0 \
   "the attacker never got a copy"
v backup "$shared/quiet.db"
is "$status" 0 "a backup into a sticky folder is made"
is "$(stat -c '%a %U' "$shared/quiet.db")" "600 $victim" "privately"
is "$(sql "$shared/quiet.db" "SELECT name FROM contact")" "Secret Person" \
   "and holds the database"
is "$(ls -A "$shared" | grep -c rapport-backup)" 0 "no private folder is left"

mkdir -m 1777 "$TEST_DIR/drop"
chown "$attacker" "$TEST_DIR/drop"
v backup "$TEST_DIR/drop/b.db"
is "$status" 1 "a backup into another user's folder, even sticky, is refused"
like "$err" "drop belongs to another user" "and the message says so"
is "$(ls -A "$TEST_DIR/drop")" "" "nothing was left there"
chmod 711 "$ahome"

# ---- a database where others can reach it (finding 5) --------------------

v --db "$shared/vt.db" add "Someone"
is "$status" 1 "a database in a sticky folder every user can write is refused"
like "$err" "folder .*shared can be written by other users.*-wal" \
     "the message names the folder and why"
ok "$([ ! -e "$shared/vt.db" ]; echo $?)" "and nothing was created there"

# A planted -wal of the attacker's receives nothing.
as_victim sh -c "cp '$db' '$shared/vt.db'"
as_attacker sh -c "umask 0; : >'$shared/vt.db-wal'"
v --db "$shared/vt.db" add "Someone"
is "$status" 1 "a database of the user's own in that folder is refused too"
is "$(stat -c %s "$shared/vt.db-wal")" 0 "the attacker's -wal got nothing"
rm -f "$shared/vt.db" "$shared/vt.db-wal"

mkdir -m 755 "$TEST_DIR/theirs"
chown "$attacker" "$TEST_DIR/theirs"
cp "$db" "$TEST_DIR/theirs/vt.db"
chown "$victim" "$TEST_DIR/theirs/vt.db"
v --db "$TEST_DIR/theirs/vt.db" list
is "$status" 1 "a database in another user's folder is refused"
like "$err" "folder .*theirs belongs to another user" "the message says so"

# A team folder: its group writes it; a colleague may own it.
chown "$attacker" "$teamdir"
chmod 2770 "$teamdir"
mkdir -p "$vhome/.config/rapport"
printf '[general]\nshared_database = yes\n' >"$vhome/.config/rapport/config.ini"
chown -R "$victim" "$vhome/.config"
as_victim sh -c "cp '$db' '$teamdir/team.db' && chmod 660 '$teamdir/team.db'"
v --db "$teamdir/team.db" list
is "$status" 0 "a team database in its group's folder opens"
like "$out" "Secret Person" "and lists"
chmod 2777 "$teamdir"
v --db "$teamdir/team.db" list
is "$status" 1 "a team folder every user can write is refused"
like "$err" "chmod o-w" "and the message says how to close it"
chmod 2770 "$teamdir"
rm "$vhome/.config/rapport/config.ini"

# Kept sound: a link another user planted at the database's name is not
# followed, and nothing is created where it points.
mkdir -m 700 "$vhome/data"
chown "$victim" "$vhome/data"
ln -s "$ahome/loot.db" "$vhome/data/vt.db"
chown -h "$attacker" "$vhome/data/vt.db"
v --db "$vhome/data/vt.db" add "Someone"
is "$status" 1 "a link of another user's at the database's name is refused"
ok "$([ ! -e "$ahome/loot.db" ]; echo $?)" "and nothing is created where it points"
rm "$vhome/data/vt.db"
cp "$db" "$vhome/data/vt.db"
chown "$attacker" "$vhome/data/vt.db"
v --db "$vhome/data/vt.db" list
is "$status" 1 "a database file of another user's is refused"
like "$err" "belongs to another user" "and the message says so"
rm "$vhome/data/vt.db"
v --db "$vhome/data/new.db" add "Someone"
is "$(stat -c '%a %U' "$vhome/data/new.db")" "600 $victim" \
   "a new database is the user's, 0600"

# ---- the configuration (finding 6) ---------------------------------------

cfgdir="$vhome/.config/rapport"
cfg="$cfgdir/config.ini"
printf '[general]\ndatabase = %s\neditor = %s\n' \
    "$vhome/redirected.db" "$ahome/evil.sh" >"$cfg"
chown "$attacker" "$cfg"
chmod 644 "$cfg"
v list
is "$status" 1 "a configuration of another user's is refused"
like "$err" "config.ini belongs to another user" "the message names it"
ok "$([ ! -e "$vhome/redirected.db" ]; echo $?)" "its database was not used"

chown "$victim" "$cfg"
chmod 664 "$cfg"
v list
is "$status" 1 "a configuration its group can write is refused"
like "$err" "chmod go-w .*config.ini" "the message gives the fix"
ok "$([ ! -e "$vhome/redirected.db" ]; echo $?)" "its database was not used"

chmod 644 "$cfg"
chmod 777 "$cfgdir"
v list
is "$status" 1 "a configuration in a folder others can write is refused"
like "$err" "folder .*rapport can be written by other users" "and says so"
chmod 755 "$cfgdir"

mv "$cfg" "$ahome/evil.ini"
chown "$attacker" "$ahome/evil.ini"
ln -s "$ahome/evil.ini" "$cfg"
chown -h "$attacker" "$cfg"
v list
is "$status" 1 "a configuration that is another user's link is refused"
like "$err" "symbolic link made by another user" "and says so"
rm "$cfg"

printf '[general]\ndatabase = %s\n' "$vhome/redirected.db" >"$cfg"
chown "$victim" "$cfg"
v add "Vic Tim"
is "$status" 0 "the user's own private configuration is read"
ok "$([ -e "$vhome/redirected.db" ]; echo $?)" "and its database used"
v --config /dev/null list
is "$status" 0 "--config /dev/null reads nothing"
rm "$cfg"

# ---- no scratch folder left by a dry run that is killed (finding 10) -----

# The dry run without a database works in a scratch folder under TMPDIR;
# it is kept reading its standard input (a pipe held open) until killed.
scratch="$TEST_DIR/scratch"
mkdir -m 700 "$scratch"
mkfifo "$TEST_DIR/import.vcf"
for pair in TERM:15 HUP:1 INT:2; do
    sig=${pair%:*}
    # A background command starts with SIGINT ignored; perl restores it.
    TMPDIR="$scratch" perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV' \
        "$RAPPORT" --db "$TEST_DIR/none/dry.db" import - --format vcard \
        --dry-run <"$TEST_DIR/import.vcf" >/dev/null 2>&1 &
    pid=$!
    exec 3>"$TEST_DIR/import.vcf"
    printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half Written\r\n' >&3
    tries=200
    until [ -n "$(find "$scratch" -name dry-run.db 2>/dev/null)" ] \
          || [ "$tries" -eq 0 ]; do
        sleep 0.05; tries=$((tries - 1))
    done
    ok "$([ "$tries" -gt 0 ]; echo $?)" "SIG$sig: the dry run made its scratch folder"
    kill -s "$sig" "$pid"
    wait "$pid"
    code=$?
    exec 3>&-
    is "$code" "$((128 + ${pair#*:}))" "SIG$sig still ends the run as killed"
    is "$(ls -A "$scratch")" "" "SIG$sig: no scratch folder is left"
    rm -rf "$scratch"/*
done

done_testing
