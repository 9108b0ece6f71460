#!/bin/sh
# The figures kept per organisation (schema 7: org_figures, org_score,
# contact.latest_score) follow every change and every undo: after each
# step they equal what the contacts say, which `rapport check` verifies.
. "${top_srcdir:-.}/tests/lib/tap.sh"

db="$TEST_DIR/o.db"
r() { run --db "$db" "$@"; }
# figures ORG: "contacts last_touch>0 scores" as stored.
figures() {
    sql "$db" "SELECT f.contacts || ' ' || (f.last_touch > 0) || ' ' ||
               coalesce((SELECT group_concat(value || 'x' || n, ',') FROM
                 (SELECT value, sum(n) AS n FROM org_score s WHERE s.org_id = o.id GROUP BY value HAVING sum(n) > 0 ORDER BY value)), '-')
               FROM organisation o JOIN org_figures f ON f.org_id = o.id WHERE o.name = '$1'"
}
checked() {
    r check
    is "$status" 0 "check agrees after: $1"
}

r add "Ada Lovelace" --org "Östergård Library"
r add "Bea Brown" --org "Östergård Library"
r add "Cy Young" --org "Museum"
is "$(figures 'Östergård Library')" "2 1 -" "two contacts, no scores"
is "$(figures Museum)" "1 1 -" "one contact"
checked "adding"

r score "Ada Lovelace" 9
r score "Bea Brown" 3
r score "Ada Lovelace" 10
is "$(figures 'Östergård Library')" "2 1 3x1,10x1" "the latest score of each counts"
is "$(sql "$db" "SELECT latest_score FROM contact WHERE name = 'Ada Lovelace'")" 10 \
   "a contact keeps its latest score"
checked "scores"
r undo
is "$(figures 'Östergård Library')" "2 1 3x1,9x1" "undoing a score brings the one before back"
checked "undoing a score"

r archive "Bea Brown"
is "$(figures 'Östergård Library')" "1 1 9x1" "an archived contact leaves the figures"
checked "archiving"
r unarchive "Bea Brown"
is "$(figures 'Östergård Library')" "2 1 3x1,9x1" "and comes back"

r edit "Bea Brown" --org Museum
is "$(figures 'Östergård Library')" "1 1 9x1" "a contact moved away is gone"
is "$(figures Museum)" "2 1 3x1" "and counted where it went"
checked "moving"
r undo
is "$(figures Museum)" "1 1 -" "undoing the move"
checked "undoing the move"

# The latest interaction: the organisation's is its contacts' newest.
sql "$db" "UPDATE contact SET last_touch = 1000 WHERE name = 'Cy Young'"
is "$(sql "$db" "SELECT last_touch FROM org_figures f JOIN organisation o ON o.id = f.org_id WHERE o.name = 'Museum'")" \
   1000 "an earlier last interaction lowers it"
r note "Cy Young" "Called about the loan"
is "$(sql "$db" "SELECT last_touch > 1000 FROM org_figures f JOIN organisation o ON o.id = f.org_id WHERE o.name = 'Museum'")" \
   1 "a note raises it"
checked "a note"

r orgs "Museum" --rename "Östergård Library" --merge
is "$(figures 'Östergård Library')" "3 1 3x1,9x1" "a merge adds the contacts up"
checked "merging"
r undo
is "$(figures Museum)" "1 1 -" "undoing the merge"
is "$(figures 'Östergård Library')" "2 1 3x1,9x1" "both as before"
checked "undoing the merge"

# Stages, roles and open follow-ups: counted where the contact is.
rows() {
    sql "$db" "SELECT end_users || ' ' || customers || ' ' || clients || ' ' || users || ' ' ||
               decision_makers || ' ' || open_followups FROM org_figures f
               JOIN organisation o ON o.id = f.org_id WHERE o.name = '$1'"
}
is "$(rows 'Östergård Library')" "2 0 0 2 0 0" "two end users, both users, nothing open"
r stage "Ada Lovelace" customer
r edit "Bea Brown" --role both
r follow "Ada Lovelace" tomorrow "Send the list"
r follow "Ada Lovelace" tomorrow "Call back"
is "$(rows 'Östergård Library')" "1 1 0 2 1 2" "a customer, a decision-maker, two open follow-ups"
checked "stage, role and follow-ups"
r done "$(sql "$db" "SELECT 'f' || min(id) FROM followup")"
is "$(rows 'Östergård Library')" "1 1 0 2 1 1" "a follow-up done is no longer open"
r archive "Ada Lovelace"
is "$(rows 'Östergård Library')" "1 0 0 1 1 0" "archiving takes her follow-up out too"
checked "archiving with follow-ups"
r undo
is "$(rows 'Östergård Library')" "1 1 0 2 1 1" "and undoing puts it back"
r edit "Ada Lovelace" --org Museum
is "$(sql "$db" "SELECT open_followups FROM org_figures f JOIN organisation o ON o.id = f.org_id WHERE o.name = 'Museum'")" \
   1 "her open follow-up moves with her"
checked "moving with follow-ups"
for step in 1 2 3 4 5 6; do r undo; done
checked "undoing all of it"
is "$(rows 'Östergård Library')" "2 0 0 2 0 0" "as before"

r forget "Ada Lovelace" --yes
is "$(figures 'Östergård Library')" "1 1 3x1" "a forgotten contact is gone from the figures"
checked "forgetting"

# A broken figure is found by check and mended by --rebuild-index.
sql "$db" "UPDATE org_figures SET contacts = 7"
r check
ok "$([ "$status" -ne 0 ]; echo $?)" "check finds figures that disagree"
like "$out$err" "figures do not agree" "and says which"
r check --rebuild-index
is "$status" 0 "the rebuild"
r check
is "$status" 0 "mends them"
sql "$db" "UPDATE org_score SET n = n + 1; UPDATE contact SET latest_score = NULL"
r check
ok "$([ "$status" -ne 0 ]; echo $?)" "check finds score counts and latest scores that disagree"
r check --rebuild-index
r check
is "$status" 0 "and the rebuild mends them too"

# Open follow-ups are counted for all organisations at once: a count
# one off is found, and the rebuild gives each its own again.
r follow "Bea Brown" tomorrow "Send the catalogue"
r edit "Bea Brown" --org Museum
before=$(sql "$db" "SELECT group_concat(o.name || '=' || f.open_followups, ' ') FROM org_figures f
                    JOIN organisation o ON o.id = f.org_id ORDER BY o.name")
is "$before" "Museum=1 Östergård Library=0" "the follow-up counts where its contact went"
sql "$db" "UPDATE org_figures SET open_followups = open_followups + 1
           WHERE org_id = (SELECT id FROM organisation WHERE name = 'Museum')"
r check
ok "$([ "$status" -ne 0 ]; echo $?)" "check finds an open follow-up count one off"
r check --rebuild-index
is "$(sql "$db" "SELECT group_concat(o.name || '=' || f.open_followups, ' ') FROM org_figures f
                 JOIN organisation o ON o.id = f.org_id ORDER BY o.name")" "$before" \
   "the rebuild counts each organisation's open follow-ups again"

done_testing
