/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The rows of a history chart and what each shows: its name and its
 * values, in one place for the drawing, the description and the export. */

#include "rapport-history.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_HISTORY_SHOW_HABITS,   /* follow-through, mood, one row per habit */
  RAPPORT_HISTORY_SHOW_KINDS,    /* the balance: trust and structure rows */
} RapportHistoryShow;

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

/* 0 to 1 at @bucket (mood 1 to 5 scaled), NAN where there is none;
 * always NAN for the meeting count. */
double   rapport_history_row_value       (const RapportHistorySeries  *series,
                                          const RapportHistoryRow     *row,
                                          guint                        bucket);
/* "Mood", "Meetings" or the habit's name. */
char    *rapport_history_row_label       (const RapportHistoryRow     *row);
/* The value over the whole range at the row's end: "75 %", "3.5", "12". */
char    *rapport_history_row_value_text  (const RapportHistorySeries  *series,
                                          const RapportHistoryRow     *row);

G_END_DECLS
