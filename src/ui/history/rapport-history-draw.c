/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-history"

#include "config.h"

#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rapport-history-draw.h"

/* Small multiples: one thin row per habit on a shared 0-100 % scale and a
 * shared time axis, so that eleven habits never become spaghetti. */

#define PAD            12.0
#define ROW_INSET_TOP   8.0
#define ROW_INSET_BOT   8.0
#define VALUE_WIDTH    60.0
#define COUNT_HEIGHT   40.0
#define AXIS_HEIGHT    22.0
#define TITLE_HEIGHT   36.0
#define DEFAULT_FONT   "Cantarell, Sans 10"

void
rapport_history_style_init_light (RapportHistoryStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (RapportHistoryStyle) {
    .accent = { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1.0 },     /* Adwaita's blue 4 */
    .foreground = { 0, 0, 0, 0.8 },
    .background = { 1, 1, 1, 1 },
    .fill_background = TRUE,
    .high_contrast = FALSE,
    .show = RAPPORT_HISTORY_SHOW_HABITS,
    .highlight_bucket = -1,
    .highlight_row = -1,
    .font = NULL,
    .title = NULL,
  };
}

/* Layout ----------------------------------------------------------------- */

static gboolean
has_mood (const RapportHistorySeries *series)
{
  for (guint i = 0; i < series->n_buckets; i++)
    if (series->mood_count[i] > 0)
      return TRUE;
  return FALSE;
}

static guint
count_rows (const RapportHistorySeries *series,
            const RapportHistoryStyle  *style)
{
  guint n = 1;  /* the meeting counts */

  if (series == NULL)
    return 0;
  if (style->show == RAPPORT_HISTORY_SHOW_KINDS)
    {
      for (guint k = 0; k < G_N_ELEMENTS (series->kinds); k++)
        n += series->kinds[k].range.total > 0;
      return n;
    }
  return n + series->extras->len + has_mood (series) + series->habits->len;
}

int
rapport_history_natural_height (const RapportHistorySeries *series,
                                const RapportHistoryStyle  *style)
{
  guint n = count_rows (series, style);

  if (n == 0)
    return 0;
  return (int) ((style->title != NULL ? TITLE_HEIGHT : 0) + PAD + (n - 1) * RAPPORT_HISTORY_ROW_HEIGHT + COUNT_HEIGHT + AXIS_HEIGHT + PAD);
}

int
rapport_history_minimum_width (const RapportHistorySeries *series)
{
  guint n = series != NULL ? series->n_buckets : 0;

  return (int) (2 * PAD + 72 + 8 + VALUE_WIDTH + MAX (n, 8) * RAPPORT_HISTORY_MIN_BUCKET);
}

void
rapport_history_layout_init (RapportHistoryLayout       *layout,
                             const RapportHistorySeries *series,
                             const RapportHistoryStyle  *style,
                             int                         width,
                             int                         height)
{
  guint n = count_rows (series, style);
  guint r = 0;
  double y = PAD + (style->title != NULL ? TITLE_HEIGHT : 0);

  memset (layout, 0, sizeof *layout);
  layout->width = width;
  layout->height = height;
  layout->label_x = PAD;
  layout->label_width = CLAMP (width * 0.26, 72.0, 176.0);
  layout->plot_x0 = layout->label_x + layout->label_width + 8;
  layout->plot_x1 = MAX (layout->plot_x0 + 1, width - PAD - VALUE_WIDTH);
  layout->value_x = layout->plot_x1 + 8;
  if (series == NULL || n == 0)
    return;

  layout->bucket_width = (layout->plot_x1 - layout->plot_x0) / MAX (series->n_buckets, 1);
  layout->n_rows = n;
  layout->rows = g_new0 (RapportHistoryRow, n);

#define ADD_ROW(k, r_) G_STMT_START {                                   \
    layout->rows[r].kind = (k);                                         \
    layout->rows[r].rate = (r_);                                        \
    layout->rows[r].y = y;                                              \
    layout->rows[r].height = RAPPORT_HISTORY_ROW_HEIGHT;                \
    layout->rows[r].plot_top = y + ROW_INSET_TOP;                       \
    layout->rows[r].plot_bottom = y + RAPPORT_HISTORY_ROW_HEIGHT - ROW_INSET_BOT; \
    y += RAPPORT_HISTORY_ROW_HEIGHT;                                    \
    r++;                                                                \
  } G_STMT_END

  if (style->show == RAPPORT_HISTORY_SHOW_KINDS)
    {
      for (guint k = 0; k < G_N_ELEMENTS (series->kinds); k++)
        if (series->kinds[k].range.total > 0)
          ADD_ROW (RAPPORT_HISTORY_ROW_RATE, &series->kinds[k]);
    }
  else
    {
      for (guint i = 0; i < series->extras->len; i++)
        ADD_ROW (RAPPORT_HISTORY_ROW_EXTRA, g_ptr_array_index (series->extras, i));
      if (has_mood (series))
        ADD_ROW (RAPPORT_HISTORY_ROW_MOOD, NULL);
      for (guint i = 0; i < series->habits->len; i++)
        ADD_ROW (RAPPORT_HISTORY_ROW_RATE,
                 &((RapportHistoryHabit *) g_ptr_array_index (series->habits, i))->rate);
    }
#undef ADD_ROW

  layout->rows[r].kind = RAPPORT_HISTORY_ROW_COUNT;
  layout->rows[r].y = y;
  layout->rows[r].height = COUNT_HEIGHT;
  layout->rows[r].plot_top = y + 6;
  layout->rows[r].plot_bottom = y + COUNT_HEIGHT - 4;
  layout->axis_y = y + COUNT_HEIGHT;
  g_assert (r + 1 == n);
}

void
rapport_history_layout_clear (RapportHistoryLayout *layout)
{
  g_clear_pointer (&layout->rows, g_free);
  layout->n_rows = 0;
}

double
rapport_history_layout_bucket_x (const RapportHistoryLayout *layout,
                                 guint                       bucket)
{
  return layout->plot_x0 + (bucket + 0.5) * layout->bucket_width;
}

int
rapport_history_layout_bucket_at (const RapportHistoryLayout *layout,
                                  guint                       n_buckets,
                                  double                      x)
{
  int bucket;

  if (n_buckets == 0 || layout->bucket_width <= 0)
    return -1;
  /* Snap to the nearest bucket, also from the label and value columns. */
  bucket = (int) floor ((x - layout->plot_x0) / layout->bucket_width);
  return CLAMP (bucket, 0, (int) n_buckets - 1);
}

int
rapport_history_layout_row_at (const RapportHistoryLayout *layout,
                               double                      y)
{
  for (guint r = 0; r < layout->n_rows; r++)
    if (y >= layout->rows[r].y && y < layout->rows[r].y + layout->rows[r].height)
      return r;
  return -1;
}

/* Text ------------------------------------------------------------------- */

static void
set_source (cairo_t                   *cr,
            const RapportHistoryColor *color,
            double                     alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

typedef enum { ALIGN_START, ALIGN_CENTER, ALIGN_END } Align;

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
  int w, h;
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
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_copy (font);
  PangoAttrList *attrs = pango_attr_list_new ();
  int size = pango_font_description_get_size (desc);

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

/* Values ----------------------------------------------------------------- */

static double
row_value (const RapportHistorySeries *series,
           const RapportHistoryRow    *row,
           guint                       bucket)
{
  switch (row->kind)
    {
    case RAPPORT_HISTORY_ROW_EXTRA:
    case RAPPORT_HISTORY_ROW_RATE:
      return rapport_history_count_ratio (row->rate->buckets[bucket]);
    case RAPPORT_HISTORY_ROW_MOOD:
      return isnan (series->mood[bucket]) ? NAN : (series->mood[bucket] - 1.0) / 4.0;
    case RAPPORT_HISTORY_ROW_COUNT:
    default:
      return NAN;
    }
}

static double
range_mood (const RapportHistorySeries *series)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < series->n_buckets; i++)
    if (series->mood_count[i] > 0)
      {
        sum += series->mood[i] * series->mood_count[i];
        n += series->mood_count[i];
      }
  return n > 0 ? sum / n : NAN;
}

static char *
row_label (const RapportHistoryRow *row)
{
  switch (row->kind)
    {
    case RAPPORT_HISTORY_ROW_MOOD:
      return g_strdup (_("Mood"));
    case RAPPORT_HISTORY_ROW_COUNT:
      return g_strdup (_("Meetings"));
    case RAPPORT_HISTORY_ROW_EXTRA:
    case RAPPORT_HISTORY_ROW_RATE:
    default:
      return g_strdup (row->rate->name);
    }
}

static char *
row_value_text (const RapportHistorySeries *series,
                const RapportHistoryRow    *row)
{
  switch (row->kind)
    {
    case RAPPORT_HISTORY_ROW_MOOD:
      {
        double mood = range_mood (series);
        return isnan (mood) ? g_strdup ("–") : g_strdup_printf ("%.1f", mood);
      }
    case RAPPORT_HISTORY_ROW_COUNT:
      return g_strdup_printf ("%u", series->range_meetings);
    case RAPPORT_HISTORY_ROW_EXTRA:
    case RAPPORT_HISTORY_ROW_RATE:
    default:
      {
        int percent = rapport_history_count_percent (row->rate->range);
        /* Translators: a percentage at the end of a chart row */
        return percent < 0 ? g_strdup ("–") : g_strdup_printf (_("%d %%"), percent);
      }
    }
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
  guint i = 0;

  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  while (i < series->n_buckets)
    {
      guint first, last;

      if (isnan (row_value (series, row, i)))
        {
          i++;
          continue;
        }
      /* One run of buckets with data; a gap ends it. */
      first = i;
      while (i < series->n_buckets && !isnan (row_value (series, row, i)))
        i++;
      last = i - 1;

      if (first == last)
        {
          double x = rapport_history_layout_bucket_x (layout, first);
          double y = row->plot_bottom - row_value (series, row, first) * span;

          cairo_new_path (cr);
          cairo_arc (cr, x, y, line_width + 0.5, 0, 2 * G_PI);
          set_source (cr, &style->accent, 1.0);
          cairo_fill (cr);
          continue;
        }

      cairo_new_path (cr);
      for (guint j = first; j <= last; j++)
        cairo_line_to (cr, rapport_history_layout_bucket_x (layout, j),
                       row->plot_bottom - row_value (series, row, j) * span);
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
  guint max = 1;
  guint thin = rapport_history_series_thin_limit (series);
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

static void
draw_axis (cairo_t                    *cr,
           const RapportHistorySeries *series,
           const RapportHistoryLayout *layout,
           const RapportHistoryStyle  *style,
           PangoLayout                *small)
{
  double label_px = series->bucket == RAPPORT_HISTORY_BUCKET_MONTH ? 76 : 60;
  double text_alpha = style->high_contrast ? 1.0 : 0.7;
  double last_end = -G_MAXDOUBLE;
  guint every;

  /* Space the ticks for the labels as the font draws them. */
  {
    g_autofree char *sample = rapport_history_series_tick_label (series, 0);
    int w, h;

    pango_layout_set_text (small, sample, -1);
    pango_layout_set_width (small, -1);
    pango_layout_get_pixel_size (small, &w, &h);
    label_px = MAX (label_px, w + 16);
  }
  every = MAX (1, (guint) ceil (label_px / MAX (layout->bucket_width, 0.1)));

  /* Months: prefer ticks on January, April, July, October or on a year. */
  if (series->bucket == RAPPORT_HISTORY_BUCKET_MONTH && every > 1)
    every = every <= 3 ? 3 : every <= 6 ? 6 : ((every + 11) / 12) * 12;

  for (guint i = 0; i < series->n_buckets; i++)
    {
      g_autofree char *text = NULL;
      double x;

      if (series->bucket == RAPPORT_HISTORY_BUCKET_MONTH && every > 1)
        {
          if ((g_date_get_month (&series->starts[i]) - 1) % MIN (every, 12) != 0 ||
              (every > 12 && g_date_get_year (&series->starts[i]) % (every / 12) != 0))
            continue;
        }
      else if (i % every != 0)
        continue;

      x = rapport_history_layout_bucket_x (layout, i);
      text = rapport_history_series_tick_label (series, i);
      {
        int w, h;
        double start;

        /* Every tick drawn has its label: a tick whose label would leave
         * the image or touch the one before is left out, label and all.
         * Labels are centred on their tick; the first may reach into the
         * blank space under the row labels. */
        pango_layout_set_text (small, text, -1);
        pango_layout_set_width (small, -1);
        pango_layout_get_pixel_size (small, &w, &h);
        start = x - w / 2.0;
        if (start < layout->label_x || start + w > layout->width - 2 || start < last_end + 12)
          continue;
        last_end = start + w;
        set_source (cr, &style->foreground, text_alpha * 0.5);
        cairo_rectangle (cr, round (x) - 0.5, layout->axis_y - 3, 1, 4);
        cairo_fill (cr);
        set_source (cr, &style->foreground, text_alpha);
        draw_text (cr, small, text, x, layout->axis_y + AXIS_HEIGHT / 2, -1, ALIGN_CENTER);
      }
    }
}

void
rapport_history_draw (cairo_t                    *cr,
                      const RapportHistorySeries *series,
                      const RapportHistoryStyle  *style,
                      int                         width,
                      int                         height)
{
  RapportHistoryLayout layout;
  PangoFontDescription *fallback = NULL;
  const PangoFontDescription *font;
  PangoLayout *text, *small, *bold;
  double grid_alpha = style->high_contrast ? 0.45 : 0.12;
  double text_alpha = style->high_contrast ? 1.0 : 0.8;

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
      draw_text (cr, heading, style->title, PAD, PAD + TITLE_HEIGHT / 2 - 4, width - 2 * PAD, ALIGN_START);
      g_object_unref (heading);
    }

  for (guint r = 0; r < layout.n_rows; r++)
    {
      const RapportHistoryRow *row = &layout.rows[r];
      gboolean highlighted = (int) r == style->highlight_row;
      double cy = (row->plot_top + row->plot_bottom) / 2;
      g_autofree char *label = row_label (row);
      g_autofree char *value = row_value_text (series, row);

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
      draw_text (cr, highlighted ? bold : text, value, layout.width - PAD, cy, VALUE_WIDTH - 8, ALIGN_END);

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
          double v = row_value (series, row, style->highlight_bucket);

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

/* Words ------------------------------------------------------------------ */

char *
rapport_history_describe_point (const RapportHistorySeries *series,
                                const RapportHistoryRow    *row,
                                guint                       bucket)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (series != NULL && row != NULL, NULL);
  g_return_val_if_fail (bucket < series->n_buckets, NULL);

  when = rapport_history_series_bucket_label (series, bucket);
  switch (row->kind)
    {
    case RAPPORT_HISTORY_ROW_COUNT:
      /* Translators: "Week of 3 Mar: 4 meetings" */
      return g_strdup_printf (ngettext ("%s: %u meeting", "%s: %u meetings", series->meetings[bucket]),
                              when, series->meetings[bucket]);
    case RAPPORT_HISTORY_ROW_MOOD:
      if (series->mood_count[bucket] == 0)
        /* Translators: "Week of 3 Mar: no mood recorded" */
        return g_strdup_printf (_("%s: no mood recorded"), when);
      /* Translators: "Week of 3 Mar: mood 3.5 of 5" */
      return g_strdup_printf (_("%s: mood %.1f of 5"), when, series->mood[bucket]);
    case RAPPORT_HISTORY_ROW_EXTRA:
    case RAPPORT_HISTORY_ROW_RATE:
    default:
      {
        RapportHistoryCount count = row->rate->buckets[bucket];

        if (count.total == 0 && row->rate->unit == RAPPORT_HISTORY_UNIT_COMMITMENTS)
          /* Translators: "Week of 3 Mar: Follow-through, no commitments due" */
          return g_strdup_printf (_("%s: %s, no commitments due"), when, row->rate->name);
        if (row->rate->unit == RAPPORT_HISTORY_UNIT_COMMITMENTS)
          /* Translators: "Week of 3 Mar: Follow-through 75 % (3 of 4 commitments kept)" */
          return g_strdup_printf (ngettext ("%s: %s %d %% (%u of %u commitment kept)",
                                            "%s: %s %d %% (%u of %u commitments kept)", count.total),
                                  when, row->rate->name, rapport_history_count_percent (count),
                                  count.ticked, count.total);
        if (count.total == 0 && series->meetings[bucket] == 0)
          /* Translators: "Week of 3 Mar: Listen, no meetings" */
          return g_strdup_printf (_("%s: %s, no meetings"), when, row->rate->name);
        if (count.total == 0)
          /* Translators: "Week of 3 Mar: Listen, not on the checklist" */
          return g_strdup_printf (_("%s: %s, not on the checklist"), when, row->rate->name);
        /* Translators: "Week of 3 Mar: Listen 75 % (3 of 4)" */
        return g_strdup_printf (_("%s: %s %d %% (%u of %u)"), when, row->rate->name,
                                rapport_history_count_percent (count), count.ticked, count.total);
      }
    }
}

char *
rapport_history_describe_series (const RapportHistorySeries *series,
                                 RapportHistoryShow          show)
{
  const RapportHistoryRate *best = NULL, *weakest = NULL;
  RapportHistoryCount now = { 0, }, before = { 0, };
  g_autoptr(GPtrArray) rates = g_ptr_array_new ();
  GString *text;
  guint gaps = 0;

  g_return_val_if_fail (series != NULL, NULL);

  if (series->range_meetings == 0)
    return g_strdup (_("No meetings in this period."));

  if (show == RAPPORT_HISTORY_SHOW_KINDS)
    {
      for (guint k = 0; k < G_N_ELEMENTS (series->kinds); k++)
        if (series->kinds[k].range.total > 0)
          g_ptr_array_add (rates, (gpointer) &series->kinds[k]);
    }
  else
    for (guint i = 0; i < series->habits->len; i++)
      g_ptr_array_add (rates, &((RapportHistoryHabit *) g_ptr_array_index (series->habits, i))->rate);

  for (guint i = 0; i < rates->len; i++)
    {
      const RapportHistoryRate *rate = g_ptr_array_index (rates, i);
      double ratio = rapport_history_count_ratio (rate->range);

      if (best == NULL || ratio > rapport_history_count_ratio (best->range))
        best = rate;
      if (weakest == NULL || ratio < rapport_history_count_ratio (weakest->range))
        weakest = rate;
      now.ticked += rate->range.ticked;
      now.total += rate->range.total;
      before.ticked += rate->previous.ticked;
      before.total += rate->previous.total;
    }
  for (guint i = 0; i < series->n_buckets; i++)
    gaps += series->meetings[i] == 0;

  text = g_string_new (NULL);
  if (best != NULL)
    {
      g_autofree char *summary = rapport_history_rate_summary (best);
      /* Translators: "Strongest: Listen, 67 % of 6 meetings." */
      g_string_append_printf (text, _("Strongest: %s, %s."), best->name, summary);
    }
  if (weakest != NULL && weakest != best)
    {
      g_autofree char *summary = rapport_history_rate_summary (weakest);
      g_string_append_c (text, ' ');
      /* Translators: "Weakest: Explain the why, 33 % of 3 meetings." */
      g_string_append_printf (text, _("Weakest: %s, %s."), weakest->name, summary);
    }
  if (now.total > 0 && before.total > 0)
    {
      int a = rapport_history_count_percent (now), b = rapport_history_count_percent (before);

      g_string_append_c (text, ' ');
      if (a > b)
        g_string_append_printf (text, _("Overall %d %%, up from %d %% in the period before."), a, b);
      else if (a < b)
        g_string_append_printf (text, _("Overall %d %%, down from %d %% in the period before."), a, b);
      else
        g_string_append_printf (text, _("Overall %d %%, as in the period before."), a);
    }
  if (show == RAPPORT_HISTORY_SHOW_HABITS)
    for (guint i = 0; i < series->extras->len; i++)
      {
        const RapportHistoryRate *extra = g_ptr_array_index (series->extras, i);
        g_autofree char *summary = rapport_history_rate_summary (extra);

        if (text->len > 0)
          g_string_append_c (text, ' ');
        /* Translators: "Follow-through: 75 % of 8 commitments kept." */
        g_string_append_printf (text, _("%s: %s."), extra->name, summary);
      }
  if (gaps > 0)
    {
      g_string_append_c (text, ' ');
      if (series->bucket == RAPPORT_HISTORY_BUCKET_MONTH)
        g_string_append_printf (text, ngettext ("%u of %u months without a meeting.",
                                                "%u of %u months without a meeting.", gaps),
                                gaps, series->n_buckets);
      else
        g_string_append_printf (text, ngettext ("%u of %u weeks without a meeting.",
                                                "%u of %u weeks without a meeting.", gaps),
                                gaps, series->n_buckets);
    }
  return g_string_free (text, FALSE);
}

/* Export ----------------------------------------------------------------- */

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write the chart to “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

/* Cairo draws text as glyph outlines: name the image in a <title>, which
 * viewers and screen readers show, and which a search can find. */
static gboolean
add_svg_title (const char  *path,
               const char  *title,
               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GString) out = NULL;
  const char *root, *end;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  root = strstr (contents, "<svg");
  end = root != NULL ? strchr (root, '>') : NULL;
  if (end == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Could not write the chart to “%s”: %s"), path, _("not an SVG image"));
      return FALSE;
    }
  escaped = g_markup_escape_text (title, -1);
  out = g_string_new_len (contents, end + 1 - contents);
  g_string_append_printf (out, "\n<title>%s</title>", escaped);
  g_string_append (out, end + 1);
  return g_file_set_contents (path, out->str, out->len, error);
}

gboolean
rapport_history_export_png (const RapportHistorySeries  *series,
                            const RapportHistoryStyle   *style,
                            int                          width,
                            const char                  *path,
                            GError                     **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int height;

  g_return_val_if_fail (series != NULL && style != NULL && path != NULL, FALSE);

  width = MAX (width, rapport_history_minimum_width (series));
  height = rapport_history_natural_height (series, style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * 2, height * 2);
  cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  rapport_history_draw (cr, series, style, width, height);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the chart to “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_history_export_svg (const RapportHistorySeries  *series,
                            const RapportHistoryStyle   *style,
                            int                          width,
                            const char                  *path,
                            GError                     **error)
{
  cairo_surface_t *surface;
  gboolean ok;
  cairo_t *cr;
  int height;

  g_return_val_if_fail (series != NULL && style != NULL && path != NULL, FALSE);

  width = MAX (width, rapport_history_minimum_width (series));
  height = rapport_history_natural_height (series, style);
  surface = cairo_svg_surface_create (path, width, height);
  if (!check_surface (surface, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  rapport_history_draw (cr, series, style, width, height);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  if (ok && style->title != NULL)
    ok = add_svg_title (path, style->title, error);
  return ok;
}

/* File names ------------------------------------------------------------- */

char *
rapport_history_slug (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *slug;
  gboolean dash = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  /* "C": the same transliteration whatever the user's locale. */
  ascii = g_str_to_ascii (text, "C");
  slug = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else if (*p != '\'')   /* "O'Brien" is "obrien" */
        dash = TRUE;
    }
  return g_string_free (slug, FALSE);
}

char *
rapport_history_export_file_name (const char *who,
                                  const char *date,
                                  const char *extension)
{
  g_autofree char *slug = who != NULL ? rapport_history_slug (who) : NULL;

  g_return_val_if_fail (date != NULL && extension != NULL, NULL);

  /* A name of symbols only has no slug: the file is still named by date. */
  if (slug == NULL || *slug == '\0')
    {
      g_free (slug);
      slug = g_strdup (who != NULL ? "person" : "team");
    }
  return g_strdup_printf ("rapport-history-%s-%s.%s", slug, date, extension);
}
