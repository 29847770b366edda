/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

/* Search indexes built on a thread of their own, in a temporary database,
 * while a large import writes the rows; then copied into the store's
 * database in the import's transaction. See rapport-search-builder.c. */
typedef struct _RapportSearchBuilder RapportSearchBuilder;

/* Starts a builder for the FTS5 tables @tables (NULL-terminated) of
 * @store, each made there exactly as @store declares it. NULL, with
 * @error set, if one cannot be made there. */
RapportSearchBuilder *rapport_search_builder_new   (RapportStore         *store,
                                                    const char *const    *tables,
                                                    GError              **error);
/* Main thread: queues the row @rowid of @tables[@table], whose text is
 * @text (NULL for none). Rows are best added in increasing @rowid for
 * each table. May wait while the builder is more than a few MiB behind. */
void                  rapport_search_builder_add   (RapportSearchBuilder *self,
                                                    guint                 table,
                                                    gint64                rowid,
                                                    const char           *text);
/* Waits for every queued row to be indexed; FALSE with @error set if the
 * builder failed. Nothing may be added after. */
gboolean              rapport_search_builder_finish (RapportSearchBuilder *self,
                                                     GError              **error);
/* After rapport_search_builder_finish(), inside a transaction of
 * @store's: makes @tables[@table] there again and fills it with what
 * the builder indexed, in place of what it held. FALSE with @error set
 * on failure, when the caller must roll back to before the call. */
gboolean              rapport_search_builder_copy  (RapportSearchBuilder *self,
                                                    RapportStore         *store,
                                                    guint                 table,
                                                    GError              **error);
/* Stops the thread (dropping what is queued) and frees. */
void                  rapport_search_builder_free  (RapportSearchBuilder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportSearchBuilder, rapport_search_builder_free)

G_END_DECLS
