/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-store-rows"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-date.h"
#include "rapport-store-rows.h"
#include "rapport-text.h"

/* Sets @error, unless NULL, to @code with a message from @format. */
static void set_error_valist (GError    **error,
                              int         code,
                              const char *format,
                              va_list     args) G_GNUC_PRINTF (3, 0);

static void
set_error_valist (GError    **error,
                  int         code,
                  const char *format,
                  va_list     args)
{
  if (error != NULL)
    g_propagate_error (error, g_error_new_valist (RAPPORT_STORE_ERROR, code, format, args));
}

/* Validating ------------------------------------------------------------- */

/* Cleans @text to one line into @clean. An empty result sets @error to
 * @empty_message, one longer than RAPPORT_MAX_TEXT_CHARS to
 * @too_long_format; @clean is then NULL. */
gboolean
rapport_rows_check_text (const char *text,
                         char      **clean,
                         const char *empty_message,
                         GError    **error,
                         const char *too_long_format,
                         ...)
{
  va_list args;

  *clean = rapport_text_single_line (text);
  if (**clean == '\0')
    {
      g_clear_pointer (clean, g_free);
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           empty_message);
      return FALSE;
    }
  if (g_utf8_strlen (*clean, -1) > RAPPORT_MAX_TEXT_CHARS)
    {
      g_clear_pointer (clean, g_free);
      va_start (args, too_long_format);
      set_error_valist (error, RAPPORT_STORE_ERROR_INVALID, too_long_format, args);
      va_end (args);
      return FALSE;
    }
  return TRUE;
}

/* A day as YYYY-MM-DD, or @error. */
gboolean
rapport_rows_check_date (const char *date,
                         GError    **error)
{
  if (rapport_date_is_valid (date))
    return TRUE;
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
               _("“%s” is not a date (expected YYYY-MM-DD)"), date ? date : "");
  return FALSE;
}

/* As rapport_rows_check_date(), but NULL and "" both mean "no date". */
gboolean
rapport_rows_check_optional_date (const char *date,
                                  GError    **error)
{
  return date == NULL || *date == '\0' || rapport_rows_check_date (date, error);
}

/* Columns ---------------------------------------------------------------- */

/* NULL and "" are stored as NULL. */
void
rapport_rows_bind_text_or_null (sqlite3_stmt *stmt,
                                int           column,
                                const char   *value)
{
  if (value == NULL || *value == '\0')
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, value, -1, SQLITE_TRANSIENT);
}

/* A copy of the text in @column, or NULL where it is NULL. */
char *
rapport_rows_dup_text_or_null (sqlite3_stmt *stmt,
                               int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup (rapport_store_column_text (stmt, column));
}

/* Writing ---------------------------------------------------------------- */

/* Steps a statement that writes one row. Where it wrote none (the row is
 * gone or does not match), @error is NOT_FOUND with @missing_format. */
gboolean
rapport_rows_step_changed_one (RapportStore *store,
                               sqlite3_stmt *stmt,
                               GError      **error,
                               const char   *missing_format,
                               ...)
{
  va_list args;

  if (!rapport_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (rapport_store_get_handle (store)) == 1)
    return TRUE;
  va_start (args, missing_format);
  set_error_valist (error, RAPPORT_STORE_ERROR_NOT_FOUND, missing_format, args);
  va_end (args);
  return FALSE;
}

/* One UPDATE of one column of one row, @sql with ?1 its id, ?2 the value
 * (NULL for NULL or "") and ?3 the time @now. In autocommit mode it is a
 * transaction of its own. A row it does not find sets @error to
 * NOT_FOUND with @missing. */
gboolean
rapport_rows_update_column (RapportStore *store,
                            const char   *sql,
                            gint64        id,
                            const char   *value,
                            const char   *now,
                            const char   *missing,
                            GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = rapport_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rapport_rows_bind_text_or_null (stmt, 2, value);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  return rapport_rows_step_changed_one (store, stmt, error, "%s", missing);
}

/* Reading ---------------------------------------------------------------- */

/* The object for row @id, read by @sql (with ?1 the id), or NULL with
 * @error: NOT_FOUND with @missing_format where there is no such row, the
 * SQLite error after @what where reading failed. */
gpointer
rapport_rows_load_by_id (RapportStore      *store,
                         const char        *sql,
                         gint64             id,
                         RapportRowsFromRow from_row,
                         const char        *what,
                         GError           **error,
                         const char        *missing_format,
                         ...)
{
  gpointer      item = NULL;
  sqlite3_stmt *stmt;
  va_list       args;
  int           rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  stmt = rapport_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = from_row (stmt, NULL);
  else if (rc != SQLITE_DONE)
    rapport_store_set_error (store, error, what);
  else
    {
      va_start (args, missing_format);
      set_error_valist (error, RAPPORT_STORE_ERROR_NOT_FOUND, missing_format, args);
      va_end (args);
    }
  sqlite3_reset (stmt);
  return item;
}

/* Every row of @stmt as an object of @item_type, made by @from_row with
 * @user_data, or NULL with the SQLite error after @what. */
GListStore *
rapport_rows_collect (RapportStore      *store,
                      sqlite3_stmt      *stmt,
                      GType              item_type,
                      RapportRowsFromRow from_row,
                      gpointer           user_data,
                      const char        *what,
                      GError           **error)
{
  g_autoptr(GListStore) list = g_list_store_new (item_type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) item = from_row (stmt, user_data);

      g_list_store_append (list, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, what);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The person and day of meeting @meeting_id, which must be there and not
 * hidden. */
gboolean
rapport_rows_read_meeting (RapportStore *store,
                           gint64        meeting_id,
                           gint64       *person_id,
                           char        **date,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = rapport_store_prepare (store,
                                "SELECT person_id, date FROM meetings WHERE id = ?1 AND deleted = 0",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (!rapport_store_step_row (store, stmt, _("Could not read a meeting"), error,
                               _("No meeting with id %lld"), (long long) meeting_id))
    return FALSE;
  *person_id = sqlite3_column_int64 (stmt, 0);
  *date = g_strdup (rapport_store_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return TRUE;
}
