/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-aggregates"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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

/* Each table's rows from scratch: the same sums as the views *_fresh,
 * which rapport_aggregates_check() compares them with.
 *
 * history_days and history_day_ticks are summed here, from the live
 * meetings (and their ticks) read in date order, which the index
 * meetings_history gives without sorting. Copying the views instead
 * (INSERT ... SELECT ... GROUP BY) sorted all 102,078 ticks of the decade
 * on (archived, day, habit) and called count() and sum() through
 * SQLite's aggregate machinery for each: 0.79 G instructions for
 * history_day_ticks and 0.14 G for history_days, against 0.48 G for
 * both this way (0.22 G reading, 0.21 G writing their 28,000 rows).
 *
 * follow_through_days still copies its view, with the deadlines read
 * once into a temporary table: the view's deadline is a correlated
 * subquery (the next 1:1), which a plain copy ran once for each use
 * (where it is tested, summed, compared and grouped), and which is
 * tested for NULL only after it is read for the same reason (on the
 * command line: 0.23 G for the copy, 0.19 G with the test inside the
 * temporary table's query, 0.15 G as here). */
static const char rebuild_sql[] =
  "DELETE FROM history_days;"
  "DELETE FROM history_day_ticks;"
  "DELETE FROM follow_through_days;"
  "WITH d AS MATERIALIZED (SELECT deadline, closed_on FROM follow_through_deadlines)"
  "INSERT INTO follow_through_days"
  " SELECT deadline, sum (closed_on IS NOT NULL),"
  "        sum (closed_on IS NOT NULL AND closed_on <= deadline), sum (closed_on IS NULL)"
  "   FROM d WHERE deadline IS NOT NULL GROUP BY deadline;";

/* One row of history_days (habit unused) or history_day_ticks. */
typedef struct
{
  gint64 archived;
  gint64 habit;
  gint64 sums[3]; /* the table's counts, in its order */
} DaySum;

typedef enum
{
  DAYS,
  DAY_TICKS,
} DayTable;

static const struct
{
  const char *read;
  const char *write;
} day_sql[] = {
  [DAYS] = {
    "SELECT m.date, p.archived, 0, m.mood"
    "  FROM meetings m JOIN people p ON p.id = m.person_id"
    " WHERE m.deleted = 0 ORDER BY m.date",
    /* ?3, the habit, is bound and not used. */
    "INSERT INTO history_days (archived, day, meetings, mood_sum, moods)"
    " VALUES (?1, ?2, ?4, ?5, ?6)",
  },
  [DAY_TICKS] = {
    "SELECT m.date, p.archived, c.habit_id, c.ticked"
    "  FROM meetings m JOIN people p ON p.id = m.person_id"
    "  JOIN checklist c ON c.meeting_id = m.id"
    " WHERE m.deleted = 0 ORDER BY m.date",
    "INSERT INTO history_day_ticks (archived, day, habit_id, total, ticked)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  },
};

/* The sum of @day for (@archived, @habit): @sums is kept in that order,
 * so that a day with many habits is not searched row by row. */
static DaySum *
day_sum (GArray *sums,
         gint64  archived,
         gint64  habit)
{
  guint  lo = 0, hi = sums->len;
  DaySum fresh = { archived, habit, { 0, 0, 0 } };

  while (lo < hi)
    {
      guint   mid = lo + (hi - lo) / 2;
      DaySum *s = &g_array_index (sums, DaySum, mid);

      if (s->archived == archived && s->habit == habit)
        return s;
      if (s->archived < archived || (s->archived == archived && s->habit < habit))
        lo = mid + 1;
      else
        hi = mid;
    }
  g_array_insert_val (sums, lo, fresh);
  return &g_array_index (sums, DaySum, lo);
}

static gboolean
write_day (RapportStore *store,
           sqlite3_stmt *write,
           const char   *day,
           GArray       *sums,
           GError      **error)
{
  for (guint i = 0; i < sums->len; i++)
    {
      DaySum *s = &g_array_index (sums, DaySum, i);

      sqlite3_bind_int64 (write, 1, s->archived);
      sqlite3_bind_text (write, 2, day, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (write, 3, s->habit);
      for (guint k = 0; k < 3; k++)
        sqlite3_bind_int64 (write, 4 + k, s->sums[k]);
      if (!rapport_store_step_done (store, write, error))
        return FALSE;
    }
  g_array_set_size (sums, 0);
  return TRUE;
}

static gboolean
rebuild_days (RapportStore *store,
              DayTable      table,
              GError      **error)
{
  g_autoptr(GArray) sums = g_array_new (FALSE, FALSE, sizeof (DaySum));
  g_autoptr(GString) day = g_string_new (NULL);
  sqlite3_stmt *stmt, *write;
  gboolean      any = FALSE;
  int           rc;

  /* Two statements of their own: one steps while the other writes. */
  write = rapport_store_prepare (store, day_sql[table].write, error);
  if (write == NULL)
    return FALSE;
  stmt = rapport_store_prepare (store, day_sql[table].read, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *date = rapport_store_column_text (stmt, 0);
      DaySum     *s;

      if (!any || strcmp (date, day->str) != 0)
        {
          if (any && !write_day (store, write, day->str, sums, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          g_string_assign (day, date);
          any = TRUE;
        }
      s = day_sum (sums, sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2));
      s->sums[0]++;
      if (table == DAY_TICKS)
        s->sums[1] += sqlite3_column_int64 (stmt, 3);
      else if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          s->sums[1] += sqlite3_column_int64 (stmt, 3);
          s->sums[2]++;
        }
    }
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the meetings"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return !any || write_day (store, write, day->str, sums, error);
}

gboolean
rapport_aggregates_rebuild (RapportStore *store,
                            GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!rapport_store_begin (store, error))
    return FALSE;
  if (!rapport_store_exec (store, rebuild_sql, error) ||
      !rebuild_days (store, DAYS, error) ||
      !rebuild_days (store, DAY_TICKS, error) ||
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
