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

static guint
count_lanes (const RapportHistorySeries *series)
{
  guint n = 0;

  if (series == NULL || series->missed == NULL)
    return 0;
  for (guint k = 0; k < RAPPORT_HISTORY_N_MISSED; k++)
    n += series->n_missed[k] > 0;
  return n;
}

int
rapport_history_natural_height (const RapportHistorySeries *series,
                                const RapportHistoryStyle  *style)
{
  guint n = count_rows (series, style);

  if (n == 0)
    return 0;
  return (int) (rapport_history_header_height (style) + RAPPORT_HISTORY_PAD +
                (n - 1) * RAPPORT_HISTORY_ROW_HEIGHT + COUNT_HEIGHT +
                count_lanes (series) * RAPPORT_HISTORY_LANE_HEIGHT + RAPPORT_HISTORY_AXIS_HEIGHT +
                RAPPORT_HISTORY_PAD);
}

int
rapport_history_minimum_width (const RapportHistorySeries *series)
{
  guint n = series != NULL ? series->n_buckets : 0;

  return (int) (2 * RAPPORT_HISTORY_PAD + 72 + 8 + RAPPORT_HISTORY_VALUE_WIDTH +
                MAX (n, 8) * RAPPORT_HISTORY_MIN_BUCKET);
}

/* The lanes of the missed 1:1s from @y down, one per kind present, and a
 * mark per missed 1:1 at its day. Marks closer than a mark's width to the
 * one before in their lane (the same day for two people of the team, or
 * days apart on a long range) are set a little above or below it, so
 * that two stay two. */
static void
lay_out_marks (RapportHistoryLayout       *layout,
               const RapportHistorySeries *series,
               double                      y)
{
  int    lane_of[RAPPORT_HISTORY_N_MISSED];
  double last_x[RAPPORT_HISTORY_N_MISSED];
  guint  crowd[RAPPORT_HISTORY_N_MISSED] = { 0 };

  if (series->missed == NULL)
    return;
  for (guint k = 0; k < RAPPORT_HISTORY_N_MISSED; k++)
    {
      lane_of[k] = -1;
      last_x[k] = -G_MAXDOUBLE;
      if (series->n_missed[k] == 0)
        continue;
      lane_of[k] = layout->n_lanes;
      layout->lanes[layout->n_lanes] = (RapportHistoryLane){
        .kind = k,
        .y = y,
        .height = RAPPORT_HISTORY_LANE_HEIGHT,
        .center = y + RAPPORT_HISTORY_LANE_HEIGHT / 2,
      };
      layout->n_lanes++;
      y += RAPPORT_HISTORY_LANE_HEIGHT;
    }
  if (series->missed->len == 0)
    return;

  layout->marks = g_new0 (RapportHistoryMark, series->missed->len);
  for (guint i = 0; i < series->missed->len; i++)
    {
      const RapportHistoryMissed *missed = &g_array_index (series->missed, RapportHistoryMissed, i);
      RapportHistoryMark         *mark = &layout->marks[layout->n_marks];
      const RapportHistoryLane   *lane;
      static const double         nudge[] = { 0, -5, 5 };

      if (missed->kind >= RAPPORT_HISTORY_N_MISSED || lane_of[missed->kind] < 0 ||
          missed->bucket >= series->n_buckets)
        continue;
      lane = &layout->lanes[lane_of[missed->kind]];
      mark->kind = missed->kind;
      mark->missed = i;
      mark->x = rapport_history_layout_date_x (layout, series, missed->bucket, &missed->date);
      if (mark->x - last_x[missed->kind] < RAPPORT_HISTORY_MARK_SIZE)
        crowd[missed->kind]++;
      else
        {
          crowd[missed->kind] = 0;
          last_x[missed->kind] = mark->x;
        }
      mark->y = lane->center + nudge[crowd[missed->kind] % G_N_ELEMENTS (nudge)];
      layout->n_marks++;
    }
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
  y += COUNT_HEIGHT;
  g_assert (r + 1 == n);

  lay_out_marks (layout, series, y);
  layout->axis_y = y + layout->n_lanes * RAPPORT_HISTORY_LANE_HEIGHT;
}

void
rapport_history_layout_clear (RapportHistoryLayout *layout)
{
  g_clear_pointer (&layout->rows, g_free);
  g_clear_pointer (&layout->marks, g_free);
  layout->n_rows = 0;
  layout->n_marks = 0;
  layout->n_lanes = 0;
}

double
rapport_history_layout_date_x (const RapportHistoryLayout *layout,
                               const RapportHistorySeries *series,
                               guint                       bucket,
                               const GDate                *date)
{
  int    days, day;
  double x0;

  g_return_val_if_fail (bucket < series->n_buckets, layout->plot_x0);

  days = g_date_days_between (&series->starts[bucket], &series->starts[bucket + 1]);
  day = g_date_days_between (&series->starts[bucket], date);
  x0 = layout->plot_x0 + bucket * layout->bucket_width;
  if (days <= 0)
    return x0 + layout->bucket_width / 2;
  return x0 + layout->bucket_width * (CLAMP (day, 0, days - 1) + 0.5) / days;
}

int
rapport_history_layout_lane_at (const RapportHistoryLayout *layout,
                                double                      y)
{
  for (guint l = 0; l < layout->n_lanes; l++)
    if (y >= layout->lanes[l].y && y < layout->lanes[l].y + layout->lanes[l].height)
      return l;
  return -1;
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
