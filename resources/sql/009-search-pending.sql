-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema, version 9: search indexes filled after a large import.
--
-- Filling the search indexes is most of what a large import costs (on the
-- decade data set about two thirds of its instructions: tokenizing 51 MB
-- of notes, with the three-letter prefix index of 007-search-prefix.sql).
-- So a large import commits its rows first, with the triggers of each
-- index it writes to dropped and that index emptied, and a row here per
-- such index; a second transaction then fills each index from its table,
-- creates its triggers again from the SQL kept here and deletes the row
-- (rapport_search_index_pending()). Both steps are transactions of their
-- own, so the database is always one of: as before the import, imported
-- with indexes pending, or imported and indexed. A row here outlives a
-- crash between the two, and the next rapport_store_open() fills the
-- index. While a row is here, search says it is still indexing rather
-- than answer from an empty index, and writers may change the table
-- freely: the index is filled from the table as it is then.
CREATE TABLE search_pending (
  fts      TEXT NOT NULL PRIMARY KEY,  -- the index, e.g. 'meetings_fts'
  triggers TEXT NOT NULL               -- the SQL of its dropped triggers
) WITHOUT ROWID;
