-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema, version 8: what happens between 1:1s (issue 11).
--
-- Talking points ---------------------------------------------------------
--
-- A topic to raise at a coming 1:1 with a person. It waits in that
-- person's queue (discussed_in IS NULL) until it is ticked as discussed in
-- a meeting, which links it there for good; a point nobody ticked simply
-- stays in the queue, so it carries over to the next 1:1 by itself.
--
-- A recurring point ("Career and growth" every 8 weeks) is a series of
-- rows sharing one "series" UUID, one row per time it comes up. Ticking
-- the waiting row as discussed links it to the meeting and adds the next
-- row of the series, due recur_every days or weeks after that meeting
-- (next_due); the new row waits out of the queue until that day. So each
-- discussion stays a row of its own, linked to its meeting, and History
-- counts them per period with a plain count (see rapport-talking-point.c);
-- a due date moved forward on one row would have kept only the last.
-- A series has at most one waiting row. next_due is NULL for points that
-- do not recur (always in the queue while waiting).
--
-- position orders a person's queue (smaller first); gaps are allowed.
-- "deleted" hides a row while an undo is offered, as for meetings and
-- commitments, and the row is purged afterwards (rapport-store.c). When a
-- meeting is purged, the points discussed in it wait again (SET NULL)
-- rather than vanish with it: their text was typed by someone.
CREATE TABLE talking_points (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT    NOT NULL UNIQUE,
  person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  text         TEXT    NOT NULL,
  raised_by    TEXT    NOT NULL DEFAULT 'me' CHECK (raised_by IN ('me', 'them')),
  position     INTEGER NOT NULL DEFAULT 0,
  discussed_in INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
  recur_every  INTEGER CHECK (recur_every IS NULL OR recur_every BETWEEN 1 AND 366),
  recur_unit   TEXT    CHECK (recur_unit IS NULL OR recur_unit IN ('days', 'weeks')),
  series       TEXT,
  next_due     TEXT    CHECK (next_due IS NULL OR
                              next_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  created_at   TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL,
  CHECK ((recur_every IS NULL) = (recur_unit IS NULL)),
  CHECK (recur_every IS NULL OR series IS NOT NULL)
);
-- A person's queue in order, and every waiting point of the team through
-- people (This Week): only waiting rows, so the index stays small however
-- long the history of discussed points grows.
CREATE INDEX talking_points_waiting ON talking_points (person_id, position, id)
  WHERE deleted = 0 AND discussed_in IS NULL;
-- A person's points by state: hidden ones (purge), waiting or discussed.
CREATE INDEX talking_points_by_person ON talking_points (person_id, deleted, discussed_in);
-- The points discussed in a meeting; also what the foreign key's SET NULL
-- needs when a meeting is purged, which would otherwise scan the table.
CREATE INDEX talking_points_by_meeting ON talking_points (discussed_in);
CREATE INDEX talking_points_by_series ON talking_points (series, discussed_in);

CREATE VIRTUAL TABLE talking_points_fts USING fts5 (
  text,
  content = 'talking_points',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3'
);

-- As for commitments (003-search.sql): in the index while deleted = 0.
CREATE TRIGGER talking_points_fts_insert AFTER INSERT ON talking_points
WHEN new.deleted = 0
BEGIN
  INSERT INTO talking_points_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER talking_points_fts_delete AFTER DELETE ON talking_points
WHEN old.deleted = 0
BEGIN
  INSERT INTO talking_points_fts (talking_points_fts, rowid, text)
    VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER talking_points_fts_update AFTER UPDATE OF text, deleted ON talking_points
WHEN old.text IS NOT new.text OR old.deleted IS NOT new.deleted
BEGIN
  INSERT INTO talking_points_fts (talking_points_fts, rowid, text)
    SELECT 'delete', old.id, old.text WHERE old.deleted = 0;
  INSERT INTO talking_points_fts (rowid, text)
    SELECT new.id, new.text WHERE new.deleted = 0;
END;

-- Honest cadence -----------------------------------------------------------
--
-- A 1:1 that did not happen on its day, recorded without making an empty
-- meeting: skipped, or moved (to moved_to when a new day is known). The
-- reason is free text; reason_kind says whether it was leave (either of
-- us away: holiday, sickness, parental leave), which decides how the
-- person's next 1:1 falls due (docs/numbers.md, rapport-cadence.c).
-- "deleted" is for undo, purged as talking points are.
CREATE TABLE missed_meetings (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT    NOT NULL UNIQUE,
  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  date        TEXT    NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind        TEXT    NOT NULL CHECK (kind IN ('skipped', 'moved')),
  reason      TEXT    NOT NULL DEFAULT '',
  reason_kind TEXT    NOT NULL DEFAULT 'other' CHECK (reason_kind IN ('leave', 'other')),
  moved_to    TEXT    CHECK (moved_to IS NULL OR
                             (kind = 'moved' AND
                              moved_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
);
CREATE INDEX missed_meetings_by_person ON missed_meetings (person_id, deleted, date);

-- The next 1:1's date when the manager sets it by hand; NULL: it follows
-- from the cadence. A date on or before the last 1:1 held is spent.
ALTER TABLE people ADD COLUMN next_date TEXT
  CHECK (next_date IS NULL OR next_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
