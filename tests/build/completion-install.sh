#!/bin/sh
# `make install` puts the shell completions where the shells find them:
# bash-completion loads rapport's on demand from its completions folder
# (the one its pkg-config file names, under the prefix), and zsh's
# compinit finds _rapport in the site-functions folder.
. "${top_srcdir:-.}/tests/lib/tap.sh"

dest="$TEST_DIR/dest"
# Only the two data files: nothing is rebuilt beside a running suite,
# the Makefile itself neither (-o). The suite's make is no parent of these.
unset MAKEFLAGS MFLAGS MAKELEVEL
make -s -o Makefile -C "$top_builddir" DESTDIR="$dest" \
    install-dist_bashcompletionDATA install-dist_zshcompletionDATA >"$TEST_DIR/log" 2>&1
is "$?" 0 "make installs the completions"
dirs=$(printf 'include Makefile\nrapport-show-dirs:\n\t@echo $(bashcompletiondir) $(zshcompletiondir) $(datadir)\n' \
    | make -s -o Makefile --no-print-directory -C "$top_builddir" -f - rapport-show-dirs)
set -- $dirs
bashdir=$1 zshdir=$2 datadir=$3
ok "$(test -f "$dest$bashdir/rapport"; echo $?)" "bash's in $bashdir"
ok "$(test -f "$dest$zshdir/_rapport"; echo $?)" "zsh's in $zshdir"
if pkg-config --exists bash-completion 2>/dev/null; then
    is "$bashdir" "$(pkg-config --define-variable=datadir="$datadir" --variable=completionsdir bash-completion)" \
        "the folder bash-completion's pkg-config file names, under the prefix"
else
    is "$bashdir" "$datadir/bash-completion/completions" "bash-completion's usual folder under the prefix"
fi

if [ -r /usr/share/bash-completion/bash_completion ]; then
    # bash-completion looks in every XDG_DATA_DIRS folder's
    # bash-completion/completions: the prefix's share is one of them.
    out=$(XDG_DATA_DIRS="$dest$datadir:/usr/share" bash --norc --noprofile -c '
        source /usr/share/bash-completion/bash_completion
        __load_completion rapport || _completion_loader rapport
        complete -p rapport' 2>&1)
    like "$out" 'complete .*-F _rapport rapport' "bash-completion loads it by itself for rapport"
else
    skip "bash-completion loads it" "bash-completion is not installed"
fi
if command -v zsh >/dev/null 2>&1; then
    out=$(zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -d "$2"; print -r -- ${_comps[rapport]}' \
        _ "$dest$zshdir" "$TEST_DIR/zcompdump" 2>&1)
    is "$out" "_rapport" "zsh's compinit finds it in site-functions"
else
    skip "zsh finds it" "zsh is not installed"
fi

done_testing
