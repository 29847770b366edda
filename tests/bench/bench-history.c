/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the history series on the decade data set against the budget in
 * DESIGN.md (whole team, all time, weekly: < 30 ms, with 1.5x headroom).
 * Set RAPPORT_BENCH_DB to an existing decade database to skip building
 * one.
 *
 *   bench-history [--runs N] [TEXT]   N runs of each series (25), only
 *                                     those whose name contains TEXT
 *                                     (to profile one, e.g. in callgrind) */
#define G_LOG_DOMAIN "rapport-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "rapport-history.h"

#define RUNS 25
#define TODAY "2026-03-18"
#define BUDGET_MS 30.0

static int         runs = RUNS;
static const char *only;

/* Median of RUNS runs after a warm-up, in milliseconds. */
static double
time_query (RapportStore              *store,
            const char                *what,
            const RapportHistoryQuery *query,
            gboolean                   follow_through,
            double                    *max_out)
{
  g_autofree double *times = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  guint              n_buckets = 0, n_meetings = 0;

  if (only != NULL && strstr (what, only) == NULL)
    return 0;
  for (int i = -1; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportHistorySeries) series = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = bench_cpu_ms ();

      series = rapport_history_compute (store, query, &error);
      if (series == NULL)
        g_error ("%s: %s", what, error->message);
      /* As the view does it. */
      if (follow_through &&
          !rapport_history_series_add_follow_through (series, store, query->person_id, &error))
        g_error ("%s: %s", what, error->message);
      if (i >= 0)
        {
          times[i] = (g_get_monotonic_time () - start) / 1000.0;
          cpu[i] = bench_cpu_ms () - cpu_start;
        }
      n_buckets = series->n_buckets;
      n_meetings = series->range_meetings;
    }
  bench_sort (times, runs);
  bench_sort (cpu, runs);
  g_print ("%-44s %4u buckets %6u meetings  median %6.2f ms  max %6.2f ms  cpu %6.2f ms\n",
           what, n_buckets, n_meetings, times[runs / 2], times[runs - 1], cpu[runs / 2]);
  if (max_out != NULL)
    *max_out = times[runs - 1];
  return times[runs / 2];
}

int
main (int argc, char *argv[])
{
  g_autoptr(RapportStore) store = NULL;
  g_autofree char    *dir = NULL;
  g_autofree char    *path = NULL;
  RapportHistoryQuery query;
  double              team_all, team_all_ft;
  gboolean            ok = TRUE;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
      runs = atoi (argv[++i]), runs = MAX (runs, 1);
    else
      only = argv[i];

  bench_print_environment ();
  path = bench_database_path (NULL, &dir);
  bench_decade_ensure (path, TODAY);
  store = bench_open (path);

  rapport_history_query_init (&query, 0, RAPPORT_HISTORY_RANGE_ALL,
                              RAPPORT_HISTORY_BUCKET_WEEK, 1, TODAY);
  team_all = time_query (store, "team, all time, weekly (shown monthly)", &query, FALSE, NULL);
  team_all_ft = time_query (store, "  the same with follow-through", &query, TRUE, NULL);

  query.include_archived = TRUE;
  time_query (store, "team incl. archived, all time, weekly", &query, FALSE, NULL);

  rapport_history_query_init (&query, 0, RAPPORT_HISTORY_RANGE_YEAR,
                              RAPPORT_HISTORY_BUCKET_WEEK, 1, TODAY);
  time_query (store, "team, last year, weekly", &query, FALSE, NULL);

  rapport_history_query_init (&query, 0, RAPPORT_HISTORY_RANGE_3_MONTHS,
                              RAPPORT_HISTORY_BUCKET_WEEK, 0, TODAY);
  time_query (store, "team, 3 months, weekly", &query, FALSE, NULL);

  rapport_history_query_init (&query, 7, RAPPORT_HISTORY_RANGE_ALL,
                              RAPPORT_HISTORY_BUCKET_MONTH, 1, TODAY);
  time_query (store, "one person, all time, monthly", &query, FALSE, NULL);
  time_query (store, "  the same with follow-through", &query, TRUE, NULL);

  g_clear_object (&store);
  if (dir != NULL)
    {
      bench_remove_database (path);
      g_rmdir (dir);
    }

  if (only != NULL)
    return EXIT_SUCCESS;
  ok &= bench_report ("team history, all time (median)", team_all, BUDGET_MS, "ms");
  ok &= bench_report ("  the same with follow-through, as the view", team_all_ft, BUDGET_MS, "ms");
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
