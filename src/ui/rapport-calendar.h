/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkCalendar's day as the store writes dates (YYYY-MM-DD), both ways. */
char *rapport_calendar_get_iso_date    (GtkCalendar *calendar);
/* Does nothing when @date is NULL or not a date. Emits "day-selected". */
void  rapport_calendar_select_iso_date (GtkCalendar *calendar,
                                        const char  *date);

/* Enter (or keypad Enter) picks the day the arrow keys moved to, as
 * Space or a click does, and emits "day-selected" even when that day was
 * already selected, so that a popover holding @calendar can close. */
void  rapport_calendar_pick_on_enter   (GtkCalendar *calendar);

G_END_DECLS
