/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-attention.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* The days This Week looks ahead, today included: a 1:1 due within them
 * is listed as coming up. */
#define RAPPORT_THIS_WEEK_DAYS 7

#define RAPPORT_TYPE_THIS_WEEK (rapport_this_week_get_type ())
G_DECLARE_FINAL_TYPE (RapportThisWeek, rapport_this_week, RAPPORT, THIS_WEEK, GObject)

/* What the home page shows on @today (YYYY-MM-DD), read at once; a
 * snapshot, loaded again when the data changes. Everything is about
 * people who are not archived. */
RapportThisWeek *rapport_this_week_load                    (RapportStore     *store,
                                                            const char       *today,
                                                            GError          **error);

const char      *rapport_this_week_get_today               (RapportThisWeek  *self);
/* RapportAttention items of the people whose next 1:1 is overdue, due,
 * or due within RAPPORT_THIS_WEEK_DAYS (see rapport_attention_get_cadence()
 * for the day, the date set by hand and the days late): overdue first
 * (the latest first), then due, then coming up by day. */
GListModel      *rapport_this_week_get_due                 (RapportThisWeek  *self);
/* RapportCommitment items: all my open commitments, overdue first (the
 * oldest due date first), then by due date, then those without one by
 * the day they were made. */
GListModel      *rapport_this_week_get_commitments         (RapportThisWeek  *self);
guint            rapport_this_week_get_n_overdue_commitments (RapportThisWeek *self);
/* RapportTalkingPoint items: every queue, person by person (by name). */
GListModel      *rapport_this_week_get_talking_points      (RapportThisWeek  *self);
/* RapportAlert items: every decline alert, people in needs-attention
 * order. */
GListModel      *rapport_this_week_get_alerts              (RapportThisWeek  *self);
/* RapportAttention items: every person (archived ones last), in
 * needs-attention order, as the people list can show them. */
GListModel      *rapport_this_week_get_attention           (RapportThisWeek  *self);
/* The name of a person the lists above refer to, NULL if unknown. */
const char      *rapport_this_week_get_person_name         (RapportThisWeek  *self,
                                                            gint64            person_id);
/* Nothing due, promised, waiting or alarming: the calm empty state. */
gboolean         rapport_this_week_is_empty                (RapportThisWeek  *self);

G_END_DECLS
