/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the brief and the commitments queries on the decade data set, with
 * about 1.5 commitments per meeting added: loading a person's brief (part
 * of "select a person < 50 ms"), the people list's due badges, a meeting's
 * commitments, and the follow-through series for the whole team, all time,
 * weekly (beside the history chart, < 30 ms); both to be met with 1.5x
 * headroom (issue 12). Set RAPPORT_BENCH_DB to an
 * existing decade database to skip building one (commitments are added to
 * it only when it has none).
 *
 *   bench-commitments [--runs N] [TEXT]   N runs of each (25), only those
 *                                         whose name contains TEXT */
#define G_LOG_DOMAIN "rapport-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "rapport-brief.h"
#include "rapport-commitment.h"
#include "rapport-follow-through.h"
#include "rapport-person.h"

#define RUNS 25

static int         runs = RUNS;
static const char *only;
#define TODAY "2026-03-18"

typedef void (*BenchFunc) (RapportStore *store, gpointer data);

static double
time_it (const char   *what,
         BenchFunc     func,
         RapportStore *store,
         gpointer      data)
{
  g_autofree double *times = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);

  if (only != NULL && strstr (what, only) == NULL)
    return 0;
  for (int i = -1; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = bench_cpu_ms ();

      func (store, data);
      if (i >= 0)
        {
          times[i] = (g_get_monotonic_time () - start) / 1000.0;
          cpu[i] = bench_cpu_ms () - cpu_start;
        }
    }
  bench_sort (times, runs);
  bench_sort (cpu, runs);
  g_print ("%-48s median %7.2f ms  max %7.2f ms  cpu %7.2f ms\n",
           what, times[runs / 2], times[runs - 1], cpu[runs / 2]);
  return times[runs / 2];
}

static void
add_commitments (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = rapport_store_prepare (store, "SELECT count(*) FROM commitments", &error);
  gint64        n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (n > 0)
    return;

  /* Mostly mine; half with a due date five days on; most closed within
   * ten days, every seventh never. A second one in every other meeting. */
  if (!rapport_store_begin (store, &error) ||
      !rapport_store_exec (store,
                           "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner, due, closed_on,"
                           " created_at, updated_at)"
                           " SELECT lower(hex(randomblob(16))), person_id, id, 'Follow up on item ' || id,"
                           "  CASE WHEN id % 3 = 0 THEN 'them' ELSE 'me' END,"
                           "  CASE WHEN id % 2 = 0 THEN date(date, '+5 days') END,"
                           "  CASE WHEN id % 7 = 0 THEN NULL ELSE date(date, '+' || (id % 10) || ' days') END,"
                           "  '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'"
                           " FROM meetings;"
                           "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner, due, closed_on,"
                           " created_at, updated_at)"
                           " SELECT lower(hex(randomblob(16))), person_id, id, 'Send the notes of ' || id, 'me',"
                           "  NULL, CASE WHEN id % 5 = 0 THEN NULL ELSE date(date, '+' || (id % 12) || ' days') END,"
                           "  '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'"
                           " FROM meetings WHERE id % 2 = 1;",
                           &error) ||
      !rapport_store_commit (store, &error))
    g_error ("Could not add commitments: %s", error->message);
}

static void
bench_brief (RapportStore *store,
             gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportBrief) brief = rapport_brief_load (store, data, TODAY, 3, &error);
  g_assert_nonnull (brief);

  g_assert_no_error (error);
}

static void
bench_badges (RapportStore *store,
              gpointer      data)
{
  GListModel *people = data;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(RapportPerson) person = g_list_model_get_item (people, i);
      rapport_brief_due_state (store, person, TODAY);
    }
}

static void
bench_meeting (RapportStore *store,
               gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = rapport_commitment_load_for_meeting (store, *(gint64 *) data, &error);
  g_assert_nonnull (list);

  g_assert_no_error (error);
}

typedef struct
{
  gint64 person_id;
  char **bounds;
  guint  n_buckets;
} SeriesData;

static void
bench_series (RapportStore *store,
              gpointer      data)
{
  SeriesData       *d = data;
  g_autofree guint *kept = g_new (guint, d->n_buckets);
  g_autofree guint *due = g_new (guint, d->n_buckets);
  g_autoptr(GError) error = NULL;

  if (!rapport_follow_through_series (store, d->person_id, (const char *const *) d->bounds,
                                      d->n_buckets, TODAY, kept, due, &error))
    g_error ("%s", error->message);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(RapportPerson) person = NULL;
  g_autoptr(GPtrArray) bounds = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) week = NULL;
  SeriesData    series;
  sqlite3_stmt *stmt;
  gint64        meeting_id;
  double        brief_ms, team_ms;
  gboolean      ok = TRUE;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
      runs = atoi (argv[++i]), runs = MAX (runs, 1);
    else
      only = argv[i];

  bench_print_environment ();
  path = bench_database_path (NULL, &dir);
  bench_decade_ensure (path, TODAY);
  store = bench_open (path);
  add_commitments (store);

  people = rapport_person_load_all (store, &error);
  g_assert_no_error (error);
  person = g_list_model_get_item (G_LIST_MODEL (people), 7);
  stmt = rapport_store_prepare (store, "SELECT id FROM meetings WHERE person_id = ?1 AND deleted = 0"
                                       " ORDER BY date DESC, id DESC LIMIT 1",
                                &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, rapport_person_get_id (person));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  meeting_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  brief_ms = time_it ("brief of one person", bench_brief, store, person);
  time_it ("due badges of all people", bench_badges, store, people);
  time_it ("commitments of a person's last meeting", bench_meeting, store, &meeting_id);

  /* Weekly buckets over eleven years, as the history chart asks. */
  week = g_date_time_new_local (2015, 3, 2, 0, 0, 0);
  for (int i = 0; i <= 573; i++)
    {
      g_autoptr(GDateTime) next = g_date_time_add_weeks (week, 1);

      g_ptr_array_add (bounds, g_date_time_format (week, "%Y-%m-%d"));
      g_date_time_unref (week);
      week = g_steal_pointer (&next);
    }
  series.bounds = (char **) bounds->pdata;
  series.n_buckets = bounds->len - 1;
  series.person_id = 0;
  team_ms = time_it ("follow-through, team, all time, weekly", bench_series, store, &series);
  series.person_id = rapport_person_get_id (person);
  time_it ("follow-through, one person, all time, weekly", bench_series, store, &series);

  g_clear_object (&store);
  if (dir != NULL)
    {
      bench_remove_database (path);
      g_rmdir (dir);
    }

  if (only != NULL)
    return EXIT_SUCCESS;
  ok &= bench_report ("brief of one person (median)", brief_ms, 50.0, "ms");
  ok &= bench_report ("team follow-through, all time (median)", team_ms, 30.0, "ms");
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
