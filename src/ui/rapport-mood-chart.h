/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-brief.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MOOD_CHART (rapport_mood_chart_get_type ())
G_DECLARE_FINAL_TYPE (RapportMoodChart, rapport_mood_chart, RAPPORT, MOOD_CHART, GtkWidget)

/* A small chart of the last moods of a person on the 1 (low) to 5 (high)
 * scale, with the two means the trend rule compares (rapport-trend.h)
 * drawn over their meetings. Accessible role IMG; its label says the
 * values and the trend in words. */
GtkWidget   *rapport_mood_chart_new         (void);
/* @moods: @n moods, oldest first, as rapport_brief_get_moods() gives
 * them; @today for the dates under the points. */
void         rapport_mood_chart_set_moods   (RapportMoodChart       *self,
                                             const RapportBriefMood *moods,
                                             guint                   n,
                                             const char             *today);
/* The trend in one sentence ("Falling: the last 3 moods average 2.0,
 * the 3 before 3.0."), or how many moods a trend still needs. */
const char  *rapport_mood_chart_get_summary (RapportMoodChart       *self);
/* What the trend rule is, for a tooltip. */
const char  *rapport_mood_chart_rule_text   (void);

G_END_DECLS
