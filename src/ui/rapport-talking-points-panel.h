/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-meeting.h"
#include "rapport-person.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_TALKING_POINTS_PANEL (rapport_talking_points_panel_get_type ())
G_DECLARE_FINAL_TYPE (RapportTalkingPointsPanel, rapport_talking_points_panel, RAPPORT, TALKING_POINTS_PANEL, GtkWidget)

/* "To Talk About": a person's queue of talking points, with a line to add
 * one (its text and who raises it, Me or Them; Enter adds), each point edited in place, reordered (dragged, or
 * moved up and down from its menu or with Alt+Up/Alt+Down) and deleted
 * with an undo toast. Below the queue, the recurring points that wait
 * for a later day.
 *
 * Two uses: set_person() shows a person's queue today (the brief);
 * set_meeting() shows what a meeting shows (the points discussed in it
 * and the queue on its date) with a "discussed" tick box on each point:
 * ticking links the point to the meeting, unticking unlinks it.
 *
 * Properties: "store" (construct-only), "person-id" (read-only),
 * "meeting" (read-only), "meeting-mode" (read-only), "today"
 * (YYYY-MM-DD, NULL for the real date; for tests), "toast-overlay" (where
 * the undo toast of a deletion goes; when unset, "show-toast" is emitted
 * if connected, else the nearest AdwToastOverlay ancestor is used).
 * Signals: "changed" () after every write, so that a brief, This Week or
 * a people list can refresh; "save-failed" (const char *message) when a
 * write was refused; "show-toast" (AdwToast *toast). */
GtkWidget      *rapport_talking_points_panel_new               (RapportStore              *store);
/* A person's queue (NULL empties the panel). Reloads every time. */
void            rapport_talking_points_panel_set_person        (RapportTalkingPointsPanel *self,
                                                                RapportPerson             *person);
/* What @meeting shows, with the "discussed" tick boxes (NULL empties the
 * panel). Reloads every time. */
void            rapport_talking_points_panel_set_meeting       (RapportTalkingPointsPanel *self,
                                                                RapportMeeting            *meeting);
gint64          rapport_talking_points_panel_get_person_id     (RapportTalkingPointsPanel *self);
RapportMeeting *rapport_talking_points_panel_get_meeting       (RapportTalkingPointsPanel *self);
gboolean        rapport_talking_points_panel_get_meeting_mode  (RapportTalkingPointsPanel *self);
void            rapport_talking_points_panel_reload            (RapportTalkingPointsPanel *self);
void            rapport_talking_points_panel_set_today         (RapportTalkingPointsPanel *self,
                                                                const char                *today);
void            rapport_talking_points_panel_set_toast_overlay (RapportTalkingPointsPanel *self,
                                                                AdwToastOverlay           *overlay);
/* RapportTalkingPoint items as shown, in order: the queue (or the
 * meeting's points), and the recurring ones waiting for a later day. */
GListModel     *rapport_talking_points_panel_get_model         (RapportTalkingPointsPanel *self);
GListModel     *rapport_talking_points_panel_get_scheduled     (RapportTalkingPointsPanel *self);
/* Writes a point whose text is being edited. */
void            rapport_talking_points_panel_flush             (RapportTalkingPointsPanel *self);
/* Moves the focus to the "Add a talking point" entry. */
void            rapport_talking_points_panel_focus_entry       (RapportTalkingPointsPanel *self);

G_END_DECLS
