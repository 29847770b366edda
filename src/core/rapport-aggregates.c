/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-aggregates"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-aggregates.h"

/* The sums per day are defined by the views *_fresh of the migration that
 * made them (006-aggregates.sql), so the rebuild and the check below read
 * the same definition the triggers were written against.
 *
 * Measured on the decade data set (40 people, weekly 1:1s for ten years,
 * 20,186 meetings, 102,078 ticks, one or two commitments per meeting):
 * history_days holds 4,611 rows (2,600 days, split by archived),
 * history_day_ticks 23,329 (13,150 for the people not archived) and
 * follow_through_days 3,638. Per week instead of per day they would be
 * about 5 times fewer, but a week that starts on Monday does not serve a
 * locale whose weeks start on Sunday, while days serve weeks starting on
 * any day, months and any range. Per person and day they would be as many
 * as the meetings (one 1:1 a week per person), which is why one person's
 * chart still reads the meetings themselves. Rebuilding all three takes
 * about 0.12 s there; the triggers add about 0.5 s of CPU to inserting
 * every row of that data set one by one, hence suspend()/resume() for
 * large imports. */

#define TRIGGER_PATTERN "aggregates_*"

static const char rebuild_sql[] =
  "DELETE FROM history_days;"
  "DELETE FROM history_day_ticks;"
  "DELETE FROM follow_through_days;"
  "INSERT INTO history_days SELECT * FROM history_days_fresh WHERE true;"
  "INSERT INTO history_day_ticks SELECT * FROM history_day_ticks_fresh WHERE true;"
  "INSERT INTO follow_through_days SELECT * FROM follow_through_days_fresh WHERE true;";

gboolean
rapport_aggregates_rebuild (RapportStore *store,
                            GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!rapport_store_begin (store, error))
    return FALSE;
  if (!rapport_store_exec (store, rebuild_sql, error) ||
      !rapport_store_commit (store, error))
    {
      rapport_store_rollback (store);
      g_prefix_error (error, "%s", _("Could not rebuild the history totals: "));
      return FALSE;
    }
  return TRUE;
}

char **
rapport_aggregates_suspend (RapportStore *store,
                            GError      **error)
{
  g_autoptr(GPtrArray) sqls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  /* Outside a transaction the drop would be seen by everyone. */
  g_return_val_if_fail (!sqlite3_get_autocommit (rapport_store_get_handle (store)), NULL);

  stmt = rapport_store_prepare (store,
                                "SELECT name, sql FROM sqlite_schema"
                                " WHERE type = 'trigger' AND name GLOB '" TRIGGER_PATTERN "'"
                                " ORDER BY rowid",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup (rapport_store_column_text (stmt, 0)));
      g_ptr_array_add (sqls, g_strdup (rapport_store_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the database schema"));
      return NULL;
    }

  for (guint i = 0; i < names->len; i++)
    {
      /* Our own names, never quotes in them. */
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"",
                                               (char *) g_ptr_array_index (names, i));

      if (!rapport_store_exec (store, drop, error))
        return NULL;
    }
  g_ptr_array_add (sqls, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&sqls), FALSE);
}

gboolean
rapport_aggregates_resume (RapportStore *store,
                           char        **triggers,
                           GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  for (guint i = 0; triggers != NULL && triggers[i] != NULL; i++)
    if (!rapport_store_exec (store, triggers[i], error))
      return FALSE;
  return rapport_aggregates_rebuild (store, error);
}

/* Check ------------------------------------------------------------------ */

static const struct
{
  const char *table;
  const char *zero; /* a row that counts nothing */
} tables[] = {
  { "history_days", "meetings = 0 AND mood_sum = 0 AND moods = 0" },
  { "history_day_ticks", "total = 0 AND ticked = 0" },
  { "follow_through_days", "closed = 0 AND kept = 0 AND open = 0" },
};

static void
append_row (GString      *out,
            sqlite3_stmt *stmt)
{
  g_string_append_printf (out, "%s (", sqlite3_column_text (stmt, 0));
  for (int c = 1; c < sqlite3_column_count (stmt); c++)
    g_string_append_printf (out, "%s%s", c > 1 ? ", " : "",
                            sqlite3_column_type (stmt, c) == SQLITE_NULL
                              ? "NULL"
                              : (const char *) sqlite3_column_text (stmt, c));
  g_string_append (out, ")");
}

gboolean
rapport_aggregates_check (RapportStore *store,
                          char        **difference,
                          GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (difference != NULL, FALSE);

  *difference = NULL;
  db = rapport_store_get_handle (store);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt    *stmt = NULL;
      int              rc;

      sql = g_strdup_printf ("SELECT * FROM ("
                             " SELECT 'kept', * FROM (SELECT * FROM %s WHERE NOT (%s)"
                             "                        EXCEPT SELECT * FROM %s_fresh)"
                             " UNION ALL"
                             " SELECT 'fresh', * FROM (SELECT * FROM %s_fresh"
                             "                         EXCEPT SELECT * FROM %s))"
                             " ORDER BY 3, 2 LIMIT 6",
                             tables[t].table, tables[t].zero, tables[t].table,
                             tables[t].table, tables[t].table);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          rapport_store_set_error (store, error, _("Could not read the history totals"));
          return FALSE;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_string_append_printf (out, "%s%s ", out->len > 0 ? "; " : "", tables[t].table);
          append_row (out, stmt);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          rapport_store_set_error (store, error, _("Could not read the history totals"));
          return FALSE;
        }
    }

  if (out->len == 0)
    return TRUE;
  *difference = g_string_free (g_steal_pointer (&out), FALSE);
  return FALSE;
}
