/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-calendar"

#include "config.h"

#include <stdio.h>

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
