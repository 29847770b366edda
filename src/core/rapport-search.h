/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-search-result.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Words beyond these are ignored: a query is typed, not pasted books. */
#define RAPPORT_SEARCH_MAX_TERMS      16
#define RAPPORT_SEARCH_MAX_TERM_CHARS 64
/* Matches of one kind beyond which bm25 is not worth its time. */
#define RAPPORT_SEARCH_RANK_CAP       2000

/* Searches notes, commitments, habit evidence, people's names and talking
 * points for every word of @text, each word also matching as a prefix
 * ("budg" finds "budget"), accents ignored. Any text is accepted: quotes,
 * FTS operators and broken UTF-8 are taken as plain words, never as query
 * syntax. Hidden (soft-deleted) meetings, commitments and talking points
 * are left out.
 *
 * Returns a list of RapportSearchResult: people whose name matches first,
 * then the best match (bm25) first and newest first among equals, at most @limit long; empty when @text has no words.
 * A word found in more than RAPPORT_SEARCH_RANK_CAP notes (or commitments,
 * or evidence) says little about any of them: then the newest of those
 * matches are returned, newest first, after the ranked matches of the
 * other kinds (their rank is 0).
 *
 * Fails with RAPPORT_STORE_ERROR_INDEXING while a large import's indexes
 * wait to be filled (rapport_search_is_indexing()). */
GListStore *rapport_search_run                (RapportStore      *store,
                                               const char        *text,
                                               int                limit,
                                               GError           **error);

/* TRUE while a search index waits to be filled after a large import
 * (migration 009): rapport_search_run() then fails with
 * RAPPORT_STORE_ERROR_INDEXING rather than answer from an empty index. */
gboolean    rapport_search_is_indexing        (RapportStore      *store);

/* Fills every index that waits, in one transaction of its own (outside
 * any other), and creates its triggers again; does nothing when none
 * waits. rapport_exchange_import_from_data() calls it after committing
 * the rows, and rapport_store_open() after a crash between the two. */
gboolean    rapport_search_index_pending      (RapportStore      *store,
                                               GError           **error);
/* The same off the main thread, on a second connection to the store's
 * file (after rapport_exchange_import_async()). */
void        rapport_search_index_pending_async  (RapportStore        *store,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean    rapport_search_index_pending_finish (RapportStore        *store,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* The FTS5 query for @text: each word quoted, as a prefix term when it has
 * three characters or more, "abc"* "de". NULL when @text has no words. */
char       *rapport_search_build_query        (const char        *text);

/* Pango markup for a snippet: the text escaped, the marked matches in
 * <b></b>. */
char       *rapport_search_snippet_to_markup  (const char        *snippet);

/* The statement that searches one kind, best first or (for queries that
 * match more than RAPPORT_SEARCH_RANK_CAP rows) newest first; for EXPLAIN
 * QUERY PLAN in tests. */
const char *rapport_search_get_sql            (RapportSearchKind  kind,
                                               gboolean           newest_first);

G_END_DECLS
