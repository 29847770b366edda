/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkCalendar's day as the store writes dates (YYYY-MM-DD), both ways. */
char *rapport_calendar_get_iso_date    (GtkCalendar *calendar);
/* Does nothing when @date is NULL or not a date. Emits "day-selected". */
void  rapport_calendar_select_iso_date (GtkCalendar *calendar,
                                        const char  *date);

G_END_DECLS
