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
    "CREATE INDEX note_by_author ON note(author, at);\n"
    /* A member's own contacts gone quiet, as contact_quiet_default and
     * contact_quiet_own read everyone's (store/quiet.c). */
    "CREATE INDEX contact_quiet_default_owner ON contact(owner, stage, last_touch, id) "
    "WHERE cadence_days IS NULL AND archived = 0 AND owner IS NOT NULL;\n"
    "CREATE INDEX contact_quiet_own_owner ON contact(owner, stage, own_due, id) "
    "WHERE own_due IS NOT NULL AND archived = 0 AND owner IS NOT NULL;\n";

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

/* Mail recorded as interactions, and the queue of unmatched mail. A
 * note that came from a message keeps its Message-ID, so the same
 * message piped again adds nothing; a message that named no contact
 * waits in mail_review with what rapport kept of it (whom it is about,
 * its date, subject and text), never the raw message, newest first. */
const char db_schema_v7_mail[] =
    "ALTER TABLE note ADD COLUMN message_id TEXT;\n"
    "CREATE INDEX note_by_message_id ON note(message_id) WHERE message_id IS NOT NULL;\n"
    "CREATE TABLE mail_review (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    message_id TEXT NOT NULL UNIQUE,\n"
    "    at INTEGER NOT NULL,\n"
    "    received INTEGER NOT NULL,\n"
    "    name TEXT,\n"
    "    email TEXT NOT NULL,\n"
    "    subject TEXT,\n"
    "    body TEXT NOT NULL,\n"
    "    kind TEXT NOT NULL DEFAULT 'email'\n"
    ");\n"
    "CREATE INDEX mail_review_by_at ON mail_review(at, id);\n";

/* The contact page: redo, paused cadences. An undone entry of the
 * journal is kept, marked undone, with the rows its undoing changed, so
 * that reverting them redoes it; a new change drops every undone entry.
 * A contact's cadence may be paused until a day (YYYY-MM-DD) with a
 * reason: gone quiet leaves them out before that day. One row per
 * contact, journaled like the contact's own columns. */
const char db_schema_v7_contact_page[] =
    "ALTER TABLE journal ADD COLUMN undone INTEGER NOT NULL DEFAULT 0;\n"
    "CREATE INDEX journal_undone ON journal(undone, id);\n"
    "CREATE TABLE contact_pause (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    contact_id INTEGER NOT NULL UNIQUE REFERENCES contact(id) ON DELETE CASCADE,\n"
    "    until TEXT NOT NULL CHECK (until GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),\n"
    "    reason TEXT,\n"
    "    at INTEGER NOT NULL\n"
    ");\n";

/* The words search reads, and an import that indexes them a batch at a
 * time. While search_state.deferring is set (only inside an import's
 * transaction, never committed so), the triggers that index a contact's
 * or a new note's words note the contact or the note instead, and
 * store_search_catch_up() indexes those in a few statements; FTS5
 * writes what it holds to disk at every savepoint, and an import keeps
 * each record in one, so indexing as it went wrote the full-text tables
 * a segment per record, and their merges again and again. Every trigger
 * that indexes a contact as a whole, or a new note, is made again with
 * its WHEN. */
#define SEARCH_NOW "WHEN (SELECT deferring FROM search_state WHERE id = 1) IS NULL "
#define SEARCH_LATER "WHEN (SELECT deferring FROM search_state WHERE id = 1) IS NOT NULL "
#define SEARCH_PENDING(x) "INSERT OR IGNORE INTO search_pending(contact_id) VALUES (" x "); "
#define LATER_TRIGGERS(name, event, x) \
    "CREATE TRIGGER search_" name " AFTER " event " " SEARCH_NOW "BEGIN " \
    CONTACT_WORDS_REFRESH_V7(x) "END;\n" \
    "CREATE TRIGGER search_later_" name " AFTER " event " " SEARCH_LATER "BEGIN " \
    SEARCH_PENDING(x) "END;\n"
#define LATER_TRIGGERS2(name, event, x, y) \
    "CREATE TRIGGER search_" name " AFTER " event " " SEARCH_NOW "BEGIN " \
    CONTACT_WORDS_REFRESH_V7(x) CONTACT_WORDS_REFRESH_V7(y) "END;\n" \
    "CREATE TRIGGER search_later_" name " AFTER " event " " SEARCH_LATER "BEGIN " \
    SEARCH_PENDING(x) SEARCH_PENDING(y) "END;\n"
#define NOTE_INDEXED "WHEN NOT EXISTS (SELECT 1 FROM search_pending_note WHERE note_id = OLD.id) "
/* A word row's (contact_id, term) in its table's _by_contact. */
#define BY_CONTACT_TRIGGERS(t) \
    "CREATE TRIGGER " t "_by_contact_insert AFTER INSERT ON " t " BEGIN " \
    "INSERT OR IGNORE INTO " t "_by_contact(contact_id, term) VALUES (NEW.contact_id, NEW.term); END;\n" \
    "CREATE TRIGGER " t "_by_contact_delete AFTER DELETE ON " t " BEGIN " \
    "DELETE FROM " t "_by_contact WHERE contact_id = OLD.contact_id AND term = OLD.term; END;\n"
#define CONTACT_FIELDS "name, name_key, org_id, title, department, projects, goals, channel"
const char db_schema_v7_search[] =
    "CREATE TABLE search_state (\n"
    "    id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "    deferring INTEGER\n"
    ");\n"
    "INSERT INTO search_state VALUES (1, NULL);\n"
    "CREATE TABLE search_pending (contact_id INTEGER PRIMARY KEY);\n"
    "CREATE TABLE search_pending_note (note_id INTEGER PRIMARY KEY);\n"
    "DROP TRIGGER contact_fts_insert;\n"
    "DROP TRIGGER contact_fts_update;\n"
    "DROP TRIGGER organisation_fts_update;\n"
    "DROP TRIGGER contact_email_fts_insert;\n"
    "DROP TRIGGER contact_email_fts_delete;\n"
    "DROP TRIGGER contact_tag_fts_insert;\n"
    "DROP TRIGGER contact_tag_fts_delete;\n"
    "DROP TRIGGER note_fts_insert;\n"
    "DROP TRIGGER field_word_contact_insert;\n"
    "DROP TRIGGER field_word_contact_update;\n"
    "DROP TRIGGER field_word_organisation_update;\n"
    "DROP TRIGGER field_word_email_insert;\n"
    "DROP TRIGGER field_word_email_update;\n"
    "DROP TRIGGER field_word_email_delete;\n"
    "DROP TRIGGER field_word_tag_insert;\n"
    "DROP TRIGGER field_word_tag_update;\n"
    "DROP TRIGGER field_word_tag_delete;\n"
    "DROP TRIGGER note_word_insert;\n"
    /* The word tables' terms by contact, in tables of their own. */
    "DROP INDEX field_word_by_contact;\n"
    "DROP INDEX note_word_by_contact;\n"
    "CREATE TABLE field_word_by_contact (contact_id INTEGER NOT NULL, term TEXT NOT NULL, "
    "PRIMARY KEY (contact_id, term)) WITHOUT ROWID;\n"
    "CREATE TABLE note_word_by_contact (contact_id INTEGER NOT NULL, term TEXT NOT NULL, "
    "PRIMARY KEY (contact_id, term)) WITHOUT ROWID;\n"
    "INSERT OR IGNORE INTO field_word_by_contact SELECT contact_id, term FROM field_word;\n"
    "INSERT OR IGNORE INTO note_word_by_contact SELECT contact_id, term FROM note_word;\n"
    BY_CONTACT_TRIGGERS("field_word")
    BY_CONTACT_TRIGGERS("note_word")
    /* What found a contact's rows by its id now finds them by their key. */
    "DROP TRIGGER note_word_contact_rename;\n"
    "DROP TRIGGER search_word_contact_archive;\n"
    "DROP TRIGGER search_word_contact_delete;\n"
    "DROP TRIGGER note_word_update;\n"
    "DROP TRIGGER note_word_delete;\n"
    "CREATE TRIGGER search_word_contact_rename AFTER UPDATE OF name_key, archived ON contact "
    "WHEN NEW.name_key IS NOT OLD.name_key OR NEW.archived IS NOT OLD.archived BEGIN "
    "UPDATE field_word SET name_key = NEW.name_key, archived = NEW.archived WHERE "
    WORDS_OF("field_word", "NEW.id", "OLD.name_key, NEW.name_key") "; "
    "UPDATE note_word SET name_key = NEW.name_key, archived = NEW.archived WHERE "
    WORDS_OF("note_word", "NEW.id", "OLD.name_key, NEW.name_key") "; END;\n"
    "CREATE TRIGGER search_word_contact_delete AFTER DELETE ON contact BEGIN "
    "DELETE FROM field_word WHERE " WORDS_OF("field_word", "OLD.id", "OLD.name_key") "; "
    "DELETE FROM note_word WHERE " WORDS_OF("note_word", "OLD.id", "OLD.name_key") "; END;\n"
    "CREATE TRIGGER note_word_update AFTER UPDATE OF body, contact_id ON note " NOTE_INDEXED
    "BEGIN " NOTE_WORD_DROP_V7("OLD") NOTE_WORD_ADD("NEW") "END;\n"
    "CREATE TRIGGER note_word_delete AFTER DELETE ON note " NOTE_INDEXED "BEGIN "
    NOTE_WORD_DROP_V7("OLD") "END;\n"
    LATER_TRIGGERS("contact_insert", "INSERT ON contact", "NEW.id")
    "CREATE TRIGGER search_contact_update AFTER UPDATE OF " CONTACT_FIELDS " ON contact "
    SEARCH_NOW "BEGIN " CONTACT_WORDS_REFRESH_KEYS_V7("NEW.id", "OLD.name_key, NEW.name_key")
    "END;\n"
    "CREATE TRIGGER search_later_contact_update AFTER UPDATE OF " CONTACT_FIELDS " ON contact "
    SEARCH_LATER "BEGIN " SEARCH_PENDING("NEW.id") "END;\n"
    LATER_TRIGGERS("email_insert", "INSERT ON contact_email", "NEW.contact_id")
    LATER_TRIGGERS2("email_update", "UPDATE OF email, contact_id ON contact_email",
                    "OLD.contact_id", "NEW.contact_id")
    LATER_TRIGGERS("email_delete", "DELETE ON contact_email", "OLD.contact_id")
    LATER_TRIGGERS("tag_insert", "INSERT ON contact_tag", "NEW.contact_id")
    LATER_TRIGGERS2("tag_update", "UPDATE OF tag, contact_id ON contact_tag",
                    "OLD.contact_id", "NEW.contact_id")
    LATER_TRIGGERS("tag_delete", "DELETE ON contact_tag", "OLD.contact_id")
    LATER_TRIGGERS("phone_insert", "INSERT ON contact_phone", "NEW.contact_id")
    LATER_TRIGGERS2("phone_update", "UPDATE OF phone, contact_id ON contact_phone",
                    "OLD.contact_id", "NEW.contact_id")
    LATER_TRIGGERS("phone_delete", "DELETE ON contact_phone", "OLD.contact_id")
    LATER_TRIGGERS("address_insert", "INSERT ON contact_address", "NEW.contact_id")
    LATER_TRIGGERS2("address_update", "UPDATE ON contact_address",
                    "OLD.contact_id", "NEW.contact_id")
    LATER_TRIGGERS("address_delete", "DELETE ON contact_address", "OLD.contact_id")
    LATER_TRIGGERS("url_insert", "INSERT ON contact_url", "NEW.contact_id")
    LATER_TRIGGERS2("url_update", "UPDATE OF url, contact_id ON contact_url",
                    "OLD.contact_id", "NEW.contact_id")
    LATER_TRIGGERS("url_delete", "DELETE ON contact_url", "OLD.contact_id")
    LATER_TRIGGERS("followup_insert", "INSERT ON followup", "NEW.contact_id")
    LATER_TRIGGERS2("followup_update", "UPDATE OF text, state, contact_id ON followup",
                    "OLD.contact_id", "NEW.contact_id")
    LATER_TRIGGERS("followup_delete", "DELETE ON followup", "OLD.contact_id")
    /* An organisation renamed: its contacts' rows at once (rare, and
     * never during an import). */
    "CREATE TRIGGER search_organisation_update AFTER UPDATE OF name ON organisation BEGIN "
    "DELETE FROM contact_fts WHERE rowid IN (SELECT id FROM contact WHERE org_id = NEW.id); "
    CONTACT_FTS_INSERT_V7 "WHERE c.org_id = NEW.id; "
    "DELETE FROM field_word WHERE (term, name_key, contact_id) IN (SELECT b.term, c.name_key, c.id "
    "FROM contact c CROSS JOIN field_word_by_contact b ON b.contact_id = c.id "
    "WHERE c.org_id = NEW.id); "
    FIELD_WORD_INSERT_V7 "WHERE c.org_id = NEW.id; END;\n"
    /* The notes' full-text rows read the notes themselves (external
     * content): no second copy of every note. A note still waiting for
     * its words (an import's) is not in the index yet, and must not be
     * deleted from it. */
    "DROP TRIGGER note_fts_update;\n"
    "DROP TRIGGER note_fts_delete;\n"
    "DROP TABLE note_fts;\n"
    NOTE_FTS_CREATE_V7
    "INSERT INTO note_fts(note_fts) VALUES ('rebuild');\n"
    "CREATE TRIGGER note_fts_insert AFTER INSERT ON note " SEARCH_NOW "BEGIN "
    "INSERT INTO note_fts(rowid, body) VALUES (NEW.id, NEW.body); "
    NOTE_WORD_ADD("NEW") "END;\n"
    "CREATE TRIGGER note_fts_update AFTER UPDATE OF body ON note " NOTE_INDEXED "BEGIN "
    NOTE_FTS_DROP_V7("OLD") "INSERT INTO note_fts(rowid, body) VALUES (NEW.id, NEW.body); END;\n"
    "CREATE TRIGGER note_fts_delete AFTER DELETE ON note " NOTE_INDEXED "BEGIN "
    NOTE_FTS_DROP_V7("OLD") "END;\n"
    "CREATE TRIGGER search_later_note_insert AFTER INSERT ON note " SEARCH_LATER "BEGIN "
    "INSERT INTO search_pending_note(note_id) VALUES (NEW.id); END;\n"
    /* Every contact's words again, with its phones and follow-ups. */
    "DELETE FROM contact_fts;\n"
    CONTACT_FTS_INSERT_V7 ";\n"
    "DELETE FROM field_word;\n"
    FIELD_WORD_INSERT_V7 ";\n";

/* Figures per organisation, kept for the Organisations screen: what a
 * row shows and what it sorts by, read without its contacts. For each
 * organisation its active contacts in all, per stage and per role,
 * their latest interaction and open follow-ups (org_figures), and how
 * many of their latest scores have each value, per roles (org_score,
 * so NPS follows whatever [nps] thresholds the config sets). Each
 * contact carries its latest score (latest_score). All of it derived,
 * kept by triggers and never journaled: an undo rewrites the rows
 * these are made from, and the triggers follow. Filled here from what
 * is there, before the triggers exist. */
const char db_schema_v7_orgs[] =
    "ALTER TABLE contact ADD COLUMN latest_score INTEGER;\n"
    "UPDATE contact SET latest_score = (SELECT value FROM score s "
    "WHERE s.contact_id = contact.id ORDER BY at DESC, id DESC LIMIT 1) "
    "WHERE id IN (SELECT contact_id FROM score);\n"
    "CREATE TABLE org_figures (\n"
    "    org_id INTEGER PRIMARY KEY REFERENCES organisation(id) ON DELETE CASCADE,\n"
    "    contacts INTEGER NOT NULL DEFAULT 0,\n"
    "    end_users INTEGER NOT NULL DEFAULT 0,\n"
    "    customers INTEGER NOT NULL DEFAULT 0,\n"
    "    clients INTEGER NOT NULL DEFAULT 0,\n"
    "    users INTEGER NOT NULL DEFAULT 0,\n"
    "    decision_makers INTEGER NOT NULL DEFAULT 0,\n"
    "    last_touch INTEGER NOT NULL DEFAULT 0,\n"
    "    open_followups INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "CREATE TABLE org_score (\n"
    "    org_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,\n"
    "    roles INTEGER NOT NULL,\n"
    "    value INTEGER NOT NULL,\n"
    "    n INTEGER NOT NULL,\n"
    "    PRIMARY KEY (org_id, roles, value)\n"
    ") WITHOUT ROWID;\n"
    ORG_FIGURES_FILL
    "CREATE TRIGGER org_figures_org_insert AFTER INSERT ON organisation BEGIN "
    "INSERT INTO org_figures(org_id) VALUES (NEW.id) ON CONFLICT(org_id) DO NOTHING; END;\n"
    /* A contact counts where it is active. */
    "CREATE TRIGGER org_figures_contact_insert AFTER INSERT ON contact "
    "WHEN NEW.org_id IS NOT NULL AND NEW.archived = 0 BEGIN "
    ORG_CONTACT_ADD("NEW") " END;\n"
    /* Before: its follow-ups go with it, and then it is gone when they
     * are deleted. */
    "CREATE TRIGGER org_figures_contact_delete_followups BEFORE DELETE ON contact "
    "WHEN OLD.org_id IS NOT NULL BEGIN " ORG_FOLLOWUPS_MOVE("OLD", "-") " END;\n"
    "CREATE TRIGGER org_figures_contact_delete AFTER DELETE ON contact "
    "WHEN OLD.org_id IS NOT NULL AND OLD.archived = 0 BEGIN "
    ORG_CONTACT_REMOVE("OLD") " " ORG_LAST_TOUCH_AGAIN("OLD") " END;\n"
    /* Moved, archived, promoted, touched or scored: the old organisation
     * loses what the contact was, the new one gains what it is. Its
     * latest interaction is counted again only when what left may have
     * been it; a later interaction only raises it. The open follow-ups
     * move with the contact; archiving reaches them through their own
     * contact_archived. */
    "CREATE TRIGGER org_figures_contact_update AFTER UPDATE OF org_id, archived, "
    "stage, roles, last_touch, latest_score ON contact BEGIN "
    ORG_CONTACT_REMOVE_IF("OLD", "OLD.org_id IS NOT NULL AND OLD.archived = 0") " "
    ORG_CONTACT_ADD_IF("NEW", "NEW.org_id IS NOT NULL AND NEW.archived = 0") " "
    "UPDATE org_figures SET last_touch = " ORG_LAST_TOUCH("OLD.org_id") " "
    "WHERE org_id = OLD.org_id AND OLD.archived = 0 AND OLD.last_touch >= last_touch "
    "AND (OLD.org_id IS NOT NEW.org_id OR NEW.archived <> 0 OR NEW.last_touch < OLD.last_touch); "
    "END;\n"
    "CREATE TRIGGER org_figures_contact_move AFTER UPDATE OF org_id ON contact "
    "WHEN OLD.org_id IS NOT NEW.org_id BEGIN "
    ORG_FOLLOWUPS_MOVE("OLD", "-") " " ORG_FOLLOWUPS_MOVE("NEW", "+") " END;\n"
    /* An open follow-up of an active contact counts for its contact's
     * organisation. */
    "CREATE TRIGGER org_figures_followup_insert AFTER INSERT ON followup "
    "WHEN NEW.state = 0 AND NEW.contact_archived = 0 BEGIN "
    ORG_FOLLOWUP_COUNT("NEW", "+") " END;\n"
    "CREATE TRIGGER org_figures_followup_delete AFTER DELETE ON followup "
    "WHEN OLD.state = 0 AND OLD.contact_archived = 0 BEGIN "
    ORG_FOLLOWUP_COUNT("OLD", "-") " END;\n"
    "CREATE TRIGGER org_figures_followup_update AFTER UPDATE OF state, contact_archived, "
    "contact_id ON followup BEGIN "
    "UPDATE org_figures SET open_followups = open_followups - 1 WHERE OLD.state = 0 "
    "AND OLD.contact_archived = 0 AND org_id = (SELECT org_id FROM contact WHERE id = OLD.contact_id); "
    "UPDATE org_figures SET open_followups = open_followups + 1 WHERE NEW.state = 0 "
    "AND NEW.contact_archived = 0 AND org_id = (SELECT org_id FROM contact WHERE id = NEW.contact_id); "
    "END;\n"
    /* A contact's latest score follows its scores. */
    "CREATE TRIGGER latest_score_insert AFTER INSERT ON score BEGIN "
    CONTACT_LATEST_SCORE("NEW") " END;\n"
    "CREATE TRIGGER latest_score_delete AFTER DELETE ON score BEGIN "
    CONTACT_LATEST_SCORE("OLD") " END;\n"
    "CREATE TRIGGER latest_score_update AFTER UPDATE OF contact_id, at, value ON score BEGIN "
    CONTACT_LATEST_SCORE("OLD") " " CONTACT_LATEST_SCORE("NEW") " END;\n"
    /* A report's interactions in a period, by kind and by organisation,
     * read the period's notes alone (store/report.c). */
    "CREATE INDEX note_by_time ON note(at, kind, contact_id);\n"
    /* Budget season: an organisation's active decision-makers by their
     * latest interaction (store/season.c), not all its contacts. */
    "CREATE INDEX contact_deciders_by_org ON contact(org_id, last_touch) "
    "WHERE archived = 0 AND (roles & 2) != 0;\n";

/* Version 8, the owner of each follow-up's contact, kept on the
 * follow-up as contact_archived is (db_refresh_contact): "my
 * follow-ups" are those for me or on a contact I own, and with the
 * owner beside assigned_to each half is a range of an index of its own,
 * where a join to the contact walked every open follow-up. */
const char db_schema_v8_owner[] =
    "ALTER TABLE followup ADD COLUMN contact_owner TEXT;\n"
    "UPDATE followup SET contact_owner = "
    "(SELECT owner FROM contact WHERE contact.id = followup.contact_id);\n"
    /* Covering the count of the owned half, which leaves out what is
     * assigned to me (the other half, on followup_for). */
    "CREATE INDEX followup_owned ON followup(contact_owner, state, contact_archived, "
    "effective, due_minutes, id, assigned_to) WHERE contact_owner IS NOT NULL;\n";

/* Version 9, the undo journal's runs: the rows one change inserts into
 * a table one after another (an import's contacts, their addresses,
 * their notes) are one journal row, ids row_id to row_last, of the
 * contacts contact_id to contact_last, where each was a row of its own
 * (and the file's largest table after the notes' words). The insert
 * triggers find the run to extend by journal_row_by_table, the update
 * and delete triggers whether the row is one this change inserted (and
 * need not be recorded) by journal_row_inserted; forget and "changed
 * by" find the runs that span a contact by journal_row_by_span. */
const char db_schema_v9_runs[] =
    "ALTER TABLE journal_row ADD COLUMN row_last INTEGER;\n"
    "ALTER TABLE journal_row ADD COLUMN contact_last INTEGER;\n"
    "CREATE INDEX journal_row_by_table ON journal_row(journal_id, tbl, id);\n"
    "CREATE INDEX journal_row_inserted ON journal_row(journal_id, tbl, row_id) "
    "WHERE op = 'I';\n"
    "CREATE INDEX journal_row_by_span ON journal_row(contact_last, contact_id) "
    "WHERE contact_last IS NOT NULL;\n";
