/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the benchmarks share: finding or building the decade database,
 * removing it afterwards, and sorting the times. */
#define G_LOG_DOMAIN "rapport-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-util.h"

void
bench_check (gboolean  ok,
             GError   *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

char *
bench_database_path (const char  *keep,
                     char       **tmpdir)
{
  g_autoptr(GError) error = NULL;

  *tmpdir = NULL;
  if (keep != NULL)
    return g_strdup (keep);
  if (g_getenv ("RAPPORT_BENCH_DB") != NULL)
    return g_strdup (g_getenv ("RAPPORT_BENCH_DB"));
  *tmpdir = g_dir_make_tmp ("rapport-bench-XXXXXX", &error);
  bench_check (*tmpdir != NULL, error);
  return g_build_filename (*tmpdir, "decade.db", NULL);
}

gboolean
bench_decade_ensure (const char *path,
                     const char *last_date)
{
  g_autoptr(GError) error = NULL;
  DecadeStats stats = { 0 };
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  start = g_get_monotonic_time ();
  if (!decade_build (path, last_date, &stats, &error))
    g_error ("Could not build the decade data set: %s", error->message);
  g_print ("# decade data set: %u people, %u meetings, %u checklist rows, "
           "%.1f MB of notes, built in %.1f s\n",
           stats.people, stats.meetings, stats.checklist_rows,
           stats.note_bytes / 1e6, (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

RapportStore *
bench_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  RapportStore *store = rapport_store_open (path, &error);

  bench_check (store != NULL, error);
  return store;
}

void
bench_remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

void
bench_add_commitments_and_evidence (RapportStore *store)
{
  g_autoptr(GError) error = NULL;

  bench_check (rapport_store_begin (store, &error), error);
  bench_check (rapport_store_exec (store,
                                   "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner,"
                                   "                         due, created_at, updated_at)"
                                   " SELECT printf ('%08x-0000-4000-8000-%012x', id, id), person_id, id,"
                                   "        substr (notes, 1 + (id * 37) % 200, 40 + id % 60),"
                                   "        CASE id % 2 WHEN 0 THEN 'me' ELSE 'them' END,"
                                   "        CASE id % 3 WHEN 0 THEN date (date, '+7 days') END,"
                                   "        created_at, updated_at"
                                   "   FROM meetings;"
                                   "UPDATE checklist SET evidence ="
                                   " (SELECT substr (notes, 1 + (checklist.id * 53) % 300, 30 + checklist.id % 80)"
                                   "    FROM meetings WHERE meetings.id = checklist.meeting_id)"
                                   " WHERE ticked = 1 AND id % 5 = 0;",
                                   &error), error);
  bench_check (rapport_store_commit (store, &error), error);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

void
bench_sort (double *times,
            guint   n)
{
  qsort (times, n, sizeof times[0], compare_doubles);
}
