#!/bin/bash
# Shell completion as a user meets it: an interactive bash (with
# bash-completion, as Debian sets it up) and an interactive zsh (its
# compinit), each with rapport's completion loaded as the README says,
# in tmux; Tab completes a command, a contact's name from the database,
# and open follow-ups with their text (zsh) or ids (bash).
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/tmux.sh"

mkdir -p "$TEST_DIR/bin"
ln -s "$RAPPORT" "$TEST_DIR/bin/rapport"
export PATH="$TEST_DIR/bin:$PATH"
rapport add "Zoë Ødegård" --org "University Library" 2>/dev/null
rapport add "Omar Haddad" --org "Law Faculty"
rapport follow omar tomorrow "Call back about the licence"
is "$(rapport list --format csv | wc -l)" 3 "two contacts in the default database"

# shell_start PROMPT COMMAND: the shell in tmux (the pane's process
# replaced from the second on), waiting for its prompt.
shell_start() {
    cmd="env TERM=$TUI_TERM HOME=$HOME PATH=$PATH XDG_DATA_HOME=$XDG_DATA_HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME LANG=C.UTF-8 LC_ALL=C.UTF-8 $2; sleep 600"
    if tmux_ has-session -t rapport 2>/dev/null; then
        tmux_ respawn-pane -k -t rapport "$cmd"
        tmux_ clear-history -t rapport
    else
        tmux_ new-session -d -x 120 -y 30 -s rapport "$cmd"
    fi
    wait_for "$1" 10 "the shell is ready"
}
# line TEXT: the command line typed afresh, then Tab.
line() {
    tmux_ send-keys -t rapport C-u
    tmux_ send-keys -t rapport -l "$1"
    tmux_ send-keys -t rapport Tab
}

bash_completion=/usr/share/bash-completion/bash_completion
if [ -r "$bash_completion" ]; then
    printf 'source %q\nsource %q\nPS1="BASH> "\n' "$bash_completion" \
        "$top_srcdir/data/completion/bash/rapport" >"$TEST_DIR/bashrc"
    shell_start "BASH>" "bash --noprofile --rcfile $(printf '%q' "$TEST_DIR/bashrc") -i"
    line "rapport sh"
    wait_match "^BASH> rapport show$" 5 "bash: Tab completes a command"
    line "rapport show zo"
    wait_for 'BASH> rapport show Zoë\ Ødegård' 5 "bash: and a contact's name, accents aside"
    line "rapport done "
    tmux_ send-keys -t rapport Tab
    wait_match "f1 *$|f1  " 5 "bash: a second Tab lists the open follow-up"
    line "rapport list --stage cu"
    wait_for "BASH> rapport list --stage customer" 5 "bash: a stage"
else
    skip "bash completion in an interactive bash" "bash-completion is not installed"
fi

if command -v zsh >/dev/null 2>&1; then
    mkdir -p "$TEST_DIR/zdot"
    printf 'fpath=(%q $fpath)\nautoload -U compinit; compinit -u -d %q\nPS1="ZSH> "\n' \
        "$top_srcdir/data/completion/zsh" "$TEST_DIR/zcompdump" >"$TEST_DIR/zdot/.zshrc"
    shell_start "ZSH>" "env ZDOTDIR=$(printf '%q' "$TEST_DIR/zdot") zsh -i"
    line "rapport sh"
    wait_match "^ZSH> rapport show$" 5 "zsh: Tab completes a command"
    line "rapport show Om"
    wait_for 'ZSH> rapport show Omar\ Haddad' 5 "zsh: and a contact's name"
    line "rapport done f"
    wait_for "ZSH> rapport done f1" 5 "zsh: the open follow-up"
    line "rapport done "
    wait_for "Call back about the licence (Omar Haddad)" 5 "zsh: listed with its text and contact"
else
    skip "zsh completion in an interactive zsh" "zsh is not installed"
fi
tmux_ kill-server >/dev/null 2>&1

done_testing
