/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-trend"

#include "config.h"

#include "rapport-trend.h"

/* Means of k/3 sit exactly on a threshold of, say, 1/3 only up to
 * rounding: compare with a little room. */
#define EPSILON 1e-9

RapportTrendDirection
rapport_trend_compute (const double *values,
                       gsize         n,
                       double        threshold,
                       RapportTrend *trend)
{
  RapportTrend  result = { RAPPORT_TREND_NONE, 0, 0 };
  double        recent = 0, earlier = 0;
  const double *last;

  g_return_val_if_fail (values != NULL || n == 0, RAPPORT_TREND_NONE);
  g_return_val_if_fail (threshold >= 0, RAPPORT_TREND_NONE);

  if (n >= RAPPORT_TREND_READINGS)
    {
      last = values + n - RAPPORT_TREND_READINGS;
      for (guint i = 0; i < RAPPORT_TREND_WINDOW; i++)
        {
          earlier += last[i];
          recent += last[RAPPORT_TREND_WINDOW + i];
        }
      result.recent_mean = recent / RAPPORT_TREND_WINDOW;
      result.earlier_mean = earlier / RAPPORT_TREND_WINDOW;
      if (result.recent_mean - result.earlier_mean > threshold + EPSILON)
        result.direction = RAPPORT_TREND_RISING;
      else if (result.earlier_mean - result.recent_mean > threshold + EPSILON)
        result.direction = RAPPORT_TREND_FALLING;
      else
        result.direction = RAPPORT_TREND_STEADY;
    }

  if (trend != NULL)
    *trend = result;
  return result.direction;
}

RapportTrendDirection
rapport_trend_of_moods (const int    *moods,
                        gsize         n,
                        RapportTrend *trend)
{
  double values[RAPPORT_TREND_READINGS];
  gsize  take = MIN (n, (gsize) RAPPORT_TREND_READINGS);

  g_return_val_if_fail (moods != NULL || n == 0, RAPPORT_TREND_NONE);

  for (gsize i = 0; i < take; i++)
    values[i] = moods[n - take + i];
  return rapport_trend_compute (values, take, RAPPORT_TREND_MOOD_THRESHOLD, trend);
}

const char *
rapport_trend_direction_to_string (RapportTrendDirection direction)
{
  switch (direction)
    {
    case RAPPORT_TREND_STEADY: return "steady";
    case RAPPORT_TREND_RISING: return "rising";
    case RAPPORT_TREND_FALLING: return "falling";
    case RAPPORT_TREND_NONE:
    default: return "none";
    }
}
