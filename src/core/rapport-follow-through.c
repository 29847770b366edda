/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-follow-through"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-follow-through.h"
#include "rapport-meeting.h"

/* The deadline of each of my commitments, computed once (MATERIALIZED) so
 * the correlated look-up of the next meeting runs once per row, and only
 * for rows without a due date. The next meeting is found through
 * meetings_by_person_date, walked upwards from the meeting it was made in. */
#define DEADLINES(FROM) \
  "WITH d AS MATERIALIZED (" \
  " SELECT c.closed_on AS closed_on," \
  "  CASE WHEN c.due IS NOT NULL THEN c.due ELSE" \
  "   (SELECT n.date FROM meetings n" \
  "    WHERE n.person_id = c.person_id AND n.deleted = 0 AND n.date >= m0.date" \
  "    AND NOT (n.date = m0.date AND n.id <= m0.id)" \
  "    ORDER BY n.date, n.id LIMIT 1) END AS deadline" \
  " " FROM \
  " AND c.deleted = 0 AND c.owner = 'me' AND m0.id = c.meeting_id AND m0.deleted = 0)" \
  " SELECT deadline, closed_on IS NOT NULL AND closed_on <= deadline FROM d" \
  " WHERE deadline >= ?2 AND deadline < ?3 AND (closed_on IS NOT NULL OR deadline < ?4)"

static const char person_sql[] =
  DEADLINES ("FROM commitments c CROSS JOIN meetings m0 WHERE c.person_id = ?1");

/* The team: people is small, and driving from it lets the (person_id,
 * deleted) index find each one's commitments. */
static const char team_sql[] =
  DEADLINES ("FROM people p CROSS JOIN commitments c CROSS JOIN meetings m0"
             " WHERE c.person_id = p.id");

/* The bucket holding @date: the last i with bounds[i] <= date. */
static guint
find_bucket (const char * const *bounds,
             guint               n_buckets,
             const char         *date)
{
  guint lo = 0, hi = n_buckets;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (bounds[mid], date) <= 0)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

#define OPEN_START "0000-00-00"
#define OPEN_END "9999-99-99"

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (rapport_date_is_valid (date))
    return TRUE;
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
               _("“%s” is not a date (expected YYYY-MM-DD)"), date ? date : "");
  return FALSE;
}

gboolean
rapport_follow_through_series (RapportStore       *store,
                               gint64              person_id,
                               const char * const *bounds,
                               guint               n_buckets,
                               const char         *today,
                               guint              *kept,
                               guint              *due,
                               GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (n_buckets > 0, FALSE);
  g_return_val_if_fail (kept != NULL && due != NULL, FALSE);

  if (!check_date (today, error))
    return FALSE;
  for (guint i = 0; i <= n_buckets; i++)
    {
      /* The open ends are not dates, but sort like them. */
      if (g_strcmp0 (bounds[i], OPEN_START) != 0 && g_strcmp0 (bounds[i], OPEN_END) != 0
          && !check_date (bounds[i], error))
        return FALSE;
      if (i > 0 && strcmp (bounds[i - 1], bounds[i]) > 0)
        {
          g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                               _("The bucket dates are not in order"));
          return FALSE;
        }
    }

  memset (kept, 0, n_buckets * sizeof (guint));
  memset (due, 0, n_buckets * sizeof (guint));

  stmt = rapport_store_prepare (store, person_id > 0 ? person_sql : team_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, bounds[0], -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, bounds[n_buckets], -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, today, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint i = find_bucket (bounds, n_buckets, rapport_store_column_text (stmt, 0));

      due[i]++;
      if (sqlite3_column_int (stmt, 1))
        kept[i]++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the commitments"));
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_follow_through_rate_at (RapportStore  *store,
                                gint64         person_id,
                                const char    *from,
                                const char    *to,
                                const char    *today,
                                guint         *kept,
                                guint         *due,
                                GError       **error)
{
  const char *bounds[2];

  g_return_val_if_fail (kept != NULL && due != NULL, FALSE);

  bounds[0] = from ? from : OPEN_START;
  bounds[1] = to ? to : OPEN_END;
  if ((from && !check_date (from, error)) || (to && !check_date (to, error)))
    return FALSE;
  return rapport_follow_through_series (store, person_id, bounds, 1, today, kept, due, error);
}

gboolean
rapport_follow_through_rate (RapportStore  *store,
                             gint64         person_id,
                             const char    *from,
                             const char    *to,
                             guint         *kept,
                             guint         *due,
                             GError       **error)
{
  g_autofree char *today = rapport_store_today ();

  return rapport_follow_through_rate_at (store, person_id, from, to, today, kept, due, error);
}
