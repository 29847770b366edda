/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-history"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rapport-history-describe.h"

/* "2 skipped, 1 for leave, 1 moved", of @n (indexed by kind). */
static char *
missed_counts (const guint n[RAPPORT_HISTORY_N_MISSED])
{
  guint skipped = n[RAPPORT_HISTORY_MISSED_SKIPPED] + n[RAPPORT_HISTORY_MISSED_LEAVE];
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (skipped > 0)
    /* Translators: 1:1s recorded as skipped, for any reason */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u skipped", "%u skipped", skipped), skipped));
  if (n[RAPPORT_HISTORY_MISSED_LEAVE] > 0)
    /* Translators: of the 1:1s skipped, those skipped for leave; follows "2 skipped" */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u for leave", "%u for leave", n[RAPPORT_HISTORY_MISSED_LEAVE]),
                                             n[RAPPORT_HISTORY_MISSED_LEAVE]));
  if (n[RAPPORT_HISTORY_MISSED_MOVED] > 0)
    /* Translators: 1:1s recorded as moved to another day */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u moved", "%u moved", n[RAPPORT_HISTORY_MISSED_MOVED]),
                                             n[RAPPORT_HISTORY_MISSED_MOVED]));
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between "2 skipped", "1 for leave" and "1 moved" */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* One missed 1:1 with its day: "skipped on 9 Feb, for leave". */
static char *
missed_one (const RapportHistoryMissed *missed)
{
  g_autofree char *day = rapport_history_format_day (&missed->date, FALSE);

  switch (missed->kind)
    {
    case RAPPORT_HISTORY_MISSED_LEAVE:
      /* Translators: a 1:1 skipped, "skipped on 9 Feb, for leave" */
      return g_strdup_printf (_("skipped on %s, for leave"), day);
    case RAPPORT_HISTORY_MISSED_MOVED:
      /* Translators: a 1:1 moved to another day, "moved from 9 Feb" */
      return g_strdup_printf (_("moved from %s"), day);
    case RAPPORT_HISTORY_MISSED_SKIPPED:
    default:
      /* Translators: a 1:1 skipped, "skipped on 9 Feb" */
      return g_strdup_printf (_("skipped on %s"), day);
    }
}

char *
rapport_history_describe_missed (const RapportHistorySeries *series,
                                 guint                       bucket)
{
  g_autoptr(GPtrArray) parts = NULL;
  guint first, n;

  g_return_val_if_fail (series != NULL, NULL);

  if (series->missed == NULL || (n = rapport_history_series_missed_in (series, bucket, &first)) == 0)
    return NULL;
  if (n > 3)
    {
      guint counts[RAPPORT_HISTORY_N_MISSED] = { 0 };

      for (guint i = first; i < first + n; i++)
        counts[g_array_index (series->missed, RapportHistoryMissed, i).kind]++;
      return missed_counts (counts);
    }
  parts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = first; i < first + n; i++)
    g_ptr_array_add (parts, missed_one (&g_array_index (series->missed, RapportHistoryMissed, i)));
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between "skipped on 9 Feb" and "moved from 12 Feb" */
  return g_strjoinv (_("; "), (char **) parts->pdata);
}

char *
rapport_history_describe_missed_range (const RapportHistorySeries *series)
{
  g_autofree char *counts = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GPtrArray) parts = NULL;

  g_return_val_if_fail (series != NULL, NULL);

  if (series->missed == NULL || series->missed->len == 0)
    return NULL;
  counts = missed_counts (series->n_missed);
  /* Each day, as long as the list stays short enough to hear. */
  if (series->missed->len > 8)
    /* Translators: "Marked on the time axis: 12 skipped, 3 for leave, 1 moved." */
    return g_strdup_printf (_("Marked on the time axis: %s."), counts);
  parts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < series->missed->len; i++)
    g_ptr_array_add (parts, missed_one (&g_array_index (series->missed, RapportHistoryMissed, i)));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (_("; "), (char **) parts->pdata);
  /* Translators: the counts, then each day: "Marked on the time axis: 2 skipped, 1 for leave
   * (skipped on 9 Feb, for leave; skipped on 23 Feb)." */
  return g_strdup_printf (_("Marked on the time axis: %s (%s)."), counts, joined);
}

/* With the bucket's skipped and moved 1:1s after it, if any. */
static char *
with_missed (const RapportHistorySeries *series,
             guint                       bucket,
             char                       *text)
{
  g_autofree char *missed = rapport_history_describe_missed (series, bucket);
  char            *joined;

  if (missed == NULL)
    return text;
  /* Translators: a point of the chart and the 1:1s skipped then, "Week of 9 Feb: 0 meetings · skipped on 9 Feb" */
  joined = g_strdup_printf (_("%s · %s"), text, missed);
  g_free (text);
  return joined;
}

static char *describe_point (const RapportHistorySeries *series,
                             const RapportHistoryRow    *row,
                             guint                       bucket);

char *
rapport_history_describe_point (const RapportHistorySeries *series,
                                const RapportHistoryRow    *row,
                                guint                       bucket)
{
  g_return_val_if_fail (series != NULL && row != NULL, NULL);
  g_return_val_if_fail (bucket < series->n_buckets, NULL);

  return with_missed (series, bucket, describe_point (series, row, bucket));
}

static char *
describe_point (const RapportHistorySeries *series,
                const RapportHistoryRow    *row,
                guint                       bucket)
{
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;

  when = rapport_history_series_bucket_label (series, bucket);
  name = rapport_history_row_label (row);
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
          return g_strdup_printf (_("%s: %s, no commitments due"), when, name);
        if (row->rate->unit == RAPPORT_HISTORY_UNIT_COMMITMENTS)
          /* Translators: "Week of 3 Mar: Follow-through 75 % (3 of 4 commitments kept)" */
          return g_strdup_printf (ngettext ("%s: %s %d %% (%u of %u commitment kept)",
                                            "%s: %s %d %% (%u of %u commitments kept)", count.total),
                                  when, name, rapport_history_count_percent (count),
                                  count.ticked, count.total);
        if (count.total == 0 && series->meetings[bucket] == 0)
          /* Translators: "Week of 3 Mar: Listen, no meetings" */
          return g_strdup_printf (_("%s: %s, no meetings"), when, name);
        if (count.total == 0)
          /* Translators: "Week of 3 Mar: Listen, not on the checklist" */
          return g_strdup_printf (_("%s: %s, not on the checklist"), when, name);
        if (row->rate->unit == RAPPORT_HISTORY_UNIT_ITEMS)
          /* Translators: "Week of 3 Mar: Trust 44 % (4 of 9 checklist items ticked)" */
          return g_strdup_printf (ngettext ("%s: %s %d %% (%u of %u checklist item ticked)",
                                            "%s: %s %d %% (%u of %u checklist items ticked)", count.total),
                                  when, name, rapport_history_count_percent (count),
                                  count.ticked, count.total);
        /* Translators: "Week of 3 Mar: Listen 75 % (ticked in 3 of 4 meetings)" */
        return g_strdup_printf (ngettext ("%s: %s %d %% (ticked in %u of %u meeting)",
                                          "%s: %s %d %% (ticked in %u of %u meetings)", count.total),
                                when, name, rapport_history_count_percent (count), count.ticked, count.total);
      }
    }
}

char *
rapport_history_describe_series (const RapportHistorySeries *series,
                                 RapportHistoryShow          show)
{
  const RapportHistoryRate *best = NULL, *weakest = NULL;
  RapportHistoryCount       now = {
          0,
  },
                      before = {
                        0,
                      };
  g_autoptr(GPtrArray) rates = g_ptr_array_new ();
  GString *text;
  guint    gaps = 0;

  g_return_val_if_fail (series != NULL, NULL);

  if (series->range_meetings == 0)
    return g_strdup (_("No meetings in this period."));
  text = g_string_new (NULL);
  {
    /* "47 meetings from 3 Sep to 1 Dec 2025.", and where the data starts. */
    g_autofree char *range = rapport_history_series_range_text (series);
    g_string_append (text, range);
  }

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
      double                    ratio = rapport_history_count_ratio (rate->range);

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

  if (best != NULL)
    {
      g_autofree char *summary = rapport_history_rate_summary (best);
      g_string_append_c (text, ' ');
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
      /* The habits together count checklist items, several per meeting. */
      if (a > b)
        g_string_append_printf (text, _("Overall %d %% of checklist items ticked, up from %d %% in the period before."), a, b);
      else if (a < b)
        g_string_append_printf (text, _("Overall %d %% of checklist items ticked, down from %d %% in the period before."), a, b);
      else
        g_string_append_printf (text, _("Overall %d %% of checklist items ticked, as in the period before."), a);
    }
  if (show == RAPPORT_HISTORY_SHOW_HABITS)
    for (guint i = 0; i < series->extras->len; i++)
      {
        const RapportHistoryRate *extra = g_ptr_array_index (series->extras, i);
        g_autofree char          *summary = rapport_history_rate_summary (extra);

        g_string_append_c (text, ' ');
        /* Translators: "Follow-through: 75 % of 8 commitments kept." */
        g_string_append_printf (text, _("%s: %s."), extra->name, summary);
      }
  {
    g_autofree char *missed = rapport_history_describe_missed_range (series);

    if (missed != NULL)
      {
        g_string_append_c (text, ' ');
        g_string_append (text, missed);
      }
  }
  if (gaps > 0)
    {
      g_string_append_c (text, ' ');
      if (series->bucket == RAPPORT_HISTORY_BUCKET_MONTH)
        g_string_append_printf (text, ngettext ("%u of %u months without a meeting.", "%u of %u months without a meeting.", gaps),
                                gaps, series->n_buckets);
      else
        g_string_append_printf (text, ngettext ("%u of %u weeks without a meeting.", "%u of %u weeks without a meeting.", gaps),
                                gaps, series->n_buckets);
    }
  return g_string_free (text, FALSE);
}

char *
rapport_history_describe_adherence (const RapportAdherence *adherence)
{
  g_autofree char *text = NULL;
  guint            n_skipped;

  g_return_val_if_fail (adherence != NULL, NULL);

  n_skipped = adherence->skipped + adherence->excused;
  if (adherence->expected == 0 && adherence->held == 0 && n_skipped == 0 && adherence->moved == 0)
    return NULL;

  if (adherence->expected > 0)
    {
      int percent = (int) floor (adherence->held * 100.0 / adherence->expected + 0.5);

      /* Translators: "9 of 12 expected 1:1s held (75 %)": held, expected, a share */
      text = g_strdup_printf (ngettext ("%u of %u expected 1:1 held (%d %%)",
                                        "%u of %u expected 1:1s held (%d %%)", adherence->expected),
                              adherence->held, adherence->expected, percent);
    }
  else if (adherence->held > 0)
    /* Translators: 1:1s held in a range where the cadence expected none */
    text = g_strdup_printf (ngettext ("%u 1:1 held, none expected", "%u 1:1s held, none expected",
                                      adherence->held),
                            adherence->held);
  else
    text = g_strdup (_("No 1:1s expected"));

  if (n_skipped > 0)
    {
      g_autofree char *skips = NULL;
      char            *joined;

      /* Translators: 1:1s recorded as skipped, for any reason */
      skips = g_strdup_printf (ngettext ("%u skipped", "%u skipped", n_skipped), n_skipped);
      if (adherence->excused > 0)
        {
          /* Translators: of the 1:1s skipped, those skipped for leave; follows "2 skipped" */
          g_autofree char *leave = g_strdup_printf (ngettext ("%u for leave", "%u for leave", adherence->excused),
                                                    adherence->excused);
          /* Translators: "2 skipped, 1 for leave" */
          char            *both = g_strdup_printf (_("%s, %s"), skips, leave);

          g_free (skips);
          skips = both;
        }
      /* Translators: two parts of the adherence line, "9 of 12 expected 1:1s held (75 %) · 2 skipped" */
      joined = g_strdup_printf (_("%s · %s"), text, skips);
      g_free (text);
      text = joined;
    }
  if (adherence->moved > 0)
    {
      /* Translators: 1:1s recorded as moved to another day */
      g_autofree char *moved = g_strdup_printf (ngettext ("%u moved", "%u moved", adherence->moved),
                                                adherence->moved);
      char            *joined = g_strdup_printf (_("%s · %s"), text, moved);

      g_free (text);
      text = joined;
    }
  return g_steal_pointer (&text);
}
