#!/bin/sh
# The README's second command: builds rapport (installing what is
# missing) and runs the whole test suite, then prints one summary line
# "N passed, N failed".
set -u
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test || exit 1
[ -x configure ] || autoreconf -fi || exit 1
[ -f Makefile ] || ./configure ${CONFIGURE_FLAGS:-} || exit 1
make -j"$(nproc 2>/dev/null || echo 2)" || exit 1
make -j"$(nproc 2>/dev/null || echo 2)" check
status=$?
scripts/summary.sh test-suite.log
exit $status
