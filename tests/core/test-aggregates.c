/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sums per day kept by triggers (006-aggregates.sql) stay equal to a
 * computation from scratch through random writes of every kind: the
 * models' own (create, save, hide for undo, purge), plain SQL as another
 * program would write it, imports, archiving and deleting people, bulk
 * writes with the triggers suspended, and rolled-back transactions. The
 * team's history and follow-through read from them also equal the sum of
 * every person's, which are still computed from the meetings.
 *
 * The operations are pseudo-random; the seed is printed, and
 * RAPPORT_TEST_SEED=N runs the same sequence again. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rapport-aggregates.h"
#include "rapport-commitment.h"
#include "rapport-exchange-private.h"
#include "rapport-exchange.h"
#include "rapport-follow-through.h"
#include "rapport-history.h"
#include "rapport-meeting.h"
#include "test-core-util.h"

#define N_HABITS 11

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
  GRand        *rand;
  guint32       seed;
  guint         step;
  const char   *op;
} Fixture;

/* Small helpers ---------------------------------------------------------- */

static int
rnd (Fixture *f,
     int      n)
{
  return g_rand_int_range (f->rand, 0, n);
}

static gint64
query_int (RapportStore *store,
           const char   *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = rapport_store_prepare (store, sql, &error);
  gint64        value = 0;

  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
exec_printf (RapportStore *store,
             const char   *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
exec_printf (RapportStore *store,
             const char   *format,
             ...)
{
  g_autofree char *sql = NULL;
  va_list          args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  test_core_exec (store, sql);
}

/* A random id of @table's rows WHERE @where, 0 when there is none. */
static gint64
pick (Fixture      *f,
      RapportStore *store,
      const char   *table,
      const char   *where)
{
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", table, where);
  g_autofree char *sql = NULL;
  gint64           n = query_int (store, count_sql);

  if (n == 0)
    return 0;
  sql = g_strdup_printf ("SELECT id FROM %s WHERE %s ORDER BY id LIMIT 1 OFFSET %d",
                         table, where, rnd (f, (int) n));
  return query_int (store, sql);
}

/* Dates within 2025, so that days, weeks and neighbours collide often. */
static char *
random_date (Fixture *f)
{
  GDate date;
  char  text[11];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2025);
  g_date_add_days (&date, rnd (f, 200));
  g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (text);
}

/* NULL or a date, as SQL. */
static char *
random_date_sql (Fixture *f,
                 int      null_one_in)
{
  g_autofree char *date = NULL;

  if (rnd (f, null_one_in) == 0)
    return g_strdup ("NULL");
  date = random_date (f);
  return g_strdup_printf ("'%s'", date);
}

static char *
random_spec (Fixture *f)
{
  char spec[N_HABITS + 1];

  for (guint i = 0; i < N_HABITS; i++)
    spec[i] = "-01"[rnd (f, 3)];
  spec[N_HABITS] = '\0';
  return g_strdup (spec);
}

/* The operations --------------------------------------------------------- */

static gint64
any_person (Fixture      *f,
            RapportStore *store)
{
  gint64 id = pick (f, store, "people", "true");

  if (id == 0)
    id = test_core_insert_person (store, "Someone", FALSE);
  return id;
}

static void
op_add_person (Fixture      *f,
               RapportStore *store)
{
  f->op = "add a person";
  test_core_insert_person (store, "Person", rnd (f, 4) == 0);
}

static void
op_archive_person (Fixture      *f,
                   RapportStore *store)
{
  gint64 id = pick (f, store, "people", "true");

  f->op = "archive or bring back a person";
  exec_printf (store, "UPDATE people SET archived = 1 - archived WHERE id = %" G_GINT64_FORMAT, id);
}

static void
op_delete_person (Fixture      *f,
                  RapportStore *store)
{
  gint64 id = pick (f, store, "people", "true");

  f->op = "delete a person with everything of theirs";
  exec_printf (store, "DELETE FROM people WHERE id = %" G_GINT64_FORMAT, id);
}

static void
op_toggle_habit (Fixture      *f,
                 RapportStore *store)
{
  f->op = "switch a habit on or off";
  exec_printf (store, "UPDATE habits SET active = 1 - active WHERE id = %d", 1 + rnd (f, N_HABITS));
}

static void
op_add_meeting (Fixture      *f,
                RapportStore *store)
{
  g_autofree char *date = random_date (f);
  gint64           person = any_person (f, store);

  if (rnd (f, 2) == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportMeeting) meeting = NULL;

      f->op = "create a meeting (model)";
      meeting = rapport_meeting_create (store, person, date, &error);
      g_assert_no_error (error);
      if (rnd (f, 2) == 0)
        {
          rapport_meeting_set_mood (meeting, rnd (f, 6));
          rapport_meeting_set_notes (meeting, "notes");
          g_assert_true (rapport_meeting_save (meeting, store, &error));
          g_assert_no_error (error);
        }
    }
  else
    {
      g_autofree char *spec = random_spec (f);

      f->op = "insert a meeting (SQL)";
      test_core_insert_meeting (store, person, date, rnd (f, 6), spec, rnd (f, 8) == 0);
    }
}

static void
op_edit_meeting (Fixture      *f,
                 RapportStore *store)
{
  gint64           id = pick (f, store, "meetings", "true");
  gint64           live = pick (f, store, "meetings", "deleted = 0");
  g_autofree char *date = random_date (f);

  if (id == 0)
    return;
  switch (rnd (f, 4))
    {
    case 0:
      if (live != 0)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(RapportMeeting) meeting = rapport_meeting_load (store, live, &error);

          /* The model loads the meetings that are shown. */
          f->op = "move and rate a meeting (model)";
          g_assert_no_error (error);
          rapport_meeting_set_date (meeting, date);
          rapport_meeting_set_mood (meeting, rnd (f, 6));
          g_assert_true (rapport_meeting_save (meeting, store, &error));
          g_assert_no_error (error);
        }
      break;
    case 1:
      f->op = "move a meeting (SQL)";
      exec_printf (store, "UPDATE meetings SET date = '%s' WHERE id = %" G_GINT64_FORMAT, date, id);
      break;
    case 2:
      {
        g_autofree char *mood = rnd (f, 3) == 0 ? g_strdup ("NULL") : g_strdup_printf ("%d", 1 + rnd (f, 5));

        f->op = "rate a meeting (SQL)";
        exec_printf (store, "UPDATE meetings SET mood = %s WHERE id = %" G_GINT64_FORMAT, mood, id);
      }
      break;
    default:
      {
        gint64 person = any_person (f, store);

        /* With its commitments, as the person a commitment belongs to is
         * the meeting's. */
        f->op = "give a meeting to someone else (SQL)";
        exec_printf (store,
                     "UPDATE meetings SET person_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT ";"
                     "UPDATE commitments SET person_id = %" G_GINT64_FORMAT " WHERE meeting_id = %" G_GINT64_FORMAT,
                     person, id, person, id);
      }
      break;
    }
}

static void
op_hide_meeting (Fixture      *f,
                 RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64           id = pick (f, store, "meetings", "true");
  g_autofree char *sql = g_strdup_printf ("SELECT deleted FROM meetings WHERE id = %" G_GINT64_FORMAT, id);

  if (id == 0)
    return;
  f->op = "delete a meeting for undo, or undo it";
  g_assert_true (rapport_meeting_hide (store, id, query_int (store, sql) == 0, &error));
  g_assert_no_error (error);
}

static void
op_purge_meeting (Fixture      *f,
                  RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id = pick (f, store, "meetings", "deleted = 1");

  if (id == 0)
    return;
  f->op = "purge a hidden meeting";
  g_assert_true (rapport_meeting_purge (store, id, &error));
  g_assert_no_error (error);
}

static void
op_delete_meeting (Fixture      *f,
                   RapportStore *store)
{
  gint64 id = pick (f, store, "meetings", "deleted = 0");

  f->op = "delete a live meeting outright (SQL)";
  exec_printf (store, "DELETE FROM meetings WHERE id = %" G_GINT64_FORMAT, id);
}

static void
op_checklist (Fixture      *f,
              RapportStore *store)
{
  gint64 id = pick (f, store, "checklist", "true");
  gint64 meeting = pick (f, store, "meetings", "true");
  int    habit = 1 + rnd (f, N_HABITS);

  switch (rnd (f, 4))
    {
    case 0:
    case 1:
      f->op = "tick or untick";
      exec_printf (store, "UPDATE checklist SET ticked = 1 - ticked WHERE id = %" G_GINT64_FORMAT, id);
      break;
    case 2:
      {
        g_autofree char *uuid = rapport_store_new_uuid ();

        f->op = "add a checklist row";
        if (meeting != 0)
          exec_printf (store,
                       "INSERT INTO checklist (uuid, meeting_id, habit_id, ticked, created_at, updated_at)"
                       " SELECT '%s', %" G_GINT64_FORMAT ", %d, %d, 'x', 'x' WHERE NOT EXISTS"
                       " (SELECT 1 FROM checklist WHERE meeting_id = %" G_GINT64_FORMAT " AND habit_id = %d)",
                       uuid, meeting, habit, rnd (f, 2), meeting, habit);
      }
      break;
    default:
      if (rnd (f, 2) == 0)
        {
          f->op = "remove a checklist row";
          exec_printf (store, "DELETE FROM checklist WHERE id = %" G_GINT64_FORMAT, id);
        }
      else
        {
          f->op = "change a checklist row's habit or meeting";
          if (meeting != 0)
            exec_printf (store,
                         "UPDATE checklist SET habit_id = %d, meeting_id = %" G_GINT64_FORMAT
                         " WHERE id = %" G_GINT64_FORMAT " AND NOT EXISTS"
                         " (SELECT 1 FROM checklist WHERE meeting_id = %" G_GINT64_FORMAT " AND habit_id = %d)",
                         habit, meeting, id, meeting, habit);
        }
      break;
    }
}

static void
op_add_commitment (Fixture      *f,
                   RapportStore *store)
{
  gint64 meeting = pick (f, store, "meetings", "true");
  gint64 live = pick (f, store, "meetings", "deleted = 0");

  if (meeting == 0)
    return;
  if (rnd (f, 2) == 0 && live != 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportCommitment) c = NULL;
      g_autofree char *due = rnd (f, 2) == 0 ? NULL : random_date (f);

      /* In a meeting that is shown, as the app does. */
      meeting = live;
      f->op = "make a commitment (model)";
      c = rapport_commitment_create (store, meeting, "x",
                                     rnd (f, 4) == 0 ? RAPPORT_COMMITMENT_OWNER_THEM
                                                     : RAPPORT_COMMITMENT_OWNER_ME,
                                     due, &error);
      g_assert_no_error (error);
      if (rnd (f, 2) == 0)
        {
          g_autofree char *closed = random_date (f);

          g_assert_true (rapport_commitment_close (c, store, closed, &error));
          g_assert_no_error (error);
        }
    }
  else
    {
      g_autofree char *uuid = rapport_store_new_uuid ();
      g_autofree char *due = random_date_sql (f, 2);
      g_autofree char *closed = random_date_sql (f, 2);

      f->op = "insert a commitment (SQL)";
      exec_printf (store,
                   "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner, due, closed_on,"
                   " deleted, created_at, updated_at)"
                   " SELECT '%s', person_id, id, 'x', '%s', %s, %s, %d, 'x', 'x'"
                   " FROM meetings WHERE id = %" G_GINT64_FORMAT,
                   uuid, rnd (f, 4) == 0 ? "them" : "me", due, closed, rnd (f, 8) == 0, meeting);
    }
}

static void
op_edit_commitment (Fixture      *f,
                    RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCommitment) c = NULL;
  gint64 id = pick (f, store, "commitments", "true");
  /* The model works on the commitments that are shown. */
  gint64 shown = pick (f, store, "commitments",
                       "deleted = 0 AND meeting_id IN (SELECT id FROM meetings WHERE deleted = 0)");
  guint  what = rnd (f, 6);

  if (id == 0)
    return;
  if (what <= 2)
    {
      if (shown == 0)
        return;
      id = shown;
    }
  switch (what)
    {
    case 0:
      {
        g_autofree char *due = rnd (f, 3) == 0 ? NULL : random_date (f);

        f->op = "change a due date (model)";
        c = rapport_commitment_load (store, id, &error);
        g_assert_no_error (error);
        g_assert_true (rapport_commitment_set_due (c, store, due, &error));
      }
      break;
    case 1:
      {
        g_autofree char *closed = random_date (f);

        f->op = "close or reopen (model)";
        c = rapport_commitment_load (store, id, &error);
        g_assert_no_error (error);
        if (rapport_commitment_get_closed (c) && rnd (f, 2) == 0)
          g_assert_true (rapport_commitment_reopen (c, store, &error));
        else
          g_assert_true (rapport_commitment_close (c, store, closed, &error));
      }
      break;
    case 2:
      f->op = "change the owner (model)";
      c = rapport_commitment_load (store, id, &error);
      g_assert_no_error (error);
      g_assert_true (rapport_commitment_set_owner (c, store,
                                                   rapport_commitment_get_owner (c) == RAPPORT_COMMITMENT_OWNER_ME
                                                     ? RAPPORT_COMMITMENT_OWNER_THEM
                                                     : RAPPORT_COMMITMENT_OWNER_ME,
                                                   &error));
      break;
    case 3:
      {
        g_autofree char *sql = g_strdup_printf ("SELECT deleted FROM commitments WHERE id = %" G_GINT64_FORMAT, id);

        f->op = "delete a commitment for undo, or undo it";
        g_assert_true (rapport_commitment_hide (store, id, query_int (store, sql) == 0, &error));
      }
      break;
    case 4:
      {
        gint64 hidden = pick (f, store, "commitments", "deleted = 1");

        f->op = "purge a hidden commitment, or delete one outright (SQL)";
        if (hidden != 0 && rnd (f, 2) == 0)
          g_assert_true (rapport_commitment_purge (store, hidden, &error));
        else
          exec_printf (store, "DELETE FROM commitments WHERE id = %" G_GINT64_FORMAT, id);
      }
      break;
    default:
      {
        gint64           meeting = pick (f, store, "meetings", "true");
        g_autofree char *due = random_date_sql (f, 2);
        g_autofree char *closed = random_date_sql (f, 2);

        f->op = "move and rewrite a commitment (SQL)";
        exec_printf (store,
                     "UPDATE commitments SET meeting_id = m.id, person_id = m.person_id, due = %s,"
                     " closed_on = %s FROM (SELECT id, person_id FROM meetings WHERE id = %" G_GINT64_FORMAT ") m"
                     " WHERE commitments.id = %" G_GINT64_FORMAT,
                     due, closed, meeting, id);
      }
      break;
    }
  g_assert_no_error (error);
}

typedef void (*Op) (Fixture *f, RapportStore *store);

static const struct
{
  Op    op;
  guint weight;
} ops[] = {
  { op_add_person, 3 },
  { op_archive_person, 2 },
  { op_delete_person, 1 },
  { op_toggle_habit, 2 },
  { op_add_meeting, 20 },
  { op_edit_meeting, 10 },
  { op_hide_meeting, 6 },
  { op_purge_meeting, 3 },
  { op_delete_meeting, 2 },
  { op_checklist, 12 },
  { op_add_commitment, 14 },
  { op_edit_commitment, 12 },
};

static void
random_op (Fixture      *f,
           RapportStore *store)
{
  guint total = 0, r;

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    total += ops[i].weight;
  r = rnd (f, total);
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      if (r < ops[i].weight)
        {
          ops[i].op (f, store);
          return;
        }
      r -= ops[i].weight;
    }
}

/* Checks ----------------------------------------------------------------- */

static void
assert_aggregates (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;

  if (!rapport_aggregates_check (f->store, &difference, &error))
    {
      g_assert_no_error (error);
      g_error ("seed %u, step %u (%s): the sums differ from scratch: %s",
               f->seed, f->step, f->op ? f->op : "-", difference);
    }
}

#define N_TRIGGERS_SQL "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name GLOB 'aggregates_*'"

static GArray *
people_ids (RapportStore *store,
            gboolean      include_archived)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = rapport_store_prepare (store, "SELECT id FROM people WHERE archived <= ?1 ORDER BY id",
                                              &error);
  GArray       *ids;

  g_assert_no_error (error);
  sqlite3_bind_int (stmt, 1, include_archived ? 1 : 0);
  ids = rapport_store_step_ids (store, stmt, "people", &error);
  g_assert_no_error (error);
  return ids;
}

static RapportHistoryHabit *
find_habit (RapportHistorySeries *s,
            gint64                habit_id)
{
  for (guint i = 0; i < s->habits->len; i++)
    {
      RapportHistoryHabit *habit = g_ptr_array_index (s->habits, i);

      if (habit->habit_id == habit_id)
        return habit;
    }
  return NULL;
}

/* A habit's checklist rows in the range before @s, from the meetings. */
static RapportHistoryCount
count_before (Fixture              *f,
              RapportHistorySeries *s,
              gint64                habit_id,
              gboolean              include_archived)
{
  g_autoptr(GError) error = NULL;
  RapportHistoryCount count = {
    0,
  };
  sqlite3_stmt *stmt;
  GDate         from = s->previous_first, to = s->first;
  char          from_text[11], to_text[11];

  g_assert_true (g_date_valid (&from));
  g_date_subtract_days (&to, 1);
  g_date_strftime (from_text, sizeof from_text, "%Y-%m-%d", &from);
  g_date_strftime (to_text, sizeof to_text, "%Y-%m-%d", &to);

  stmt = rapport_store_prepare (f->store,
                                "SELECT count(*), coalesce (sum (c.ticked), 0) FROM meetings m"
                                " JOIN people p ON p.id = m.person_id JOIN checklist c ON c.meeting_id = m.id"
                                " WHERE m.deleted = 0 AND p.archived <= ?1 AND m.date >= ?2 AND m.date <= ?3"
                                " AND c.habit_id = ?4",
                                &error);
  g_assert_no_error (error);
  sqlite3_bind_int (stmt, 1, include_archived ? 1 : 0);
  sqlite3_bind_text (stmt, 2, from_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, habit_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count.total = sqlite3_column_int (stmt, 0);
  count.ticked = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  return count;
}

#define assert_same_count(f, what, a, b)                                                     \
  G_STMT_START                                                                               \
  {                                                                                          \
    if ((a).ticked != (b).ticked || (a).total != (b).total)                                  \
      g_error ("seed %u, step %u: %s: team %u of %u, people %u of %u", (f)->seed, (f)->step, \
               (what), (a).ticked, (a).total, (b).ticked, (b).total);                        \
  }                                                                                          \
  G_STMT_END

/* The team's series (from the sums per day) equal the sum of every
 * person's (from their meetings), bucket by bucket. */
static void
assert_team_history (Fixture             *f,
                     const char          *today,
                     RapportHistoryRange  range,
                     RapportHistoryBucket bucket,
                     int                  first_weekday,
                     gboolean             include_archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportHistorySeries) team = NULL;
  g_autoptr(GArray) people = people_ids (f->store, include_archived);
  g_autofree guint   *meetings = NULL;
  g_autofree guint   *moods = NULL;
  g_autofree double  *mood_sums = NULL;
  guint               previous = 0;
  RapportHistoryQuery query;

  rapport_history_query_init (&query, 0, range, bucket, first_weekday, today);
  query.include_archived = include_archived;
  team = rapport_history_compute (f->store, &query, &error);
  g_assert_no_error (error);
  meetings = g_new0 (guint, team->n_buckets);
  moods = g_new0 (guint, team->n_buckets);
  mood_sums = g_new0 (double, team->n_buckets);

  /* Every habit of the team's has the sum of the people's counts. */
  for (guint h = 0; h < team->habits->len; h++)
    {
      RapportHistoryHabit            *habit = g_ptr_array_index (team->habits, h);
      g_autofree RapportHistoryCount *sums = g_new0 (RapportHistoryCount, team->n_buckets);
      RapportHistoryCount             in_range = {
                    0,
      },
                          before = {
                            0,
                          };

      for (guint p = 0; p < people->len; p++)
        {
          g_autoptr(RapportHistorySeries) one = NULL;
          RapportHistoryHabit *theirs;

          query.person_id = g_array_index (people, gint64, p);
          one = rapport_history_compute (f->store, &query, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (one->n_buckets, ==, team->n_buckets);
          theirs = find_habit (one, habit->habit_id);
          if (theirs == NULL)
            continue;
          for (guint i = 0; i < team->n_buckets; i++)
            {
              sums[i].total += theirs->rate.buckets[i].total;
              sums[i].ticked += theirs->rate.buckets[i].ticked;
            }
          in_range.total += theirs->rate.range.total;
          in_range.ticked += theirs->rate.range.ticked;
          before.total += theirs->rate.previous.total;
          before.ticked += theirs->rate.previous.ticked;
        }
      for (guint i = 0; i < team->n_buckets; i++)
        assert_same_count (f, "a bucket", habit->rate.buckets[i], sums[i]);
      assert_same_count (f, "the range", habit->rate.range, in_range);
      /* A person's series leaves out a habit they had only before the
       * range, with its count before: counted from the meetings instead. */
      before = count_before (f, team, habit->habit_id, include_archived);
      assert_same_count (f, "the range before", habit->rate.previous, before);
    }

  /* Meetings, moods, and no habit left out of the team's. */
  for (guint p = 0; p < people->len; p++)
    {
      g_autoptr(RapportHistorySeries) one = NULL;

      query.person_id = g_array_index (people, gint64, p);
      one = rapport_history_compute (f->store, &query, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < team->n_buckets; i++)
        {
          meetings[i] += one->meetings[i];
          moods[i] += one->mood_count[i];
          if (one->mood_count[i] > 0)
            mood_sums[i] += one->mood[i] * one->mood_count[i];
        }
      previous += one->previous_meetings;
      for (guint h = 0; h < one->habits->len; h++)
        g_assert_nonnull (find_habit (team, ((RapportHistoryHabit *) g_ptr_array_index (one->habits, h))->habit_id));
    }
  for (guint i = 0; i < team->n_buckets; i++)
    {
      if (team->meetings[i] != meetings[i] || team->mood_count[i] != moods[i])
        g_error ("seed %u, step %u: bucket %u: team %u meetings (%u moods), people %u (%u)",
                 f->seed, f->step, i, team->meetings[i], team->mood_count[i], meetings[i], moods[i]);
      if (moods[i] > 0)
        g_assert_cmpfloat_with_epsilon (team->mood[i], mood_sums[i] / moods[i], 1e-9);
      else
        g_assert_true (isnan (team->mood[i]));
    }
  g_assert_cmpuint (team->previous_meetings, ==, previous);
}

/* The team's follow-through (from the sums per day) equals the sum of
 * every person's (from their commitments), archived people included. */
static void
assert_team_follow_through (Fixture    *f,
                            const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = people_ids (f->store, TRUE);
  g_autoptr(GPtrArray) bounds = g_ptr_array_new_with_free_func (g_free);
  guint n, team_kept[40], team_due[40], kept[40], due[40], sum_kept[40] = {
    0,
  },
                                                           sum_due[40] = {
                                                             0,
                                                           };
  GDate day;

  /* Weeks from a random day, with open ends at both sides. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 12, 2024);
  g_date_add_days (&day, rnd (f, 7));
  g_ptr_array_add (bounds, g_strdup ("0000-00-00"));
  for (guint i = 0; i < 36; i++)
    {
      g_ptr_array_add (bounds, g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day),
                                                g_date_get_month (&day), g_date_get_day (&day)));
      g_date_add_days (&day, 7);
    }
  g_ptr_array_add (bounds, g_strdup ("9999-99-99"));
  n = bounds->len - 1;

  g_assert_true (rapport_follow_through_series (f->store, 0, (const char *const *) bounds->pdata, n,
                                                today, team_kept, team_due, &error));
  g_assert_no_error (error);
  for (guint p = 0; p < people->len; p++)
    {
      g_assert_true (rapport_follow_through_series (f->store, g_array_index (people, gint64, p),
                                                    (const char *const *) bounds->pdata, n,
                                                    today, kept, due, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < n; i++)
        {
          sum_kept[i] += kept[i];
          sum_due[i] += due[i];
        }
    }
  for (guint i = 0; i < n; i++)
    if (team_kept[i] != sum_kept[i] || team_due[i] != sum_due[i])
      g_error ("seed %u, step %u: follow-through from %s on %s: team %u of %u, people %u of %u",
               f->seed, f->step, (char *) bounds->pdata[i], today,
               team_kept[i], team_due[i], sum_kept[i], sum_due[i]);
}

static void
assert_series (Fixture *f)
{
  g_autofree char *today = random_date (f);

  assert_team_history (f, today, RAPPORT_HISTORY_RANGE_3_MONTHS, RAPPORT_HISTORY_BUCKET_WEEK,
                       rnd (f, 7), rnd (f, 2));
  assert_team_history (f, today, RAPPORT_HISTORY_RANGE_YEAR, RAPPORT_HISTORY_BUCKET_MONTH,
                       1, rnd (f, 2));
  assert_team_follow_through (f, today);
}

/* Fixture ---------------------------------------------------------------- */

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  const char *env = g_getenv ("RAPPORT_TEST_SEED");

  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->seed = env != NULL ? (guint32) strtoul (env, NULL, 10) : g_random_int ();
  f->rand = g_rand_new_with_seed (f->seed);
  g_test_message ("%s: seed %u (RAPPORT_TEST_SEED=%u repeats it)", g_test_get_path (), f->seed, f->seed);
  /* Fewer waits for the disk: a crash loses nothing a test needs. */
  test_core_exec (f->store, "PRAGMA synchronous = OFF");
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_rand_free (f->rand);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

/* Tests ------------------------------------------------------------------ */

/* The check can fail: a sum changed behind the triggers' back is found,
 * and a rebuild puts it right. */
static void
test_check_and_rebuild (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;
  gint64           ada = test_core_insert_person (f->store, "Ada", FALSE);

  test_core_insert_meeting (f->store, ada, "2025-03-03", 4, "101", FALSE);
  test_core_insert_commitment (f->store, ada, query_int (f->store, "SELECT max(id) FROM meetings"),
                               "me", "2025-03-05", "2025-03-04");
  assert_aggregates (f);
  g_assert_cmpint (query_int (f->store, "SELECT meetings FROM history_days WHERE day = '2025-03-03'"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT sum (ticked) FROM history_day_ticks"), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT kept FROM follow_through_days WHERE day = '2025-03-05'"), ==, 1);

  for (guint i = 0; i < 3; i++)
    {
      static const char *const damage[] = {
        "UPDATE history_days SET moods = 0",
        "DELETE FROM history_day_ticks WHERE habit_id = 3",
        "INSERT INTO follow_through_days VALUES ('2025-01-01', 0, 0, 1)",
      };

      test_core_exec (f->store, damage[i]);
      g_assert_false (rapport_aggregates_check (f->store, &difference, &error));
      g_assert_no_error (error);
      g_assert_nonnull (difference);
      g_test_message ("%s: %s", damage[i], difference);
      g_clear_pointer (&difference, g_free);
      g_assert_true (rapport_aggregates_rebuild (f->store, &error));
      g_assert_no_error (error);
      g_assert_true (rapport_aggregates_check (f->store, &difference, &error));
      g_assert_null (difference);
    }
}

/* A rebuild from empty tables sums what the views compute from scratch,
 * in the cases the rebuild's own summing has to get right: two people
 * on one day, one of them archived; more habits on a day than a day
 * usually has, their ticks written in no order; a hidden meeting;
 * meetings written out of date order; meetings without a mood; and the
 * first and the last day. */
static void
test_rebuild_from_scratch (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;
  g_autoptr(GString) spec = g_string_new (NULL);
  gint64 ada = test_core_insert_person (f->store, "Ada", FALSE);
  gint64 bob = test_core_insert_person (f->store, "Bob", TRUE);
  gint64 n_habits, meeting, early;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *uuid = rapport_store_new_uuid ();
      g_autofree char *sql = g_strdup_printf ("INSERT INTO habits (uuid, label, kind, created_at, updated_at)"
                                              " VALUES ('%s', 'Habit %u', 'trust', 'x', 'x')",
                                              uuid, i);

      test_core_exec (f->store, sql);
    }
  n_habits = query_int (f->store, "SELECT max (id) FROM habits");
  for (gint64 i = 0; i < n_habits; i++)
    g_string_append_c (spec, "10-"[i % 3]);

  test_core_insert_meeting (f->store, ada, "2025-03-10", 4, spec->str, FALSE);
  test_core_insert_meeting (f->store, bob, "2025-03-10", 0, spec->str + 1, FALSE);
  early = test_core_insert_meeting (f->store, ada, "2025-03-03", 2, "10", FALSE);
  test_core_insert_meeting (f->store, ada, "2025-03-10", 5, "111", TRUE);
  test_core_insert_meeting (f->store, bob, "2025-02-01", 5, "-1", FALSE);
  test_core_insert_meeting (f->store, ada, "2025-03-10", 0, "", FALSE);
  meeting = test_core_insert_meeting (f->store, ada, "2025-04-01", 3, "", FALSE);
  for (gint64 habit = n_habits; habit > 0; habit -= 2)
    {
      g_autofree char *uuid = rapport_store_new_uuid ();
      g_autofree char *sql = g_strdup_printf ("INSERT INTO checklist (uuid, meeting_id, habit_id, ticked, created_at, updated_at)"
                                              " VALUES ('%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %d, 'x', 'x')",
                                              uuid, meeting, habit, (int) (habit % 2));

      test_core_exec (f->store, sql);
    }
  test_core_insert_commitment (f->store, ada, early, "me", NULL, "2025-03-09");
  test_core_insert_commitment (f->store, ada, meeting, "me", "2025-04-05", NULL);
  /* No due date and no 1:1 after it: no deadline, counted nowhere. */
  test_core_insert_commitment (f->store, ada, meeting, "me", NULL, NULL);
  assert_aggregates (f);

  test_core_exec (f->store, "DELETE FROM history_days");
  test_core_exec (f->store, "DELETE FROM history_day_ticks");
  test_core_exec (f->store, "DELETE FROM follow_through_days");
  g_assert_false (rapport_aggregates_check (f->store, &difference, &error));
  g_assert_no_error (error);
  g_clear_pointer (&difference, g_free);
  g_assert_true (rapport_aggregates_rebuild (f->store, &error));
  g_assert_no_error (error);
  assert_aggregates (f);

  /* The sums themselves, beyond agreeing with the views. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM history_days"), ==, 5);
  g_assert_cmpint (query_int (f->store, "SELECT meetings * 100 + mood_sum * 10 + moods FROM history_days"
                                        " WHERE archived = 0 AND day = '2025-03-10'"),
                   ==, 2 * 100 + 4 * 10 + 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM history_day_ticks"
                                        " WHERE archived = 0 AND day = '2025-03-10'"),
                   ==, (n_habits + 2) / 3 * 2 - (n_habits % 3 == 1));
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM history_day_ticks WHERE day = '2025-04-01'"),
                   ==, (n_habits + 1) / 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM follow_through_days"), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT kept FROM follow_through_days WHERE day = '2025-03-10'"), ==, 1);
}

/* Moving a meeting changes the deadline of the commitments made in the
 * meeting before it, at its old place and at its new one. */
static void
test_neighbours (Fixture      *f,
                 gconstpointer data)
{
  gint64 ada = test_core_insert_person (f->store, "Ada", FALSE);
  gint64 m1 = test_core_insert_meeting (f->store, ada, "2025-03-03", 0, "", FALSE);
  gint64 m2 = test_core_insert_meeting (f->store, ada, "2025-03-10", 0, "", FALSE);
  gint64 m3 = test_core_insert_meeting (f->store, ada, "2025-03-17", 0, "", FALSE);

  test_core_insert_commitment (f->store, ada, m1, "me", NULL, "2025-03-09");
  test_core_insert_commitment (f->store, ada, m2, "me", NULL, NULL);
  assert_aggregates (f);
  /* m1's is due on the 10th (kept), m2's on the 17th (open). */
  g_assert_cmpint (query_int (f->store, "SELECT kept FROM follow_through_days WHERE day = '2025-03-10'"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT open FROM follow_through_days WHERE day = '2025-03-17'"), ==, 1);

  /* m2 moves after m3: m1's is due on the 17th, m2's has no next 1:1. */
  f->op = "move m2 past m3";
  exec_printf (f->store, "UPDATE meetings SET date = '2025-03-24' WHERE id = %" G_GINT64_FORMAT, m2);
  assert_aggregates (f);
  g_assert_cmpint (query_int (f->store, "SELECT kept FROM follow_through_days WHERE day = '2025-03-17'"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM follow_through_days WHERE open <> 0"), ==, 0);

  /* m3 hidden: m1's is due at m2 again (24th), undone: back. */
  f->op = "hide m3";
  exec_printf (f->store, "UPDATE meetings SET deleted = 1 WHERE id = %" G_GINT64_FORMAT, m3);
  assert_aggregates (f);
  g_assert_cmpint (query_int (f->store, "SELECT kept FROM follow_through_days WHERE day = '2025-03-24'"), ==, 1);
  f->op = "undo";
  exec_printf (f->store, "UPDATE meetings SET deleted = 0 WHERE id = %" G_GINT64_FORMAT, m3);
  assert_aggregates (f);

  /* A meeting inserted on the same day as m1, with a higher id, is m1's
   * next 1:1; deleting it gives m1's back to m3. */
  f->op = "same day";
  test_core_insert_meeting (f->store, ada, "2025-03-03", 0, "", FALSE);
  assert_aggregates (f);
  g_assert_cmpint (query_int (f->store, "SELECT closed FROM follow_through_days WHERE day = '2025-03-03'"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT kept FROM follow_through_days WHERE day = '2025-03-03'"), ==, 0);
  f->op = "delete it";
  test_core_exec (f->store, "DELETE FROM meetings WHERE id = (SELECT max(id) FROM meetings)");
  assert_aggregates (f);

  /* Archiving moves Ada's days to the other half; deleting her empties all. */
  f->op = "archive";
  exec_printf (f->store, "UPDATE people SET archived = 1 WHERE id = %" G_GINT64_FORMAT, ada);
  assert_aggregates (f);
  g_assert_cmpint (query_int (f->store, "SELECT sum (meetings) FROM history_days WHERE archived = 1"), ==, 3);
  f->op = "delete the person";
  exec_printf (f->store, "DELETE FROM people WHERE id = %" G_GINT64_FORMAT, ada);
  assert_aggregates (f);
  g_assert_cmpint (query_int (f->store,
                              "SELECT (SELECT count(*) FROM history_days WHERE meetings <> 0)"
                              " + (SELECT count(*) FROM follow_through_days WHERE closed + open <> 0)"),
                   ==, 0);
}

static void
normalize_times (RapportStore *store)
{
  static const char *const tables[] = { "people", "meetings", "checklist", "commitments" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    exec_printf (store,
                 "UPDATE %s SET created_at = '2025-01-01T00:00:00.000Z' WHERE created_at = 'x';"
                 "UPDATE %s SET updated_at = '2025-01-01T00:00:00.000Z' WHERE updated_at = 'x'",
                 tables[i], tables[i]);
}

/* Another store built by random writes, exported, then some of its rows
 * changed again, exported again: both files imported here. */
static void
random_import (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) other = NULL;
  g_autofree char     *data = NULL;
  char                *dir = test_core_tmpdir_new ();
  RapportExchangeStats stats;
  gboolean             bulk;
  guint                saved;
  gsize                length;

  /* Rows written in SQL above have 'x' for times, which no file may hold. */
  f->op = "give SQL rows real times";
  normalize_times (f->store);
  other = test_core_store_new (dir);
  test_core_exec (other, "PRAGMA synchronous = OFF");
  /* What this store has, so that the import updates rows as well. */
  data = rapport_exchange_export_to_data (f->store, &length, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  rapport_exchange_import_from_data (other, data, length, &stats, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&data, g_free);
  /* Newer than this store's rows. */
  g_usleep (2000);
  for (guint i = 0; i < 30; i++)
    random_op (f, other);
  normalize_times (other);
  test_core_exec (other, "UPDATE meetings SET updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 second');"
                         "UPDATE checklist SET updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 second');"
                         "UPDATE commitments SET updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 second');"
                         "UPDATE people SET updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 second');");
  data = rapport_exchange_export_to_data (other, &length, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Row by row with the triggers, or in bulk: triggers dropped, the sums
   * rebuilt at the end (as a large file is imported). */
  bulk = rnd (f, 2) == 0;
  f->op = bulk ? "import in bulk" : "import row by row";
  saved = rapport_exchange_bulk_min_rows;
  rapport_exchange_bulk_min_rows = bulk ? 1 : G_MAXUINT;
  rapport_exchange_import_from_data (f->store, data, length, &stats, NULL, NULL, NULL, &error);
  rapport_exchange_bulk_min_rows = saved;
  g_assert_no_error (error);
  g_test_message ("%s: %u added, %u updated, %u unchanged", f->op, stats.added, stats.updated, stats.unchanged);

  g_clear_object (&other);
  test_core_tmpdir_free (dir);
}

/* Writes with the triggers suspended, then resumed: rebuilt. */
static void
random_bulk (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_auto (GStrv) triggers = NULL;
  gint64 n = query_int (f->store, N_TRIGGERS_SQL);

  g_assert_cmpint (n, ==, 18);
  g_assert_true (rapport_store_begin (f->store, &error));
  triggers = rapport_aggregates_suspend (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (triggers), ==, n);
  g_assert_cmpint (query_int (f->store, N_TRIGGERS_SQL), ==, 0);
  for (guint i = 0; i < 20; i++)
    random_op (f, f->store);
  f->op = "resume after bulk writes";
  g_assert_true (rapport_aggregates_resume (f->store, triggers, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, N_TRIGGERS_SQL), ==, n);
}

/* Writes rolled back leave the sums as they were. */
static void
random_rollback (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_auto (GStrv) triggers = NULL;

  g_assert_true (rapport_store_begin (f->store, &error));
  if (rnd (f, 2) == 0)
    triggers = rapport_aggregates_suspend (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 10; i++)
    random_op (f, f->store);
  f->op = "roll back";
  rapport_store_rollback (f->store);
  g_assert_cmpint (query_int (f->store, N_TRIGGERS_SQL), ==, 18);
}

static void
test_random (Fixture      *f,
             gconstpointer data)
{
  guint n_steps = g_test_slow () ? 5000 : 700;

  for (f->step = 0; f->step < n_steps; f->step++)
    {
      guint what = rnd (f, 100);

      if (what == 0)
        random_import (f);
      else if (what == 1)
        random_bulk (f);
      else if (what == 2)
        random_rollback (f);
      else
        random_op (f, f->store);
      assert_aggregates (f);
      if (f->step % 25 == 24)
        assert_series (f);
    }
  g_test_message ("%" G_GINT64_FORMAT " people, %" G_GINT64_FORMAT " meetings, %" G_GINT64_FORMAT
                  " commitments at the end",
                  query_int (f->store, "SELECT count(*) FROM people"),
                  query_int (f->store, "SELECT count(*) FROM meetings"),
                  query_int (f->store, "SELECT count(*) FROM commitments"));
  /* The sequence did reach the sums: not everything cancelled out. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM history_day_ticks WHERE total > 0"), >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/aggregates/check-and-rebuild", test_check_and_rebuild);
  ADD ("/aggregates/rebuild-from-scratch", test_rebuild_from_scratch);
  ADD ("/aggregates/neighbours", test_neighbours);
  ADD ("/aggregates/random", test_random);
#undef ADD

  return g_test_run ();
}
