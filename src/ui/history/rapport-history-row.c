/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-history"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rapport-history-row.h"

double
rapport_history_row_value (const RapportHistorySeries *series,
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
  guint  n = 0;

  for (guint i = 0; i < series->n_buckets; i++)
    if (series->mood_count[i] > 0)
      {
        sum += series->mood[i] * series->mood_count[i];
        n += series->mood_count[i];
      }
  return n > 0 ? sum / n : NAN;
}

char *
rapport_history_row_label (const RapportHistoryRow *row)
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

char *
rapport_history_row_value_text (const RapportHistorySeries *series,
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
