/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cadence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rapport-cadence.h"
#include "rapport-date.h"
#include "rapport-meeting.h"
#include "rapport-this-week-private.h"

/* Whether @text is ten characters, digits but for the two dashes of
 * YYYY-MM-DD. */
static gboolean
is_plain_date (const char *text)
{
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  return text[10] == '\0';
}

/* Julian day of YYYY-MM-DD, 0 when it is not a date. The store's dates
 * are read digit by digit: through rapport_date_parse() (sscanf twice)
 * this was two thirds of the team's adherence over ten years. Anything
 * else goes through it, so what is a date stays the same. */
static guint32
julian_of (const char *date)
{
  GDate day;

  if (date != NULL && is_plain_date (date))
    {
      int y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
      int m = (date[5] - '0') * 10 + (date[6] - '0');
      int d = (date[8] - '0') * 10 + (date[9] - '0');

      if (!g_date_valid_dmy (d, m, y))
        return 0;
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, d, m, y);
      return g_date_get_julian (&day);
    }
  if (!rapport_date_parse (date, &day))
    return 0;
  return g_date_get_julian (&day);
}

static void
format_julian (guint32         julian,
               RapportDateText out)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, julian);
  rapport_date_format (&day, out);
}

void
rapport_cadence_compute (const RapportCadenceInput *input,
                         const char                *today,
                         RapportCadenceStatus      *status)
{
  guint32  now = julian_of (today);
  guint32  last = julian_of (input->last_date);
  guint32  due = 0;
  int      cadence = CLAMP (input->cadence_days, 1, 366);
  gboolean first;

  g_return_if_fail (input != NULL && status != NULL);
  g_return_if_fail (now != 0);

  memset (status, 0, sizeof *status);
  status->state = RAPPORT_DUE_NONE;
  status->basis = RAPPORT_DUE_BASIS_NONE;
  if (last != 0 && last <= now)
    {
      status->met = TRUE;
      g_strlcpy (status->last_date, input->last_date, sizeof status->last_date);
    }
  else
    last = 0;
  if (input->archived)
    return;
  first = last == 0;

  if (!first)
    {
      due = last + cadence;
      status->basis = RAPPORT_DUE_BASIS_LAST_MEETING;
    }
  else if (julian_of (input->added_date) != 0)
    {
      due = julian_of (input->added_date) + cadence;
      status->basis = RAPPORT_DUE_BASIS_ADDED;
    }

  for (guint i = 0; i < input->n_events; i++)
    {
      const RapportCadenceEvent *e = &input->events[i];
      guint32                    day = julian_of (e->date);

      /* Only what was missed after the last 1:1 held. */
      if (day == 0 || day <= last)
        continue;
      if (e->kind == RAPPORT_MISSED_SKIPPED)
        {
          status->n_skipped++;
          if (e->reason == RAPPORT_MISSED_REASON_LEAVE)
            {
              status->n_leave++;
              due = day + cadence;
              status->basis = RAPPORT_DUE_BASIS_LEAVE;
            }
        }
      else if (julian_of (e->moved_to) != 0)
        {
          due = julian_of (e->moved_to);
          status->basis = RAPPORT_DUE_BASIS_MOVED;
        }
    }

  /* A date set by hand is spent once a 1:1 is held on or after it. */
  if (julian_of (input->next_date) > last)
    {
      due = julian_of (input->next_date);
      status->basis = RAPPORT_DUE_BASIS_NEXT_DATE;
      g_strlcpy (status->next_date, input->next_date, sizeof status->next_date);
    }

  if (due == 0)
    return;
  format_julian (due, status->due_date);
  if (now < due)
    return;
  status->days_late = (int) (now - due);
  if (first || status->days_late <= rapport_brief_grace_days (cadence))
    status->state = RAPPORT_DUE_DUE;
  else
    status->state = RAPPORT_DUE_OVERDUE;
}

/* The local day of a UTC timestamp as the store writes them
 * ("2026-03-02T09:15:00.000Z"), or NULL. */
static char *
local_day_of (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d");
}

/* A person and their last 1:1 held (by the meetings' person index). */
const char rapport_cadence_person_sql[] =
  "SELECT p.cadence_days, p.archived, p.next_date, p.created_at,"
  " (SELECT m.date FROM meetings m WHERE m.person_id = p.id AND m.deleted = 0"
  "  AND m.date <= ?2 ORDER BY m.date DESC, m.id DESC LIMIT 1)"
  " FROM people p WHERE p.id = ?1";

/* What they missed since (by the (person_id, deleted, date) index). */
const char rapport_cadence_missed_sql[] =
  "SELECT date, kind, reason_kind, moved_to FROM missed_meetings"
  " WHERE person_id = ?1 AND deleted = 0 AND date > ?2"
  " ORDER BY date, id";

gboolean
rapport_cadence_status_load (RapportStore         *store,
                             gint64                person_id,
                             const char           *today,
                             RapportCadenceStatus *status,
                             GError              **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (RapportCadenceEvent));
  g_autofree char    *last = NULL;
  g_autofree char    *added = NULL;
  g_autofree char    *next = NULL;
  RapportCadenceInput input = { 0 };
  sqlite3_stmt       *stmt;
  int                 rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  if (!rapport_date_is_valid (today))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is not a date (expected YYYY-MM-DD)"), today ? today : "");
      return FALSE;
    }

  stmt = rapport_store_prepare (store, rapport_cadence_person_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  if (!rapport_store_step_row (store, stmt, _("Could not read a person"), error,
                               _("No person with id %lld"), (long long) person_id))
    return FALSE;
  input.cadence_days = sqlite3_column_int (stmt, 0);
  input.archived = sqlite3_column_int (stmt, 1) != 0;
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    next = g_strdup (rapport_store_column_text (stmt, 2));
  if (sqlite3_column_type (stmt, 4) == SQLITE_NULL)
    added = local_day_of (rapport_store_column_text (stmt, 3));
  else
    last = g_strdup (rapport_store_column_text (stmt, 4));
  sqlite3_reset (stmt);

  if (!input.archived)
    {
      stmt = rapport_store_prepare (store, rapport_cadence_missed_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_text (stmt, 2, last != NULL ? last : "", -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          RapportCadenceEvent e = { { 0 } };

          g_strlcpy (e.date, rapport_store_column_text (stmt, 0), sizeof e.date);
          rapport_missed_kind_from_string (rapport_store_column_text (stmt, 1), &e.kind);
          rapport_missed_reason_from_string (rapport_store_column_text (stmt, 2), &e.reason);
          g_strlcpy (e.moved_to, rapport_store_column_text (stmt, 3), sizeof e.moved_to);
          g_array_append_val (events, e);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          rapport_store_set_error (store, error, _("Could not read the skipped 1:1s"));
          return FALSE;
        }
    }

  input.last_date = last;
  input.added_date = added;
  input.next_date = next;
  input.events = (const RapportCadenceEvent *) (gpointer) events->data;
  input.n_events = events->len;
  rapport_cadence_compute (&input, today, status);
  return TRUE;
}

/* Every person and their last 1:1 held, as rapport_cadence_person_sql
 * reads one. */
const char rapport_cadence_people_sql[] =
  "SELECT p.id, p.cadence_days, p.archived, p.next_date, p.created_at,"
  " (SELECT m.date FROM meetings m WHERE m.person_id = p.id AND m.deleted = 0"
  "  AND m.date <= ?1 ORDER BY m.date DESC, m.id DESC LIMIT 1)"
  " FROM people p";

/* What each person still on the team missed since their last 1:1 held,
 * by person and then as rapport_cadence_missed_sql orders one's: one
 * search of the meetings' person index and one of the missed meetings'
 * (person_id, deleted, date) index a person. */
const char rapport_cadence_team_missed_sql[] =
  "SELECT p.id, s.date, s.kind, s.reason_kind, s.moved_to"
  " FROM people p CROSS JOIN missed_meetings s"
  " WHERE p.archived = 0 AND s.person_id = p.id AND s.deleted = 0"
  " AND s.date > coalesce ((SELECT m.date FROM meetings m WHERE m.person_id = p.id AND m.deleted = 0"
  "  AND m.date <= ?1 ORDER BY m.date DESC, m.id DESC LIMIT 1), '')"
  " ORDER BY p.id, s.date, s.id";

/* One person's facts while the team is read. */
typedef struct
{
  gint64   id;
  int      cadence_days;
  gboolean archived;
  char    *next;
  char    *added;
  char    *last;
  GArray  *events; /* RapportCadenceEvent */
} TeamMember;

static void
team_member_free (gpointer data)
{
  TeamMember *member = data;

  g_free (member->next);
  g_free (member->added);
  g_free (member->last);
  g_clear_pointer (&member->events, g_array_unref);
  g_free (member);
}

GHashTable *
rapport_cadence_status_load_all (RapportStore *store,
                                 const char   *today,
                                 GError      **error)
{
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (team_member_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  if (!rapport_date_is_valid (today))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is not a date (expected YYYY-MM-DD)"), today ? today : "");
      return NULL;
    }

  stmt = rapport_store_prepare (store, rapport_cadence_people_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TeamMember *member = g_new0 (TeamMember, 1);

      member->id = sqlite3_column_int64 (stmt, 0);
      member->cadence_days = sqlite3_column_int (stmt, 1);
      member->archived = sqlite3_column_int (stmt, 2) != 0;
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        member->next = g_strdup (rapport_store_column_text (stmt, 3));
      if (sqlite3_column_type (stmt, 5) == SQLITE_NULL)
        member->added = local_day_of (rapport_store_column_text (stmt, 4));
      else
        member->last = g_strdup (rapport_store_column_text (stmt, 5));
      member->events = g_array_new (FALSE, TRUE, sizeof (RapportCadenceEvent));
      g_ptr_array_add (members, member);
      g_hash_table_insert (by_id, &member->id, member);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the people"));
      return NULL;
    }

  stmt = rapport_store_prepare (store, rapport_cadence_team_missed_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64              id = sqlite3_column_int64 (stmt, 0);
      TeamMember         *member = g_hash_table_lookup (by_id, &id);
      RapportCadenceEvent e = { { 0 } };

      if (member == NULL)
        continue;
      g_strlcpy (e.date, rapport_store_column_text (stmt, 1), sizeof e.date);
      rapport_missed_kind_from_string (rapport_store_column_text (stmt, 2), &e.kind);
      rapport_missed_reason_from_string (rapport_store_column_text (stmt, 3), &e.reason);
      g_strlcpy (e.moved_to, rapport_store_column_text (stmt, 4), sizeof e.moved_to);
      g_array_append_val (member->events, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the skipped 1:1s"));
      return NULL;
    }

  for (guint i = 0; i < members->len; i++)
    {
      TeamMember           *member = g_ptr_array_index (members, i);
      RapportCadenceStatus *status = g_new (RapportCadenceStatus, 1);
      RapportCadenceInput   input = {
          member->cadence_days,
          member->archived,
          member->last,
          member->added,
          member->next,
          (const RapportCadenceEvent *) (gpointer) member->events->data,
          member->events->len,
      };

      rapport_cadence_compute (&input, today, status);
      g_hash_table_insert (statuses, g_memdup2 (&member->id, sizeof member->id), status);
    }
  return g_steal_pointer (&statuses);
}

RapportDueState
rapport_cadence_due_state (RapportStore *store,
                           gint64        person_id,
                           const char   *today)
{
  g_autoptr(GError) error = NULL;
  RapportCadenceStatus status;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), RAPPORT_DUE_NONE);

  if (!rapport_cadence_status_load (store, person_id, today, &status, &error))
    {
      g_debug ("No due state for person %" G_GINT64_FORMAT ": %s", person_id, error->message);
      return RAPPORT_DUE_NONE;
    }
  return status.state;
}

gboolean
rapport_cadence_set_next_date (RapportStore *store,
                               gint64        person_id,
                               const char   *date,
                               GError      **error)
{
  g_autofree char *now = rapport_store_now ();
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (date != NULL && *date == '\0')
    date = NULL;
  if (date != NULL && !rapport_date_is_valid (date))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is not a date (expected YYYY-MM-DD)"), date);
      return FALSE;
    }
  stmt = rapport_store_prepare (store,
                                "UPDATE people SET next_date = ?2, updated_at = ?3"
                                " WHERE id = ?1 AND next_date IS NOT ?2",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (date != NULL)
    sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!rapport_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (rapport_store_get_handle (store)) == 0)
    {
      /* Nothing changed: the same date, or nobody. */
      stmt = rapport_store_prepare (store, "SELECT 1 FROM people WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      if (!rapport_store_step_row (store, stmt, _("Could not read a person"), error,
                                   _("No person with id %lld"), (long long) person_id))
        return FALSE;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ *
 * Adherence
 * ------------------------------------------------------------------ */

typedef struct
{
  gint64  id;
  int     cadence;
  guint32 first; /* julian day of the first 1:1 ever, 0: none */
} Member;

/* The bucket of @day: the last whose start is on or before it, or -1
 * outside [first start, last end). */
static int
bucket_of (const guint32 *starts,
           guint          n_buckets,
           guint32        day)
{
  guint lo = 0, hi = n_buckets;

  if (day < starts[0] || day >= starts[n_buckets])
    return -1;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (starts[mid] <= day)
        lo = mid;
      else
        hi = mid;
    }
  return (int) lo;
}

/* How many days first + k x cadence (k >= 0) fall in [start, end). */
static guint
slots_in (guint32 first,
          int     cadence,
          guint32 start,
          guint32 end)
{
  start = MAX (start, first);
  if (start >= end)
    return 0;
  return (end - first + cadence - 1) / cadence - (start - first + cadence - 1) / cadence;
}

/* One person's 1:1s held and skipped for leave in one bucket, where
 * either is not 0. */
typedef struct
{
  guint member;
  guint bucket;
  guint held;
  guint excused; /* skipped for leave that take a 1:1 off expected */
} Cell;

static Cell *
cell_of (GHashTable *cells,
         GArray     *array,
         guint       n_buckets,
         guint       member,
         guint       bucket)
{
  gpointer key = GUINT_TO_POINTER (member * n_buckets + bucket + 1);
  guint    position = GPOINTER_TO_UINT (g_hash_table_lookup (cells, key));

  if (position == 0)
    {
      Cell cell = { member, bucket, 0, 0 };

      g_array_append_val (array, cell);
      position = array->len;
      g_hash_table_insert (cells, key, GUINT_TO_POINTER (position));
    }
  return &g_array_index (array, Cell, position - 1);
}

/* Whether @member held a 1:1 in the cadence period of @day, the cadence
 * days from the slot on or before it (first + k x cadence), up to
 * today. */
static gboolean
held_in_period (RapportStore *store,
                const Member *member,
                guint32       day,
                guint32       now,
                gboolean     *held,
                GError      **error)
{
  guint32         start = day - (day - member->first) % member->cadence;
  guint32         end = MIN (start + member->cadence, now + 1);
  RapportDateText from, to;
  sqlite3_stmt   *stmt;
  int             rc;

  format_julian (start, from);
  format_julian (end, to);
  stmt = rapport_store_prepare (store,
                                "SELECT 1 FROM meetings WHERE person_id = ?1 AND deleted = 0"
                                " AND date >= ?2 AND date < ?3 LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member->id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the meetings"));
      return FALSE;
    }
  *held = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
rapport_cadence_adherence_series (RapportStore      *store,
                                  gint64             person_id,
                                  const char *const *bounds,
                                  guint              n_buckets,
                                  const char        *today,
                                  gboolean           include_archived,
                                  RapportAdherence  *out,
                                  GError           **error)
{
  g_autofree guint32 *starts = NULL;
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (Member));
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) cell_array = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_autoptr(GHashTable) cells = g_hash_table_new (NULL, NULL);
  g_autofree char *end_date = NULL;
  guint32          now, end;
  sqlite3_stmt    *stmt;
  int              rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (bounds != NULL && n_buckets > 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  now = julian_of (today);
  starts = g_new (guint32, n_buckets + 1);
  for (guint i = 0; i <= n_buckets; i++)
    {
      starts[i] = julian_of (bounds[i]);
      if (starts[i] == 0 || (i > 0 && starts[i] < starts[i - 1]) || now == 0)
        {
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                       _("“%s” is not a date (expected YYYY-MM-DD)"),
                       now == 0 ? (today ? today : "") : bounds[i]);
          return FALSE;
        }
    }
  memset (out, 0, n_buckets * sizeof *out);
  /* Nothing after today is held or expected yet. */
  end = MIN (starts[n_buckets], now + 1);
  end_date = g_malloc (11);
  format_julian (end, end_date);

  /* The people, with their first 1:1 (one search of the meetings' index
   * each). */
  stmt = rapport_store_prepare (store,
                                "SELECT p.id, p.cadence_days,"
                                " (SELECT min (m.date) FROM meetings m WHERE m.person_id = p.id AND m.deleted = 0)"
                                " FROM people p WHERE (?1 = 0 OR p.id = ?1) AND (?2 OR p.archived = 0)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int (stmt, 2, include_archived || person_id != 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Member member = {
        sqlite3_column_int64 (stmt, 0),
        CLAMP (sqlite3_column_int (stmt, 1), 1, 366),
        julian_of ((const char *) sqlite3_column_text (stmt, 2)),
      };
      g_array_append_val (members, member);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the people"));
      return FALSE;
    }
  for (guint i = 0; i < members->len; i++)
    g_hash_table_insert (index, &g_array_index (members, Member, i).id, GUINT_TO_POINTER (i + 1));

  /* Expected, from the cadence. */
  for (guint i = 0; i < members->len; i++)
    {
      const Member *member = &g_array_index (members, Member, i);

      if (member->first == 0)
        continue;
      for (guint b = 0; b < n_buckets; b++)
        out[b].expected += slots_in (member->first, member->cadence,
                                     starts[b], MIN (starts[b + 1], end));
    }

  /* Held: the team's through the (deleted, date, person_id) index, one
   * person's through their own. */
  if (starts[0] < end)
    {
      if (person_id != 0)
        stmt = rapport_store_prepare (store,
                                      "SELECT person_id, date FROM meetings"
                                      " WHERE person_id = ?1 AND deleted = 0 AND date >= ?2 AND date < ?3",
                                      error);
      else
        stmt = rapport_store_prepare (store,
                                      "SELECT person_id, date FROM meetings"
                                      " WHERE deleted = 0 AND date >= ?2 AND date < ?3",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_text (stmt, 2, bounds[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, end_date, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 who = sqlite3_column_int64 (stmt, 0);
          guint  position = GPOINTER_TO_UINT (g_hash_table_lookup (index, &who));
          int    b;

          if (position == 0)
            continue;
          b = bucket_of (starts, n_buckets, julian_of (rapport_store_column_text (stmt, 1)));
          if (b >= 0)
            {
              out[b].held++;
              cell_of (cells, cell_array, n_buckets, position - 1, b)->held++;
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          rapport_store_set_error (store, error, _("Could not read the meetings"));
          return FALSE;
        }

      /* Skipped and moved. */
      stmt = rapport_store_prepare (store,
                                    "SELECT s.person_id, s.date, s.kind, s.reason_kind"
                                    " FROM people p CROSS JOIN missed_meetings s"
                                    " WHERE (?1 = 0 OR p.id = ?1) AND s.person_id = p.id AND s.deleted = 0"
                                    " AND s.date >= ?2 AND s.date < ?3",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_text (stmt, 2, bounds[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, end_date, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64  who = sqlite3_column_int64 (stmt, 0);
          guint32 day = julian_of (rapport_store_column_text (stmt, 1));
          guint   position = GPOINTER_TO_UINT (g_hash_table_lookup (index, &who));
          int     b;

          if (position == 0)
            continue;
          b = bucket_of (starts, n_buckets, day);
          if (b < 0)
            continue;
          if (g_strcmp0 (rapport_store_column_text (stmt, 2), "moved") == 0)
            out[b].moved++;
          else if (g_strcmp0 (rapport_store_column_text (stmt, 3), "leave") == 0)
            {
              const Member *member = &g_array_index (members, Member, position - 1);
              gboolean      held = FALSE;

              out[b].excused++;
              /* Only a 1:1 that was expected can be excused, and only
               * when none was held in its period anyway. */
              if (member->first == 0 || day < member->first)
                continue;
              if (!held_in_period (store, member, day, now, &held, error))
                {
                  sqlite3_reset (stmt);
                  return FALSE;
                }
              if (!held)
                cell_of (cells, cell_array, n_buckets, position - 1, b)->excused++;
            }
          else
            out[b].skipped++;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          rapport_store_set_error (store, error, _("Could not read the skipped 1:1s"));
          return FALSE;
        }
    }

  /* Per person and bucket: the cadence's days less those excused (not
   * below 0), and never fewer than the 1:1s held there. */
  for (guint i = 0; i < cell_array->len; i++)
    {
      Cell         *cell = &g_array_index (cell_array, Cell, i);
      const Member *member = &g_array_index (members, Member, cell->member);
      /* As above: a person without a first 1:1 on a real date has no
       * slots counted. */
      guint         slots = member->first == 0 ? 0
                                               : slots_in (member->first, member->cadence, starts[cell->bucket],
                                                           MIN (starts[cell->bucket + 1], end));
      guint         expected;

      expected = slots - MIN (slots, cell->excused);
      expected = MAX (expected, cell->held);
      out[cell->bucket].expected = out[cell->bucket].expected - slots + expected;
    }
  return TRUE;
}

gboolean
rapport_cadence_adherence (RapportStore     *store,
                           gint64            person_id,
                           const char       *from,
                           const char       *to,
                           const char       *today,
                           gboolean          include_archived,
                           RapportAdherence *adherence,
                           GError          **error)
{
  const char *bounds[] = { from, to };

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  return rapport_cadence_adherence_series (store, person_id, bounds, 1, today,
                                           include_archived, adherence, error);
}
