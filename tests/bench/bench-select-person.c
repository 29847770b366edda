/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "select a person" budget of DESIGN.md on the decade data set: from
 * a click in the people list to the brief and the meeting list laid out
 * and drawn, < 50 ms. Needs a display. Draws with the cairo renderer
 * unless GSK_RENDERER says otherwise. */
#define G_LOG_DOMAIN "rapport-bench"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-util.h"
#include "rapport-person.h"
#include "rapport-window.h"

#define BUDGET_MS 50.0

static gboolean drawn;

/* CPU time of the whole process in ms, the renderer's threads included:
 * unlike the wall clock it hardly grows when the machine is busy. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  drawn = TRUE;
}

/* The first label under @widget showing @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs the main loop until the next frame has been painted. */
static void
wait_for_paint (GtkWidget *window)
{
  drawn = FALSE;
  gtk_widget_queue_draw (window);
  while (!drawn)
    g_main_context_iteration (NULL, TRUE);
}

/* Selects the person at @i of @people and waits for the frame that
 * shows them. */
static void
select_one (RapportWindow *window,
            GListModel    *people,
            guint          i,
            double        *times,
            double        *sync_part,
            double        *cpu)
{
  g_autoptr(RapportPerson) person = g_list_model_get_item (people, i);
  gint64 start = g_get_monotonic_time ();
  double cpu_start = process_cpu_ms ();

  rapport_window_select_person (window, rapport_person_get_id (person));
  sync_part[i] = (g_get_monotonic_time () - start) / 1000.0;
  wait_for_paint (GTK_WIDGET (window));
  times[i] = (g_get_monotonic_time () - start) / 1000.0;
  cpu[i] = process_cpu_ms () - cpu_start;
}

/* The selections after the first (which makes the person's page ready).
 * Apart, and never inlined, so that callgrind can count them alone:
 * valgrind --tool=callgrind --toggle-collect=select_others ... */
static G_GNUC_NO_INLINE void
select_others (RapportWindow *window,
               GListModel    *people,
               guint          n,
               double        *times,
               double        *sync_part,
               double        *cpu)
{
  for (guint i = 1; i < n; i++)
    select_one (window, people, i, times, sync_part, cpu);
}

int
main (int argc, char *argv[])
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GError) error = NULL;
  RapportWindow *window;
  GdkFrameClock *clock;
  double         times[40];
  double         sync_part[40];
  double         cpu[40];
  guint          n;
  gboolean       ok;

  /* The budget's renderer unless told otherwise (GSK_RENDERER=gl for
   * the default one): see the repaint figures below. */
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gtk_init ();
  adw_init ();

  bench_print_environment ();
  path = bench_database_path (NULL, &tmpdir);
  bench_decade_ensure (path, NULL);
  store = bench_open (path);
  people = rapport_person_load_all (store, &error);
  bench_check (people != NULL, error);

  window = rapport_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  while (clock == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    }
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  wait_for_paint (GTK_WIDGET (window));

  n = MIN (g_list_model_get_n_items (G_LIST_MODEL (people)), G_N_ELEMENTS (times));
  /* Fewer under callgrind, where each one takes seconds. */
  if (g_getenv ("RAPPORT_BENCH_SELECTIONS") != NULL)
    n = CLAMP (atoi (g_getenv ("RAPPORT_BENCH_SELECTIONS")), 1, (int) n);
  select_one (window, G_LIST_MODEL (people), 0, times, sync_part, cpu);
  select_others (window, G_LIST_MODEL (people), n, times, sync_part, cpu);

  /* What the renderer costs here, for comparison: a repaint of the
   * unchanged window, and one with a single label's text changed, which
   * every renderer under Xvfb draws as the whole window again (no
   * partial repaints without a compositor). On the software GL renderer
   * (llvmpipe) the latter is most of a selection's time: see
   * docs/performance.md, "Selecting a person and the renderer". */
  {
    GtkWidget *label = find_label (GTK_WIDGET (window), "Before your 1:1");
    double     frames[10], frames_cpu[10], changed[10], changed_cpu[10];

    g_assert (label != NULL);
    for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
      {
        gint64 start = g_get_monotonic_time ();
        double cpu_start = process_cpu_ms ();

        wait_for_paint (GTK_WIDGET (window));
        frames[i] = (g_get_monotonic_time () - start) / 1000.0;
        frames_cpu[i] = process_cpu_ms () - cpu_start;
      }
    for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
      {
        gint64 start = g_get_monotonic_time ();
        double cpu_start = process_cpu_ms ();

        gtk_label_set_label (GTK_LABEL (label), i % 2 == 0 ? "Before your 1:1." : "Before your 1:1");
        wait_for_paint (GTK_WIDGET (window));
        changed[i] = (g_get_monotonic_time () - start) / 1000.0;
        changed_cpu[i] = process_cpu_ms () - cpu_start;
      }
    bench_sort (frames, G_N_ELEMENTS (frames));
    bench_sort (frames_cpu, G_N_ELEMENTS (frames_cpu));
    bench_sort (changed, G_N_ELEMENTS (changed));
    bench_sort (changed_cpu, G_N_ELEMENTS (changed_cpu));
    g_print ("# renderer: %s (GSK_RENDERER=%s). The budget's figure is taken with cairo, which\n"
             "# draws in this process, all of it counted; a software GL renderer (llvmpipe, the\n"
             "# default under Xvfb) stands in poorly for a GPU: see the second repaint figure\n",
             G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))), g_getenv ("GSK_RENDERER"));
    g_print ("repaint of the same window without a change: median %.1f ms, %.1f ms CPU\n", frames[5],
             frames_cpu[5]);
    g_print ("repaint with one label changed (the whole window drawn again): median %.1f ms, %.1f ms CPU\n",
             changed[5], changed_cpu[5]);
  }

  /* The first selection makes the person's page ready (the window
   * builds it when first shown): it must stay close to the others. */
  g_print ("the first selection (makes the person's page ready): %.1f ms, %.1f ms CPU, "
           "of which %.1f ms before painting\n",
           times[0], cpu[0], sync_part[0]);
  bench_sort (times, n);
  bench_sort (sync_part, n);
  bench_sort (cpu, n);
  g_print ("CPU time of the process (all threads) for the same: median %.1f ms, max %.1f ms\n",
           cpu[n / 2], cpu[n - 1]);
  g_print ("of which loading the brief and the meeting list: median %.1f ms\n", sync_part[n / 2]);
  g_print ("select a person and paint the brief and meeting list, %u people: "
           "median %.1f ms, max %.1f ms\n",
           n, times[n / 2], times[n - 1]);
  ok = bench_report ("select a person, painted (median)", times[n / 2], BUDGET_MS, "ms");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  if (tmpdir != NULL)
    {
      bench_remove_database (path);
      g_rmdir (tmpdir);
    }
  return ok ? 0 : 1;
}
