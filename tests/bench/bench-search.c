/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Full-text search on the "decade" data set (decade.c: 40 people, weekly
 * 1:1s for ten years, 150-600 words of notes each), plus one commitment
 * per meeting and evidence on a fifth of the ticks. Budget (DESIGN.md):
 * first 50 results in < 30 ms.
 *
 *   bench-search [--keep PATH]   builds the data set (or reuses PATH),
 *                                 times each query, exits 1 over budget. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "rapport-search.h"
#include "rapport-store.h"

#define BUDGET_MS  30.0
#define RUNS       25

static gint64
count_meetings (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = rapport_store_prepare (store, "SELECT count(*) FROM meetings", &error);
  gint64 n;

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
    "budget",             /* a word in almost every note */
    "the",                /* the most common word */
    "cafe",               /* folded diacritics */
    "project deadline",   /* two words */
    "zurich cafe audit",  /* three words */
    "pro",                /* a prefix, as typed */
    "t",                  /* one letter, as typed */
    "person 07",          /* a name */
    "zzzz",               /* nothing */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *keep = NULL;
  gboolean built;
  double worst = 0;
  int status = 0;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--keep") && i + 1 < argc)
      keep = argv[++i];

  path = bench_database_path (keep, &dir);
  built = bench_decade_ensure (path, "2026-03-01");
  store = bench_open (path);
  if (built)
    bench_add_commitments_and_evidence (store);
  g_print ("# %" G_GINT64_FORMAT " meetings\n", count_meetings (store));

  g_print ("# first 50 results, %d runs each, budget %.0f ms\n", RUNS, BUDGET_MS);
  g_print ("%-20s %8s %8s %8s %8s\n", "query", "results", "first", "median", "max");
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      double times[RUNS];
      double first;
      guint n_results = 0;

      for (guint r = 0; r < RUNS; r++)
        {
          g_autoptr(GListStore) results = NULL;
          gint64 start = g_get_monotonic_time ();

          results = rapport_search_run (store, queries[q], 50, &error);
          times[r] = (g_get_monotonic_time () - start) / 1000.0;
          bench_check (results != NULL, error);
          n_results = g_list_model_get_n_items (G_LIST_MODEL (results));
        }
      first = times[0];
      bench_sort (times, RUNS);
      g_print ("%-20s %8u %8.2f %8.2f %8.2f\n", queries[q], n_results,
               first, times[RUNS / 2], times[RUNS - 1]);
      worst = MAX (worst, times[RUNS / 2]);
      if (times[RUNS / 2] > BUDGET_MS)
        status = 1;
    }
  g_print ("# worst median %.2f ms: %s\n", worst, status == 0 ? "within budget" : "OVER BUDGET");

  g_clear_object (&store);
  if (dir != NULL)
    {
      bench_remove_database (path);
      g_rmdir (dir);
    }
  return status;
}
