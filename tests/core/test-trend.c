/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The trend rule (rapport-trend.h, docs/numbers.md) on fixed series. */
#include "config.h"

#include "rapport-trend.h"

/* The trend of a series written "2 4 2 2 2". */
static RapportTrendDirection
moods_trend (const char   *series,
             RapportTrend *trend)
{
  g_auto (GStrv) parts = g_strsplit (series, " ", -1);
  int   values[32];
  guint n = 0;

  for (; parts[n] != NULL; n++)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (values));
      values[n] = (int) g_ascii_strtoll (parts[n], NULL, 10);
    }
  return rapport_trend_of_moods (values, n, trend);
}

#define assert_trend(series, expected)                                                        \
  G_STMT_START                                                                                \
  {                                                                                           \
    RapportTrend          t_;                                                                 \
    RapportTrendDirection d_ = moods_trend ((series), &t_);                                   \
    g_test_message ("%s: %s (%.2f against %.2f)", (series),                                   \
                    rapport_trend_direction_to_string (d_), t_.recent_mean, t_.earlier_mean); \
    g_assert_cmpstr (rapport_trend_direction_to_string (d_), ==, (expected));                 \
    g_assert_cmpint (d_, ==, t_.direction);                                                   \
  }                                                                                           \
  G_STMT_END

static void
test_too_few (void)
{
  RapportTrend trend = { RAPPORT_TREND_RISING, 9, 9 };

  /* Fewer than six readings: no word at all, only the values. */
  g_assert_cmpint (rapport_trend_of_moods (NULL, 0, &trend), ==, RAPPORT_TREND_NONE);
  g_assert_cmpint (trend.direction, ==, RAPPORT_TREND_NONE);
  g_assert_cmpfloat (trend.recent_mean, ==, 0);
  assert_trend ("4", "none");
  assert_trend ("1 5", "none");
  assert_trend ("1 1 1 5 5", "none");

  /* The two series from the trial, read by the old rule (first against
   * last) as "steady" and "falling". Five readings: the new rule gives no
   * word rather than a misleading one. */
  assert_trend ("2 4 2 2 2", "none");
  assert_trend ("5 2 4 3 4", "none");
}

static void
test_trial_series (void)
{
  RapportTrend trend;

  /* Three low meetings after higher ones must not read steady: with the
   * meeting before them, 3 4 2 | 2 2 2: 2.00 against 3.00. */
  assert_trend ("3 2 4 2 2 2", "falling");
  assert_trend ("5 2 4 2 2 2", "falling");
  moods_trend ("3 2 4 2 2 2", &trend);
  g_assert_cmpfloat_with_epsilon (trend.recent_mean, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (trend.earlier_mean, 3.0, 1e-9);
  /* Even if the one before was low too (1 2 4: 2.33), 2.00 is within
   * half a point: steady, by the rule, not by the first and last value. */
  assert_trend ("1 2 4 2 2 2", "steady");

  /* "5 2 4 3 4" with one more meeting before it: the last three (4 3 4,
   * 3.67) against the three before (x 5 2); never "falling" here. */
  assert_trend ("3 5 2 4 3 4", "steady"); /* 3.67 against 3.33 */
  assert_trend ("5 5 2 4 3 4", "steady"); /* 3.67 against 4.00 */
  assert_trend ("1 5 2 4 3 4", "rising"); /* 3.67 against 2.67 */
  /* A last move up does not hide a fall of the means: said as falling,
   * and the tooltip shows both means. */
  assert_trend ("5 5 5 2 2 3", "falling"); /* 2.33 against 5.00 */
  moods_trend ("5 5 5 2 2 3", &trend);
  g_assert_cmpfloat_with_epsilon (trend.recent_mean, 7.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (trend.earlier_mean, 5.0, 1e-9);
}

static void
test_threshold (void)
{
  double       values[] = { 3, 3, 3, 3, 3, 3 };
  RapportTrend trend;

  assert_trend ("3 3 3 3 3 3", "steady");
  /* Means differ in thirds: a third is not more than half a point, two
   * thirds are. */
  assert_trend ("3 3 3 3 3 4", "steady");
  assert_trend ("3 3 3 3 4 4", "rising");
  assert_trend ("3 3 3 3 3 2", "steady");
  assert_trend ("3 3 3 3 2 2", "falling");

  /* Exactly on the threshold is not beyond it. */
  values[5] = 4.5; /* 3.5 against 3.0 */
  g_assert_cmpint (rapport_trend_compute (values, 6, 0.5, &trend), ==, RAPPORT_TREND_STEADY);
  values[5] = 4.53;
  g_assert_cmpint (rapport_trend_compute (values, 6, 0.5, &trend), ==, RAPPORT_TREND_RISING);
  g_assert_cmpint (rapport_trend_compute (values, 6, 1.0, NULL), ==, RAPPORT_TREND_STEADY);
  g_assert_cmpint (rapport_trend_compute (values, 5, 0.5, NULL), ==, RAPPORT_TREND_NONE);
}

static void
test_only_last_six (void)
{
  /* Older readings do not count: 1 1 1 1 then 3 3 3 | 3 3 3. */
  assert_trend ("1 1 1 1 3 3 3 3 3 3", "steady");
  assert_trend ("5 5 5 5 5 5 5 5 1 1 1 3 3 3", "rising");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trend/too-few", test_too_few);
  g_test_add_func ("/trend/trial-series", test_trial_series);
  g_test_add_func ("/trend/threshold", test_threshold);
  g_test_add_func ("/trend/only-last-six", test_only_last_six);

  return g_test_run ();
}
