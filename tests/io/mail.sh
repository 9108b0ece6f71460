#!/bin/sh
# `rapport mail` and `rapport inbox` (SPEC §5 Mail) with the messages of
# tests/data/mail: a message is logged on every contact it names (From,
# To, Cc; the user's own addresses aside), dated by its Date header,
# once per Message-ID; one that names nobody waits for review, and each
# way out of the queue is undone by `rapport undo`.
. "${top_srcdir:-.}/tests/lib/tap.sh"

# Its dates are early in December 2026; what is past or to come is
# counted from a day that stands still, not from the real one.
clock_fix '2026-12-04 12:00:00'

export TZ=UTC
mail="${top_srcdir:-.}/tests/data/mail"
db="$TEST_DIR/mail.db"
r() { run --db "$db" "$@"; }
pipe() {   # pipe FIXTURE [OPTIONS]: rapport mail with the fixture on stdin
    _f=$1
    shift
    out=$("$RAPPORT" --db "$db" mail "$@" <"$mail/$_f.eml" 2>"$TEST_DIR/stderr")
    status=$?
    err=$(cat "$TEST_DIR/stderr")
}
notes_of() { sql "$db" "SELECT count(*) FROM note n JOIN contact c ON c.id = n.contact_id WHERE c.name = '$1'"; }

mkdir -p "$XDG_CONFIG_HOME/rapport"
printf '[mail]\nme = me@library.example, desk@library.example\n' >"$XDG_CONFIG_HOME/rapport/config.ini"

r add "Zoë Ødegård" --email zoe.odegard@uni.example --org "University Library"
r add "Omar Haddad" --email omar@law.example
r add "Ingrid Berg" --email ingrid@museum.example
r add "Mei Chen" --email mei@physics.example
r add "Library Desk" --email desk@library.example --email me@library.example
is "$status" 0 "five contacts, one of them with the user's own addresses"

# multipart/alternative: quoted-printable text, an HTML twin, a PDF.
pipe alternative
is "$status" 0 "a multipart message is logged"
like "$out" 'on #1 Zoë Ødegård' "on its sender"
like "$out" 'on #2 Omar Haddad' "and on whom it went to"
unlike "$out" 'Library Desk' "never on the user's own address (Cc)"
r show zoe
like "$out" '2026-12-02 13:30  email' "dated by its Date header, as an email"
like "$out" 'Re: Shipping registers – 1871–1875' "the subject, from a UTF-8 encoded word"
like "$out" 'the digitised volumes of 1871–1875 are exactly what Zoë needs' \
    "the text part, quoted-printable decoded"
unlike "$out" 'Here are the registers' "the quoted reply is left out"
unlike "$out" 'wrote:' "with the line that introduces it"
unlike "$out" '<p>' "the HTML alternative is not the one kept"
like "$out" 'Attachments \(not kept\): registers-1871.pdf' "the attachment is named"
unlike "$out" 'PDF-1.4' "and not stored"
is "$(sql "$db" "SELECT DISTINCT message_id FROM note")" "alt-1@uni.example" \
    "both notes keep the Message-ID"

pipe alternative
is "$status" 0 "the same message again"
like "$out" 'logged before' "says it was logged before"
is "$(sql "$db" "SELECT count(*) FROM note")" 2 "and adds nothing"

# base64, an address in capitals, two contacts and an unknown one.
pipe base64
like "$out" 'on #3 Ingrid Berg' "a base64 message on its sender"
like "$out" 'on #1 Zoë Ødegård' "and on the contact whose address is in capitals"
is "$(printf '%s\n' "$out" | grep -c Logged)" 2 "two contacts, the unknown address ignored"
r show ingrid
like "$out" "the maritime museum's catalogue is online" "decoded from base64"

# HTML only.
pipe html-only
is "$status" 0 "an HTML-only message"
r show mei
like "$out" 'The licence for the dataset runs until 31 March & can be renewed.' \
    "is reduced to readable text"
like "$out" 'Price: 120€ <per year>.' "character references decoded"
unlike "$out" 'never shown|color|<b>|licence cost' "no script, style, tags or quoted reply"
like "$out" '2026-11-30 21:45' "dated with its zone (-0500)"

# HTML that names its charset only in a <meta>: windows-1252 bytes.
pipe html-nocharset
is "$status" 0 "an HTML message without a charset in its Content-Type"
r show mei
like "$out" 'The renewal costs 95€ – the “campus” licence.' "its bytes read in the charset they are in"
like "$out" 'Grüße, Mei' "accented letters too"

# ... and in KOI8-R, which only its <meta charset> says: no guess fits.
pipe html-meta
r show omar
like "$out" 'Сборник судебных решений, 1901 год\.' "the charset its <meta> names is the one read"

# format=flowed (delsp=yes), quoted-printable: soft breaks joined.
pipe flowed
is "$status" 0 "a format=flowed message"
r show ingrid
like "$out" 'The reading room closes from 24 December to 2 January; the stacks stay open on request\. We can still scan the registers for you before then\.' \
    "its paragraph is one line again, the sender's spaces kept and the soft ones dropped"
like "$out" '      From now on the desk answers by mail\.' "the stuffed space is gone"
unlike "$out" 'holidays\?|Will the reading|wrote:' "a flowed quoted reply and its attribution are left out"
like "$out" "$(printf '      -- \n      Ingrid')" "the signature line stays a line"

# From the user: logged on whom it went to, never on the user.
pipe from-me
like "$out" 'on #1 Zoë Ødegård' "a message the user sent is logged on its recipient"
is "$(notes_of 'Library Desk')" 0 "and never on the contact of the user's own addresses"

# Nobody: the queue.
pipe latin1
is "$status" 0 "a message that names no contact"
like "$out" 'waits for review as m1' "waits for review"
pipe nobody
like "$out" 'waits for review as m2' "a second one too"
pipe nobody
like "$out" 'logged before' "the same unmatched message again adds nothing"
is "$(sql "$db" "SELECT count(*) FROM mail_review")" 2 "two messages wait"
is "$(sql "$db" "SELECT count(*) FROM mail_review WHERE body LIKE '%Content-Type%' OR body LIKE '%=E4%'")" 0 \
    "the queue holds the text, never the raw message"
r inbox
is "$status" 0 "rapport inbox"
like "$out" 'm1 +2026-12-03  Jürgen Müller <juergen@koeln.example>  Bestände zur Stadtgeschichte' \
    "lists a message with its ISO-8859-1 name and subject in UTF-8"
like "$out" 'm2 +2026-12-01  Kwame Mensah <kwame@elsewhere.example>' "and the other"
r inbox m1
like "$out" 'ich möchte die Bestände zur Stadtgeschichte einsehen. Grüße aus Köln,' \
    "shows one, its ISO-8859-1 text converted"

r inbox m2 --attach omar
is "$status" 0 "attach a waiting message to a contact"
like "$out" 'Logged m2 as note #[0-9]+ on #2 Omar Haddad' "says where"
r show omar
like "$out" 'A question about interlibrary loans' "the message is on the contact"
r inbox
unlike "$out" 'm2 ' "and no longer waits"
r undo
like "$out" 'attached to Omar Haddad' "undo names the change"
r inbox
like "$out" 'm2 ' "and the message waits again"
r show omar
unlike "$out" 'interlibrary' "and is off the contact"

r inbox m1 --new
is "$status" 0 "make a new contact of a waiting message"
like "$out" 'Added contact #6 Jürgen Müller with m1' "named from its From header"
r show "Jürgen"
like "$out" 'juergen@koeln.example' "with its address"
unlike "$out" 'Organisation' "and no organisation guessed"
like "$out" 'Bestände zur Stadtgeschichte' "and the message as its first note"
r undo
like "$out" 'new contact Jürgen Müller' "one undo"
r show "Jürgen"
is "$status" 1 "takes the contact away"
r inbox
like "$out" 'm1 ' "and puts the message back"

r inbox m2 --discard
is "$status" 0 "discard a waiting message"
r inbox m2
is "$status" 1 "it is gone"
r undo
r inbox m2
is "$status" 0 "undo brings it back"

r inbox m9 --discard
is "$status" 1 "an unknown message"
like "$err" 'no message m9 waits for review' "is named"
r inbox m1 --new --discard
is "$status" 2 "one action at a time"

# Kinds, dry runs, what is refused.
before=$(sql "$db" "SELECT count(*) FROM note")
printf 'From: Omar <omar@law.example>\nTo: me@library.example\nSubject: Meeting notes\nMessage-ID: <kind-1@law.example>\nDate: Tue, 01 Dec 2026 10:00:00 +0000\n\nWe met.\n' >"$TEST_DIR/kind.eml"
out=$("$RAPPORT" --db "$db" mail --dry-run <"$TEST_DIR/kind.eml")
like "$out" 'Would log the email on #2 Omar Haddad' "a dry run says whom"
is "$(sql "$db" "SELECT count(*) FROM note")" "$before" "and writes nothing"
out=$("$RAPPORT" --db "$db" mail --kind meeting <"$TEST_DIR/kind.eml")
is "$(sql "$db" "SELECT kind FROM note WHERE message_id = 'kind-1@law.example'")" meeting \
    "--kind chooses the interaction's kind"
"$RAPPORT" --db "$db" mail --kind party <"$TEST_DIR/kind.eml" 2>"$TEST_DIR/stderr"
is "$?" 2 "an unknown kind is a usage error"

printf 'just some text\nwithout headers\n' | "$RAPPORT" --db "$db" mail 2>"$TEST_DIR/stderr"
is "$?" 1 "text that is no message is refused"
like "$(cat "$TEST_DIR/stderr")" 'standard input: .*nothing was logged' "saying so"
printf 'From: me@library.example\nTo: desk@library.example\nSubject: note to self\n\nx\n' \
    | "$RAPPORT" --db "$db" mail 2>"$TEST_DIR/stderr"
is "$?" 1 "a message between the user's own addresses is refused"
like "$(cat "$TEST_DIR/stderr")" 'only your own addresses' "saying why"

# Deliveries of one message at once (a filter's and a key's): once.
printf 'From: Omar <omar@law.example>\nTo: me@library.example\nSubject: Twice\nMessage-ID: <race-1@law.example>\nDate: Tue, 01 Dec 2026 11:00:00 +0000\n\nOnce only.\n' >"$TEST_DIR/race.eml"
printf 'From: Kwame <kwame@elsewhere.example>\nTo: me@library.example\nSubject: Twice too\nMessage-ID: <race-2@elsewhere.example>\nDate: Tue, 01 Dec 2026 11:00:00 +0000\n\nOnce only.\n' >"$TEST_DIR/race2.eml"
for i in 1 2 3 4; do
    "$RAPPORT" --db "$db" mail <"$TEST_DIR/race.eml" >/dev/null 2>>"$TEST_DIR/race.err" &
    "$RAPPORT" --db "$db" mail <"$TEST_DIR/race2.eml" >/dev/null 2>>"$TEST_DIR/race.err" &
done
wait
is "$(sql "$db" "SELECT count(*) FROM note WHERE message_id = 'race-1@law.example'")" 1 \
    "four deliveries at once log a message once"
is "$(sql "$db" "SELECT count(*) FROM mail_review WHERE message_id = 'race-2@elsewhere.example'")" 1 \
    "and queue an unmatched one once"
is "$(cat "$TEST_DIR/race.err")" "" "without an error"

# Forgetting a person takes the mail from their address off the queue,
# and out of the undo journal, where a discarded message waits too.
r add "Kwame Mensah" --email KWAME@elsewhere.example
r inbox m2 --discard
is "$(sql "$db" "SELECT count(*) FROM mail_review WHERE email = 'kwame@elsewhere.example'")" 1 \
    "one message of Kwame's waits, another was discarded"
r forget kwame --yes
is "$status" 0 "forget the sender"
is "$(sql "$db" "SELECT count(*) FROM mail_review WHERE email = 'kwame@elsewhere.example'")" 0 \
    "what waited from their address is gone"
r undo
r inbox
unlike "$out" 'Kwame|interlibrary' "and undo cannot bring the discarded one back"
like "$out" 'Jürgen Müller' "another sender's message still waits"
is "$(cat "$db" "$db-wal" 2>/dev/null | grep -aic 'kwame\|interlibrary loans\|Twice too')" 0 \
    "no trace of their mail in the file"

r check
is "$status" 0 "the database is sound"

printf '[mail]\nme = me@library.example, nobody\n' >"$XDG_CONFIG_HOME/rapport/config.ini"
r inbox
like "$err" '\[mail\] me.*expected your own addresses' "a bad [mail] me is reported with its section and key"

done_testing
