-- rapport's schema version 1, as the first migration in src/store.c
-- creates it: tests/unit/test_migrate.c builds an old database from it.
PRAGMA application_id = 1918988400;
CREATE TABLE organisation (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    notes TEXT
);
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
);
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
);
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
);
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
