/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Drawing of the history chart with cairo and Pango only, so that the
 * widget, the PNG export and the SVG export share one function. */

#include <cairo.h>
#include <pango/pango.h>

#include "rapport-history.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} RapportHistoryColor;

typedef enum
{
  RAPPORT_HISTORY_SHOW_HABITS,   /* follow-through, mood, one row per habit */
  RAPPORT_HISTORY_SHOW_KINDS,    /* the balance: trust and structure rows */
} RapportHistoryShow;

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
} RapportHistoryStyle;

typedef enum
{
  RAPPORT_HISTORY_ROW_EXTRA,
  RAPPORT_HISTORY_ROW_MOOD,
  RAPPORT_HISTORY_ROW_RATE,
  RAPPORT_HISTORY_ROW_COUNT,
} RapportHistoryRowKind;

typedef struct
{
  RapportHistoryRowKind      kind;
  const RapportHistoryRate  *rate;      /* EXTRA and RATE rows */
  double                     y;         /* the row's band */
  double                     height;
  double                     plot_top;  /* 100 % (or mood 5) */
  double                     plot_bottom;
} RapportHistoryRow;

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
} RapportHistoryLayout;

#define RAPPORT_HISTORY_ROW_HEIGHT   52
#define RAPPORT_HISTORY_MIN_BUCKET   6

void     rapport_history_style_init_light  (RapportHistoryStyle         *style);

void     rapport_history_layout_init       (RapportHistoryLayout        *layout,
                                            const RapportHistorySeries  *series,
                                            const RapportHistoryStyle   *style,
                                            int                          width,
                                            int                          height);
void     rapport_history_layout_clear      (RapportHistoryLayout        *layout);
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

void     rapport_history_draw              (cairo_t                     *cr,
                                            const RapportHistorySeries  *series,
                                            const RapportHistoryStyle   *style,
                                            int                          width,
                                            int                          height);

/* "Week of 3 Mar: Listen 75 % (3 of 4)" for one row and bucket. */
char    *rapport_history_describe_point    (const RapportHistorySeries  *series,
                                            const RapportHistoryRow     *row,
                                            guint                        bucket);
/* Best and weakest habit, direction and gaps, for assistive technology. */
char    *rapport_history_describe_series   (const RapportHistorySeries  *series,
                                            RapportHistoryShow           show);

/* "rapport-history-sam-rivera-2026-11-25.png": @who (a person's name or
 * NULL for the team) as a slug, the date and @extension. */
char    *rapport_history_export_file_name  (const char                  *who,
                                            const char                  *date,
                                            const char                  *extension);
/* Lower case ASCII words joined by "-": "José Núñez" gives "jose-nunez". */
char    *rapport_history_slug              (const char                  *text);

/* Writes the chart at @width x natural height in the light style: PNG at
 * scale 2, or SVG. The SVG names @style's title in a <title> element. */
gboolean rapport_history_export_png        (const RapportHistorySeries  *series,
                                            const RapportHistoryStyle   *style,
                                            int                          width,
                                            const char                  *path,
                                            GError                     **error);
gboolean rapport_history_export_svg        (const RapportHistorySeries  *series,
                                            const RapportHistoryStyle   *style,
                                            int                          width,
                                            const char                  *path,
                                            GError                     **error);

G_END_DECLS
