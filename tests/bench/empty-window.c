/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The baseline of the start-up and memory budgets: an empty libadwaita
 * window started the way Rapport starts. With RAPPORT_BENCH_MEMORY set it
 * prints its memory once the first frame is painted, and quits. With
 * RAPPORT_BENCH_REPAINT set it changes the text of a label 20 times,
 * prints what a frame with that change costs (the renderer's floor for
 * any change, as bench-select-person's "one label changed"), and quits. */
#include <adwaita.h>
#include <time.h>

#include "bench-memory.h"

static guint frames;

static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static gint64 repaint_start;
static double repaint_cpu_start;
static double repaint_wall, repaint_cpu;

/* Changes the label's text for the next frame, after three to settle, and
 * adds up the frames that show a change. */
static void
on_repaint_after_paint (GdkFrameClock *clock,
                        GtkLabel      *label)
{
  char text[32];

  if (frames > 3)
    {
      repaint_wall += (g_get_monotonic_time () - repaint_start) / 1000.0;
      repaint_cpu += process_cpu_ms () - repaint_cpu_start;
    }
  if (++frames > 23)
    {
      g_print ("a frame with one label changed (%s): mean %.1f ms, %.1f ms CPU, of 20\n",
               G_OBJECT_TYPE_NAME (gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (label)))),
               repaint_wall / 20, repaint_cpu / 20);
      g_signal_handlers_disconnect_by_func (clock, on_repaint_after_paint, label);
      gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (label))));
      return;
    }
  g_snprintf (text, sizeof text, "Empty %u", frames);
  repaint_start = g_get_monotonic_time ();
  repaint_cpu_start = process_cpu_ms ();
  gtk_label_set_label (label, text);
}

static void
on_repaint_map (GtkWidget *window,
                GtkLabel  *label)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_repaint_after_paint), label);
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  BenchMemory m;

  /* The second frame: the first one's resources are all in place. */
  if (++frames < 2)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      return;
    }
  m = bench_memory_read ();
  g_print ("memory: %ld %ld %ld %ld %s\n", m.rss_kib, m.pss_kib, m.heap_kib, m.arena_kib,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  gtk_window_destroy (window);
}

static void
on_map (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), window);
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Empty");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  if (g_getenv ("RAPPORT_BENCH_REPAINT") != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *label = gtk_label_new ("Empty");

      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      gtk_box_append (GTK_BOX (box), label);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
      g_signal_connect (window, "map", G_CALLBACK (on_repaint_map), label);
    }
  else
    adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), adw_header_bar_new ());
  if (g_getenv ("RAPPORT_BENCH_MEMORY") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.rapport.Empty", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
