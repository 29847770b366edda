/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* Running sums per calendar day for the team's history chart and
 * follow-through (tables history_days, history_day_ticks and
 * follow_through_days, see resources/sql/006-aggregates.sql). Triggers
 * keep them up to date in the same transaction as every write; these
 * functions are for bulk writes and for checking. */

/* Recomputes the tables from the meetings, ticks and commitments, in one
 * transaction (or within the caller's). */
gboolean   rapport_aggregates_rebuild  (RapportStore  *store,
                                        GError       **error);

/* For a large import: drops the triggers that keep the tables, so that
 * each row is written without their cost, and returns their SQL (free
 * with g_strfreev()). rapport_aggregates_resume() creates them again and
 * rebuilds the tables. Call both inside the same transaction of the
 * caller's, so that no other connection ever sees the schema without them
 * or the tables out of date, and a rollback restores both. */
char     **rapport_aggregates_suspend  (RapportStore  *store,
                                        GError       **error);
gboolean   rapport_aggregates_resume   (RapportStore  *store,
                                        char         **triggers,
                                        GError       **error);

/* Compares the tables with a computation from scratch (rows of zeros
 * count as absent). TRUE when they are equal; otherwise FALSE and, in
 * @difference, the first rows that differ. */
gboolean   rapport_aggregates_check    (RapportStore  *store,
                                        char         **difference,
                                        GError       **error);

G_END_DECLS
