/* The pieces of the schema that more than one statement is made of:
 * what a contact's full-text row and its word rows hold, and how the
 * search index and the word tables are filled. The migrations of
 * store/schema.c splice them into their triggers; the check and the
 * rebuild (store/check.c) run them again. Private to store/. */
#ifndef RAPPORT_STORE_SCHEMA_H
#define RAPPORT_STORE_SCHEMA_H

/* What the full-text row of contact X holds; X is spliced in by the
 * triggers of schema.c. */
#define CONTACT_FTS_INSERT \
    "INSERT INTO contact_fts(rowid, name, name_key, org, emails, tags, details) " \
    "SELECT c.id, c.name, c.name_key, o.name, " \
    "(SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), " \
    "(SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), " \
    "coalesce(c.title, '') || ' ' || coalesce(c.projects, '') || ' ' || " \
    "coalesce(c.goals, '') || ' ' || coalesce(c.channel, '') " \
    "FROM contact c LEFT JOIN organisation o ON o.id = c.org_id "
#define CONTACT_FTS_REFRESH(x) \
    "DELETE FROM contact_fts WHERE rowid = " x "; " \
    CONTACT_FTS_INSERT "WHERE c.id = " x "; "

/* A note's full-text row in versions 2 to 6: the contact's id in the
 * high 32 bits, the note's in the low ones (version 7 reads the notes
 * by their own id, NOTE_FTS_CREATE_V7). */
#define NOTE_FTS_ROWID(row) "((" row ".contact_id << 32) | " row ".id)"

/* The full-text index: made by the version 2 migration, made again by
 * store_rebuild_search(). */
#define SEARCH_INDEX_FILL \
    "CREATE VIRTUAL TABLE contact_fts USING fts5(name, name_key, org, emails, tags, details, " \
    "prefix = '1 2', tokenize = 'unicode61 remove_diacritics 2');\n" \
    "CREATE VIRTUAL TABLE note_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');\n" \
    CONTACT_FTS_INSERT ";\n" \
    "INSERT INTO note_fts(rowid, body) SELECT " NOTE_FTS_ROWID("note") ", body FROM note;\n"

/* The full-text row of contact X from version 4 on: the department
 * joins the details. The macros above stay what version 2 ran. */
#define CONTACT_FTS_INSERT_V4 \
    "INSERT INTO contact_fts(rowid, name, name_key, org, emails, tags, details) " \
    "SELECT c.id, c.name, c.name_key, o.name, " \
    "(SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), " \
    "(SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), " \
    "coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || " \
    "coalesce(c.projects, '') || ' ' || " \
    "coalesce(c.goals, '') || ' ' || coalesce(c.channel, '') " \
    "FROM contact c LEFT JOIN organisation o ON o.id = c.org_id "
#define CONTACT_FTS_REFRESH_V4(x) \
    "DELETE FROM contact_fts WHERE rowid = " x "; " \
    CONTACT_FTS_INSERT_V4 "WHERE c.id = " x "; "
/* What store_rebuild_search() makes: the index as it is now. */
#define SEARCH_INDEX_FILL_V4 \
    "CREATE VIRTUAL TABLE contact_fts USING fts5(name, name_key, org, emails, tags, details, " \
    "prefix = '1 2', tokenize = 'unicode61 remove_diacritics 2');\n" \
    "CREATE VIRTUAL TABLE note_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');\n" \
    CONTACT_FTS_INSERT_V4 ";\n" \
    "INSERT INTO note_fts(rowid, body) SELECT " NOTE_FTS_ROWID("note") ", body FROM note;\n"

#define FIELD_WORD_INSERT \
    "INSERT INTO field_word(term, name_key, contact_id, archived) " FIELD_WORD_SELECT
#define FIELD_WORD_SELECT \
    "SELECT j.value, c.name_key, c.id, c.archived FROM contact c " \
    "LEFT JOIN organisation o ON o.id = c.org_id, json_each(" FIELD_WORDS ") j "
/* The words of contact c (with its organisation o), as rapport_words()
 * gives them. */
#define FIELD_WORDS \
    "rapport_words(" \
    "c.name || ' ' || coalesce(o.name, '') || ' ' || " \
    "coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || " \
    "coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || " \
    "coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || " \
    "coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || " \
    "coalesce(c.channel, ''))"
#define FIELD_WORD_REFRESH(x) \
    "DELETE FROM field_word WHERE contact_id = " x "; " \
    FIELD_WORD_INSERT "WHERE c.id = " x "; "
#define NOTE_WORD_ADD(row) \
    "INSERT INTO note_word(term, name_key, contact_id, archived, notes) " \
    "SELECT j.value, c.name_key, c.id, c.archived, 1 FROM contact c, " \
    "json_each(rapport_words(" row ".body)) j WHERE c.id = " row ".contact_id " \
    "ON CONFLICT (term, name_key, contact_id) DO UPDATE SET notes = notes + 1; "
#define NOTE_WORD_DROP(row) \
    "UPDATE note_word SET notes = notes - 1 WHERE contact_id = " row ".contact_id " \
    "AND term IN (SELECT value FROM json_each(rapport_words(" row ".body))); " \
    "DELETE FROM note_word WHERE contact_id = " row ".contact_id AND notes <= 0 " \
    "AND term IN (SELECT value FROM json_each(rapport_words(" row ".body))); "
/* Both tables from the contacts and notes, in the order of their keys. */
#define SEARCH_WORDS_FILL \
    FIELD_WORD_INSERT ";\n" \
    "INSERT INTO note_word(term, name_key, contact_id, archived, notes) " NOTE_WORD_SELECT ";\n"
#define NOTE_WORD_SELECT \
    "SELECT j.value, c.name_key, c.id, c.archived, count(*) FROM note n " \
    "JOIN contact c ON c.id = n.contact_id, json_each(rapport_words(n.body)) j " \
    "GROUP BY j.value, c.name_key, c.id"

/* From version 7 on, a contact's words and full-text row hold its
 * phone numbers too, as their digits run together from each group on
 * (rapport_phone_words(): "5501" and "55 01" find +47 55 01 05 88; the
 * groups alone would be prefixes of these, so they are not kept too)
 * the texts of its open follow-ups, its postal addresses and its web
 * pages. The macros above stay what
 * versions 2 to 6 ran. */
#define PHONE_DIGITS(x) "rapport_phone_words(" x ")"
#define CONTACT_MORE_V7 \
    "coalesce((SELECT group_concat(" PHONE_DIGITS("phone") ", ' ') " \
    "FROM contact_phone WHERE contact_id = c.id), '') || ' ' || " \
    "coalesce((SELECT group_concat(text, ' ') FROM followup " \
    "WHERE contact_id = c.id AND state = 0), '') || ' ' || " \
    "coalesce((SELECT group_concat(coalesce(pobox, '') || ' ' || " \
    "coalesce(extended, '') || ' ' || coalesce(street, '') || ' ' || " \
    "coalesce(locality, '') || ' ' || coalesce(region, '') || ' ' || " \
    "coalesce(code, '') || ' ' || coalesce(country, ''), ' ') " \
    "FROM contact_address WHERE contact_id = c.id), '') || ' ' || " \
    "coalesce((SELECT group_concat(url, ' ') FROM contact_url WHERE contact_id = c.id), '')"
#define CONTACT_FTS_INSERT_V7 \
    "INSERT INTO contact_fts(rowid, name, name_key, org, emails, tags, details) " \
    "SELECT c.id, c.name, c.name_key, o.name, " \
    "(SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), " \
    "(SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), " \
    "coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || " \
    "coalesce(c.projects, '') || ' ' || " \
    "coalesce(c.goals, '') || ' ' || coalesce(c.channel, '') || ' ' || " \
    CONTACT_MORE_V7 " " \
    "FROM contact c LEFT JOIN organisation o ON o.id = c.org_id "
#define CONTACT_FTS_REFRESH_V7(x) \
    "DELETE FROM contact_fts WHERE rowid = " x "; " \
    CONTACT_FTS_INSERT_V7 "WHERE c.id = " x "; "
#define FIELD_WORDS_V7 "rapport_words(" FIELD_TEXT_V7 ")"
/* The text those words are of. */
#define FIELD_TEXT_V7 \
    "c.name || ' ' || coalesce(o.name, '') || ' ' || " \
    "coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || " \
    "coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || " \
    "coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || " \
    "coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || " \
    "coalesce(c.channel, '') || ' ' || " CONTACT_MORE_V7
#define FIELD_WORD_INSERT_V7 \
    "INSERT INTO field_word(term, name_key, contact_id, archived) " \
    "SELECT j.value, c.name_key, c.id, c.archived FROM contact c " \
    "LEFT JOIN organisation o ON o.id = c.org_id, json_each(" FIELD_WORDS_V7 ") j "
/* From version 7 on, a contact's terms are found by field_word_by_contact
 * and note_word_by_contact, (contact_id, term) alone, which triggers on
 * the word tables keep: an index of the word tables by contact would
 * hold every row's name key again. A contact's rows are then reached by
 * their whole key, with keys the name keys they may have (a contact
 * renamed: the old one or the new one). */
#define WORDS_OF(table, x, keys) \
    "contact_id = " x " AND name_key IN (" keys ") AND term IN " \
    "(SELECT term FROM " table "_by_contact WHERE contact_id = " x ")"
#define NAME_KEY_OF(x) "(SELECT name_key FROM contact WHERE id = " x ")"
#define FIELD_WORD_REFRESH_V7(x, keys) \
    "DELETE FROM field_word WHERE " WORDS_OF("field_word", x, keys) "; " \
    FIELD_WORD_INSERT_V7 "WHERE c.id = " x "; "
/* Both, for contact x, whose word rows have one of keys. */
#define CONTACT_WORDS_REFRESH_KEYS_V7(x, keys) \
    CONTACT_FTS_REFRESH_V7(x) FIELD_WORD_REFRESH_V7(x, keys)
#define CONTACT_WORDS_REFRESH_V7(x) CONTACT_WORDS_REFRESH_KEYS_V7(x, NAME_KEY_OF(x))
/* A note's words leave its contact's rows (version 7). */
#define NOTE_WORD_DROP_V7(row) \
    "UPDATE note_word SET notes = notes - 1 WHERE contact_id = " row ".contact_id " \
    "AND name_key = " NAME_KEY_OF(row ".contact_id") " " \
    "AND term IN (SELECT value FROM json_each(rapport_words(" row ".body))); " \
    "DELETE FROM note_word WHERE contact_id = " row ".contact_id AND notes <= 0 " \
    "AND name_key = " NAME_KEY_OF(row ".contact_id") " " \
    "AND term IN (SELECT value FROM json_each(rapport_words(" row ".body))); "
/* From version 7 on, note_fts keeps no copy of the notes: it reads them
 * from note itself (external content), its row id the note's. A row
 * leaves it by FTS5's 'delete' command, given the text it was indexed
 * with. */
#define NOTE_FTS_CREATE_V7 \
    "CREATE VIRTUAL TABLE note_fts USING fts5(body, content = 'note', content_rowid = 'id', " \
    "tokenize = 'unicode61 remove_diacritics 2');\n"
#define NOTE_FTS_DROP_V7(row) \
    "INSERT INTO note_fts(note_fts, rowid, body) VALUES ('delete', " row ".id, " row ".body); "
/* What store_rebuild_search() makes from version 7 on. */
#define SEARCH_INDEX_FILL_V7 \
    "CREATE VIRTUAL TABLE contact_fts USING fts5(name, name_key, org, emails, tags, details, " \
    "prefix = '1 2', tokenize = 'unicode61 remove_diacritics 2');\n" \
    NOTE_FTS_CREATE_V7 \
    CONTACT_FTS_INSERT_V7 ";\n" \
    "INSERT INTO note_fts(note_fts) VALUES ('rebuild');\n"
#define SEARCH_WORDS_FILL_V7 \
    FIELD_WORD_INSERT_V7 ";\n" \
    "INSERT INTO note_word(term, name_key, contact_id, archived, notes) " NOTE_WORD_SELECT ";\n"

/* What each migration runs: version i - 1 to i. */
extern const char db_schema_v1[];
extern const char db_schema_v2[];
extern const char db_schema_v3[];
extern const char db_schema_v4[];
extern const char db_schema_v5[];
extern const char db_schema_v6[];
/* Version 7 comes in parts, one per feature, run in this order by the
 * one migration to version 7 (store/migrate.c). */
extern const char db_schema_v7_team[];
extern const char db_schema_v7_fields[];
extern const char db_schema_v7_mail[];
extern const char db_schema_v7_contact_page[];
extern const char db_schema_v7_search[];
extern const char db_schema_v7_orgs[];
/* Version 8, in parts as well. */
extern const char db_schema_v8_owner[];
/* Version 9: the undo journal's runs of inserted rows. */
extern const char db_schema_v9_runs[];

/* Active customers with projects or goals recorded: the partial index
 * contact_ready_client of version 6 holds them, and a query finds it by
 * this very text (store/season.c). */
#define CONTACT_READY_CLIENT \
    "stage = 1 AND archived = 0 AND " \
    "(trim(coalesce(projects, '')) != '' OR trim(coalesce(goals, '')) != '')"

/* The figures of organisations (version 7, db_schema_v7_orgs), filled
 * from the contacts as they are: by the migration, and again by the
 * rebuild of derived tables (store_rebuild_search); check compares them
 * (ORG_FIGURES_DIFFER). The open follow-ups are counted for every
 * organisation in one pass: counted per organisation, each count read
 * every open follow-up. */
#define ORG_LAST_TOUCH(org) \
    "coalesce((SELECT max(c.last_touch) FROM contact c WHERE c.org_id = " org \
    " AND c.archived = 0), 0)"
#define ORG_FIGURES_SELECT \
    "SELECT o.id AS org_id, count(c.id) AS contacts, coalesce(sum(c.stage = 0), 0) AS end_users, " \
    "coalesce(sum(c.stage = 1), 0) AS customers, coalesce(sum(c.stage = 2), 0) AS clients, " \
    "coalesce(sum((c.roles & 1) <> 0), 0) AS users, " \
    "coalesce(sum((c.roles & 2) <> 0), 0) AS decision_makers, " \
    "coalesce(max(c.last_touch), 0) AS last_touch, " \
    "coalesce(min(open.n), 0) AS open_followups " \
    "FROM organisation o LEFT JOIN contact c ON c.org_id = o.id AND c.archived = 0 " \
    "LEFT JOIN (SELECT fc.org_id AS org_id, count(*) AS n FROM followup f " \
    "JOIN contact fc ON fc.id = f.contact_id WHERE f.state = 0 AND f.contact_archived = 0 " \
    "GROUP BY fc.org_id) open ON open.org_id = o.id " \
    "GROUP BY o.id"
#define ORG_SCORE_SELECT \
    "SELECT org_id, roles, latest_score AS value, count(*) AS n FROM contact " \
    "WHERE org_id IS NOT NULL AND archived = 0 AND latest_score IS NOT NULL " \
    "GROUP BY 1, 2, 3"
#define ORG_FIGURES_FILL \
    "DELETE FROM org_figures; DELETE FROM org_score;\n" \
    "INSERT INTO org_figures(org_id, contacts, end_users, customers, clients, " \
    "users, decision_makers, last_touch, open_followups) " ORG_FIGURES_SELECT ";\n" \
    "INSERT INTO org_score(org_id, roles, value, n) " ORG_SCORE_SELECT ";\n"
/* A contact (row: NEW or OLD) joins or leaves its organisation's
 * figures, when cond holds. */
#define ORG_CONTACT_ADD_IF(row, cond) \
    "UPDATE org_figures SET contacts = contacts + 1, " \
    "end_users = end_users + (" row ".stage = 0), " \
    "customers = customers + (" row ".stage = 1), " \
    "clients = clients + (" row ".stage = 2), " \
    "users = users + ((" row ".roles & 1) <> 0), " \
    "decision_makers = decision_makers + ((" row ".roles & 2) <> 0), " \
    "last_touch = max(last_touch, " row ".last_touch) " \
    "WHERE org_id = " row ".org_id AND " cond "; " \
    "INSERT INTO org_score(org_id, roles, value, n) " \
    "SELECT " row ".org_id, " row ".roles, " row ".latest_score, 1 " \
    "WHERE " row ".latest_score IS NOT NULL AND " cond " " \
    "ON CONFLICT(org_id, roles, value) DO UPDATE SET n = n + 1;"
#define ORG_CONTACT_REMOVE_IF(row, cond) \
    "UPDATE org_figures SET contacts = contacts - 1, " \
    "end_users = end_users - (" row ".stage = 0), " \
    "customers = customers - (" row ".stage = 1), " \
    "clients = clients - (" row ".stage = 2), " \
    "users = users - ((" row ".roles & 1) <> 0), " \
    "decision_makers = decision_makers - ((" row ".roles & 2) <> 0) " \
    "WHERE org_id = " row ".org_id AND " cond "; " \
    "UPDATE org_score SET n = n - 1 WHERE org_id = " row ".org_id " \
    "AND roles = " row ".roles AND value = " row ".latest_score AND " cond ";"
#define ORG_CONTACT_ADD(row) ORG_CONTACT_ADD_IF(row, "1")
#define ORG_CONTACT_REMOVE(row) ORG_CONTACT_REMOVE_IF(row, "1")
#define ORG_LAST_TOUCH_AGAIN(row) \
    "UPDATE org_figures SET last_touch = " ORG_LAST_TOUCH(row ".org_id") " " \
    "WHERE org_id = " row ".org_id AND " row ".last_touch >= last_touch;"
/* A contact's open follow-ups leave (sign "-") or join ("+") the
 * organisation of row. */
#define ORG_FOLLOWUPS_MOVE(row, sign) \
    "UPDATE org_figures SET open_followups = open_followups " sign " " \
    "(SELECT count(*) FROM followup WHERE contact_id = " row ".id AND state = 0 " \
    "AND contact_archived = 0) WHERE org_id = " row ".org_id;"
#define ORG_FOLLOWUP_COUNT(row, sign) \
    "UPDATE org_figures SET open_followups = open_followups " sign " 1 " \
    "WHERE org_id = (SELECT org_id FROM contact WHERE id = " row ".contact_id);"
#define CONTACT_LATEST_SCORE(row) \
    "UPDATE contact SET latest_score = (SELECT value FROM score s WHERE " \
    "s.contact_id = " row ".contact_id ORDER BY at DESC, id DESC LIMIT 1) " \
    "WHERE id = " row ".contact_id;"
/* How many kept figures differ from what the contacts say (rapport
 * check): organisations, contacts' latest scores, score counts. */
#define ORG_FIGURES_DIFFER \
    "SELECT (SELECT count(*) FROM (" ORG_FIGURES_SELECT ") k " \
    "LEFT JOIN org_figures s ON s.org_id = k.org_id WHERE s.org_id IS NULL " \
    "OR (s.contacts, s.end_users, s.customers, s.clients, s.users, s.decision_makers, " \
    "s.last_touch, s.open_followups) IS NOT (k.contacts, k.end_users, k.customers, " \
    "k.clients, k.users, k.decision_makers, k.last_touch, k.open_followups)) " \
    "+ (SELECT count(*) FROM contact c WHERE c.latest_score IS NOT (SELECT value FROM score s " \
    "WHERE s.contact_id = c.id ORDER BY at DESC, id DESC LIMIT 1)) " \
    "+ (SELECT count(*) FROM (" ORG_SCORE_SELECT " EXCEPT " ORG_SCORE_KEPT ")) " \
    "+ (SELECT count(*) FROM (" ORG_SCORE_KEPT " EXCEPT " ORG_SCORE_SELECT "))"
#define ORG_SCORE_KEPT "SELECT org_id, roles, value, n FROM org_score WHERE n <> 0"

#endif
