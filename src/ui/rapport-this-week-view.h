/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"
#include "rapport-this-week.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_THIS_WEEK_VIEW (rapport_this_week_view_get_type ())
G_DECLARE_FINAL_TYPE (RapportThisWeekView, rapport_this_week_view, RAPPORT, THIS_WEEK_VIEW, GtkWidget)

/* The home page, "This Week": who is due or overdue for a 1:1 (and when
 * their next one is), all my open commitments across the team with the
 * overdue ones first (a tick closes one), the talking points waiting and
 * the decline alerts. Each line opens its person or its meeting. A team
 * with nothing pending gets a calm empty page. Long sections show their
 * first lines and a button for the rest.
 *
 * What it shows is read by rapport_this_week_load() in one go (no query
 * per line), when made, on reload() and when "today" changes.
 *
 * Properties: "store" (construct-only), "today" (YYYY-MM-DD, NULL for the
 * real date; for tests), "empty" (read-only: nothing pending).
 * Signals: "open-person" (gint64 person_id), "open-meeting" (gint64
 * person_id, gint64 meeting_id), "changed" () after a commitment was
 * ticked here, "save-failed" (const char *message) when that was refused. */
GtkWidget       *rapport_this_week_view_new           (RapportStore        *store);
void             rapport_this_week_view_reload        (RapportThisWeekView *self);
void             rapport_this_week_view_set_today     (RapportThisWeekView *self,
                                                       const char          *today);
/* The snapshot on show (NULL if it could not be read). */
RapportThisWeek *rapport_this_week_view_get_this_week (RapportThisWeekView *self);
gboolean         rapport_this_week_view_get_empty     (RapportThisWeekView *self);
/* How long the last reload took to read, in microseconds. */
gint64           rapport_this_week_view_get_load_time (RapportThisWeekView *self);

G_END_DECLS
