/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-enums.h"
#include "rapport-trend.h"

G_BEGIN_DECLS

/* Decline alerts, shown in the brief and on This Week. Each is the one
 * trend rule of rapport-trend.h applied to a person's last
 * RAPPORT_TREND_READINGS (6) readings, raised only when it says FALLING,
 * so never on fewer than 6 (docs/numbers.md, "Decline alerts"):
 *
 *   MOOD_FALLING   the last 6 moods recorded with the person: the mean of
 *                  the last 3 is lower than the mean of the 3 before by
 *                  more than RAPPORT_TREND_MOOD_THRESHOLD (half a point
 *                  on 1..5), as the brief's mood trend says;
 *   HABIT_FALLING  an active habit, over the person's last 6 1:1s that
 *                  had it on their checklist, read as 1 when ticked and
 *                  0 when not: the share of the last 3 is lower than that
 *                  of the 3 before by more than
 *                  RAPPORT_ALERT_HABIT_THRESHOLD, that is by 2 of 3
 *                  meetings or more (3 of 3 then 1 of 3, 2 then 0). */
typedef enum
{
  RAPPORT_ALERT_MOOD_FALLING,
  RAPPORT_ALERT_HABIT_FALLING,
} RapportAlertKind;

#define RAPPORT_ALERT_HABIT_THRESHOLD 0.5

#define RAPPORT_TYPE_ALERT (rapport_alert_get_type ())
G_DECLARE_FINAL_TYPE (RapportAlert, rapport_alert, RAPPORT, ALERT, GObject)

/* The alert for @n moods (1..5, oldest first; only the last 6 count), or
 * NULL when the rule raises none. */
RapportAlert     *rapport_alert_new_mood        (gint64          person_id,
                                                 const int      *moods,
                                                 gsize           n);
/* The alert for habit @habit_id (@label) from whether it was ticked in
 * each of @n meetings that had it on their checklist, oldest first, or
 * NULL. */
RapportAlert     *rapport_alert_new_habit       (gint64          person_id,
                                                 gint64          habit_id,
                                                 const char     *label,
                                                 const gboolean *ticked,
                                                 gsize           n);

RapportAlertKind  rapport_alert_get_kind        (RapportAlert   *self);
gint64            rapport_alert_get_person_id   (RapportAlert   *self);
/* 0 and NULL for a mood alert. */
gint64            rapport_alert_get_habit_id    (RapportAlert   *self);
const char       *rapport_alert_get_habit_label (RapportAlert   *self);
/* The two means the rule compared: moods 1..5, or habits 0..1. */
double            rapport_alert_get_recent      (RapportAlert   *self);
double            rapport_alert_get_earlier     (RapportAlert   *self);
/* One translated sentence that gives both, e.g. "Mood falling: the last
 * 3 moods average 2.0, the 3 before 3.7". */
const char       *rapport_alert_get_text        (RapportAlert   *self);
/* A word or two, translated: "mood falling", "Listen slipping". */
const char       *rapport_alert_get_short_text  (RapportAlert   *self);

G_END_DECLS
