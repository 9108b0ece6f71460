#!/bin/sh
# Prints "N passed, N failed" from automake test-suite logs: every TAP
# line counts; skips are reported apart.
awk '
    /^# PASS:/  { pass += $3 }
    /^# XFAIL:/ { pass += $3 }
    /^# SKIP:/  { skip += $3 }
    /^# FAIL:/  { fail += $3 }
    /^# XPASS:/ { fail += $3 }
    /^# ERROR:/ { fail += $3 }
    END { printf "%d passed, %d failed", pass, fail
          if (skip) printf ", %d skipped", skip
          printf "\n" }
' "$@"
