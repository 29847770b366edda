/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-talking-point.h"

G_BEGIN_DECLS

/* What the row asks of its list. The row writes nothing itself: it
 * activates these actions, which an ancestor installs (the talking points
 * panel does), with the point's id first in the parameter. The write
 * notifies the point, and the row repaints from it; when a write is
 * refused the row shows the point's values again. */
#define RAPPORT_TALKING_POINT_ROW_ACTION_TOGGLE_DISCUSSED "talking-point.toggle-discussed" /* "x" */
#define RAPPORT_TALKING_POINT_ROW_ACTION_SET_TEXT         "talking-point.set-text"         /* "(xs)" */
#define RAPPORT_TALKING_POINT_ROW_ACTION_SET_RAISED_BY    "talking-point.set-raised-by"    /* "(xs)", "me" or "them" */
/* Every @every days or weeks ("days", "weeks"); "none" (with 0) stops it. */
#define RAPPORT_TALKING_POINT_ROW_ACTION_SET_RECURRENCE   "talking-point.set-recurrence"   /* "(xis)" */
/* One place up (-1) or down (+1) in the queue. */
#define RAPPORT_TALKING_POINT_ROW_ACTION_MOVE             "talking-point.move"             /* "(xi)" */
/* The point dropped (first) goes before (FALSE) or after (TRUE) the
 * point it was dropped on (second). */
#define RAPPORT_TALKING_POINT_ROW_ACTION_MOVE_TO          "talking-point.move-to"          /* "(xxb)" */
#define RAPPORT_TALKING_POINT_ROW_ACTION_DELETE           "talking-point.delete"           /* "x" */

#define RAPPORT_TYPE_TALKING_POINT_ROW (rapport_talking_point_row_get_type ())
G_DECLARE_FINAL_TYPE (RapportTalkingPointRow, rapport_talking_point_row, RAPPORT, TALKING_POINT_ROW, GtkListBoxRow)

/* One talking point in a person's queue: a handle to drag it by, the text
 * (edited in place), who raised it, its rhythm when it recurs, a menu to
 * move it up or down (also Alt+Up and Alt+Down) and a delete button; in a
 * meeting, a "discussed" tick box.
 *
 * Properties: "talking-point" (followed: a change of any of its
 * properties repaints the row), "today" (YYYY-MM-DD, for dates),
 * "meeting-mode" (shows the tick box). */
GtkWidget           *rapport_talking_point_row_new               (RapportTalkingPoint    *point,
                                                                  const char             *today,
                                                                  gboolean                meeting_mode);
void                 rapport_talking_point_row_set_talking_point (RapportTalkingPointRow *self,
                                                                  RapportTalkingPoint    *point);
RapportTalkingPoint *rapport_talking_point_row_get_talking_point (RapportTalkingPointRow *self);
void                 rapport_talking_point_row_set_today         (RapportTalkingPointRow *self,
                                                                  const char             *today);
void                 rapport_talking_point_row_set_meeting_mode  (RapportTalkingPointRow *self,
                                                                  gboolean                meeting_mode);
gboolean             rapport_talking_point_row_get_meeting_mode  (RapportTalkingPointRow *self);
/* Ends an edit of the text in progress, which writes it. */
void                 rapport_talking_point_row_stop_editing      (RapportTalkingPointRow *self);

/* "every 8 weeks", "every day": the rhythm of a recurring point,
 * translated; NULL when it does not recur. */
char                *rapport_talking_point_row_describe_rhythm   (int                     every,
                                                                  RapportRecurUnit        unit);

G_END_DECLS
