-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema, version 4: covering indexes for the history chart.
--
-- The chart reads every meeting in its range (ten years of a team is about
-- 20,000) with its checklist. Without these, each meeting's mood is fetched
-- from its table row, past the notes and through their overflow pages, and
-- each tick from the checklist row: 55 ms on the decade data set against a
-- budget of 30. With them the whole read stays inside two small indexes.
CREATE INDEX meetings_history ON meetings (deleted, date, person_id, mood);
CREATE INDEX checklist_ticks ON checklist (meeting_id, habit_id, ticked);
