#!/bin/sh
# The command line's frame: help, version, usage errors and exit codes,
# where the database is created and with which modes, refusing an unsafe
# database, read-only runs and configuration warnings.
. "${top_srcdir:-.}/tests/lib/tap.sh"

run --help
is "$status" 0 "--help exits 0"
like "$out" '^Usage: rapport' "--help prints the usage"
for cmd in add list show stage note follow done snooze edit archive forget \
           agenda search score import export backup check undo orgs report; do
    like "$out" "^  $cmd " "--help lists $cmd"
done

# The manual page lists every command the program knows.
man="${top_srcdir:-.}/data/rapport.1"
for cmd in $(printf '%s\n' "$out" | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p'); do
    like "$(grep -E '^\.(B|BI) "?'"$cmd"'( |"|$)' "$man")" . "the manual page has $cmd"
done

run --version
is "$status" 0 "--version exits 0"
like "$out" '^rapport [0-9]' "--version prints the version"

run frobnicate
is "$status" 2 "an unknown command is a usage error"
like "$err" "unknown command 'frobnicate'" "and says which"
like "$err" "Try 'rapport --help'" "and where to look"
unlike "$err" "Did you mean" "nothing is near frobnicate: no guess"
# A typo: the command it likely meant (a swap, a letter left out, the
# only command a start begins), and nothing run.
run agnda
is "$status" 2 "a mistyped command is a usage error"
like "$err" "Did you mean 'rapport agenda'\?" "agnda: agenda is suggested"
is "$out" "" "and nothing is run"
run shwo 1
like "$err" "Did you mean 'rapport show'\?" "shwo: show"
run serach x
like "$err" "Did you mean 'rapport search'\?" "serach: search"
run agen
like "$err" "Did you mean 'rapport agenda'\?" "agen: the one command it begins"

run --bogus list
is "$status" 2 "an unknown global option is a usage error"

run add --help
is "$status" 0 "add --help exits 0"
like "$out" '^Usage: rapport add NAME' "add --help shows its synopsis"
like "$out" '--email E' "add --help lists its options"
like "$out" '--department D' "the department among them"
like "$out" '--phone \[KIND:\]P +a phone number, with its kind: cell:\+47 123' \
     "and how a phone number's kind is written"

# Nothing was created by asking for help.
ok "$([ ! -e "$XDG_DATA_HOME/rapport/rapport.db" ]; echo $?)" \
   "help creates no database"

run add "Ada Lovelace" --bogus
is "$status" 2 "an unknown option is a usage error"
like "$err" "Try 'rapport add --help'" "and points to the command's help"

run add
is "$status" 2 "a missing argument is a usage error"
is "$(printf '%s\n' "$err" | head -1)" "rapport add: missing argument" \
   "and says so"

run add "Ada Lovelace" --stage nowhere
is "$status" 2 "an unknown stage is a usage error"

# First run: the default location, private modes.
run add "Ada Lovelace" --email ada@example.org
is "$status" 0 "add at the default location"
db="$XDG_DATA_HOME/rapport/rapport.db"
ok "$([ -f "$db" ]; echo $?)" "the database is at \$XDG_DATA_HOME/rapport"
is "$(stat -c %a "$db")" 600 "the database is 0600"
is "$(stat -c %a "$XDG_DATA_HOME/rapport")" 700 "its folder is 0700"
is "$(sql "$db" "SELECT name FROM contact")" "Ada Lovelace" "the contact is stored"

run show 99
is "$status" 1 "an unknown id is a user error"
is "$err" "rapport: no contact #99" "with one line on stderr"

run show zed
is "$status" 1 "an unknown name is a user error"
is "$err" 'rapport: no contact matches "zed"' "with one line naming it"

# --db and --db=PATH.
other="$TEST_DIR/other/team.db"
run --db "$other" add "Grace Hopper"
is "$status" 0 "--db PATH creates another database"
is "$(stat -c %a "$other")" 600 "also 0600"
run --db="$other" list
like "$out" 'Grace Hopper' "--db=PATH is accepted"
unlike "$out" 'Ada' "and is another database"

# A database others can read gets a warning and is still used.
chmod 644 "$other"
run --db "$other" list
is "$status" 0 "a database others can read is still used"
like "$err" '^rapport: WARNING: .*chmod 600' "with a warning saying how to fix it"
chmod 600 "$other"

# A database others can write is refused.
chmod 664 "$other"
run --db "$other" list
is "$status" 1 "a group-writable database is refused"
is "$(printf '%s\n' "$err" | wc -l)" 1 "with one line"
like "$err" '^rapport: ' "naming rapport"
chmod 600 "$other"

# Read-only runs read but never write.
run --db "$other" --read-only add "Someone Else"
is "$status" 1 "--read-only refuses a command that writes"
like "$err" 'read-only' "and says why"
run --db "$other" --read-only list
is "$status" 0 "--read-only still lists"
is "$(sql "$other" "SELECT count(*) FROM contact")" 1 "nothing was added"

# A database that cannot be used: the store says what is wrong, and the
# front end says what to do about it, naming the options.
run --db "$TEST_DIR/none/missing.db" --read-only list
is "$status" 1 "a missing database is not made when read-only"
is "$err" "rapport: there is no database at $TEST_DIR/none/missing.db; run rapport once without --read-only to create it, or name another with --db" \
   "and the message says how to make it, or use another"
run --db "$TEST_DIR" list
is "$err" "rapport: $TEST_DIR is not a regular file; name the database file with --db" \
   "a folder is no database file"
printf 'not a database, just text\n' >"$TEST_DIR/junk.db"
chmod 600 "$TEST_DIR/junk.db"
run --db "$TEST_DIR/junk.db" list
like "$err" "^rapport: $TEST_DIR/junk.db is not a rapport database or it is damaged \\(.*\\); restore a backup, or name another file with --db\$" \
   "a file that is no database: restore a backup, or name another"
sql "$TEST_DIR/foreign.db" "CREATE TABLE t(x)"
chmod 600 "$TEST_DIR/foreign.db"
run --db "$TEST_DIR/foreign.db" list
is "$err" "rapport: $TEST_DIR/foreign.db is an SQLite database of another program, not rapport's; choose another file with --db" \
   "another program's database: choose another file"

# A bad configuration value is reported and the default kept.
mkdir -p "$XDG_CONFIG_HOME/rapport"
printf '[cadence]\ncustomer = banana\n[general]\nfavourite_colour = blue\n' \
    >"$XDG_CONFIG_HOME/rapport/config.ini"
run list
is "$status" 0 "a bad configuration value does not stop rapport"
like "$err" '^rapport: WARNING: .*\[cadence\] customer' \
     "the bad value is reported with its section and key"
like "$err" 'favourite_colour' "an unknown key is reported"
rm "$XDG_CONFIG_HOME/rapport/config.ini"

run --config "$TEST_DIR/missing.ini" list
is "$status" 1 "a missing --config file is a user error"

done_testing
