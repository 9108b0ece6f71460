#!/bin/sh
# Installs the Debian packages rapport needs to build, run and test.
# Safe to run again: apt-get skips what is already there.
set -eu

BUILD_PACKAGES="build-essential pkgconf autoconf automake autopoint gettext \
libncurses-dev libsqlite3-dev libiniparser-dev libjansson-dev libical-dev"
# The tests drive the real program in tmux, read the database with the
# sqlite3 shell, fix the clock with faketime, and prove interchange with
# abook and calcurse.
# pgrep (procps) finds the TUI's process, infocmp (ncurses-bin) its terminal.
TEST_PACKAGES="tmux sqlite3 faketime abook calcurse jq locales bsdutils procps ncurses-bin"

packages=$BUILD_PACKAGES
[ "${1:-}" = "--test" ] && packages="$packages $TEST_PACKAGES"

missing=
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' \
        || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    SUDO=
elif command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
else
    echo "install-deps: missing packages:$missing; run this script as root or install sudo" >&2
    exit 1
fi

echo "install-deps: installing$missing"
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
