#!/bin/bash
# A database on a network file system (SPEC §8) gets a warning, one on a
# local disk none. The check's own table of file system types is tested
# in tests/unit/test_config.c; here the warning is checked for real on
# FAULT_NFS_DIR (a writable folder on an NFS or SMB mount, when the
# machine has one), and its absence on the test's local folder.
. "${top_srcdir:-.}/tests/lib/tap.sh"

run --db "$TEST_DIR/local.db" add "Lena Local"
is "$status" 0 "a database on the local disk"
unlike "$err" "network file system" "gets no network warning"
run --db "$TEST_DIR/local.db" list
is "$err" "" "nor when it is opened again"

if [ -n "${FAULT_NFS_DIR:-}" ] && [ -d "$FAULT_NFS_DIR" ]; then
    dir=$(mktemp -d "$FAULT_NFS_DIR/rapport-test.XXXXXX")
    chmod 700 "$dir"
    run --db "$dir/net.db" add "Nils Network"
    is "$status" 0 "a database on $FAULT_NFS_DIR still works"
    like "$err" "is on a network file system, where SQLite's locking is unsafe; keep the database on a local disk" \
         "with the warning"
    run --db "$dir/net.db" list
    like "$err" "network file system" "each time it is opened"
    rm -rf "$dir"
else
    skip "a database on a network file system warns" "no FAULT_NFS_DIR (a folder on an NFS or SMB mount) given"
fi

done_testing
