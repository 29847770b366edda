/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEETING (rapport_meeting_get_type ())
G_DECLARE_FINAL_TYPE (RapportMeeting, rapport_meeting, RAPPORT, MEETING, GObject)

gint64          rapport_meeting_get_id          (RapportMeeting  *self);
const char     *rapport_meeting_get_uuid        (RapportMeeting  *self);
gint64          rapport_meeting_get_person_id   (RapportMeeting  *self);
const char     *rapport_meeting_get_date        (RapportMeeting  *self);
void            rapport_meeting_set_date        (RapportMeeting  *self,
                                                 const char      *date);
const char     *rapport_meeting_get_notes       (RapportMeeting  *self);
void            rapport_meeting_set_notes       (RapportMeeting  *self,
                                                 const char      *notes);
int             rapport_meeting_get_mood        (RapportMeeting  *self);
void            rapport_meeting_set_mood        (RapportMeeting  *self,
                                                 int              mood);
gboolean        rapport_meeting_get_dirty       (RapportMeeting  *self);

gboolean        rapport_date_is_valid           (const char      *date);

/* Creates a meeting on @date (YYYY-MM-DD) whose checklist is the habits
 * active now. */
RapportMeeting *rapport_meeting_create          (RapportStore    *store,
                                                 gint64           person_id,
                                                 const char      *date,
                                                 GError         **error);
RapportMeeting *rapport_meeting_load            (RapportStore    *store,
                                                 gint64           id,
                                                 GError         **error);
/* Writes date, notes and mood if they changed since the last save. */
gboolean        rapport_meeting_save            (RapportMeeting  *self,
                                                 RapportStore    *store,
                                                 GError         **error);

/* Deletion in two steps so it can be undone: hide, then purge. */
gboolean        rapport_meeting_hide            (RapportStore    *store,
                                                 gint64           id,
                                                 gboolean         hidden,
                                                 GError         **error);
gboolean        rapport_meeting_purge           (RapportStore    *store,
                                                 gint64           id,
                                                 GError         **error);

G_END_DECLS
