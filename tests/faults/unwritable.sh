#!/bin/bash
# A database the user cannot write (SPEC §8): a read-only file reads
# fine and refuses every write with status 1 and a clear message; a
# folder the user cannot write (where SQLite must make the -wal and
# -shm) is said as such; neither crashes nor changes the file. Root can
# write any file, so as root the test runs rapport as nobody.
. "${top_srcdir:-.}/tests/lib/tap.sh"

if [ "$(id -u)" -eq 0 ]; then
    command -v setpriv >/dev/null || skip_all "setpriv is needed to run as another user"
    uid=$(id -u nobody 2>/dev/null) || skip_all "there is no user nobody"
    gid=$(id -g nobody)
    chmod 711 "$TEST_DIR"
    home="$TEST_DIR/nobody"
    mkdir -m 700 "$home"
    chown "$uid:$gid" "$home"
    as_user() {
        setpriv --reuid="$uid" --regid="$gid" --clear-groups \
            env HOME="$home" XDG_DATA_HOME="$home/.local/share" \
            XDG_CONFIG_HOME="$home/.config" XDG_STATE_HOME="$home/.local/state" "$@"
    }
    as_user test -x "$RAPPORT" \
        || skip_all "nobody cannot run $RAPPORT (a folder above it is private)"
else
    home="$HOME"
    as_user() { "$@"; }
fi

# urun ARGS: run, as the user.
urun() {
    out=$(as_user "$RAPPORT" "$@" 2>"$TEST_DIR/stderr")
    status=$?
    err=$(cat "$TEST_DIR/stderr")
}

# --- a read-only file ----------------------------------------------------
db="$home/ro.db"
urun --db "$db" add "Rosa Only" --email rosa@example.org
is "$status" 0 "a database of the user's own"
urun --db "$db" note "Rosa Only" "the one note"
is "$status" 0 "with a note"
as_user chmod 400 "$db"
cp "$db" "$TEST_DIR/ro.before"

urun --db "$db" list
is "$status" 0 "read-only file: list works"
like "$out" "Rosa Only" "read-only file: and shows the contact"
like "$err" "not writable: it is opened read-only" "read-only file: with a warning that says so"
urun --db "$db" show "Rosa Only"
like "$out" "the one note" "read-only file: show reads the notes"
for cmd in "add Nora_New" "note Rosa_Only a second note" "stage Rosa_Only customer" \
           "follow Rosa_Only +3d call" "forget Rosa_Only --yes" "undo"; do
    # shellcheck disable=SC2086
    set -- $cmd
    args=()
    for a in "$@"; do args+=("${a//_/ }"); done
    urun --db "$db" "${args[@]}"
    is "$status" 1 "read-only file: $1 fails with status 1"
    like "$err" "read-only|cannot be written" "read-only file: $1 says the database is read-only"
done
urun --db "$db" import /dev/null
is "$status" 1 "read-only file: import fails with status 1"
urun --db "$db" check
is "$status" 0 "read-only file: check reads it"
cmp -s "$db" "$TEST_DIR/ro.before"
ok $? "read-only file: the file is unchanged"
is "$(sql "$db" "SELECT count(*) FROM note")" 1 "read-only file: its one note is there"

# --- a file the user cannot read -----------------------------------------
as_user chmod 000 "$db"
for cmd in list add; do
    case $cmd in
        list) urun --db "$db" list ;;
        add) urun --db "$db" add "Nora New" ;;
    esac
    is "$status" 1 "unreadable file: $cmd fails with status 1"
    is "$err" "rapport: cannot read $db: Permission denied; make it readable with: chmod 600 $db" \
       "unreadable file: $cmd says so in one line, and what to do"
done
as_user chmod 400 "$db"

# --- a folder the user cannot write --------------------------------------
dir="$home/locked"
as_user mkdir -m 700 "$dir"
as_user cp "$db" "$dir/rw.db"
as_user chmod 600 "$dir/rw.db"
as_user chmod 500 "$dir"
for cmd in list add note; do
    case $cmd in
        list) urun --db "$dir/rw.db" list ;;
        add) urun --db "$dir/rw.db" add "Nora New" ;;
        note) urun --db "$dir/rw.db" note "Rosa Only" "into a locked folder" ;;
    esac
    is "$status" 1 "unwritable folder: $cmd fails with status 1"
    like "$err" "folder cannot be written.*chmod u\\+w $dir" "unwritable folder: $cmd says why and what to do"
    unlike "$err" "damaged|restore" "unwritable folder: $cmd does not call the file damaged"
done
urun --db "$dir/new.db" add "Nora New"
is "$status" 1 "unwritable folder: a new database cannot be made there (status 1)"
like "$err" "cannot create $dir/new.db: Permission denied" "unwritable folder: and says so"
ok "$([ ! -e "$dir/new.db" ]; echo $?)" "unwritable folder: no file was made"
urun --db "$db" export --output "$dir/out.vcf"
is "$status" 1 "unwritable folder: an export into it fails with status 1"
like "$err" "$dir" "unwritable folder: and names it"
ok "$([ ! -e "$dir/out.vcf" ]; echo $?)" "unwritable folder: no export file was made"
cmp -s "$dir/rw.db" "$TEST_DIR/ro.before"
ok $? "unwritable folder: the file is unchanged"
as_user chmod 700 "$dir"
urun --db "$dir/rw.db" note "Rosa Only" "once the folder is writable"
is "$status" 0 "once the folder is writable again, a note goes in"

# --- an import file the user cannot read ---------------------------------
as_user sh -c "printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ivy Hidden\r\nEND:VCARD\r\n' >'$home/hidden.vcf'"
as_user chmod 000 "$home/hidden.vcf"
urun --db "$dir/rw.db" import "$home/hidden.vcf"
is "$status" 1 "an unreadable import file: status 1"
like "$err" "hidden.vcf.*Permission denied" "an unreadable import file: says so"

done_testing
