/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "rapport-history-chart.h"
#include "rapport-history-describe.h"
#include "rapport-history-draw.h"
#include "rapport-history-export.h"
#include "rapport-history-view.h"
#include "rapport-missed-meeting.h"
#include "test-core-util.h"
#include "test-ui-util.h"

#define TODAY "2026-03-18"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
  gint64        ada;
  gint64        bob;
} Fixture;

/* Listen ticked, Transfer authority not. */
static void
add_meeting (Fixture    *f,
             gint64      person,
             const char *date)
{
  test_core_insert_meeting (f->store, person, date, 0, "10", FALSE);
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->ada = test_core_insert_person (f->store, "Ada", FALSE);
  f->bob = test_core_insert_person (f->store, "Bob", FALSE);
  /* Weeks (from Monday) 8, 9, then a gap in week 10, then 11 to 13. */
  add_meeting (f, f->ada, "2026-02-09");
  add_meeting (f, f->ada, "2026-02-17");
  add_meeting (f, f->ada, "2026-03-02");
  add_meeting (f, f->ada, "2026-03-11");
  add_meeting (f, f->ada, "2026-03-16");
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static RapportHistorySeries *
compute (Fixture *f,
         gint64   person)
{
  g_autoptr(GError) error = NULL;
  RapportHistoryQuery   query;
  RapportHistorySeries *series;

  rapport_history_query_init (&query, person, RAPPORT_HISTORY_RANGE_3_MONTHS,
                              RAPPORT_HISTORY_BUCKET_WEEK, 1, TODAY);
  series = rapport_history_compute (f->store, &query, &error);
  g_assert_no_error (error);
  return series;
}

/* Chart exports are their owner's only (0600), like every other export. */
static void
assert_owner_only (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Pixels ----------------------------------------------------------------- */

typedef struct
{
  const guchar *data;
  int           stride;
  int           scale;
} Pixels;

/* Draws @series as an export would, at scale 2, and points @p at it. */
static cairo_surface_t *
render_scale_2 (const RapportHistorySeries *series,
                const RapportHistoryStyle  *style,
                int                         width,
                int                         height,
                Pixels                     *p)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * 2, height * 2);
  cairo_t         *cr;

  cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  rapport_history_draw (cr, series, style, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  p->data = cairo_image_surface_get_data (surface);
  p->stride = cairo_image_surface_get_stride (surface);
  p->scale = 2;
  return surface;
}

/* r, g, b of the logical pixel (x, y) of an opaque image. */
static void
pixel (const Pixels *p,
       double        x,
       double        y,
       int           rgb[3])
{
  const guchar *px = p->data + (int) (y * p->scale) * p->stride + (int) (x * p->scale) * 4;
  guint32       value = *(const guint32 *) px; /* CAIRO_FORMAT_ARGB32, native endian */

  rgb[0] = (value >> 16) & 0xff;
  rgb[1] = (value >> 8) & 0xff;
  rgb[2] = value & 0xff;
}

static gboolean
is_accent (const int rgb[3])
{
  /* The test style's accent is pure blue. */
  return rgb[2] > 180 && rgb[0] < 90 && rgb[1] < 90;
}

static gboolean
is_blank (const int rgb[3])
{
  return rgb[0] > 250 && rgb[1] > 250 && rgb[2] > 250;
}

static const RapportHistoryRow *
find_row (const RapportHistoryLayout *layout,
          const char                 *name)
{
  for (guint r = 0; r < layout->n_rows; r++)
    if (layout->rows[r].rate != NULL && g_strcmp0 (layout->rows[r].rate->name, name) == 0)
      return &layout->rows[r];
  g_assert_not_reached ();
  return NULL;
}

/* Every tick on the time axis has its label, at any width. */
static void
test_axis_labels (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(RapportHistorySeries) series = compute (f, f->ada);
  RapportHistoryStyle style;

  rapport_history_style_init_light (&style);
  for (int width = 360; width <= 1200; width += 40)
    {
      RapportHistoryLayout layout;
      cairo_surface_t     *surface;
      int                  height = rapport_history_natural_height (series, &style), rgb[3];
      guint                ticks = 0;
      Pixels               p;

      surface = render_scale_2 (series, &style, width, height, &p);
      rapport_history_layout_init (&layout, series, &style, width, height);

      /* Ticks hang just under the meeting strip, where nothing else is. */
      for (double x = layout.plot_x0; x < layout.plot_x1; x += 0.5)
        {
          int ink = 0;

          pixel (&p, x, layout.axis_y - 0.5, rgb);
          if (is_blank (rgb))
            continue;
          ticks++;
          for (double lx = x - 5; lx <= x + 5; lx += 0.5)
            for (double y = layout.axis_y + 3; y < layout.axis_y + 20; y += 0.5)
              {
                pixel (&p, lx, y, rgb);
                ink += rgb[0] < 160;
              }
          if (ink == 0)
            g_error ("%d px wide: the tick at %.1f has no label", width, x);
          x += 2;
        }
      g_assert_cmpuint (ticks, >=, 2);
      rapport_history_layout_clear (&layout);
      cairo_surface_destroy (surface);
    }
}

static void
test_draw_pixels (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(RapportHistorySeries) series = compute (f, f->ada);
  RapportHistoryStyle      style;
  RapportHistoryLayout     layout;
  const RapportHistoryRow *listen, *transfer;
  cairo_surface_t         *surface;
  Pixels                   p;
  int                      width = 640, height, rgb[3], dark = 0;
  double                   x;

  g_assert_cmpuint (series->n_buckets, ==, 14);
  g_assert_cmpuint (series->meetings[10], ==, 0);

  rapport_history_style_init_light (&style);
  style.accent = (RapportHistoryColor){ 0, 0, 1, 1 };
  height = rapport_history_natural_height (series, &style);
  /* Two habit rows and the meeting strip; no mood was recorded. */
  g_assert_cmpint (height, >=, 2 * RAPPORT_HISTORY_ROW_HEIGHT + 40);

  surface = render_scale_2 (series, &style, width, height, &p);

  rapport_history_layout_init (&layout, series, &style, width, height);
  g_assert_cmpuint (layout.n_rows, ==, 3);
  g_assert_cmpint (layout.rows[2].kind, ==, RAPPORT_HISTORY_ROW_COUNT);
  listen = find_row (&layout, "Listen");
  transfer = find_row (&layout, "Transfer authority");

  /* Listen is at 100 %: its line runs along the top of its row. */
  x = rapport_history_layout_bucket_x (&layout, 12);
  pixel (&p, x, listen->plot_top, rgb);
  g_assert_true (is_accent (rgb));
  pixel (&p, x, listen->plot_top - 4, rgb);
  g_assert_false (is_accent (rgb));
  /* Transfer authority is at 0 %: its line lies on the row's floor. */
  pixel (&p, x, transfer->plot_bottom, rgb);
  g_assert_true (is_accent (rgb));
  pixel (&p, x, transfer->plot_top + 2, rgb);
  g_assert_false (is_accent (rgb));

  /* The week without a meeting draws nothing: no line, no fill, no bar. */
  x = rapport_history_layout_bucket_x (&layout, 10);
  for (double y = listen->plot_top + 2; y < listen->plot_bottom - 1; y += 0.5)
    {
      pixel (&p, x, y, rgb);
      g_assert_true (is_blank (rgb));
    }
  for (double y = layout.rows[2].plot_top; y < layout.rows[2].plot_bottom - 1; y += 0.5)
    {
      pixel (&p, x, y, rgb);
      g_assert_true (is_blank (rgb));
    }
  /* ... while a week with a meeting has a bar there: filled, as one
   * meeting is Ada's usual week (hollow is for fewer than usual). */
  g_assert_cmpuint (rapport_history_series_thin_limit (series), ==, 1);
  x = rapport_history_layout_bucket_x (&layout, 11);
  pixel (&p, x, layout.rows[2].plot_bottom - 4, rgb);
  g_assert_false (is_blank (rgb));
  x = rapport_history_layout_bucket_x (&layout, 11);
  dark = 0;
  for (double y = layout.rows[2].plot_top; y < layout.rows[2].plot_bottom; y += 0.5)
    {
      pixel (&p, x - layout.bucket_width * 0.35 + 0.5, y, rgb);
      dark += !is_blank (rgb);
    }
  g_assert_cmpint (dark, >, 10);

  /* The labels are the legend: text at the start of each row. */
  dark = 0;
  for (double y = listen->y; y < listen->y + listen->height; y += 0.5)
    for (double lx = layout.label_x; lx < layout.label_x + 40; lx += 0.5)
      {
        pixel (&p, lx, y, rgb);
        dark += rgb[0] < 128;
      }
  g_assert_cmpint (dark, >, 20);
  /* And the range's rate at the end. */
  dark = 0;
  for (double y = listen->y; y < listen->y + listen->height; y += 0.5)
    for (double vx = layout.value_x; vx < width - 1; vx += 0.5)
      {
        pixel (&p, vx, y, rgb);
        dark += rgb[0] < 128;
      }
  g_assert_cmpint (dark, >, 20);

  rapport_history_layout_clear (&layout);
  cairo_surface_destroy (surface);
}

static void
test_words (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(RapportHistorySeries) series = compute (f, f->ada);
  g_autofree char     *text = rapport_history_describe_series (series, RAPPORT_HISTORY_SHOW_HABITS);
  g_autofree char     *kinds = rapport_history_describe_series (series, RAPPORT_HISTORY_SHOW_KINDS);
  g_autofree char     *point = NULL;
  RapportHistoryLayout layout;
  RapportHistoryStyle  style;

  /* Every sentence in its unit: a habit's meetings, a kind's checklist
   * items (two a meeting here: 10 items in 5 meetings, not 10 meetings). */
  g_assert_cmpstr (text, ==, "5 meetings from 19 Dec 2025 to 18 Mar 2026. "
                             "Strongest: Listen, 100 % of 5 meetings. "
                             "Weakest: Transfer authority, 0 % of 5 meetings. "
                             "9 of 14 weeks without a meeting.");
  g_assert_cmpstr (kinds, ==, "5 meetings from 19 Dec 2025 to 18 Mar 2026. "
                              "Strongest: Trust, 50 % of 10 checklist items ticked in 5 meetings. "
                              "9 of 14 weeks without a meeting.");

  rapport_history_style_init_light (&style);
  rapport_history_layout_init (&layout, series, &style, 600, 400);
  point = rapport_history_describe_point (series, &layout.rows[0], 11);
  g_assert_cmpstr (point, ==, "Week of 2 Mar: Listen 100 % (ticked in 1 of 1 meeting)");
  g_clear_pointer (&point, g_free);
  point = rapport_history_describe_point (series, &layout.rows[0], 10);
  g_assert_cmpstr (point, ==, "Week of 23 Feb: Listen, no meetings");
  g_clear_pointer (&point, g_free);
  point = rapport_history_describe_point (series, &layout.rows[2], 13);
  g_assert_cmpstr (point, ==, "Week of 16 Mar: 1 meeting");
  g_clear_pointer (&point, g_free);
  /* The range starts on a Friday: its first week is three days. */
  point = rapport_history_describe_point (series, &layout.rows[0], 0);
  g_assert_cmpstr (point, ==, "19–21 Dec: Listen, no meetings");
  rapport_history_layout_clear (&layout);

  /* The balance's rows count checklist items. */
  style.show = RAPPORT_HISTORY_SHOW_KINDS;
  rapport_history_layout_init (&layout, series, &style, 600, 400);
  g_clear_pointer (&point, g_free);
  point = rapport_history_describe_point (series, &layout.rows[0], 11);
  g_assert_cmpstr (point, ==, "Week of 2 Mar: Trust 50 % (1 of 2 checklist items ticked)");
  rapport_history_layout_clear (&layout);
}

/* The time axis carries dates with their year: the start, and wherever
 * the year changes, as drawn on screen and in exports. */
static void
test_axis_years (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(RapportHistorySeries) series = compute (f, f->ada);
  g_autoptr(RapportHistorySeries) clipped = NULL;
  g_autoptr(GError) error = NULL;
  RapportHistoryStyle style;
  RapportHistoryQuery query;

  rapport_history_style_init_light (&style);
  for (int width = 360; width <= 1200; width += 120)
    {
      g_auto (GStrv) labels = rapport_history_axis_labels (series, &style, width, 400);
      g_autofree char *joined = g_strjoinv ("|", labels);
      gboolean         new_year = FALSE;

      g_test_message ("%d px: %s", width, joined);
      /* The range's first day, with its year. */
      g_assert_cmpstr (labels[0], ==, "19 Dec 2025");
      g_assert_cmpuint (g_strv_length (labels), >=, 2);
      /* The first tick in 2026 says so; the ones after it need not. */
      for (guint i = 1; labels[i] != NULL; i++)
        if (!new_year)
          {
            g_assert_true (g_str_has_suffix (labels[i], " 2026") || g_str_has_suffix (labels[i], " Dec"));
            new_year = g_str_has_suffix (labels[i], " 2026");
          }
        else
          g_assert_false (g_str_has_suffix (labels[i], " 2026"));
      g_assert_true (new_year);
    }

  /* A range longer than the data: the axis starts where the data does. */
  rapport_history_query_init (&query, f->ada, RAPPORT_HISTORY_RANGE_YEAR,
                              RAPPORT_HISTORY_BUCKET_MONTH, 1, TODAY);
  query.from_first_meeting = TRUE;
  clipped = rapport_history_compute (f->store, &query, &error);
  g_assert_no_error (error);
  {
    g_auto (GStrv) labels = rapport_history_axis_labels (clipped, &style, 800, 400);

    g_assert_cmpstr (labels[0], ==, "Data starts 9 Feb 2026");
    g_assert_cmpstr (labels[1], ==, "Mar 2026");
    g_assert_null (labels[2]);
  }
  /* At 360 px the words would leave no room: the date alone. */
  {
    g_auto (GStrv) labels = rapport_history_axis_labels (clipped, &style, 360, 400);

    g_assert_cmpstr (labels[0], ==, "9 Feb 2026");
  }
}

/* The widget ------------------------------------------------------------- */

static GdkTexture *
render_widget (GtkWidget *window,
               GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int          width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
test_widget (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(RapportHistorySeries) series = compute (f, f->ada);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  g_autofree char   *png = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char   *svg = g_build_filename (f->dir, "chart.svg", NULL);
  g_autofree char   *svg_text = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  RapportHistoryChart     *chart;
  RapportHistoryStyle      style;
  RapportHistoryLayout     layout;
  const RapportHistoryRow *listen;
  GtkWidget               *window;
  int                      width, height, accent = 0;
  gsize                    stride;

  window = gtk_window_new ();
  chart = RAPPORT_HISTORY_CHART (rapport_history_chart_new ());
  rapport_history_chart_set_series (chart, series);
  rapport_history_chart_set_subject (chart, "Habits with Ada");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chart));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 300);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_spin (300);

  width = gtk_widget_get_width (GTK_WIDGET (chart));
  height = gtk_widget_get_height (GTK_WIDGET (chart));
  g_assert_cmpint (width, >=, 600);
  g_assert_cmpint (height, >=, rapport_history_natural_height (series, &(RapportHistoryStyle){ .show = RAPPORT_HISTORY_SHOW_HABITS }));

  /* The live label starts at the latest week with a meeting, first row. */
  g_assert_cmpstr (rapport_history_chart_get_status (chart), ==, "Week of 16 Mar: Listen 100 % (ticked in 1 of 1 meeting)");

  texture = render_widget (window, GTK_WIDGET (chart));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  stride = width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  /* The theme's accent colour along the top of Listen's row (the focused
   * week, 13, carries a hollow marker). */
  rapport_history_chart_get_style (chart, &style);
  rapport_history_layout_init (&layout, series, &style, width, height);
  listen = find_row (&layout, "Listen");
  for (guint b = 11; b <= 12; b++)
    {
      double        x = rapport_history_layout_bucket_x (&layout, b);
      const guchar *px = pixels + (int) listen->plot_top * stride + (int) x * 4; /* B G R A */
      int           r = px[2] * 255 / MAX (px[3], 1), g = px[1] * 255 / MAX (px[3], 1), bl = px[0] * 255 / MAX (px[3], 1);

      accent += fabs (r - style.accent.red * 255) < 40 &&
                fabs (g - style.accent.green * 255) < 40 &&
                fabs (bl - style.accent.blue * 255) < 40 && px[3] > 200;
    }
  g_assert_cmpint (accent, ==, 2);
  /* Nothing at all in the gap week's band of Listen's row. */
  for (int y = (int) listen->plot_top + 2; y < (int) listen->plot_bottom - 1; y++)
    {
      const guchar *px = pixels + y * stride + (int) rapport_history_layout_bucket_x (&layout, 10) * 4;
      g_assert_cmpint (px[3], ==, 0);
    }
  rapport_history_layout_clear (&layout);

  /* Exports. */
  g_assert_true (rapport_history_chart_export (chart, png, RAPPORT_HISTORY_EXPORT_PNG, &error));
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 2 * width);
  /* Under the chart's title, exports say what the range covers. */
  style.subtitle = "5 meetings from 19 Dec 2025 to 18 Mar 2026.";
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 2 * rapport_history_natural_height (series, &style));
  assert_owner_only (png);

  g_assert_true (rapport_history_chart_export (chart, svg, RAPPORT_HISTORY_EXPORT_SVG, &error));
  g_assert_no_error (error);
  assert_owner_only (svg);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, &error));
  g_assert_nonnull (strstr (svg_text, "<svg"));

  /* A folder that does not exist is a clear error. */
  g_assert_false (rapport_history_chart_export (chart, "/nonexistent/dir/chart.png",
                                                RAPPORT_HISTORY_EXPORT_PNG, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/chart.png"));

  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
}

/* The view --------------------------------------------------------------- */

static gboolean match_tooltip (GtkWidget *widget, gconstpointer tooltip);

/* The stack that swaps the status page and the data. */
static GtkStack *
find_content_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "empty") != NULL &&
      gtk_stack_get_child_by_name (GTK_STACK (widget), "data") != NULL)
    return GTK_STACK (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_content_stack (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_view (Fixture      *f,
           gconstpointer data)
{
  GtkWidget            *window = gtk_window_new ();
  GtkWidget            *view = rapport_history_view_new (f->store);
  RapportHistorySeries *series;
  GtkColumnView        *table;
  GtkStack             *stack;
  GtkDropDown          *range;

  rapport_history_view_set_today (RAPPORT_HISTORY_VIEW (view), TODAY);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  stack = find_content_stack (view);
  g_assert_nonnull (stack);
  table = GTK_COLUMN_VIEW (test_ui_find_type (view, GTK_TYPE_COLUMN_VIEW));
  range = GTK_DROP_DOWN (test_ui_find_type (view, GTK_TYPE_DROP_DOWN));

  /* The team: Ada's meetings. */
  series = rapport_history_view_get_series (RAPPORT_HISTORY_VIEW (view));
  g_assert_nonnull (series);
  g_assert_cmpuint (series->range_meetings, ==, 5);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "data");

  /* Narrow windows: the controls give way instead of widening the view. */
  {
    int min;

    test_ui_spin (100);
    gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_test_message ("minimum width of the view: %d px", min);
    g_assert_cmpint (min, <=, 360);
  }

  /* With Ada archived the team has no meetings, unless archived people
   * are included through the options menu's action. */
  test_core_exec (f->store, "UPDATE people SET archived = 1 WHERE name = 'Ada'");
  rapport_history_view_refresh (RAPPORT_HISTORY_VIEW (view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (gtk_widget_activate_action (view, "history.include-archived", NULL));
  series = rapport_history_view_get_series (RAPPORT_HISTORY_VIEW (view));
  g_assert_cmpuint (series->range_meetings, ==, 5);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "data");
  g_assert_true (gtk_widget_activate_action (view, "history.include-archived", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  test_core_exec (f->store, "UPDATE people SET archived = 0 WHERE name = 'Ada'");

  rapport_history_view_set_person (RAPPORT_HISTORY_VIEW (view), f->ada);
  gtk_drop_down_set_selected (range, RAPPORT_HISTORY_RANGE_3_MONTHS);
  test_ui_spin (100);
  /* One person opens by month: her weeks hold one 1:1 each. */
  series = rapport_history_view_get_series (RAPPORT_HISTORY_VIEW (view));
  g_assert_cmpint (series->bucket, ==, RAPPORT_HISTORY_BUCKET_MONTH);
  g_assert_cmpuint (series->n_buckets, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_ui_find (view, match_tooltip, "Group by week or by month")),
                              RAPPORT_HISTORY_BUCKET_WEEK);
  series = rapport_history_view_get_series (RAPPORT_HISTORY_VIEW (view));
  /* From her first meeting (Monday 9 Feb, in the week of Sunday 8 Feb
   * in C.UTF-8), not the 14 weeks of the whole range. */
  g_assert_cmpuint (series->n_buckets, ==, 6);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "data");
  /* Period, meetings, mood, two habits, trust and structure. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, 6);

  /* Nobody met Bob: a status page, not an empty frame. */
  rapport_history_view_set_person (RAPPORT_HISTORY_VIEW (view), f->bob);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (test_ui_find_type (view, ADW_TYPE_STATUS_PAGE))),
                   ==, "No Meetings in This Period");

  /* One week of meetings is not a trend yet. */
  add_meeting (f, f->bob, "2026-03-17");
  rapport_history_view_refresh (RAPPORT_HISTORY_VIEW (view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (test_ui_find_type (view, ADW_TYPE_STATUS_PAGE))),
                   ==, "Not Enough History Yet");
  add_meeting (f, f->bob, "2026-03-10");
  rapport_history_view_refresh (RAPPORT_HISTORY_VIEW (view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "data");

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (view);
}

/* Follow-through and the keyboard ------------------------------------------ */

/* Ada's, made at her 1:1 of @meeting_date. */
static void
add_commitment (Fixture    *f,
                const char *meeting_date,
                const char *due,
                const char *closed_on)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM meetings WHERE person_id = %" G_GINT64_FORMAT
                                          " AND date = '%s'",
                                          f->ada, meeting_date);

  test_core_insert_commitment (f->store, f->ada, test_core_sql_int (f->path, sql), "me", due, closed_on);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* The first widget of @type after the chart on its page, beside it or
 * beside what holds it (the chart scrolls sideways on its own). */
static GtkWidget *
chart_sibling (RapportHistoryChart *chart,
               GType                type)
{
  for (GtkWidget *c = GTK_WIDGET (chart); c != NULL; c = gtk_widget_get_parent (c))
    for (GtkWidget *w = gtk_widget_get_next_sibling (c); w != NULL; w = gtk_widget_get_next_sibling (w))
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return w;
  g_assert_not_reached ();
  return NULL;
}

/* The live label under the chart: the label bound to its status. */
static GtkLabel *
find_live_label (RapportHistoryChart *chart)
{
  return GTK_LABEL (chart_sibling (chart, GTK_TYPE_LABEL));
}

static void
test_view_follow_through (Fixture      *f,
                          gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = rapport_history_view_new (f->store);
  g_autoptr(GString) cells = g_string_new ("|");
  g_autofree char      *description = NULL;
  RapportHistorySeries *series;
  RapportHistoryChart  *chart;
  RapportHistoryRate   *rate;
  RapportHistoryStyle   style;
  RapportHistoryLayout  layout;
  GtkColumnView        *table;
  GtkColumnViewColumn  *column;
  GtkLabel             *live;
  const char           *error;

  /* Week of 1 Mar: one kept, one overdue. Week of 15 Mar: the one without
   * a due date, due at the next 1:1 (16 Mar) and closed that day. Not
   * counted: one still open but due after today. */
  add_commitment (f, "2026-03-02", "2026-03-05", "2026-03-04");
  add_commitment (f, "2026-03-02", "2026-03-06", NULL);
  add_commitment (f, "2026-03-11", NULL, "2026-03-16");
  add_commitment (f, "2026-03-16", "2026-03-25", NULL);

  rapport_history_view_set_today (RAPPORT_HISTORY_VIEW (view), TODAY);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  rapport_history_view_set_person (RAPPORT_HISTORY_VIEW (view), f->ada);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_ui_find_type (view, GTK_TYPE_DROP_DOWN)),
                              RAPPORT_HISTORY_RANGE_3_MONTHS);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_ui_find (view, match_tooltip, "Group by week or by month")),
                              RAPPORT_HISTORY_BUCKET_WEEK);
  test_ui_spin (200);

  /* The numbers. */
  series = rapport_history_view_get_series (RAPPORT_HISTORY_VIEW (view));
  /* From Ada's first meeting, Monday 9 Feb, in the week of 8 Feb. */
  g_assert_cmpuint (series->n_buckets, ==, 6);
  /* The tests run in C.UTF-8, whose weeks start on Sunday. */
  g_assert_cmpint (series->first_weekday, ==, 0);
  g_assert_cmpuint (series->extras->len, ==, 1);
  rate = g_ptr_array_index (series->extras, 0);
  g_assert_cmpstr (rate->name, ==, "Follow-through");
  g_assert_cmpuint (rate->buckets[3].ticked, ==, 1);
  g_assert_cmpuint (rate->buckets[3].total, ==, 2);
  g_assert_cmpuint (rate->buckets[4].total, ==, 0);
  g_assert_cmpuint (rate->buckets[5].ticked, ==, 1);
  g_assert_cmpuint (rate->buckets[5].total, ==, 1);
  g_assert_cmpuint (rate->range.ticked, ==, 2);
  g_assert_cmpuint (rate->range.total, ==, 3);

  /* In the chart: the first row, above the habits. */
  chart = RAPPORT_HISTORY_CHART (test_ui_find_type (view, RAPPORT_TYPE_HISTORY_CHART));
  rapport_history_chart_get_style (chart, &style);
  rapport_history_layout_init (&layout, series, &style, 800, 600);
  g_assert_cmpint (layout.rows[0].kind, ==, RAPPORT_HISTORY_ROW_EXTRA);
  g_assert_true (layout.rows[0].rate == rate);
  g_assert_cmpint (layout.rows[1].kind, ==, RAPPORT_HISTORY_ROW_RATE);
  rapport_history_layout_clear (&layout);

  /* In the accessible description. */
  description = rapport_history_describe_series (series, RAPPORT_HISTORY_SHOW_HABITS);
  g_assert_nonnull (strstr (description, "Follow-through: 67 % of 3 commitments kept."));
  g_assert_true (g_str_has_prefix (description, "5 meetings from 9 Feb to 18 Mar 2026. The first 1:1 was on "
                                                "9 Feb 2026: the last 3 months hold nothing earlier. "));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              description);
  g_assert_null (error);

  /* In the table: a column after the meeting counts, with the same numbers. */
  table = GTK_COLUMN_VIEW (test_ui_find_type (view, GTK_TYPE_COLUMN_VIEW));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 8);
  column = g_list_model_get_item (gtk_column_view_get_columns (table), 2);
  g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "Follow-through");
  g_object_unref (column);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (test_ui_find_type (view, ADW_TYPE_VIEW_STACK)), "table");
  test_ui_spin (200);
  collect_labels (GTK_WIDGET (table), cells);
  g_test_message ("table: %s", cells->str);
  g_assert_nonnull (strstr (cells->str, "|Week of 1 Mar|1|50 % (1 of 2)|–|100 % (1 of 1)|0 % (0 of 1)|"));
  g_assert_nonnull (strstr (cells->str, "|Week of 8 Mar|1|–|–|100 % (1 of 1)|0 % (0 of 1)|"));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (test_ui_find_type (view, ADW_TYPE_VIEW_STACK)), "chart");
  test_ui_spin (100);

  /* The keyboard: the live label follows the focused bucket. */
  live = find_live_label (chart);
  gtk_widget_grab_focus (GTK_WIDGET (chart));
  test_ui_spin (50);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (chart)));
  g_assert_cmpstr (gtk_label_get_text (live), ==, "Week of 15 Mar: Follow-through 100 % (1 of 1 commitment kept)");
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Left);
  g_assert_cmpstr (gtk_label_get_text (live), ==, "Week of 8 Mar: Follow-through, no commitments due");
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Left);
  g_assert_cmpstr (gtk_label_get_text (live), ==, "Week of 1 Mar: Follow-through 50 % (1 of 2 commitments kept)");
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Home);
  g_assert_cmpstr (gtk_label_get_text (live), ==, "9–14 Feb: Follow-through, no commitments due");
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Left); /* already at the start */
  g_assert_cmpstr (gtk_label_get_text (live), ==, "9–14 Feb: Follow-through, no commitments due");
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Right);
  g_assert_cmpstr (gtk_label_get_text (live), ==, "Week of 15 Feb: Follow-through, no commitments due");
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Right);
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Down);
  g_assert_cmpstr (gtk_label_get_text (live), ==, "Week of 22 Feb: Listen, no meetings");
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_End);
  g_assert_cmpstr (gtk_label_get_text (live), ==, "Week of 15 Mar: Listen 100 % (ticked in 1 of 1 meeting)");
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Right); /* already at the end */
  g_assert_cmpstr (gtk_label_get_text (live), ==, "Week of 15 Mar: Listen 100 % (ticked in 1 of 1 meeting)");
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Down);
  g_assert_cmpstr (gtk_label_get_text (live), ==, "Week of 15 Mar: Transfer authority 0 % (ticked in 0 of 1 meeting)");
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Down);
  g_assert_cmpstr (gtk_label_get_text (live), ==, "Week of 15 Mar: 1 meeting");
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Up);
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Up);
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Up);
  g_assert_cmpstr (gtk_label_get_text (live), ==, "Week of 15 Mar: Follow-through 100 % (1 of 1 commitment kept)");

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (view);
}

/* A year of weekly 1:1s in a window 400 px wide: the chart (53 buckets
 * of at least 6 px) scrolls on its own; the page, the summary list and
 * the live label fit the window. */
static void
test_view_narrow (Fixture      *f,
                  gconstpointer data)
{
  GtkWidget            *window = gtk_window_new ();
  GtkWidget            *view = rapport_history_view_new (f->store);
  RapportHistoryChart  *chart;
  GtkWidget            *summary;
  GtkWidget            *page = NULL;
  GtkAdjustment        *hadjustment;
  RapportHistorySeries *series;
  GDate                 date;
  int                   min;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, "2025-03-20");
  for (int week = 0; week < 52; week++)
    {
      char iso[16];

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
      add_meeting (f, f->bob, iso);
      g_date_add_days (&date, 7);
    }

  rapport_history_view_set_today (RAPPORT_HISTORY_VIEW (view), TODAY);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  gtk_window_present (GTK_WINDOW (window));
  rapport_history_view_set_person (RAPPORT_HISTORY_VIEW (view), f->bob);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_ui_find (view, match_tooltip, "Time range")),
                              RAPPORT_HISTORY_RANGE_YEAR);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_ui_find (view, match_tooltip, "Group by week or by month")),
                              RAPPORT_HISTORY_BUCKET_WEEK);
  test_ui_spin (200);
  series = rapport_history_view_get_series (RAPPORT_HISTORY_VIEW (view));
  g_assert_cmpuint (series->n_buckets, ==, 53);
  chart = RAPPORT_HISTORY_CHART (test_ui_find_type (view, RAPPORT_TYPE_HISTORY_CHART));
  g_assert_cmpint (rapport_history_minimum_width (series), >, 400);

  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("minimum width of the view: %d px, of the chart %d px, view %d px wide",
                  min, rapport_history_minimum_width (series), gtk_widget_get_width (view));
  g_assert_cmpint (min, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (view), <=, 400);

  /* The chart keeps its 6 px per bucket... */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), >=, rapport_history_minimum_width (series));
  /* ...but the page around it does not scroll sideways... */
  for (GtkWidget *w = GTK_WIDGET (chart); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      page = w; /* the outermost: the page's */
  g_assert_nonnull (page);
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (page));
  g_test_message ("page: %.0f px of content in %.0f px",
                  gtk_adjustment_get_upper (hadjustment), gtk_adjustment_get_page_size (hadjustment));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment));
  /* ...and the summary list fits the window, margins included. */
  summary = chart_sibling (chart, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (summary);
  g_assert_cmpint (gtk_widget_get_width (summary), >, 0);
  g_assert_cmpint (gtk_widget_get_width (summary) + 24, <=, gtk_widget_get_width (view));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (find_live_label (chart))) + 24, <=, gtk_widget_get_width (view));

  /* The keyboard brings the focused week into sight. */
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (gtk_widget_get_parent (GTK_WIDGET (chart))));
  gtk_widget_grab_focus (GTK_WIDGET (chart));
  test_ui_spin (50);
  gtk_adjustment_set_value (hadjustment, 0);
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_End);
  g_test_message ("scrolled to %.0f of %.0f", gtk_adjustment_get_value (hadjustment),
                  gtk_adjustment_get_upper (hadjustment) - gtk_adjustment_get_page_size (hadjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), >, 0);
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Home);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, 0);

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (view);
}

static gboolean
is_top_switcher (GtkWidget    *widget,
                 gconstpointer data)
{
  return ADW_IS_VIEW_SWITCHER (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER_BAR) == NULL;
}

/* Whether the switchers are where they settle: each one at the top with
 * room for its labels, and a revealed bar's buttons on the view's screen
 * area.  With @check, asserts it instead. */
static gboolean
switchers_settled (GtkWidget *view,
                   gboolean   check,
                   guint     *n_top,
                   gboolean  *bar_revealed)
{
  g_autoptr(GPtrArray) top = test_ui_find_all_visible (view, is_top_switcher, NULL);
  GtkWidget      *bar = test_ui_find_type (view, ADW_TYPE_VIEW_SWITCHER_BAR);
  GtkWidget      *switcher = test_ui_find_type (bar, ADW_TYPE_VIEW_SWITCHER);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  gboolean        on_screen;

  *n_top = top->len;
  /* A switcher at the top has room for its labels, never "C…", "T…". */
  for (guint i = 0; i < top->len; i++)
    {
      int natural = 0;

      gtk_widget_measure (top->pdata[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (check)
        g_assert_cmpint (natural, <=, gtk_widget_get_width (top->pdata[i]));
      else if (natural > gtk_widget_get_width (top->pdata[i]))
        return FALSE;
    }
  *bar_revealed = adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar));
  if (!*bar_revealed)
    return TRUE;
  /* Revealed is not enough: the bar's buttons are on screen, inside the
   * view, with room for them. */
  on_screen = gtk_widget_get_mapped (switcher) && gtk_widget_compute_bounds (switcher, view, &bounds);
  if (check)
    {
      g_assert_true (on_screen);
      g_test_message ("bar's switcher at %g,%g, %g x %g", bounds.origin.x, bounds.origin.y,
                      bounds.size.width, bounds.size.height);
      g_assert_cmpfloat (bounds.size.height, >=, 24);
      g_assert_cmpfloat (bounds.size.width, >=, 120);
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (view));
    }
  return on_screen && bounds.size.height >= 24 && bounds.size.width >= 120 && bounds.origin.x >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (view);
}

/* The History view in a window @width px wide, shown, with its pages'
 * switcher: at the top, or (*bar_revealed) in the bar at the bottom. */
static GtkWidget *
show_view_at (Fixture  *f,
              int       width,
              guint    *n_top,
              gboolean *bar_revealed)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = rapport_history_view_new (f->store);

  rapport_history_view_set_today (RAPPORT_HISTORY_VIEW (view), TODAY);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 600);
  gtk_window_present (GTK_WINDOW (window));
  rapport_history_view_set_person (RAPPORT_HISTORY_VIEW (view), f->bob);
  test_ui_spin (300);
  g_test_message ("view %d px wide in a window of %d", gtk_widget_get_width (view), width);
  g_assert_cmpint (gtk_widget_get_width (view), <=, width);
  /* Given the time to settle on a busy machine, and for the bar to slide in. */
  for (guint waited = 0; waited < 3000 && !switchers_settled (view, FALSE, n_top, bar_revealed); waited += 50)
    test_ui_spin (50);
  switchers_settled (view, TRUE, n_top, bar_revealed);
  return window;
}

/* The pages' switcher fits the width (breakpoints on libadwaita 1.4 and
 * later, a squeezer on 1.2): at 360 px the bar at the bottom has the
 * pages and there is no switcher at the top; wide, one at the top and no
 * bar.  Without a GTK critical at either width (they are fatal here). */
static void
test_view_switcher (Fixture      *f,
                    gconstpointer data)
{
  static const int widths[] = { 360, 1200, 520, 360 };

  add_meeting (f, f->bob, "2026-10-05");
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      GtkWidget *window;
      guint      n_top = 0;
      gboolean   revealed = FALSE;

      window = show_view_at (f, widths[i], &n_top, &revealed);
      if (widths[i] == 520)
        /* Either place, as the labels' widths in this font decide. */
        g_assert_cmpuint (n_top + revealed, ==, 1);
      else
        {
          g_assert_cmpuint (n_top, ==, widths[i] > 600 ? 1 : 0);
          g_assert_true (revealed == (widths[i] <= 600));
        }
      gtk_window_destroy (GTK_WINDOW (window));
      test_ui_spin (20);
    }
}

/* Exports ---------------------------------------------------------------- */

static void
test_slug (Fixture      *f,
           gconstpointer data)
{
  g_autofree char *a = rapport_history_slug ("Sam Rivera");
  g_autofree char *b = rapport_history_slug ("  José   Núñez-O'Brien, Jr. ");
  g_autofree char *c = rapport_history_slug ("Zoë Ångström");
  g_autofree char *d = rapport_history_slug ("李");
  g_autofree char *e = rapport_history_export_file_name ("Sam Rivera", "2026-11-25", "png");
  g_autofree char *g = rapport_history_export_file_name (NULL, "2026-11-25", "svg");
  g_autofree char *h = rapport_history_export_file_name ("李", "2026-11-25", "png");

  g_assert_cmpstr (a, ==, "sam-rivera");
  g_assert_cmpstr (b, ==, "jose-nunez-obrien-jr");
  g_assert_cmpstr (c, ==, "zoe-angstrom");
  g_assert_cmpstr (d, ==, "");
  g_assert_cmpstr (e, ==, "rapport-history-sam-rivera-2026-11-25.png");
  g_assert_cmpstr (g, ==, "rapport-history-team-2026-11-25.svg");
  g_assert_cmpstr (h, ==, "rapport-history-person-2026-11-25.png");
}

/* What the export menu items write: a title line naming who, the range
 * and the grouping above the chart, and a file name to match. */
static void
test_view_export (Fixture      *f,
                  gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = rapport_history_view_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) titled = NULL;
  g_autoptr(GdkPixbuf) plain = NULL;
  g_autofree char     *png = g_build_filename (f->dir, "titled.png", NULL);
  g_autofree char     *plain_png = g_build_filename (f->dir, "plain.png", NULL);
  g_autofree char     *svg = g_build_filename (f->dir, "titled.svg", NULL);
  g_autofree char     *contents = NULL;
  g_autofree char     *name = NULL;
  RapportHistoryChart *chart;
  RapportHistoryStyle  style;
  gint64               sam;

  sam = test_core_insert_person (f->store, "Sam Rivera", FALSE);
  add_meeting (f, sam, "2026-03-02");
  add_meeting (f, sam, "2026-03-16");
  rapport_history_view_set_today (RAPPORT_HISTORY_VIEW (view), TODAY);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  rapport_history_view_set_person (RAPPORT_HISTORY_VIEW (view), sam);
  test_ui_spin (100);
  chart = RAPPORT_HISTORY_CHART (test_ui_find_type (view, RAPPORT_TYPE_HISTORY_CHART));

  name = rapport_history_view_get_export_name (RAPPORT_HISTORY_VIEW (view), RAPPORT_HISTORY_EXPORT_PNG);
  g_assert_cmpstr (name, ==, "rapport-history-sam-rivera-2026-03-18.png");

  /* A file that others could read is replaced by one only its owner can. */
  g_assert_true (g_file_set_contents (png, "old", -1, &error));
  g_assert_cmpint (g_chmod (png, 0644), ==, 0);
  g_assert_true (g_file_set_contents (svg, "old", -1, &error));
  g_assert_cmpint (g_chmod (svg, 0644), ==, 0);

  /* PNG: taller than the same chart without a title, at the same width. */
  g_assert_true (rapport_history_view_export (RAPPORT_HISTORY_VIEW (view), png, RAPPORT_HISTORY_EXPORT_PNG, &error));
  g_assert_no_error (error);
  assert_owner_only (png);
  rapport_history_style_init_light (&style);
  g_assert_null (style.title);
  g_assert_true (rapport_history_export_png (rapport_history_chart_get_series (chart), &style,
                                             gtk_widget_get_width (GTK_WIDGET (chart)), plain_png, &error));
  g_assert_no_error (error);
  assert_owner_only (plain_png);
  titled = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  plain = gdk_pixbuf_new_from_file (plain_png, &error);
  g_assert_no_error (error);
  g_test_message ("with a title %d x %d, without %d x %d",
                  gdk_pixbuf_get_width (titled), gdk_pixbuf_get_height (titled),
                  gdk_pixbuf_get_width (plain), gdk_pixbuf_get_height (plain));
  g_assert_cmpint (gdk_pixbuf_get_width (titled), ==, gdk_pixbuf_get_width (plain));
  g_assert_cmpint (gdk_pixbuf_get_height (titled), >=, gdk_pixbuf_get_height (plain) + 2 * 24);

  /* SVG: the title as text, for viewers and search. */
  g_assert_true (rapport_history_view_export (RAPPORT_HISTORY_VIEW (view), svg, RAPPORT_HISTORY_EXPORT_SVG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<title>Sam Rivera — habits over the last 3 months, by week</title>"));
  /* The dates and the year the chart covers, which "the last 3 months"
   * alone does not say once the file is older. */
  g_assert_nonnull (strstr (contents, "<desc>2 meetings from 2 Mar to 18 Mar 2026. The first 1:1 was on "
                                      "2 Mar 2026: the last 3 months hold nothing earlier.</desc>"));
  assert_owner_only (svg);
  g_clear_pointer (&contents, g_free);

  /* The balance page exports the balance, named so. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (test_ui_find_type (view, ADW_TYPE_VIEW_STACK)), "balance");
  g_assert_true (rapport_history_view_export (RAPPORT_HISTORY_VIEW (view), svg, RAPPORT_HISTORY_EXPORT_SVG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<title>Sam Rivera — trust and structure over the last 3 months, by week</title>"));
  g_clear_pointer (&contents, g_free);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (test_ui_find_type (view, ADW_TYPE_VIEW_STACK)), "chart");

  /* The team, by month. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_ui_find (view, match_tooltip,
                                                                 "Show the whole team instead of the selected person")),
                                TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_ui_find (view, match_tooltip, "Group by week or by month")),
                              RAPPORT_HISTORY_BUCKET_MONTH);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_ui_find (view, match_tooltip, "Time range")),
                              RAPPORT_HISTORY_RANGE_YEAR);
  test_ui_spin (50);
  g_clear_pointer (&name, g_free);
  name = rapport_history_view_get_export_name (RAPPORT_HISTORY_VIEW (view), RAPPORT_HISTORY_EXPORT_SVG);
  g_assert_cmpstr (name, ==, "rapport-history-team-2026-03-18.svg");
  g_assert_true (rapport_history_view_export (RAPPORT_HISTORY_VIEW (view), svg, RAPPORT_HISTORY_EXPORT_SVG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<title>Team — habits over the last year, by month</title>"));
  g_assert_nonnull (strstr (contents, "<desc>7 meetings from 9 Feb to 18 Mar 2026. The first 1:1 was on "
                                      "9 Feb 2026: the last year holds nothing earlier.</desc>"));

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (view);
}

static gboolean
match_tooltip (GtkWidget    *widget,
               gconstpointer tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The range a subject opens on: three months for Ada, who began seven
 * weeks ago, a year for the team and for Bob, who met a year ago; what
 * the user picks stays while the subject does. */
static void
test_view_default_range (Fixture      *f,
                         gconstpointer data)
{
  GtkWidget            *window = gtk_window_new ();
  GtkWidget            *view;
  GtkDropDown          *range;
  GtkDropDown          *bucket;
  GtkColumnView        *table;
  RapportHistorySeries *series;
  GtkToggleButton      *team;

  add_meeting (f, f->bob, "2025-02-03");
  add_meeting (f, f->bob, "2026-03-09");
  view = rapport_history_view_new (f->store);
  rapport_history_view_set_today (RAPPORT_HISTORY_VIEW (view), TODAY);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  range = GTK_DROP_DOWN (test_ui_find_type (view, GTK_TYPE_DROP_DOWN));
  bucket = GTK_DROP_DOWN (test_ui_find (view, match_tooltip, "Group by week or by month"));
  table = GTK_COLUMN_VIEW (test_ui_find_type (view, GTK_TYPE_COLUMN_VIEW));
  team = GTK_TOGGLE_BUTTON (test_ui_find (view, match_tooltip, "Show the whole team instead of the selected person"));

  g_assert_cmpuint (gtk_drop_down_get_selected (range), ==, RAPPORT_HISTORY_RANGE_YEAR);
  rapport_history_view_set_person (RAPPORT_HISTORY_VIEW (view), f->ada);
  g_assert_cmpuint (gtk_drop_down_get_selected (range), ==, RAPPORT_HISTORY_RANGE_3_MONTHS);

  /* Her year is her seven weeks: no empty rows before her first 1:1. */
  g_assert_cmpuint (gtk_drop_down_get_selected (bucket), ==, RAPPORT_HISTORY_BUCKET_MONTH);
  gtk_drop_down_set_selected (bucket, RAPPORT_HISTORY_BUCKET_WEEK);
  gtk_drop_down_set_selected (range, RAPPORT_HISTORY_RANGE_YEAR);
  rapport_history_view_set_today (RAPPORT_HISTORY_VIEW (view), "2026-03-19");
  g_assert_cmpuint (gtk_drop_down_get_selected (range), ==, RAPPORT_HISTORY_RANGE_YEAR);
  series = rapport_history_view_get_series (RAPPORT_HISTORY_VIEW (view));
  g_assert_cmpint (series->range, ==, RAPPORT_HISTORY_RANGE_YEAR);
  g_assert_cmpuint (series->n_buckets, ==, 6);
  g_assert_cmpuint (series->meetings[0], ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, 6);

  rapport_history_view_set_person (RAPPORT_HISTORY_VIEW (view), f->bob);
  g_assert_cmpuint (gtk_drop_down_get_selected (range), ==, RAPPORT_HISTORY_RANGE_YEAR);
  /* Bob's year holds one 1:1 (the other is older): a month would be one
   * point, so by week. */
  g_assert_cmpuint (gtk_drop_down_get_selected (bucket), ==, RAPPORT_HISTORY_BUCKET_WEEK);
  series = rapport_history_view_get_series (RAPPORT_HISTORY_VIEW (view));
  /* Bob's first meeting was before this year: the whole year shows. */
  g_assert_cmpuint (series->n_buckets, ==, 53);
  g_assert_false (series->starts_at_data);
  rapport_history_view_set_person (RAPPORT_HISTORY_VIEW (view), f->ada);
  g_assert_cmpuint (gtk_drop_down_get_selected (range), ==, RAPPORT_HISTORY_RANGE_3_MONTHS);
  g_assert_cmpuint (gtk_drop_down_get_selected (bucket), ==, RAPPORT_HISTORY_BUCKET_MONTH);
  gtk_toggle_button_set_active (team, TRUE);
  g_assert_cmpuint (gtk_drop_down_get_selected (range), ==, RAPPORT_HISTORY_RANGE_YEAR);
  g_assert_cmpuint (gtk_drop_down_get_selected (bucket), ==, RAPPORT_HISTORY_BUCKET_WEEK);

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (view);
}

/* Honest numbers in the view ---------------------------------------------- */

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static const char *
row_subtitle (GtkListBox *list,
              guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* The title and subtitle the window shows, the line over the pages, the
 * balance's sentences, the accessible description and the live label:
 * the same numbers, in the right units, weekly or monthly. */
static void
test_view_numbers (Fixture      *f,
                   gconstpointer data)
{
  GtkWidget           *window = gtk_window_new ();
  GtkWidget           *view = rapport_history_view_new (f->store);
  RapportHistoryView  *history = RAPPORT_HISTORY_VIEW (view);
  g_autofree char     *by_month = NULL;
  g_autofree char     *description = NULL;
  RapportHistoryChart *balance;
  GtkDropDown         *bucket;
  GtkListBox          *list;
  GtkLabel            *range_label;
  guint                titles = 0, subtitles = 0;
  const char          *error;

  /* Ada's 5 weekly 1:1s, ticks of two trust habits in each. */
  rapport_history_view_set_today (history, TODAY);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (view, "notify::title", G_CALLBACK (on_notify_count), &titles);
  g_signal_connect (view, "notify::subtitle", G_CALLBACK (on_notify_count), &subtitles);
  bucket = GTK_DROP_DOWN (test_ui_find (view, match_tooltip, "Group by week or by month"));

  /* The team first: the title says so. */
  g_assert_cmpstr (rapport_history_view_get_title (history), ==, "Team");
  rapport_history_view_set_person (history, f->ada);
  test_ui_spin (100);
  g_assert_cmpstr (rapport_history_view_get_title (history), ==, "Ada");
  g_assert_cmpuint (titles, ==, 1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_ui_find (view, match_tooltip,
                                                                 "Show the whole team instead of the selected person")),
                                TRUE);
  g_assert_cmpstr (rapport_history_view_get_title (history), ==, "Team");
  g_assert_cmpuint (titles, ==, 2);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_ui_find (view, match_tooltip,
                                                                 "Show the whole team instead of the selected person")),
                                FALSE);
  g_assert_cmpstr (rapport_history_view_get_title (history), ==, "Ada");

  /* By month (her default) and by week: the same meetings, said alike. */
  g_assert_cmpuint (gtk_drop_down_get_selected (bucket), ==, RAPPORT_HISTORY_BUCKET_MONTH);
  g_assert_cmpstr (rapport_history_view_get_subtitle (history), ==, "5 meetings from 9 Feb to 18 Mar 2026");
  /* Over the pages, whichever is shown. */
  range_label = GTK_LABEL (gtk_widget_get_prev_sibling (GTK_WIDGET (find_content_stack (view))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (range_label)));
  by_month = g_strdup (gtk_label_get_text (range_label));
  g_assert_cmpstr (by_month, ==, "5 meetings from 9 Feb to 18 Mar 2026. The first 1:1 was on 9 Feb 2026: "
                                 "the last 3 months hold nothing earlier.");
  subtitles = 0;
  gtk_drop_down_set_selected (bucket, RAPPORT_HISTORY_BUCKET_WEEK);
  g_assert_cmpstr (gtk_label_get_text (range_label), ==, by_month);
  g_assert_cmpstr (rapport_history_view_get_subtitle (history), ==, "5 meetings from 9 Feb to 18 Mar 2026");
  g_assert_cmpuint (subtitles, ==, 0);

  /* The balance counts checklist items, in so many meetings. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (test_ui_find_type (view, ADW_TYPE_VIEW_STACK)), "balance");
  test_ui_spin (100);
  {
    AdwViewStack *pages = ADW_VIEW_STACK (test_ui_find_type (view, ADW_TYPE_VIEW_STACK));
    GtkWidget    *page = adw_view_stack_get_child_by_name (pages, "balance");

    balance = RAPPORT_HISTORY_CHART (test_ui_find_type (page, RAPPORT_TYPE_HISTORY_CHART));
    list = GTK_LIST_BOX (chart_sibling (balance, GTK_TYPE_LIST_BOX));
  }
  g_assert_cmpstr (row_subtitle (list, 0), ==, "50 % of 10 checklist items ticked in 5 meetings");
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  /* The description says the same, after what the range covers; the live
   * label, in the same unit. */
  description = rapport_history_describe_series (rapport_history_chart_get_series (balance),
                                                 RAPPORT_HISTORY_SHOW_KINDS);
  g_assert_cmpstr (description, ==, "5 meetings from 9 Feb to 18 Mar 2026. The first 1:1 was on 9 Feb 2026: "
                                    "the last 3 months hold nothing earlier. "
                                    "Strongest: Trust, 50 % of 10 checklist items ticked in 5 meetings. "
                                    "1 of 6 weeks without a meeting.");
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (balance), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              description);
  g_assert_null (error);
  g_assert_cmpstr (gtk_label_get_text (find_live_label (balance)), ==,
                   "Week of 15 Mar: Trust 50 % (1 of 2 checklist items ticked)");

  /* Nothing to show: no subtitle to speak of, and no stale line. */
  test_core_exec (f->store, "UPDATE meetings SET deleted = 1");
  rapport_history_view_refresh (history);
  g_assert_cmpstr (rapport_history_view_get_subtitle (history), ==, "No meetings from 19 Dec 2025 to 18 Mar 2026");
  g_assert_cmpuint (subtitles, ==, 1);

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (view);
}

/* Over the range, 1:1s held against those the cadence expected, with the
 * skips, for the person and for the team (the sums). */
static GtkLabel *
find_adherence_label (GtkWidget *view)
{
  AdwViewStack        *pages = ADW_VIEW_STACK (test_ui_find_type (view, ADW_TYPE_VIEW_STACK));
  GtkWidget           *page = adw_view_stack_get_child_by_name (pages, "chart");
  RapportHistoryChart *chart = RAPPORT_HISTORY_CHART (test_ui_find_type (page, RAPPORT_TYPE_HISTORY_CHART));
  GtkWidget           *list = chart_sibling (chart, GTK_TYPE_LIST_BOX);

  return GTK_LABEL (gtk_widget_get_prev_sibling (list));
}

static void
test_view_adherence (Fixture      *f,
                     gconstpointer data)
{
  GtkWidget          *window = gtk_window_new ();
  GtkWidget          *view = rapport_history_view_new (f->store);
  RapportHistoryView *history = RAPPORT_HISTORY_VIEW (view);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMissedMeeting) leave = NULL;
  g_autoptr(RapportMissedMeeting) skip = NULL;
  gint64    cy = test_core_insert_person_every (f->store, "Cy", 7);
  GtkLabel *label;

  /* Cy, weekly from Monday 5 January to 16 March (11 Mondays): away on
   * the 9 February, skipped the 23rd, and nothing recorded for 9 March. */
  {
    static const char *dates[] = { "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26",
                                   "2026-02-02", "2026-02-16", "2026-03-02", "2026-03-16" };
    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      add_meeting (f, cy, dates[i]);
  }
  leave = rapport_missed_meeting_record (f->store, cy, "2026-02-09", RAPPORT_MISSED_SKIPPED,
                                         RAPPORT_MISSED_REASON_LEAVE, NULL, NULL, &error);
  g_assert_no_error (error);
  skip = rapport_missed_meeting_record (f->store, cy, "2026-02-23", RAPPORT_MISSED_SKIPPED,
                                        RAPPORT_MISSED_REASON_OTHER, NULL, NULL, &error);
  g_assert_no_error (error);

  rapport_history_view_set_today (history, TODAY);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  rapport_history_view_set_person (history, cy);
  test_ui_spin (100);
  label = find_adherence_label (view);

  /* 11 expected less the leave; 8 held. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "8 of 10 expected 1:1s held (80 %) · 2 skipped, 1 for leave");

  /* The team adds Ada (weekly from 9 February: 6 expected, 5 held); Bob
   * has had no 1:1 yet, so nothing is expected of him. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_ui_find (view, match_tooltip,
                                                                 "Show the whole team instead of the selected person")),
                                TRUE);
  test_ui_spin (50);
  g_assert_cmpstr (rapport_history_view_get_title (history), ==, "Team");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "13 of 16 expected 1:1s held (81 %) · 2 skipped, 1 for leave");

  /* Ada alone: nothing skipped, nothing to add. */
  rapport_history_view_set_person (history, f->ada);
  test_ui_spin (50);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "5 of 6 expected 1:1s held (83 %)");

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (view);
}

/* The sentence's forms: one, none expected, moved, nothing at all. */
static void
test_adherence_words (Fixture      *f,
                      gconstpointer data)
{
  const RapportAdherence one = { .held = 1, .expected = 1, .skipped = 1 };
  const RapportAdherence extra = { .held = 2 };
  const RapportAdherence leave_only = { .excused = 1 };
  const RapportAdherence moved = { .held = 3, .expected = 4, .excused = 1, .moved = 2 };
  const RapportAdherence nothing = { 0 };
  g_autofree char       *a = rapport_history_describe_adherence (&one);
  g_autofree char       *b = rapport_history_describe_adherence (&extra);
  g_autofree char       *c = rapport_history_describe_adherence (&leave_only);
  g_autofree char       *d = rapport_history_describe_adherence (&moved);

  g_assert_cmpstr (a, ==, "1 of 1 expected 1:1 held (100 %) · 1 skipped");
  g_assert_cmpstr (b, ==, "2 1:1s held, none expected");
  g_assert_cmpstr (c, ==, "No 1:1s expected · 1 skipped, 1 for leave");
  g_assert_cmpstr (d, ==, "3 of 4 expected 1:1s held (75 %) · 1 skipped, 1 for leave · 2 moved");
  g_assert_null (rapport_history_describe_adherence (&nothing));
}

/* The chart's own scroller (sideways) passes the wheel's vertical moves
 * to the page, and keeps the horizontal ones. */
static void
test_view_wheel (Fixture      *f,
                 gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = rapport_history_view_new (f->store);
  g_autoptr(GListModel) controllers = NULL;
  GtkEventController  *capture = NULL;
  RapportHistoryChart *chart;
  GtkWidget           *scroller, *page;
  GtkAdjustment       *vadjustment;
  gboolean             handled = FALSE;
  double               before;

  rapport_history_view_set_today (RAPPORT_HISTORY_VIEW (view), TODAY);
  gtk_window_set_child (GTK_WINDOW (window), view);
  /* Low enough for the page to scroll. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 360);
  gtk_window_present (GTK_WINDOW (window));
  rapport_history_view_set_person (RAPPORT_HISTORY_VIEW (view), f->ada);
  test_ui_spin (200);

  chart = RAPPORT_HISTORY_CHART (test_ui_find_type (view, RAPPORT_TYPE_HISTORY_CHART));
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (chart), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  page = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (page);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, gtk_adjustment_get_page_size (vadjustment));

  /* The view's wheel handler on the scroller, which runs before the
   * scroller's own. */
  controllers = gtk_widget_observe_controllers (scroller);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller) &&
          g_signal_handler_find (controller, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, view) != 0)
        capture = controller;
    }
  g_assert_nonnull (capture);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (capture), ==, GTK_PHASE_CAPTURE);

  /* Down one click: the page moves and the event stops there. */
  before = gtk_adjustment_get_value (vadjustment);
  g_signal_emit_by_name (capture, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, before);
  /* Sideways: left to the chart's scroller, the page stays. */
  before = gtk_adjustment_get_value (vadjustment);
  handled = TRUE;
  g_signal_emit_by_name (capture, "scroll", 1.0, 0.0, &handled);
  g_assert_false (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, before);

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (view);
}

static void
collect_row_labels (GtkWidget *widget,
                    GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_row_labels (child, labels);
}

/* Scrolled to its end, the table's last column is whole, clear of the
 * scroll bar, and no cell is narrower than its text. */
static void
test_view_table_end (Fixture      *f,
                     gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = rapport_history_view_new (f->store);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkColumnView *table;
  GtkWidget     *scroller;
  GtkAdjustment *hadjustment;
  double         rightmost = 0;

  for (int d = 1; d <= 28; d += 3)
    {
      g_autofree char *date = g_strdup_printf ("2026-01-%02d", d);
      test_core_insert_meeting (f->store, f->bob, date, 3, "1101011101", FALSE);
    }
  rapport_history_view_set_today (RAPPORT_HISTORY_VIEW (view), TODAY);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 500);
  gtk_window_present (GTK_WINDOW (window));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (test_ui_find_type (view, ADW_TYPE_VIEW_STACK)), "table");
  test_ui_spin (200);

  table = GTK_COLUMN_VIEW (test_ui_find_type (view, GTK_TYPE_COLUMN_VIEW));
  scroller = gtk_widget_get_parent (GTK_WIDGET (table));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* More columns than the window holds: the table scrolls sideways. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_upper (hadjustment));
  test_ui_spin (200);

  collect_row_labels (GTK_WIDGET (table), labels);
  g_assert_cmpuint (labels->len, >, 10);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget      *label = g_ptr_array_index (labels, i);
      graphene_rect_t bounds;
      int             natural;

      g_assert_true (gtk_widget_compute_bounds (label, scroller, &bounds));
      if (bounds.origin.x + bounds.size.width <= 0)
        continue; /* scrolled out on the left */
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (natural > gtk_widget_get_width (label))
        g_error ("“%s” is %d px wide in %d px", gtk_label_get_text (GTK_LABEL (label)), natural,
                 gtk_widget_get_width (label));
      rightmost = MAX (rightmost, bounds.origin.x + bounds.size.width);
    }
  g_test_message ("rightmost text ends at %.0f of %d px", rightmost, gtk_widget_get_width (scroller));
  /* Clear of an overlay scroll bar along the right edge. */
  g_assert_cmpfloat (rightmost, <=, gtk_widget_get_width (scroller) - 10);

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (view);
}

int
main (int argc, char *argv[])
{
  /* The test backend keeps the accessible properties, so that the chart's
   * description can be checked without an accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/history/draw-pixels", test_draw_pixels);
  ADD ("/ui/history/words", test_words);
  ADD ("/ui/history/axis-labels", test_axis_labels);
  ADD ("/ui/history/axis-years", test_axis_years);
  ADD ("/ui/history/widget", test_widget);
  ADD ("/ui/history/view", test_view);
  ADD ("/ui/history/view-follow-through", test_view_follow_through);
  ADD ("/ui/history/view-default-range", test_view_default_range);
  ADD ("/ui/history/slug", test_slug);
  ADD ("/ui/history/view-export", test_view_export);
  ADD ("/ui/history/view-narrow", test_view_narrow);
  ADD ("/ui/history/view-switcher", test_view_switcher);
  ADD ("/ui/history/view-numbers", test_view_numbers);
  ADD ("/ui/history/view-wheel", test_view_wheel);
  ADD ("/ui/history/view-table-end", test_view_table_end);
  ADD ("/ui/history/view-adherence", test_view_adherence);
  ADD ("/ui/history/adherence-words", test_adherence_words);
#undef ADD

  return g_test_run ();
}
