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

G_END_DECLS
