-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema, version 5: a row version for meetings.
--
-- The window keeps a meeting in memory while it is edited and writes it
-- back on autosave. Another writer (a second window, the CLI's --import,
-- sqlite3 by hand) may change the row in between, and writing over it
-- would lose that text. So every save is conditional: it sets
-- revision = revision + 1 WHERE revision is still the one the editor read,
-- and a save that matches no row changes nothing and reports a conflict.
--
-- The trigger bumps the revision for every other writer that changes what
-- an editor shows, so that a save based on an older copy never matches.
-- A writer that bumps it itself (the app) does not fire it twice. Only
-- revision is set inside, which is in no UPDATE OF list: no recursion, and
-- the search index is not touched.
ALTER TABLE meetings ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER meetings_revision AFTER UPDATE OF person_id, date, notes, mood ON meetings
WHEN new.revision IS old.revision
BEGIN
  UPDATE meetings SET revision = old.revision + 1 WHERE id = new.id;
END;
