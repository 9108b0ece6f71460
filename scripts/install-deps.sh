#!/bin/sh
# Installs the Debian packages rapport needs to build, run and test.
# Safe to run again: apt-get skips what is already there. With --test it
# also generates the locales the language tests run in. Last, it says how
# to add the user's own locale when the system lacks it: without it
# rapport would speak English and never say why.
set -eu

BUILD_PACKAGES="build-essential pkgconf autoconf automake autopoint gettext \
libncurses-dev libsqlite3-dev libiniparser-dev libjansson-dev libical-dev \
libgmime-3.0-dev"
# The tests drive the real program in tmux, read the database with the
# sqlite3 shell, fix the clock with faketime, prove interchange with
# abook and calcurse (and vdirs with khard and todoman), and run rapport as a German, French and Spanish
# user (locales); clang builds the fuzzing targets (make fuzz); pgrep
# (procps) finds the TUI's process, infocmp (ncurses-bin) its terminal;
# khard and todoman read rapport's vdirs; neomutt pipes mail to rapport
# mail and completes addresses from rapport query; zsh and
# bash-completion try the shell completions; sudo sets a team database
# up as the README does.
TEST_PACKAGES="sudo tmux sqlite3 faketime abook calcurse khard todoman jq locales bsdutils clang libclang-rt-14-dev procps ncurses-bin neomutt zsh bash-completion"
TEST_LOCALES="de_DE.UTF-8 fr_FR.UTF-8 es_ES.UTF-8"

test=no
[ "${1:-}" = "--test" ] && test=yes
packages=$BUILD_PACKAGES
[ "$test" = yes ] && packages="$packages $TEST_PACKAGES"

# Sets SUDO to what runs a command as root, or fails saying why.
need_root() {   # need_root WHAT
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=
    elif command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    else
        echo "install-deps: $1; run this script as root or install sudo" >&2
        exit 1
    fi
}

# A locale's name as `locale -a` spells it (glibc lowers the codeset and
# drops its punctuation): de_DE.UTF-8 -> de_DE.utf8.
normalize() {
    printf '%s\n' "$1" | awk -F@ '{
        name = $1; n = index(name, ".")
        if (n) {
            codeset = tolower(substr(name, n + 1)); gsub(/[^a-z0-9]/, "", codeset)
            name = substr(name, 1, n - 1) "." codeset
        }
        print name ($2 != "" ? "@" $2 : "") }'
}

have_locale() {
    locale -a 2>/dev/null | grep -qixF "$(normalize "$1")"
}

# The line of /etc/locale.gen that makes a locale ("de_DE.UTF-8 UTF-8"),
# from Debian's list of them; empty when Debian does not know it.
locale_gen_line() {
    [ -r /usr/share/i18n/SUPPORTED ] || return 0
    want=$(normalize "$1")
    while read -r name charset; do
        if [ "$(normalize "$name")" = "$want" ]; then
            echo "$name $charset"
            return 0
        fi
    done </usr/share/i18n/SUPPORTED
}

missing=
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' \
        || missing="$missing $p"
done
if [ -n "$missing" ]; then
    need_root "missing packages:$missing"
    echo "install-deps: installing$missing"
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# The language tests need real locales: gettext switches language only
# in one the system has (they skip without).
if [ "$test" = yes ]; then
    wanted=
    for l in $TEST_LOCALES; do
        have_locale "$l" || wanted="$wanted $l"
    done
    if [ -n "$wanted" ]; then
        need_root "the locales$wanted are missing"
        echo "install-deps: generating the locales$wanted"
        for l in $wanted; do
            line=$(locale_gen_line "$l")
            if grep -q "^# *$line\$" /etc/locale.gen 2>/dev/null; then
                $SUDO sed -i "s/^# *\($line\)\$/\1/" /etc/locale.gen
            elif ! grep -q "^$line\$" /etc/locale.gen 2>/dev/null; then
                echo "$line" | $SUDO tee -a /etc/locale.gen >/dev/null
            fi
        done
        $SUDO locale-gen --keep-existing >/dev/null
    fi
fi

# The user's language: the first of these that is set names it.
for var in LC_ALL LC_MESSAGES LANG; do
    eval "user_locale=\${$var:-}"
    [ -n "$user_locale" ] && break
done
case $user_locale in
    '' | C | POSIX | C.* ) exit 0 ;;
esac
have_locale "$user_locale" && exit 0
{
    echo "install-deps: $var=$user_locale names a locale this system does not have"
    echo "(see 'locale -a'), so rapport would speak English. To add it:"
    line=$(locale_gen_line "$user_locale")
    s=sudo
    [ "$(id -u)" -eq 0 ] && s=
    if ! command -v locale-gen >/dev/null 2>&1; then
        echo "    ${s:+$s }apt-get install locales && ${s:+$s }dpkg-reconfigure locales  (tick $user_locale)"
    elif [ -n "$line" ]; then
        echo "    echo '$line' | ${s:+$s }tee -a /etc/locale.gen && ${s:+$s }locale-gen"
    else
        echo "    ${s:+$s }dpkg-reconfigure locales"
        echo "but Debian cannot make $user_locale (/usr/share/i18n/SUPPORTED lists what it can)."
    fi
} >&2
