/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-meeting.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEETING_LIST (rapport_meeting_list_get_type ())
G_DECLARE_FINAL_TYPE (RapportMeetingList, rapport_meeting_list, RAPPORT, MEETING_LIST, GObject)

/* How many meetings the model shows at first. GtkListView (4.8) builds a
 * row for up to 200 items whenever its model is replaced, so a person's
 * ten years of meetings are offered a page at a time as the list scrolls. */
#define RAPPORT_MEETING_LIST_PAGE 30

/* A person's meetings, newest first. All ids are read up front, but only
 * the first RAPPORT_MEETING_LIST_PAGE are items (loaded) until show_more()
 * is called. A shown meeting is loaded before it is counted: one that
 * cannot be read leaves the list instead, so get_item() is never NULL
 * below n_items. */
RapportMeetingList *rapport_meeting_list_new        (RapportStore        *store,
                                                     gint64               person_id,
                                                     GError             **error);
gint64              rapport_meeting_list_get_person_id (RapportMeetingList *self);
gboolean            rapport_meeting_list_reload     (RapportMeetingList  *self,
                                                     GError             **error);
/* Position among all the person's meetings (shown or not yet); G_MAXUINT
 * when absent. */
guint               rapport_meeting_list_find       (RapportMeetingList  *self,
                                                     gint64               meeting_id);
/* All the person's meetings, including those not shown yet. */
guint               rapport_meeting_list_get_n_meetings (RapportMeetingList *self);
/* Shows at least @at_least meetings (or all there are). */
void                rapport_meeting_list_show_more  (RapportMeetingList  *self,
                                                     guint                at_least);

G_END_DECLS
