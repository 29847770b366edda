-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema, version 3: full-text search.
--
-- One external-content FTS5 table per source table. The text itself stays
-- where it is (meetings.notes, commitments.text, checklist.evidence,
-- people.name); an index only holds tokens and reads the text back through
-- content_rowid when a snippet is drawn, so ten years of notes are not
-- stored twice. A single contentless index with a kind column was the
-- alternative, but contentless tables cannot return text, so snippet() and
-- highlight() would not work on them; a single external-content table over a
-- UNION view cannot find a row by rowid through an index.
--
-- unicode61 with remove_diacritics 2 folds "café" and "cafe" (and combining
-- accents) to one token; the tokenizer runs on queries as well.
--
-- The triggers keep each index equal to the set of live rows: a row is in
-- the index exactly while deleted = 0 (and, for evidence, while it is not
-- empty). External-content tables must be told the old text to remove it,
-- and must never be told to remove a row they do not hold, so every
-- 'delete' command is guarded by the same condition as the insert that
-- added the row. Soft deletion (deleted = 1) removes from the index,
-- undeletion adds back, purging a hidden row does nothing more. Rows under
-- a hidden meeting (its commitments and evidence) are filtered out at query
-- time by joining on meetings.deleted.
--
-- Writers must change rows with UPDATE or INSERT ... ON CONFLICT DO UPDATE:
-- INSERT OR REPLACE deletes without firing delete triggers unless
-- recursive_triggers is on, which would leave stale tokens behind.

CREATE VIRTUAL TABLE meetings_fts USING fts5 (
  notes,
  content = 'meetings',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE commitments_fts USING fts5 (
  text,
  content = 'commitments',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE checklist_fts USING fts5 (
  evidence,
  content = 'checklist',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE people_fts USING fts5 (
  name,
  content = 'people',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Meetings: notes, live while deleted = 0.
CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings
WHEN new.deleted = 0
BEGIN
  INSERT INTO meetings_fts (rowid, notes) VALUES (new.id, new.notes);
END;

CREATE TRIGGER meetings_fts_delete AFTER DELETE ON meetings
WHEN old.deleted = 0
BEGIN
  INSERT INTO meetings_fts (meetings_fts, rowid, notes)
    VALUES ('delete', old.id, old.notes);
END;

-- Autosave rewrites date and mood with the notes; only a change of text or
-- of the deleted flag touches the index.
CREATE TRIGGER meetings_fts_update AFTER UPDATE OF notes, deleted ON meetings
WHEN old.notes IS NOT new.notes OR old.deleted IS NOT new.deleted
BEGIN
  INSERT INTO meetings_fts (meetings_fts, rowid, notes)
    SELECT 'delete', old.id, old.notes WHERE old.deleted = 0;
  INSERT INTO meetings_fts (rowid, notes)
    SELECT new.id, new.notes WHERE new.deleted = 0;
END;

-- Commitments: text, live while deleted = 0.
CREATE TRIGGER commitments_fts_insert AFTER INSERT ON commitments
WHEN new.deleted = 0
BEGIN
  INSERT INTO commitments_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER commitments_fts_delete AFTER DELETE ON commitments
WHEN old.deleted = 0
BEGIN
  INSERT INTO commitments_fts (commitments_fts, rowid, text)
    VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER commitments_fts_update AFTER UPDATE OF text, deleted ON commitments
WHEN old.text IS NOT new.text OR old.deleted IS NOT new.deleted
BEGIN
  INSERT INTO commitments_fts (commitments_fts, rowid, text)
    SELECT 'delete', old.id, old.text WHERE old.deleted = 0;
  INSERT INTO commitments_fts (rowid, text)
    SELECT new.id, new.text WHERE new.deleted = 0;
END;

-- Checklist evidence: most rows have none, and empty rows would only
-- weigh on the index, so a row is indexed while its evidence is not empty.
CREATE TRIGGER checklist_fts_insert AFTER INSERT ON checklist
WHEN new.evidence <> ''
BEGIN
  INSERT INTO checklist_fts (rowid, evidence) VALUES (new.id, new.evidence);
END;

CREATE TRIGGER checklist_fts_delete AFTER DELETE ON checklist
WHEN old.evidence <> ''
BEGIN
  INSERT INTO checklist_fts (checklist_fts, rowid, evidence)
    VALUES ('delete', old.id, old.evidence);
END;

CREATE TRIGGER checklist_fts_update AFTER UPDATE OF evidence ON checklist
WHEN old.evidence IS NOT new.evidence
BEGIN
  INSERT INTO checklist_fts (checklist_fts, rowid, evidence)
    SELECT 'delete', old.id, old.evidence WHERE old.evidence <> '';
  INSERT INTO checklist_fts (rowid, evidence)
    SELECT new.id, new.evidence WHERE new.evidence <> '';
END;

-- People: names, archived people included (their history still is).
CREATE TRIGGER people_fts_insert AFTER INSERT ON people
BEGIN
  INSERT INTO people_fts (rowid, name) VALUES (new.id, new.name);
END;

CREATE TRIGGER people_fts_delete AFTER DELETE ON people
BEGIN
  INSERT INTO people_fts (people_fts, rowid, name)
    VALUES ('delete', old.id, old.name);
END;

CREATE TRIGGER people_fts_update AFTER UPDATE OF name ON people
WHEN old.name IS NOT new.name
BEGIN
  INSERT INTO people_fts (people_fts, rowid, name)
    VALUES ('delete', old.id, old.name);
  INSERT INTO people_fts (rowid, name) VALUES (new.id, new.name);
END;

-- What was written before this version.
INSERT INTO meetings_fts (rowid, notes)
  SELECT id, notes FROM meetings WHERE deleted = 0;
INSERT INTO commitments_fts (rowid, text)
  SELECT id, text FROM commitments WHERE deleted = 0;
INSERT INTO checklist_fts (rowid, evidence)
  SELECT id, evidence FROM checklist WHERE evidence <> '';
INSERT INTO people_fts (rowid, name)
  SELECT id, name FROM people;
