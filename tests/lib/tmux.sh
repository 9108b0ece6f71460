# Drives the real rapport binary in a detached tmux session of fixed
# size (sourced after tap.sh). The session has its own server socket and
# no configuration, so nothing of the user's tmux is touched.
#
#   tui_start [-s COLSxROWS] [-e VAR=VALUE]... [-t FAKETIME] -- ARGS...
#                          -t: under faketime -f ("@2026-12-02 23:59" starts
#                          the clock there and lets it run); without it,
#                          after clock_fix TIME, as -t "@TIME"
#   tui_keys KEY...        tmux key names: Enter Escape C-s Tab BTab Up ...
#   tui_type TEXT          literal text, UTF-8 included
#   wait_for TEXT [TIMEOUT] [NAME]   a TAP assertion: TEXT appears
#   wait_gone TEXT [TIMEOUT] [NAME]  a TAP assertion: TEXT disappears
#   tui_paste TEXT         a terminal paste (bracketed when rapport asked)
#   wait_match REGEX [TIMEOUT] [NAME] a TAP assertion: a line matches
#                          REGEX (grep -E)
#   Every TIMEOUT is multiplied by TUI_WAIT_FACTOR (default 1), which the
#   sanitizer run of .ci/run raises: ASan with -j2 is several times slower.
#   tui_screen             prints the pane
#   tui_pid                the process id of the pane's rapport
#   tui_resize COLS ROWS
#   tui_new_server         a server of its own for a session made by hand
#   tui_quit               quits with q and checks the exit status

if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
    TMUX_BIN=$(command -v tmux 2>/dev/null)
fi
[ -n "$TMUX_BIN" ] || skip_all "tmux is not installed"

TUI_SOCKET_BASE="rapport-test-$$-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')"
TUI_STARTS=0
TUI_SOCKET="$TUI_SOCKET_BASE-0"
TUI_ERR="$TEST_DIR/tui.stderr"
TUI_DONE="$TEST_DIR/tui.status"
unset TMUX

tmux_() {
    "$TMUX_BIN" -L "$TUI_SOCKET" -f /dev/null "$@"
}

trap 'tmux_ kill-server >/dev/null 2>&1; rm -rf "$TEST_DIR"' EXIT

if infocmp tmux-256color >/dev/null 2>&1; then
    TUI_TERM=tmux-256color
else
    TUI_TERM=xterm-256color
fi

# tui_new_server: the old server killed and a socket of its own for the
# next session: reusing a socket races with the old server's shutdown
# (a new session made then dies with it). Every start of a session
# other than tui_start's calls it first.
tui_new_server() {
    tmux_ kill-server >/dev/null 2>&1
    TUI_STARTS=$((TUI_STARTS + 1))
    TUI_SOCKET="$TUI_SOCKET_BASE-$TUI_STARTS"
}

tui_start() {
    tui_size=80x24
    tui_env=""
    tui_wrap=""
    while [ $# -gt 0 ]; do
        case $1 in
            -s) tui_size=$2; shift 2 ;;
            -e) tui_env="$tui_env $(printf '%q' "$2")"; shift 2 ;;
            # libfaketime is preloaded; the sanitizers' runtime must not mind.
            -t) clock_lib
                tui_wrap="$(clock_env "$2") "
                tui_env="$tui_env ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
                shift 2 ;;
            --) shift; break ;;
            *) break ;;
        esac
    done
    # After clock_fix (tap.sh) $RAPPORT is a wrapper that stops the
    # clock; the TUI's starts at the test's time and runs.
    tui_bin=$RAPPORT
    if [ -n "$TEST_CLOCK" ]; then
        tui_bin=$RAPPORT_BIN
        if [ -z "$tui_wrap" ]; then
            tui_wrap="$(clock_env "@$TEST_CLOCK") "
            tui_env="$tui_env ASAN_OPTIONS=$(printf '%q' "$ASAN_OPTIONS")"
        fi
    fi
    rm -f "$TUI_DONE"
    : >"$TUI_ERR"
    tui_args=""
    for a in "$@"; do
        tui_args="$tui_args $(printf '%q' "$a")"
    done
    # The wrapper keeps the pane after rapport ends, so its last screen
    # and exit status can be read.
    tui_cmd="env TERM=$TUI_TERM$tui_env $tui_wrap$(printf '%q' "$tui_bin")$tui_args 2>$(printf '%q' "$TUI_ERR"); echo \$? >$(printf '%q' "$TUI_DONE"); echo '[rapport ended]'; sleep 600"
    tui_new_server
    tmux_ new-session -d -x "${tui_size%x*}" -y "${tui_size#*x}" \
        -s rapport "bash -c $(printf '%q' "$tui_cmd")"
}

# tui_pid: the pane's rapport process: the shell's child, or under the
# faketime program its child (the shell's grandchild); else the shell's
# first child.
tui_pid() {
    tp_pane=$(tmux_ list-panes -t rapport -F '#{pane_pid}')
    tp_pid=$(pgrep -P "$tp_pane" -x rapport | head -1)
    if [ -z "$tp_pid" ]; then
        for tp_child in $(pgrep -P "$tp_pane"); do
            tp_pid=$(pgrep -P "$tp_child" -x rapport | head -1)
            [ -n "$tp_pid" ] && break
        done
    fi
    [ -n "$tp_pid" ] || tp_pid=$(pgrep -P "$tp_pane" | head -1)
    echo "$tp_pid"
}

tui_screen() {
    tmux_ capture-pane -p -t rapport 2>/dev/null
}

# The colour parameters (SGR 30-38, 40-48, 90-97, 100-107) the pane's
# cells use, one a line, sorted; 39 and 49 (the default colours) are none.
tui_colours() {
    tmux_ capture-pane -e -p -t rapport 2>/dev/null \
        | grep -oE "$(printf '\033')\\[[0-9;]*m" | tr -d '\033[m' | tr ';' '\n' \
        | grep -xE '3[0-8]|4[0-8]|9[0-7]|10[0-7]' | sort -u
}

tui_keys() {
    tmux_ send-keys -t rapport "$@"
}

tui_type() {
    tmux_ send-keys -t rapport -l -- "$1"
}

# As a terminal pastes: tmux turns line breaks into CR and brackets the
# text when the program turned bracketed paste on.
tui_paste() {
    tmux_ set-buffer -b rapport-paste -- "$1"
    tmux_ paste-buffer -p -b rapport-paste -t rapport
}

tui_dump() {
    tui_screen | sed 's/^/#   | /'
    if [ -s "$TUI_ERR" ]; then
        echo "#   standard error:"
        sed 's/^/#   ! /' "$TUI_ERR" | head -40
    fi
}

# wait_tries SECONDS: how many polls of 0.05 s, scaled by TUI_WAIT_FACTOR.
wait_tries() {
    awk -v t="$1" -v f="${TUI_WAIT_FACTOR:-1}" 'BEGIN { print int(t * f / 0.05) }'
}

# Polls every 0.05 s; the default timeout is 5 s (sanitizer builds are
# slow to start).
wait_for() {
    wf_grep=-qF
    wait_screen "$1" "${2:-5}" "${3:-"screen shows: $1"}"
}

wait_match() {
    wf_grep=-qE
    wait_screen "$1" "${2:-5}" "${3:-"a line of the screen matches: $1"}"
}

wait_screen() {
    wf_text=$1
    wf_timeout=$2
    wf_name=$3
    wf_tries=$(wait_tries "$wf_timeout")
    while [ "$wf_tries" -gt 0 ]; do
        if tui_screen | grep "$wf_grep" -- "$wf_text"; then
            ok 0 "$wf_name"
            return 0
        fi
        sleep 0.05
        wf_tries=$((wf_tries - 1))
    done
    ok 1 "$wf_name"
    echo "#   timed out after ${wf_timeout}s waiting for: $wf_text"
    tui_dump
    return 1
}

wait_gone() {
    wg_text=$1
    wg_timeout=${2:-5}
    wg_name=${3:-"screen no longer shows: $1"}
    wg_tries=$(wait_tries "$wg_timeout")
    while [ "$wg_tries" -gt 0 ]; do
        if ! tui_screen | grep -qF -- "$wg_text"; then
            ok 0 "$wg_name"
            return 0
        fi
        sleep 0.05
        wg_tries=$((wg_tries - 1))
    done
    ok 1 "$wg_name"
    echo "#   timed out after ${wg_timeout}s; still there: $wg_text"
    tui_dump
    return 1
}

# scroll_until KEY TEXT [PRESSES]: presses KEY one at a time until the
# screen shows TEXT, at most PRESSES times (60); fails when it never does.
scroll_until() {
    su_left=${3:-60}
    while [ "$su_left" -gt 0 ]; do
        tui_screen | grep -qF -- "$2" && return 0
        tui_keys "$1"
        su_tries=$(wait_tries 0.3)
        while [ "$su_tries" -gt 0 ]; do
            tui_screen | grep -qF -- "$2" && return 0
            sleep 0.05
            su_tries=$((su_tries - 1))
        done
        su_left=$((su_left - 1))
    done
    return 1
}

tui_resize() {
    tmux_ resize-window -t rapport -x "$1" -y "$2"
}

# Quits from wherever it is (Esc/q back to the top, then q) and checks
# that rapport ended with status 0 and wrote nothing to standard error
# (where the sanitizers report).
tui_quit() {
    tq_tries=$(wait_tries 5)
    while [ ! -f "$TUI_DONE" ] && [ "$tq_tries" -gt 0 ]; do
        if [ $((tq_tries % 10)) -eq 0 ]; then
            tui_keys q
        fi
        sleep 0.05
        tq_tries=$((tq_tries - 1))
    done
    is "$(cat "$TUI_DONE" 2>/dev/null)" 0 "rapport quits with status 0"
    # A first start on a new database says where it made it (issue 20);
    # start.sh checks that line, every other is a fault.
    is "$(grep -v '^rapport: created a new database at ' "$TUI_ERR")" "" \
       "nothing on standard error"
}
