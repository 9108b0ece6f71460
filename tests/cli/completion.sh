#!/bin/bash
# Shell completion: the bash function called with COMP_WORDS in a bash
# subshell, the zsh function with `zsh -f` (its completion builtins
# stood in for), and the hidden `rapport complete` helper behind both:
# commands, options, their values, and names, organisations, tags,
# follow-ups and messages from the database, a window at a time.
. "${top_srcdir:-.}/tests/lib/tap.sh"

db="$TEST_DIR/c.db"
r() { run --db "$db" "$@"; }
bash_file="${top_srcdir:-.}/data/completion/bash/rapport"
zsh_file="${top_srcdir:-.}/data/completion/zsh/_rapport"
# The completions run "rapport" as the user typed it: the built one.
mkdir -p "$TEST_DIR/bin"
ln -s "$RAPPORT" "$TEST_DIR/bin/rapport"
export PATH="$TEST_DIR/bin:$PATH"

r add "Zoë Ødegård" --email zoe@uni.example --org "University Library" --tag humanities --tag history
r add "Zola Berg" --org "Maritime Museum" --tag maritime
r add "Omar Haddad" --org "Law Faculty"
r follow zoe tomorrow "Send the registers"
r follow omar +3d "Call back"
"$RAPPORT" --db "$db" mail <"${top_srcdir:-.}/tests/data/mail/nobody.eml" >/dev/null
is "$(sql "$db" "SELECT count(*) FROM contact") $(sql "$db" "SELECT count(*) FROM mail_review")" "3 1" \
    "three contacts, two follow-ups, a waiting message"

# complete_bash WORD...: what the bash function offers for the last word.
complete_bash() {
    bash --norc --noprofile -c '
        source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
        _rapport
        printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_file" "$@"
}

is "$(complete_bash rapport sh)" "show" "bash: a command's beginning"
like "$(complete_bash rapport '')" '^add$' "bash: every command"
like "$(complete_bash rapport '')" '^inbox$' "bash: mail's commands too"
unlike "$(complete_bash rapport '')" '^complete$' "bash: not the hidden helper"
like "$(complete_bash rapport --)" '^--db$' "bash: the global options"
like "$(complete_bash rapport list --)" '^--stage$' "bash: a command's options"
is "$(complete_bash rapport list --stage '')" "end-user
customer
client" "bash: the stages for --stage"
is "$(complete_bash rapport list --format '')" "table
csv
json" "bash: list's formats"
is "$(complete_bash rapport export --format '')" "csv
vcard
ics
json" "bash: export's formats, from its synopsis"
is "$(complete_bash rapport note zoe --kind m)" "meeting" "bash: note kinds"
is "$(complete_bash rapport stage zoe c)" "customer
client" "bash: a stage as an argument"
is "$(complete_bash rapport --db "$db" show zo)" 'Zoë\ Ødegård
Zola\ Berg' "bash: contact names (accents and case aside), quoted as one word"
is "$(complete_bash rapport --db "$db" show Omar)" 'Omar\ Haddad' "bash: the database of --db"
is "$(complete_bash rapport --db "$db" edit zoe --org M)" 'Maritime\ Museum' "bash: organisations"
is "$(complete_bash rapport --db "$db" list --tag h)" "history
humanities" "bash: tags, each once"
is "$(complete_bash rapport --db "$db" done f)" "f1
f2" "bash: open follow-ups by id"
is "$(complete_bash rapport --db "$db" inbox '')" "m1" "bash: waiting messages"
is "$(complete_bash rapport --db "$db" inbox m1 --attach Z)" 'Zoë\ Ødegård
Zola\ Berg' "bash: --attach takes a contact"
like "$(complete_bash rapport import "$TEST_DIR/")" "c\.db" "bash: a file for import"
is "$(complete_bash rapport show zoe '')" "" "bash: nothing past the last argument"

# The helper's own lines carry descriptions, for zsh.
out=$("$RAPPORT" --db "$db" complete -- 2 rapport done '')
like "$out" "$(printf '^f1\tSend the registers \\(Zoë Ødegård\\)$')" "a follow-up with its text and contact"
like "$out" "$(printf '^Omar Haddad\tLaw Faculty$')" "and contacts, with their organisation"
out=$("$RAPPORT" --db "$db" complete -- 1 rapport que)
like "$out" "$(printf '^query\taddresses')" "a command with its summary"

# A window, never a whole table.
i=0
while [ $i -lt 130 ]; do
    printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many %03d\r\nEND:VCARD\r\n' $i
    i=$((i + 1))
done >"$TEST_DIR/many.vcf"
r import "$TEST_DIR/many.vcf"
is "$(complete_bash rapport --db "$db" show Ma | wc -l)" 100 "a common beginning: a window of 100"

# Without a database there is still something to complete.
is "$(complete_bash rapport --db "$TEST_DIR/none.db" sh)" "show" "commands need no database"
is "$(complete_bash rapport --db "$TEST_DIR/none.db" show z)" "" "names without one: nothing, quietly"
ok "$([ ! -e "$TEST_DIR/none.db" ]; echo $?)" "and none is made"

if command -v zsh >/dev/null 2>&1; then
    # complete_zsh WORD...: what _rapport hands to zsh's builtins.
    complete_zsh() {
        zsh -f -c '
            _describe() { print -rl -- "${(@P)4}" }
            compadd() { while [[ $1 == -* && $1 != -- ]]; do shift; done; shift; print -rl -- "$@" }
            _files() { print -r -- FILES }
            file=$1; shift
            words=("$@"); CURRENT=$#
            source $file' _ "$zsh_file" "$@"
    }
    is "$(complete_zsh rapport sh)" "show:show everything about a contact" "zsh: a command with its summary"
    is "$(complete_zsh rapport --db "$db" done f2)" "f2:Call back (Omar Haddad)" "zsh: a follow-up with its text"
    is "$(complete_zsh rapport --db "$db" show Omar)" "Omar Haddad:Law Faculty" "zsh: a contact with its organisation"
    is "$(complete_zsh rapport list --format j)" "json" "zsh: a value without description"
    is "$(complete_zsh rapport import '')" "FILES" "zsh: files"
else
    skip "zsh completion" "zsh is not installed"
fi

done_testing
