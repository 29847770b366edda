/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-meeting.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEETING_LIST (rapport_meeting_list_get_type ())
G_DECLARE_FINAL_TYPE (RapportMeetingList, rapport_meeting_list, RAPPORT, MEETING_LIST, GObject)

/* A person's meetings, newest first. Only the ids are read up front; a
 * meeting is loaded when a view asks for its item. */
RapportMeetingList *rapport_meeting_list_new        (RapportStore        *store,
                                                     gint64               person_id,
                                                     GError             **error);
gint64              rapport_meeting_list_get_person_id (RapportMeetingList *self);
gboolean            rapport_meeting_list_reload     (RapportMeetingList  *self,
                                                     GError             **error);
/* G_MAXUINT when absent. */
guint               rapport_meeting_list_find       (RapportMeetingList  *self,
                                                     gint64               meeting_id);

G_END_DECLS
