-- rapport's schema version 6, as migrations 1 to 6 in src/store/ made it:
-- tests/unit/test_migrate.c builds an old database from it. Written by
-- SELECT sql FROM sqlite_schema ORDER BY rowid, leaving out FTS5's own
-- tables (CREATE VIRTUAL TABLE makes them), then the row migration 2 adds.
-- Keep as it is: it is what rapport databases of version 6 hold.
PRAGMA application_id = 1918988400;
CREATE TABLE organisation (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    notes TEXT
, budget_date TEXT CHECK (budget_date IS NULL OR budget_date GLOB '[01][0-9]-[0-3][0-9]'));
CREATE TABLE contact (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    org_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
    title TEXT,
    roles INTEGER NOT NULL DEFAULT 1,
    projects TEXT,
    goals TEXT,
    channel TEXT,
    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days >= 0),
    uid TEXT UNIQUE,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    stage INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 2),
    stage_since INTEGER NOT NULL,
    last_touch INTEGER NOT NULL,
    next_due TEXT NOT NULL DEFAULT '9999-12-31'
, note_count INTEGER NOT NULL DEFAULT 0, own_due INTEGER, department TEXT);
CREATE INDEX contact_by_name ON contact(name_key, id);
CREATE INDEX contact_by_stage ON contact(stage DESC, name_key, id);
CREATE INDEX contact_by_stage_touch ON contact(stage, last_touch, id);
CREATE INDEX contact_by_touch ON contact(last_touch, id);
CREATE INDEX contact_by_due ON contact(next_due, id);
CREATE INDEX contact_by_org ON contact(org_id, stage);
CREATE TABLE contact_email (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    email TEXT NOT NULL COLLATE NOCASE,
    position INTEGER NOT NULL
);
CREATE INDEX contact_email_by_contact ON contact_email(contact_id, position);
CREATE INDEX contact_email_by_email ON contact_email(email);
CREATE TABLE contact_phone (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    phone TEXT NOT NULL,
    position INTEGER NOT NULL
, kind TEXT);
CREATE INDEX contact_phone_by_contact ON contact_phone(contact_id, position);
CREATE TABLE contact_tag (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    tag TEXT NOT NULL COLLATE NOCASE
);
CREATE INDEX contact_tag_by_contact ON contact_tag(contact_id);
CREATE INDEX contact_tag_by_tag ON contact_tag(tag, contact_id);
CREATE TABLE stage_change (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    from_stage INTEGER,
    to_stage INTEGER NOT NULL CHECK (to_stage BETWEEN 0 AND 2),
    at INTEGER NOT NULL,
    reason TEXT
);
CREATE INDEX stage_change_by_contact ON stage_change(contact_id, at, id);
CREATE INDEX stage_change_by_time ON stage_change(at);
CREATE TABLE note (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'note',
    body TEXT NOT NULL
);
CREATE INDEX note_by_contact ON note(contact_id, at, id);
CREATE TABLE followup (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    due TEXT NOT NULL,
    due_minutes INTEGER NOT NULL DEFAULT -1,
    snoozed_until TEXT,
    effective TEXT NOT NULL,
    text TEXT NOT NULL,
    every_count INTEGER NOT NULL DEFAULT 0,
    every_unit TEXT,
    state INTEGER NOT NULL DEFAULT 0,
    done_at INTEGER,
    created INTEGER NOT NULL
, contact_archived INTEGER NOT NULL DEFAULT 0, uid TEXT);
CREATE INDEX followup_by_state ON followup(state, effective, due_minutes, id);
CREATE INDEX followup_by_effective ON followup(effective, due_minutes, id);
CREATE INDEX followup_by_contact ON followup(contact_id, state, effective);
CREATE TABLE score (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
    comment TEXT
);
CREATE INDEX score_by_contact ON score(contact_id, at, id);
CREATE INDEX followup_open ON followup(state, contact_archived, effective, due_minutes, id);
CREATE INDEX contact_quiet_default ON contact(stage, last_touch, id) WHERE cadence_days IS NULL AND archived = 0;
CREATE INDEX contact_quiet_own ON contact(stage, own_due, id) WHERE own_due IS NOT NULL AND archived = 0;
CREATE INDEX contact_active ON contact(stage) WHERE archived = 0;
CREATE TABLE journal (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    what TEXT NOT NULL DEFAULT ''
, origin INTEGER, undoable INTEGER NOT NULL DEFAULT 1);
CREATE TABLE journal_row (
    id INTEGER PRIMARY KEY,
    journal_id INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
    op TEXT NOT NULL,
    tbl TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    contact_id INTEGER,
    old_json TEXT
);
CREATE INDEX journal_row_by_entry ON journal_row(journal_id, id);
CREATE INDEX journal_row_by_contact ON journal_row(contact_id);
CREATE TABLE journal_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    recording INTEGER
);
CREATE VIRTUAL TABLE contact_fts USING fts5(name, name_key, org, emails, tags, details, prefix = '1 2', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE note_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER contact_fts_delete AFTER DELETE ON contact BEGIN DELETE FROM contact_fts WHERE rowid = OLD.id; END;
CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN INSERT INTO note_fts(rowid, body) VALUES (((NEW.contact_id << 32) | NEW.id), NEW.body); END;
CREATE TRIGGER note_fts_update AFTER UPDATE OF body, contact_id ON note BEGIN DELETE FROM note_fts WHERE rowid = ((OLD.contact_id << 32) | OLD.id); INSERT INTO note_fts(rowid, body) VALUES (((NEW.contact_id << 32) | NEW.id), NEW.body); END;
CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN DELETE FROM note_fts WHERE rowid = ((OLD.contact_id << 32) | OLD.id); END;
CREATE TRIGGER contact_email_journal_i AFTER INSERT ON contact_email WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'I', 'contact_email', NEW.id, NEW.contact_id, NULL); END;
CREATE TRIGGER contact_email_journal_u AFTER UPDATE OF contact_id, email, position ON contact_email WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'U', 'contact_email', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'email', OLD.email, 'position', OLD.position)); END;
CREATE TRIGGER contact_email_journal_d AFTER DELETE ON contact_email WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'D', 'contact_email', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'email', OLD.email, 'position', OLD.position)); END;
CREATE TRIGGER contact_tag_journal_i AFTER INSERT ON contact_tag WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'I', 'contact_tag', NEW.id, NEW.contact_id, NULL); END;
CREATE TRIGGER contact_tag_journal_u AFTER UPDATE OF contact_id, tag ON contact_tag WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'U', 'contact_tag', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'tag', OLD.tag)); END;
CREATE TRIGGER contact_tag_journal_d AFTER DELETE ON contact_tag WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'D', 'contact_tag', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'tag', OLD.tag)); END;
CREATE TRIGGER stage_change_journal_i AFTER INSERT ON stage_change WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'I', 'stage_change', NEW.id, NEW.contact_id, NULL); END;
CREATE TRIGGER stage_change_journal_u AFTER UPDATE OF contact_id, from_stage, to_stage, at, reason ON stage_change WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'U', 'stage_change', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'from_stage', OLD.from_stage, 'to_stage', OLD.to_stage, 'at', OLD.at, 'reason', OLD.reason)); END;
CREATE TRIGGER stage_change_journal_d AFTER DELETE ON stage_change WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'D', 'stage_change', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'from_stage', OLD.from_stage, 'to_stage', OLD.to_stage, 'at', OLD.at, 'reason', OLD.reason)); END;
CREATE TRIGGER note_journal_i AFTER INSERT ON note WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'I', 'note', NEW.id, NEW.contact_id, NULL); END;
CREATE TRIGGER note_journal_u AFTER UPDATE OF contact_id, at, kind, body ON note WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'U', 'note', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'at', OLD.at, 'kind', OLD.kind, 'body', OLD.body)); END;
CREATE TRIGGER note_journal_d AFTER DELETE ON note WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'D', 'note', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'at', OLD.at, 'kind', OLD.kind, 'body', OLD.body)); END;
CREATE TRIGGER score_journal_i AFTER INSERT ON score WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'I', 'score', NEW.id, NEW.contact_id, NULL); END;
CREATE TRIGGER score_journal_u AFTER UPDATE OF contact_id, at, value, comment ON score WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'U', 'score', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'at', OLD.at, 'value', OLD.value, 'comment', OLD.comment)); END;
CREATE TRIGGER score_journal_d AFTER DELETE ON score WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'D', 'score', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'at', OLD.at, 'value', OLD.value, 'comment', OLD.comment)); END;
CREATE INDEX followup_by_uid ON followup(uid) WHERE uid IS NOT NULL;
CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact BEGIN DELETE FROM contact_fts WHERE rowid = NEW.id; INSERT INTO contact_fts(rowid, name, name_key, org, emails, tags, details) SELECT c.id, c.name, c.name_key, o.name, (SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), (SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, '') FROM contact c LEFT JOIN organisation o ON o.id = c.org_id WHERE c.id = NEW.id; END;
CREATE TRIGGER contact_fts_update AFTER UPDATE OF name, name_key, org_id, title, department, projects, goals, channel ON contact BEGIN DELETE FROM contact_fts WHERE rowid = NEW.id; INSERT INTO contact_fts(rowid, name, name_key, org, emails, tags, details) SELECT c.id, c.name, c.name_key, o.name, (SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), (SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, '') FROM contact c LEFT JOIN organisation o ON o.id = c.org_id WHERE c.id = NEW.id; END;
CREATE TRIGGER organisation_fts_update AFTER UPDATE OF name ON organisation BEGIN DELETE FROM contact_fts WHERE rowid IN (SELECT id FROM contact WHERE org_id = NEW.id); INSERT INTO contact_fts(rowid, name, name_key, org, emails, tags, details) SELECT c.id, c.name, c.name_key, o.name, (SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), (SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, '') FROM contact c LEFT JOIN organisation o ON o.id = c.org_id WHERE c.org_id = NEW.id; END;
CREATE TRIGGER contact_email_fts_insert AFTER INSERT ON contact_email BEGIN DELETE FROM contact_fts WHERE rowid = NEW.contact_id; INSERT INTO contact_fts(rowid, name, name_key, org, emails, tags, details) SELECT c.id, c.name, c.name_key, o.name, (SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), (SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, '') FROM contact c LEFT JOIN organisation o ON o.id = c.org_id WHERE c.id = NEW.contact_id; END;
CREATE TRIGGER contact_email_fts_delete AFTER DELETE ON contact_email BEGIN DELETE FROM contact_fts WHERE rowid = OLD.contact_id; INSERT INTO contact_fts(rowid, name, name_key, org, emails, tags, details) SELECT c.id, c.name, c.name_key, o.name, (SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), (SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, '') FROM contact c LEFT JOIN organisation o ON o.id = c.org_id WHERE c.id = OLD.contact_id; END;
CREATE TRIGGER contact_tag_fts_insert AFTER INSERT ON contact_tag BEGIN DELETE FROM contact_fts WHERE rowid = NEW.contact_id; INSERT INTO contact_fts(rowid, name, name_key, org, emails, tags, details) SELECT c.id, c.name, c.name_key, o.name, (SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), (SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, '') FROM contact c LEFT JOIN organisation o ON o.id = c.org_id WHERE c.id = NEW.contact_id; END;
CREATE TRIGGER contact_tag_fts_delete AFTER DELETE ON contact_tag BEGIN DELETE FROM contact_fts WHERE rowid = OLD.contact_id; INSERT INTO contact_fts(rowid, name, name_key, org, emails, tags, details) SELECT c.id, c.name, c.name_key, o.name, (SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), (SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, '') FROM contact c LEFT JOIN organisation o ON o.id = c.org_id WHERE c.id = OLD.contact_id; END;
CREATE TRIGGER contact_journal_i AFTER INSERT ON contact WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'I', 'contact', NEW.id, NEW.id, NULL); END;
CREATE TRIGGER contact_journal_u AFTER UPDATE OF name, name_key, org_id, title, roles, projects, goals, channel, cadence_days, uid, created, updated, archived, version, department ON contact WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'U', 'contact', OLD.id, OLD.id, json_object('name', OLD.name, 'name_key', OLD.name_key, 'org_id', OLD.org_id, 'title', OLD.title, 'roles', OLD.roles, 'projects', OLD.projects, 'goals', OLD.goals, 'channel', OLD.channel, 'cadence_days', OLD.cadence_days, 'uid', OLD.uid, 'created', OLD.created, 'updated', OLD.updated, 'archived', OLD.archived, 'version', OLD.version, 'department', OLD.department)); END;
CREATE TRIGGER contact_journal_d AFTER DELETE ON contact WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'D', 'contact', OLD.id, OLD.id, json_object('name', OLD.name, 'name_key', OLD.name_key, 'org_id', OLD.org_id, 'title', OLD.title, 'roles', OLD.roles, 'projects', OLD.projects, 'goals', OLD.goals, 'channel', OLD.channel, 'cadence_days', OLD.cadence_days, 'uid', OLD.uid, 'created', OLD.created, 'updated', OLD.updated, 'archived', OLD.archived, 'version', OLD.version, 'department', OLD.department)); END;
CREATE TRIGGER contact_phone_journal_i AFTER INSERT ON contact_phone WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'I', 'contact_phone', NEW.id, NEW.contact_id, NULL); END;
CREATE TRIGGER contact_phone_journal_u AFTER UPDATE OF contact_id, phone, position, kind ON contact_phone WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'U', 'contact_phone', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'phone', OLD.phone, 'position', OLD.position, 'kind', OLD.kind)); END;
CREATE TRIGGER contact_phone_journal_d AFTER DELETE ON contact_phone WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'D', 'contact_phone', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'phone', OLD.phone, 'position', OLD.position, 'kind', OLD.kind)); END;
CREATE TRIGGER followup_journal_i AFTER INSERT ON followup WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'I', 'followup', NEW.id, NEW.contact_id, NULL); END;
CREATE TRIGGER followup_journal_u AFTER UPDATE OF contact_id, due, due_minutes, snoozed_until, effective, text, every_count, every_unit, state, done_at, created, uid ON followup WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'U', 'followup', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'due', OLD.due, 'due_minutes', OLD.due_minutes, 'snoozed_until', OLD.snoozed_until, 'effective', OLD.effective, 'text', OLD.text, 'every_count', OLD.every_count, 'every_unit', OLD.every_unit, 'state', OLD.state, 'done_at', OLD.done_at, 'created', OLD.created, 'uid', OLD.uid)); END;
CREATE TRIGGER followup_journal_d AFTER DELETE ON followup WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'D', 'followup', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'due', OLD.due, 'due_minutes', OLD.due_minutes, 'snoozed_until', OLD.snoozed_until, 'effective', OLD.effective, 'text', OLD.text, 'every_count', OLD.every_count, 'every_unit', OLD.every_unit, 'state', OLD.state, 'done_at', OLD.done_at, 'created', OLD.created, 'uid', OLD.uid)); END;
CREATE TABLE field_word (term TEXT NOT NULL, name_key TEXT NOT NULL, contact_id INTEGER NOT NULL, archived INTEGER NOT NULL, PRIMARY KEY (term, name_key, contact_id)) WITHOUT ROWID;
CREATE TABLE note_word (term TEXT NOT NULL, name_key TEXT NOT NULL, contact_id INTEGER NOT NULL, archived INTEGER NOT NULL, notes INTEGER NOT NULL, PRIMARY KEY (term, name_key, contact_id)) WITHOUT ROWID;
CREATE INDEX field_word_by_contact ON field_word(contact_id, term);
CREATE INDEX note_word_by_contact ON note_word(contact_id, term);
CREATE TRIGGER field_word_contact_insert AFTER INSERT ON contact BEGIN DELETE FROM field_word WHERE contact_id = NEW.id; INSERT INTO field_word(term, name_key, contact_id, archived) SELECT j.value, c.name_key, c.id, c.archived FROM contact c LEFT JOIN organisation o ON o.id = c.org_id, json_each(rapport_words(c.name || ' ' || coalesce(o.name, '') || ' ' || coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, ''))) j WHERE c.id = NEW.id; END;
CREATE TRIGGER field_word_contact_update AFTER UPDATE OF name, name_key, org_id, title, department, projects, goals, channel ON contact BEGIN DELETE FROM field_word WHERE contact_id = NEW.id; INSERT INTO field_word(term, name_key, contact_id, archived) SELECT j.value, c.name_key, c.id, c.archived FROM contact c LEFT JOIN organisation o ON o.id = c.org_id, json_each(rapport_words(c.name || ' ' || coalesce(o.name, '') || ' ' || coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, ''))) j WHERE c.id = NEW.id; END;
CREATE TRIGGER note_word_contact_rename AFTER UPDATE OF name_key ON contact WHEN NEW.name_key IS NOT OLD.name_key BEGIN UPDATE note_word SET name_key = NEW.name_key WHERE contact_id = NEW.id; END;
CREATE TRIGGER search_word_contact_archive AFTER UPDATE OF archived ON contact WHEN NEW.archived IS NOT OLD.archived BEGIN UPDATE field_word SET archived = NEW.archived WHERE contact_id = NEW.id; UPDATE note_word SET archived = NEW.archived WHERE contact_id = NEW.id; END;
CREATE TRIGGER search_word_contact_delete AFTER DELETE ON contact BEGIN DELETE FROM field_word WHERE contact_id = OLD.id; DELETE FROM note_word WHERE contact_id = OLD.id; END;
CREATE TRIGGER field_word_organisation_update AFTER UPDATE OF name ON organisation BEGIN DELETE FROM field_word WHERE contact_id IN (SELECT id FROM contact WHERE org_id = NEW.id); INSERT INTO field_word(term, name_key, contact_id, archived) SELECT j.value, c.name_key, c.id, c.archived FROM contact c LEFT JOIN organisation o ON o.id = c.org_id, json_each(rapport_words(c.name || ' ' || coalesce(o.name, '') || ' ' || coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, ''))) j WHERE c.org_id = NEW.id; END;
CREATE TRIGGER field_word_email_insert AFTER INSERT ON contact_email BEGIN DELETE FROM field_word WHERE contact_id = NEW.contact_id; INSERT INTO field_word(term, name_key, contact_id, archived) SELECT j.value, c.name_key, c.id, c.archived FROM contact c LEFT JOIN organisation o ON o.id = c.org_id, json_each(rapport_words(c.name || ' ' || coalesce(o.name, '') || ' ' || coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, ''))) j WHERE c.id = NEW.contact_id; END;
CREATE TRIGGER field_word_email_update AFTER UPDATE OF email, contact_id ON contact_email BEGIN DELETE FROM field_word WHERE contact_id = OLD.contact_id; INSERT INTO field_word(term, name_key, contact_id, archived) SELECT j.value, c.name_key, c.id, c.archived FROM contact c LEFT JOIN organisation o ON o.id = c.org_id, json_each(rapport_words(c.name || ' ' || coalesce(o.name, '') || ' ' || coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, ''))) j WHERE c.id = OLD.contact_id; DELETE FROM field_word WHERE contact_id = NEW.contact_id; INSERT INTO field_word(term, name_key, contact_id, archived) SELECT j.value, c.name_key, c.id, c.archived FROM contact c LEFT JOIN organisation o ON o.id = c.org_id, json_each(rapport_words(c.name || ' ' || coalesce(o.name, '') || ' ' || coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, ''))) j WHERE c.id = NEW.contact_id; END;
CREATE TRIGGER field_word_email_delete AFTER DELETE ON contact_email BEGIN DELETE FROM field_word WHERE contact_id = OLD.contact_id; INSERT INTO field_word(term, name_key, contact_id, archived) SELECT j.value, c.name_key, c.id, c.archived FROM contact c LEFT JOIN organisation o ON o.id = c.org_id, json_each(rapport_words(c.name || ' ' || coalesce(o.name, '') || ' ' || coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, ''))) j WHERE c.id = OLD.contact_id; END;
CREATE TRIGGER field_word_tag_insert AFTER INSERT ON contact_tag BEGIN DELETE FROM field_word WHERE contact_id = NEW.contact_id; INSERT INTO field_word(term, name_key, contact_id, archived) SELECT j.value, c.name_key, c.id, c.archived FROM contact c LEFT JOIN organisation o ON o.id = c.org_id, json_each(rapport_words(c.name || ' ' || coalesce(o.name, '') || ' ' || coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, ''))) j WHERE c.id = NEW.contact_id; END;
CREATE TRIGGER field_word_tag_update AFTER UPDATE OF tag, contact_id ON contact_tag BEGIN DELETE FROM field_word WHERE contact_id = OLD.contact_id; INSERT INTO field_word(term, name_key, contact_id, archived) SELECT j.value, c.name_key, c.id, c.archived FROM contact c LEFT JOIN organisation o ON o.id = c.org_id, json_each(rapport_words(c.name || ' ' || coalesce(o.name, '') || ' ' || coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, ''))) j WHERE c.id = OLD.contact_id; DELETE FROM field_word WHERE contact_id = NEW.contact_id; INSERT INTO field_word(term, name_key, contact_id, archived) SELECT j.value, c.name_key, c.id, c.archived FROM contact c LEFT JOIN organisation o ON o.id = c.org_id, json_each(rapport_words(c.name || ' ' || coalesce(o.name, '') || ' ' || coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, ''))) j WHERE c.id = NEW.contact_id; END;
CREATE TRIGGER field_word_tag_delete AFTER DELETE ON contact_tag BEGIN DELETE FROM field_word WHERE contact_id = OLD.contact_id; INSERT INTO field_word(term, name_key, contact_id, archived) SELECT j.value, c.name_key, c.id, c.archived FROM contact c LEFT JOIN organisation o ON o.id = c.org_id, json_each(rapport_words(c.name || ' ' || coalesce(o.name, '') || ' ' || coalesce((SELECT group_concat(email, ' ') FROM contact_email WHERE contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(tag, ' ') FROM contact_tag WHERE contact_id = c.id), '') || ' ' || coalesce(c.title, '') || ' ' || coalesce(c.department, '') || ' ' || coalesce(c.projects, '') || ' ' || coalesce(c.goals, '') || ' ' || coalesce(c.channel, ''))) j WHERE c.id = OLD.contact_id; END;
CREATE TRIGGER note_word_insert AFTER INSERT ON note BEGIN INSERT INTO note_word(term, name_key, contact_id, archived, notes) SELECT j.value, c.name_key, c.id, c.archived, 1 FROM contact c, json_each(rapport_words(NEW.body)) j WHERE c.id = NEW.contact_id ON CONFLICT (term, name_key, contact_id) DO UPDATE SET notes = notes + 1; END;
CREATE TRIGGER note_word_update AFTER UPDATE OF body, contact_id ON note BEGIN UPDATE note_word SET notes = notes - 1 WHERE contact_id = OLD.contact_id AND term IN (SELECT value FROM json_each(rapport_words(OLD.body))); DELETE FROM note_word WHERE contact_id = OLD.contact_id AND notes <= 0 AND term IN (SELECT value FROM json_each(rapport_words(OLD.body))); INSERT INTO note_word(term, name_key, contact_id, archived, notes) SELECT j.value, c.name_key, c.id, c.archived, 1 FROM contact c, json_each(rapport_words(NEW.body)) j WHERE c.id = NEW.contact_id ON CONFLICT (term, name_key, contact_id) DO UPDATE SET notes = notes + 1; END;
CREATE TRIGGER note_word_delete AFTER DELETE ON note BEGIN UPDATE note_word SET notes = notes - 1 WHERE contact_id = OLD.contact_id AND term IN (SELECT value FROM json_each(rapport_words(OLD.body))); DELETE FROM note_word WHERE contact_id = OLD.contact_id AND notes <= 0 AND term IN (SELECT value FROM json_each(rapport_words(OLD.body))); END;
CREATE INDEX organisation_by_budget ON organisation(budget_date, id) WHERE budget_date IS NOT NULL;
CREATE TABLE suggestion_dismissed (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 2),
    at INTEGER NOT NULL,
    UNIQUE (contact_id, stage)
);
CREATE INDEX contact_ready_client ON contact(stage_since, note_count, id) WHERE stage = 1 AND archived = 0 AND (trim(coalesce(projects, '')) != '' OR trim(coalesce(goals, '')) != '');
CREATE TRIGGER organisation_journal_i AFTER INSERT ON organisation WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'I', 'organisation', NEW.id, NULL, NULL); END;
CREATE TRIGGER organisation_journal_u AFTER UPDATE OF name, notes, budget_date ON organisation WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'U', 'organisation', OLD.id, NULL, json_object('name', OLD.name, 'notes', OLD.notes, 'budget_date', OLD.budget_date)); END;
CREATE TRIGGER organisation_journal_d AFTER DELETE ON organisation WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'D', 'organisation', OLD.id, NULL, json_object('name', OLD.name, 'notes', OLD.notes, 'budget_date', OLD.budget_date)); END;
CREATE TRIGGER suggestion_dismissed_journal_i AFTER INSERT ON suggestion_dismissed WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'I', 'suggestion_dismissed', NEW.id, NEW.contact_id, NULL); END;
CREATE TRIGGER suggestion_dismissed_journal_u AFTER UPDATE OF contact_id, stage, at ON suggestion_dismissed WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'U', 'suggestion_dismissed', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'stage', OLD.stage, 'at', OLD.at)); END;
CREATE TRIGGER suggestion_dismissed_journal_d AFTER DELETE ON suggestion_dismissed WHEN (SELECT recording FROM journal_state WHERE id = 1) IS NOT NULL BEGIN INSERT INTO journal_row(journal_id, op, tbl, row_id, contact_id, old_json) VALUES ((SELECT recording FROM journal_state WHERE id = 1), 'D', 'suggestion_dismissed', OLD.id, OLD.contact_id, json_object('contact_id', OLD.contact_id, 'stage', OLD.stage, 'at', OLD.at)); END;
INSERT INTO journal_state VALUES (1, NULL);
