/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The autosave budget of DESIGN.md: one save of a meeting's notes (one
 * UPDATE, its own transaction, synchronous=FULL, FTS triggers) on the
 * decade data set, 99th percentile < 10 ms. Each save appends a sentence,
 * as a person typing for half an hour would. Set RAPPORT_BENCH_DB to an
 * existing decade database to skip building one. */
#define G_LOG_DOMAIN "rapport-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "rapport-meeting.h"
#include "rapport-person.h"

#define SAVES 400
#define BUDGET_MS 10.0

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  double   times[SAVES];
  double   cpu[SAVES];
  gboolean ok;

  bench_print_environment ();
  path = bench_database_path (NULL, &dir);
  bench_decade_ensure (path, NULL);
  store = bench_open (path);
  {
    g_autoptr(GListStore) people = rapport_person_load_all (store, &error);
    g_autoptr(RapportPerson) person = g_list_model_get_item (G_LIST_MODEL (people), 0);
    g_autofree char *today = rapport_store_today ();

    meeting = rapport_meeting_create (store, rapport_person_get_id (person), today, &error);
    g_assert_no_error (error);
  }

  for (int i = 0; i < SAVES; i++)
    {
      gint64 start;
      double cpu_start;

      g_string_append_printf (notes, "Sentence %d about the rollout, the budget and the café. ", i);
      if (i % 8 == 7)
        g_string_append (notes, "\n\n");
      rapport_meeting_set_notes (meeting, notes->str);
      start = g_get_monotonic_time ();
      cpu_start = bench_cpu_ms ();
      if (!rapport_meeting_save (meeting, store, &error))
        g_error ("%s", error->message);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[i] = bench_cpu_ms () - cpu_start;
    }

  bench_sort (times, SAVES);
  bench_sort (cpu, SAVES);
  g_print ("autosave, %d saves, notes growing to %zu bytes: median %.2f ms, p99 %.2f ms, max %.2f ms\n",
           SAVES, notes->len, times[SAVES / 2], times[SAVES * 99 / 100], times[SAVES - 1]);
  /* The rest is mostly waiting for the disk (synchronous = FULL). */
  g_print ("  of which CPU time: median %.2f ms, p99 %.2f ms, max %.2f ms\n",
           cpu[SAVES / 2], cpu[SAVES * 99 / 100], cpu[SAVES - 1]);
  ok = bench_report ("autosave of the notes (p99)", times[SAVES * 99 / 100], BUDGET_MS, "ms");

  if (dir != NULL)
    {
      g_clear_object (&store);
      bench_remove_database (path);
      g_rmdir (dir);
    }
  return ok ? 0 : 1;
}
