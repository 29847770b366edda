/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times one frame of the history chart (the drawing function the widget
 * uses) on the decade data set, against the 8 ms budget of DESIGN.md.
 * RAPPORT_BENCH_DB may name an existing decade database. */
#define G_LOG_DOMAIN "rapport-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "rapport-history-draw.h"

#define RUNS 41
#define TODAY "2026-03-18"

static double
time_frames (const char                 *what,
             const RapportHistorySeries *series,
             RapportHistoryShow          show,
             int                         width,
             int                         scale)
{
  RapportHistoryStyle style;
  double              times[RUNS];
  cairo_surface_t    *surface;
  int                 height;

  rapport_history_style_init_light (&style);
  style.fill_background = FALSE;
  style.show = show;
  style.highlight_bucket = series->n_buckets / 2;
  style.highlight_row = 1;
  height = rapport_history_natural_height (series, &style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);

  for (int i = -1; i < RUNS; i++)
    {
      gint64   start = g_get_monotonic_time ();
      cairo_t *cr = cairo_create (surface);

      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      rapport_history_draw (cr, series, &style, width, height);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (i >= 0)
        times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  cairo_surface_destroy (surface);
  bench_sort (times, RUNS);
  g_print ("%-40s %4dx%-4d @%d  %3u buckets  median %5.2f ms  max %5.2f ms\n",
           what, width, height, scale, series->n_buckets, times[RUNS / 2], times[RUNS - 1]);
  return times[RUNS / 2];
}

static RapportHistorySeries *
compute (RapportStore        *store,
         RapportHistoryRange  range,
         RapportHistoryBucket bucket)
{
  g_autoptr(GError) error = NULL;
  RapportHistoryQuery   query;
  RapportHistorySeries *series;

  rapport_history_query_init (&query, 0, range, bucket, 1, TODAY);
  series = rapport_history_compute (store, &query, &error);
  g_assert_no_error (error);
  return series;
}

int
main (int argc, char *argv[])
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportHistorySeries) all = NULL;
  g_autoptr(RapportHistorySeries) year = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  double           worst = 0, t;

  bench_print_environment ();
  path = bench_database_path (NULL, &dir);
  bench_decade_ensure (path, TODAY);
  store = bench_open (path);

  all = compute (store, RAPPORT_HISTORY_RANGE_ALL, RAPPORT_HISTORY_BUCKET_WEEK);
  year = compute (store, RAPPORT_HISTORY_RANGE_YEAR, RAPPORT_HISTORY_BUCKET_WEEK);

  t = time_frames ("team, all time (monthly)", all, RAPPORT_HISTORY_SHOW_HABITS, 1200, 1);
  worst = MAX (worst, t);
  t = time_frames ("team, all time (monthly)", all, RAPPORT_HISTORY_SHOW_HABITS, 1200, 2);
  worst = MAX (worst, t);
  t = time_frames ("team, last year (weekly)", year, RAPPORT_HISTORY_SHOW_HABITS, 1200, 2);
  worst = MAX (worst, t);
  t = time_frames ("team, last year, narrow", year, RAPPORT_HISTORY_SHOW_HABITS, 360, 1);
  worst = MAX (worst, t);
  t = time_frames ("team, all time, balance", all, RAPPORT_HISTORY_SHOW_KINDS, 1200, 2);
  worst = MAX (worst, t);

  g_clear_object (&store);
  if (dir != NULL)
    {
      bench_remove_database (path);
      g_rmdir (dir);
    }

  return bench_report ("history chart, slowest frame (median)", worst, 8.0, "ms")
           ? EXIT_SUCCESS
           : EXIT_FAILURE;
}
