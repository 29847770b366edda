/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The one trend rule Rapport uses for a series of readings (moods, and
 * any later alert about a decline), written down in docs/numbers.md:
 *
 *   Compare the mean of the last RAPPORT_TREND_WINDOW readings with the
 *   mean of the RAPPORT_TREND_WINDOW readings before them. RISING when the
 *   recent mean is higher by more than the threshold, FALLING when it is
 *   lower by more than the threshold, else STEADY. With fewer than
 *   2 x RAPPORT_TREND_WINDOW readings there is no trend (NONE): only the
 *   readings are shown.
 *
 * Means, not the first and last reading, so that one odd meeting neither
 * makes nor hides a trend; the last single move ("2 then 3") is not a
 * trend by this rule. Readings older than the last 2 x window are not
 * looked at. */
#define RAPPORT_TREND_WINDOW 3
#define RAPPORT_TREND_READINGS (2 * RAPPORT_TREND_WINDOW)
/* For moods, 1 to 5: more than half a point. */
#define RAPPORT_TREND_MOOD_THRESHOLD 0.5

typedef enum
{
  RAPPORT_TREND_NONE,
  RAPPORT_TREND_STEADY,
  RAPPORT_TREND_RISING,
  RAPPORT_TREND_FALLING,
} RapportTrendDirection;

typedef struct
{
  RapportTrendDirection direction;
  /* The two means compared; 0 when direction is NONE. */
  double                recent_mean;
  double                earlier_mean;
} RapportTrend;

/* @values: @n readings, oldest first. Only the last
 * RAPPORT_TREND_READINGS count. Returns the direction, also in @trend
 * when not NULL. */
RapportTrendDirection rapport_trend_compute  (const double *values,
                                              gsize         n,
                                              double        threshold,
                                              RapportTrend *trend);
/* The same for whole readings such as moods 1..5, with
 * RAPPORT_TREND_MOOD_THRESHOLD. */
RapportTrendDirection rapport_trend_of_moods (const int    *moods,
                                              gsize         n,
                                              RapportTrend *trend);
/* "rising", "falling", "steady" or "none": stable words for logs, tests
 * and accessibility tools, not translated. */
const char           *rapport_trend_direction_to_string (RapportTrendDirection direction);

G_END_DECLS
