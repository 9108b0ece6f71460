/* The schema, version by version: what each migration runs (see
 * store/migrate.c). The pieces the triggers share, and that the check
 * and the rebuild run again, are in store/schema.h. */
#include <config.h>

#include "store/schema.h"

/* Tells our file from another program's SQLite database ("rapp"). */
#define APPLICATION_ID 0x72617070

/* Version 1: the data. Keep identical to tests/data/schema-v1.sql. */
const char db_schema_v1[] =
    "PRAGMA application_id = 1918988400;\n"
    "CREATE TABLE organisation (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    name TEXT NOT NULL UNIQUE COLLATE NOCASE,\n"
    "    notes TEXT\n"
    ");\n"
    "CREATE TABLE contact (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    name TEXT NOT NULL,\n"
    "    name_key TEXT NOT NULL,\n"
    "    org_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,\n"
    "    title TEXT,\n"
    "    roles INTEGER NOT NULL DEFAULT 1,\n"
    "    projects TEXT,\n"
    "    goals TEXT,\n"
    "    channel TEXT,\n"
    "    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days >= 0),\n"
    "    uid TEXT UNIQUE,\n"
    "    created INTEGER NOT NULL,\n"
    "    updated INTEGER NOT NULL,\n"
    "    archived INTEGER NOT NULL DEFAULT 0,\n"
    "    version INTEGER NOT NULL DEFAULT 1,\n"
    "    stage INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 2),\n"
    "    stage_since INTEGER NOT NULL,\n"
    "    last_touch INTEGER NOT NULL,\n"
    "    next_due TEXT NOT NULL DEFAULT '9999-12-31'\n"
    ");\n"
    "CREATE INDEX contact_by_name ON contact(name_key, id);\n"
    "CREATE INDEX contact_by_stage ON contact(stage DESC, name_key, id);\n"
    "CREATE INDEX contact_by_stage_touch ON contact(stage, last_touch, id);\n"
    "CREATE INDEX contact_by_touch ON contact(last_touch, id);\n"
    "CREATE INDEX contact_by_due ON contact(next_due, id);\n"
    "CREATE INDEX contact_by_org ON contact(org_id, stage);\n"
    "CREATE TABLE contact_email (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    email TEXT NOT NULL COLLATE NOCASE,\n"
    "    position INTEGER NOT NULL\n"
    ");\n"
    "CREATE INDEX contact_email_by_contact ON contact_email(contact_id, position);\n"
    "CREATE INDEX contact_email_by_email ON contact_email(email);\n"
    "CREATE TABLE contact_phone (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    phone TEXT NOT NULL,\n"
    "    position INTEGER NOT NULL\n"
    ");\n"
    "CREATE INDEX contact_phone_by_contact ON contact_phone(contact_id, position);\n"
    "CREATE TABLE contact_tag (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    tag TEXT NOT NULL COLLATE NOCASE\n"
    ");\n"
    "CREATE INDEX contact_tag_by_contact ON contact_tag(contact_id);\n"
    "CREATE INDEX contact_tag_by_tag ON contact_tag(tag, contact_id);\n"
    "CREATE TABLE stage_change (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    from_stage INTEGER,\n"
    "    to_stage INTEGER NOT NULL CHECK (to_stage BETWEEN 0 AND 2),\n"
    "    at INTEGER NOT NULL,\n"
    "    reason TEXT\n"
    ");\n"
    "CREATE INDEX stage_change_by_contact ON stage_change(contact_id, at, id);\n"
    "CREATE INDEX stage_change_by_time ON stage_change(at);\n"
    "CREATE TABLE note (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    at INTEGER NOT NULL,\n"
    "    kind TEXT NOT NULL DEFAULT 'note',\n"
    "    body TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX note_by_contact ON note(contact_id, at, id);\n"
    "CREATE TABLE followup (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    due TEXT NOT NULL,\n"
    "    due_minutes INTEGER NOT NULL DEFAULT -1,\n"
    "    snoozed_until TEXT,\n"
    "    effective TEXT NOT NULL,\n"
    "    text TEXT NOT NULL,\n"
    "    every_count INTEGER NOT NULL DEFAULT 0,\n"
    "    every_unit TEXT,\n"
    "    state INTEGER NOT NULL DEFAULT 0,\n"
    "    done_at INTEGER,\n"
    "    created INTEGER NOT NULL\n"
    ");\n"
    "CREATE INDEX followup_by_state ON followup(state, effective, due_minutes, id);\n"
    "CREATE INDEX followup_by_effective ON followup(effective, due_minutes, id);\n"
    "CREATE INDEX followup_by_contact ON followup(contact_id, state, effective);\n"
    "CREATE TABLE score (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    at INTEGER NOT NULL,\n"
    "    value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),\n"
    "    comment TEXT\n"
    ");\n"
    "CREATE INDEX score_by_contact ON score(contact_id, at, id);\n";

/* Version 2: the undo journal, full-text search, the note count. */
const char db_schema_v2[] =
    "ALTER TABLE contact ADD COLUMN note_count INTEGER NOT NULL DEFAULT 0;\n"
    "UPDATE contact SET note_count = (SELECT count(*) FROM note WHERE note.contact_id = contact.id);\n"
    /* The contact's archived flag, copied, so the agenda counts open
     * follow-ups of active contacts from one index. */
    "ALTER TABLE followup ADD COLUMN contact_archived INTEGER NOT NULL DEFAULT 0;\n"
    "UPDATE followup SET contact_archived = (SELECT archived FROM contact WHERE contact.id = followup.contact_id);\n"
    "CREATE INDEX followup_open ON followup(state, contact_archived, effective, due_minutes, id);\n"
    /* Gone quiet, read through two partial indexes: see quiet_stage(). */
    "ALTER TABLE contact ADD COLUMN own_due INTEGER;\n"
    "UPDATE contact SET own_due = CASE WHEN cadence_days > 0 "
    "THEN last_touch + 86400 * cadence_days END;\n"
    "CREATE INDEX contact_quiet_default ON contact(stage, last_touch, id) "
    "WHERE cadence_days IS NULL AND archived = 0;\n"
    "CREATE INDEX contact_quiet_own ON contact(stage, own_due, id) "
    "WHERE own_due IS NOT NULL AND archived = 0;\n"
    /* Counts of active contacts per stage (pipeline headers, funnel). */
    "CREATE INDEX contact_active ON contact(stage) WHERE archived = 0;\n"
    "CREATE TABLE journal (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    at INTEGER NOT NULL,\n"
    "    what TEXT NOT NULL DEFAULT ''\n"
    ");\n"
    "CREATE TABLE journal_row (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    journal_id INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,\n"
    "    op TEXT NOT NULL,\n"
    "    tbl TEXT NOT NULL,\n"
    "    row_id INTEGER NOT NULL,\n"
    "    contact_id INTEGER,\n"
    "    old_json TEXT\n"
    ");\n"
    "CREATE INDEX journal_row_by_entry ON journal_row(journal_id, id);\n"
    "CREATE INDEX journal_row_by_contact ON journal_row(contact_id);\n"
    /* The triggers live in the main schema, so the flag must too. */
    "CREATE TABLE journal_state (\n"
    "    id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "    recording INTEGER\n"
    ");\n"
    "INSERT INTO journal_state VALUES (1, NULL);\n"
    /* Prefix indexes make the first letters typed into a search cheap. */
    SEARCH_INDEX_FILL
    "CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact BEGIN "
    CONTACT_FTS_REFRESH("NEW.id") "END;\n"
    "CREATE TRIGGER contact_fts_update AFTER UPDATE OF name, name_key, org_id, title, "
    "projects, goals, channel ON contact BEGIN "
    CONTACT_FTS_REFRESH("NEW.id") "END;\n"
    "CREATE TRIGGER contact_fts_delete AFTER DELETE ON contact BEGIN "
    "DELETE FROM contact_fts WHERE rowid = OLD.id; END;\n"
    "CREATE TRIGGER organisation_fts_update AFTER UPDATE OF name ON organisation BEGIN "
    "DELETE FROM contact_fts WHERE rowid IN (SELECT id FROM contact WHERE org_id = NEW.id); "
    CONTACT_FTS_INSERT "WHERE c.org_id = NEW.id; END;\n"
    "CREATE TRIGGER contact_email_fts_insert AFTER INSERT ON contact_email BEGIN "
    CONTACT_FTS_REFRESH("NEW.contact_id") "END;\n"
    "CREATE TRIGGER contact_email_fts_delete AFTER DELETE ON contact_email BEGIN "
    CONTACT_FTS_REFRESH("OLD.contact_id") "END;\n"
    "CREATE TRIGGER contact_tag_fts_insert AFTER INSERT ON contact_tag BEGIN "
    CONTACT_FTS_REFRESH("NEW.contact_id") "END;\n"
    "CREATE TRIGGER contact_tag_fts_delete AFTER DELETE ON contact_tag BEGIN "
    CONTACT_FTS_REFRESH("OLD.contact_id") "END;\n"
    "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN "
    "INSERT INTO note_fts(rowid, body) VALUES (" NOTE_FTS_ROWID("NEW") ", NEW.body); END;\n"
    "CREATE TRIGGER note_fts_update AFTER UPDATE OF body, contact_id ON note BEGIN "
    "DELETE FROM note_fts WHERE rowid = " NOTE_FTS_ROWID("OLD") "; "
    "INSERT INTO note_fts(rowid, body) VALUES (" NOTE_FTS_ROWID("NEW") ", NEW.body); END;\n"
    "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN "
    "DELETE FROM note_fts WHERE rowid = " NOTE_FTS_ROWID("OLD") "; END;\n";

/* Version 3: which connection wrote each journal entry, and entries
 * that only mark a change that cannot be undone (a forget). */
const char db_schema_v3[] =
    "ALTER TABLE journal ADD COLUMN origin INTEGER;\n"
    "ALTER TABLE journal ADD COLUMN undoable INTEGER NOT NULL DEFAULT 1;\n";

/* Version 4: a contact's department (vCard's ORG has one, and so do
 * Google's and Outlook's files), a phone number's kind (so an address
 * book keeps a mobile and a work number apart), and the UID a calendar
 * item came with (so importing that calendar again finds it). Every
 * trigger that writes a contact's full-text row is made again, with the
 * department; so are the journal triggers of the three tables, by
 * db_migrate_v4_triggers. The full-text rows need no rewrite: no contact
 * has a department yet. */
const char db_schema_v4[] =
    "ALTER TABLE contact ADD COLUMN department TEXT;\n"
    "ALTER TABLE contact_phone ADD COLUMN kind TEXT;\n"
    "ALTER TABLE followup ADD COLUMN uid TEXT;\n"
    "CREATE INDEX followup_by_uid ON followup(uid) WHERE uid IS NOT NULL;\n"
    "DROP TRIGGER contact_fts_insert;\n"
    "DROP TRIGGER contact_fts_update;\n"
    "DROP TRIGGER organisation_fts_update;\n"
    "DROP TRIGGER contact_email_fts_insert;\n"
    "DROP TRIGGER contact_email_fts_delete;\n"
    "DROP TRIGGER contact_tag_fts_insert;\n"
    "DROP TRIGGER contact_tag_fts_delete;\n"
    "CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact BEGIN "
    CONTACT_FTS_REFRESH_V4("NEW.id") "END;\n"
    "CREATE TRIGGER contact_fts_update AFTER UPDATE OF name, name_key, org_id, title, "
    "department, projects, goals, channel ON contact BEGIN "
    CONTACT_FTS_REFRESH_V4("NEW.id") "END;\n"
    "CREATE TRIGGER organisation_fts_update AFTER UPDATE OF name ON organisation BEGIN "
    "DELETE FROM contact_fts WHERE rowid IN (SELECT id FROM contact WHERE org_id = NEW.id); "
    CONTACT_FTS_INSERT_V4 "WHERE c.org_id = NEW.id; END;\n"
    "CREATE TRIGGER contact_email_fts_insert AFTER INSERT ON contact_email BEGIN "
    CONTACT_FTS_REFRESH_V4("NEW.contact_id") "END;\n"
    "CREATE TRIGGER contact_email_fts_delete AFTER DELETE ON contact_email BEGIN "
    CONTACT_FTS_REFRESH_V4("OLD.contact_id") "END;\n"
    "CREATE TRIGGER contact_tag_fts_insert AFTER INSERT ON contact_tag BEGIN "
    CONTACT_FTS_REFRESH_V4("NEW.contact_id") "END;\n"
    "CREATE TRIGGER contact_tag_fts_delete AFTER DELETE ON contact_tag BEGIN "
    CONTACT_FTS_REFRESH_V4("OLD.contact_id") "END;\n"
    "DROP TRIGGER contact_journal_i;\n"
    "DROP TRIGGER contact_journal_u;\n"
    "DROP TRIGGER contact_journal_d;\n"
    "DROP TRIGGER contact_phone_journal_i;\n"
    "DROP TRIGGER contact_phone_journal_u;\n"
    "DROP TRIGGER contact_phone_journal_d;\n"
    "DROP TRIGGER followup_journal_i;\n"
    "DROP TRIGGER followup_journal_u;\n"
    "DROP TRIGGER followup_journal_d;\n";

/* Version 5: the words search as you type reads, a row per contact and
 * word in (term, name_key, contact_id) order. A prefix typed is a range
 * of terms, and one term's contacts come in the order of the name list,
 * so the first window of a common prefix is read without sorting its
 * thousands of matches. Each row has its contact's archived flag, so
 * the list's usual filter needs no contact row to count the matches.
 * note_word counts the notes that hold the word, so deleting one note
 * keeps the words the others hold. */
const char db_schema_v5[] =
    "CREATE TABLE field_word (term TEXT NOT NULL, name_key TEXT NOT NULL, "
    "contact_id INTEGER NOT NULL, archived INTEGER NOT NULL, "
    "PRIMARY KEY (term, name_key, contact_id)) WITHOUT ROWID;\n"
    "CREATE TABLE note_word (term TEXT NOT NULL, name_key TEXT NOT NULL, "
    "contact_id INTEGER NOT NULL, archived INTEGER NOT NULL, notes INTEGER NOT NULL, "
    "PRIMARY KEY (term, name_key, contact_id)) WITHOUT ROWID;\n"
    SEARCH_WORDS_FILL
    "CREATE INDEX field_word_by_contact ON field_word(contact_id, term);\n"
    "CREATE INDEX note_word_by_contact ON note_word(contact_id, term);\n"
    "CREATE TRIGGER field_word_contact_insert AFTER INSERT ON contact BEGIN "
    FIELD_WORD_REFRESH("NEW.id") "END;\n"
    "CREATE TRIGGER field_word_contact_update AFTER UPDATE OF name, name_key, org_id, "
    "title, department, projects, goals, channel ON contact BEGIN "
    FIELD_WORD_REFRESH("NEW.id") "END;\n"
    "CREATE TRIGGER note_word_contact_rename AFTER UPDATE OF name_key ON contact "
    "WHEN NEW.name_key IS NOT OLD.name_key BEGIN "
    "UPDATE note_word SET name_key = NEW.name_key WHERE contact_id = NEW.id; END;\n"
    "CREATE TRIGGER search_word_contact_archive AFTER UPDATE OF archived ON contact "
    "WHEN NEW.archived IS NOT OLD.archived BEGIN "
    "UPDATE field_word SET archived = NEW.archived WHERE contact_id = NEW.id; "
    "UPDATE note_word SET archived = NEW.archived WHERE contact_id = NEW.id; END;\n"
    "CREATE TRIGGER search_word_contact_delete AFTER DELETE ON contact BEGIN "
    "DELETE FROM field_word WHERE contact_id = OLD.id; "
    "DELETE FROM note_word WHERE contact_id = OLD.id; END;\n"
    "CREATE TRIGGER field_word_organisation_update AFTER UPDATE OF name ON organisation BEGIN "
    "DELETE FROM field_word WHERE contact_id IN (SELECT id FROM contact WHERE org_id = NEW.id); "
    FIELD_WORD_INSERT "WHERE c.org_id = NEW.id; END;\n"
    "CREATE TRIGGER field_word_email_insert AFTER INSERT ON contact_email BEGIN "
    FIELD_WORD_REFRESH("NEW.contact_id") "END;\n"
    "CREATE TRIGGER field_word_email_update AFTER UPDATE OF email, contact_id ON contact_email BEGIN "
    FIELD_WORD_REFRESH("OLD.contact_id") FIELD_WORD_REFRESH("NEW.contact_id") "END;\n"
    "CREATE TRIGGER field_word_email_delete AFTER DELETE ON contact_email BEGIN "
    FIELD_WORD_REFRESH("OLD.contact_id") "END;\n"
    "CREATE TRIGGER field_word_tag_insert AFTER INSERT ON contact_tag BEGIN "
    FIELD_WORD_REFRESH("NEW.contact_id") "END;\n"
    "CREATE TRIGGER field_word_tag_update AFTER UPDATE OF tag, contact_id ON contact_tag BEGIN "
    FIELD_WORD_REFRESH("OLD.contact_id") FIELD_WORD_REFRESH("NEW.contact_id") "END;\n"
    "CREATE TRIGGER field_word_tag_delete AFTER DELETE ON contact_tag BEGIN "
    FIELD_WORD_REFRESH("OLD.contact_id") "END;\n"
    "CREATE TRIGGER note_word_insert AFTER INSERT ON note BEGIN "
    NOTE_WORD_ADD("NEW") "END;\n"
    "CREATE TRIGGER note_word_update AFTER UPDATE OF body, contact_id ON note BEGIN "
    NOTE_WORD_DROP("OLD") NOTE_WORD_ADD("NEW") "END;\n"
    "CREATE TRIGGER note_word_delete AFTER DELETE ON note BEGIN "
    NOTE_WORD_DROP("OLD") "END;\n";

/* Version 6: an organisation's budget date (MM-DD, the start of its
 * budget year or round), read by the Review's Budget season through
 * its partial index; the suggestions of Ready to move up a user
 * dismissed, one row per contact and stage, so a dismissed contact is
 * not suggested again for that stage. End users who may be ready are
 * read by contact_by_stage_touch (who was not touched within the
 * window cannot be); customers with projects or goals, the only ones
 * who may become clients, have a partial index of their own, by how
 * long they have been customers. The organisation's journal triggers
 * are made again with the new column, and the new table's are made, by
 * db_migrate_v6_triggers. */
const char db_schema_v6[] =
    "ALTER TABLE organisation ADD COLUMN budget_date TEXT "
    "CHECK (budget_date IS NULL OR budget_date GLOB '[01][0-9]-[0-3][0-9]');\n"
    "CREATE INDEX organisation_by_budget ON organisation(budget_date, id) "
    "WHERE budget_date IS NOT NULL;\n"
    "CREATE TABLE suggestion_dismissed (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 2),\n"
    "    at INTEGER NOT NULL,\n"
    "    UNIQUE (contact_id, stage)\n"
    ");\n"
    /* Customers who could be clients: those with projects or goals, by
     * how long they have been customers, with their interactions. */
    "CREATE INDEX contact_ready_client ON contact(stage_since, note_count, id) "
    "WHERE " CONTACT_READY_CLIENT ";\n"
    "DROP TRIGGER organisation_journal_i;\n"
    "DROP TRIGGER organisation_journal_u;\n"
    "DROP TRIGGER organisation_journal_d;\n";

/* Version 7, in parts, each a feature's own tables and columns; the
 * migration runs them in this order, then remakes every journal trigger
 * (db_migrate_v7_triggers) with the columns journaled[] lists. */

/* Who did what, and owners, in a team database: the login of whoever
 * wrote a note, a stage change, a score, a journal entry (an archive,
 * an import), who scheduled a follow-up, whom it is for, who did it;
 * a contact's owner. Rows from before were all written by the owner of
 * the file (a database was private until this version), whose login
 * rapport_file_owner() gives during the migration. */
const char db_schema_v7_team[] =
    "ALTER TABLE note ADD COLUMN author TEXT;\n"
    "ALTER TABLE stage_change ADD COLUMN author TEXT;\n"
    "ALTER TABLE score ADD COLUMN author TEXT;\n"
    "ALTER TABLE followup ADD COLUMN created_by TEXT;\n"
    "ALTER TABLE followup ADD COLUMN assigned_to TEXT;\n"
    "ALTER TABLE followup ADD COLUMN done_by TEXT;\n"
    "ALTER TABLE contact ADD COLUMN owner TEXT;\n"
    "ALTER TABLE journal ADD COLUMN author TEXT;\n"
    "UPDATE note SET author = rapport_file_owner();\n"
    "UPDATE stage_change SET author = rapport_file_owner();\n"
    "UPDATE score SET author = rapport_file_owner();\n"
    "UPDATE followup SET created_by = rapport_file_owner(), "
    "assigned_to = rapport_file_owner(), "
    "done_by = CASE WHEN state = 1 THEN rapport_file_owner() END;\n"
    "UPDATE journal SET author = rapport_file_owner();\n"
    /* "My follow-ups": those for me, in the order the agenda reads. */
    "CREATE INDEX followup_for ON followup(assigned_to, state, contact_archived, "
    "effective, due_minutes, id);\n"
    "CREATE INDEX contact_by_owner ON contact(owner, stage, last_touch, id) "
    "WHERE owner IS NOT NULL;\n"
    "CREATE INDEX note_by_author ON note(author, at);\n";

/* Postal addresses, web pages and the other properties of a card: a
 * contact's postal addresses in vCard's seven parts with their kind, its
 * web pages with theirs, and every other property of a card it came
 * from, kept as the content line the file had (unfolded), so an export
 * gives it back. Each list in the order it was given, as emails are. */
const char db_schema_v7_fields[] =
    "CREATE TABLE contact_address (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    position INTEGER NOT NULL,\n"
    "    kind TEXT,\n"
    "    pobox TEXT,\n"
    "    extended TEXT,\n"
    "    street TEXT,\n"
    "    locality TEXT,\n"
    "    region TEXT,\n"
    "    code TEXT,\n"
    "    country TEXT\n"
    ");\n"
    "CREATE INDEX contact_address_by_contact ON contact_address(contact_id, position);\n"
    "CREATE TABLE contact_url (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    position INTEGER NOT NULL,\n"
    "    url TEXT NOT NULL,\n"
    "    kind TEXT\n"
    ");\n"
    "CREATE INDEX contact_url_by_contact ON contact_url(contact_id, position);\n"
    "CREATE TABLE contact_extra (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    position INTEGER NOT NULL,\n"
    "    line TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX contact_extra_by_contact ON contact_extra(contact_id, position);\n";

/* Mail recorded as interactions, and the queue of unmatched mail. */
const char db_schema_v7_mail[] = "";

/* The contact page: redo, paused cadences. */
const char db_schema_v7_contact_page[] = "";

/* The words search reads. */
const char db_schema_v7_search[] = "";

/* Figures per organisation, kept for the Organisations screen's sorts. */
const char db_schema_v7_orgs[] = "";
