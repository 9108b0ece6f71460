#!/bin/sh
# JSON export of everything: valid JSON, stable key order, every contact
# with notes, follow-ups, stage history and scores, every organisation.
. "${top_srcdir:-.}/tests/lib/tap.sh"

command -v jq > /dev/null 2>&1 || skip_all "jq (Debian package jq) is not installed"
db="$TEST_DIR/r.db"
r() { run --db "$db" "$@"; }
# An empty database: made by a command that writes (one that reads
# makes none), with nothing to undo.
"$RAPPORT" --db "$db" undo >/dev/null 2>&1

r export --format json
is "$status" 0 "an empty database exports"
is "$(printf '%s' "$out" | jq -c .)" '{"format":"rapport","version":1,"contacts":[],"organisations":[]}' \
   "as valid JSON with no contacts and no organisations"

r add "Zoë Ødegård" --email zoe@example.org --email z2@example.org --stage customer \
  --role both --tag "text mining" --org DH --title Director --projects 'Corpus "X"' \
  --goals "Faster
search" --cadence 2w --department "Text Lab" --phone "cell:+47 1" --phone "+47 2" \
  --address "work:Allégaten 27; Bergen; ; 5007; Norway" --url "https://dh.example.no"
r add "Bob Lee" --email bob@example.net
r add "EvilRed"
# as an older rapport stored a name with an escape sequence
sql_legacy "$db" "UPDATE contact SET name = 'Evil' || char(27) || '[31mRed' WHERE name = 'EvilRed'"
r note zoe "First meeting"
r follow zoe 2026-12-01 "send the report" --every 1w
r stage zoe client
r score zoe 9
r archive bob
r export --format json --output "$TEST_DIR/all.json"
is "$status" 0 "export everything as JSON"
jq . "$TEST_DIR/all.json" > /dev/null 2>&1
ok $? "the file is valid JSON"
is "$(stat -c %a "$TEST_DIR/all.json")" 600 "and private"
j() { jq -c "$1" "$TEST_DIR/all.json"; }
is "$(j '.contacts | length')" 3 "every contact, archived ones too"
is "$(j '[.contacts[].name]')" '["Bob Lee","Evil\u001b[31mRed","Zoë Ødegård"]' \
   "in name order, with control characters escaped"
is "$(j '.contacts[2] | keys_unsorted')" \
   '["id","uid","name","organisation","department","title","stage","stage_since","roles","emails","phones","phone_kinds","tags","addresses","web_pages","vcard_properties","projects","goals","channel","owner","cadence_days","archived","created","updated","last_touch","notes","followups","stage_history","scores"]' \
   "keys in a fixed order"
is "$(j '.contacts[2] | [.department, .phones, .phone_kinds]')" '["Text Lab",["+47 1","+47 2"],["cell",null]]' \
   "the department, and each phone's kind beside it (null when unknown)"
is "$(j '.contacts[0] | [.department, .phones, .phone_kinds]')" '[null,[],[]]' "none of them"
is "$(j '.contacts[2] | [.addresses, .web_pages, .vcard_properties]')" \
   '[[{"kind":"work","pobox":null,"extended":null,"street":"Allégaten 27","locality":"Bergen","region":null,"code":"5007","country":"Norway"}],[{"url":"https://dh.example.no","kind":null}],[]]' \
   "its addresses in vCard's parts, its web pages, its other properties"
is "$(j '.contacts[0] | [.addresses, .web_pages, .vcard_properties]')" '[[],[],[]]' "none of them either"
is "$(j '.contacts[2].followups[0] | keys_unsorted')" \
   '["id","due","time","snoozed_until","text","every","state","done_at","created","uid","created_by","assigned_to","done_by"]' \
   "a follow-up's keys in a fixed order"
is "$(j '.contacts[2].followups[0].uid')" null "no UID for a follow-up made here"
is "$(j '.contacts[2] | [.organisation, .title, .stage, .roles, .emails, .tags, .projects, .goals, .cadence_days]')" \
   '["DH","Director","client",["user","decision-maker"],["zoe@example.org","z2@example.org"],["text mining"],"Corpus \"X\"","Faster\nsearch",14]' \
   "the contact's fields"
is "$(j '.contacts[2].notes | map(.body)')" '["First meeting"]' "its notes"
is "$(j '.contacts[2].followups | map([.due, .text, .every, .state])')" \
   '[["2026-12-01","send the report","1w","open"]]' "its follow-ups"
is "$(j '.contacts[2].stage_history | map([.from, .to])')" \
   '[["customer","client"],[null,"customer"]]' "its stage history, newest first"
is "$(j '.contacts[2].scores | map(.value)')" '[9]' "its scores"
is "$(j '.contacts[0].archived')" true "archived contacts say so"
is "$(j 'keys_unsorted')" '["format","version","contacts","organisations"]' \
   "contacts, then organisations"
r add "Ann Acme" --org "Acme Corp" --stage customer
r add "Al Acme" --org "acme corp"
r export --format json --output "$TEST_DIR/all.json"
is "$(j '.organisations')" \
   '[{"id":2,"name":"Acme Corp","notes":null,"stage_counts":{"end-user":1,"customer":1,"client":0}},{"id":1,"name":"DH","notes":null,"stage_counts":{"end-user":0,"customer":0,"client":1}}]' \
   "every organisation by name, keys in a fixed order, contacts counted per stage"
r export --format json --output "$TEST_DIR/again.json"
cmp -s "$TEST_DIR/all.json" "$TEST_DIR/again.json"
ok $? "two exports of the same data are the same bytes"
r export --output "$TEST_DIR/guess.json"
jq -e '.contacts | length == 5' "$TEST_DIR/guess.json" > /dev/null 2>&1
ok $? "the .json name chooses JSON"
# list --format json names the fields it shares with the export alike.
r list --format json --all
printf '%s\n' "$out" > "$TEST_DIR/list.json"
is "$(jq -c '[.[0] | keys_unsorted[] | select(. as $k | ["id","name","organisation","department","title","stage","roles","emails","phones","phone_kinds","tags","channel","created","last_touch","archived","owner"] | index($k) | not)]' "$TEST_DIR/list.json")" \
   '["next_due"]' "a listing's keys are the export's, and its next follow-up"
is "$(jq -c '[.[] | select(.name == "Zoë Ødegård") | .organisation, .roles][]' "$TEST_DIR/list.json" | tr '\n' ' ')" \
   '"DH" ["user","decision-maker"] ' "its organisation and roles as the export writes them"
r import "$TEST_DIR/all.json"
is "$status" 1 "JSON is for export only"
like "$err" 'cannot import it' "and says so"

done_testing
