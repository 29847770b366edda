/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-search.h"

G_BEGIN_DECLS

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

/* The statements that set the FTS5 table @fts up to be filled in one go:
 * no merging until an 'optimize', and up to 64 MiB of words held in
 * memory (see refill_index()). The 'optimize', and setting the defaults
 * back where the table stays, are the caller's. Also for
 * rapport-search-builder.c, which fills copies of the same tables. */
char       *rapport_search_fill_settings_sql (const char  *fts);

G_END_DECLS
