#!/bin/sh
# The README's first command: installs what is missing, builds, and opens
# rapport — on the demo database when the user has none yet.
set -eu
cd "$(dirname "$0")/.."

scripts/install-deps.sh
[ -x configure ] || autoreconf -fi
[ -f Makefile ] || ./configure
make -j"$(nproc 2>/dev/null || echo 2)"

db="${XDG_DATA_HOME:-$HOME/.local/share}/rapport/rapport.db"
if [ -e "$db" ]; then
    exec ./rapport "$@"
fi
echo "No database yet at $db: opening the demo (nothing is kept)."
echo "Run ./rapport to start your own."
exec ./rapport --demo "$@"
