/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-history"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "rapport-history-draw.h"

#define DEFAULT_FONT "Cantarell, Sans 10"

/* Text ------------------------------------------------------------------- */

static void
set_source (cairo_t                   *cr,
            const RapportHistoryColor *color,
            double                     alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

typedef enum
{
  ALIGN_START,
  ALIGN_CENTER,
  ALIGN_END
} Align;

/* Draws @text on one line, vertically centred on @cy. */
static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       cy,
           double       width,
           Align        align)
{
  int    w, h;
  double dx = 0;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (align == ALIGN_CENTER)
    dx = -w / 2.0;
  else if (align == ALIGN_END)
    dx = -w;
  cairo_move_to (cr, x + dx, cy - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static PangoLayout *
make_layout (cairo_t                    *cr,
             const PangoFontDescription *font,
             double                      scale,
             gboolean                    bold)
{
  PangoLayout          *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_copy (font);
  PangoAttrList        *attrs = pango_attr_list_new ();
  int                   size = pango_font_description_get_size (desc);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size * scale);
  else
    pango_font_description_set_size (desc, (int) (size * scale));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  /* Tabular figures keep columns of numbers from jittering. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_attr_list_unref (attrs);
  pango_font_description_free (desc);
  return layout;
}

/* Drawing ---------------------------------------------------------------- */

static void
draw_series_line (cairo_t                    *cr,
                  const RapportHistorySeries *series,
                  const RapportHistoryLayout *layout,
                  const RapportHistoryRow    *row,
                  const RapportHistoryStyle  *style,
                  gboolean                    highlighted)
{
  double line_width = (style->high_contrast || highlighted) ? 3.0 : 2.0;
  double span = row->plot_bottom - row->plot_top;
  guint  i = 0;

  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  while (i < series->n_buckets)
    {
      guint first, last;

      if (isnan (rapport_history_row_value (series, row, i)))
        {
          i++;
          continue;
        }
      /* One run of buckets with data; a gap ends it. */
      first = i;
      while (i < series->n_buckets && !isnan (rapport_history_row_value (series, row, i)))
        i++;
      last = i - 1;

      if (first == last)
        {
          double x = rapport_history_layout_bucket_x (layout, first);
          double y = row->plot_bottom - rapport_history_row_value (series, row, first) * span;

          cairo_new_path (cr);
          cairo_arc (cr, x, y, line_width + 0.5, 0, 2 * G_PI);
          set_source (cr, &style->accent, 1.0);
          cairo_fill (cr);
          continue;
        }

      cairo_new_path (cr);
      for (guint j = first; j <= last; j++)
        cairo_line_to (cr, rapport_history_layout_bucket_x (layout, j),
                       row->plot_bottom - rapport_history_row_value (series, row, j) * span);
      if (!style->high_contrast)
        {
          cairo_path_t *line = cairo_copy_path (cr);

          cairo_line_to (cr, rapport_history_layout_bucket_x (layout, last), row->plot_bottom);
          cairo_line_to (cr, rapport_history_layout_bucket_x (layout, first), row->plot_bottom);
          cairo_close_path (cr);
          set_source (cr, &style->accent, 0.12);
          cairo_fill (cr);
          cairo_append_path (cr, line);
          cairo_path_destroy (line);
        }
      set_source (cr, &style->accent, 1.0);
      cairo_stroke (cr);
    }
}

static void
draw_counts (cairo_t                    *cr,
             const RapportHistorySeries *series,
             const RapportHistoryLayout *layout,
             const RapportHistoryRow    *row,
             const RapportHistoryStyle  *style)
{
  guint  max = 1;
  guint  thin = rapport_history_series_thin_limit (series);
  double bar = MAX (1.0, layout->bucket_width * 0.7);
  double span = row->plot_bottom - row->plot_top;
  double alpha = style->high_contrast ? 0.8 : 0.4;

  for (guint i = 0; i < series->n_buckets; i++)
    max = MAX (max, series->meetings[i]);

  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < series->n_buckets; i++)
    {
      double h, x;

      if (series->meetings[i] == 0)
        continue;
      h = MAX (2.0, span * series->meetings[i] / max);
      x = rapport_history_layout_bucket_x (layout, i) - bar / 2;
      set_source (cr, &style->foreground, alpha);
      /* Fewer meetings than usual for the series (and than three):
       * hollow, so that a 100 % resting on one meeting is seen as such
       * where it is unusual (see rapport_history_series_thin_limit()). */
      if (series->meetings[i] < thin && bar >= 3)
        {
          cairo_rectangle (cr, x + 0.5, row->plot_bottom - h + 0.5, bar - 1, h - 1);
          cairo_stroke (cr);
        }
      else
        {
          cairo_rectangle (cr, x, row->plot_bottom - h, bar, h);
          cairo_fill (cr);
        }
    }
}

/* The mark of a skipped or moved 1:1: a cross for a skip, a ring for a
 * skip for leave, a triangle pointing on for a move; shapes, not colours,
 * tell them apart, in every theme and in print. */
static void
draw_mark (cairo_t                   *cr,
           RapportHistoryMissedKind   kind,
           double                     x,
           double                     y,
           const RapportHistoryStyle *style)
{
  double r = RAPPORT_HISTORY_MARK_SIZE / 2;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, style->high_contrast ? 2.0 : 1.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_source (cr, &style->foreground, style->high_contrast ? 1.0 : 0.85);
  switch (kind)
    {
    case RAPPORT_HISTORY_MISSED_LEAVE:
      cairo_arc (cr, x, y, r - 0.75, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    case RAPPORT_HISTORY_MISSED_MOVED:
      cairo_move_to (cr, x - r + 1, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x - r + 1, y + r);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case RAPPORT_HISTORY_MISSED_SKIPPED:
    default:
      cairo_move_to (cr, x - r + 0.5, y - r + 0.5);
      cairo_line_to (cr, x + r - 0.5, y + r - 0.5);
      cairo_move_to (cr, x + r - 0.5, y - r + 0.5);
      cairo_line_to (cr, x - r + 0.5, y + r - 0.5);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

const char *
rapport_history_missed_label (RapportHistoryMissedKind kind)
{
  switch (kind)
    {
    case RAPPORT_HISTORY_MISSED_LEAVE:
      /* Translators: a lane of the history chart: 1:1s skipped for leave */
      return _("On leave");
    case RAPPORT_HISTORY_MISSED_MOVED:
      /* Translators: a lane of the history chart: 1:1s moved to another day */
      return _("Moved");
    case RAPPORT_HISTORY_MISSED_SKIPPED:
    default:
      /* Translators: a lane of the history chart: 1:1s skipped */
      return _("Skipped");
    }
}

/* The lanes of skipped and moved 1:1s: in the label column the mark and
 * its name (the legend), the marks at their days, the count at the end. */
static void
draw_lanes (cairo_t                    *cr,
            const RapportHistorySeries *series,
            const RapportHistoryLayout *layout,
            const RapportHistoryStyle  *style,
            PangoLayout                *small)
{
  double text_alpha = style->high_contrast ? 1.0 : 0.8;
  double grid_alpha = style->high_contrast ? 0.45 : 0.12;

  for (guint l = 0; l < layout->n_lanes; l++)
    {
      const RapportHistoryLane *lane = &layout->lanes[l];
      char                      count[16];

      set_source (cr, &style->foreground, grid_alpha);
      cairo_rectangle (cr, layout->plot_x0, round (lane->center) - 0.5, layout->plot_x1 - layout->plot_x0, 1);
      cairo_fill (cr);

      draw_mark (cr, lane->kind, layout->label_x + RAPPORT_HISTORY_MARK_SIZE / 2, lane->center, style);
      set_source (cr, &style->foreground, text_alpha);
      draw_text (cr, small, rapport_history_missed_label (lane->kind),
                 layout->label_x + RAPPORT_HISTORY_MARK_SIZE + 5, lane->center,
                 layout->label_width - RAPPORT_HISTORY_MARK_SIZE - 5, ALIGN_START);
      g_snprintf (count, sizeof count, "%u", series->n_missed[lane->kind]);
      draw_text (cr, small, count, layout->width - RAPPORT_HISTORY_PAD, lane->center,
                 RAPPORT_HISTORY_VALUE_WIDTH - 8, ALIGN_END);
    }
  for (guint m = 0; m < layout->n_marks; m++)
    draw_mark (cr, layout->marks[m].kind, layout->marks[m].x, layout->marks[m].y, style);
}

typedef struct
{
  char  *text;
  double x;     /* the tick */
  double start; /* where the text starts */
} AxisLabel;

static void
axis_label_clear (gpointer data)
{
  g_free (((AxisLabel *) data)->text);
}

/* The time axis: the range's first day at the chart's start, with its
 * year ("Data starts 7 Jan 2026" when that is the first 1:1 and the range
 * asked for starts earlier), then ticks that name the year again where it
 * changes, so that an exported chart says when it is. Every tick has its
 * label: a tick whose label would leave the image or touch the one before
 * is left out, label and all. */
static GArray *
axis_labels (const RapportHistorySeries *series,
             const RapportHistoryLayout *layout,
             PangoLayout                *small)
{
  GArray *labels = g_array_new (FALSE, FALSE, sizeof (AxisLabel));
  double  label_px = series->bucket == RAPPORT_HISTORY_BUCKET_MONTH ? 76 : 60;
  double  last_end;
  int     last_year, w, h;
  guint   every;

  g_array_set_clear_func (labels, axis_label_clear);

  /* Space the ticks for the labels as the font draws them. */
  {
    g_autofree char *sample = rapport_history_series_tick_label (series, 0, FALSE);

    pango_layout_set_text (small, sample, -1);
    pango_layout_set_width (small, -1);
    pango_layout_get_pixel_size (small, &w, &h);
    label_px = MAX (label_px, w + 16);
  }
  every = MAX (1, (guint) ceil (label_px / MAX (layout->bucket_width, 0.1)));

  /* Months: prefer ticks on January, April, July, October or on a year. */
  if (series->bucket == RAPPORT_HISTORY_BUCKET_MONTH && every > 1)
    every = every <= 3 ? 3 : every <= 6 ? 6
                                        : ((every + 11) / 12) * 12;

  /* The start, on the plot's left edge, reading to the right; in a
   * narrow chart, the date alone (the dashed line still marks it). */
  {
    AxisLabel label = { rapport_history_series_start_label (series, FALSE), round (layout->plot_x0), 0 };

    label.start = label.x - 1;
    pango_layout_set_text (small, label.text, -1);
    pango_layout_get_pixel_size (small, &w, &h);
    if (w > (layout->plot_x1 - layout->plot_x0) / 2)
      {
        g_free (label.text);
        label.text = rapport_history_series_start_label (series, TRUE);
        pango_layout_set_text (small, label.text, -1);
        pango_layout_get_pixel_size (small, &w, &h);
      }
    last_end = label.start + w;
    last_year = g_date_get_year (&series->first);
    g_array_append_val (labels, label);
  }

  for (guint i = 1; i < series->n_buckets; i++)
    {
      int       year = g_date_get_year (&series->starts[i]);
      AxisLabel label;

      if (series->bucket == RAPPORT_HISTORY_BUCKET_MONTH && every > 1)
        {
          if ((g_date_get_month (&series->starts[i]) - 1) % MIN (every, 12) != 0 ||
              (every > 12 && g_date_get_year (&series->starts[i]) % (every / 12) != 0))
            continue;
        }
      else if (i % every != 0)
        continue;

      label.x = rapport_history_layout_bucket_x (layout, i);
      label.text = rapport_history_series_tick_label (series, i, year != last_year);
      /* Centred on the tick. */
      pango_layout_set_text (small, label.text, -1);
      pango_layout_get_pixel_size (small, &w, &h);
      label.start = label.x - w / 2.0;
      if (label.start < layout->label_x || label.start + w > layout->width - 2 ||
          label.start < last_end + 12)
        {
          g_free (label.text);
          continue;
        }
      last_end = label.start + w;
      last_year = year;
      g_array_append_val (labels, label);
    }
  return labels;
}

static void
draw_axis (cairo_t                    *cr,
           const RapportHistorySeries *series,
           const RapportHistoryLayout *layout,
           const RapportHistoryStyle  *style,
           PangoLayout                *small)
{
  g_autoptr(GArray) labels = axis_labels (series, layout, small);
  double text_alpha = style->high_contrast ? 1.0 : 0.7;

  for (guint i = 0; i < labels->len; i++)
    {
      const AxisLabel *label = &g_array_index (labels, AxisLabel, i);

      set_source (cr, &style->foreground, text_alpha * 0.5);
      cairo_rectangle (cr, round (label->x) - 0.5, layout->axis_y - 3, 1, 4);
      cairo_fill (cr);
      set_source (cr, &style->foreground, text_alpha);
      draw_text (cr, small, label->text, label->start, layout->axis_y + RAPPORT_HISTORY_AXIS_HEIGHT / 2,
                 -1, ALIGN_START);
    }
}

char **
rapport_history_axis_labels (const RapportHistorySeries *series,
                             const RapportHistoryStyle  *style,
                             int                         width,
                             int                         height)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GArray) labels = NULL;
  PangoFontDescription *fallback = NULL;
  RapportHistoryLayout  layout;
  cairo_surface_t      *surface;
  PangoLayout          *small;
  cairo_t              *cr;

  g_return_val_if_fail (series != NULL && style != NULL, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  if (style->font == NULL)
    fallback = pango_font_description_from_string (DEFAULT_FONT);
  small = make_layout (cr, style->font != NULL ? style->font : fallback, 0.85, FALSE);
  rapport_history_layout_init (&layout, series, style, width, height);
  labels = axis_labels (series, &layout, small);
  for (guint i = 0; i < labels->len; i++)
    g_ptr_array_add (texts, g_strdup (g_array_index (labels, AxisLabel, i).text));
  g_ptr_array_add (texts, NULL);
  rapport_history_layout_clear (&layout);
  g_object_unref (small);
  g_clear_pointer (&fallback, pango_font_description_free);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return (char **) g_ptr_array_steal (texts, NULL);
}

/* A range longer than the data starts at the first 1:1: a dashed line
 * down the chart's left edge marks that there is nothing before it. */
static void
draw_data_start (cairo_t                    *cr,
                 const RapportHistorySeries *series,
                 const RapportHistoryLayout *layout,
                 const RapportHistoryStyle  *style)
{
  static const double dash[] = { 3.0, 3.0 };
  double              x = round (layout->plot_x0) - 0.5;

  if (!series->starts_at_data || series->range == RAPPORT_HISTORY_RANGE_ALL || layout->n_rows == 0)
    return;
  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 1.0);
  set_source (cr, &style->foreground, style->high_contrast ? 0.9 : 0.45);
  cairo_move_to (cr, x, layout->rows[0].y);
  cairo_line_to (cr, x, layout->axis_y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
rapport_history_draw (cairo_t                    *cr,
                      const RapportHistorySeries *series,
                      const RapportHistoryStyle  *style,
                      int                         width,
                      int                         height)
{
  RapportHistoryLayout        layout;
  PangoFontDescription       *fallback = NULL;
  const PangoFontDescription *font;
  PangoLayout                *text, *small, *bold;
  double                      grid_alpha = style->high_contrast ? 0.45 : 0.12;
  double                      text_alpha = style->high_contrast ? 1.0 : 0.8;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  if (style->fill_background)
    {
      set_source (cr, &style->background, 1.0);
      cairo_paint (cr);
    }
  if (series == NULL || series->n_buckets == 0)
    {
      cairo_restore (cr);
      return;
    }

  font = style->font;
  if (font == NULL)
    font = fallback = pango_font_description_from_string (DEFAULT_FONT);
  text = make_layout (cr, font, 1.0, FALSE);
  bold = make_layout (cr, font, 1.0, TRUE);
  small = make_layout (cr, font, 0.85, FALSE);

  rapport_history_layout_init (&layout, series, style, width, height);

  if (style->title != NULL)
    {
      PangoLayout *heading = make_layout (cr, font, 1.25, TRUE);

      set_source (cr, &style->foreground, 1.0);
      draw_text (cr, heading, style->title, RAPPORT_HISTORY_PAD,
                 RAPPORT_HISTORY_PAD + RAPPORT_HISTORY_TITLE_HEIGHT / 2 - 4,
                 width - 2 * RAPPORT_HISTORY_PAD, ALIGN_START);
      g_object_unref (heading);
    }
  if (style->subtitle != NULL)
    {
      set_source (cr, &style->foreground, text_alpha);
      draw_text (cr, text, style->subtitle, RAPPORT_HISTORY_PAD,
                 RAPPORT_HISTORY_PAD + (style->title != NULL ? RAPPORT_HISTORY_TITLE_HEIGHT : 0) +
                   RAPPORT_HISTORY_SUBTITLE_HEIGHT / 2 - 6,
                 width - 2 * RAPPORT_HISTORY_PAD, ALIGN_START);
    }

  for (guint r = 0; r < layout.n_rows; r++)
    {
      const RapportHistoryRow *row = &layout.rows[r];
      gboolean                 highlighted = (int) r == style->highlight_row;
      double                   cy = (row->plot_top + row->plot_bottom) / 2;
      g_autofree char         *label = rapport_history_row_label (row);
      g_autofree char         *value = rapport_history_row_value_text (series, row);

      /* Shared scale: a faint line at 0 and at the top of every row. */
      set_source (cr, &style->foreground, grid_alpha);
      cairo_rectangle (cr, layout.plot_x0, round (row->plot_bottom) - 0.5,
                       layout.plot_x1 - layout.plot_x0, 1);
      if (row->kind != RAPPORT_HISTORY_ROW_COUNT)
        cairo_rectangle (cr, layout.plot_x0, round (row->plot_top) - 0.5,
                         layout.plot_x1 - layout.plot_x0, 1);
      cairo_fill (cr);

      set_source (cr, &style->foreground, text_alpha);
      draw_text (cr, highlighted ? bold : text, label, layout.label_x, cy, layout.label_width, ALIGN_START);
      draw_text (cr, highlighted ? bold : text, value, layout.width - RAPPORT_HISTORY_PAD, cy,
                 RAPPORT_HISTORY_VALUE_WIDTH - 8, ALIGN_END);

      if (row->kind == RAPPORT_HISTORY_ROW_COUNT)
        draw_counts (cr, series, &layout, row, style);
      else if (row->rate != NULL && row->rate->range.total == 0)
        {
          set_source (cr, &style->foreground, text_alpha * 0.6);
          draw_text (cr, small,
                     row->rate->unit == RAPPORT_HISTORY_UNIT_COMMITMENTS
                       ? _("no commitments due in this period")
                       : _("no meetings in this period"),
                     (layout.plot_x0 + layout.plot_x1) / 2, cy, -1, ALIGN_CENTER);
        }
      else
        draw_series_line (cr, series, &layout, row, style, highlighted);
    }

  draw_lanes (cr, series, &layout, style, small);
  draw_data_start (cr, series, &layout, style);
  draw_axis (cr, series, &layout, style, small);

  if (style->highlight_bucket >= 0 && style->highlight_bucket < (int) series->n_buckets &&
      layout.n_rows > 0)
    {
      double x = round (rapport_history_layout_bucket_x (&layout, style->highlight_bucket));

      set_source (cr, &style->foreground, style->high_contrast ? 0.9 : 0.45);
      cairo_rectangle (cr, x - 0.5, layout.rows[0].y, 1, layout.axis_y - layout.rows[0].y);
      cairo_fill (cr);

      for (guint r = 0; r + 1 < layout.n_rows; r++)
        {
          const RapportHistoryRow *row = &layout.rows[r];
          double                   v = rapport_history_row_value (series, row, style->highlight_bucket);

          if (isnan (v))
            continue;
          cairo_new_path (cr);
          cairo_arc (cr, rapport_history_layout_bucket_x (&layout, style->highlight_bucket),
                     row->plot_bottom - v * (row->plot_bottom - row->plot_top), 4.5, 0, 2 * G_PI);
          set_source (cr, &style->background, 1.0);
          cairo_fill_preserve (cr);
          set_source (cr, &style->accent, 1.0);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
        }
    }

  rapport_history_layout_clear (&layout);
  g_object_unref (text);
  g_object_unref (bold);
  g_object_unref (small);
  g_clear_pointer (&fallback, pango_font_description_free);
  cairo_restore (cr);
}
