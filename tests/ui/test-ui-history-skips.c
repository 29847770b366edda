/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Skipped and moved 1:1s on the History chart (issue 11): read with the
 * series, a mark per 1:1 at its day in a lane per kind between the
 * meeting counts and the time axis, in words for the keyboard and
 * assistive technology, and in the PNG and SVG exports. */
#include "config.h"

#include <adwaita.h>
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
  gint64        cy;
  gint64        dee;
  gint64        eve; /* archived */
} Fixture;

static void
record (Fixture            *f,
        gint64              person,
        const char         *date,
        RapportMissedKind   kind,
        RapportMissedReason reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMissedMeeting) missed =
    rapport_missed_meeting_record (f->store, person, date, kind, reason, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (missed);
}

/* Cy meets weekly on Mondays from 5 January: away on 9 February, skipped
 * the 23rd, moved the 9 March. Dee skipped the 23rd too; Eve, archived
 * since, skipped the 2nd of March. One skip before the range and one
 * deleted do not count. */
static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  static const char *cy_dates[] = { "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26",
                                    "2026-02-02", "2026-02-16", "2026-03-02", "2026-03-16" };
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMissedMeeting) gone = NULL;

  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->cy = test_core_insert_person_every (f->store, "Cy", 7);
  f->dee = test_core_insert_person_every (f->store, "Dee", 7);
  f->eve = test_core_insert_person (f->store, "Eve", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (cy_dates); i++)
    test_core_insert_meeting (f->store, f->cy, cy_dates[i], 3, "10", FALSE);
  test_core_insert_meeting (f->store, f->dee, "2026-02-16", 4, "11", FALSE);
  test_core_insert_meeting (f->store, f->dee, "2026-03-09", 4, "11", FALSE);
  test_core_insert_meeting (f->store, f->eve, "2026-02-16", 4, "11", FALSE);

  record (f, f->cy, "2026-02-09", RAPPORT_MISSED_SKIPPED, RAPPORT_MISSED_REASON_LEAVE);
  record (f, f->cy, "2026-02-23", RAPPORT_MISSED_SKIPPED, RAPPORT_MISSED_REASON_OTHER);
  record (f, f->cy, "2026-03-09", RAPPORT_MISSED_MOVED, RAPPORT_MISSED_REASON_OTHER);
  record (f, f->cy, "2025-10-06", RAPPORT_MISSED_SKIPPED, RAPPORT_MISSED_REASON_OTHER);
  record (f, f->dee, "2026-02-23", RAPPORT_MISSED_SKIPPED, RAPPORT_MISSED_REASON_OTHER);
  record (f, f->eve, "2026-03-02", RAPPORT_MISSED_SKIPPED, RAPPORT_MISSED_REASON_OTHER);
  gone = rapport_missed_meeting_record (f->store, f->dee, "2026-03-02", RAPPORT_MISSED_SKIPPED,
                                        RAPPORT_MISSED_REASON_OTHER, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_missed_meeting_hide (f->store, rapport_missed_meeting_get_id (gone), TRUE, &error));
  g_assert_no_error (error);
  test_core_exec (f->store, "UPDATE people SET archived = 1 WHERE name = 'Eve'");
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

/* Three months by week from Monday, with the skips read as the view
 * reads them. */
static RapportHistorySeries *
compute (Fixture *f,
         gint64   person,
         gboolean include_archived)
{
  g_autoptr(GError) error = NULL;
  RapportHistoryQuery   query;
  RapportHistorySeries *series;

  rapport_history_query_init (&query, person, RAPPORT_HISTORY_RANGE_3_MONTHS,
                              RAPPORT_HISTORY_BUCKET_WEEK, 1, TODAY);
  query.include_archived = include_archived;
  series = rapport_history_compute (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_history_series_add_missed (series, f->store, person, include_archived, &error));
  g_assert_no_error (error);
  return series;
}

static void
assert_missed (const RapportHistorySeries *series,
               guint                       index,
               const char                 *date,
               RapportHistoryMissedKind    kind)
{
  const RapportHistoryMissed *missed;
  GDate                       day;

  g_assert_cmpuint (index, <, series->missed->len);
  missed = &g_array_index (series->missed, RapportHistoryMissed, index);
  g_date_clear (&day, 1);
  g_date_set_parse (&day, date);
  g_assert_cmpint (g_date_compare (&missed->date, &day), ==, 0);
  g_assert_cmpint (missed->kind, ==, kind);
  /* In the bucket that holds its day. */
  g_assert_cmpint (g_date_compare (&series->starts[missed->bucket], &day), <=, 0);
  g_assert_cmpint (g_date_compare (&day, &series->starts[missed->bucket + 1]), <, 0);
}

static void
test_series (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(RapportHistorySeries) cy = compute (f, f->cy, FALSE);
  g_autoptr(RapportHistorySeries) team = compute (f, 0, FALSE);
  g_autoptr(RapportHistorySeries) all = compute (f, 0, TRUE);
  guint first;

  /* Cy's three in the range, oldest first; the one of October is before it. */
  g_assert_cmpuint (cy->missed->len, ==, 3);
  assert_missed (cy, 0, "2026-02-09", RAPPORT_HISTORY_MISSED_LEAVE);
  assert_missed (cy, 1, "2026-02-23", RAPPORT_HISTORY_MISSED_SKIPPED);
  assert_missed (cy, 2, "2026-03-09", RAPPORT_HISTORY_MISSED_MOVED);
  g_assert_cmpuint (cy->n_missed[RAPPORT_HISTORY_MISSED_SKIPPED], ==, 1);
  g_assert_cmpuint (cy->n_missed[RAPPORT_HISTORY_MISSED_LEAVE], ==, 1);
  g_assert_cmpuint (cy->n_missed[RAPPORT_HISTORY_MISSED_MOVED], ==, 1);
  /* The range starts on Thursday 18 December: 9 February is in the
   * ninth bucket (the first is cut short, then weeks from Monday). */
  g_assert_cmpuint (g_array_index (cy->missed, RapportHistoryMissed, 0).bucket, ==, 8);
  g_assert_cmpuint (rapport_history_series_missed_in (cy, 8, &first), ==, 1);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (rapport_history_series_missed_in (cy, 9, NULL), ==, 0);
  g_assert_cmpuint (rapport_history_series_missed_in (cy, 10, &first), ==, 1);
  g_assert_cmpuint (first, ==, 1);

  /* The team: Dee's too, not the archived Eve's nor the deleted one. */
  g_assert_cmpuint (team->missed->len, ==, 4);
  g_assert_cmpuint (team->n_missed[RAPPORT_HISTORY_MISSED_SKIPPED], ==, 2);
  g_assert_cmpuint (rapport_history_series_missed_in (team, 10, NULL), ==, 2);
  /* With the archived people, Eve's. */
  g_assert_cmpuint (all->missed->len, ==, 5);
  assert_missed (all, 3, "2026-03-02", RAPPORT_HISTORY_MISSED_SKIPPED);
}

/* Where the marks go: one per missed 1:1, at its day, in the lane of its
 * kind between the meeting counts and the axis. */
static void
test_layout (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(RapportHistorySeries) cy = compute (f, f->cy, FALSE);
  g_autoptr(RapportHistorySeries) team = compute (f, 0, FALSE);
  RapportHistoryStyle      style;
  RapportHistoryLayout     layout;
  const RapportHistoryRow *counts;
  int                      height, plain_height;
  guint                    skipped_lane = G_MAXUINT;

  rapport_history_style_init_light (&style);
  height = rapport_history_natural_height (cy, &style);
  rapport_history_layout_init (&layout, cy, &style, 800, height);
  counts = &layout.rows[layout.n_rows - 1];
  g_assert_cmpint (counts->kind, ==, RAPPORT_HISTORY_ROW_COUNT);

  /* Three lanes, in the order of the kinds, under the counts. */
  g_assert_cmpuint (layout.n_lanes, ==, 3);
  g_assert_cmpint (layout.lanes[0].kind, ==, RAPPORT_HISTORY_MISSED_SKIPPED);
  g_assert_cmpint (layout.lanes[1].kind, ==, RAPPORT_HISTORY_MISSED_LEAVE);
  g_assert_cmpint (layout.lanes[2].kind, ==, RAPPORT_HISTORY_MISSED_MOVED);
  g_assert_cmpfloat (layout.lanes[0].y, >=, counts->y + counts->height);
  g_assert_cmpfloat_with_epsilon (layout.axis_y, layout.lanes[2].y + layout.lanes[2].height, 0.01);
  g_assert_cmpint (rapport_history_layout_lane_at (&layout, layout.lanes[1].center), ==, 1);
  g_assert_cmpint (rapport_history_layout_lane_at (&layout, counts->y + 1), ==, -1);

  /* A mark per 1:1 at its day: Mondays, the first day of their week,
   * i.e. half a day's width into their bucket. */
  g_assert_cmpuint (layout.n_marks, ==, 3);
  {
    static const guint                    buckets[] = { 8, 10, 12 };
    static const RapportHistoryMissedKind kinds[] = { RAPPORT_HISTORY_MISSED_LEAVE,
                                                      RAPPORT_HISTORY_MISSED_SKIPPED,
                                                      RAPPORT_HISTORY_MISSED_MOVED };
    static const guint                    lanes[] = { 1, 0, 2 };

    for (guint m = 0; m < 3; m++)
      {
        double expected = layout.plot_x0 + layout.bucket_width * (buckets[m] + 0.5 / 7);

        g_test_message ("mark %u at %.2f, %.2f", m, layout.marks[m].x, layout.marks[m].y);
        g_assert_cmpint (layout.marks[m].kind, ==, kinds[m]);
        g_assert_cmpuint (layout.marks[m].missed, ==, m);
        g_assert_cmpfloat_with_epsilon (layout.marks[m].x, expected, 0.01);
        g_assert_cmpfloat_with_epsilon (layout.marks[m].y, layout.lanes[lanes[m]].center, 0.01);
      }
  }
  rapport_history_layout_clear (&layout);

  /* The lanes make the chart taller by their height, and only they. */
  g_array_set_size (cy->missed, 0);
  memset (cy->n_missed, 0, sizeof cy->n_missed);
  plain_height = rapport_history_natural_height (cy, &style);
  g_assert_cmpint (height - plain_height, ==, (int) (3 * RAPPORT_HISTORY_LANE_HEIGHT));
  rapport_history_layout_init (&layout, cy, &style, 800, plain_height);
  g_assert_cmpuint (layout.n_lanes, ==, 0);
  g_assert_cmpuint (layout.n_marks, ==, 0);
  rapport_history_layout_clear (&layout);

  /* The team: two skips of the same Monday stay two marks, one a little
   * off the lane's line. */
  rapport_history_layout_init (&layout, team, &style, 800, rapport_history_natural_height (team, &style));
  g_assert_cmpuint (layout.n_lanes, ==, 3);
  g_assert_cmpuint (layout.n_marks, ==, 4);
  for (guint l = 0; l < layout.n_lanes; l++)
    if (layout.lanes[l].kind == RAPPORT_HISTORY_MISSED_SKIPPED)
      skipped_lane = l;
  g_assert_cmpuint (skipped_lane, ==, 0);
  g_assert_cmpfloat_with_epsilon (layout.marks[1].x, layout.marks[2].x, 0.01);
  g_assert_cmpint (layout.marks[1].kind, ==, RAPPORT_HISTORY_MISSED_SKIPPED);
  g_assert_cmpint (layout.marks[2].kind, ==, RAPPORT_HISTORY_MISSED_SKIPPED);
  g_assert_cmpfloat (fabs (layout.marks[1].y - layout.marks[2].y), >=, 3);
  g_assert_cmpfloat (fabs (layout.marks[2].y - layout.lanes[0].center), <, RAPPORT_HISTORY_LANE_HEIGHT / 2);
  rapport_history_layout_clear (&layout);
}

/* Pixels ----------------------------------------------------------------- */

/* How many pixels of the square of @half logical pixels around (x, y)
 * are dark (marks and text, not the faint grid), in an image drawn at
 * @scale. */
static guint
dark_pixels (const guchar *data,
             int           stride,
             int           scale,
             double        x,
             double        y,
             double        half)
{
  guint n = 0;

  for (int py = (int) ((y - half) * scale); py < (int) ((y + half) * scale); py++)
    for (int px = (int) ((x - half) * scale); px < (int) ((x + half) * scale); px++)
      {
        guint32 value = *(const guint32 *) (data + py * stride + px * 4);

        if (((value >> 16) & 0xff) < 150 && ((value >> 8) & 0xff) < 150 && (value & 0xff) < 150)
          n++;
      }
  return n;
}

/* The marks are drawn where the layout puts them, and nothing is drawn
 * there without them. */
static void
test_draw (Fixture      *f,
           gconstpointer data)
{
  g_autoptr(RapportHistorySeries) cy = compute (f, f->cy, FALSE);
  RapportHistoryStyle  style;
  RapportHistoryLayout layout;
  cairo_surface_t     *surface;
  cairo_t             *cr;
  int                  height;

  rapport_history_style_init_light (&style);
  height = rapport_history_natural_height (cy, &style);
  rapport_history_layout_init (&layout, cy, &style, 800, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, height * 2);
  cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  rapport_history_draw (cr, cy, &style, 800, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (guint m = 0; m < layout.n_marks; m++)
    g_assert_cmpuint (dark_pixels (cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface),
                                   2, layout.marks[m].x, layout.marks[m].y, RAPPORT_HISTORY_MARK_SIZE / 2),
                      >=, 8);
  /* Between the marks, the lanes hold only their faint line. */
  g_assert_cmpuint (dark_pixels (cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface), 2,
                                 (layout.marks[0].x + layout.marks[1].x) / 2, layout.lanes[0].center,
                                 RAPPORT_HISTORY_MARK_SIZE / 2),
                    ==, 0);
  cairo_surface_destroy (surface);
  rapport_history_layout_clear (&layout);

  /* Each lane's legend: its name, as the axis labels' font draws it. */
  g_assert_cmpstr (rapport_history_missed_label (RAPPORT_HISTORY_MISSED_SKIPPED), ==, "Skipped");
  g_assert_cmpstr (rapport_history_missed_label (RAPPORT_HISTORY_MISSED_LEAVE), ==, "On leave");
  g_assert_cmpstr (rapport_history_missed_label (RAPPORT_HISTORY_MISSED_MOVED), ==, "Moved");
}

/* In words: the point's text for the keyboard, the range's for
 * assistive technology. */
static void
test_words (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(RapportHistorySeries) cy = compute (f, f->cy, FALSE);
  g_autoptr(RapportHistorySeries) team = compute (f, 0, TRUE);
  g_autofree char     *point = NULL;
  g_autofree char     *quiet = NULL;
  g_autofree char     *range = NULL;
  g_autofree char     *team_range = NULL;
  g_autofree char     *description = NULL;
  RapportHistoryStyle  style;
  RapportHistoryLayout layout;

  rapport_history_style_init_light (&style);
  rapport_history_layout_init (&layout, cy, &style, 800, 600);
  point = rapport_history_describe_point (cy, &layout.rows[layout.n_rows - 1], 8);
  g_assert_cmpstr (point, ==, "Week of 9 Feb: 0 meetings · skipped on 9 Feb, for leave");
  quiet = rapport_history_describe_point (cy, &layout.rows[layout.n_rows - 1], 7);
  g_assert_cmpstr (quiet, ==, "Week of 2 Feb: 1 meeting");
  rapport_history_layout_clear (&layout);

  range = rapport_history_describe_missed_range (cy);
  g_assert_cmpstr (range, ==, "Marked on the time axis: 2 skipped, 1 for leave, 1 moved "
                              "(skipped on 9 Feb, for leave; skipped on 23 Feb; moved from 9 Mar).");
  description = rapport_history_describe_series (cy, RAPPORT_HISTORY_SHOW_HABITS);
  g_assert_nonnull (strstr (description, range));
  team_range = rapport_history_describe_missed_range (team);
  g_assert_cmpstr (team_range, ==, "Marked on the time axis: 4 skipped, 1 for leave, 1 moved "
                                   "(skipped on 9 Feb, for leave; skipped on 23 Feb; skipped on 23 Feb; "
                                   "skipped on 2 Mar; moved from 9 Mar).");
}

/* The view ---------------------------------------------------------------- */

static gboolean
match_tooltip (GtkWidget    *widget,
               gconstpointer tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The table's cells: labels of the "numeric" class. */
static guint
count_cells (GtkWidget *widget)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_cells (child);
  return n;
}

/* The table makes its cells only once it is shown (issue 12: GTK makes
 * them for every row of a hidden list), and has its rows and columns
 * all along. */
static void
test_table_cells (Fixture      *f,
                  gconstpointer data)
{
  GtkWidget     *window = gtk_window_new ();
  GtkWidget     *view = rapport_history_view_new (f->store);
  GtkColumnView *table;
  AdwViewStack  *pages;

  rapport_history_view_set_today (RAPPORT_HISTORY_VIEW (view), TODAY);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  rapport_history_view_set_person (RAPPORT_HISTORY_VIEW (view), f->cy);
  test_ui_spin (100);
  table = GTK_COLUMN_VIEW (test_ui_find_type (view, GTK_TYPE_COLUMN_VIEW));
  pages = ADW_VIEW_STACK (test_ui_find_type (view, ADW_TYPE_VIEW_STACK));

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "chart");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), >, 3);
  g_assert_cmpuint (count_cells (GTK_WIDGET (table)), ==, 0);

  adw_view_stack_set_visible_child_name (pages, "table");
  test_ui_spin (100);
  g_assert_cmpuint (count_cells (GTK_WIDGET (table)), >, 0);

  /* Refreshed while shown, it keeps its cells. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_ui_find (view, match_tooltip,
                                                                 "Show the whole team instead of the selected person")),
                                TRUE);
  test_ui_spin (100);
  g_assert_cmpuint (count_cells (GTK_WIDGET (table)), >, 0);

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (view);
}

/* The view reads the skips for the person and for the team, the chart
 * says them, and its exports draw and name them. */
static void
test_view (Fixture      *f,
           gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = rapport_history_view_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char      *png = g_build_filename (f->dir, "skips.png", NULL);
  g_autofree char      *svg = g_build_filename (f->dir, "skips.svg", NULL);
  g_autofree char      *contents = NULL;
  g_autofree char      *range = NULL;
  g_autofree char      *description = NULL;
  g_autofree char      *subtitle = NULL;
  RapportHistoryChart  *chart;
  RapportHistorySeries *series;
  RapportHistoryStyle   style;
  RapportHistoryLayout  layout;
  int                   width, height;
  guint                 found = 0;

  rapport_history_view_set_today (RAPPORT_HISTORY_VIEW (view), TODAY);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  rapport_history_view_set_person (RAPPORT_HISTORY_VIEW (view), f->cy);
  test_ui_spin (100);
  chart = RAPPORT_HISTORY_CHART (test_ui_find_type (view, RAPPORT_TYPE_HISTORY_CHART));
  series = rapport_history_chart_get_series (chart);
  g_assert_nonnull (series);
  g_assert_cmpuint (series->missed->len, ==, 3);

  /* Said to assistive technology. */
  range = rapport_history_describe_missed_range (series);
  g_assert_nonnull (strstr (range, "skipped on 23 Feb"));
  description = rapport_history_describe_series (series, RAPPORT_HISTORY_SHOW_HABITS);
  g_assert_nonnull (strstr (description, range));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     description));

  /* The keyboard: the status of a week or month with a skip says it
   * (one person opens by month). */
  gtk_widget_grab_focus (GTK_WIDGET (chart));
  test_ui_spin (50);
  test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Home);
  for (guint i = 0; i < series->n_buckets; i++)
    {
      const char *status = rapport_history_chart_get_status (chart);
      guint       n = rapport_history_series_missed_in (series, i, NULL);

      if (n > 0)
        {
          g_test_message ("%s", status);
          g_assert_nonnull (strstr (status, " · "));
          found += n;
        }
      else
        g_assert_null (strstr (status, "skipped"));
      if (i + 1 < series->n_buckets)
        test_ui_press_key (GTK_WIDGET (chart), GDK_KEY_Right);
    }
  g_assert_cmpuint (found, ==, 3);

  /* The PNG draws the marks where the layout of the exported chart puts
   * them (scale 2, under the title and the subtitle). */
  g_assert_true (rapport_history_view_export (RAPPORT_HISTORY_VIEW (view), png, RAPPORT_HISTORY_EXPORT_PNG, &error));
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  rapport_history_style_init_light (&style);
  style.title = "title";
  subtitle = rapport_history_series_range_text (series);
  style.subtitle = subtitle;
  width = gdk_pixbuf_get_width (pixbuf) / 2;
  height = rapport_history_natural_height (series, &style);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, height * 2);
  rapport_history_layout_init (&layout, series, &style, width, height);
  g_assert_cmpuint (layout.n_marks, ==, 3);
  {
    /* Convert to cairo's layout to reuse the pixel count. */
    int           stride = gdk_pixbuf_get_rowstride (pixbuf);
    int           channels = gdk_pixbuf_get_n_channels (pixbuf);
    const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);

    for (guint m = 0; m < layout.n_marks; m++)
      {
        guint n = 0;

        for (int py = (int) ((layout.marks[m].y - 3.5) * 2); py < (int) ((layout.marks[m].y + 3.5) * 2); py++)
          for (int px = (int) ((layout.marks[m].x - 3.5) * 2); px < (int) ((layout.marks[m].x + 3.5) * 2); px++)
            {
              const guchar *p = pixels + py * stride + px * channels;

              if (p[0] < 150 && p[1] < 150 && p[2] < 150)
                n++;
            }
        g_assert_cmpuint (n, >=, 8);
      }
  }
  rapport_history_layout_clear (&layout);

  /* The SVG names them in its description. */
  g_assert_true (rapport_history_view_export (RAPPORT_HISTORY_VIEW (view), svg, RAPPORT_HISTORY_EXPORT_SVG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<desc>8 meetings from 5 Jan to 18 Mar 2026. "));
  g_assert_nonnull (strstr (contents, "Marked on the time axis: 2 skipped, 1 for leave, 1 moved "
                                      "(skipped on 9 Feb, for leave; skipped on 23 Feb; moved from 9 Mar).</desc>"));
  g_clear_pointer (&contents, g_free);

  /* The team's: Dee's skip too, not the archived Eve's. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_ui_find (view, match_tooltip,
                                                                 "Show the whole team instead of the selected person")),
                                TRUE);
  test_ui_spin (50);
  series = rapport_history_chart_get_series (chart);
  g_assert_cmpuint (series->missed->len, ==, 4);
  g_assert_true (rapport_history_view_export (RAPPORT_HISTORY_VIEW (view), svg, RAPPORT_HISTORY_EXPORT_SVG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "Marked on the time axis: 3 skipped, 1 for leave, 1 moved"));
  g_clear_pointer (&contents, g_free);
  gtk_widget_activate_action (view, "history.include-archived", NULL);
  test_ui_spin (50);
  series = rapport_history_chart_get_series (chart);
  g_assert_cmpuint (series->missed->len, ==, 5);

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (view);
}

int
main (int argc, char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/history-skips/series", test_series);
  ADD ("/ui/history-skips/layout", test_layout);
  ADD ("/ui/history-skips/draw", test_draw);
  ADD ("/ui/history-skips/words", test_words);
  ADD ("/ui/history-skips/view", test_view);
  ADD ("/ui/history-skips/table-cells", test_table_cells);
#undef ADD

  return g_test_run ();
}
