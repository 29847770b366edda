/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Full-text search on the "decade" data set (decade.c: 40 people, weekly
 * 1:1s for ten years, 150-600 words of notes each), plus one commitment
 * per meeting and evidence on a fifth of the ticks. Budget: first 50
 * results in < 30 ms (design.md), and issue 12 asks for < 20 ms for every
 * query, one- and two-letter ones included; this checks the stricter one,
 * to be met with 1.5x headroom (13.3 ms).
 *
 *   bench-search [--keep PATH] [--runs N] [QUERY]
 *       builds the data set (or reuses PATH), times each query N times
 *       (25; or only QUERY, to profile it), exits 1 over budget. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "rapport-search.h"
#include "rapport-store.h"

#define BUDGET_MS 20.0

static gint64
count_meetings (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = rapport_store_prepare (store, "SELECT count(*) FROM meetings", &error);
  gint64        n;

  bench_check (stmt != NULL, error);
  bench_check (sqlite3_step (stmt) == SQLITE_ROW, NULL);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

int
main (int argc, char *argv[])
{
  static const char *const queries[] = {
    "budget",            /* a word in almost every note */
    "the",               /* the most common word */
    "cafe",              /* folded diacritics */
    "project deadline",  /* two words */
    "zurich cafe audit", /* three words */
    "pro",               /* a prefix, as typed */
    "proj",              /* a longer prefix, as typed */
    "t",                 /* one letter, as typed */
    "a",                 /* one letter, a word in almost every note */
    "we",                /* two letters, a word in almost every note */
    "de",                /* two letters, the start of many words */
    "person 07",         /* a name */
    "zzzz",              /* nothing */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char      *keep = NULL;
  const char      *only = NULL;
  const char      *worst_query = NULL;
  gboolean         built;
  double           worst = 0;
  int              runs = 25;
  int              status = 0;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--keep") && i + 1 < argc)
      keep = argv[++i];
    else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
      runs = atoi (argv[++i]), runs = MAX (runs, 1);
    else
      only = argv[i];

  bench_print_environment ();
  path = bench_database_path (keep, &dir);
  built = bench_decade_ensure (path, "2026-03-01");
  store = bench_open (path);
  if (built)
    bench_add_commitments_and_evidence (store);
  g_print ("# %" G_GINT64_FORMAT " meetings\n", count_meetings (store));

  g_print ("# first 50 results, %d runs each, budget %.0f ms\n", runs, BUDGET_MS);
  g_print ("# in ms: the first run, the median and the slowest; and the median of CPU time\n");
  g_print ("%-20s %8s %8s %8s %8s %8s\n", "query", "results", "first", "median", "max", "cpu");
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree double *times = g_new (double, runs);
      g_autofree double *cpu = g_new (double, runs);
      double             first;
      guint              n_results = 0;

      if (only != NULL && !g_str_equal (only, queries[q]))
        continue;
      for (int r = 0; r < runs; r++)
        {
          g_autoptr(GListStore) results = NULL;
          gint64 start = g_get_monotonic_time ();
          double cpu_start = bench_cpu_ms ();

          results = rapport_search_run (store, queries[q], 50, &error);
          times[r] = (g_get_monotonic_time () - start) / 1000.0;
          cpu[r] = bench_cpu_ms () - cpu_start;
          bench_check (results != NULL, error);
          n_results = g_list_model_get_n_items (G_LIST_MODEL (results));
        }
      first = times[0];
      bench_sort (times, runs);
      bench_sort (cpu, runs);
      g_print ("%-20s %8u %8.2f %8.2f %8.2f %8.2f\n", queries[q], n_results,
               first, times[runs / 2], times[runs - 1], cpu[runs / 2]);
      if (times[runs / 2] >= worst)
        {
          worst = times[runs / 2];
          worst_query = queries[q];
        }
    }
  if (worst_query != NULL)
    {
      g_autofree char *what = g_strdup_printf ("search, worst query (\"%s\", median)", worst_query);

      status = bench_report (what, worst, BUDGET_MS, "ms") ? 0 : 1;
    }

  g_clear_object (&store);
  if (dir != NULL)
    {
      bench_remove_database (path);
      g_rmdir (dir);
    }
  return status;
}
