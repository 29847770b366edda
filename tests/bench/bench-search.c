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

#include "decade.h"
#include "rapport-search.h"
#include "rapport-store.h"

#define BUDGET_MS  30.0
#define RUNS       25

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

/* The decade set has notes and ticks; search also reads commitments and
 * evidence, so give every meeting a commitment and a fifth of the ticks
 * some evidence, cut from the notes. */
static void
add_commitments_and_evidence (RapportStore *store)
{
  g_autoptr(GError) error = NULL;

  check (rapport_store_begin (store, &error), error);
  check (rapport_store_exec (store,
                             "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner,"
                             "                         created_at, updated_at)"
                             " SELECT lower (hex (randomblob (16))), person_id, id,"
                             "        substr (notes, 1 + (id * 37) % 200, 40 + id % 60),"
                             "        CASE id % 2 WHEN 0 THEN 'me' ELSE 'them' END,"
                             "        created_at, updated_at"
                             "   FROM meetings;"
                             "UPDATE checklist SET evidence ="
                             " (SELECT substr (notes, 1 + (checklist.id * 53) % 300, 30 + checklist.id % 80)"
                             "    FROM meetings WHERE meetings.id = checklist.meeting_id)"
                             " WHERE ticked = 1 AND id % 5 = 0;",
                             &error), error);
  check (rapport_store_commit (store, &error), error);
}

static gint64
count_meetings (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = rapport_store_prepare (store, "SELECT count(*) FROM meetings", &error);
  gint64 n;

  check (stmt != NULL, error);
  check (sqlite3_step (stmt) == SQLITE_ROW, NULL);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
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
  double worst = 0;
  int status = 0;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--keep") && i + 1 < argc)
      keep = argv[++i];

  if (keep != NULL)
    path = g_strdup (keep);
  else
    {
      dir = g_dir_make_tmp ("rapport-bench-XXXXXX", &error);
      check (dir != NULL, error);
      path = g_build_filename (dir, "rapport.db", NULL);
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      DecadeStats stats;
      gint64 t0 = g_get_monotonic_time ();

      check (decade_build (path, "2026-03-01", &stats, &error), error);
      store = rapport_store_open (path, &error);
      check (store != NULL, error);
      add_commitments_and_evidence (store);
      g_print ("# built %u meetings (%.1f MB of notes) in %.1f s\n", stats.meetings,
               stats.note_bytes / 1e6, (g_get_monotonic_time () - t0) / 1e6);
    }
  else
    {
      store = rapport_store_open (path, &error);
      check (store != NULL, error);
    }
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
          check (results != NULL, error);
          n_results = g_list_model_get_n_items (G_LIST_MODEL (results));
        }
      first = times[0];
      qsort (times, RUNS, sizeof (double), compare_double);
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
      const char *suffixes[] = { "", "-wal", "-shm" };
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
          g_unlink (file);
        }
      g_rmdir (dir);
    }
  return status;
}
