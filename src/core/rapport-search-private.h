/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-search.h"

G_BEGIN_DECLS

/* How much FTS5 may hold in memory ('hashsize') while an index is filled
 * in one go: the notes of the decade data set, 26 MB of words, make one
 * segment (see refill_index()). */
#define RAPPORT_SEARCH_FILL_HASHSIZE (64 * 1024 * 1024)

/* rapport_search_run() with another RAPPORT_SEARCH_RANK_CAP, so tests can
 * reach the newest-first path without 2,000 rows. */
GListStore *rapport_search_run_capped (RapportStore  *store,
                                       const char    *text,
                                       int            limit,
                                       guint          rank_cap,
                                       GError       **error);

/* The @i-th statement that fills a search index from its table, and
 * that index's name in @fts; NULL past the last. For tests (the query
 * plan: a scan of the table, in rowid order). */
const char *rapport_search_get_refill_sql (guint        i,
                                           const char **fts);

G_END_DECLS
