/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Asked of an ancestor (This Week installs it) when the tick box of a
 * commitment is toggled, with the commitment's id. The commitment
 * notifies when it changed, and the row repaints from it. */
#define RAPPORT_THIS_WEEK_ROW_ACTION_TOGGLE_CLOSED "this-week.toggle-closed" /* "x" */

#define RAPPORT_TYPE_THIS_WEEK_ROW (rapport_this_week_row_get_type ())
G_DECLARE_FINAL_TYPE (RapportThisWeekRow, rapport_this_week_row, RAPPORT, THIS_WEEK_ROW, GtkListBoxRow)

/* One line of This Week, for one of its items: a person due for a 1:1
 * (RapportAttention), one of my open commitments (RapportCommitment, with
 * a tick box), a talking point waiting (RapportTalkingPoint) or a decline
 * alert (RapportAlert). It looks like an AdwActionRow (title, subtitle,
 * a prefix, a badge and an arrow) but is a plain GtkListBoxRow; see
 * rapport-this-week-row.c for why. Activating it opens the person or the
 * meeting; rapport_this_week_row_get_person_id() and _get_meeting_id()
 * say which.
 *
 * Properties: "item" (followed: a change of its properties repaints the
 * row), "person-name" (whom it is about), "today" (YYYY-MM-DD). */
GtkWidget  *rapport_this_week_row_new            (GObject            *item,
                                                  const char         *person_name,
                                                  const char         *today);
GObject    *rapport_this_week_row_get_item       (RapportThisWeekRow *self);
void        rapport_this_week_row_set_item       (RapportThisWeekRow *self,
                                                  GObject            *item);
/* What the row says: its title (also its accessible name) and the line
 * under it. */
const char *rapport_this_week_row_get_title      (RapportThisWeekRow *self);
const char *rapport_this_week_row_get_subtitle   (RapportThisWeekRow *self);
/* The person the item is about, and the meeting it opens (0: none,
 * the person is opened). */
gint64      rapport_this_week_row_get_person_id  (RapportThisWeekRow *self);
gint64      rapport_this_week_row_get_meeting_id (RapportThisWeekRow *self);

G_END_DECLS
