/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the model files share in checking, writing and reading their rows
 * (commitments, talking points, skipped 1:1s, ...), where only the table
 * and the words of the errors differ. Private to src/core. */

#include <gio/gio.h>
#include <sqlite3.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* Builds one object from the current row of a statement. */
typedef gpointer (*RapportRowsFromRow) (sqlite3_stmt *stmt,
                                        gpointer      user_data);

gboolean    rapport_rows_check_text          (const char          *text,
                                              char               **clean,
                                              const char          *empty_message,
                                              GError             **error,
                                              const char          *too_long_format,
                                              ...) G_GNUC_PRINTF (5, 6);
gboolean    rapport_rows_check_date          (const char          *date,
                                              GError             **error);
gboolean    rapport_rows_check_optional_date (const char          *date,
                                              GError             **error);

void        rapport_rows_bind_text_or_null   (sqlite3_stmt        *stmt,
                                              int                  column,
                                              const char          *value);
char       *rapport_rows_dup_text_or_null    (sqlite3_stmt        *stmt,
                                              int                  column);

gboolean    rapport_rows_step_changed_one    (RapportStore        *store,
                                              sqlite3_stmt        *stmt,
                                              GError             **error,
                                              const char          *missing_format,
                                              ...) G_GNUC_PRINTF (4, 5);
gboolean    rapport_rows_update_column       (RapportStore        *store,
                                              const char          *sql,
                                              gint64               id,
                                              const char          *value,
                                              const char          *now,
                                              const char          *missing,
                                              GError             **error);

gpointer    rapport_rows_load_by_id          (RapportStore        *store,
                                              const char          *sql,
                                              gint64               id,
                                              RapportRowsFromRow   from_row,
                                              const char          *what,
                                              GError             **error,
                                              const char          *missing_format,
                                              ...) G_GNUC_PRINTF (7, 8);
GListStore *rapport_rows_collect             (RapportStore        *store,
                                              sqlite3_stmt        *stmt,
                                              GType                item_type,
                                              RapportRowsFromRow   from_row,
                                              gpointer             user_data,
                                              const char          *what,
                                              GError             **error);

gboolean    rapport_rows_read_meeting        (RapportStore        *store,
                                              gint64               meeting_id,
                                              gint64              *person_id,
                                              char               **date,
                                              GError             **error);

G_END_DECLS
