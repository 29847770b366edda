/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-history"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rapport-date.h"
#include "rapport-follow-through.h"
#include "rapport-history.h"

/* One person's series are built from one ordered pass over their meetings
 * in range (meetings_person_history), each meeting's checklist rows coming
 * from the covering index checklist_ticks, so no notes are read (see
 * 004-history-indexes.sql and 006-aggregates.sql). The nested loop keeps a
 * meeting's rows together, so ordering by date alone is enough to count
 * meetings. Rows come sorted by date, so finding a row's bucket is one
 * string comparison; letting SQLite GROUP BY a computed bucket instead
 * needs a temporary B-tree and was slower on the decade data set.
 *
 * The team's series read the sums per day that triggers keep in
 * history_days and history_day_ticks (006-aggregates.sql): at most one row
 * per day and habit in range, however many people and meetings. Ten years
 * of the decade data set are 2,600 days and 13,150 rows of ticks where the
 * meetings are 18,175 with 91,899 ticks; a day is the meeting's local
 * calendar date, so any week start, months and the time zone (which only
 * decides "today") are all served by the same rows. */

typedef struct
{
  int                  ref_count;
  RapportHistorySeries series;
} SeriesBox;

#define BOX(s) ((SeriesBox *) ((char *) (s) -G_STRUCT_OFFSET (SeriesBox, series)))

G_DEFINE_BOXED_TYPE (RapportHistorySeries, rapport_history_series, rapport_history_series_ref, rapport_history_series_unref)

static void
rate_clear (RapportHistoryRate *rate)
{
  g_clear_pointer (&rate->name, g_free);
  g_clear_pointer (&rate->buckets, g_free);
}

static void
rate_free (gpointer data)
{
  RapportHistoryRate *rate = data;

  rate_clear (rate);
  g_free (rate);
}

static void
habit_free (gpointer data)
{
  RapportHistoryHabit *habit = data;

  rate_clear (&habit->rate);
  g_free (habit);
}

RapportHistorySeries *
rapport_history_series_ref (RapportHistorySeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&BOX (self)->ref_count);
  return self;
}

void
rapport_history_series_unref (RapportHistorySeries *self)
{
  SeriesBox *box;

  g_return_if_fail (self != NULL);

  box = BOX (self);
  if (!g_atomic_int_dec_and_test (&box->ref_count))
    return;

  g_free (self->starts);
  g_free (self->meetings);
  g_free (self->mood);
  g_free (self->mood_count);
  g_clear_pointer (&self->habits, g_ptr_array_unref);
  g_clear_pointer (&self->extras, g_ptr_array_unref);
  g_clear_pointer (&self->missed, g_array_unref);
  rate_clear (&self->kinds[0]);
  rate_clear (&self->kinds[1]);
  g_free (box);
}

RapportHistoryRate *
rapport_history_series_add_extra (RapportHistorySeries *self,
                                  const char           *name)
{
  RapportHistoryRate *rate;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  rate = g_new0 (RapportHistoryRate, 1);
  rate->name = g_strdup (name);
  rate->buckets = g_new0 (RapportHistoryCount, MAX (self->n_buckets, 1));
  g_ptr_array_add (self->extras, rate);
  return rate;
}

/* Dates ------------------------------------------------------------------ */

/* 0 = Sunday, as strftime's %w. */
static int
weekday0 (const GDate *date)
{
  return g_date_get_weekday (date) % 7;
}

static void
align (GDate               *date,
       RapportHistoryBucket bucket,
       int                  first_weekday)
{
  if (bucket == RAPPORT_HISTORY_BUCKET_MONTH)
    g_date_set_day (date, 1);
  else
    g_date_subtract_days (date, (weekday0 (date) - first_weekday + 7) % 7);
}

static guint
count_buckets (const GDate         *start,
               const GDate         *today,
               RapportHistoryBucket bucket)
{
  if (bucket == RAPPORT_HISTORY_BUCKET_MONTH)
    return (g_date_get_year (today) * 12 + g_date_get_month (today)) -
           (g_date_get_year (start) * 12 + g_date_get_month (start)) + 1;
  return g_date_days_between (start, today) / 7 + 1;
}

static void
step (GDate               *date,
      RapportHistoryBucket bucket,
      int                  n)
{
  if (bucket == RAPPORT_HISTORY_BUCKET_MONTH)
    {
      if (n >= 0)
        g_date_add_months (date, n);
      else
        g_date_subtract_months (date, -n);
    }
  else
    {
      if (n >= 0)
        g_date_add_days (date, 7 * n);
      else
        g_date_subtract_days (date, -7 * n);
    }
}

static guint
range_months (RapportHistoryRange range)
{
  return range == RAPPORT_HISTORY_RANGE_YEAR ? 12 : 3;
}

void
rapport_history_query_init (RapportHistoryQuery *query,
                            gint64               person_id,
                            RapportHistoryRange  range,
                            RapportHistoryBucket bucket,
                            int                  first_weekday,
                            const char          *today)
{
  g_autofree char *now = NULL;

  g_return_if_fail (query != NULL);

  memset (query, 0, sizeof *query);
  query->person_id = person_id;
  query->range = range;
  query->bucket = bucket;
  query->first_weekday = CLAMP (first_weekday, 0, 6);
  if (today == NULL)
    today = now = rapport_store_today ();
  if (!rapport_date_parse (today, &query->today))
    {
      g_critical ("Not a date: %s", today);
      g_date_clear (&query->today, 1);
      g_date_set_dmy (&query->today, 1, 1, 2000);
    }
}

/* Queries ---------------------------------------------------------------- */

typedef enum
{
  SCOPE_PERSON,
  SCOPE_TEAM,
  SCOPE_TEAM_ALL,
} Scope;

/* ?1 and ?2 the first and last day, ?3 the person. */
static const char person_scan_sql[] =
  "SELECT m.id, m.date, m.mood, c.habit_id, c.ticked FROM meetings m "
  "LEFT JOIN checklist c ON c.meeting_id = m.id "
  "WHERE m.person_id = ?3 AND m.deleted = 0 AND m.date >= ?1 AND m.date <= ?2 "
  "ORDER BY m.date";
static const char person_first_sql[] =
  "SELECT m.date FROM meetings m "
  "WHERE m.person_id = ?3 AND m.deleted = 0 AND m.date <= ?2 "
  "ORDER BY m.date LIMIT 1";
/* The days of one person's meetings in range, to count their months. */
static const char person_days_sql[] =
  "SELECT m.date FROM meetings m "
  "WHERE m.person_id = ?3 AND m.deleted = 0 AND m.date >= ?1 AND m.date <= ?2 "
  "ORDER BY m.date";

/* ?1 and ?2 the first and last day; ?3 is 1 to count the archived people
 * too, else 0. Rows come in one run per archived flag, each by day. */
static const char team_days_sql[] =
  "SELECT day, meetings, mood_sum, moods FROM history_days "
  "WHERE archived IN (0, ?3) AND day >= ?1 AND day <= ?2";
static const char team_ticks_sql[] =
  "SELECT day, habit_id, total, ticked FROM history_day_ticks "
  "WHERE archived IN (0, ?3) AND day >= ?1 AND day <= ?2";
/* Once per archived flag (?3); a day whose meetings were all removed
 * keeps a row of zeros. */
static const char team_first_sql[] =
  "SELECT day FROM history_days "
  "WHERE archived = ?3 AND day <= ?2 AND meetings > 0 "
  "ORDER BY day LIMIT 1";

const char *
rapport_history_get_sql (guint index)
{
  static const char *const all[] = {
    person_scan_sql,
    person_first_sql,
    team_days_sql,
    team_ticks_sql,
    team_first_sql,
    person_days_sql,
  };

  return index < G_N_ELEMENTS (all) ? all[index] : NULL;
}

typedef struct
{
  RapportHistorySeries *series;
  GHashTable           *habit_index; /* habit id -> index + 1 */
  RapportHistoryHabit **habits;      /* all habits, by position */
  guint                 n_habits;
  guint                *mood_sum;
} Builder;

static gboolean
load_habits (RapportStore *store,
             Builder      *b,
             GError      **error)
{
  sqlite3_stmt *stmt;
  GPtrArray    *all = b->series->habits;
  int           rc;

  stmt = rapport_store_prepare (store,
                                "SELECT id, label, kind, position, active, key FROM habits"
                                " ORDER BY position, id",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportHistoryHabit *habit = g_new0 (RapportHistoryHabit, 1);
      RapportHabitKind     kind = RAPPORT_HABIT_TRUST;

      rapport_habit_kind_from_string (rapport_store_column_text (stmt, 2), &kind);
      habit->habit_id = sqlite3_column_int64 (stmt, 0);
      habit->rate.name = g_strdup (rapport_habit_display_label (rapport_store_column_text (stmt, 5),
                                                                rapport_store_column_text (stmt, 1)));
      habit->kind = kind;
      habit->position = sqlite3_column_int (stmt, 3);
      habit->active = sqlite3_column_int (stmt, 4) != 0;
      habit->rate.buckets = g_new0 (RapportHistoryCount, b->series->n_buckets);
      g_ptr_array_add (all, habit);
      g_hash_table_insert (b->habit_index, GINT_TO_POINTER ((int) habit->habit_id),
                           GUINT_TO_POINTER (all->len));
    }
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the habits"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  b->habits = (RapportHistoryHabit **) all->pdata;
  b->n_habits = all->len;
  return TRUE;
}

static RapportHistoryHabit *
find_habit (Builder *b,
            gint64   habit_id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (b->habit_index,
                                                       GINT_TO_POINTER ((int) habit_id)));

  return index > 0 ? b->habits[index - 1] : NULL;
}

/* @n checklist rows of @habit, @ticked of them ticked, in @bucket; or in
 * the range before when @in_range is FALSE. */
static void
add_ticks (Builder             *b,
           RapportHistoryHabit *habit,
           gboolean             in_range,
           guint                bucket,
           guint                n,
           guint                ticked)
{
  RapportHistoryCount *count;

  if (in_range)
    {
      RapportHistoryCount *kind = &b->series->kinds[habit->kind].buckets[bucket];

      count = &habit->rate.buckets[bucket];
      count->total += n;
      count->ticked += ticked;
      kind->total += n;
      kind->ticked += ticked;
      count = &habit->rate.range;
    }
  else
    count = &habit->rate.previous;
  count->total += n;
  count->ticked += ticked;
}

/* One person's meetings. With @bounds (n_buckets + 1 dates as text) rows
 * are counted per bucket; without, they count toward the previous range. */
static gboolean
scan_person (RapportStore              *store,
             const RapportHistoryQuery *query,
             Builder                   *b,
             const char                *from,
             const char                *to,
             RapportDateText           *bounds,
             GError                   **error)
{
  RapportHistorySeries *s = b->series;
  sqlite3_stmt         *stmt;
  gint64                last_meeting = -1;
  guint                 bucket = 0;
  gint64                cached_id = -1;
  RapportHistoryHabit  *cached = NULL;
  int                   rc;

  stmt = rapport_store_prepare (store, person_scan_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, query->person_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 meeting = sqlite3_column_int64 (stmt, 0);

      if (bounds != NULL)
        {
          const char *date = (const char *) sqlite3_column_text (stmt, 1);

          while (bucket + 1 < s->n_buckets && strcmp (date, bounds[bucket + 1]) >= 0)
            bucket++;
        }

      if (meeting != last_meeting)
        {
          last_meeting = meeting;
          if (bounds != NULL)
            {
              s->meetings[bucket]++;
              s->range_meetings++;
              if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
                {
                  b->mood_sum[bucket] += sqlite3_column_int (stmt, 2);
                  s->mood_count[bucket]++;
                }
            }
          else
            s->previous_meetings++;
        }

      if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        continue; /* a meeting without any checklist */

      if (sqlite3_column_int64 (stmt, 3) != cached_id)
        {
          cached_id = sqlite3_column_int64 (stmt, 3);
          cached = find_habit (b, cached_id);
        }
      if (cached != NULL)
        add_ticks (b, cached, bounds != NULL, bucket, 1, sqlite3_column_int (stmt, 4) != 0);
    }

  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the meetings"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The bucket holding @day, the last i with bounds[i] <= day; @hint is
 * tried first, rows mostly coming in order. */
static guint
find_bucket (RapportDateText *bounds,
             guint            n_buckets,
             const char      *day,
             guint            hint)
{
  guint lo = 0, hi = n_buckets;

  if (hint < n_buckets && strcmp (bounds[hint], day) <= 0 &&
      (hint + 1 == n_buckets || strcmp (day, bounds[hint + 1]) < 0))
    return hint;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (bounds[mid], day) <= 0)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
team_step_failed (RapportStore *store,
                  sqlite3_stmt *stmt,
                  int           rc,
                  GError      **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  rapport_store_set_error (store, error, _("Could not read the meetings"));
  return TRUE;
}

/* One of the team's day sums, team_days_sql or team_ticks_sql, bound to
 * the days @from to @to. */
static sqlite3_stmt *
prepare_team (RapportStore              *store,
              const char                *sql,
              const RapportHistoryQuery *query,
              const char                *from,
              const char                *to,
              GError                   **error)
{
  sqlite3_stmt *stmt;

  stmt = rapport_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, query->include_archived ? 1 : 0);
  return stmt;
}

/* The team's sums per day, counted as scan_person() counts meetings. */
static gboolean
scan_team (RapportStore              *store,
           const RapportHistoryQuery *query,
           Builder                   *b,
           const char                *from,
           const char                *to,
           RapportDateText           *bounds,
           GError                   **error)
{
  RapportHistorySeries *s = b->series;
  sqlite3_stmt         *stmt;
  guint                 bucket = 0;
  int                   rc;

  stmt = prepare_team (store, team_days_sql, query, from, to, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint meetings = sqlite3_column_int (stmt, 1);

      if (bounds == NULL)
        {
          s->previous_meetings += meetings;
          continue;
        }
      bucket = find_bucket (bounds, s->n_buckets, (const char *) sqlite3_column_text (stmt, 0), bucket);
      s->meetings[bucket] += meetings;
      s->range_meetings += meetings;
      b->mood_sum[bucket] += sqlite3_column_int (stmt, 2);
      s->mood_count[bucket] += sqlite3_column_int (stmt, 3);
    }
  if (team_step_failed (store, stmt, rc, error))
    return FALSE;

  stmt = prepare_team (store, team_ticks_sql, query, from, to, error);
  if (stmt == NULL)
    return FALSE;
  bucket = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportHistoryHabit *habit = find_habit (b, sqlite3_column_int64 (stmt, 1));
      guint                n = sqlite3_column_int (stmt, 2);

      if (habit == NULL || n == 0)
        continue;
      if (bounds != NULL)
        bucket = find_bucket (bounds, s->n_buckets, (const char *) sqlite3_column_text (stmt, 0), bucket);
      add_ticks (b, habit, bounds != NULL, bucket, n, sqlite3_column_int (stmt, 3));
    }
  return !team_step_failed (store, stmt, rc, error);
}

static gboolean
scan (RapportStore              *store,
      const RapportHistoryQuery *query,
      Scope                      scope,
      Builder                   *b,
      const char                *from,
      const char                *to,
      RapportDateText           *bounds,
      GError                   **error)
{
  if (scope == SCOPE_PERSON)
    return scan_person (store, query, b, from, to, bounds, error);
  return scan_team (store, query, b, from, to, bounds, error);
}

/* The day of the subject's first meeting up to @today; invalid (cleared)
 * when there is none. */
static gboolean
first_meeting (RapportStore              *store,
               const RapportHistoryQuery *query,
               Scope                      scope,
               const char                *today,
               GDate                     *out,
               GError                   **error)
{
  g_autofree char *first = NULL;

  /* The team: the first day of those not archived, and of the archived. */
  for (int archived = 0; archived <= (scope == SCOPE_TEAM_ALL ? 1 : 0); archived++)
    {
      sqlite3_stmt *stmt;
      int           rc;

      stmt = rapport_store_prepare (store, scope == SCOPE_PERSON ? person_first_sql : team_first_sql,
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, scope == SCOPE_PERSON ? query->person_id : archived);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *day = rapport_store_column_text (stmt, 0);

          if (first == NULL || strcmp (day, first) < 0)
            {
              g_free (first);
              first = g_strdup (day);
            }
        }
      else if (rc != SQLITE_DONE)
        {
          rapport_store_set_error (store, error, _("Could not read the meetings"));
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  if (first == NULL || !rapport_date_parse (first, out))
    g_date_clear (out, 1);
  return TRUE;
}

static gboolean
person_exists (RapportStore *store,
               gint64        person_id,
               GError      **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = rapport_store_prepare (store, "SELECT 1 FROM people WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                 _("There is no person with id %lld"), (long long) person_id);
  else
    rapport_store_set_error (store, error, _("Could not read the people"));
  return FALSE;
}

static void
sum_kinds (RapportHistorySeries *s)
{
  for (guint i = 0; i < s->habits->len; i++)
    {
      RapportHistoryHabit *habit = g_ptr_array_index (s->habits, i);
      RapportHistoryRate  *kind = &s->kinds[habit->kind];

      kind->range.total += habit->rate.range.total;
      kind->range.ticked += habit->rate.range.ticked;
      kind->previous.total += habit->rate.previous.total;
      kind->previous.ticked += habit->rate.previous.ticked;
    }
  for (guint k = 0; k < G_N_ELEMENTS (s->kinds); k++)
    s->kinds[k].meetings = s->range_meetings;
}

RapportHistorySeries *
rapport_history_compute (RapportStore              *store,
                         const RapportHistoryQuery *query,
                         GError                   **error)
{
  g_autoptr(RapportHistorySeries) s = NULL;
  g_autoptr(GHashTable) habit_index = NULL;
  g_autofree guint           *mood_sum = NULL;
  g_autofree RapportDateText *bounds = NULL;
  RapportDateText             today, from, prev_from, prev_to;
  SeriesBox                  *box;
  Scope                       scope;
  Builder                     b;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (g_date_valid (&query->today), NULL);
  g_return_val_if_fail (query->first_weekday >= 0 && query->first_weekday <= 6, NULL);

  if (query->person_id != 0)
    {
      if (!person_exists (store, query->person_id, error))
        return NULL;
      scope = SCOPE_PERSON;
    }
  else
    scope = query->include_archived ? SCOPE_TEAM_ALL : SCOPE_TEAM;

  box = g_new0 (SeriesBox, 1);
  box->ref_count = 1;
  s = &box->series;
  s->range = query->range;
  s->bucket = query->bucket;
  s->first_weekday = query->first_weekday;
  s->today = query->today;
  s->habits = g_ptr_array_new_with_free_func (habit_free);
  s->extras = g_ptr_array_new_with_free_func (rate_free);
  s->missed = g_array_new (FALSE, TRUE, sizeof (RapportHistoryMissed));
  s->kinds[RAPPORT_HABIT_TRUST].name = g_strdup (_("Trust"));
  s->kinds[RAPPORT_HABIT_STRUCTURE].name = g_strdup (_("Structure"));
  s->kinds[RAPPORT_HABIT_TRUST].unit = RAPPORT_HISTORY_UNIT_ITEMS;
  s->kinds[RAPPORT_HABIT_STRUCTURE].unit = RAPPORT_HISTORY_UNIT_ITEMS;
  g_date_clear (&s->previous_first, 1);
  rapport_date_format (&query->today, today);

  /* The range is a span of days, the same whatever the grouping, so that
   * weeks and months count the same meetings: the last 3 or 12 months up
   * to today, or all time. The buckets are cut to it. */
  if (!first_meeting (store, query, scope, today, &s->data_first, error))
    return NULL;
  if (query->range == RAPPORT_HISTORY_RANGE_ALL)
    {
      s->asked_first = g_date_valid (&s->data_first) ? s->data_first : query->today;
      s->first = s->asked_first;
      s->starts_at_data = g_date_valid (&s->data_first);
    }
  else
    {
      s->asked_first = query->today;
      g_date_subtract_months (&s->asked_first, range_months (query->range));
      g_date_add_days (&s->asked_first, 1);
      s->first = s->asked_first;
      /* Weeks before the first meeting are not gaps: leave them out. The
       * range before then holds nothing, so no "down from" either. */
      if (query->from_first_meeting && g_date_valid (&s->data_first) &&
          g_date_compare (&s->data_first, &s->first) > 0)
        {
          s->first = s->data_first;
          s->starts_at_data = TRUE;
        }
      s->previous_first = s->first;
      g_date_subtract_months (&s->previous_first, range_months (query->range));
    }
  {
    GDate aligned = s->first;

    align (&aligned, s->bucket, s->first_weekday);
    if (s->bucket == RAPPORT_HISTORY_BUCKET_WEEK &&
        count_buckets (&aligned, &query->today, s->bucket) > RAPPORT_HISTORY_MAX_WEEKS)
      {
        s->bucket = RAPPORT_HISTORY_BUCKET_MONTH;
        aligned = s->first;
        align (&aligned, s->bucket, s->first_weekday);
      }

    s->n_buckets = count_buckets (&aligned, &query->today, s->bucket);
    s->starts = g_new (GDate, s->n_buckets + 1);
    bounds = g_new (RapportDateText, s->n_buckets + 1);
    for (guint i = 0; i <= s->n_buckets; i++)
      {
        if (i == 0)
          s->starts[i] = s->first;
        else if (i == s->n_buckets)
          {
            s->starts[i] = query->today;
            g_date_add_days (&s->starts[i], 1);
          }
        else
          {
            s->starts[i] = aligned;
            step (&s->starts[i], s->bucket, i);
          }
        rapport_date_format (&s->starts[i], bounds[i]);
      }
  }
  s->meetings = g_new0 (guint, s->n_buckets);
  s->mood = g_new0 (double, s->n_buckets);
  s->mood_count = g_new0 (guint, s->n_buckets);
  mood_sum = g_new0 (guint, s->n_buckets);
  for (guint k = 0; k < G_N_ELEMENTS (s->kinds); k++)
    s->kinds[k].buckets = g_new0 (RapportHistoryCount, s->n_buckets);

  habit_index = g_hash_table_new (NULL, NULL);
  b.series = s;
  b.habit_index = habit_index;
  b.mood_sum = mood_sum;
  if (!load_habits (store, &b, error))
    return NULL;

  rapport_date_format (&s->first, from);
  if (!scan (store, query, scope, &b, from, today, bounds, error))
    return NULL;

  /* The range of the same length just before, for "down from 63 %".
   * All time has nothing before it. */
  if (g_date_valid (&s->previous_first))
    {
      GDate prev = s->first;

      rapport_date_format (&s->previous_first, prev_from);
      g_date_subtract_days (&prev, 1);
      rapport_date_format (&prev, prev_to);
      if (!scan (store, query, scope, &b, prev_from, prev_to, NULL, error))
        return NULL;
    }

  for (guint i = 0; i < s->n_buckets; i++)
    s->mood[i] = s->mood_count[i] > 0 ? (double) mood_sum[i] / s->mood_count[i] : NAN;

  /* Only habits that were on a checklist in the range get a row. */
  for (guint i = s->habits->len; i > 0; i--)
    {
      RapportHistoryHabit *habit = g_ptr_array_index (s->habits, i - 1);

      if (habit->rate.range.total == 0)
        g_ptr_array_remove_index (s->habits, i - 1);
    }
  sum_kinds (s);

  return g_steal_pointer (&s);
}

/* Follow-through ---------------------------------------------------------- */

/* Through people and the missed meetings' (person_id, deleted, date)
 * index, as rapport_cadence_adherence_series() counts them; ?3 is the day
 * after the range (today's next day). */
static const char missed_sql[] =
  "SELECT s.date, s.kind, s.reason_kind FROM people p CROSS JOIN missed_meetings s"
  " WHERE (?1 = 0 OR p.id = ?1) AND (?4 OR ?1 <> 0 OR p.archived = 0)"
  " AND s.person_id = p.id AND s.deleted = 0 AND s.date >= ?2 AND s.date < ?3"
  " ORDER BY s.date, s.id";

gboolean
rapport_history_series_add_missed (RapportHistorySeries *self,
                                   RapportStore         *store,
                                   gint64                person_id,
                                   gboolean              include_archived,
                                   GError              **error)
{
  RapportDateText from, to;
  sqlite3_stmt   *stmt;
  guint           bucket = 0;
  int             rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (person_id >= 0, FALSE);

  g_array_set_size (self->missed, 0);
  memset (self->n_missed, 0, sizeof self->n_missed);
  if (self->n_buckets == 0)
    return TRUE;

  rapport_date_format (&self->starts[0], from);
  rapport_date_format (&self->starts[self->n_buckets], to);
  stmt = rapport_store_prepare (store, missed_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, include_archived);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportHistoryMissed missed = { 0 };
      const char          *kind = rapport_store_column_text (stmt, 1);

      g_date_clear (&missed.date, 1);
      if (!rapport_date_parse (rapport_store_column_text (stmt, 0), &missed.date))
        continue;
      /* Rows come by date: each bucket is found once. */
      while (bucket + 1 < self->n_buckets &&
             g_date_compare (&missed.date, &self->starts[bucket + 1]) >= 0)
        bucket++;
      missed.bucket = bucket;
      if (g_strcmp0 (kind, "moved") == 0)
        missed.kind = RAPPORT_HISTORY_MISSED_MOVED;
      else if (g_strcmp0 (rapport_store_column_text (stmt, 2), "leave") == 0)
        missed.kind = RAPPORT_HISTORY_MISSED_LEAVE;
      else
        missed.kind = RAPPORT_HISTORY_MISSED_SKIPPED;
      self->n_missed[missed.kind]++;
      g_array_append_val (self->missed, missed);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the skipped 1:1s"));
      g_array_set_size (self->missed, 0);
      memset (self->n_missed, 0, sizeof self->n_missed);
      return FALSE;
    }
  return TRUE;
}

guint
rapport_history_series_missed_in (const RapportHistorySeries *self,
                                  guint                       bucket,
                                  guint                      *first)
{
  guint lo = 0, hi, n = 0;

  g_return_val_if_fail (self != NULL, 0);

  hi = self->missed->len;
  /* The first at or after @bucket, by bisection (they are by date). */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->missed, RapportHistoryMissed, mid).bucket < bucket)
        lo = mid + 1;
      else
        hi = mid;
    }
  while (lo + n < self->missed->len &&
         g_array_index (self->missed, RapportHistoryMissed, lo + n).bucket == bucket)
    n++;
  if (first != NULL)
    *first = lo;
  return n;
}

gboolean
rapport_history_series_add_follow_through (RapportHistorySeries *self,
                                           RapportStore         *store,
                                           gint64                person_id,
                                           GError              **error)
{
  g_autofree RapportDateText *bounds = NULL;
  g_autofree const char     **bound_ptrs = NULL;
  g_autofree guint           *kept = NULL;
  g_autofree guint           *due = NULL;
  RapportHistoryCount         range = {
            0,
  },
                      previous = {
                        0,
                      };
  RapportHistoryRate *rate;
  RapportDateText     today;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (person_id >= 0, FALSE);

  if (self->n_buckets == 0)
    return TRUE;

  rapport_date_format (&self->today, today);
  bounds = g_new (RapportDateText, self->n_buckets + 1);
  bound_ptrs = g_new (const char *, self->n_buckets + 1);
  for (guint i = 0; i <= self->n_buckets; i++)
    {
      rapport_date_format (&self->starts[i], bounds[i]);
      bound_ptrs[i] = bounds[i];
    }
  kept = g_new0 (guint, self->n_buckets);
  due = g_new0 (guint, self->n_buckets);
  if (!rapport_follow_through_series (store, person_id, bound_ptrs, self->n_buckets,
                                      today, kept, due, error))
    return FALSE;
  for (guint i = 0; i < self->n_buckets; i++)
    {
      range.ticked += kept[i];
      range.total += due[i];
    }

  /* The range of the same length before, as for the habits. */
  if (g_date_valid (&self->previous_first))
    {
      RapportDateText prev_from;

      rapport_date_format (&self->previous_first, prev_from);
      if (!rapport_follow_through_rate_at (store, person_id, prev_from, bounds[0], today,
                                           &previous.ticked, &previous.total, error))
        return FALSE;
    }

  /* Without commitments there is nothing to chart, not a 0 %. */
  if (range.total == 0 && previous.total == 0)
    return TRUE;

  rate = rapport_history_series_add_extra (self, _("Follow-through"));
  rate->unit = RAPPORT_HISTORY_UNIT_COMMITMENTS;
  for (guint i = 0; i < self->n_buckets; i++)
    rate->buckets[i] = (RapportHistoryCount){ kept[i], due[i] };
  rate->range = range;
  rate->previous = previous;
  return TRUE;
}

gboolean
rapport_history_suggest_range (RapportStore              *store,
                               const RapportHistoryQuery *query,
                               RapportHistoryRange       *range,
                               GError                   **error)
{
  RapportDateText today;
  GDate           first, cutoff;
  Scope           scope;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL && g_date_valid (&query->today), FALSE);
  g_return_val_if_fail (range != NULL, FALSE);

  if (query->person_id != 0)
    scope = SCOPE_PERSON;
  else
    scope = query->include_archived ? SCOPE_TEAM_ALL : SCOPE_TEAM;
  rapport_date_format (&query->today, today);
  if (!first_meeting (store, query, scope, today, &first, error))
    return FALSE;
  cutoff = query->today;
  g_date_subtract_months (&cutoff, 3);
  *range = !g_date_valid (&first) || g_date_compare (&first, &cutoff) >= 0
             ? RAPPORT_HISTORY_RANGE_3_MONTHS
             : RAPPORT_HISTORY_RANGE_YEAR;
  return TRUE;
}

gboolean
rapport_history_suggest_bucket (RapportStore              *store,
                                const RapportHistoryQuery *query,
                                RapportHistoryBucket      *bucket,
                                GError                   **error)
{
  sqlite3_stmt   *stmt;
  RapportDateText today, from, month = "";
  guint           months = 0;
  int             rc = SQLITE_DONE;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL && g_date_valid (&query->today), FALSE);
  g_return_val_if_fail (bucket != NULL, FALSE);

  *bucket = RAPPORT_HISTORY_BUCKET_WEEK;
  if (query->person_id == 0)
    return TRUE;

  /* By month once their 1:1s in the range fall in two months or more: a
   * newcomer's first weeks, or a first month just ended, by week rather
   * than as one point. */
  rapport_date_format (&query->today, today);
  if (query->range == RAPPORT_HISTORY_RANGE_ALL)
    strcpy (from, "0000-00-00");
  else
    {
      GDate first = query->today;

      g_date_subtract_months (&first, range_months (query->range));
      g_date_add_days (&first, 1);
      rapport_date_format (&first, from);
    }
  stmt = rapport_store_prepare (store, person_days_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, query->person_id);
  while (months < 2 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *date = rapport_store_column_text (stmt, 0);

      /* "2026-03": rows come by date, so a new month is a change. */
      if (strncmp (date, month, 7) != 0)
        {
          g_strlcpy (month, date, 8);
          months++;
        }
    }
  if (months < 2 && rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the meetings"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (months >= 2)
    *bucket = RAPPORT_HISTORY_BUCKET_MONTH;
  return TRUE;
}

/* Presentation ----------------------------------------------------------- */

/* A bucket is thin when its percentages rest on fewer meetings than both
 * three and the series' usual bucket (the median of those with a
 * meeting). A person met weekly has one meeting a week: every week is the
 * usual, and marking them all would mark nothing. The same person by
 * month, or the whole team by week, usually has three or more, so a month
 * or week that rests on one or two meetings stands out, and a "100 %" that
 * rests on one meeting is seen as such whenever that is unusual. */
guint
rapport_history_series_thin_limit (const RapportHistorySeries *self)
{
  g_autofree guint *counts = NULL;
  guint             n = 0;

  g_return_val_if_fail (self != NULL, 0);

  counts = g_new (guint, MAX (self->n_buckets, 1));
  for (guint i = 0; i < self->n_buckets; i++)
    if (self->meetings[i] > 0)
      counts[n++] = self->meetings[i];
  if (n == 0)
    return 0;
  /* Insertion sort: a few hundred buckets at most, once per frame. */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && counts[j - 1] > counts[j]; j--)
      {
        guint t = counts[j];
        counts[j] = counts[j - 1];
        counts[j - 1] = t;
      }
  return MIN (3, counts[n / 2]);
}

guint
rapport_history_series_count_periods (const RapportHistorySeries *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->n_buckets; i++)
    n += self->meetings[i] > 0;
  return n;
}

static GDateTime *
date_time (const GDate *date)
{
  return g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
}

static char *
format_day (const GDate *date,
            gboolean     with_year)
{
  g_autoptr(GDateTime) dt = date_time (date);

  if (with_year)
    /* Translators: a day, short month and year, see g_date_time_format() */
    return g_date_time_format (dt, _("%-d %b %Y"));
  /* Translators: a day and short month, see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b"));
}

char *
rapport_history_format_day (const GDate *date,
                            gboolean     with_year)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return format_day (date, with_year);
}

/* Whether @bucket starts later than its week or month: only the first,
 * when the range does not start on a bucket's first day. */
static gboolean
bucket_is_cut (const RapportHistorySeries *self,
               guint                       bucket)
{
  GDate aligned;

  if (bucket != 0)
    return FALSE;
  aligned = self->starts[0];
  align (&aligned, self->bucket, self->first_weekday);
  return g_date_compare (&aligned, &self->starts[0]) != 0;
}

char *
rapport_history_series_bucket_label (const RapportHistorySeries *self,
                                     guint                       bucket)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (bucket < self->n_buckets, NULL);

  dt = date_time (&self->starts[bucket]);
  if (bucket_is_cut (self, bucket))
    {
      GDate            last = self->starts[bucket + 1];
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      g_date_subtract_days (&last, 1);
      if (g_date_compare (&last, &self->starts[bucket]) == 0)
        return format_day (&last, self->bucket == RAPPORT_HISTORY_BUCKET_MONTH);
      if (g_date_get_month (&last) == g_date_get_month (&self->starts[bucket]))
        /* Translators: the first day of a span within one month, see g_date_time_format() */
        from = g_date_time_format (dt, _("%-d"));
      else
        from = format_day (&self->starts[bucket], FALSE);
      to = format_day (&last, self->bucket == RAPPORT_HISTORY_BUCKET_MONTH);
      /* Translators: a week or month cut short by the range: "4–8 Mar",
       * "30 Sep–5 Oct", "4–31 Mar 2026" */
      return g_strdup_printf (_("%s–%s"), from, to);
    }
  if (self->bucket == RAPPORT_HISTORY_BUCKET_MONTH)
    /* Translators: a month in the history chart, see g_date_time_format() */
    return g_date_time_format (dt, _("%OB %Y"));

  day = format_day (&self->starts[bucket], FALSE);
  /* Translators: %s is a date such as "3 Mar" */
  return g_strdup_printf (_("Week of %s"), day);
}

char *
rapport_history_series_tick_label (const RapportHistorySeries *self,
                                   guint                       bucket,
                                   gboolean                    with_year)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (bucket <= self->n_buckets, NULL);

  dt = date_time (&self->starts[bucket]);
  if (self->bucket == RAPPORT_HISTORY_BUCKET_MONTH)
    /* Translators: a month on the chart's time axis, see g_date_time_format() */
    return g_date_time_format (dt, _("%b %Y"));
  return format_day (&self->starts[bucket], with_year);
}

char *
rapport_history_series_start_label (const RapportHistorySeries *self,
                                    gboolean                    brief)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  day = format_day (&self->first, TRUE);
  if (!brief && self->starts_at_data && self->range != RAPPORT_HISTORY_RANGE_ALL)
    /* Translators: at the start of a chart's time axis, where the first
     * 1:1 is later than the range asked for would start; %s is "4 Mar 2026" */
    return g_strdup_printf (_("Data starts %s"), day);
  return g_steal_pointer (&day);
}

char *
rapport_history_series_span_text (const RapportHistorySeries *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  from = format_day (&self->first,
                     g_date_get_year (&self->first) != g_date_get_year (&self->today));
  to = format_day (&self->today, TRUE);
  if (self->range_meetings == 0)
    /* Translators: "No meetings from 3 Sep to 1 Dec 2025" */
    return g_strdup_printf (_("No meetings from %s to %s"), from, to);
  /* Translators: "47 meetings from 3 Sep to 1 Dec 2025" */
  return g_strdup_printf (ngettext ("%u meeting from %s to %s", "%u meetings from %s to %s",
                                    self->range_meetings),
                          self->range_meetings, from, to);
}

char *
rapport_history_series_range_text (const RapportHistorySeries *self)
{
  g_autofree char *span = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  span = rapport_history_series_span_text (self);
  if (!self->starts_at_data || self->range == RAPPORT_HISTORY_RANGE_ALL)
    /* Translators: a sentence of its own, %s is "47 meetings from 3 Sep to 1 Dec 2025" */
    return g_strdup_printf (_("%s."), span);

  day = format_day (&self->data_first, TRUE);
  if (self->range == RAPPORT_HISTORY_RANGE_YEAR)
    /* Translators: "12 meetings from 5 Jan to 18 Mar 2026. The first 1:1 was on 5 Jan 2026: …" */
    return g_strdup_printf (_("%s. The first 1:1 was on %s: the last year holds nothing earlier."),
                            span, day);
  /* Translators: "12 meetings from 5 Jan to 18 Mar 2026. The first 1:1 was on 5 Jan 2026: …" */
  return g_strdup_printf (_("%s. The first 1:1 was on %s: the last 3 months hold nothing earlier."),
                          span, day);
}

double
rapport_history_count_ratio (RapportHistoryCount count)
{
  if (count.total == 0)
    return NAN;
  return (double) count.ticked / count.total;
}

int
rapport_history_count_percent (RapportHistoryCount count)
{
  if (count.total == 0)
    return -1;
  return (int) floor (100.0 * count.ticked / count.total + 0.5);
}

static char *
commitments_summary (const RapportHistoryRate *rate,
                     int                       now,
                     int                       before)
{
  if (now < 0)
    return g_strdup (_("no commitments due in this period"));
  if (before < 0)
    /* Translators: "75 % of 8 commitments kept" */
    return g_strdup_printf (ngettext ("%d %% of %u commitment kept",
                                      "%d %% of %u commitments kept", rate->range.total),
                            now, rate->range.total);
  if (before > now)
    /* Translators: "75 % of 8 commitments kept, down from 90 %" (the range before) */
    return g_strdup_printf (ngettext ("%d %% of %u commitment kept, down from %d %%",
                                      "%d %% of %u commitments kept, down from %d %%",
                                      rate->range.total),
                            now, rate->range.total, before);
  if (before < now)
    return g_strdup_printf (ngettext ("%d %% of %u commitment kept, up from %d %%",
                                      "%d %% of %u commitments kept, up from %d %%",
                                      rate->range.total),
                            now, rate->range.total, before);
  return g_strdup_printf (ngettext ("%d %% of %u commitment kept, as in the period before",
                                    "%d %% of %u commitments kept, as in the period before",
                                    rate->range.total),
                          now, rate->range.total);
}

/* A kind of habit counts checklist items, several per meeting: say how
 * many items and in how many meetings. */
static char *
items_summary (const RapportHistoryRate *rate,
               int                       now,
               int                       before)
{
  g_autofree char *items = NULL;
  g_autofree char *meetings = NULL;

  if (now < 0)
    return g_strdup (_("no checklist items in this period"));
  /* Translators: "63 % of 48 checklist items ticked", followed by "in 12 meetings" */
  items = g_strdup_printf (ngettext ("%d %% of %u checklist item ticked",
                                     "%d %% of %u checklist items ticked", rate->range.total),
                           now, rate->range.total);
  /* Translators: follows "63 % of 48 checklist items ticked" */
  meetings = g_strdup_printf (ngettext ("in %u meeting", "in %u meetings", rate->meetings),
                              rate->meetings);
  if (before < 0)
    /* Translators: "63 % of 48 checklist items ticked" "in 12 meetings" */
    return g_strdup_printf (_("%s %s"), items, meetings);
  if (before > now)
    /* Translators: "63 % of 48 checklist items ticked" "in 12 meetings", then the range before */
    return g_strdup_printf (_("%s %s, down from %d %%"), items, meetings, before);
  if (before < now)
    /* Translators: "63 % of 48 checklist items ticked" "in 12 meetings", then the range before */
    return g_strdup_printf (_("%s %s, up from %d %%"), items, meetings, before);
  /* Translators: "63 % of 48 checklist items ticked" "in 12 meetings" */
  return g_strdup_printf (_("%s %s, as in the period before"), items, meetings);
}

char *
rapport_history_rate_summary (const RapportHistoryRate *rate)
{
  int now, before;

  g_return_val_if_fail (rate != NULL, NULL);

  now = rapport_history_count_percent (rate->range);
  before = rapport_history_count_percent (rate->previous);
  if (rate->unit == RAPPORT_HISTORY_UNIT_COMMITMENTS)
    return commitments_summary (rate, now, before);
  if (rate->unit == RAPPORT_HISTORY_UNIT_ITEMS)
    return items_summary (rate, now, before);
  if (now < 0)
    return g_strdup (_("no meetings in this period"));

  if (before < 0)
    /* Translators: "41 % of 58 meetings" */
    return g_strdup_printf (ngettext ("%d %% of %u meeting",
                                      "%d %% of %u meetings", rate->range.total),
                            now, rate->range.total);
  if (before > now)
    /* Translators: "41 % of 58 meetings, down from 63 %" (the range before) */
    return g_strdup_printf (ngettext ("%d %% of %u meeting, down from %d %%",
                                      "%d %% of %u meetings, down from %d %%",
                                      rate->range.total),
                            now, rate->range.total, before);
  if (before < now)
    return g_strdup_printf (ngettext ("%d %% of %u meeting, up from %d %%",
                                      "%d %% of %u meetings, up from %d %%",
                                      rate->range.total),
                            now, rate->range.total, before);
  return g_strdup_printf (ngettext ("%d %% of %u meeting, as in the period before",
                                    "%d %% of %u meetings, as in the period before",
                                    rate->range.total),
                          now, rate->range.total);
}
