/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-alert"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rapport-alert.h"

struct _RapportAlert
{
  GObject          parent_instance;

  RapportAlertKind kind;
  gint64           person_id;
  gint64           habit_id;
  char            *habit_label;
  double           recent;
  double           earlier;
  char            *text;
  char            *short_text;
};

G_DEFINE_FINAL_TYPE (RapportAlert, rapport_alert, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_PERSON_ID,
  PROP_HABIT_ID,
  PROP_TEXT,
  PROP_SHORT_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_alert_finalize (GObject *object)
{
  RapportAlert *self = RAPPORT_ALERT (object);

  g_clear_pointer (&self->habit_label, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->short_text, g_free);

  G_OBJECT_CLASS (rapport_alert_parent_class)->finalize (object);
}

static void
rapport_alert_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RapportAlert *self = RAPPORT_ALERT (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_PERSON_ID: g_value_set_int64 (value, self->person_id); break;
    case PROP_HABIT_ID: g_value_set_int64 (value, self->habit_id); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_SHORT_TEXT: g_value_set_string (value, self->short_text); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_alert_class_init (RapportAlertClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_alert_finalize;
  object_class->get_property = rapport_alert_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RAPPORT_TYPE_ALERT_KIND, RAPPORT_ALERT_MOOD_FALLING,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HABIT_ID] =
    g_param_spec_int64 ("habit-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHORT_TEXT] =
    g_param_spec_string ("short-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_alert_init (RapportAlert *self)
{
}

RapportAlert *
rapport_alert_new_mood (gint64     person_id,
                        const int *moods,
                        gsize      n)
{
  RapportAlert *self;
  RapportTrend  trend;

  g_return_val_if_fail (moods != NULL || n == 0, NULL);

  if (rapport_trend_of_moods (moods, n, &trend) != RAPPORT_TREND_FALLING)
    return NULL;

  self = g_object_new (RAPPORT_TYPE_ALERT, NULL);
  self->kind = RAPPORT_ALERT_MOOD_FALLING;
  self->person_id = person_id;
  self->recent = trend.recent_mean;
  self->earlier = trend.earlier_mean;
  /* Translators: a decline alert: the two means of moods (1 to 5)
   * compared, with one decimal; the numbers of moods are both 3. */
  self->text = g_strdup_printf (_("Mood falling: the last %d moods average %.1f, the %d before %.1f"),
                                RAPPORT_TREND_WINDOW, self->recent, RAPPORT_TREND_WINDOW, self->earlier);
  /* Translators: the reason a person needs attention, in a word or two. */
  self->short_text = g_strdup (_("mood falling"));
  return self;
}

RapportAlert *
rapport_alert_new_habit (gint64          person_id,
                         gint64          habit_id,
                         const char     *label,
                         const gboolean *ticked,
                         gsize           n)
{
  double        values[RAPPORT_TREND_READINGS];
  gsize         take = MIN (n, (gsize) RAPPORT_TREND_READINGS);
  RapportAlert *self;
  RapportTrend  trend;
  int           recent, earlier;

  g_return_val_if_fail (ticked != NULL || n == 0, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  for (gsize i = 0; i < take; i++)
    values[i] = ticked[n - take + i] ? 1.0 : 0.0;
  if (rapport_trend_compute (values, take, RAPPORT_ALERT_HABIT_THRESHOLD, &trend) != RAPPORT_TREND_FALLING)
    return NULL;

  self = g_object_new (RAPPORT_TYPE_ALERT, NULL);
  self->kind = RAPPORT_ALERT_HABIT_FALLING;
  self->person_id = person_id;
  self->habit_id = habit_id;
  self->habit_label = g_strdup (label);
  self->recent = trend.recent_mean;
  self->earlier = trend.earlier_mean;
  recent = (int) lround (trend.recent_mean * RAPPORT_TREND_WINDOW);
  earlier = (int) lround (trend.earlier_mean * RAPPORT_TREND_WINDOW);
  /* Translators: a decline alert: a habit's name, then in how many of
   * the last 3 1:1s it was ticked, and in how many of the 3 before. */
  self->text = g_strdup_printf (_("%s: ticked in %d of the last %d 1:1s, %d of the %d before"),
                                label, recent, RAPPORT_TREND_WINDOW, earlier, RAPPORT_TREND_WINDOW);
  /* Translators: the reason a person needs attention, in a word or two:
   * a habit's name, practised less and less with them. */
  self->short_text = g_strdup_printf (_("%s slipping"), label);
  return self;
}

RapportAlertKind
rapport_alert_get_kind (RapportAlert *self)
{
  g_return_val_if_fail (RAPPORT_IS_ALERT (self), 0);
  return self->kind;
}
gint64
rapport_alert_get_person_id (RapportAlert *self)
{
  g_return_val_if_fail (RAPPORT_IS_ALERT (self), 0);
  return self->person_id;
}
gint64
rapport_alert_get_habit_id (RapportAlert *self)
{
  g_return_val_if_fail (RAPPORT_IS_ALERT (self), 0);
  return self->habit_id;
}
const char *
rapport_alert_get_habit_label (RapportAlert *self)
{
  g_return_val_if_fail (RAPPORT_IS_ALERT (self), NULL);
  return self->habit_label;
}
double
rapport_alert_get_recent (RapportAlert *self)
{
  g_return_val_if_fail (RAPPORT_IS_ALERT (self), 0);
  return self->recent;
}
double
rapport_alert_get_earlier (RapportAlert *self)
{
  g_return_val_if_fail (RAPPORT_IS_ALERT (self), 0);
  return self->earlier;
}
const char *
rapport_alert_get_text (RapportAlert *self)
{
  g_return_val_if_fail (RAPPORT_IS_ALERT (self), NULL);
  return self->text;
}
const char *
rapport_alert_get_short_text (RapportAlert *self)
{
  g_return_val_if_fail (RAPPORT_IS_ALERT (self), NULL);
  return self->short_text;
}
