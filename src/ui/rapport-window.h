/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-meeting-editor.h"
#include "rapport-person.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_WINDOW (rapport_window_get_type ())
G_DECLARE_FINAL_TYPE (RapportWindow, rapport_window, RAPPORT, WINDOW, AdwApplicationWindow)

RapportWindow        *rapport_window_new             (AdwApplication *application,
                                                      RapportStore   *store);
RapportStore         *rapport_window_get_store       (RapportWindow  *self);
RapportMeetingEditor *rapport_window_get_editor      (RapportWindow  *self);
RapportPerson        *rapport_window_get_person      (RapportWindow  *self);
/* The search page, made when first asked for. */
GtkWidget            *rapport_window_get_search_panel (RapportWindow *self);
void                  rapport_window_select_person   (RapportWindow  *self,
                                                      gint64          person_id);
void                  rapport_window_open_meeting    (RapportWindow  *self,
                                                      gint64          person_id,
                                                      gint64          meeting_id);
/* Re-reads everything shown (after an import, or when another program
 * wrote): people, meetings, the brief, the open meeting (what was typed
 * is kept, see RapportMeetingEditor::conflict) and its commitments. */
void                  rapport_window_reload          (RapportWindow  *self);
/* Reloads if another connection committed since the last look (PRAGMA
 * data_version); runs twice a second and when the window gets the focus.
 * TRUE if it reloaded. */
gboolean              rapport_window_check_for_changes (RapportWindow *self);
void                  rapport_window_add_toast       (RapportWindow  *self,
                                                      const char     *message);
gboolean              rapport_window_flush           (RapportWindow  *self);
/* The checklist's habits changed (Preferences): re-read what shows them. */
void                  rapport_window_habits_changed  (RapportWindow  *self);

G_END_DECLS
