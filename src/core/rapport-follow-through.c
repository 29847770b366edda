/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-follow-through"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-follow-through.h"
#include "rapport-meeting.h"
#include "rapport-store-rows.h"

/* One person: two indexed reads, joined here rather than in SQL: a
 * meetings row holds its notes, so looking one up per commitment is slow,
 * while the covering index meetings_by_person_date gives the person's
 * meetings newest first (the next meeting of each is the row read just
 * before it). Then my commitments through commitments_by_person. Dates
 * become yyyymmdd integers on the way.
 *
 * The team: the sums per deadline day that triggers keep in
 * follow_through_days (006-aggregates.sql), by the same rules, so a chart
 * reads at most one row per day in range (3,638 for ten years of the
 * decade data set, against 20,186 meetings and 30,279 commitments read
 * before). Whether an open commitment counts depends on today, so open
 * ones are summed apart and counted here when their deadline is past. */
#define MEETINGS_SQL(FROM)                                      \
  "SELECT m.person_id, m.id, m.date " FROM " AND m.deleted = 0" \
  " ORDER BY m.person_id, m.date DESC, m.id DESC"
#define COMMITMENTS_SQL(FROM)                     \
  "SELECT c.meeting_id, c.due, c.closed_on " FROM \
  " AND c.deleted = 0 AND c.owner = 'me'"

static const char person_meetings_sql[] =
  MEETINGS_SQL ("FROM meetings m WHERE m.person_id = ?1");
static const char person_commitments_sql[] =
  COMMITMENTS_SQL ("FROM commitments c WHERE c.person_id = ?1");
static const char team_days_sql[] =
  "SELECT day, closed, kept, open FROM follow_through_days WHERE day >= ?1 AND day < ?2";

/* "2026-03-02" -> 20260302; also maps the open ends. 0 for NULL. */
static int
ymd (const unsigned char *text)
{
  int v = 0;

  if (text == NULL)
    return 0;
  for (; *text; text++)
    if (*text >= '0' && *text <= '9')
      v = v * 10 + (*text - '0');
  return v;
}

/* The bucket holding @date: the last i with bounds[i] <= date. */
static guint
find_bucket (const int *bounds,
             guint      n_buckets,
             int        date)
{
  guint lo = 0, hi = n_buckets;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (bounds[mid] <= date)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* meeting id -> yyyymmdd of the next meeting with @person_id, or -1. */
static GHashTable *
load_next_dates (RapportStore *store,
                 gint64        person_id,
                 GError      **error)
{
  g_autoptr(GHashTable) next = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt;
  gint64        last_person = -1;
  int           later = -1;
  int           rc;

  stmt = rapport_store_prepare (store, person_meetings_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 1);
      int    date = ymd (sqlite3_column_text (stmt, 2));

      if (person != last_person)
        later = -1;
      g_hash_table_insert (next, GSIZE_TO_POINTER ((gsize) id), GINT_TO_POINTER (later));
      later = date;
      last_person = person;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the meetings"));
      return NULL;
    }
  return g_steal_pointer (&next);
}

/* The team, from the sums per deadline day. */
static gboolean
team_series (RapportStore      *store,
             const char *const *bounds,
             const int         *bound_days,
             guint              n_buckets,
             int                now,
             guint             *kept,
             guint             *due,
             GError           **error)
{
  sqlite3_stmt *stmt;
  guint         i = 0;
  int           rc;

  stmt = rapport_store_prepare (store, team_days_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bounds[0], -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, bounds[n_buckets], -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int deadline = ymd (sqlite3_column_text (stmt, 0));

      /* As for one person: the range is over yyyymmdd numbers. */
      if (deadline < bound_days[0] || deadline >= bound_days[n_buckets])
        continue;
      /* Rows come by day: mostly the same bucket or the next. */
      if (deadline < bound_days[i] || (i + 1 < n_buckets && deadline >= bound_days[i + 1]))
        i = find_bucket (bound_days, n_buckets, deadline);
      due[i] += sqlite3_column_int (stmt, 1);
      kept[i] += sqlite3_column_int (stmt, 2);
      /* Open and still keepable (deadline today or later): not counted. */
      if (deadline < now)
        due[i] += sqlite3_column_int (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the commitments"));
      return FALSE;
    }
  return TRUE;
}

#define OPEN_START "0000-00-00"
#define OPEN_END "9999-99-99"

gboolean
rapport_follow_through_series (RapportStore      *store,
                               gint64             person_id,
                               const char *const *bounds,
                               guint              n_buckets,
                               const char        *today,
                               guint             *kept,
                               guint             *due,
                               GError           **error)
{
  g_autoptr(GHashTable) next = NULL;
  g_autofree int *bound_days = NULL;
  sqlite3_stmt   *stmt;
  int             from, to, now;
  int             rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (n_buckets > 0, FALSE);
  g_return_val_if_fail (kept != NULL && due != NULL, FALSE);

  if (!rapport_rows_check_date (today, error))
    return FALSE;
  for (guint i = 0; i <= n_buckets; i++)
    {
      /* The open ends are not dates, but sort like them. */
      if (g_strcmp0 (bounds[i], OPEN_START) != 0 && g_strcmp0 (bounds[i], OPEN_END) != 0 && !rapport_rows_check_date (bounds[i], error))
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

  bound_days = g_new (int, n_buckets + 1);
  for (guint i = 0; i <= n_buckets; i++)
    bound_days[i] = ymd ((const unsigned char *) bounds[i]);
  from = bound_days[0];
  to = bound_days[n_buckets];
  now = ymd ((const unsigned char *) today);

  if (person_id == 0)
    return team_series (store, bounds, bound_days, n_buckets, now, kept, due, error);

  next = load_next_dates (store, person_id, error);
  if (next == NULL)
    return FALSE;
  stmt = rapport_store_prepare (store, person_commitments_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer found;
      int      deadline, closed_on;
      guint    i;

      /* Not there: made in a hidden (deleted) meeting. */
      if (!g_hash_table_lookup_extended (next, GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0)),
                                         NULL, &found))
        continue;
      deadline = sqlite3_column_type (stmt, 1) != SQLITE_NULL
                   ? ymd (sqlite3_column_text (stmt, 1))
                   : GPOINTER_TO_INT (found);
      closed_on = ymd (sqlite3_column_text (stmt, 2));
      /* No deadline yet (no later 1:1), outside the range, or open and
       * still keepable: not counted. */
      if (deadline < 0 || deadline < from || deadline >= to || (closed_on == 0 && deadline >= now))
        continue;
      i = find_bucket (bound_days, n_buckets, deadline);
      due[i]++;
      if (closed_on != 0 && closed_on <= deadline)
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
rapport_follow_through_rate_at (RapportStore *store,
                                gint64        person_id,
                                const char   *from,
                                const char   *to,
                                const char   *today,
                                guint        *kept,
                                guint        *due,
                                GError      **error)
{
  const char *bounds[2];

  g_return_val_if_fail (kept != NULL && due != NULL, FALSE);

  bounds[0] = from ? from : OPEN_START;
  bounds[1] = to ? to : OPEN_END;
  if ((from && !rapport_rows_check_date (from, error)) || (to && !rapport_rows_check_date (to, error)))
    return FALSE;
  return rapport_follow_through_series (store, person_id, bounds, 1, today, kept, due, error);
}

gboolean
rapport_follow_through_rate (RapportStore *store,
                             gint64        person_id,
                             const char   *from,
                             const char   *to,
                             guint        *kept,
                             guint        *due,
                             GError      **error)
{
  g_autofree char *today = rapport_store_today ();

  return rapport_follow_through_rate_at (store, person_id, from, to, today, kept, due, error);
}
