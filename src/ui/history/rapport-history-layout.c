/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-history"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rapport-history-layout.h"

/* Small multiples: one thin row per habit on a shared 0-100 % scale and a
 * shared time axis, so that eleven habits never become spaghetti. */

#define ROW_INSET_TOP 8.0
#define ROW_INSET_BOT 8.0
#define COUNT_HEIGHT 40.0

void
rapport_history_style_init_light (RapportHistoryStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (RapportHistoryStyle){
    .accent = { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1.0 }, /* Adwaita's blue 4 */
    .foreground = { 0, 0, 0, 0.8 },
    .background = { 1, 1, 1, 1 },
    .fill_background = TRUE,
    .high_contrast = FALSE,
    .show = RAPPORT_HISTORY_SHOW_HABITS,
    .highlight_bucket = -1,
    .highlight_row = -1,
    .font = NULL,
    .title = NULL,
    .subtitle = NULL,
  };
}

double
rapport_history_header_height (const RapportHistoryStyle *style)
{
  return (style->title != NULL ? RAPPORT_HISTORY_TITLE_HEIGHT : 0) +
         (style->subtitle != NULL ? RAPPORT_HISTORY_SUBTITLE_HEIGHT : 0);
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
  guint n = 1; /* the meeting counts */

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
  return (int) (rapport_history_header_height (style) + RAPPORT_HISTORY_PAD +
                (n - 1) * RAPPORT_HISTORY_ROW_HEIGHT + COUNT_HEIGHT + RAPPORT_HISTORY_AXIS_HEIGHT +
                RAPPORT_HISTORY_PAD);
}

int
rapport_history_minimum_width (const RapportHistorySeries *series)
{
  guint n = series != NULL ? series->n_buckets : 0;

  return (int) (2 * RAPPORT_HISTORY_PAD + 72 + 8 + RAPPORT_HISTORY_VALUE_WIDTH +
                MAX (n, 8) * RAPPORT_HISTORY_MIN_BUCKET);
}

void
rapport_history_layout_init (RapportHistoryLayout       *layout,
                             const RapportHistorySeries *series,
                             const RapportHistoryStyle  *style,
                             int                         width,
                             int                         height)
{
  guint  n = count_rows (series, style);
  guint  r = 0;
  double y = RAPPORT_HISTORY_PAD + rapport_history_header_height (style);

  memset (layout, 0, sizeof *layout);
  layout->width = width;
  layout->height = height;
  layout->label_x = RAPPORT_HISTORY_PAD;
  layout->label_width = CLAMP (width * 0.26, 72.0, 176.0);
  layout->plot_x0 = layout->label_x + layout->label_width + 8;
  layout->plot_x1 = MAX (layout->plot_x0 + 1, width - RAPPORT_HISTORY_PAD - RAPPORT_HISTORY_VALUE_WIDTH);
  layout->value_x = layout->plot_x1 + 8;
  if (series == NULL || n == 0)
    return;

  layout->bucket_width = (layout->plot_x1 - layout->plot_x0) / MAX (series->n_buckets, 1);
  layout->n_rows = n;
  layout->rows = g_new0 (RapportHistoryRow, n);

#define ADD_ROW(k, r_)                                                            \
  G_STMT_START                                                                    \
  {                                                                               \
    layout->rows[r].kind = (k);                                                   \
    layout->rows[r].rate = (r_);                                                  \
    layout->rows[r].y = y;                                                        \
    layout->rows[r].height = RAPPORT_HISTORY_ROW_HEIGHT;                          \
    layout->rows[r].plot_top = y + ROW_INSET_TOP;                                 \
    layout->rows[r].plot_bottom = y + RAPPORT_HISTORY_ROW_HEIGHT - ROW_INSET_BOT; \
    y += RAPPORT_HISTORY_ROW_HEIGHT;                                              \
    r++;                                                                          \
  }                                                                               \
  G_STMT_END

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
