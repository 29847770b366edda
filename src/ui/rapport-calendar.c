/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-calendar"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rapport-calendar.h"

char *
rapport_calendar_get_iso_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (GTK_IS_CALENDAR (calendar), NULL);

  date = gtk_calendar_get_date (calendar);
  return g_date_time_format (date, "%Y-%m-%d");
}

void
rapport_calendar_select_iso_date (GtkCalendar *calendar,
                                  const char  *date)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return;
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (dt != NULL)
    gtk_calendar_select_day (calendar, dt);
}

/* The day label GtkCalendar marks as having the keyboard focus (arrow
 * keys move it without selecting), or NULL. */
static GtkWidget *
focused_day (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "day-number") &&
          (gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_FOCUSED) != 0)
        return child;
      found = focused_day (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The day of @label, in the month it belongs to: a greyed day at the
 * top of the grid is in the month before, one at the bottom after. */
static GDateTime *
day_of_label (GtkCalendar *calendar,
              GtkWidget   *label)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);
  int day = atoi (gtk_label_get_label (GTK_LABEL (label)));
  int year = g_date_time_get_year (shown);
  int month = g_date_time_get_month (shown);

  if (day < 1 || day > 31)
    return NULL;
  if (gtk_widget_has_css_class (label, "other-month"))
    month += day > 15 ? -1 : 1;
  if (month < 1)
    {
      month = 12;
      year--;
    }
  else if (month > 12)
    {
      month = 1;
      year++;
    }
  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkCalendar           *calendar)
{
  g_autoptr(GDateTime) selected = NULL;
  g_autoptr(GDateTime) picked = NULL;
  GtkWidget *label;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  selected = gtk_calendar_get_date (calendar);
  label = focused_day (GTK_WIDGET (calendar));
  if (label != NULL)
    picked = day_of_label (calendar, label);

  if (picked != NULL && !same_day (picked, selected))
    gtk_calendar_select_day (calendar, picked);
  else
    /* The day already selected: picking it again is still a choice. */
    g_signal_emit_by_name (calendar, "day-selected");
  return GDK_EVENT_STOP;
}

void
rapport_calendar_pick_on_enter (GtkCalendar *calendar)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), calendar, 0);
  gtk_widget_add_controller (GTK_WIDGET (calendar), keys);
}
