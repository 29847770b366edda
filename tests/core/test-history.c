/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rapport-history.h"
#include "test-core-util.h"

/* Habit ids of the seeded library, in 002-seed-habits.sql order. */
enum
{
  LISTEN = 1,
  TRANSFER = 2,
  EXPLAIN = 3,
  CREATIVITY = 4,
  CLEAR = 9
};

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
  gint64        ada;
  gint64        bob;
} Fixture;

/* A meeting not deleted; @spec as test_core_insert_meeting() reads it. */
static gint64
add_meeting (Fixture    *f,
             gint64      person,
             const char *date,
             int         mood,
             const char *spec)
{
  return test_core_insert_meeting (f->store, person, date, mood, spec, FALSE);
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->ada = test_core_insert_person (f->store, "Ada", FALSE);
  f->bob = test_core_insert_person (f->store, "Bob", FALSE);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT id FROM habits WHERE key = 'clear-expectations'"), ==, CLEAR);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT id FROM habits WHERE key = 'explain-why'"), ==, EXPLAIN);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

/* Ada's quarter, used with both week starts. */
static void
add_ada_quarter (Fixture *f)
{
  add_meeting (f, f->ada, "2025-09-07", 0, "0");                           /* Sunday, before everything */
  add_meeting (f, f->ada, "2025-12-14", 5, "10");                          /* Sunday */
  add_meeting (f, f->ada, "2025-12-15", 0, "1");                           /* Monday */
  add_meeting (f, f->ada, "2026-03-02", 4, "101");                         /* Monday */
  add_meeting (f, f->ada, "2026-03-04", 0, "110-----1");                   /* Wednesday, with an inactive habit */
  add_meeting (f, f->ada, "2026-03-08", 2, "000");                         /* Sunday */
  test_core_insert_meeting (f->store, f->ada, "2026-03-10", 1, "1", TRUE); /* deleted */
  add_meeting (f, f->ada, "2026-03-16", 3, "1");                           /* Monday */
  add_meeting (f, f->ada, "2026-03-18", 0, "0");                           /* today, Wednesday */
  add_meeting (f, f->ada, "2026-03-19", 0, "1");                           /* tomorrow */
  add_meeting (f, f->bob, "2026-03-03", 1, "111");                         /* someone else */
}

static RapportHistorySeries *
compute (Fixture             *f,
         gint64               person,
         RapportHistoryRange  range,
         RapportHistoryBucket bucket,
         int                  first_weekday,
         const char          *today)
{
  g_autoptr(GError) error = NULL;
  RapportHistoryQuery   query;
  RapportHistorySeries *series;

  rapport_history_query_init (&query, person, range, bucket, first_weekday, today);
  series = rapport_history_compute (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (series);
  return series;
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  char text[16];

  g_snprintf (text, sizeof text, "%04d-%02d-%02d",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  g_assert_cmpstr (text, ==, expected);
}

static RapportHistoryHabit *
habit_at (RapportHistorySeries *s,
          guint                 i)
{
  g_assert_cmpuint (i, <, s->habits->len);
  return g_ptr_array_index (s->habits, i);
}

#define assert_count(c, t, n)              \
  G_STMT_START                             \
  {                                        \
    RapportHistoryCount _c = (c);          \
    g_assert_cmpuint (_c.ticked, ==, (t)); \
    g_assert_cmpuint (_c.total, ==, (n));  \
  }                                        \
  G_STMT_END

static void
test_weeks_monday (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(RapportHistorySeries) s = NULL;
  g_autofree char     *summary = NULL;
  RapportHistoryHabit *listen, *transfer, *explain, *clear;

  add_ada_quarter (f);
  s = compute (f, f->ada, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");

  /* The last 3 months are 19 Dec to today, whatever the week start: the
   * first week is cut to Friday 19 to Sunday 21, the last ends today. */
  g_assert_cmpint (s->bucket, ==, RAPPORT_HISTORY_BUCKET_WEEK);
  g_assert_cmpuint (s->n_buckets, ==, 14);
  assert_date (&s->first, "2025-12-19");
  assert_date (&s->asked_first, "2025-12-19");
  assert_date (&s->starts[0], "2025-12-19");
  assert_date (&s->starts[1], "2025-12-22");
  assert_date (&s->starts[11], "2026-03-02");
  assert_date (&s->starts[13], "2026-03-16");
  assert_date (&s->starts[14], "2026-03-19");
  assert_date (&s->previous_first, "2025-09-19");
  assert_date (&s->data_first, "2025-09-07");
  g_assert_false (s->starts_at_data);

  /* Habits with data, in checklist position order, archived or not. */
  g_assert_cmpuint (s->habits->len, ==, 4);
  listen = habit_at (s, 0);
  transfer = habit_at (s, 1);
  explain = habit_at (s, 2);
  clear = habit_at (s, 3);
  g_assert_cmpint (listen->habit_id, ==, LISTEN);
  g_assert_cmpstr (listen->rate.name, ==, "Listen");
  g_assert_cmpint (transfer->habit_id, ==, TRANSFER);
  g_assert_cmpint (explain->habit_id, ==, EXPLAIN);
  g_assert_cmpint (clear->habit_id, ==, CLEAR);
  g_assert_true (listen->active);
  g_assert_false (clear->active);
  g_assert_cmpint (clear->kind, ==, RAPPORT_HABIT_STRUCTURE);
  g_assert_cmpint (listen->kind, ==, RAPPORT_HABIT_TRUST);

  /* The meetings of 14 and 15 Dec are before the range, in any grouping.
   * Empty weeks are gaps. */
  g_assert_true (isnan (s->mood[0]));
  g_assert_cmpuint (s->mood_count[0], ==, 0);
  for (guint i = 0; i < 11; i++)
    {
      g_assert_cmpuint (s->meetings[i], ==, 0);
      assert_count (listen->rate.buckets[i], 0, 0);
      g_assert_true (isnan (rapport_history_count_ratio (listen->rate.buckets[i])));
    }

  /* Monday 2 to Sunday 8 March. */
  g_assert_cmpuint (s->meetings[11], ==, 3);
  assert_count (listen->rate.buckets[11], 2, 3);
  assert_count (transfer->rate.buckets[11], 1, 3);
  assert_count (explain->rate.buckets[11], 1, 3);
  assert_count (clear->rate.buckets[11], 1, 1);
  g_assert_cmpfloat (s->mood[11], ==, 3.0);
  g_assert_cmpuint (s->mood_count[11], ==, 2);

  /* The deleted meeting leaves a gap. */
  g_assert_cmpuint (s->meetings[12], ==, 0);
  assert_count (listen->rate.buckets[12], 0, 0);

  /* This week, up to today but not tomorrow. */
  g_assert_cmpuint (s->meetings[13], ==, 2);
  assert_count (listen->rate.buckets[13], 1, 2);
  g_assert_cmpfloat (s->mood[13], ==, 3.0);

  /* Balance by kind. */
  g_assert_cmpstr (s->kinds[RAPPORT_HABIT_TRUST].name, ==, "Trust");
  assert_count (s->kinds[RAPPORT_HABIT_TRUST].buckets[11], 4, 9);
  assert_count (s->kinds[RAPPORT_HABIT_STRUCTURE].buckets[11], 1, 1);
  assert_count (s->kinds[RAPPORT_HABIT_TRUST].buckets[0], 0, 0);
  assert_count (s->kinds[RAPPORT_HABIT_TRUST].range, 5, 11);
  assert_count (s->kinds[RAPPORT_HABIT_STRUCTURE].range, 1, 1);
  assert_count (s->kinds[RAPPORT_HABIT_TRUST].previous, 2, 3);

  /* The range against the 3 months before it (19 Sep to 18 Dec). */
  g_assert_cmpuint (s->range_meetings, ==, 5);
  g_assert_cmpuint (s->previous_meetings, ==, 2);
  assert_count (listen->rate.range, 3, 5);
  assert_count (listen->rate.previous, 2, 2);
  assert_count (transfer->rate.range, 1, 3);
  assert_count (transfer->rate.previous, 0, 1);
  assert_count (explain->rate.previous, 0, 0);
  g_assert_cmpint (rapport_history_count_percent (listen->rate.range), ==, 60);

  summary = rapport_history_rate_summary (&listen->rate);
  g_assert_cmpstr (summary, ==, "60 % of 5 meetings, down from 100 %");
  g_clear_pointer (&summary, g_free);
  summary = rapport_history_rate_summary (&transfer->rate);
  g_assert_cmpstr (summary, ==, "33 % of 3 meetings, up from 0 %");
  g_clear_pointer (&summary, g_free);
  summary = rapport_history_rate_summary (&explain->rate);
  g_assert_cmpstr (summary, ==, "33 % of 3 meetings");
  g_clear_pointer (&summary, g_free);
  summary = rapport_history_rate_summary (&clear->rate);
  g_assert_cmpstr (summary, ==, "100 % of 1 meeting");

  g_assert_cmpuint (rapport_history_series_count_periods (s), ==, 2);
}

static void
test_weeks_sunday (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(RapportHistorySeries) s = NULL;
  RapportHistoryHabit *listen, *transfer;

  add_ada_quarter (f);
  s = compute (f, f->ada, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_WEEK, 0, "2026-03-18");

  g_assert_cmpuint (s->n_buckets, ==, 14);
  assert_date (&s->starts[0], "2025-12-19");
  assert_date (&s->starts[1], "2025-12-21");
  assert_date (&s->starts[11], "2026-03-01");
  assert_date (&s->starts[12], "2026-03-08");
  assert_date (&s->starts[14], "2026-03-19");
  listen = habit_at (s, 0);
  transfer = habit_at (s, 1);

  /* The range starts on the same day as with Mondays. */
  g_assert_cmpuint (s->meetings[0], ==, 0);

  g_assert_cmpuint (s->meetings[11], ==, 2);
  assert_count (listen->rate.buckets[11], 2, 2);
  assert_count (transfer->rate.buckets[11], 1, 2);
  g_assert_cmpfloat (s->mood[11], ==, 4.0);

  g_assert_cmpuint (s->meetings[12], ==, 1);
  assert_count (listen->rate.buckets[12], 0, 1);
  g_assert_cmpfloat (s->mood[12], ==, 2.0);

  g_assert_cmpuint (s->meetings[13], ==, 2);

  /* The same meetings as with Mondays, in other weeks. */
  g_assert_cmpuint (s->range_meetings, ==, 5);
  g_assert_cmpuint (s->previous_meetings, ==, 2);
  assert_count (listen->rate.range, 3, 5);
  assert_count (listen->rate.previous, 2, 2);
}

static void
test_months (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(RapportHistorySeries) s = NULL;
  g_autoptr(RapportHistorySeries) year = NULL;
  g_autofree char     *label = NULL;
  RapportHistoryHabit *listen;

  add_meeting (f, f->bob, "2025-12-18", 0, "0"); /* the day before the range */
  add_meeting (f, f->bob, "2025-12-19", 0, "1"); /* its first day */
  add_meeting (f, f->bob, "2025-12-31", 0, "1");
  add_meeting (f, f->bob, "2026-01-31", 0, "1");
  add_meeting (f, f->bob, "2026-02-01", 0, "0");
  add_meeting (f, f->bob, "2026-02-28", 0, "1");
  add_meeting (f, f->bob, "2026-03-01", 0, "0");
  add_meeting (f, f->bob, "2025-03-19", 0, "1"); /* the year's first day */
  add_meeting (f, f->bob, "2025-03-18", 0, "0"); /* the day before the year */

  /* 19 Dec to 18 Mar: December cut to its last 13 days, and March so far. */
  s = compute (f, f->bob, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_MONTH, 1, "2026-03-18");
  g_assert_cmpint (s->bucket, ==, RAPPORT_HISTORY_BUCKET_MONTH);
  g_assert_cmpuint (s->n_buckets, ==, 4);
  assert_date (&s->starts[0], "2025-12-19");
  assert_date (&s->starts[1], "2026-01-01");
  assert_date (&s->starts[3], "2026-03-01");
  assert_date (&s->starts[4], "2026-03-19");
  listen = habit_at (s, 0);
  assert_count (listen->rate.buckets[0], 2, 2);
  assert_count (listen->rate.buckets[1], 1, 1);
  assert_count (listen->rate.buckets[2], 1, 2);
  assert_count (listen->rate.buckets[3], 0, 1);
  assert_count (listen->rate.range, 4, 6);
  g_assert_cmpuint (s->range_meetings, ==, 6);
  /* 19 Sep to 18 Dec. */
  assert_count (listen->rate.previous, 0, 1);

  label = rapport_history_series_bucket_label (s, 0);
  g_assert_cmpstr (label, ==, "19–31 Dec 2025");
  g_clear_pointer (&label, g_free);
  label = rapport_history_series_bucket_label (s, 2);
  g_assert_cmpstr (label, ==, "February 2026");
  g_clear_pointer (&label, g_free);
  label = rapport_history_series_bucket_label (s, 3);
  g_assert_cmpstr (label, ==, "March 2026");
  g_clear_pointer (&label, g_free);
  label = rapport_history_series_tick_label (s, 2, FALSE);
  g_assert_cmpstr (label, ==, "Feb 2026");
  g_clear_pointer (&label, g_free);
  label = rapport_history_series_span_text (s);
  g_assert_cmpstr (label, ==, "6 meetings from 19 Dec 2025 to 18 Mar 2026");

  year = compute (f, f->bob, RAPPORT_HISTORY_RANGE_YEAR, RAPPORT_HISTORY_BUCKET_MONTH, 1, "2026-03-18");
  g_assert_cmpuint (year->n_buckets, ==, 13);
  assert_date (&year->starts[0], "2025-03-19");
  assert_date (&year->starts[1], "2025-04-01");
  assert_date (&year->starts[13], "2026-03-19");
  g_assert_cmpuint (year->meetings[0], ==, 1);
  g_assert_cmpuint (year->range_meetings, ==, 8);
  /* 19 Mar 2024 to 18 Mar 2025. */
  g_assert_cmpuint (year->previous_meetings, ==, 1);
}

static void
test_week_labels (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(RapportHistorySeries) s = NULL;
  g_autofree char *label = NULL;

  add_meeting (f, f->ada, "2026-03-04", 0, "1");
  s = compute (f, f->ada, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  label = rapport_history_series_bucket_label (s, 11);
  g_assert_cmpstr (label, ==, "Week of 2 Mar");
  g_clear_pointer (&label, g_free);
  label = rapport_history_series_tick_label (s, 11, FALSE);
  g_assert_cmpstr (label, ==, "2 Mar");
  g_clear_pointer (&label, g_free);
  label = rapport_history_series_tick_label (s, 11, TRUE);
  g_assert_cmpstr (label, ==, "2 Mar 2026");
  g_clear_pointer (&label, g_free);
  /* The first week is cut to the range: Friday 19 to Sunday 21 Dec. */
  label = rapport_history_series_bucket_label (s, 0);
  g_assert_cmpstr (label, ==, "19–21 Dec");
  g_clear_pointer (&label, g_free);
  label = rapport_history_series_start_label (s, FALSE);
  g_assert_cmpstr (label, ==, "19 Dec 2025");
  g_clear_pointer (&label, g_free);
  label = rapport_history_series_range_text (s);
  g_assert_cmpstr (label, ==, "1 meeting from 19 Dec 2025 to 18 Mar 2026.");
}

static void
test_year_edges (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(RapportHistorySeries) s = NULL;

  /* Thursday 1 Jan 2026: the Monday week began in 2025. */
  add_meeting (f, f->ada, "2025-12-28", 0, "1"); /* Sunday */
  add_meeting (f, f->ada, "2025-12-29", 0, "0"); /* Monday */
  add_meeting (f, f->ada, "2026-01-01", 0, "1");
  add_meeting (f, f->ada, "2026-01-04", 0, "1"); /* Sunday */

  s = compute (f, f->ada, RAPPORT_HISTORY_RANGE_YEAR, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-01-07");
  /* From Wednesday 8 Jan 2025 (in the week of 6 Jan) to the week of today. */
  assert_date (&s->first, "2025-01-08");
  g_assert_cmpuint (s->n_buckets, ==, 53);
  assert_date (&s->starts[51], "2025-12-29");
  g_assert_cmpuint (s->meetings[50], ==, 1);
  g_assert_cmpuint (s->meetings[51], ==, 3);
  assert_count (habit_at (s, 0)->rate.buckets[51], 2, 3);
  g_assert_cmpuint (s->meetings[52], ==, 0);
}

static void
test_team_and_archived (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(RapportHistorySeries) team = NULL;
  g_autoptr(RapportHistorySeries) all = NULL;
  g_autoptr(RapportHistorySeries) gone = NULL;
  gint64              cy = test_core_insert_person (f->store, "Cy", TRUE);
  RapportHistoryQuery query;
  g_autoptr(GError) error = NULL;

  add_meeting (f, f->ada, "2026-03-02", 0, "11");
  add_meeting (f, f->bob, "2026-03-03", 0, "10");
  add_meeting (f, cy, "2026-03-04", 0, "00");
  add_meeting (f, cy, "2026-02-02", 0, "---1"); /* a library habit, only with Cy */
  /* Archive "Transfer authority" afterwards: its history stays. */
  g_assert_true (rapport_store_exec (f->store, "UPDATE habits SET active = 0 WHERE id = 2", &error));

  team = compute (f, 0, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  g_assert_cmpuint (team->meetings[11], ==, 2);
  g_assert_cmpuint (team->range_meetings, ==, 2);
  g_assert_cmpuint (team->habits->len, ==, 2);
  assert_count (habit_at (team, 0)->rate.buckets[11], 2, 2);
  assert_count (habit_at (team, 1)->rate.buckets[11], 1, 2);
  g_assert_cmpint (habit_at (team, 1)->habit_id, ==, TRANSFER);
  g_assert_false (habit_at (team, 1)->active);

  rapport_history_query_init (&query, 0, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  query.include_archived = TRUE;
  all = rapport_history_compute (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->meetings[11], ==, 3);
  g_assert_cmpuint (all->range_meetings, ==, 4);
  g_assert_cmpuint (all->habits->len, ==, 3);
  assert_count (habit_at (all, 0)->rate.buckets[11], 2, 3);
  assert_count (habit_at (all, 2)->rate.range, 1, 1);
  g_assert_cmpint (habit_at (all, 2)->habit_id, ==, CREATIVITY);

  /* An archived person on their own. */
  gone = compute (f, cy, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  g_assert_cmpuint (gone->range_meetings, ==, 2);

  /* Someone who does not exist is an error, not an empty chart. */
  rapport_history_query_init (&query, 999, RAPPORT_HISTORY_RANGE_ALL, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  g_assert_null (rapport_history_compute (f->store, &query, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

static void
test_all_time_switches_to_months (Fixture      *f,
                                  gconstpointer data)
{
  g_autoptr(RapportHistorySeries) weeks = NULL;
  g_autoptr(RapportHistorySeries) months = NULL;
  g_autoptr(RapportHistorySeries) recent = NULL;

  /* Exactly 104 weeks from Monday 25 Mar 2024 to the week of today. */
  add_meeting (f, f->ada, "2024-03-25", 0, "1");
  add_meeting (f, f->ada, "2026-03-10", 0, "0");
  weeks = compute (f, f->ada, RAPPORT_HISTORY_RANGE_ALL, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  g_assert_cmpint (weeks->bucket, ==, RAPPORT_HISTORY_BUCKET_WEEK);
  g_assert_cmpuint (weeks->n_buckets, ==, 104);
  assert_date (&weeks->first, "2024-03-25");
  g_assert_cmpuint (weeks->previous_meetings, ==, 0);
  assert_count (habit_at (weeks, 0)->rate.previous, 0, 0);

  /* One day earlier makes 105 weeks: months instead. */
  add_meeting (f, f->ada, "2024-03-24", 0, "1");
  months = compute (f, f->ada, RAPPORT_HISTORY_RANGE_ALL, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  g_assert_cmpint (months->bucket, ==, RAPPORT_HISTORY_BUCKET_MONTH);
  assert_date (&months->first, "2024-03-24");
  assert_date (&months->starts[1], "2024-04-01");
  g_assert_true (months->starts_at_data);
  g_assert_false (g_date_valid (&months->previous_first));
  g_assert_cmpuint (months->n_buckets, ==, 25);
  g_assert_cmpuint (months->meetings[0], ==, 2);
  assert_count (habit_at (months, 0)->rate.buckets[0], 2, 2);
  g_assert_cmpuint (months->meetings[24], ==, 1);
  g_assert_cmpuint (rapport_history_series_count_periods (months), ==, 2);

  recent = compute (f, f->bob, RAPPORT_HISTORY_RANGE_ALL, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  /* No meetings at all: one empty week, and no first 1:1. */
  g_assert_cmpuint (recent->n_buckets, ==, 1);
  g_assert_false (g_date_valid (&recent->data_first));
  g_assert_false (recent->starts_at_data);
  g_assert_cmpuint (recent->habits->len, ==, 0);
  g_assert_cmpuint (rapport_history_series_count_periods (recent), ==, 0);
}

static void
test_extra_series (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(RapportHistorySeries) s = NULL;
  g_autoptr(RapportHistorySeries) copy = NULL;
  RapportHistoryRate *extra;

  add_meeting (f, f->ada, "2026-03-04", 0, "1");
  s = compute (f, f->ada, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  extra = rapport_history_series_add_extra (s, "Follow-through");
  g_assert_cmpuint (s->extras->len, ==, 1);
  g_assert_cmpstr (extra->name, ==, "Follow-through");
  for (guint i = 0; i < s->n_buckets; i++)
    assert_count (extra->buckets[i], 0, 0);
  extra->buckets[s->n_buckets - 1].total = 2;
  copy = g_boxed_copy (RAPPORT_TYPE_HISTORY_SERIES, s);
  g_assert_true (copy == s);
  g_assert_cmpuint (((RapportHistoryRate *) copy->extras->pdata[0])->buckets[s->n_buckets - 1].total, ==, 2);
}

static RapportHistoryRate *
follow_through (Fixture              *f,
                RapportHistorySeries *s,
                gint64                person)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_history_series_add_follow_through (s, f->store, person, &error));
  g_assert_no_error (error);
  if (s->extras->len == 0)
    return NULL;
  g_assert_cmpuint (s->extras->len, ==, 1);
  return g_ptr_array_index (s->extras, 0);
}

static void
test_follow_through (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(RapportHistorySeries) ada = NULL;
  g_autoptr(RapportHistorySeries) team = NULL;
  g_autoptr(RapportHistorySeries) carol = NULL;
  g_autoptr(RapportHistorySeries) months = NULL;
  g_autofree char    *summary = NULL;
  RapportHistoryRate *rate;
  gint64              carol_id = test_core_insert_person (f->store, "Carol", FALSE);
  gint64              m0, m1, bob;

  m0 = add_meeting (f, f->ada, "2025-11-10", 0, "1");
  m1 = add_meeting (f, f->ada, "2026-03-02", 0, "1");
  add_meeting (f, f->ada, "2026-03-11", 0, "1");
  bob = add_meeting (f, f->bob, "2026-03-03", 0, "1");
  add_meeting (f, carol_id, "2026-03-03", 0, "1");

  /* The range before (from 8 Sep): one kept. */
  test_core_insert_commitment (f->store, f->ada, m0, "me", "2025-11-20", "2025-11-19");
  /* Week of 2 Mar: one kept, one closed late. */
  test_core_insert_commitment (f->store, f->ada, m1, "me", "2026-03-05", "2026-03-04");
  test_core_insert_commitment (f->store, f->ada, m1, "me", "2026-03-06", "2026-03-09");
  /* Not mine: never counted. */
  test_core_insert_commitment (f->store, f->ada, m1, "them", "2026-03-05", NULL);
  /* No due date: due at the next 1:1 (11 Mar), closed the day before. */
  test_core_insert_commitment (f->store, f->ada, m1, "me", NULL, "2026-03-10");
  /* Overdue and open: due in the week of 16 Mar, not kept. */
  test_core_insert_commitment (f->store, f->ada, m1, "me", "2026-03-17", NULL);
  /* Open and still keepable (due after today): not counted yet. */
  test_core_insert_commitment (f->store, f->ada, m1, "me", "2026-03-20", NULL);
  /* Bob's, for the team. */
  test_core_insert_commitment (f->store, f->bob, bob, "me", "2026-03-04", "2026-03-04");

  ada = compute (f, f->ada, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  g_assert_cmpuint (ada->n_buckets, ==, 14);
  assert_date (&ada->starts[11], "2026-03-02");
  rate = follow_through (f, ada, f->ada);
  g_assert_nonnull (rate);
  g_assert_cmpstr (rate->name, ==, "Follow-through");
  g_assert_cmpint (rate->unit, ==, RAPPORT_HISTORY_UNIT_COMMITMENTS);
  for (guint i = 0; i < 11; i++)
    assert_count (rate->buckets[i], 0, 0); /* gaps, not 0 % */
  assert_count (rate->buckets[11], 1, 2);
  assert_count (rate->buckets[12], 1, 1);
  assert_count (rate->buckets[13], 0, 1);
  assert_count (rate->range, 2, 4);
  assert_count (rate->previous, 1, 1);
  summary = rapport_history_rate_summary (rate);
  g_assert_cmpstr (summary, ==, "50 % of 4 commitments kept, down from 100 %");
  g_clear_pointer (&summary, g_free);

  team = compute (f, 0, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  rate = follow_through (f, team, 0);
  g_assert_nonnull (rate);
  assert_count (rate->buckets[11], 2, 3);
  assert_count (rate->range, 3, 5);

  /* Monthly, and all time has no range before. */
  months = compute (f, f->ada, RAPPORT_HISTORY_RANGE_ALL, RAPPORT_HISTORY_BUCKET_MONTH, 1, "2026-03-18");
  assert_date (&months->first, "2025-11-10");
  rate = follow_through (f, months, f->ada);
  g_assert_cmpuint (months->n_buckets, ==, 5);
  assert_count (rate->buckets[0], 1, 1);
  assert_count (rate->buckets[1], 0, 0);
  assert_count (rate->buckets[4], 2, 4);
  assert_count (rate->previous, 0, 0);
  summary = rapport_history_rate_summary (rate);
  g_assert_cmpstr (summary, ==, "60 % of 5 commitments kept");

  /* Nobody promised Carol anything: no row at all. */
  carol = compute (f, carol_id, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  g_assert_null (follow_through (f, carol, carol_id));
  g_assert_cmpuint (carol->extras->len, ==, 0);
}

static void
test_local_dates (Fixture      *f,
                  gconstpointer data)
{
  RapportHistoryQuery query;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(RapportHistorySeries) s = NULL;
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  /* "Today" is the local calendar day, whatever the zone. */
  rapport_history_query_init (&query, f->ada, RAPPORT_HISTORY_RANGE_3_MONTHS,
                              RAPPORT_HISTORY_BUCKET_MONTH, 1, NULL);
  g_assert_cmpint (g_date_get_year (&query.today), ==, g_date_time_get_year (now));
  g_assert_cmpint (g_date_get_month (&query.today), ==, g_date_time_get_month (now));
  g_assert_cmpint (g_date_get_day (&query.today), ==, g_date_time_get_day_of_month (now));

  /* A meeting held today lands in the last bucket. */
  add_meeting (f, f->ada, today, 4, "1");
  s = rapport_history_compute (f->store, &query, &error);
  g_assert_no_error (error);
  /* Three months cut to the range: four calendar months, unless the
   * range starts on the 1st. */
  g_assert_cmpuint (s->n_buckets, >=, 3);
  g_assert_cmpuint (s->n_buckets, <=, 4);
  g_assert_cmpuint (s->meetings[s->n_buckets - 1], ==, 1);
  g_assert_cmpfloat (s->mood[s->n_buckets - 1], ==, 4.0);
  g_assert_cmpuint (s->range_meetings, ==, 1);
}

/* One person's meetings come through an index of theirs, the team's sums
 * per day through their primary keys: no full scan, no sort. */
static void
test_query_plans (Fixture      *f,
                  gconstpointer data)
{
  const struct
  {
    guint       index;
    const char *expected;
    const char *also;
  } cases[] = {
    { 0, "COVERING INDEX meetings_person_history", "COVERING INDEX checklist_ticks" },
    { 1, "COVERING INDEX meetings_person_history", NULL },
    { 2, "history_days USING PRIMARY KEY (archived=? AND day>? AND day<?)", NULL },
    { 3, "history_day_ticks USING PRIMARY KEY (archived=? AND day>? AND day<?)", NULL },
    { 4, "history_days USING PRIMARY KEY (archived=? AND day<?)", NULL },
    { 5, "COVERING INDEX meetings_", "(person_id=? AND deleted=? AND date>? AND date<?)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", rapport_history_get_sql (cases[i].index), NULL);
      g_autoptr(GString) plan = g_string_new ("");
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (rapport_store_get_handle (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
      g_test_message ("%s", plan->str);
      g_assert_nonnull (strstr (plan->str, cases[i].expected));
      if (cases[i].also != NULL)
        g_assert_nonnull (strstr (plan->str, cases[i].also));
      g_assert_null (strstr (plan->str, "SCAN "));
      g_assert_null (strstr (plan->str, "TEMP B-TREE"));
    }
  g_assert_null (rapport_history_get_sql (G_N_ELEMENTS (cases)));
}

/* A newcomer's year starts at their first meeting, not with forty empty
 * weeks; gaps after it stay gaps; the team starts at its own first. */
static void
test_from_first_meeting (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportHistorySeries) year = NULL;
  g_autoptr(RapportHistorySeries) clipped = NULL;
  g_autoptr(RapportHistorySeries) team = NULL;
  RapportHistoryQuery query;
  guint               gaps = 0;

  add_meeting (f, f->ada, "2026-01-05", 0, "1"); /* Monday, week 2 */
  add_meeting (f, f->ada, "2026-01-12", 0, "0");
  add_meeting (f, f->ada, "2026-02-02", 0, "1"); /* after a gap of two weeks */
  add_meeting (f, f->ada, "2026-03-16", 0, "1");
  add_meeting (f, f->bob, "2025-12-01", 0, "1");

  rapport_history_query_init (&query, f->ada, RAPPORT_HISTORY_RANGE_YEAR,
                              RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  year = rapport_history_compute (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (year->n_buckets, ==, 53);

  query.from_first_meeting = TRUE;
  clipped = rapport_history_compute (f->store, &query, &error);
  g_assert_no_error (error);
  /* Weeks of 5 Jan ... 16 Mar. */
  g_assert_cmpuint (clipped->n_buckets, ==, 11);
  g_assert_cmpint (g_date_get_day (&clipped->first), ==, 5);
  g_assert_cmpint (g_date_get_month (&clipped->first), ==, 1);
  g_assert_cmpuint (clipped->meetings[0], ==, 1);
  g_assert_cmpuint (clipped->range_meetings, ==, 4);
  for (guint i = 0; i < clipped->n_buckets; i++)
    gaps += clipped->meetings[i] == 0;
  g_assert_cmpuint (gaps, ==, 7);
  /* Nothing before the first meeting to compare with. */
  g_assert_cmpuint (clipped->previous_meetings, ==, 0);
  g_assert_true (clipped->starts_at_data);
  g_assert_false (year->starts_at_data);

  /* The team's first meeting is Bob's, in December. */
  query.person_id = 0;
  team = rapport_history_compute (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_month (&team->first), ==, 12);
  g_assert_cmpint (g_date_get_day (&team->first), ==, 1);
  g_assert_cmpuint (team->meetings[0], ==, 1);

  /* A first meeting before the range changes nothing. */
  g_clear_pointer (&team, rapport_history_series_unref);
  rapport_history_query_init (&query, 0, RAPPORT_HISTORY_RANGE_3_MONTHS,
                              RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-06-30");
  query.from_first_meeting = TRUE;
  team = rapport_history_compute (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (team->n_buckets, ==, 14);
}

static void
test_suggest_range (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RapportHistoryQuery query;
  RapportHistoryRange range = RAPPORT_HISTORY_RANGE_ALL;

  add_meeting (f, f->ada, "2026-01-05", 0, "1");
  add_meeting (f, f->bob, "2025-12-17", 0, "1");

  /* Ada began within the last three months, Bob just before them. */
  rapport_history_query_init (&query, f->ada, RAPPORT_HISTORY_RANGE_ALL,
                              RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  g_assert_true (rapport_history_suggest_range (f->store, &query, &range, &error));
  g_assert_no_error (error);
  g_assert_cmpint (range, ==, RAPPORT_HISTORY_RANGE_3_MONTHS);
  query.person_id = f->bob;
  g_assert_true (rapport_history_suggest_range (f->store, &query, &range, &error));
  g_assert_cmpint (range, ==, RAPPORT_HISTORY_RANGE_YEAR);
  query.person_id = 0;
  g_assert_true (rapport_history_suggest_range (f->store, &query, &range, &error));
  g_assert_cmpint (range, ==, RAPPORT_HISTORY_RANGE_YEAR);
  /* Three months to the day is still within. */
  rapport_history_query_init (&query, f->bob, RAPPORT_HISTORY_RANGE_ALL,
                              RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-17");
  g_assert_true (rapport_history_suggest_range (f->store, &query, &range, &error));
  g_assert_cmpint (range, ==, RAPPORT_HISTORY_RANGE_3_MONTHS);

  /* Nobody met yet: the short range. */
  test_core_exec (f->store, "DELETE FROM checklist; DELETE FROM meetings");
  query.person_id = 0;
  g_assert_true (rapport_history_suggest_range (f->store, &query, &range, &error));
  g_assert_cmpint (range, ==, RAPPORT_HISTORY_RANGE_3_MONTHS);
}

/* Hollow bars: fewer meetings than three and than the usual bucket. */
static void
test_thin_limit (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(RapportHistorySeries) weeks = NULL;
  g_autoptr(RapportHistorySeries) months = NULL;
  g_autoptr(RapportHistorySeries) team = NULL;

  /* Ada weekly from 5 Jan, with a second 1:1 in one week. */
  for (int d = 5; d <= 26; d += 7)
    {
      g_autofree char *date = g_strdup_printf ("2026-01-%02d", d);
      add_meeting (f, f->ada, date, 0, "1");
    }
  add_meeting (f, f->ada, "2026-01-07", 0, "1");
  add_meeting (f, f->ada, "2026-02-02", 0, "1");
  /* Bob three times a week in January, once in February. */
  for (int d = 5; d <= 30; d += 2)
    {
      g_autofree char *date = g_strdup_printf ("2026-01-%02d", d);
      add_meeting (f, f->bob, date, 0, "1");
    }
  add_meeting (f, f->bob, "2026-02-03", 0, "1");

  /* One person by week: one meeting is the usual, nothing is thin. */
  weeks = compute (f, f->ada, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-02-10");
  g_assert_cmpuint (rapport_history_series_thin_limit (weeks), ==, 1);
  /* By month the usual is more than three: a month with one is thin. */
  months = compute (f, f->ada, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_MONTH, 1, "2026-02-10");
  g_assert_cmpuint (months->n_buckets, ==, 4);
  g_assert_cmpuint (months->meetings[2], ==, 5);
  g_assert_cmpuint (months->meetings[3], ==, 1);
  g_assert_cmpuint (rapport_history_series_thin_limit (months), ==, 3);
  /* The team by week: usually three or more, so a week with one is thin. */
  team = compute (f, 0, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-02-10");
  g_assert_cmpuint (rapport_history_series_thin_limit (team), ==, 3);
}

/* Totals across groupings ------------------------------------------------ */

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* A year and a half of weekly 1:1s with Ada on varying weekdays (Sundays
 * and Mondays among them), with ticks, moods and commitments, ending
 * @days_after days after @today; and some with Bob for the team. */
static void
add_weekly_year (Fixture     *f,
                 const GDate *today,
                 int          days_after)
{
  GDate day = *today;
  guint n = 0;

  g_date_subtract_days (&day, 540);
  while (g_date_days_between (today, &day) <= days_after)
    {
      g_autofree char *date = iso (&day);
      char             spec[12];
      gint64           meeting;

      for (guint h = 0; h < 11; h++)
        spec[h] = (n * 7 + h * 3) % 5 < 2 ? '0' : (h % 4 == 3 && n % 3 == 0) ? '-'
                                                                             : '1';
      spec[11] = '\0';
      meeting = add_meeting (f, f->ada, date, 1 + n % 5, spec);
      if (n % 2 == 0)
        {
          GDate            due = day, closed = day;
          g_autofree char *due_text = NULL;
          g_autofree char *closed_text = NULL;

          g_date_add_days (&due, 3 + n % 9);
          g_date_add_days (&closed, n % 3 == 0 ? 20 : 2);
          due_text = iso (&due);
          closed_text = iso (&closed);
          test_core_insert_commitment (f->store, f->ada, meeting, "me", due_text,
                                       n % 5 == 4 ? NULL : closed_text);
          /* Without a due date: due at the next 1:1. */
          test_core_insert_commitment (f->store, f->ada, meeting, "me", NULL,
                                       n % 4 == 0 ? NULL : closed_text);
        }
      if (n % 3 == 1)
        add_meeting (f, f->bob, date, 0, spec + 1);
      /* 6, 7 or 8 days on: every weekday comes round. */
      g_date_add_days (&day, 6 + n % 3);
      n++;
    }
}

static RapportHistorySeries *
compute_query (Fixture             *f,
               RapportHistoryQuery *query)
{
  g_autoptr(GError) error = NULL;
  RapportHistorySeries *series = rapport_history_compute (f->store, query, &error);

  g_assert_no_error (error);
  g_assert_true (rapport_history_series_add_follow_through (series, f->store, query->person_id, &error));
  g_assert_no_error (error);
  return series;
}

static void
assert_same_rate (const RapportHistoryRate *a,
                  const RapportHistoryRate *b,
                  guint                     n_a,
                  guint                     n_b)
{
  RapportHistoryCount sum = {
    0,
  };

  g_assert_cmpstr (a->name, ==, b->name);
  assert_count (a->range, b->range.ticked, b->range.total);
  assert_count (a->previous, b->previous.ticked, b->previous.total);
  /* The buckets add up to the range, in both. */
  for (guint i = 0; i < n_a; i++)
    {
      sum.ticked += a->buckets[i].ticked;
      sum.total += a->buckets[i].total;
    }
  assert_count (a->range, sum.ticked, sum.total);
  sum = (RapportHistoryCount){
    0,
  };
  for (guint i = 0; i < n_b; i++)
    {
      sum.ticked += b->buckets[i].ticked;
      sum.total += b->buckets[i].total;
    }
  assert_count (b->range, sum.ticked, sum.total);
}

/* Meetings of @person (0: everyone) from @from to @to, counted in SQL. */
static guint
count_meetings (Fixture    *f,
                gint64      person,
                const char *from,
                const char *to)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM meetings WHERE deleted = 0"
                                          " AND (person_id = %" G_GINT64_FORMAT " OR %" G_GINT64_FORMAT " = 0)"
                                          " AND date >= '%s' AND date <= '%s'",
                                          person, person, from, to);

  return test_core_sql_int (f->path, sql);
}

static void
assert_totals_agree (Fixture            *f,
                     gint64              person,
                     RapportHistoryRange range,
                     gboolean            from_first_meeting,
                     const char         *today)
{
  const struct
  {
    RapportHistoryBucket bucket;
    int                  first_weekday;
  } groupings[] = {
    { RAPPORT_HISTORY_BUCKET_WEEK, 1 },
    { RAPPORT_HISTORY_BUCKET_WEEK, 0 },
    { RAPPORT_HISTORY_BUCKET_MONTH, 1 },
    { RAPPORT_HISTORY_BUCKET_MONTH, 0 },
  };
  g_autoptr(RapportHistorySeries) base = NULL;
  g_autofree char *base_text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  for (guint g = 0; g < G_N_ELEMENTS (groupings); g++)
    {
      g_autoptr(RapportHistorySeries) s = NULL;
      g_autofree char    *text = NULL;
      RapportHistoryQuery query;
      guint               meetings = 0, moods = 0;

      rapport_history_query_init (&query, person, range, groupings[g].bucket,
                                  groupings[g].first_weekday, today);
      query.from_first_meeting = from_first_meeting;
      s = compute_query (f, &query);
      text = rapport_history_series_range_text (s);
      g_test_message ("%s by %s from %s: %u buckets, %s", person ? "Ada" : "team",
                      groupings[g].bucket == RAPPORT_HISTORY_BUCKET_WEEK ? "week" : "month",
                      groupings[g].first_weekday ? "Monday" : "Sunday", s->n_buckets, text);
      for (guint i = 0; i < s->n_buckets; i++)
        {
          meetings += s->meetings[i];
          moods += s->mood_count[i];
          g_assert_cmpint (g_date_compare (&s->starts[i], &s->starts[i + 1]), <, 0);
        }
      g_assert_cmpuint (meetings, ==, s->range_meetings);
      g_assert_cmpint (g_date_compare (&s->starts[0], &s->first), ==, 0);
      g_assert_cmpint (g_date_days_between (&s->today, &s->starts[s->n_buckets]), ==, 1);

      if (base == NULL)
        {
          base = g_steal_pointer (&s);
          base_text = g_steal_pointer (&text);
          first = iso (&base->first);
          last = iso (&base->today);
          /* What the range says it holds is what is there. */
          g_assert_cmpuint (base->range_meetings, ==, count_meetings (f, person, first, last));
          g_assert_cmpuint (base->range_meetings, >, 0);
          continue;
        }

      /* The same days, so the same meetings, ticks, moods and promises. */
      g_assert_cmpint (g_date_compare (&s->first, &base->first), ==, 0);
      g_assert_cmpuint (s->range_meetings, ==, base->range_meetings);
      g_assert_cmpuint (s->previous_meetings, ==, base->previous_meetings);
      g_assert_cmpstr (text, ==, base_text);
      moods = 0;
      for (guint i = 0; i < s->n_buckets; i++)
        moods += s->mood_count[i];
      meetings = 0;
      for (guint i = 0; i < base->n_buckets; i++)
        meetings += base->mood_count[i];
      g_assert_cmpuint (moods, ==, meetings);
      g_assert_cmpuint (s->habits->len, ==, base->habits->len);
      for (guint h = 0; h < s->habits->len; h++)
        assert_same_rate (&habit_at (s, h)->rate, &habit_at (base, h)->rate, s->n_buckets, base->n_buckets);
      for (guint k = 0; k < G_N_ELEMENTS (s->kinds); k++)
        assert_same_rate (&s->kinds[k], &base->kinds[k], s->n_buckets, base->n_buckets);
      g_assert_cmpuint (s->extras->len, ==, base->extras->len);
      g_assert_cmpuint (s->extras->len, ==, 1);
      assert_same_rate (g_ptr_array_index (s->extras, 0), g_ptr_array_index (base->extras, 0),
                        s->n_buckets, base->n_buckets);
    }
}

/* Weekly or monthly, from Sunday or Monday: one range, one set of
 * meetings, the same totals (in this zone and in the -auckland run). */
static void
test_totals_agree (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *earlier = NULL;
  GDate            today, day;

  /* The meetings end a week after today. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  add_weekly_year (f, &today, 7);
  test_core_exec (f->store, "UPDATE meetings SET deleted = 1 WHERE id % 17 = 0");
  day = today;
  g_date_subtract_days (&day, 100);
  earlier = iso (&day);

  /* Today as the local calendar has it (NULL), and a day in the past. */
  for (RapportHistoryRange range = RAPPORT_HISTORY_RANGE_3_MONTHS; range <= RAPPORT_HISTORY_RANGE_ALL; range++)
    {
      assert_totals_agree (f, f->ada, range, FALSE, NULL);
      assert_totals_agree (f, f->ada, range, TRUE, NULL);
      assert_totals_agree (f, 0, range, TRUE, NULL);
      assert_totals_agree (f, f->ada, range, TRUE, earlier);
      assert_totals_agree (f, 0, range, FALSE, earlier);
    }
}

/* "1 Year" on three months of data says where the data starts. */
static void
test_data_start (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(RapportHistorySeries) year = NULL;
  g_autoptr(RapportHistorySeries) quarter = NULL;
  g_autoptr(RapportHistorySeries) all = NULL;
  g_autoptr(RapportHistorySeries) old = NULL;
  g_autofree char    *text = NULL;
  RapportHistoryQuery query;

  add_meeting (f, f->ada, "2026-01-07", 0, "1");
  add_meeting (f, f->ada, "2026-02-04", 0, "1");
  add_meeting (f, f->ada, "2026-03-04", 0, "0");
  add_meeting (f, f->bob, "2024-06-03", 0, "1");
  add_meeting (f, f->bob, "2026-03-02", 0, "1");

  rapport_history_query_init (&query, f->ada, RAPPORT_HISTORY_RANGE_YEAR,
                              RAPPORT_HISTORY_BUCKET_MONTH, 1, "2026-03-18");
  query.from_first_meeting = TRUE;
  year = compute_query (f, &query);
  assert_date (&year->asked_first, "2025-03-19");
  assert_date (&year->first, "2026-01-07");
  assert_date (&year->data_first, "2026-01-07");
  g_assert_true (year->starts_at_data);
  text = rapport_history_series_range_text (year);
  g_assert_cmpstr (text, ==, "3 meetings from 7 Jan to 18 Mar 2026. The first 1:1 was on 7 Jan 2026: "
                             "the last year holds nothing earlier.");
  g_clear_pointer (&text, g_free);
  text = rapport_history_series_start_label (year, FALSE);
  g_assert_cmpstr (text, ==, "Data starts 7 Jan 2026");
  g_clear_pointer (&text, g_free);
  /* A narrow chart has room for the date only; the line marks the rest. */
  text = rapport_history_series_start_label (year, TRUE);
  g_assert_cmpstr (text, ==, "7 Jan 2026");
  g_clear_pointer (&text, g_free);
  text = rapport_history_series_bucket_label (year, 0);
  g_assert_cmpstr (text, ==, "7–31 Jan 2026");
  g_clear_pointer (&text, g_free);

  query.range = RAPPORT_HISTORY_RANGE_3_MONTHS;
  quarter = compute_query (f, &query);
  text = rapport_history_series_range_text (quarter);
  g_assert_cmpstr (text, ==, "3 meetings from 7 Jan to 18 Mar 2026. The first 1:1 was on 7 Jan 2026: "
                             "the last 3 months hold nothing earlier.");
  g_clear_pointer (&text, g_free);

  /* All time starts at the data by definition: said by the span. */
  query.range = RAPPORT_HISTORY_RANGE_ALL;
  all = compute_query (f, &query);
  g_assert_true (all->starts_at_data);
  text = rapport_history_series_range_text (all);
  g_assert_cmpstr (text, ==, "3 meetings from 7 Jan to 18 Mar 2026.");
  g_clear_pointer (&text, g_free);
  text = rapport_history_series_start_label (all, FALSE);
  g_assert_cmpstr (text, ==, "7 Jan 2026");
  g_clear_pointer (&text, g_free);

  /* Bob's data is older than the year: nothing to say but the span. */
  query.person_id = f->bob;
  query.range = RAPPORT_HISTORY_RANGE_YEAR;
  old = compute_query (f, &query);
  g_assert_false (old->starts_at_data);
  assert_date (&old->first, "2025-03-19");
  text = rapport_history_series_range_text (old);
  g_assert_cmpstr (text, ==, "1 meeting from 19 Mar 2025 to 18 Mar 2026.");
  g_clear_pointer (&text, g_free);
  text = rapport_history_series_start_label (old, FALSE);
  g_assert_cmpstr (text, ==, "19 Mar 2025");
}

/* Every sentence in its unit: a habit's meetings, a kind's checklist
 * items (several per meeting), commitments. */
static void
test_units (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(RapportHistorySeries) s = NULL;
  g_autofree char    *text = NULL;
  RapportHistoryQuery query;

  /* 12 meetings with four trust habits and one structure habit each. */
  for (int week = 0; week < 12; week++)
    {
      GDate            day;
      g_autofree char *date = NULL;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 5, 1, 2026);
      g_date_add_days (&day, 7 * week);
      date = iso (&day);
      add_meeting (f, f->ada, date, 0, week % 4 == 0 ? "1110----0" : "1010----1");
    }

  rapport_history_query_init (&query, f->ada, RAPPORT_HISTORY_RANGE_3_MONTHS,
                              RAPPORT_HISTORY_BUCKET_MONTH, 1, "2026-03-31");
  s = compute_query (f, &query);
  g_assert_cmpuint (s->range_meetings, ==, 12);
  g_assert_cmpint (s->kinds[RAPPORT_HABIT_TRUST].unit, ==, RAPPORT_HISTORY_UNIT_ITEMS);
  /* 3 + 2 + 2 ... ticks of 4 items a meeting: 27 of 48. */
  assert_count (s->kinds[RAPPORT_HABIT_TRUST].range, 27, 48);
  g_assert_cmpuint (s->kinds[RAPPORT_HABIT_TRUST].meetings, ==, 12);
  text = rapport_history_rate_summary (&s->kinds[RAPPORT_HABIT_TRUST]);
  g_assert_cmpstr (text, ==, "56 % of 48 checklist items ticked in 12 meetings");
  g_clear_pointer (&text, g_free);
  text = rapport_history_rate_summary (&s->kinds[RAPPORT_HABIT_STRUCTURE]);
  g_assert_cmpstr (text, ==, "75 % of 12 checklist items ticked in 12 meetings");
  g_clear_pointer (&text, g_free);
  text = rapport_history_rate_summary (&habit_at (s, 0)->rate);
  g_assert_cmpstr (text, ==, "100 % of 12 meetings");
  g_clear_pointer (&text, g_free);
  text = rapport_history_series_span_text (s);
  g_assert_cmpstr (text, ==, "12 meetings from 1 Jan to 31 Mar 2026");
  g_clear_pointer (&text, g_free);

  /* Against a range before with fewer ticks. */
  add_meeting (f, f->ada, "2025-12-01", 0, "0000----0");
  g_clear_pointer (&s, rapport_history_series_unref);
  s = compute_query (f, &query);
  text = rapport_history_rate_summary (&s->kinds[RAPPORT_HABIT_TRUST]);
  g_assert_cmpstr (text, ==, "56 % of 48 checklist items ticked in 12 meetings, up from 0 %");
  g_clear_pointer (&text, g_free);
  s->kinds[RAPPORT_HABIT_TRUST].range = (RapportHistoryCount){ 0, 0 };
  text = rapport_history_rate_summary (&s->kinds[RAPPORT_HABIT_TRUST]);
  g_assert_cmpstr (text, ==, "no checklist items in this period");
}

/* One person opens by month once their 1:1s in the range fall in two
 * months; the team by week. */
static void
test_suggest_bucket (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RapportHistoryQuery  query;
  RapportHistoryBucket bucket = RAPPORT_HISTORY_BUCKET_WEEK;
  gint64               cy = test_core_insert_person (f->store, "Cy", FALSE);

  add_meeting (f, f->ada, "2026-02-26", 0, "1");
  add_meeting (f, f->ada, "2026-03-05", 0, "1");
  add_meeting (f, f->bob, "2025-11-03", 0, "1"); /* before 3 months */
  add_meeting (f, f->bob, "2026-03-02", 0, "1");
  add_meeting (f, f->bob, "2026-03-09", 0, "1");
  add_meeting (f, cy, "2026-02-10", 0, "1");
  add_meeting (f, cy, "2026-02-17", 0, "1");
  add_meeting (f, cy, "2026-03-20", 0, "1"); /* planned, after today */

  rapport_history_query_init (&query, f->ada, RAPPORT_HISTORY_RANGE_3_MONTHS,
                              RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-18");
  g_assert_true (rapport_history_suggest_bucket (f->store, &query, &bucket, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bucket, ==, RAPPORT_HISTORY_BUCKET_MONTH);
  /* Bob's 1:1s of the last 3 months are all in this month: by week, or
   * there is one point; over all time, two months. */
  query.person_id = f->bob;
  g_assert_true (rapport_history_suggest_bucket (f->store, &query, &bucket, &error));
  g_assert_cmpint (bucket, ==, RAPPORT_HISTORY_BUCKET_WEEK);
  query.range = RAPPORT_HISTORY_RANGE_ALL;
  g_assert_true (rapport_history_suggest_bucket (f->store, &query, &bucket, &error));
  g_assert_cmpint (bucket, ==, RAPPORT_HISTORY_BUCKET_MONTH);
  /* Cy's first month just ended: on 1 March, February alone is one point. */
  rapport_history_query_init (&query, cy, RAPPORT_HISTORY_RANGE_3_MONTHS,
                              RAPPORT_HISTORY_BUCKET_WEEK, 1, "2026-03-01");
  bucket = RAPPORT_HISTORY_BUCKET_MONTH;
  g_assert_true (rapport_history_suggest_bucket (f->store, &query, &bucket, &error));
  g_assert_cmpint (bucket, ==, RAPPORT_HISTORY_BUCKET_WEEK);
  /* The team. */
  query.person_id = 0;
  bucket = RAPPORT_HISTORY_BUCKET_MONTH;
  g_assert_true (rapport_history_suggest_bucket (f->store, &query, &bucket, &error));
  g_assert_cmpint (bucket, ==, RAPPORT_HISTORY_BUCKET_WEEK);
  /* Nobody yet. */
  query.person_id = test_core_insert_person (f->store, "Dee", FALSE);
  bucket = RAPPORT_HISTORY_BUCKET_MONTH;
  g_assert_true (rapport_history_suggest_bucket (f->store, &query, &bucket, &error));
  g_assert_cmpint (bucket, ==, RAPPORT_HISTORY_BUCKET_WEEK);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/history/weeks-monday", test_weeks_monday);
  ADD ("/history/weeks-sunday", test_weeks_sunday);
  ADD ("/history/months", test_months);
  ADD ("/history/week-labels", test_week_labels);
  ADD ("/history/year-edges", test_year_edges);
  ADD ("/history/team-and-archived", test_team_and_archived);
  ADD ("/history/all-time-switches-to-months", test_all_time_switches_to_months);
  ADD ("/history/extra-series", test_extra_series);
  ADD ("/history/follow-through", test_follow_through);
  ADD ("/history/local-dates", test_local_dates);
  ADD ("/history/query-plans", test_query_plans);
  ADD ("/history/from-first-meeting", test_from_first_meeting);
  ADD ("/history/suggest-range", test_suggest_range);
  ADD ("/history/thin-limit", test_thin_limit);
  ADD ("/history/totals-agree", test_totals_agree);
  ADD ("/history/data-start", test_data_start);
  ADD ("/history/units", test_units);
  ADD ("/history/suggest-bucket", test_suggest_bucket);
#undef ADD

  return g_test_run ();
}
