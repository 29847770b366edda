/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The history chart in words, for tooltips, the label under the chart
 * and assistive technology. */

#include "rapport-cadence.h"
#include "rapport-history-row.h"

G_BEGIN_DECLS

/* One row and bucket, in the row's unit: "Week of 3 Mar: Listen 75 %
 * (ticked in 3 of 4 meetings)", "…: Trust 44 % (4 of 9 checklist items
 * ticked)", "…: Follow-through 75 % (3 of 4 commitments kept)". */
char    *rapport_history_describe_point    (const RapportHistorySeries  *series,
                                            const RapportHistoryRow     *row,
                                            guint                        bucket);
/* The skipped and moved 1:1s of @bucket: "skipped on 9 Feb, for leave";
 * "4 skipped, 1 for leave, 2 moved" when there are more than three.
 * NULL when there are none. */
char    *rapport_history_describe_missed   (const RapportHistorySeries  *series,
                                            guint                        bucket);
/* The skipped and moved 1:1s of the range for assistive technology and
 * an exported SVG's description: "Marked on the time axis: 2 skipped, 1
 * for leave (skipped on 9 Feb, for leave; skipped on 23 Feb)."; the
 * counts alone past eight. NULL when there are none. */
char    *rapport_history_describe_missed_range (const RapportHistorySeries *series);
/* What the range covers and where the data starts, best and weakest
 * habit, direction and gaps, for assistive technology. */
char    *rapport_history_describe_series   (const RapportHistorySeries  *series,
                                            RapportHistoryShow           show);

/* 1:1s held against those the cadence expected over the range, for the
 * line above the summary: "9 of 12 expected 1:1s held (75 %) · 2
 * skipped, 1 for leave". NULL when there is nothing to say (nothing
 * expected, held, skipped or moved). */
char    *rapport_history_describe_adherence (const RapportAdherence    *adherence);

G_END_DECLS
