/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-meeting.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEETING_ROW (rapport_meeting_row_get_type ())
G_DECLARE_FINAL_TYPE (RapportMeetingRow, rapport_meeting_row, RAPPORT, MEETING_ROW, GtkWidget)

GtkWidget *rapport_meeting_row_new          (void);
void       rapport_meeting_row_set_meeting  (RapportMeetingRow *self,
                                             RapportMeeting    *meeting);
/* "Tuesday 3 March 2026" style text for a YYYY-MM-DD date; @format is a
 * g_date_time_format() string. */
char      *rapport_format_date              (const char        *date,
                                             const char        *format);

G_END_DECLS
