-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema, version 7: prefix indexes for search.
--
-- A word of three characters or more is searched as a prefix, as typed
-- ("pro" finds "project" and "promotion"; see rapport_search_build_query()).
-- Without a prefix index FTS5 answers a prefix by merging the full lists
-- of every word that starts with it, for every query: on the decade data
-- set "pro" took 270 million instructions, "the" 160 million. An index of
-- the three-character prefixes answers those from one list: 37 and 48
-- million, the worst query of the benchmark now being one of three longer
-- words at 124 million. One- and two-letter words are searched whole, so
-- prefixes of one or two characters would be indexed for nothing; longer
-- prefixes match few words, whose lists merge quickly.
--
-- The cost: the index of notes grows from 14 to 27 MB on that data set,
-- and filling it takes 1.9 s of CPU instead of 1.1 (once here, and after a
-- large import); a save of the notes writes about 1.5 times as much. The
-- tables are made again with the option; the triggers of 003-search.sql
-- name them and need no change. As there, only live rows are indexed: a
-- 'rebuild' would also index hidden (deleted = 1) rows, which the triggers
-- would then never remove.
--
-- Filled in one go, an index is a stack of large segments, and the small
-- ones each save adds then cascade into merges with them: one save in a
-- hundred took 30 ms of CPU instead of 1. 'optimize' merges them into one
-- (0.3 s here), after which saves stay around 1 ms (3 ms at p99).

DROP TABLE meetings_fts;
CREATE VIRTUAL TABLE meetings_fts USING fts5 (
  notes,
  content = 'meetings',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3'
);
INSERT INTO meetings_fts (rowid, notes)
  SELECT id, notes FROM meetings WHERE deleted = 0;

DROP TABLE commitments_fts;
CREATE VIRTUAL TABLE commitments_fts USING fts5 (
  text,
  content = 'commitments',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3'
);
INSERT INTO commitments_fts (rowid, text)
  SELECT id, text FROM commitments WHERE deleted = 0;

DROP TABLE checklist_fts;
CREATE VIRTUAL TABLE checklist_fts USING fts5 (
  evidence,
  content = 'checklist',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3'
);
INSERT INTO checklist_fts (rowid, evidence)
  SELECT id, evidence FROM checklist WHERE evidence <> '';

INSERT INTO meetings_fts (meetings_fts) VALUES ('optimize');
INSERT INTO commitments_fts (commitments_fts) VALUES ('optimize');
INSERT INTO checklist_fts (checklist_fts) VALUES ('optimize');
