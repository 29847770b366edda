/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-person.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_NEXT_MEETING_BAR (rapport_next_meeting_bar_get_type ())
G_DECLARE_FINAL_TYPE (RapportNextMeetingBar, rapport_next_meeting_bar, RAPPORT, NEXT_MEETING_BAR, GtkWidget)

/* The next 1:1 with a person, for the brief: "Next 1:1 due Thu 3 Dec", a
 * button whose popover sets that day by hand (or goes back to the
 * cadence), and "Skip or Move…", which records a 1:1 that did not happen
 * (RapportSkipDialog) and offers to undo it in a toast.
 *
 * Properties: "store" (construct-only), "person" (read-only, use
 * set_person), "today" (YYYY-MM-DD, NULL for the real date; for tests),
 * "toast-overlay" (as for RapportTalkingPointsPanel: else "show-toast"
 * if connected, else the nearest AdwToastOverlay ancestor).
 * Signals: "changed" () after a write, "save-failed" (const char *),
 * "show-toast" (AdwToast *). */
GtkWidget     *rapport_next_meeting_bar_new               (RapportStore          *store);
void           rapport_next_meeting_bar_set_person        (RapportNextMeetingBar *self,
                                                           RapportPerson         *person);
RapportPerson *rapport_next_meeting_bar_get_person        (RapportNextMeetingBar *self);
void           rapport_next_meeting_bar_set_today         (RapportNextMeetingBar *self,
                                                           const char            *today);
void           rapport_next_meeting_bar_set_toast_overlay (RapportNextMeetingBar *self,
                                                           AdwToastOverlay       *overlay);
/* Reads the person's cadence again. */
void           rapport_next_meeting_bar_refresh           (RapportNextMeetingBar *self);

G_END_DECLS
