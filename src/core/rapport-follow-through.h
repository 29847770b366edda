/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* Follow-through: the share of MY commitments kept by their deadline.
 *
 * A commitment's deadline is its due date; without one, it is the date of
 * the next 1:1 with that person after the meeting where it was made (none
 * yet: no deadline, so it is not counted). It is kept when closed_on <=
 * deadline. It counts in a range when its deadline falls in [from, to)
 * and it is settled: closed, or its deadline is before @today (an open
 * commitment whose deadline is today or later can still be kept).
 *
 * @person_id 0 means the whole team. Dates are YYYY-MM-DD. */

/* Counts over [@from, @to); NULL @from / @to leave that end open. */
gboolean  rapport_follow_through_rate_at  (RapportStore       *store,
                                           gint64              person_id,
                                           const char         *from,
                                           const char         *to,
                                           const char         *today,
                                           guint              *kept,
                                           guint              *due,
                                           GError            **error);
/* The same with today's date. */
gboolean  rapport_follow_through_rate     (RapportStore       *store,
                                           gint64              person_id,
                                           const char         *from,
                                           const char         *to,
                                           guint              *kept,
                                           guint              *due,
                                           GError            **error);
/* One query for a whole chart: @bounds holds @n_buckets + 1 ascending
 * dates, bucket i being [bounds[i], bounds[i+1]). @kept and @due are
 * arrays of @n_buckets, overwritten. */
gboolean  rapport_follow_through_series   (RapportStore       *store,
                                           gint64              person_id,
                                           const char * const *bounds,
                                           guint               n_buckets,
                                           const char         *today,
                                           guint              *kept,
                                           guint              *due,
                                           GError            **error);

G_END_DECLS
