/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The baseline of the start-up and memory budgets: an empty libadwaita
 * window started the way Rapport starts. With RAPPORT_BENCH_MEMORY set it
 * prints its memory once the first frame is painted, and quits. */
#include <adwaita.h>

#include "bench-memory.h"

static guint frames;

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
