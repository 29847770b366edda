-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema, version 1.
-- Timestamps are UTC ISO 8601 text with milliseconds (sorts as it reads);
-- meeting, due and closing dates are local calendar dates, YYYY-MM-DD.

CREATE TABLE people (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT    NOT NULL UNIQUE,
  name         TEXT    NOT NULL,
  role         TEXT    NOT NULL DEFAULT '',
  cadence_days INTEGER NOT NULL DEFAULT 7 CHECK (cadence_days BETWEEN 1 AND 366),
  archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at   TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL
);

-- "deleted" is set while an undo toast is shown; purged afterwards.
CREATE TABLE meetings (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT    NOT NULL UNIQUE,
  person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  date       TEXT    NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  notes      TEXT    NOT NULL DEFAULT '',
  mood       INTEGER CHECK (mood IS NULL OR mood BETWEEN 1 AND 5),
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  created_at TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
);
CREATE INDEX meetings_by_person_date ON meetings (person_id, deleted, date DESC, id DESC);
CREATE INDEX meetings_by_date ON meetings (deleted, date);

-- A habit is a checklist prompt. "key" is stable for the built-in library
-- habits ("listen", ...) and NULL for the user's own. "active" means it is
-- on the checklist of new meetings; an inactive built-in habit sits in the
-- library, an inactive own habit is archived. Nothing here is ever deleted
-- while a tick refers to it.
CREATE TABLE habits (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT    NOT NULL UNIQUE,
  key        TEXT    UNIQUE,
  label      TEXT    NOT NULL,
  hint       TEXT    NOT NULL DEFAULT '',
  kind       TEXT    NOT NULL CHECK (kind IN ('trust', 'structure')),
  position   INTEGER NOT NULL DEFAULT 0,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
);

-- One row per habit that was on a meeting's checklist: the checklist a
-- meeting was held with is kept, so later changes never rewrite it.
CREATE TABLE checklist (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT    NOT NULL UNIQUE,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  habit_id   INTEGER NOT NULL REFERENCES habits (id) ON DELETE RESTRICT,
  ticked     INTEGER NOT NULL DEFAULT 0 CHECK (ticked IN (0, 1)),
  evidence   TEXT    NOT NULL DEFAULT '',
  created_at TEXT    NOT NULL,
  updated_at TEXT    NOT NULL,
  UNIQUE (meeting_id, habit_id)
);
CREATE INDEX checklist_by_habit ON checklist (habit_id, meeting_id);

-- Action items. meeting_id is where it was made; it carries over to later
-- meetings with the same person until closed_on is set.
CREATE TABLE commitments (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT    NOT NULL UNIQUE,
  person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  text       TEXT    NOT NULL,
  owner      TEXT    NOT NULL CHECK (owner IN ('me', 'them')),
  due        TEXT,
  closed_on  TEXT,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  created_at TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
);
CREATE INDEX commitments_by_person ON commitments (person_id, deleted, closed_on);
CREATE INDEX commitments_by_meeting ON commitments (meeting_id);
