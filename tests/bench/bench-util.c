/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the benchmarks share: finding or building the decade database,
 * removing it afterwards, and sorting the times. */
#define G_LOG_DOMAIN "rapport-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-util.h"

void
bench_check (gboolean ok,
             GError  *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

char *
bench_database_path (const char *keep,
                     char      **tmpdir)
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
  gint64      start;

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
                                   &error),
               error);
  bench_check (rapport_store_commit (store, &error), error);
}

void
bench_print_environment (void)
{
  const char      *check = g_getenv ("MALLOC_CHECK_");
  const char      *perturb = g_getenv ("MALLOC_PERTURB_");
  const char      *debug = g_getenv ("G_DEBUG");
  g_autofree char *loadavg = NULL;
  double           load[3];
  gboolean         user = TRUE;

  if (check != NULL && *check != '\0' && g_strcmp0 (check, "0") != 0)
    user = FALSE;
  if (perturb != NULL && *perturb != '\0' && g_strcmp0 (perturb, "0") != 0)
    user = FALSE;
  if (debug != NULL && strstr (debug, "gc-friendly") != NULL)
    user = FALSE;
  if (user)
    g_print ("# environment: as a user's run (no MALLOC_CHECK_, no MALLOC_PERTURB_, "
             "no G_DEBUG=gc-friendly)\n");
  else
    g_print ("# environment: NOT as a user's run (MALLOC_CHECK_=%s MALLOC_PERTURB_=%s G_DEBUG=%s): "
             "times are higher than a user's\n",
             check ? check : "", perturb ? perturb : "", debug ? debug : "");
  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL) &&
      sscanf (loadavg, "%lf %lf %lf", &load[0], &load[1], &load[2]) == 3)
    g_print ("# load average %.2f %.2f %.2f on %u CPUs%s\n", load[0], load[1], load[2],
             g_get_num_processors (),
             load[0] > g_get_num_processors () / 2.0 ? ": busy, times are higher than on an idle machine" : "");
}

gboolean
bench_report (const char *what,
              double      value,
              double      budget,
              const char *unit)
{
  double      headroom = value > 0 ? budget / value : INFINITY;
  const char *verdict;

  if (value > budget)
    verdict = "OVER BUDGET";
  else if (headroom < BENCH_HEADROOM)
    verdict = "within budget, short of the headroom";
  else
    verdict = "ok";
  g_print ("budget: %-44s %8.2f %s of %g %s, headroom %.2fx (wanted %.1fx): %s\n",
           what, value, unit, budget, unit, headroom, BENCH_HEADROOM, verdict);
  return value <= budget;
}

double
bench_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
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
