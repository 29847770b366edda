/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where Rapport's start-up time goes, for bench-startup.py: the steps of
 * rapport_application_activate() on the decade database, in one process,
 * each with its wall and CPU time (all threads). GTK is initialised
 * before the clock starts: the empty window pays for that too.
 *
 *   bench-startup-phases DATABASE [--no-homogeneous-stacks]
 *
 * The option is an experiment for the window's template: it makes every
 * GtkStack of the window measure only its visible page (hhomogeneous and
 * vhomogeneous off) before the window is shown, and says what that saves.
 */
#define G_LOG_DOMAIN "rapport-bench"

#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "bench-util.h"
#include "rapport-window.h"

static gboolean drawn;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  drawn = TRUE;
}

static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct
{
  gint64 wall;
  double cpu;
} Mark;

static Mark
mark_now (void)
{
  return (Mark) { g_get_monotonic_time (), process_cpu_ms () };
}

static void
print_phase (const char *what,
             Mark       *last)
{
  Mark now = mark_now ();

  g_print ("phase: %-52s %7.1f ms wall %7.1f ms CPU\n", what,
           (now.wall - last->wall) / 1000.0, now.cpu - last->cpu);
  *last = now;
}

/* Returns how many stacks it changed. */
static guint
unhomogenize_stacks (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_STACK (widget))
    {
      GtkStack *stack = GTK_STACK (widget);

      n += gtk_stack_get_hhomogeneous (stack) || gtk_stack_get_vhomogeneous (stack);
      gtk_stack_set_hhomogeneous (stack, FALSE);
      gtk_stack_set_vhomogeneous (stack, FALSE);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += unhomogenize_stacks (child);
  return n;
}

int
main (int argc, char *argv[])
{
  g_autoptr(RapportStore) store = NULL;
  RapportWindow *window;
  GdkFrameClock *clock;
  Mark first, last;

  if (argc < 2 || argc > 3 || (argc == 3 && !g_str_equal (argv[2], "--no-homogeneous-stacks")))
    g_error ("usage: bench-startup-phases DATABASE [--no-homogeneous-stacks]");
  gtk_init ();
  adw_init ();

  first = last = mark_now ();
  store = bench_open (argv[1]);
  print_phase ("open the database (rapport_store_open)", &last);
  window = rapport_window_new (NULL, store);
  print_phase ("build the window (rapport_window_new: template, loads)", &last);
  if (argc == 3)
    g_print ("# experiment: %u stacks made to measure only their visible page\n",
             unhomogenize_stacks (GTK_WIDGET (window)));
  gtk_widget_realize (GTK_WIDGET (window));
  print_phase ("realize it (renderer)", &last);
  gtk_window_present (GTK_WINDOW (window));
  print_phase ("present it (measure and map: every page's widgets)", &last);
  while ((clock = gtk_widget_get_frame_clock (GTK_WIDGET (window))) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  while (!drawn)
    g_main_context_iteration (NULL, TRUE);
  print_phase ("first frame (layout, snapshot, render)", &last);
  print_phase ("total, from opening the database to the first frame", &first);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
