# A small TAP producer for rapport's shell tests (sourced).
# Each test gets a private HOME and XDG folders; nothing touches the
# user's own files.

tap_count=0
tap_failed=0

TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rapport-test.XXXXXX")
trap 'rm -rf "$TEST_DIR"' EXIT
export HOME="$TEST_DIR/home"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_STATE_HOME="$HOME/.local/state"
export XDG_CACHE_HOME="$HOME/.cache"
mkdir -p "$HOME"
chmod 700 "$HOME"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LANGUAGE VISUAL EDITOR NO_COLOR RAPPORT_DB RAPPORT_LOCALEDIR

: "${RAPPORT:=$top_builddir/rapport}"
# The binary itself, even when clock_fix puts a wrapper in $RAPPORT.
RAPPORT_BIN=$RAPPORT
TEST_CLOCK=

# clock_fix TIME: from here on rapport sees TIME (local, "2026-12-02
# 23:59:59") instead of the real clock, through faketime (STYLE.md: the
# binary's tests fix the day that way), so a test that speaks of today or
# of a time of day holds on any day, at midnight too. Every "$RAPPORT"
# sees a clock that stands still at TIME (so no change seems older than
# the one before it); a TUI started by tui_start sees one that starts at
# TIME and runs, as its waits need. clock_date ARGS... is date(1) at
# TIME, for the dates a test expects.
clock_fix() {
    command -v faketime >/dev/null 2>&1 || skip_all "faketime is not installed"
    clock_lib
    TEST_CLOCK=$1
    # libfaketime is preloaded; the sanitizers' runtime must not mind.
    case ${ASAN_OPTIONS:-} in
        *verify_asan_link_order=0*) ;;
        *) ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" ;;
    esac
    export ASAN_OPTIONS
    mkdir -p "$TEST_DIR/clock"
    {
        echo '#!/bin/sh'
        # A clock faked around the whole run (to try the suite at
        # midnight) gives way to this one.
        printf 'exec %s %s "$@"\n' "$(clock_env "$TEST_CLOCK")" "$(sh_quote "$RAPPORT_BIN")"
    } >"$TEST_DIR/clock/rapport"
    chmod 755 "$TEST_DIR/clock/rapport"
    RAPPORT=$TEST_DIR/clock/rapport
}

clock_date() {
    eval "$(clock_env "$TEST_CLOCK") date \"\$@\""
}

# libfaketime is preloaded by hand rather than through the faketime
# program: that program names a semaphore after its own pid and leaves it
# behind when it is killed (as a TUI's is, with its pane), and a later
# faketime given the same pid by the system then refuses to start
# ("sem_open: File exists"). clock_lib finds the library (FAKETIME_LIB
# if set); without it the faketime program is used after all.
clock_lib() {
    if [ -z "${FAKETIME_LIB:-}" ]; then
        for _l in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1 \
                  /usr/local/lib/faketime/libfaketime.so.1 /usr/lib64/faketime/libfaketime.so.1; do
            if [ -f "$_l" ]; then FAKETIME_LIB=$_l; break; fi
        done
    fi
}

# clock_env SPEC: the words (for a shell) that run a command with the
# clock faketime -f SPEC gives, and no other clock faked around it.
clock_env() {
    if [ -n "${FAKETIME_LIB:-}" ]; then
        printf 'env -u FAKETIME_SHARED LD_PRELOAD=%s FAKETIME=%s' \
               "$(sh_quote "$FAKETIME_LIB")" "$(sh_quote "$1")"
    else
        printf 'env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED faketime -f %s' "$(sh_quote "$1")"
    fi
}

# fake_clock SPEC COMMAND...: COMMAND under the clock faketime -f SPEC
# gives, through clock_env (no faketime program when the library is found).
fake_clock() {
    _fc=$1
    shift
    clock_lib
    eval "$(clock_env "$_fc") \"\$@\""
}

sh_quote() {   # sh_quote TEXT: TEXT in single quotes, for a shell to read
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# printed_id: the id the last run's output gave what it made, as rapport
# writes it ("Added contact #12 ..." -> #12, "Follow-up f7 for ..." -> f7,
# "Note #3 on ..." -> #3), so a test never assumes which ids come first.
printed_id() {
    printf '%s\n' "$out" | sed -n \
        -e 's/^Added contact \(#[0-9][0-9]*\) .*/\1/p' \
        -e 's/^Follow-up \(f[0-9][0-9]*\) for .*/\1/p' \
        -e 's/^Note \(#[0-9][0-9]*\) on .*/\1/p' | head -1
}

ok() {   # ok CONDITION-STATUS NAME
    tap_count=$((tap_count + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $tap_count - $2"
    else
        tap_failed=$((tap_failed + 1))
        echo "not ok $tap_count - $2"
    fi
}

# is GOT WANT NAME
is() {
    if [ "$1" = "$2" ]; then
        ok 0 "$3"
    else
        ok 1 "$3"
        printf '#   got:  %s\n#   want: %s\n' "$1" "$2" | sed '3,$s/^/#   /'
    fi
}

# like TEXT PATTERN NAME (grep -E pattern, the whole text)
like() {
    if printf '%s\n' "$1" | grep -Eq -- "$2"; then
        ok 0 "$3"
    else
        ok 1 "$3"
        printf '%s\n' "$1" | head -20 | sed 's/^/#   | /'
        echo "#   does not match: $2"
    fi
}

# unlike TEXT PATTERN NAME
unlike() {
    if printf '%s\n' "$1" | grep -Eq -- "$2"; then
        ok 1 "$3"
        printf '%s\n' "$1" | head -20 | sed 's/^/#   | /'
        echo "#   matches: $2"
    else
        ok 0 "$3"
    fi
}

# run rapport capturing stdout, stderr and status:
#   run ARGS...  -> $out $err $status
run() {
    out=$("$RAPPORT" "$@" 2>"$TEST_DIR/stderr")
    status=$?
    err=$(cat "$TEST_DIR/stderr")
}

# run with standard input from $input
run_in() {
    out=$(printf '%s' "$input" | "$RAPPORT" "$@" 2>"$TEST_DIR/stderr")
    status=$?
    err=$(cat "$TEST_DIR/stderr")
}

# sql DB QUERY: one query through the sqlite3 shell
sql() {
    "${SQLITE3_SHELL:-sqlite3}" -batch -noheader "$1" "$2"
}

# sql_legacy DB STATEMENTS: writes what an older rapport let in (a
# control character in a name), past today's checks. The triggers that
# call rapport's own SQL function, which the sqlite3 shell lacks, are
# set aside for the statements and made again after them.
sql_legacy() {
    _which="FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%rapport_words%'"
    _drop=$(sql "$1" "SELECT group_concat('DROP TRIGGER ' || name, '; ') || ';' $_which")
    _make=$(sql "$1" "SELECT group_concat(sql, '; ') || ';' $_which")
    sql "$1" "BEGIN; $_drop $2; $_make COMMIT;"
}

skip() {   # skip NAME REASON: an assertion this machine cannot make
    tap_count=$((tap_count + 1))
    echo "ok $tap_count - $1 # SKIP $2"
}

# traces DB WORD...: prints each WORD still found in the database, case
# aside: in the raw bytes of the file, its -wal and -journal (every table,
# index and freed page), or in any row of any table (the sqlite3 shell's
# .dump, which shows the search word tables' folded words too).
traces() {
    _db=$1
    shift
    _raw="$TEST_DIR/traces.raw"
    cat "$_db" "$_db-wal" "$_db-journal" >"$_raw" 2>/dev/null
    _dump=$(sql "$_db" .dump 2>&1)
    for _w in "$@"; do
        if grep -qaiF -- "$_w" "$_raw" || printf '%s\n' "$_dump" | grep -qiF -- "$_w"; then
            printf '%s\n' "$_w"
        fi
    done
    rm -f "$_raw"
}

skip_all() {   # skip_all REASON  (automake's convention: 77)
    echo "1..0 # SKIP $1"
    exit 77
}

done_testing() {
    echo "1..$tap_count"
    [ "$tap_failed" -eq 0 ]
}
