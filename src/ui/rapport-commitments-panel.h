/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-meeting.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_COMMITMENTS_PANEL (rapport_commitments_panel_get_type ())
G_DECLARE_FINAL_TYPE (RapportCommitmentsPanel, rapport_commitments_panel, RAPPORT, COMMITMENTS_PANEL, GtkWidget)

/* The commitments section of a meeting: what was promised in it and what
 * is carried over from earlier meetings with the same person.
 *
 * Properties: "store" (construct-only), "meeting" (read-only, use
 * set_meeting), "toast-overlay" (where the undo toast of a deletion goes;
 * when unset, the "show-toast" signal is emitted if connected, else the
 * nearest AdwToastOverlay ancestor is used).
 * Signals: "changed" () after every write, so that a brief or a people
 * list can refresh; "save-failed" (const char *message) when a write was
 * refused; "show-toast" (AdwToast *toast). */
GtkWidget      *rapport_commitments_panel_new               (RapportStore            *store);
/* NULL empties the panel. Reloads from the store every time. */
void            rapport_commitments_panel_set_meeting       (RapportCommitmentsPanel *self,
                                                             RapportMeeting          *meeting);
RapportMeeting *rapport_commitments_panel_get_meeting       (RapportCommitmentsPanel *self);
void            rapport_commitments_panel_reload            (RapportCommitmentsPanel *self);
void            rapport_commitments_panel_set_toast_overlay (RapportCommitmentsPanel *self,
                                                             AdwToastOverlay         *overlay);
/* RapportCommitment items as shown, for tests and accessibility tools. */
GListModel     *rapport_commitments_panel_get_model         (RapportCommitmentsPanel *self);
/* Writes a commitment whose text is being edited. */
void            rapport_commitments_panel_flush             (RapportCommitmentsPanel *self);
/* Moves the focus to the "Add a commitment" entry, revealing a folded
 * side column and scrolling the entry into view; FALSE when there is no
 * meeting on show to add to. */
gboolean        rapport_commitments_panel_focus_entry       (RapportCommitmentsPanel *self);

G_END_DECLS
