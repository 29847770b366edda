/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Where a history chart's rows, plot and axis go for a size and a style,
 * shared by the drawing, the widget's pointer and keyboard, and the
 * export's size. Cairo and Pango only, no GTK. */

#include <pango/pango.h>

#include "rapport-history-row.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} RapportHistoryColor;

typedef struct
{
  RapportHistoryColor          accent;
  RapportHistoryColor          foreground;
  RapportHistoryColor          background;
  gboolean                     fill_background;
  gboolean                     high_contrast;
  RapportHistoryShow           show;
  int                          highlight_bucket;  /* -1: none */
  int                          highlight_row;     /* -1: none */
  const PangoFontDescription  *font;              /* NULL: the default */
  const char                  *title;             /* exports: a line above the chart; NULL: none */
  const char                  *subtitle;          /* exports: a line under the title; NULL: none */
} RapportHistoryStyle;

/* A lane under the meeting counts for one kind of missed 1:1, present in
 * the range: its mark and name in the label column (the legend), the
 * marks at their dates, the count in the value column. */
typedef struct
{
  RapportHistoryMissedKind kind;
  double                   y;       /* the lane's band */
  double                   height;
  double                   center;  /* where its marks sit */
} RapportHistoryLane;

/* The mark of one skipped or moved 1:1 on the time axis. */
typedef struct
{
  RapportHistoryMissedKind kind;
  double                   x;       /* its day on the time axis */
  double                   y;       /* its lane's centre, or a little off it when it
                                     * would cover the mark before */
  guint                    missed;  /* index in series->missed */
} RapportHistoryMark;

typedef struct
{
  double             width;
  double             height;
  double             label_x;
  double             label_width;
  double             plot_x0;
  double             plot_x1;
  double             value_x;
  double             bucket_width;
  double             axis_y;
  guint              n_rows;   /* the last row is the meeting count strip */
  RapportHistoryRow *rows;
  guint              n_lanes;  /* between the meeting counts and the axis */
  RapportHistoryLane lanes[RAPPORT_HISTORY_N_MISSED];
  guint              n_marks;  /* one per skipped or moved 1:1 */
  RapportHistoryMark *marks;
} RapportHistoryLayout;

#define RAPPORT_HISTORY_ROW_HEIGHT   52
#define RAPPORT_HISTORY_MIN_BUCKET   6
/* Margins and bands around the rows, in pixels. */
#define RAPPORT_HISTORY_PAD          12.0
#define RAPPORT_HISTORY_VALUE_WIDTH  60.0
#define RAPPORT_HISTORY_AXIS_HEIGHT  22.0
#define RAPPORT_HISTORY_TITLE_HEIGHT 36.0
#define RAPPORT_HISTORY_SUBTITLE_HEIGHT 24.0
#define RAPPORT_HISTORY_LANE_HEIGHT  18.0
#define RAPPORT_HISTORY_MARK_SIZE    7.0

void     rapport_history_style_init_light  (RapportHistoryStyle         *style);

void     rapport_history_layout_init       (RapportHistoryLayout        *layout,
                                            const RapportHistorySeries  *series,
                                            const RapportHistoryStyle   *style,
                                            int                          width,
                                            int                          height);
void     rapport_history_layout_clear      (RapportHistoryLayout        *layout);
/* The height of an export's title and subtitle, 0 without. */
double   rapport_history_header_height     (const RapportHistoryStyle   *style);
/* Natural size of the chart for @series. */
int      rapport_history_natural_height    (const RapportHistorySeries  *series,
                                            const RapportHistoryStyle   *style);
int      rapport_history_minimum_width     (const RapportHistorySeries  *series);
int      rapport_history_layout_bucket_at  (const RapportHistoryLayout  *layout,
                                            guint                        n_buckets,
                                            double                       x);
int      rapport_history_layout_row_at     (const RapportHistoryLayout  *layout,
                                            double                       y);
double   rapport_history_layout_bucket_x   (const RapportHistoryLayout  *layout,
                                            guint                        bucket);
/* Where @date falls on the time axis: its place in its bucket's days. */
double   rapport_history_layout_date_x     (const RapportHistoryLayout  *layout,
                                            const RapportHistorySeries  *series,
                                            guint                        bucket,
                                            const GDate                 *date);
/* The lane at @y, or -1. */
int      rapport_history_layout_lane_at    (const RapportHistoryLayout  *layout,
                                            double                       y);

G_END_DECLS
