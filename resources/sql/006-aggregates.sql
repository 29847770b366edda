-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema, version 6: the team's history and follow-through kept as
-- running sums per day, and prefix indexes for search.
--
-- Aggregates ------------------------------------------------------------
--
-- The team's history chart and follow-through used to read every meeting,
-- tick and commitment in their range (ten years of a team of forty: 20,000
-- meetings and 100,000 ticks). These tables hold the same counts summed per
-- calendar day across the team, so a chart reads at most one row per day
-- and habit, however many people and meetings there are.
--
-- Why per day and not per week: a week starts on the locale's first
-- weekday (Sunday, Monday, Saturday...), and a month on the 1st; sums per
-- day serve every kind of bucket, and the day a row stands for is the
-- meeting's own local calendar date, so the time zone only decides which
-- day is "today" when reading. Summed across people, ten years of the
-- decade data set are 2,600 days: 13,000 rows of ticks instead of 100,000
-- (see rapport-aggregates.c for the measurements). One person's own chart
-- still reads their meetings: per person, a day holds one meeting, so sums
-- per person and day would be as many rows as the meetings themselves.
--
-- history_days and history_day_ticks count live meetings (deleted = 0)
-- of people who exist, split by the person's archived flag (the team
-- chart leaves archived people out unless asked). follow_through_days
-- counts my live commitments made in those meetings by their deadline
-- (the due date, or else the date of the next live 1:1 with that person;
-- without either there is no deadline and nothing is counted): closed,
-- closed by the deadline, and still open. Whether an open one is due yet
-- depends on today's date, so that is decided when reading.
--
-- The views *_fresh compute the same from scratch: rapport_aggregates_
-- rebuild() copies them, and the tests compare them with the tables.
--
-- Triggers keep the tables equal to the views in the same transaction as
-- every write, whoever writes (this app, an import, a second process, the
-- sqlite3 shell). Each adds the change's contribution as signed deltas
-- (INSERT ... ON CONFLICT DO UPDATE SET n = n + excluded.n); a sum that
-- drops to zero leaves a row of zeros, which reads as nothing.
--
-- A meeting's commitments without a due date take their deadline from the
-- next 1:1, so moving, hiding or removing a meeting also changes the
-- deadlines of the meeting just before it (in date, then id order) at its
-- old and at its new place. The meetings triggers therefore subtract the
-- commitments of the meeting and of those neighbours BEFORE the change and
-- add them again AFTER it. The neighbours are found the same way both
-- times (ignoring the meeting itself): the person's live meetings on that
-- date, and the last one before it.
--
-- A person's delete takes their rows away first (BEFORE DELETE), because
-- the cascade then deletes their meetings after the person is gone. Rows
-- are never renumbered (an id change would break the foreign keys), so
-- id changes are not followed. As for search, writers must not use
-- INSERT OR REPLACE, which deletes without firing delete triggers.

CREATE TABLE history_days (
  archived INTEGER NOT NULL,
  day      TEXT    NOT NULL,
  meetings INTEGER NOT NULL,
  mood_sum INTEGER NOT NULL,
  moods    INTEGER NOT NULL,   -- meetings with a mood
  PRIMARY KEY (archived, day)
) WITHOUT ROWID;

CREATE TABLE history_day_ticks (
  archived INTEGER NOT NULL,
  day      TEXT    NOT NULL,
  habit_id INTEGER NOT NULL,
  total    INTEGER NOT NULL,   -- checklist rows
  ticked   INTEGER NOT NULL,
  PRIMARY KEY (archived, day, habit_id)
) WITHOUT ROWID;

CREATE TABLE follow_through_days (
  day    TEXT    NOT NULL PRIMARY KEY,   -- the deadline
  closed INTEGER NOT NULL,
  kept   INTEGER NOT NULL,               -- closed on or before the deadline
  open   INTEGER NOT NULL
) WITHOUT ROWID;

-- One person's chart reads their own meetings: through this index it
-- reads only theirs, where meetings_history (deleted, date, ...) went
-- through everyone's meetings in the range to pick theirs.
CREATE INDEX meetings_person_history ON meetings (person_id, deleted, date, mood);

-- Live meetings of people who exist, with the date of the next live 1:1
-- with the same person (NULL for the last one).
CREATE VIEW meetings_next AS
SELECT m.id AS id, m.person_id AS person_id, m.date AS date,
       (SELECT n.date FROM meetings n
         WHERE n.person_id = m.person_id AND n.deleted = 0
           AND (n.date, n.id) > (m.date, m.id)
         ORDER BY n.date, n.id LIMIT 1) AS next_date
  FROM meetings m JOIN people p ON p.id = m.person_id
 WHERE +m.deleted = 0;

-- My live commitments in those meetings, with their deadline (NULL: none).
CREATE VIEW follow_through_deadlines AS
SELECT c.id AS id, mn.id AS meeting_id,
       coalesce (c.due, mn.next_date) AS deadline, c.closed_on AS closed_on
  FROM commitments c JOIN meetings_next mn ON mn.id = c.meeting_id
 WHERE c.deleted = 0 AND c.owner = 'me';

CREATE VIEW history_days_fresh AS
SELECT p.archived AS archived, m.date AS day, count(*) AS meetings,
       coalesce (sum (m.mood), 0) AS mood_sum, count (m.mood) AS moods
  FROM meetings m JOIN people p ON p.id = m.person_id
 WHERE m.deleted = 0
 GROUP BY p.archived, m.date;

CREATE VIEW history_day_ticks_fresh AS
SELECT p.archived AS archived, m.date AS day, c.habit_id AS habit_id,
       count(*) AS total, sum (c.ticked) AS ticked
  FROM meetings m JOIN people p ON p.id = m.person_id
  JOIN checklist c ON c.meeting_id = m.id
 WHERE m.deleted = 0
 GROUP BY p.archived, m.date, c.habit_id;

CREATE VIEW follow_through_days_fresh AS
SELECT deadline AS day,
       sum (closed_on IS NOT NULL) AS closed,
       sum (closed_on IS NOT NULL AND closed_on <= deadline) AS kept,
       sum (closed_on IS NULL) AS open
  FROM follow_through_deadlines
 WHERE deadline IS NOT NULL
 GROUP BY deadline;

-- History: meetings ----------------------------------------------------

CREATE TRIGGER aggregates_history_meetings_insert AFTER INSERT ON meetings
WHEN new.deleted = 0
BEGIN
  INSERT INTO history_days (archived, day, meetings, mood_sum, moods)
    SELECT p.archived, new.date, 1, coalesce (new.mood, 0), new.mood IS NOT NULL
      FROM people p WHERE p.id = new.person_id
    ON CONFLICT DO UPDATE SET meetings = meetings + excluded.meetings,
      mood_sum = mood_sum + excluded.mood_sum, moods = moods + excluded.moods;
  -- Rows written before their meeting (only without foreign keys).
  INSERT INTO history_day_ticks (archived, day, habit_id, total, ticked)
    SELECT p.archived, new.date, c.habit_id, 1, c.ticked
      FROM people p, checklist c WHERE p.id = new.person_id AND c.meeting_id = new.id
    ON CONFLICT DO UPDATE SET total = total + excluded.total, ticked = ticked + excluded.ticked;
END;

-- Autosave rewrites date and mood with the notes: only a real change counts.
CREATE TRIGGER aggregates_history_meetings_update AFTER UPDATE OF date, mood, deleted, person_id ON meetings
WHEN old.date IS NOT new.date OR old.mood IS NOT new.mood
  OR old.deleted IS NOT new.deleted OR old.person_id IS NOT new.person_id
BEGIN
  INSERT INTO history_days (archived, day, meetings, mood_sum, moods)
    SELECT p.archived, old.date, -1, -coalesce (old.mood, 0), -(old.mood IS NOT NULL)
      FROM people p WHERE p.id = old.person_id AND old.deleted = 0
    ON CONFLICT DO UPDATE SET meetings = meetings + excluded.meetings,
      mood_sum = mood_sum + excluded.mood_sum, moods = moods + excluded.moods;
  INSERT INTO history_days (archived, day, meetings, mood_sum, moods)
    SELECT p.archived, new.date, 1, coalesce (new.mood, 0), new.mood IS NOT NULL
      FROM people p WHERE p.id = new.person_id AND new.deleted = 0
    ON CONFLICT DO UPDATE SET meetings = meetings + excluded.meetings,
      mood_sum = mood_sum + excluded.mood_sum, moods = moods + excluded.moods;
  INSERT INTO history_day_ticks (archived, day, habit_id, total, ticked)
    SELECT p.archived, old.date, c.habit_id, -1, -c.ticked
      FROM people p, checklist c
     WHERE p.id = old.person_id AND old.deleted = 0 AND c.meeting_id = old.id
       AND (old.date IS NOT new.date OR old.deleted IS NOT new.deleted
            OR old.person_id IS NOT new.person_id)
    ON CONFLICT DO UPDATE SET total = total + excluded.total, ticked = ticked + excluded.ticked;
  INSERT INTO history_day_ticks (archived, day, habit_id, total, ticked)
    SELECT p.archived, new.date, c.habit_id, 1, c.ticked
      FROM people p, checklist c
     WHERE p.id = new.person_id AND new.deleted = 0 AND c.meeting_id = new.id
       AND (old.date IS NOT new.date OR old.deleted IS NOT new.deleted
            OR old.person_id IS NOT new.person_id)
    ON CONFLICT DO UPDATE SET total = total + excluded.total, ticked = ticked + excluded.ticked;
END;

-- Before: the cascade removes the checklist rows before any AFTER trigger.
CREATE TRIGGER aggregates_history_meetings_delete BEFORE DELETE ON meetings
WHEN old.deleted = 0
BEGIN
  INSERT INTO history_days (archived, day, meetings, mood_sum, moods)
    SELECT p.archived, old.date, -1, -coalesce (old.mood, 0), -(old.mood IS NOT NULL)
      FROM people p WHERE p.id = old.person_id
    ON CONFLICT DO UPDATE SET meetings = meetings + excluded.meetings,
      mood_sum = mood_sum + excluded.mood_sum, moods = moods + excluded.moods;
  INSERT INTO history_day_ticks (archived, day, habit_id, total, ticked)
    SELECT p.archived, old.date, c.habit_id, -1, -c.ticked
      FROM people p, checklist c WHERE p.id = old.person_id AND c.meeting_id = old.id
    ON CONFLICT DO UPDATE SET total = total + excluded.total, ticked = ticked + excluded.ticked;
END;

-- History: ticks --------------------------------------------------------

CREATE TRIGGER aggregates_history_checklist_insert AFTER INSERT ON checklist
BEGIN
  INSERT INTO history_day_ticks (archived, day, habit_id, total, ticked)
    SELECT p.archived, m.date, new.habit_id, 1, new.ticked
      FROM meetings m, people p
     WHERE m.id = new.meeting_id AND m.deleted = 0 AND p.id = m.person_id
    ON CONFLICT DO UPDATE SET total = total + excluded.total, ticked = ticked + excluded.ticked;
END;

-- A row deleted with its meeting finds no meeting here: the meeting's
-- trigger took it away already.
CREATE TRIGGER aggregates_history_checklist_delete AFTER DELETE ON checklist
BEGIN
  INSERT INTO history_day_ticks (archived, day, habit_id, total, ticked)
    SELECT p.archived, m.date, old.habit_id, -1, -old.ticked
      FROM meetings m, people p
     WHERE m.id = old.meeting_id AND m.deleted = 0 AND p.id = m.person_id
    ON CONFLICT DO UPDATE SET total = total + excluded.total, ticked = ticked + excluded.ticked;
END;

CREATE TRIGGER aggregates_history_checklist_update AFTER UPDATE OF meeting_id, habit_id, ticked ON checklist
WHEN old.meeting_id IS NOT new.meeting_id OR old.habit_id IS NOT new.habit_id
  OR old.ticked IS NOT new.ticked
BEGIN
  INSERT INTO history_day_ticks (archived, day, habit_id, total, ticked)
    SELECT p.archived, m.date, old.habit_id, -1, -old.ticked
      FROM meetings m, people p
     WHERE m.id = old.meeting_id AND m.deleted = 0 AND p.id = m.person_id
    ON CONFLICT DO UPDATE SET total = total + excluded.total, ticked = ticked + excluded.ticked;
  INSERT INTO history_day_ticks (archived, day, habit_id, total, ticked)
    SELECT p.archived, m.date, new.habit_id, 1, new.ticked
      FROM meetings m, people p
     WHERE m.id = new.meeting_id AND m.deleted = 0 AND p.id = m.person_id
    ON CONFLICT DO UPDATE SET total = total + excluded.total, ticked = ticked + excluded.ticked;
END;

-- Follow-through: commitments -------------------------------------------

CREATE TRIGGER aggregates_follow_through_commitments_insert AFTER INSERT ON commitments
WHEN new.deleted = 0 AND new.owner = 'me'
BEGIN
  INSERT INTO follow_through_days (day, closed, kept, open)
    SELECT d.deadline, new.closed_on IS NOT NULL,
           new.closed_on IS NOT NULL AND new.closed_on <= d.deadline, new.closed_on IS NULL
      FROM (SELECT coalesce (new.due, mn.next_date) AS deadline
              FROM meetings_next mn WHERE mn.id = new.meeting_id) d
     WHERE d.deadline IS NOT NULL
    ON CONFLICT DO UPDATE SET closed = closed + excluded.closed,
      kept = kept + excluded.kept, open = open + excluded.open;
END;

CREATE TRIGGER aggregates_follow_through_commitments_delete AFTER DELETE ON commitments
WHEN old.deleted = 0 AND old.owner = 'me'
BEGIN
  INSERT INTO follow_through_days (day, closed, kept, open)
    SELECT d.deadline, -(old.closed_on IS NOT NULL),
           -(old.closed_on IS NOT NULL AND old.closed_on <= d.deadline), -(old.closed_on IS NULL)
      FROM (SELECT coalesce (old.due, mn.next_date) AS deadline
              FROM meetings_next mn WHERE mn.id = old.meeting_id) d
     WHERE d.deadline IS NOT NULL
    ON CONFLICT DO UPDATE SET closed = closed + excluded.closed,
      kept = kept + excluded.kept, open = open + excluded.open;
END;

CREATE TRIGGER aggregates_follow_through_commitments_update
AFTER UPDATE OF meeting_id, owner, due, closed_on, deleted ON commitments
WHEN old.meeting_id IS NOT new.meeting_id OR old.owner IS NOT new.owner
  OR old.due IS NOT new.due OR old.closed_on IS NOT new.closed_on
  OR old.deleted IS NOT new.deleted
BEGIN
  INSERT INTO follow_through_days (day, closed, kept, open)
    SELECT d.deadline, -(old.closed_on IS NOT NULL),
           -(old.closed_on IS NOT NULL AND old.closed_on <= d.deadline), -(old.closed_on IS NULL)
      FROM (SELECT coalesce (old.due, mn.next_date) AS deadline
              FROM meetings_next mn WHERE mn.id = old.meeting_id) d
     WHERE d.deadline IS NOT NULL AND old.deleted = 0 AND old.owner = 'me'
    ON CONFLICT DO UPDATE SET closed = closed + excluded.closed,
      kept = kept + excluded.kept, open = open + excluded.open;
  INSERT INTO follow_through_days (day, closed, kept, open)
    SELECT d.deadline, new.closed_on IS NOT NULL,
           new.closed_on IS NOT NULL AND new.closed_on <= d.deadline, new.closed_on IS NULL
      FROM (SELECT coalesce (new.due, mn.next_date) AS deadline
              FROM meetings_next mn WHERE mn.id = new.meeting_id) d
     WHERE d.deadline IS NOT NULL AND new.deleted = 0 AND new.owner = 'me'
    ON CONFLICT DO UPDATE SET closed = closed + excluded.closed,
      kept = kept + excluded.kept, open = open + excluded.open;
END;

-- Follow-through: meetings ----------------------------------------------
--
-- The commitments affected by a change of meeting M: M's own, and those of
-- the person's other live meetings on M's date or the last one before it,
-- at the old and at the new place.

CREATE TRIGGER aggregates_follow_through_meetings_insert_before BEFORE INSERT ON meetings
BEGIN
  INSERT INTO follow_through_days (day, closed, kept, open)
    SELECT f.deadline, -(f.closed_on IS NOT NULL),
           -(f.closed_on IS NOT NULL AND f.closed_on <= f.deadline), -(f.closed_on IS NULL)
      FROM follow_through_deadlines f
     WHERE f.deadline IS NOT NULL AND f.meeting_id IN (
             SELECT id FROM meetings
              WHERE person_id = new.person_id AND deleted = 0 AND date = new.date
             UNION ALL
             SELECT * FROM (SELECT id FROM meetings
                             WHERE person_id = new.person_id AND deleted = 0 AND date < new.date
                             ORDER BY date DESC, id DESC LIMIT 1))
    ON CONFLICT DO UPDATE SET closed = closed + excluded.closed,
      kept = kept + excluded.kept, open = open + excluded.open;
END;

CREATE TRIGGER aggregates_follow_through_meetings_insert_after AFTER INSERT ON meetings
BEGIN
  INSERT INTO follow_through_days (day, closed, kept, open)
    SELECT f.deadline, f.closed_on IS NOT NULL,
           f.closed_on IS NOT NULL AND f.closed_on <= f.deadline, f.closed_on IS NULL
      FROM follow_through_deadlines f
     WHERE f.deadline IS NOT NULL AND f.meeting_id IN (
             SELECT new.id
             UNION ALL
             SELECT id FROM meetings
              WHERE person_id = new.person_id AND deleted = 0 AND date = new.date AND id <> new.id
             UNION ALL
             SELECT * FROM (SELECT id FROM meetings
                             WHERE person_id = new.person_id AND deleted = 0 AND date < new.date
                             ORDER BY date DESC, id DESC LIMIT 1))
    ON CONFLICT DO UPDATE SET closed = closed + excluded.closed,
      kept = kept + excluded.kept, open = open + excluded.open;
END;

CREATE TRIGGER aggregates_follow_through_meetings_update_before BEFORE UPDATE OF date, deleted, person_id ON meetings
WHEN old.date IS NOT new.date OR old.deleted IS NOT new.deleted OR old.person_id IS NOT new.person_id
BEGIN
  INSERT INTO follow_through_days (day, closed, kept, open)
    SELECT f.deadline, -(f.closed_on IS NOT NULL),
           -(f.closed_on IS NOT NULL AND f.closed_on <= f.deadline), -(f.closed_on IS NULL)
      FROM follow_through_deadlines f
     WHERE f.deadline IS NOT NULL AND f.meeting_id IN (
             SELECT old.id
             UNION ALL
             SELECT id FROM meetings
              WHERE person_id = old.person_id AND deleted = 0 AND date = old.date AND id <> old.id
             UNION ALL
             SELECT * FROM (SELECT id FROM meetings
                             WHERE person_id = old.person_id AND deleted = 0 AND date < old.date
                               AND id <> old.id
                             ORDER BY date DESC, id DESC LIMIT 1)
             UNION ALL
             SELECT id FROM meetings
              WHERE person_id = new.person_id AND deleted = 0 AND date = new.date AND id <> old.id
             UNION ALL
             SELECT * FROM (SELECT id FROM meetings
                             WHERE person_id = new.person_id AND deleted = 0 AND date < new.date
                               AND id <> old.id
                             ORDER BY date DESC, id DESC LIMIT 1))
    ON CONFLICT DO UPDATE SET closed = closed + excluded.closed,
      kept = kept + excluded.kept, open = open + excluded.open;
END;

CREATE TRIGGER aggregates_follow_through_meetings_update_after AFTER UPDATE OF date, deleted, person_id ON meetings
WHEN old.date IS NOT new.date OR old.deleted IS NOT new.deleted OR old.person_id IS NOT new.person_id
BEGIN
  INSERT INTO follow_through_days (day, closed, kept, open)
    SELECT f.deadline, f.closed_on IS NOT NULL,
           f.closed_on IS NOT NULL AND f.closed_on <= f.deadline, f.closed_on IS NULL
      FROM follow_through_deadlines f
     WHERE f.deadline IS NOT NULL AND f.meeting_id IN (
             SELECT new.id
             UNION ALL
             SELECT id FROM meetings
              WHERE person_id = old.person_id AND deleted = 0 AND date = old.date AND id <> new.id
             UNION ALL
             SELECT * FROM (SELECT id FROM meetings
                             WHERE person_id = old.person_id AND deleted = 0 AND date < old.date
                               AND id <> new.id
                             ORDER BY date DESC, id DESC LIMIT 1)
             UNION ALL
             SELECT id FROM meetings
              WHERE person_id = new.person_id AND deleted = 0 AND date = new.date AND id <> new.id
             UNION ALL
             SELECT * FROM (SELECT id FROM meetings
                             WHERE person_id = new.person_id AND deleted = 0 AND date < new.date
                               AND id <> new.id
                             ORDER BY date DESC, id DESC LIMIT 1))
    ON CONFLICT DO UPDATE SET closed = closed + excluded.closed,
      kept = kept + excluded.kept, open = open + excluded.open;
END;

CREATE TRIGGER aggregates_follow_through_meetings_delete_before BEFORE DELETE ON meetings
BEGIN
  INSERT INTO follow_through_days (day, closed, kept, open)
    SELECT f.deadline, -(f.closed_on IS NOT NULL),
           -(f.closed_on IS NOT NULL AND f.closed_on <= f.deadline), -(f.closed_on IS NULL)
      FROM follow_through_deadlines f
     WHERE f.deadline IS NOT NULL AND f.meeting_id IN (
             SELECT old.id
             UNION ALL
             SELECT id FROM meetings
              WHERE person_id = old.person_id AND deleted = 0 AND date = old.date AND id <> old.id
             UNION ALL
             SELECT * FROM (SELECT id FROM meetings
                             WHERE person_id = old.person_id AND deleted = 0 AND date < old.date
                             ORDER BY date DESC, id DESC LIMIT 1))
    ON CONFLICT DO UPDATE SET closed = closed + excluded.closed,
      kept = kept + excluded.kept, open = open + excluded.open;
END;

CREATE TRIGGER aggregates_follow_through_meetings_delete_after AFTER DELETE ON meetings
BEGIN
  INSERT INTO follow_through_days (day, closed, kept, open)
    SELECT f.deadline, f.closed_on IS NOT NULL,
           f.closed_on IS NOT NULL AND f.closed_on <= f.deadline, f.closed_on IS NULL
      FROM follow_through_deadlines f
     WHERE f.deadline IS NOT NULL AND f.meeting_id IN (
             SELECT id FROM meetings
              WHERE person_id = old.person_id AND deleted = 0 AND date = old.date AND id <> old.id
             UNION ALL
             SELECT * FROM (SELECT id FROM meetings
                             WHERE person_id = old.person_id AND deleted = 0 AND date < old.date
                             ORDER BY date DESC, id DESC LIMIT 1))
    ON CONFLICT DO UPDATE SET closed = closed + excluded.closed,
      kept = kept + excluded.kept, open = open + excluded.open;
END;

-- People ----------------------------------------------------------------

CREATE TRIGGER aggregates_people_insert AFTER INSERT ON people
BEGIN
  -- Rows that were there before their person (only without foreign keys).
  INSERT INTO history_days (archived, day, meetings, mood_sum, moods)
    SELECT new.archived, m.date, 1, coalesce (m.mood, 0), m.mood IS NOT NULL
      FROM meetings m WHERE m.person_id = new.id AND +m.deleted = 0
    ON CONFLICT DO UPDATE SET meetings = meetings + excluded.meetings,
      mood_sum = mood_sum + excluded.mood_sum, moods = moods + excluded.moods;
  INSERT INTO history_day_ticks (archived, day, habit_id, total, ticked)
    SELECT new.archived, m.date, c.habit_id, 1, c.ticked
      FROM meetings m, checklist c
     WHERE m.person_id = new.id AND +m.deleted = 0 AND c.meeting_id = m.id
    ON CONFLICT DO UPDATE SET total = total + excluded.total, ticked = ticked + excluded.ticked;
  INSERT INTO follow_through_days (day, closed, kept, open)
    SELECT f.deadline, f.closed_on IS NOT NULL,
           f.closed_on IS NOT NULL AND f.closed_on <= f.deadline, f.closed_on IS NULL
      FROM follow_through_deadlines f
     WHERE f.deadline IS NOT NULL
       AND f.meeting_id IN (SELECT id FROM meetings WHERE person_id = new.id AND deleted = 0)
    ON CONFLICT DO UPDATE SET closed = closed + excluded.closed,
      kept = kept + excluded.kept, open = open + excluded.open;
END;

CREATE TRIGGER aggregates_people_delete BEFORE DELETE ON people
BEGIN
  INSERT INTO history_days (archived, day, meetings, mood_sum, moods)
    SELECT old.archived, m.date, -1, -coalesce (m.mood, 0), -(m.mood IS NOT NULL)
      FROM meetings m WHERE m.person_id = old.id AND +m.deleted = 0
    ON CONFLICT DO UPDATE SET meetings = meetings + excluded.meetings,
      mood_sum = mood_sum + excluded.mood_sum, moods = moods + excluded.moods;
  INSERT INTO history_day_ticks (archived, day, habit_id, total, ticked)
    SELECT old.archived, m.date, c.habit_id, -1, -c.ticked
      FROM meetings m, checklist c
     WHERE m.person_id = old.id AND +m.deleted = 0 AND c.meeting_id = m.id
    ON CONFLICT DO UPDATE SET total = total + excluded.total, ticked = ticked + excluded.ticked;
  INSERT INTO follow_through_days (day, closed, kept, open)
    SELECT f.deadline, -(f.closed_on IS NOT NULL),
           -(f.closed_on IS NOT NULL AND f.closed_on <= f.deadline), -(f.closed_on IS NULL)
      FROM follow_through_deadlines f
     WHERE f.deadline IS NOT NULL
       AND f.meeting_id IN (SELECT id FROM meetings WHERE person_id = old.id AND deleted = 0)
    ON CONFLICT DO UPDATE SET closed = closed + excluded.closed,
      kept = kept + excluded.kept, open = open + excluded.open;
END;

-- Archiving moves a person's rows between the two halves of the history.
CREATE TRIGGER aggregates_people_archive AFTER UPDATE OF archived ON people
WHEN old.archived IS NOT new.archived
BEGIN
  INSERT INTO history_days (archived, day, meetings, mood_sum, moods)
    SELECT a.archived, m.date, a.sign, a.sign * coalesce (m.mood, 0), a.sign * (m.mood IS NOT NULL)
      FROM (SELECT old.archived AS archived, -1 AS sign UNION ALL SELECT new.archived, 1) a,
           meetings m
     WHERE m.person_id = new.id AND +m.deleted = 0
    ON CONFLICT DO UPDATE SET meetings = meetings + excluded.meetings,
      mood_sum = mood_sum + excluded.mood_sum, moods = moods + excluded.moods;
  INSERT INTO history_day_ticks (archived, day, habit_id, total, ticked)
    SELECT a.archived, m.date, c.habit_id, a.sign, a.sign * c.ticked
      FROM (SELECT old.archived AS archived, -1 AS sign UNION ALL SELECT new.archived, 1) a,
           meetings m, checklist c
     WHERE m.person_id = new.id AND +m.deleted = 0 AND c.meeting_id = m.id
    ON CONFLICT DO UPDATE SET total = total + excluded.total, ticked = ticked + excluded.ticked;
END;

-- What was written before this version.
INSERT INTO history_days SELECT * FROM history_days_fresh WHERE true;
INSERT INTO history_day_ticks SELECT * FROM history_day_ticks_fresh WHERE true;
INSERT INTO follow_through_days SELECT * FROM follow_through_days_fresh WHERE true;
