/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-brief.h"
#include "rapport-person.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_BRIEF_VIEW (rapport_brief_view_get_type ())
G_DECLARE_FINAL_TYPE (RapportBriefView, rapport_brief_view, RAPPORT, BRIEF_VIEW, GtkWidget)

/* The "Before your 1:1" page of a person.
 *
 * Properties: "store" (construct-only), "person" (read-only, use
 * set_person), "neglect-window" (guint 1..20, default 3: bind it to the
 * "neglect-window" setting), "today" (YYYY-MM-DD or NULL for the real
 * date; for tests).
 * Signals: "open-meeting" (gint64 meeting_id) from the "Open Meeting"
 * button; "changed" () after a commitment was ticked here, a talking
 * point was written or a 1:1 recorded as skipped or moved.
 * Under the "Start 1:1" button, the next 1:1's day and "Skip or Move…"
 * (RapportNextMeetingBar); after the open commitments, "To Talk About",
 * the person's queue of talking points (RapportTalkingPointsPanel).
 * The "Start 1:1" button activates the action "win.new-meeting"; when
 * the person already has a meeting dated today it reads "Continue
 * Today's 1:1" (the action then opens that meeting). */
GtkWidget      *rapport_brief_view_new                (RapportStore     *store);
/* Shows @person (NULL: nothing) and loads their brief. */
void            rapport_brief_view_set_person         (RapportBriefView *self,
                                                       RapportPerson    *person);
RapportPerson  *rapport_brief_view_get_person         (RapportBriefView *self);
/* Reloads from the store, e.g. after a meeting changed. */
void            rapport_brief_view_refresh            (RapportBriefView *self);
void            rapport_brief_view_set_neglect_window (RapportBriefView *self,
                                                       guint             window);
void            rapport_brief_view_set_today          (RapportBriefView *self,
                                                       const char       *today);
/* The brief on show, or NULL. */
RapportBrief   *rapport_brief_view_get_brief          (RapportBriefView *self);

G_END_DECLS
